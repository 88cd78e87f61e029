"""Boxes on scanned pages cover every glyph, and the verifier catches a box that does not.

The page is the one of issue 5: Tesseract's word box for "111222333." started at the second
digit, so the first "1" stayed visible beside the box while the whole-string checks passed.
"""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path

import pymupdf
import pytest
from redact_fixtures import findings_for_names, make_bsn_scan

from wooflow.model import Document
from wooflow.redact import VerificationFailed, redact_pdf, verify_pdf

pytestmark = pytest.mark.skipif(shutil.which("tesseract") is None, reason="tesseract not installed")

SECRETS = ["Jansen", "111222333", "06-98765432"]


@pytest.fixture(scope="module")
def bsn_scan(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Document, dict]:
    from wooflow.ingest import read_path

    path, drawn = make_bsn_scan(tmp_path_factory.mktemp("bsn") / "scan-gespreksverslag.pdf")
    doc = read_path(path)
    assert doc.pages[0].ocr and "111222333" in doc.text
    return path, doc, drawn


def _black_boxes(pdf_path: Path) -> list[pymupdf.Rect]:
    with pymupdf.open(pdf_path) as pdf:
        return [d["rect"] for d in pdf[0].get_drawings() if d.get("fill") == (0.0, 0.0, 0.0)]


def test_every_glyph_of_a_scanned_bsn_is_under_the_box(bsn_scan, tmp_path):
    path, doc, drawn = bsn_scan
    findings = findings_for_names(doc, SECRETS)
    assert len(findings) == 3
    out = tmp_path / "out.pdf"
    redact_pdf(path, doc, findings, out)
    report = verify_pdf(out, findings, doc.text)
    assert report.ok and report.edge_boxes == 3
    boxes = _black_boxes(out)
    for text, rect in drawn.items():
        # Where the string was drawn (its advance box: the ink starts at or after x0 and ends at
        # or before x1) lies inside one box. Before the fix the BSN's box began 6 pt too late.
        mid = (rect.y0 + rect.y1) / 2
        assert any(
            b.x0 <= rect.x0 + 0.3 and b.x1 >= rect.x1 - 0.3 and b.y0 < mid < b.y1 for b in boxes
        ), (text, rect, boxes)


def _shifted(doc: Document, target: str, direction: int) -> Document:
    """``doc`` with the word boxes of ``target`` moved by one character width."""
    start = doc.text.index(target)
    end = start + len(target)
    words = []
    for w in doc.words:
        if w.start < end and w.end > start:
            step = direction * (w.x1 - w.x0) / (w.end - w.start)
            w = dataclasses.replace(w, x0=w.x0 + step, x1=w.x1 + step)
        words.append(w)
    return dataclasses.replace(doc, words=words)


@pytest.mark.parametrize("target", ["111222333", "Jansen"])
@pytest.mark.parametrize("direction", [1, -1])
def test_verifier_catches_a_box_one_character_off(bsn_scan, tmp_path, target, direction):
    path, doc, _ = bsn_scan
    findings = findings_for_names(doc, SECRETS)
    out = tmp_path / "off.pdf"
    redact_pdf(path, _shifted(doc, target, direction), findings, out)
    with pytest.raises(VerificationFailed) as info:
        verify_pdf(out, findings, doc.text)
    wheres = {leak.where for leak in info.value.report.leaks}
    assert wheres & {"ocr-rand", "kaderrand"}, info.value.report.summary()
    # The whole-string checks alone would have passed this file.
    plain = verify_pdf(out, findings, doc.text, ocr=False, raise_on_failure=False)
    assert not plain.leaks


