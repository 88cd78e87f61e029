"""Rendering non-PDF documents: every character's box is known and matches what is drawn."""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

import pymupdf
import pypdfium2 as pdfium
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wooflow.model import Document, Finding
from wooflow.redact import redact_pdf, render_document, render_pdf, verify_pdf
from wooflow.redact.render import MARGIN_X, PAGE_W


def _doc(text: str, kind: str = "email", name: str = "bericht.eml") -> Document:
    return Document(name, name, kind, "0" * 64, text)


def test_word_boxes_match_drawn_characters():
    text = (
        "Van: Jan Jansen\nAan: Piet\tde Vries\n\nBeste Piet, ﬁnanciën en Ωmega; café €12,50 中文\n"
    )
    rendered = render_document(_doc(text))
    pdf = pymupdf.open("pdf", rendered.data)
    drawn = pdf[0].get_text("words")
    pdf.close()
    assert len(drawn) == len(rendered.words)
    for word, (x0, y0, x1, y1, shown, *_rest) in zip(rendered.words, drawn, strict=True):
        assert abs(word.x0 - x0) < 0.05 and abs(word.x1 - x1) < 0.05, shown
        assert word.y0 <= (y0 + y1) / 2 <= word.y1
        assert pymupdf.Rect(x0, y0, x1, y1).contains(
            pymupdf.Point((word.x0 + word.x1) / 2, (word.y0 + word.y1) / 2)
        )


def test_long_lines_wrap_and_pages_break():
    text = ("woord " * 1500).strip() + "\fTweede deel " + "x" * 300
    rendered = render_document(_doc(text))
    assert len(rendered.pages) >= 3
    assert all(MARGIN_X - 0.01 <= w.x0 and w.x1 <= PAGE_W - MARGIN_X + 0.01 for w in rendered.words)
    assert rendered.pages[-1].start == text.index("Tweede")
    # the over-long word is broken over lines but every character keeps its offset
    covered = sum(w.end - w.start for w in rendered.words)
    assert covered == sum(len(t) for t in text.replace("\f", " ").split())
    pdf = pdfium.PdfDocument(rendered.data)
    extracted = "".join(p.get_textpage().get_text_bounded() for p in pdf)
    assert extracted.count("woord") == 1500


def test_rendered_email_is_redacted_with_exact_boxes(tmp_path):
    text = (
        "Van: Sanne Kuipers <s.kuipers@minvws.nl>\nAan: Ahmed Yilmaz\nOnderwerp: overleg\n\n"
        "Beste Ahmed,\nKun je Sanne\nKuipers morgen bellen op 06-12345678?\nGroet\n"
    )
    doc = _doc(text)
    findings = []
    for sub in (
        "Sanne Kuipers",
        "s.kuipers@minvws.nl",
        "Ahmed Yilmaz",
        "Ahmed,",
        "Sanne\nKuipers",
        "06-12345678",
    ):
        i = text.index(sub)
        findings.append(Finding(i, i + len(sub), sub, "person", "redact", "5.1.2e", 1, "t", ""))
    rendered = render_document(doc)
    out = tmp_path / "bericht.eml.pdf"
    report = redact_pdf(rendered.data, rendered.as_document(doc), findings, out)
    assert len(report.boxes) == 7  # the split name gives two boxes
    result = verify_pdf(out, findings, text)
    assert result.ok and result.coverage == 1.0


def test_image_becomes_a_page_with_its_ocr_boxes(tmp_path):
    from redact_fixtures import text_image_png

    from wooflow.ingest import read_path

    png = tmp_path / "scan.png"
    png.write_bytes(text_image_png("Brief aan Willem Smit over subsidie", fontsize=20, dpi=300))
    doc = read_path(png)
    assert doc.kind == "image" and "Smit" in doc.text
    rendered = render_document(doc)
    pdf = pymupdf.open("pdf", rendered.data)
    assert pdf.page_count == 1 and pdf[0].get_images()
    assert abs(pdf[0].rect.width - doc.pages[0].width) < 0.01
    pdf.close()
    i = doc.text.index("Willem Smit")
    findings = [Finding(i, i + 11, "Willem Smit", "person", "redact", "5.1.2e", 1, "t", "")]
    out = tmp_path / "scan.png.pdf"
    redact_pdf(rendered.data, rendered.as_document(doc), findings, out)
    result = verify_pdf(out, findings, doc.text)
    assert result.ok and result.ocr_images == 1


