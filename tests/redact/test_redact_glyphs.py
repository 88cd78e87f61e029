"""Issue 15c: fonts proven by their glyph shapes skip the verifier's OCR sample, and the cheaper
path still catches what the OCR sample caught (a lying or missing ToUnicode) and what the bitmap
OCR catches (a name in a picture on a page whose fonts need no OCR)."""

from __future__ import annotations

from pathlib import Path

import pymupdf
import pytest
from adversarial import NAME, _name_pixmap_png, build

from wooflow.model import Finding
from wooflow.redact.glyphs import font_name, painted_fonts
from wooflow.redact.render import render_text_pdf
from wooflow.redact.verify import verify_pdf
from wooflow.redact.verify_deep import font_check

TEXT = "Verslag van het overleg.\nAanwezig: de directeur en de secretaris.\nDe begroting volgt later.\n"


def _doc(data: bytes) -> pymupdf.Document:
    return pymupdf.open("pdf", data)


def test_font_name_drops_only_a_subset_prefix() -> None:
    assert font_name("ABCDEF+Helvetica") == "Helvetica"
    assert font_name("Helvetica") == "Helvetica" and font_name("AB+Helvetica") == "AB+Helvetica"


def test_our_rendered_pdf_and_base14_text_are_proven() -> None:
    doc = _doc(render_text_pdf(TEXT + "Grüße, Ελλάδα, Москва.\n").data)
    fonts = painted_fonts(doc)
    assert fonts and all(fonts.values()), fonts
    plain = pymupdf.open()
    plain.new_page().insert_text((50, 80), "Behandelaar: de secretaris", fontsize=11)  # base-14 Helvetica
    assert painted_fonts(plain) == {"Helvetica": True}


@pytest.mark.parametrize("kind", ["liegende-tounicode", "geen-tounicode"])
def test_a_lying_or_missing_tounicode_is_not_proven(kind: str) -> None:
    doc = _doc(build(kind))
    fonts = painted_fonts(doc)
    assert fonts.get("Helvetica") is True  # the honest body text on the same page
    assert [name for name, ok in fonts.items() if not ok], fonts  # the name's embedded Times font


def test_a_glyph_shown_for_another_letter_is_not_proven() -> None:
    """A font whose Unicode is right for all letters but one, the one shown in the name."""
    doc = _doc(build("liegende-tounicode"))
    untrusted = [name for name, ok in painted_fonts(doc).items() if not ok]
    whole, bad, sampled = font_check(doc)
    assert sampled >= 1  # the unproven font still goes to the OCR sample
    assert bad and whole == {0}, (bad, untrusted)


def test_a_rendered_document_needs_no_ocr_sample(tmp_path: Path) -> None:
    doc = _doc(render_text_pdf(TEXT).data)
    whole, bad, sampled = font_check(doc)
    assert (whole, bad, sampled) == (set(), set(), 0)
    path = tmp_path / "a.pdf"
    path.write_bytes(render_text_pdf(TEXT).data)
    report = verify_pdf(path, [], TEXT, raise_on_failure=False)  # not rebuilt: /Info is a problem
    assert report.sampled_lines == 0 and not report.leaks


def test_a_name_in_a_picture_is_still_found_on_a_page_without_font_ocr(tmp_path: Path) -> None:
    """The page's fonts are proven (no OCR sample), but a picture on it shows the redacted name
    below the boxes: the verifier's OCR still reports the leak. (Not rebuilt by the redactor,
    so /Info is a problem too; the assertions are on the leaks.)"""
    text = f"Behandelaar: {NAME}\n" + TEXT
    doc = _doc(render_text_pdf(text).data)
    start = text.index(NAME)
    finding = Finding(start, start + len(NAME), NAME, "person", "redact", "5.1.2e", 1.0, "test", "test")
    page = doc[0]
    words = [w for w in page.get_text("words") if w[4] in NAME.split()]
    for w in words:
        page.add_redact_annot(pymupdf.Rect(w[:4]), fill=(0, 0, 0))
    page.apply_redactions()
    page.insert_image(pymupdf.Rect(64, 300, 64 + 240, 300 + 24), stream=_name_pixmap_png(fontsize=18, dpi=200))
    path = tmp_path / "leak.pdf"
    doc.save(path)
    report = verify_pdf(path, [finding], text, raise_on_failure=False)
    assert report.sampled_lines == 0  # the cheap path: fonts proven, no OCR sample
    assert any(leak.where in ("ocr", "ocr-pagina") for leak in report.leaks), report.leaks
    # the same page without the picture passes: the leak above is the picture's
    clean = _doc(render_text_pdf(text).data)
    for w in [w for w in clean[0].get_text("words") if w[4] in NAME.split()]:
        clean[0].add_redact_annot(pymupdf.Rect(w[:4]), fill=(0, 0, 0))
    clean[0].apply_redactions()
    clean.save(tmp_path / "clean.pdf")
    assert not verify_pdf(tmp_path / "clean.pdf", [finding], text, raise_on_failure=False).leaks


def test_no_proof_falls_back_to_the_ocr_sample(monkeypatch: pytest.MonkeyPatch) -> None:
    """If the glyph proof fails for any reason, every font is sampled by OCR as before."""
    from wooflow.redact import glyphs

    def broken(*_args: object, **_kw: object) -> dict[str, bool]:
        raise RuntimeError("boom")

    monkeypatch.setattr(glyphs, "painted_fonts", broken)
    _whole, _bad, sampled = font_check(_doc(render_text_pdf(TEXT).data))
    assert sampled >= 1


