"""End-to-end: real PDFs with names in every hiding place are redacted, scrubbed and verified."""

from __future__ import annotations

import re
import subprocess
import unicodedata
from pathlib import Path

import pymupdf
import pypdfium2 as pdfium
import pytest
from redact_fixtures import KEPT_WORDS, NAMES, findings_for_names

from wooflow.model import Finding
from wooflow.redact import VerificationFailed, redact_pdf, verify_pdf
from wooflow.redact.pdf import boxes_for_span
from wooflow.redact.text import redact_spans


def _norm(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).split()).casefold()


def _pdfium_text(path: Path) -> str:
    pdf = pdfium.PdfDocument(str(path))
    try:
        return "\n".join(page.get_textpage().get_text_bounded() for page in pdf)
    finally:
        pdf.close()


def _poppler_text(path: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-q", str(path), "-"], capture_output=True, check=True
    ).stdout.decode()


@pytest.fixture(scope="module")
def redacted(pitfall_pdf, pitfall_doc, tmp_path_factory):
    findings = findings_for_names(pitfall_doc, NAMES)
    out = tmp_path_factory.mktemp("out") / "pitfalls.pdf"
    report = redact_pdf(pitfall_pdf, pitfall_doc, findings, out)
    return out, report, findings


def test_every_finding_is_mapped_to_boxes(redacted):
    _out, report, findings = redacted
    assert report.unmapped == []
    assert len(report.boxes) >= len(redact_spans(findings))
    assert report.image_boxes >= 1  # the name in the picture was found by OCR


def test_verifier_passes_and_names_are_gone(redacted, pitfall_doc):
    out, _report, findings = redacted
    result = verify_pdf(out, findings, pitfall_doc.text)
    assert result.ok and result.coverage is not None and result.coverage >= 0.98
    assert {"pdfium", "pdftotext", "tesseract"} <= set(result.extractors)
    for extracted in (_norm(_pdfium_text(out)), _norm(_poppler_text(out))):
        for name in NAMES:
            assert _norm(name) not in extracted, name
        assert "kuipers" not in extracted and "bakker" not in extracted
        for word in KEPT_WORDS:
            assert word.casefold() in extracted, word


def test_everything_outside_the_pages_is_scrubbed(redacted):
    out, report, _findings = redacted
    assert report.flattened >= 3  # sticky note, FreeText, form field
    doc = pymupdf.open(out)
    try:
        assert not any(v for k, v in doc.metadata.items() if k not in ("format", "encryption"))
        assert "Kuipers" not in (doc.get_xml_metadata() or "")
        assert doc.embfile_count() == 0
        assert all(not list(p.annots()) and not list(p.widgets()) for p in doc)
        toc = doc.get_toc()
        # Rebuilt from headings: an entry stays only where its title is painted on its page
        # ("Inleiding" is not on page 1 of the fixture, "Telefoon" is on page 2).
        assert [t[1] for t in toc] == ["Telefoon"]
        for _level, title, number in toc:
            assert title.casefold() in doc[number - 1].get_text().casefold()
        assert not any("Kuipers" in t[1] for t in toc)
        raw = b"".join(doc.xref_object(x).encode() for x in range(1, doc.xref_length()))
        assert b"JavaScript" not in raw and b"Kuipers" not in raw
    finally:
        doc.close()
    # A fully rewritten file: one %%EOF, no incremental update section.
    assert out.read_bytes().count(b"%%EOF") == 1


def test_text_under_a_drawn_rectangle_and_white_text_are_removed(redacted):
    out, _report, _findings = redacted
    doc = pymupdf.open(out)
    try:
        words = {w[4] for w in doc[0].get_text("words")}
    finally:
        doc.close()
    assert not {"Pieter", "Bakker", "Marloes", "Wit"} & words
    assert {"Vertrouwelijk:", "witte"} <= words


def test_split_name_gives_one_box_per_line(pitfall_doc):
    findings = findings_for_names(pitfall_doc, ["Johan van den Berg"])
    [span] = redact_spans(findings)
    boxes = boxes_for_span(span, pitfall_doc.words)
    assert len(boxes) == 2 and boxes[0].y0 < boxes[1].y0 - 10