def test_render_pdf_returns_bytes():
    data = render_pdf(_doc("Hallo"))
    assert data.startswith(b"%PDF")


def test_corrupt_image_is_a_clear_error():
    from wooflow.exceptions import CorruptDocument

    doc = _doc("", kind="image", name="kapot.png")
    doc.data = b"\x89PNG nope"
    with pytest.raises(CorruptDocument):
        render_document(doc)


@settings(max_examples=12, deadline=None)
@given(
    words=st.lists(
        st.text(
            alphabet=st.characters(codec="utf-8", categories=("L", "N", "P")),
            min_size=1,
            max_size=30,
        ),
        min_size=3,
        max_size=60,
    ),
    seps=st.lists(st.sampled_from([" ", "\n", "\t", "  ", "\n\n", "\f"]), min_size=60, max_size=60),
    pick=st.data(),
)
def test_any_text_renders_redacts_and_verifies(tmp_path_factory, words, seps, pick):
    """Random words, separators and scripts: boxes always cover the redacted words exactly."""
    text = "".join(w + s for w, s in zip(words, seps, strict=False)).strip()
    doc = _doc(text)
    starts = [m for m in re.finditer(r"\S+", text)]
    chosen = pick.draw(st.lists(st.sampled_from(starts), max_size=4, unique_by=lambda m: m.start()))
    findings = [
        Finding(m.start(), m.end(), m.group(), "person", "redact", "5.1.2e", 1, "t", "")
        for m in chosen
    ]
    rendered = render_document(doc)
    out = tmp_path_factory.mktemp("prop") / "x.pdf"
    report = redact_pdf(rendered.data, rendered.as_document(doc), findings, out, ocr_images=False)
    assert not report.unmapped
    result = verify_pdf(
        out, findings, rendered.shown_text or text, ocr=False, raise_on_failure=False
    )
    assert not result.leaks, result.leaks


def test_kept_text_run_together_by_an_extractor_is_no_leak():
    """Regression (hypothesis, CI): pdftotext reads the kept "0 0" as "00" after "00" is
    redacted; that is not a leak, while an unredacted output still fails."""
    text = "00 0 0"
    doc = _doc(text)
    findings = [Finding(0, 2, "00", "person", "redact", "5.1.2e", 1, "t", "")]
    rendered = render_document(doc)
    out = Path(tempfile.mkdtemp()) / "x.pdf"
    redact_pdf(rendered.data, rendered.as_document(doc), findings, out, ocr_images=False)
    original = rendered.shown_text or text
    assert not verify_pdf(out, findings, original, ocr=False, raise_on_failure=False).leaks
    out.write_bytes(rendered.data)
    assert verify_pdf(out, findings, original, ocr=False, raise_on_failure=False).leaks


def test_fast_show_writes_what_textwriter_append_writes(monkeypatch) -> None:
    """render._show skips TextWriter.append's bookkeeping (quadratic); the PDF is the same."""
    import pymupdf as _pymupdf

    from wooflow.redact import render as render_module

    text = "Tab\there, ünïcödé Ελλάδα 中文 ƀ; een langere regel die afbreekt " * 40

    def streams(data: bytes) -> list[bytes]:
        doc = _pymupdf.open("pdf", data)
        return [doc.xref_stream(x) or b"" for page in doc for x in page.get_contents()]

    fast = render_module.render_text_pdf(text)

    def append(writer, x, baseline, shown, font):  # type: ignore[no-untyped-def]
        writer.append((x, baseline), shown, font=font, fontsize=render_module.FONT_SIZE)

    monkeypatch.setattr(render_module, "_show", append)
    slow = render_module.render_text_pdf(text)
    assert streams(fast.data) == streams(slow.data) != []
    assert fast.words == slow.words and fast.shown_text == slow.shown_text


