"""Render a non-PDF document (text, e-mail, docx, image) to PDF with a known box for every char.

Why not LibreOffice: a headless office suite is a ~500 MB dependency and lays text out by its own
rules, so the offsets of ``Document.text`` (what findings point at) could only be mapped back to
the PDF by searching, which is exactly where redactions slip. Here the text is laid out line by
line with the font's own advance widths, so every character's page and rectangle are known
before anything is written, and redaction boxes come from that map. The font is the Helvetica
clone (Nimbus Sans) built into MuPDF (Latin, Greek, Cyrillic); characters it lacks fall back to
MuPDF's built-in Droid Sans Fallback, and a character neither has is drawn as "?".
Images become one page per frame at the size the image reader measured, so its OCR word boxes
apply unchanged.
"""

from __future__ import annotations

import io
import itertools
import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import pymupdf

from wooflow.exceptions import CorruptDocument
from wooflow.model import Document, Page, Word

PAGE_W, PAGE_H = pymupdf.paper_size("a4")
MARGIN_X = 64.0
MARGIN_TOP = 64.0
MARGIN_BOTTOM = 64.0
FONT_SIZE = 10.0
LINE_HEIGHT = 13.5
TAB_STOP = 36.0
CONTROL_ZERO_WIDTH = {"\r", "\v", "\u200b", "\ufeff", "\u00ad"}


@dataclass(slots=True)
class RenderedPdf:
    """PDF bytes plus the page and word map of the text it shows (offsets into the source text)."""

    data: bytes
    pages: list[Page] = field(default_factory=list)
    words: list[Word] = field(default_factory=list)
    # The source text as drawn: a character no font has is drawn as "?" (same offsets). The
    # verifier compares the output with this, or "0ƀ" drawn as "0?" reads as an extra "0".
    shown_text: str | None = None

    def as_document(self, doc: Document) -> Document:
        """``doc`` with this rendering's pages and word boxes: what redact_pdf needs."""
        return replace(doc, pages=list(self.pages), words=list(self.words), kind="pdf")


class _Fonts:
    """Main font plus fallback; MuPDF's own fonts, so nothing is loaded from disk."""

    def __init__(self) -> None:
        self.main = pymupdf.Font("helv")
        self.fallback = pymupdf.Font("cjk")
        self.by_role = (self.main, self.fallback)

    def glyph(self, ch: str) -> tuple[pymupdf.Font, str, float]:
        """The font that draws ``ch``, the char actually drawn, and its advance at FONT_SIZE."""
        role, shown, width = self.measure(ch)
        return self.by_role[role], shown, width

    def measure(self, ch: str) -> tuple[int, str, float]:
        """``glyph`` with the font as 0 (main) or 1 (fallback). Kept per process
        (``_GLYPHS``): the built-in fonts are the same for every document, so are the answers."""
        hit = _GLYPHS.get(ch)
        if hit is None:
            cp = ord(ch)
            if self.main.has_glyph(cp):
                role, shown = 0, ch
            elif self.fallback.has_glyph(cp):
                role, shown = 1, ch
            else:
                role, shown = 0, "?"
            hit = (role, shown, self.by_role[role].text_length(shown, fontsize=FONT_SIZE))
            if len(_GLYPHS) >= _CACHE_MAX:
                _GLYPHS.clear()
            _GLYPHS[ch] = hit
        return hit


_CACHE_MAX = 20_000  # entries of each per-process cache below (a word: ~0.5 KiB; ~10 MiB at most)
_GLYPHS: dict[str, tuple[int, str, float]] = {}  # character -> (font role, shown, advance)
# word -> (advances, their sum, runs of one font (first character, shown, font role), whether
# no advance is negative)
_SHAPES: dict[str, tuple[list[float], float, list[tuple[int, str, int]], bool]] = {}


# A word's piece on one line: [x0, x1, first offset, end offset, runs]; a run is one string
# drawn in one font from one x: (x, shown, font)
_Piece = list[Any]


class _Line:
    """One line: its word pieces, and the offsets of the first and last character placed on it
    (spaces included; None while nothing is)."""

    __slots__ = ("first", "last", "pieces")

    def __init__(self) -> None:
        self.first: int | None = None
        self.last: int | None = None
        self.pieces: list[_Piece] = []