def test_rotated_page_is_redacted(redacted):
    out, _report, _findings = redacted
    doc = pymupdf.open(out)
    try:
        page = doc[1]
        assert page.rotation == 90
        text = page.get_text()
    finally:
        doc.close()
    assert "Kees" not in text and "12345678" not in text and "gedraaid" in text


def test_box_is_dark_and_carries_the_ground_code(redacted, tmp_path):
    out, report, _findings = redacted
    doc = pymupdf.open(out)
    try:
        page = doc[0]
        box = max((b for b in report.boxes if b.page == 0), key=lambda b: b.x1 - b.x0)
        pix = page.get_pixmap(dpi=144, clip=box.rect)
        pix.save(tmp_path / "box.png")
        samples = pix.samples
        dark = sum(1 for i in range(0, len(samples), pix.n) if samples[i] < 60)
        assert dark / (pix.width * pix.height) > 0.6
        label = page.get_text("text", clip=box.rect + (-1, -1, 1, 1)).strip()
        assert label == "5.1.2e"
    finally:
        doc.close()


def test_a_fake_redaction_fails_the_verifier(pitfall_pdf, pitfall_doc, tmp_path):
    findings = findings_for_names(pitfall_doc, ["Sanne Kuipers", "Ahmed Yilmaz"])
    doc = pymupdf.open(pitfall_pdf)
    for w in pitfall_doc.words:
        if any(f.start <= w.start < f.end for f in findings) and w.page == 0:
            doc[0].draw_rect(pymupdf.Rect(w.x0, w.y0, w.x1, w.y1), color=(0, 0, 0), fill=(0, 0, 0))
    bad = tmp_path / "bad.pdf"
    doc.save(bad)
    doc.close()
    with pytest.raises(VerificationFailed) as info:
        verify_pdf(bad, findings, pitfall_doc.text, ocr=False)
    wheres = {leak.where for leak in info.value.report.leaks}
    assert {"text", "pdftotext", "metadata"} <= wheres
    assert info.value.exit_code == 5


def test_lost_text_fails_the_verifier(pitfall_pdf, pitfall_doc, tmp_path):
    """Over-redaction is caught too: a box over a whole paragraph that held no finding."""
    findings = findings_for_names(pitfall_doc, ["Kees Vos"])
    out = tmp_path / "over.pdf"
    doc = pymupdf.open(pitfall_pdf)
    doc[0].add_redact_annot(pymupdf.Rect(0, 0, 595, 400))
    doc[0].apply_redactions()
    data = doc.tobytes()
    doc.close()
    redact_pdf(data, pitfall_doc, findings, out, ocr_images=False)
    with pytest.raises(VerificationFailed, match="verloren"):
        verify_pdf(out, findings, pitfall_doc.text, ocr=False)


def test_common_first_name_elsewhere_is_not_a_leak(tmp_path):
    """'Jan' redacted in one place but present in kept text elsewhere: allowed, counted."""
    from wooflow.model import Document
    from wooflow.redact.render import render_document

    text = "Jan Jansen belde. Groet, Jan\nJan de Wit is de minister."
    doc = Document("a.txt", "a.eml", "email", "x", text)
    findings = [Finding(0, 10, "Jan Jansen", "person", "redact", "5.1.2e", 0.9, "t", "")]
    rendered = render_document(doc)
    out = tmp_path / "a.pdf"
    redact_pdf(rendered.data, rendered.as_document(doc), findings, out)
    verify_pdf(out, findings, text)
    # Without the original the verifier is strict: every "Jan Jansen" counts, none remain.
    verify_pdf(out, findings)


