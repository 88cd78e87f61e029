"""Fonts whose Unicode is proven by their glyph shapes, without OCR.

The verifier must know that a font's text layer says what its glyphs show (a lying ToUnicode
hides a name from every extractor while a reader sees it). Until issue 15c this was tested for
every PDF by OCR of sampled lines (one Tesseract call per document, ~0.8 s: more than half of
the verifier's time on a generated case). Most published PDFs are drawn with the fonts wooflow
renders with itself (MuPDF's Nimbus Sans, the labels on the boxes) or with the standard 14
fonts; for those a cheaper proof exists:

MuPDF interprets every page with a device that sees each text item as it is painted: the font
program, the glyph drawn and the Unicode the extractors report for it. A font is *proven* when
every (glyph, Unicode) pair it paints renders, pixel for pixel, as the glyph that a trusted
reference font (MuPDF's built-in Nimbus Sans/Roman/Mono, Droid Sans Fallback) has for that
Unicode character. A font with one pair that cannot be matched (another typeface, a lie, a
Type 3 glyph, a private-use code) is not proven and keeps the OCR sample as before. The proof
is per font program as painted, so two fonts with one name (a subset and a base-14 font both
called Helvetica) are only proven when both are.

Limits (the same as the OCR sample's): a glyph that looks like a letter of another script (a
Latin ``A`` shown for a Greek ``Α``) reads as that script; text a reader cannot see (white,
invisible mode, an empty glyph) is not a lie about what is seen and is left to the extractors'
checks.
"""

from __future__ import annotations

import ctypes
from collections.abc import Iterable
from functools import partial

import pymupdf

_M = pymupdf.mupdf
REFERENCE_FONTS = ("helv", "hebo", "heit", "hebi", "tiro", "tibo", "tiit", "tibi",
                   "cour", "cobo", "coit", "cobi", "cjk")  # fmt: skip
_EM = 64.0  # pixels per em of the compared renderings
_CTM = (_EM, 0.0, 0.0, -_EM, 16.0, 80.0)
_ITEM = _M._mupdf.FzTextSpan_items  # what FzTextSpan.items(i) calls
_GID = _M._mupdf.fz_text_item_gid_get  # what fz_text_item.gid reads
_UCS = _M._mupdf.fz_text_item_ucs_get
_refs: dict[str, pymupdf.Font] = {}
_ref_glyphs: dict[tuple[str, int], bytes | None] = {}


def font_name(name: str) -> str:
    """MuPDF's font name as ``get_text`` reports it (a six-letter subset prefix dropped)."""
    return name[7:] if len(name) > 7 and name[6] == "+" else name


class _TextDevice(_M.FzDevice2):  # type: ignore[misc,name-defined]
    """Collects, per font program painted, the (glyph id, Unicode) pairs of every text item."""

    def __init__(self) -> None:
        super().__init__()
        self.use_virtual_fill_text()
        self.use_virtual_stroke_text()
        self.use_virtual_clip_text()
        self.use_virtual_clip_stroke_text()
        self.use_virtual_ignore_text()
        self.fonts: dict[int, tuple[object, set[tuple[int, int]], set[int]]] = {}
        self.page = -1  # the page being run: recorded per font program

    def _text(self, text: object) -> None:
        span = text.head  # type: ignore[attr-defined]
        while span:
            wrapped = _M.FzTextSpan(span)
            font = wrapped.font()
            entry = self.fonts.setdefault(font.m_internal_value(), (font, set(), set()))
            entry[2].add(self.page)
            entry[1].update(_pairs(span, wrapped))
            span = span.next

    def fill_text(self, _ctx: object, text: object, *_args: object) -> None:
        self._text(text)

    def stroke_text(self, _ctx: object, text: object, *_args: object) -> None:
        self._text(text)

    def clip_text(self, _ctx: object, text: object, *_args: object) -> None:
        self._text(text)

    def clip_stroke_text(self, _ctx: object, text: object, *_args: object) -> None:
        self._text(text)

    def ignore_text(self, _ctx: object, text: object, *_args: object) -> None:
        self._text(text)


def _pairs_swig(span: object, wrapped: object) -> Iterable[tuple[int, int]]:
    """(gid, ucs) of every item of a span through the SWIG functions behind
    ``wrapped.items(i).gid/.ucs`` (without two Python-level wrappers per glyph)."""
    return ((_GID(item), _UCS(item)) for item in map(partial(_ITEM, wrapped), range(span.len)))  # type: ignore[attr-defined]


