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


def _glyphs(spans: list[tuple[int, int]]):
    """A white strip with black bars as glyphs at the given x ranges (rows 10-40)."""
    from PIL import Image, ImageDraw

    img = Image.new("L", (400, 50), 255)
    draw = ImageDraw.Draw(img)
    for x0, x1 in spans:
        draw.rectangle((x0, 10, x1 - 1, 39), fill=0)
    return img


def test_snap_takes_a_glyph_the_ocr_box_missed() -> None:
    """Issue 5: Tesseract's box for '111222333' began at the second digit."""
    from wooflow.ingest.ocr import snap_to_ink

    # "is" at 20-50; the number's glyphs at 68-78, 92-102, 116-126; the box starts at 92.
    img = _glyphs([(20, 30), (34, 50), (68, 78), (92, 102), (116, 126)])
    word_is, number = [20.0, 10.0, 50.0, 40.0], [92.0, 10.0, 126.0, 40.0]
    assert snap_to_ink(img, [[word_is, number]]) == 1
    assert number[0] == 68 and word_is == [20.0, 10.0, 50.0, 40.0]


def test_snap_widens_a_cut_glyph_but_not_into_a_neighbour() -> None:
    from wooflow.ingest.ocr import snap_to_ink

    img = _glyphs([(20, 50), (60, 90)])
    left, right = [20.0, 10.0, 44.0, 40.0], [60.0, 10.0, 90.0, 40.0]  # left box cuts its glyph
    snap_to_ink(img, [[left, right]])
    assert left[2] == 50 and right[0] == 60
    # Ink far from every word (another column of a table) is nobody's.
    img = _glyphs([(20, 50), (300, 330)])
    alone = [20.0, 10.0, 50.0, 40.0]
    assert snap_to_ink(img, [[alone]]) == 0


def test_scanned_bsn_box_starts_at_its_first_digit(tmp_path: Path) -> None:
    """The real page of issue 5 (as the publish test resources draw it), read at 300 dpi."""
    import pymupdf

    text = (
        "Gespreksverslag klantcontact\n\nDatum: 23 november 2023\n\n"
        "Met mevrouw Jansen is gesproken over de aanvraag.\n"
        "Haar burgerservicenummer is 111222333.\nZij is bereikbaar op 06-98765432.\n"
        "Afspraak: terugbellen na het debat.\n"
    )
    src = pymupdf.open()
    page = src.new_page(width=420, height=300)
    page.insert_textbox(pymupdf.Rect(30, 30, 400, 280), text, fontsize=11, fontname="helv")
    drawn = page.search_for("111222333")[0]
    png = page.get_pixmap(dpi=200, colorspace=pymupdf.csGRAY).tobytes("png")
    out = pymupdf.open()
    out.new_page(width=420, height=300).insert_image(pymupdf.Rect(0, 0, 420, 300), stream=png)
    path = tmp_path / "scan.pdf"
    out.save(path)
    doc = read_path(path)
    start = doc.text.index("111222333")
    word = next(w for w in doc.words if w.start == start)
    # The "1" ink begins ~1.2 pt after the advance box; the old box began 7 pt after it.
    assert drawn.x0 <= word.x0 <= drawn.x0 + 1.6 and word.x1 >= drawn.x1 - 0.5