def test_verifier_rejects_an_unredacted_duplicate(tmp_path):
    from wooflow.model import Document
    from wooflow.redact.render import render_document

    text = "Jan Jansen belde. Later belde Jan Jansen opnieuw."
    doc = Document("a", "a.eml", "email", "x", text)
    only_first = [Finding(0, 10, "Jan Jansen", "person", "redact", "5.1.2e", 0.9, "t", "")]
    rendered = render_document(doc)
    out = tmp_path / "a.pdf"
    redact_pdf(rendered.data, rendered.as_document(doc), only_first, out)
    # The second occurrence had no finding. A redacted person's name forms (full name and
    # surname) must not occur anywhere, with or without the original (issue 11) ...
    with pytest.raises(VerificationFailed) as info:
        verify_pdf(out, only_first, text)
    assert "jansen" in info.value.report.name_forms
    with pytest.raises(VerificationFailed):
        verify_pdf(out, only_first)
    # ... unless the detector explicitly kept that mention.
    kept = Finding(30, 40, "Jan Jansen", "person", "keep", None, 0.9, "t", "ambtsdrager")
    verify_pdf(out, [*only_first, kept], text)


def test_scanned_page_pixels_are_destroyed(tmp_path):
    from redact_fixtures import make_scan_pdf

    from wooflow.ingest import read_path

    src = make_scan_pdf(
        tmp_path / "scan.pdf",
        ["Geachte heer Willem Smit,", "Uw aanvraag is ontvangen.", "Met vriendelijke groet"],
    )
    doc = read_path(src)
    assert doc.pages[0].ocr
    findings = findings_for_names(doc, ["Willem Smit"])
    assert findings, doc.text
    out = tmp_path / "scan-gelakt.pdf"
    report = redact_pdf(src, doc, findings, out)
    assert len(report.boxes) == 1
    result = verify_pdf(out, findings, doc.text)
    assert result.ocr_images == 1 and result.ok
    # The bare image (not the page render) no longer shows the name.
    pdf = pymupdf.open(out)
    xref = pdf[0].get_images()[0][0]
    pix = pymupdf.Pixmap(pdf, xref)
    pdf.close()
    import pytesseract
    from PIL import Image

    img = Image.frombytes("RGB" if pix.n >= 3 else "L", (pix.width, pix.height), pix.samples)
    ocr = pytesseract.image_to_string(img, lang="nld")
    assert "Smit" not in ocr and "aanvraag" in ocr


def test_example_pdf(tmp_path):
    from redact_fixtures import EXAMPLE_PDF

    if not EXAMPLE_PDF.exists():
        pytest.skip("../shared/examples not present")
    from wooflow.ingest import read_path

    doc = read_path(EXAMPLE_PDF)
    findings = []
    for word in ("Raad voor Strafrechtstoepassing en Jeugdbescherming", "meeroudergezinnen"):
        for m in list(re.finditer(re.escape(word), doc.text))[:3]:
            findings.append(
                # Not persons: only the first three of many occurrences are redacted, and a
                # redacted person's name forms must not occur anywhere (verify_deep.name_forms).
                Finding(m.start(), m.end(), m.group(), "other", "redact", "5.1.2e", 1.0, "t", "")
            )
    assert findings
    out = tmp_path / "advies.pdf"
    report = redact_pdf(EXAMPLE_PDF, doc, findings, out, ocr_images=False)
    assert not report.unmapped
    result = verify_pdf(out, findings, doc.text, ocr=False)
    assert result.ok and result.pages == 62


def test_old_revisions_and_object_metadata_are_dropped(tmp_path):
    """An incremental update keeps the previous version inside the file; the output must not."""
    from wooflow.ingest import read_path

    src = tmp_path / "rev.pdf"
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_text((72, 100), "Verslag van Sanne Kuipers over de begroting.", fontsize=11)
    doc.save(src)
    doc.close()
    doc = pymupdf.open(src)
    doc[0].insert_text((72, 130), "Tweede versie.", fontsize=11)
    page_xref = doc[0].xref
    meta = doc.get_new_xref()
    doc.update_object(meta, "<</Type/Metadata/Subtype/XML>>")
    doc.update_stream(meta, b"<x:xmpmeta><dc:creator>Sanne Kuipers</dc:creator></x:xmpmeta>")
    doc.xref_set_key(page_xref, "Metadata", f"{meta} 0 R")
    doc.xref_set_key(page_xref, "PieceInfo", "<</Illustrator<</Private(Sanne Kuipers)>>>>")
    doc.saveIncr()
    doc.close()
    with pytest.raises(VerificationFailed, match="incrementele"):
        verify_pdf(src, [], ocr=False)
    ingested = read_path(src)
    findings = findings_for_names(ingested, ["Sanne Kuipers"])
    out = tmp_path / "rev-out.pdf"
    redact_pdf(src, ingested, findings, out)
    assert b"Kuipers" not in out.read_bytes()
    assert verify_pdf(out, findings, ingested.text).ok


