"""Publication: inventory, decision letter, DiWoo metadata, case report and the package.

Public API: ``wooflow.case.publish.process.process(inputs, out_dir, config=None, case_dir=None,
progress=None) -> ProcessSummary`` (the pipeline behind ``wooflow process``) and
``wooflow.case.publish.config.ProcessConfig`` / ``load_config``. The writers in the sibling
modules (``inventory``, ``decision``, ``diwoo``, ``report``, ``package``) take the plain records
of ``records`` and work without a case. See docs/PUBLISH.md.
"""