class _Layout:
    """Places characters on lines and pages; breaks at spaces, or inside over-long words.

    Words are placed whole where they fit (one running sum of the advances, no object per
    character); the result is what a character-by-character placement gives: the same x for
    every character (the same additions in the same order), the same breaks, the same pieces
    (tests/redact/test_redact_render_layout.py keeps that placement as the reference)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.fonts = _Fonts()
        self.max_x = PAGE_W - MARGIN_X
        self.lines_per_page = int((PAGE_H - MARGIN_TOP - MARGIN_BOTTOM) // LINE_HEIGHT)
        self.pages: list[list[_Line]] = [[_Line()]]
        self.page_starts: list[int] = [0]
        self.x = MARGIN_X

    def new_line(self) -> None:
        if len(self.pages[-1]) >= self.lines_per_page:
            last = self.pages[-1][-1].last
            self.new_page(last + 1 if last is not None else None)
            return
        self.pages[-1].append(_Line())
        self.x = MARGIN_X

    def new_page(self, offset: int | None) -> None:
        self.pages.append([_Line()])
        self.page_starts.append(offset if offset is not None else 0)
        self.x = MARGIN_X

    def run(self) -> None:
        text = self.text
        for m in _TOKEN.finditer(text):
            i = m.start()
            ch = text[i]
            if m.lastindex == 1:  # a word: no whitespace, no zero-width control
                self.place_word(i, m.end())
            elif ch == "\n":
                self.new_line()
            elif ch == "\f":
                self.new_page(i + 1)
            else:
                self.place_space(i, ch)
        for k, start in enumerate(self.page_starts):
            if k and start == 0:
                self.page_starts[k] = self._first_offset(k)

    def _first_offset(self, k: int) -> int:
        for line in self.pages[k]:
            if line.first is not None:
                return line.first
        return len(self.text)

    def _put(self, offset: int) -> _Line:
        """The current line, with ``offset`` placed on it."""
        line = self.pages[-1][-1]
        if line.first is None:
            line.first = offset
        line.last = offset
        return line

    def place_space(self, offset: int, ch: str) -> None:
        if ch == "\t":
            width = TAB_STOP - ((self.x - MARGIN_X) % TAB_STOP) or TAB_STOP
        elif ch in CONTROL_ZERO_WIDTH or ord(ch) < 32:
            width = 0.0
        else:
            width = self.fonts.glyph(" ")[2]
        if self.x + width > self.max_x:
            self.new_line()  # the space ends the line; it is not carried over
            return
        self._put(offset)
        self.x += width

    def place_word(self, start: int, end: int) -> None:
        word = self.text[start:end]
        shape = _SHAPES.get(word)
        if shape is None:
            shape = self._shape(word)
        widths, total, runs, fits_whole = shape
        if self.x + total > self.max_x and self.x > MARGIN_X:
            self.new_line()
        # x after each character: the same additions, in the same order, as x += width
        xs = list(itertools.accumulate(widths, initial=self.x))
        if fits_whole and xs[-1] <= self.max_x:
            # no character crosses the margin (x only grows): one piece on this line
            line = self._put(start)
            fonts = self.fonts.by_role
            line.pieces.append([xs[0], xs[-1], start, end, [(xs[k], shown, fonts[role]) for k, shown, role in runs]])
            line.last = end - 1
            self.x = xs[-1]
            return
        self._place_chars(start, [self.fonts.glyph(c) for c in word])

    def _shape(self, word: str) -> tuple[list[float], float, list[tuple[int, str, int]], bool]:
        """A word's entry of ``_SHAPES``: its advances, their sum, its runs of one font (first
        character, characters shown, font role) and whether no advance is negative (then x
        only grows along the word)."""
        glyphs = [self.fonts.measure(c) for c in word]
        widths = [g[2] for g in glyphs]
        runs: list[tuple[int, str, int]] = []
        first = 0
        for k in range(1, len(glyphs) + 1):
            if k == len(glyphs) or glyphs[k][0] != glyphs[first][0]:
                runs.append((first, "".join(g[1] for g in glyphs[first:k]), glyphs[first][0]))
                first = k
        shape = (widths, sum(widths), runs, all(w >= 0 for w in widths))
        if len(_SHAPES) >= _CACHE_MAX:
            _SHAPES.clear()
        _SHAPES[word] = shape
        return shape

    def _place_chars(self, start: int, glyphs: list[tuple[pymupdf.Font, str, float]]) -> None:
        """A word that does not fit on a line: broken where a character would cross the margin."""
        first = 0  # the current piece's first character
        xs = [self.x]
        for k, (_font, _shown, width) in enumerate(glyphs):
            if self.x + width > self.max_x and self.x > MARGIN_X:
                if k > first:
                    self._piece(self.pages[-1][-1], start, glyphs, xs, first, k)
                self.new_line()
                first, xs = k, [self.x]
            self._put(start + k)
            self.x += width
            xs.append(self.x)
        if len(glyphs) > first:
            self._piece(self.pages[-1][-1], start, glyphs, xs, first, len(glyphs))

    @staticmethod
    def _piece(
        line: _Line, start: int, glyphs: list[tuple[pymupdf.Font, str, float]], xs: list[float], a: int, b: int
    ) -> None:
        """Characters ``a``..``b`` of a word (x of character k: ``xs[k - a]``) as a piece of
        ``line``, in runs of one font."""
        runs: list[tuple[float, str, pymupdf.Font]] = []
        first = a
        for k in range(a + 1, b + 1):
            if k == b or glyphs[k][0] is not glyphs[first][0]:
                runs.append((xs[first - a], "".join(g[1] for g in glyphs[first:k]), glyphs[first][0]))
                first = k
        line.pieces.append([xs[0], xs[b - a], start + a, start + b, runs])


# a word (maximal run of characters that are neither whitespace nor zero-width controls), or
# one such character
_TOKEN = re.compile(
    "([^\\s" + "".join(re.escape(c) for c in sorted(CONTROL_ZERO_WIDTH)) + "]+)|[\\s"
    + "".join(re.escape(c) for c in sorted(CONTROL_ZERO_WIDTH)) + "]"
)


def render_text_pdf(text: str) -> RenderedPdf:
    """Lay out ``text`` on A4 pages; every visible character's box is recorded as word boxes."""
    layout = _Layout(text)
    layout.run()
    pdf = pymupdf.open()
    # Nimbus Sans reports a tall bbox (1.075 / -0.299 em); boxes of lines must not overlap, or a
    # box on one line would touch the characters of the next.
    ascent, descent = 0.95, -0.25
    words: list[Word] = []
    pages: list[Page] = []
    for number, lines in enumerate(layout.pages):
        page = pdf.new_page(width=PAGE_W, height=PAGE_H)
        writer = pymupdf.TextWriter(page.rect)
        for row, line in enumerate(lines):
            baseline = MARGIN_TOP + (row + 1) * LINE_HEIGHT
            y0, y1 = baseline - ascent * FONT_SIZE, baseline - descent * FONT_SIZE
            # one text object per word and font run, at the exact x computed by the layout
            # (separate strings per word also keep MuPDF's redaction from shifting the line)
            for x0, x1, first, end, runs in line.pieces:
                for x, shown, font in runs:
                    _show(writer, x, baseline, shown, font)
                words.append(Word(number, x0, y0, x1, y1, first, end))
        writer.write_text(page)
        start = layout.page_starts[number]
        end = layout.page_starts[number + 1] - 1 if number + 1 < len(layout.pages) else len(text)
        pages.append(Page(number, PAGE_W, PAGE_H, start, max(start, end)))
    pdf.subset_fonts()  # the fallback font alone is 1.7 MB; only used glyphs are kept
    data = pdf.tobytes(garbage=3, deflate=True)
    pdf.close()
    # a character no font has is drawn as "?" (the same for every place it is drawn)
    # (every character that is not a space is drawn)
    fonts = layout.fonts
    drawn = (c for c in set(text) if not c.isspace() and c not in CONTROL_ZERO_WIDTH)
    missing = {ord(c): "?" for c in drawn if fonts.measure(c)[1] != c}
    return RenderedPdf(data, pages, words, text.translate(missing) if missing else text)


