"""An e-mail address the page break cuts in two ('naar s' | '.vandijk@minvws.nl'): the generated
memos of the scale benchmark were withheld because its local part stayed in the text layer."""

from __future__ import annotations

from pathlib import Path

import pymupdf

from wooflow.detect import detect_text
from wooflow.ingest import read_path
from wooflow.redact.batch import redact_to_pdf


def _split_address_pdf(path: Path) -> Path:
    pdf = pymupdf.open()
    first = pdf.new_page()
    first.insert_text((72, 100), "Sanne van Dijk neemt contact op. Vragen kunnen naar s", fontsize=11)
    second = pdf.new_page()
    second.insert_text((72, 100), ".vandijk@minvws.nl of telefonisch. Groet, de directie.", fontsize=11)
    pdf.save(path)
    return path


def test_detection_reads_an_address_across_a_page_break() -> None:
    found = [f for f in detect_text("Vragen naar s\f.vandijk@minvws.nl of bel.") if f.category == "email"]
    assert [f.text for f in found] == ["s\f.vandijk"]


def test_an_address_cut_by_the_page_break_is_redacted_on_both_pages(tmp_path: Path) -> None:
    doc = read_path(_split_address_pdf(tmp_path / "memo.pdf"))
    assert "s\f.vandijk@minvws.nl" in doc.text
    findings = [f for f in detect_text(doc.text) if f.action == "redact"]
    out = tmp_path / "out.pdf"
    _, verified = redact_to_pdf(doc, findings, out)  # raises VerificationFailed on a leak
    assert verified is not None and verified.ok
    text = "".join(page.get_text() for page in pymupdf.open(out)).lower()
    assert "vandijk" not in text and "van dijk" not in text
    assert "telefonisch" in text and "directie" in text  # the rest stays readable