# Everything a rendered text may hold: Latin with ligatures and accents, combining marks piled
# up, Greek, Cyrillic, CJK (the fallback font), characters no font has (drawn as "?"), symbols,
# box drawing, wide and zero-width characters, tabs and very long words that wrap.
_NASTY = (
    "Van: Jan Jansen <j.jansen@example.nl>\nAan: Piet\tde Vries\n\n"
    "ﬁnanciën café €12,50 — „quote“ ‘x’ ½ ¾ ° ± × ÷ µ ¶ § © ® ™ • … ‰ ′ ″\n"
    "Z̴̢̛a̸͚͝l̵̨̛g̶̡̛o̷̢͘ n̶̡͠a̸͘m̷e̵ ḛ̷̘̀ ǅ ǈ ŉ ĳ Ĳ ß ẞ Ææ Øø Åå İı\n"
    "Ωμέγα Ψυχή Щука Жизнь 中文漢字かなカナ 한국어 العربية עברית हिन्दी ไทย\n"
    "\u200b\u200d\u2060\ufeff\u00ad soft\u00adhyphen \ue000\uf8ff\ufffd 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 😀🏳️‍🌈 \U0010fffd\n"
    "┌─┬─┐ │ ║ ═ ╬ ▀▄█░▒▓ ■□▪▫ ◆◇○●\n" + "a" * 300 + "\n" + "W" * 200 + "\n"
    "_______________ ............... ––––––––– =========== ~~~~~~~~ ```````` ''''''\n"
) * 3


@pytest.mark.parametrize("text", [_NASTY, "x", "\n\n\n", "Jan\f\fJansen\n" * 200])
def test_rendered_text_has_no_picture_and_no_unexplained_ink(text):
    """Why redact_pdf reads no pictures on a rendered text (``rendered_text``): the reading it
    skips there (images, and ink the text layer does not explain: verify_deep.residual_crop)
    finds nothing on any page render_text_pdf makes, whatever the text holds."""
    from wooflow.redact.verify_deep import font_check, residual_crop

    rendered = render_document(_doc(text))
    doc = pymupdf.open("pdf", rendered.data)
    try:
        assert all(not page.get_image_info() for page in doc)
        assert all(not page.get_drawings() for page in doc)  # no vector ink at all
        whole = font_check(doc, sample=False)[0]
    finally:
        doc.close()
    pdf = pdfium.PdfDocument(rendered.data)
    try:
        for number in range(len(pdf)):
            if number in whole:
                continue  # redact_pdf still OCRs these pages whole
            page = pdf[number]
            assert residual_crop(page) is None, number
            assert residual_crop(page, 300) is None, number
            page.close()
    finally:
        pdf.close()


def test_rendered_text_shortcut_writes_the_same_pdf(tmp_path):
    """``rendered_text=True`` and the full picture reading give the same redacted PDF."""
    text = _NASTY + "\nBel Jan Jansen op 06-12345678.\n"
    doc = _doc(text)
    rendered = render_document(doc)
    target = rendered.as_document(doc)
    findings = [Finding(m.start(), m.end(), m.group(), "person", "redact", "5.1.2e", 1, "t", "")
                for m in re.finditer(r"Jan Jansen|06-12345678|Piet", text)]  # fmt: skip
    texts = []
    for flag in (False, True):
        out = tmp_path / f"{flag}.pdf"
        report = redact_pdf(rendered.data, target, findings, out, rendered_text=flag)
        assert report.seen_boxes == 0 and report.image_boxes == 0
        pdf = pymupdf.open(out)
        texts.append([page.get_text("rawdict") for page in pdf])
        pdf.close()
    assert texts[0] == texts[1]
