"""Regenerate the redaction test files: .venv/bin/python tests/resources/redact/generate.py

pitfalls.pdf: known names in a header, body, table, under a drawn black box, in white, split over
two lines, in two text objects, with a ligature, in a picture, in metadata/XMP, annotations, a
form field, an attachment, the outline, JavaScript, and on a rotated page.
scan.pdf: an image-only page (the text exists only as pixels).
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1] / "redact"))

from redact_fixtures import make_pitfall_pdf, make_scan_pdf  # noqa: E402

if __name__ == "__main__":
    make_pitfall_pdf(HERE / "pitfalls.pdf")
    make_scan_pdf(
        HERE / "scan.pdf",
        ["Geachte heer Willem Smit,", "Uw aanvraag is ontvangen.", "Met vriendelijke groet"],
    )
