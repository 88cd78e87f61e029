"""Text redaction without the PDF libraries (the web UI's published-text view)."""

from __future__ import annotations

import subprocess
import sys


def test_text_redaction_does_not_import_the_pdf_libraries() -> None:
    code = ("import sys\nfrom wooflow.redact import redact_text\n"
            "print('pymupdf' in sys.modules or 'fitz' in sys.modules or 'pypdfium2' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_the_package_still_exports_its_api() -> None:
    import wooflow.redact as redact

    for name in redact.__all__:
        assert callable(getattr(redact, name)) or isinstance(getattr(redact, name), type)
