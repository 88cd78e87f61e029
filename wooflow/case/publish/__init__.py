"""Publication: inventory, decision letter, DiWoo metadata, report and the package.

``process`` (wooflow.case.publish.process) runs the whole pipeline and writes the package; the
writers in the sibling modules take plain records (records.py) and can be used on their own.
"""