def test_box_that_is_not_opaque_is_caught(bsn_scan, tmp_path):
    """A 'box' with the scan showing through it (drawn, then the image pasted over it)."""
    path, doc, drawn = bsn_scan
    findings = findings_for_names(doc, ["111222333"])
    out = tmp_path / "out.pdf"
    redact_pdf(path, doc, findings, out)
    pdf = pymupdf.open(out)
    page = pdf[0]
    page.draw_rect(drawn["Jansen"] + (-1, -1, 1, 1), color=(0, 0, 0), fill=(0, 0, 0))
    page.clean_contents()
    with pymupdf.open(path) as src:  # the unredacted scan on top again, a third of it opaque
        clip = drawn["Jansen"] + (-1, -1, -8, 1)
        page.insert_image(clip, pixmap=src[0].get_pixmap(dpi=200, clip=clip))
    sneaky = tmp_path / "sneaky.pdf"
    pdf.save(sneaky)
    report = verify_pdf(sneaky, findings, doc.text, raise_on_failure=False)
    assert not report.ok and "kader" in {leak.where for leak in report.leaks}


def test_strict_mode_passes_a_clean_scan(bsn_scan, tmp_path):
    """Without the original text nothing near a box is excused; a clean output still passes."""
    path, doc, _ = bsn_scan
    findings = findings_for_names(doc, SECRETS)
    out = tmp_path / "out.pdf"
    redact_pdf(path, doc, findings, out)
    assert verify_pdf(out, findings).ok


def test_text_page_over_a_picture_is_not_a_scan(tmp_path):
    """A cover page: text over a full-page photo. Its boxes come from the text layer."""
    from wooflow.ingest import read_path

    pdf = pymupdf.open()
    page = pdf.new_page()
    pix = pymupdf.Pixmap(pymupdf.csGRAY, pymupdf.IRect(0, 0, 80, 110), False)
    pix.clear_with(200)
    page.insert_image(page.rect, pixmap=pix)
    page.insert_text((72, 100), "Advies aan Sanne Kuipers over de begroting van het jaar.")
    for i in range(4):  # more than a stamp: ingest reads this text layer, it does not OCR
        page.insert_text((72, 120 + 16 * i), f"Regel {i}: het advies gaat over de begroting.")
    src = tmp_path / "omslag.pdf"
    pdf.save(src)
    doc = read_path(src)
    assert not doc.pages[0].ocr
    findings = findings_for_names(doc, ["Sanne Kuipers"])
    out = tmp_path / "out.pdf"
    redact_pdf(src, doc, findings, out)
    report = verify_pdf(out, findings, doc.text)
    assert report.ok and report.edge_boxes == 0


def test_edge_check_visits_only_pages_that_may_be_scans(bsn_scan, tmp_path):
    """Issue 15e: the verifier passes the pages whose images cover SCAN_IMAGE_SHARE (measured
    while pdfium reads them anyway); the box-edge check gives what it gives over every page."""
    import pypdfium2 as pdfium
    from adversarial import CASES, build

    from wooflow.redact.verify import pdfium_read
    from wooflow.redact.verify_scan import _page_boxes, check_scan_boxes, needle_contexts

    path, doc, _drawn = bsn_scan
    findings = findings_for_names(doc, SECRETS)
    out = tmp_path / "out.pdf"
    redact_pdf(path, doc, findings, out)
    files = [out]
    for kind in sorted(CASES):
        files.append(tmp_path / f"{kind}.pdf")
        files[-1].write_bytes(build(kind))
    contexts = needle_contexts([f.text.casefold() for f in findings])
    for file in files:
        scans = pdfium_read(str(file))[2]
        pdf = pdfium.PdfDocument(str(file))
        boxed = {n for n in range(len(pdf)) if _page_boxes(pdf[n])[0]}
        pdf.close()
        assert boxed <= scans, file.name  # no page outside the candidates has boxes to check
        assert check_scan_boxes(str(file), contexts, None, scans) == check_scan_boxes(str(file), contexts, None)
    assert pdfium_read(str(out))[2] == {0} and pdfium_read(str(out))[3] == set()
    assert verify_pdf(out, findings, doc.text).edge_boxes == 3