def test_rotated_scan_gets_upright_codes(tmp_path):
    """A sideways-scanned page turned upright by /Rotate: OCR boxes map back, code reads upright."""
    from wooflow.ingest import read_path

    src = pymupdf.open()
    sheet = src.new_page(width=842, height=595)
    sheet.insert_text((72, 100), "Geachte heer Willem Smit,", fontsize=16)
    sheet.insert_text((72, 130), "Uw aanvraag is ontvangen en wordt behandeld.", fontsize=16)
    png = sheet.get_pixmap(dpi=200, colorspace=pymupdf.csGRAY).tobytes("png")
    pdf = pymupdf.open()
    page = pdf.new_page(width=595, height=842)
    page.insert_image(page.rect, stream=png, rotate=90)
    page.set_rotation(90)
    path = tmp_path / "gedraaid.pdf"
    pdf.save(path)
    doc = read_path(path)
    findings = findings_for_names(doc, ["Willem Smit"])
    assert doc.pages[0].ocr and findings
    out = tmp_path / "gedraaid-out.pdf"
    redact_pdf(path, doc, findings, out)
    assert verify_pdf(out, findings, doc.text).ok
    result = pymupdf.open(out)
    lines = [line for b in result[0].get_text("dict")["blocks"] for line in b.get("lines", [])]
    result.close()
    assert [ln["spans"][0]["text"] for ln in lines] == ["5.1.2e"]
    assert lines[0]["dir"] == (0.0, -1.0)  # runs upward on the page: upright when shown at 90°


def _pdf_body(path: Path) -> list[object]:
    """Every page's content, fonts and text and every object but the trailer's random /ID."""
    doc = pymupdf.open(path)
    try:
        body: list[object] = [(p.read_contents(), p.get_fonts(), p.get_text()) for p in doc]
        body += [doc.xref_object(x) for x in range(1, doc.xref_length()) if "/ID" not in doc.xref_object(x)]
        return body
    finally:
        doc.close()


def test_labels_ask_for_their_font_once_per_page_with_the_same_result(pitfall_pdf, pitfall_doc, tmp_path, monkeypatch):
    """The labels' font is looked up once per page (``_font_inserted_once``); without that, the
    same PDF: every label on the upright and the rotated page refers to the same font."""
    import contextlib

    import wooflow.redact.pdf as redact_pdf_module

    findings = findings_for_names(pitfall_doc, NAMES)
    calls: list[int] = []
    real = pymupdf.Page.insert_font

    def counting(self, *args, **kwargs):
        calls.append(self.number)
        return real(self, *args, **kwargs)

    monkeypatch.setattr(pymupdf.Page, "insert_font", counting)
    once = redact_pdf(pitfall_pdf, pitfall_doc, findings, tmp_path / "once.pdf")
    asked_once = len(calls)
    monkeypatch.setattr(redact_pdf_module, "_font_inserted_once", lambda page: contextlib.nullcontext())
    calls.clear()
    every = redact_pdf(pitfall_pdf, pitfall_doc, findings, tmp_path / "every.pdf")
    assert len(every.boxes) == len(once.boxes) > asked_once  # more labels than font look-ups
    assert len(calls) == len(every.boxes) >= asked_once
    assert _pdf_body(tmp_path / "once.pdf") == _pdf_body(tmp_path / "every.pdf")