# ``fz_text_item`` is {float x, y, adv; int gid, ucs, cid} (MuPDF 1.28): 24 bytes, gid and ucs
# the 4th and 5th 32-bit field. Reading the span's item array as memory gives the same ints as
# the SWIG getters for a fraction of the cost (one Python call per span, not two per glyph).
# The layout is checked against the SWIG getters on the first spans a process sees
# (``_layout_checked``); if it ever differs (another MuPDF build), the SWIG path is used.
_ITEM_INTS = 6
_GID_FIELD, _UCS_FIELD = 3, 4
_layout: list[bool | None] = [None]  # None: not checked yet
_CHECK_SPANS = 2  # spans of 4+ distinct pairs compared item by item before the memory read is trusted
_checked = [0]


def _pairs_memory(span: object) -> Iterable[tuple[int, int]]:
    n = span.len  # type: ignore[attr-defined]
    if n <= 0:
        return ()
    ints = memoryview(ctypes.string_at(int(span.items.this), 4 * _ITEM_INTS * n)).cast("i")  # type: ignore[attr-defined]
    return zip(ints[_GID_FIELD::_ITEM_INTS], ints[_UCS_FIELD::_ITEM_INTS], strict=True)


def _pairs(span: object, wrapped: object) -> Iterable[tuple[int, int]]:
    """The (gid, ucs) pairs of one span's items (the values ``wrapped.items(i).gid/.ucs`` give)."""
    if _layout[0] is False:
        return _pairs_swig(span, wrapped)
    if _layout[0] is None:
        slow = list(_pairs_swig(span, wrapped))
        if len(set(slow)) >= 4:
            first, second = (int(_ITEM(wrapped, i).this) for i in (0, 1))
            same = second - first == 4 * _ITEM_INTS and list(_pairs_memory(span)) == slow
            if not same:
                _layout[0] = False
            else:
                _checked[0] += 1
                if _checked[0] >= _CHECK_SPANS:
                    _layout[0] = True
        return slow
    return _pairs_memory(span)


def _render(font: object, gid: int) -> bytes | None:
    """The glyph's coverage bitmap with its position, or None when it paints nothing."""
    ctm = _M.FzMatrix(*_CTM)
    pix = _M.ll_fz_render_glyph_pixmap(font.m_internal, gid, ctm.internal(), None, 8)  # type: ignore[attr-defined]
    if pix is None:
        return None
    wrapped = _M.FzPixmap(pix)
    head = f"{wrapped.x()},{wrapped.y()},{wrapped.w()},{wrapped.h()};".encode()
    return head + bytes(_M.fz_pixmap_samples_memoryview(wrapped))


def _reference(name: str, ucs: int) -> bytes | None:
    key = (name, ucs)
    if key not in _ref_glyphs:
        if name not in _refs:
            _refs[name] = pymupdf.Font(name)
        font = _refs[name].this
        gid = int(_M.fz_encode_character(font, ucs))
        _ref_glyphs[key] = _render(font, gid) if gid > 0 else None
    return _ref_glyphs[key]


def _pair_proven(font: object, gid: int, ucs: int) -> bool:
    if ucs <= 0:
        return False
    shown = _render(font, gid)
    if shown is None:  # nothing painted: proven for a space; else left to the OCR sample
        return ucs <= 0x10FFFF and chr(ucs).isspace()
    return any(_reference(name, ucs) == shown for name in REFERENCE_FONTS)


def painted_fonts(
    doc: pymupdf.Document, page_numbers: Iterable[int] | None = None, pages_out: dict[int, bool] | None = None
) -> dict[str, bool]:
    """Every font name (as ``get_text`` reports it) painted on the pages, and whether all font
    programs of that name are proven (see the module doc). ``pages_out`` receives, per page
    run, whether every font program painted there is proven (True for a page without text)."""
    device = _TextDevice()
    numbers = range(doc.page_count) if page_numbers is None else page_numbers
    for number in numbers:
        page = doc[number]
        device.page = number
        _M.fz_run_page(page.this, device, _M.FzMatrix(), _M.FzCookie())
        if pages_out is not None:
            pages_out[number] = True
    out: dict[str, bool] = {}
    for font, pairs, painted_on in device.fonts.values():
        name = font_name(str(_M.fz_font_name(font)))
        proven = all(_pair_proven(font, gid, ucs) for gid, ucs in pairs)
        out[name] = out.get(name, True) and proven
        if pages_out is not None and not proven:
            for number in painted_on:
                pages_out[number] = False
    return out


__all__ = ["REFERENCE_FONTS", "font_name", "painted_fonts"]