_LANG = pymupdf.mupdf.fz_text_language_from_string(None)


def _show(writer: pymupdf.TextWriter, x: float, baseline: float, text: str, font: pymupdf.Font) -> None:
    """``TextWriter.append`` without its bookkeeping: append re-measures the bounds of all text
    written so far on every call (quadratic in the words of a page: 25 of 36 s of rendering on
    a 300-document case). The same ``fz_show_string`` call, so the same PDF, byte for byte
    (tests/redact/test_redact_render.py); ``write_text`` needs none of the bookkeeping."""
    trm = pymupdf.mupdf.fz_make_matrix(FONT_SIZE, 0, 0, FONT_SIZE, x, PAGE_H - baseline)
    pymupdf.mupdf.fz_show_string(writer.this, font.this, trm, text, 0, 0, 0, _LANG)


def _image_bytes(doc: Document) -> bytes:
    if doc.data is not None:
        return doc.data
    try:
        return Path(doc.path).read_bytes()
    except OSError as exc:
        raise CorruptDocument(doc.path, f"afbeelding niet te lezen: {exc.strerror}") from None


def render_image_pdf(doc: Document) -> RenderedPdf:
    """One page per frame, sized as the image reader measured it, so OCR boxes apply as they are."""
    from PIL import Image, ImageSequence

    pdf = pymupdf.open()
    try:
        with Image.open(io.BytesIO(_image_bytes(doc))) as img:
            for number, frame in enumerate(ImageSequence.Iterator(img)):
                info = doc.pages[number] if number < len(doc.pages) else None
                width = info.width if info else frame.width * 72 / 300
                height = info.height if info else frame.height * 72 / 300
                buf = io.BytesIO()
                frame.convert("RGB" if frame.mode not in ("L", "1") else "L").save(buf, "PNG")
                page = pdf.new_page(width=width, height=height)
                page.insert_image(page.rect, stream=buf.getvalue(), keep_proportion=False)
    except (OSError, ValueError, SyntaxError, EOFError) as exc:
        raise CorruptDocument(doc.path, f"beschadigde afbeelding: {exc}") from None
    data = pdf.tobytes(garbage=3, deflate=True)
    pdf.close()
    return RenderedPdf(data, list(doc.pages), list(doc.words))


def render_document(doc: Document) -> RenderedPdf:
    """The PDF a non-PDF document is published as, with its word map."""
    if doc.kind == "image":
        return render_image_pdf(doc)
    return render_text_pdf(doc.text)


def render_pdf(doc: Document) -> bytes:
    """PDF bytes only (see ``render_document`` for the word map redaction needs)."""
    return render_document(doc).data
