from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from ingest_helpers import assert_offsets

from wooflow.ingest import ReadContext, read_path

pytestmark = pytest.mark.skipif(shutil.which("tesseract") is None, reason="tesseract not installed")


def _check_scan(doc_text: str) -> None:
    for phrase in ("Binnenlandse Zaken", "Geachte heer De Vries", "Annemarie Jansen"):
        assert phrase in doc_text


def test_scanned_pdf_ocr(good: Path) -> None:
    doc = read_path(good / "scan.pdf")
    assert doc.kind == "pdf" and doc.pages[0].ocr
    _check_scan(doc.text)
    assert_offsets(doc)
    # "Annemarie" was drawn at x=50, baseline y=208 on a 420x595 pt page.
    start = doc.text.index("Annemarie")
    word = next(w for w in doc.words if w.start == start)
    assert 40 < word.x0 < 60 and 190 < word.y0 < word.y1 < 215


def test_image_ocr_boxes_in_points(good: Path) -> None:
    doc = read_path(good / "scan.png")
    assert doc.kind == "image" and doc.pages[0].ocr
    assert doc.pages[0].width == pytest.approx(420, abs=1)  # 200 dpi image of an A5 page
    _check_scan(doc.text)
    assert_offsets(doc)


def test_ocr_can_be_switched_off(good: Path) -> None:
    doc = read_path(good / "scan.pdf", ReadContext(ocr=False))
    assert doc.text == "" and not doc.pages[0].ocr


def test_scan_with_stamp_text_is_still_ocred(good: Path) -> None:
    """A Woo tool stamps 'Document 12, pagina 1' as text on a scan: still read the scan."""
    import pymupdf

    from wooflow.ingest import read_bytes

    pdf = pymupdf.open("pdf", (good / "scan.pdf").read_bytes())
    pdf[0].insert_text((300, 580), "Document 12, pagina 1 van 1", fontsize=8)
    doc = read_bytes(pdf.tobytes(), "gestempeld.pdf")
    assert doc.pages[0].ocr
    _check_scan(doc.text)
    assert "Document 12" in doc.text


def test_text_page_with_letterhead_image_not_ocred() -> None:
    import pymupdf

    from wooflow.ingest import read_bytes

    pdf = pymupdf.open()
    page = pdf.new_page()
    pix = pymupdf.Pixmap(pymupdf.csGRAY, pymupdf.IRect(0, 0, 60, 20), False)
    pix.clear_with(200)
    page.insert_image(pymupdf.Rect(0, 0, 595, 200), pixmap=pix)  # a wide letterhead band
    for i in range(12):
        page.insert_text((72, 260 + 14 * i), f"Regel {i} van de brief over het Woo-besluit.")
    doc = read_bytes(pdf.tobytes(), "brief.pdf")
    assert not doc.pages[0].ocr and "Regel 11 van de brief" in doc.text