class _WrapperDevice(pymupdf.mupdf.FzDevice2):  # type: ignore[misc,name-defined]
    """The pairs as read before 15e: ``FzTextSpan.items(i).gid`` / ``.ucs`` per glyph."""

    def __init__(self) -> None:
        super().__init__()
        for kind in ("fill_text", "stroke_text", "clip_text", "clip_stroke_text", "ignore_text"):
            getattr(self, f"use_virtual_{kind}")()
        self.fonts: dict[int, set[tuple[int, int]]] = {}

    def _text(self, text: object) -> None:
        span = text.head  # type: ignore[attr-defined]
        while span:
            wrapped = pymupdf.mupdf.FzTextSpan(span)
            pairs = self.fonts.setdefault(wrapped.font().m_internal_value(), set())
            for i in range(span.len):
                item = wrapped.items(i)
                pairs.add((int(item.gid), int(item.ucs)))
            span = span.next

    def fill_text(self, _ctx: object, text: object, *_a: object) -> None:
        self._text(text)

    def stroke_text(self, _ctx: object, text: object, *_a: object) -> None:
        self._text(text)

    def clip_text(self, _ctx: object, text: object, *_a: object) -> None:
        self._text(text)

    def clip_stroke_text(self, _ctx: object, text: object, *_a: object) -> None:
        self._text(text)

    def ignore_text(self, _ctx: object, text: object, *_a: object) -> None:
        self._text(text)


@pytest.mark.parametrize("kind", ["geen-tounicode", "liegende-tounicode", "actualtext", "buiten-mediabox", "rendered"])
def test_the_device_reads_the_pairs_the_item_wrappers_read(kind: str) -> None:
    from wooflow.redact.glyphs import _TextDevice

    data = render_text_pdf("Jan Jansen ﬁnanciën Ωμέγα 中文 €½\n" * 40).data if kind == "rendered" else build(kind)
    doc = pymupdf.open("pdf", data)
    fast, slow = _TextDevice(), _WrapperDevice()
    for number in range(doc.page_count):
        for device in (fast, slow):
            pymupdf.mupdf.fz_run_page(doc[number].this, device, pymupdf.mupdf.FzMatrix(), pymupdf.mupdf.FzCookie())
    doc.close()
    assert {k: v[1] for k, v in fast.fonts.items()} == slow.fonts
    assert sum(len(v) for v in slow.fonts.values()) > 5


def _device_pairs(data: bytes) -> tuple[dict[int, set[tuple[int, int]]], dict[int, set[tuple[int, int]]]]:
    from wooflow.redact.glyphs import _TextDevice

    doc = pymupdf.open("pdf", data)
    fast, slow = _TextDevice(), _WrapperDevice()
    for number in range(doc.page_count):
        for device in (fast, slow):
            pymupdf.mupdf.fz_run_page(doc[number].this, device, pymupdf.mupdf.FzMatrix(), pymupdf.mupdf.FzCookie())
    doc.close()
    return {k: v[1] for k, v in fast.fonts.items()}, slow.fonts


@pytest.mark.parametrize("kind", ["geen-tounicode", "liegende-tounicode", "actualtext", "rendered"])
def test_the_item_memory_read_gives_the_wrappers_pairs(kind: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """With the layout trusted from the first span on, every span is read as memory: the
    same (gid, ucs) pairs as the item wrappers."""
    from wooflow.redact import glyphs

    monkeypatch.setattr(glyphs, "_layout", [True])
    calls: list[int] = []
    memory = glyphs._pairs_memory
    monkeypatch.setattr(glyphs, "_pairs_memory", lambda span: calls.append(1) or memory(span))
    data = render_text_pdf("Jan Jansen ﬁnanciën Ωμέγα 中文 €½\n" * 40).data if kind == "rendered" else build(kind)
    fast, slow = _device_pairs(data)
    assert fast == slow and calls
    assert sum(len(v) for v in slow.values()) > 5


def test_a_wrong_item_layout_is_noticed_and_the_getters_are_used(monkeypatch: pytest.MonkeyPatch) -> None:
    """Another MuPDF build with another ``fz_text_item`` layout: the check on the first span
    sees the memory read disagree, and the SWIG getters give the pairs from then on."""
    from wooflow.redact import glyphs

    monkeypatch.setattr(glyphs, "_layout", [None])
    monkeypatch.setattr(glyphs, "_checked", [0])
    monkeypatch.setattr(glyphs, "_GID_FIELD", 2)  # as if adv and gid had swapped places
    fast, slow = _device_pairs(render_text_pdf("Jan Jansen financiën\n" * 20).data)
    assert glyphs._layout == [False]
    assert fast == slow


def test_the_item_layout_is_trusted_after_the_check_spans(monkeypatch: pytest.MonkeyPatch) -> None:
    from wooflow.redact import glyphs

    monkeypatch.setattr(glyphs, "_layout", [None])
    monkeypatch.setattr(glyphs, "_checked", [0])
    fast, slow = _device_pairs(render_text_pdf("Jan Jansen financiën en Piet\n\f" * 4).data)
    assert glyphs._layout == [True]
    assert fast == slow
