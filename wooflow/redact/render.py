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
from dataclasses import dataclass, field, replace
from pathlib import Path

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
        self._cache: dict[str, tuple[pymupdf.Font, str, float]] = {}

    def glyph(self, ch: str) -> tuple[pymupdf.Font, str, float]:
        """The font that draws ``ch``, the char actually drawn, and its advance at FONT_SIZE."""
        hit = self._cache.get(ch)
        if hit is None:
            cp = ord(ch)
            if self.main.has_glyph(cp):
                font, shown = self.main, ch
            elif self.fallback.has_glyph(cp):
                font, shown = self.fallback, ch
            else:
                font, shown = self.main, "?"
            hit = (font, shown, font.text_length(shown, fontsize=FONT_SIZE))
            self._cache[ch] = hit
        return hit


@dataclass(slots=True)
class _Char:
    offset: int
    x: float
    width: float
    font: pymupdf.Font
    shown: str


class _Layout:
    """Places characters on lines and pages; breaks at spaces, or inside over-long words."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.fonts = _Fonts()
        self.max_x = PAGE_W - MARGIN_X
        self.lines_per_page = int((PAGE_H - MARGIN_TOP - MARGIN_BOTTOM) // LINE_HEIGHT)
        self.pages: list[list[list[_Char]]] = [[[]]]
        self.page_starts: list[int] = [0]
        self.x = MARGIN_X

    def new_line(self) -> None:
        if len(self.pages[-1]) >= self.lines_per_page:
            self.new_page(self.pages[-1][-1][-1].offset + 1 if self.pages[-1][-1] else None)
            return
        self.pages[-1].append([])
        self.x = MARGIN_X

    def new_page(self, offset: int | None) -> None:
        self.pages.append([[]])
        self.page_starts.append(offset if offset is not None else 0)
        self.x = MARGIN_X

    def run(self) -> None:
        text = self.text
        i = 0
        n = len(text)
        while i < n:
            ch = text[i]
            if ch == "\n":
                self.new_line()
                i += 1
            elif ch == "\f":
                self.new_page(i + 1)
                i += 1
            elif ch in (" ", "\t") or ch in CONTROL_ZERO_WIDTH or (ch.isspace()):
                self.place_space(i, ch)
                i += 1
            else:
                j = i
                while j < n and not text[j].isspace() and text[j] not in CONTROL_ZERO_WIDTH:
                    j += 1
                self.place_word(i, j)
                i = j
        for k, start in enumerate(self.page_starts):
            if k and start == 0:
                self.page_starts[k] = self._first_offset(k)

    def _first_offset(self, k: int) -> int:
        for line in self.pages[k]:
            if line:
                return line[0].offset
        return len(self.text)

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
        self.pages[-1][-1].append(_Char(offset, self.x, width, self.fonts.main, ""))
        self.x += width

    def place_word(self, start: int, end: int) -> None:
        glyphs = [self.fonts.glyph(c) for c in self.text[start:end]]
        total = sum(g[2] for g in glyphs)
        if self.x + total > self.max_x and self.x > MARGIN_X:
            self.new_line()
        for k, (font, shown, width) in enumerate(glyphs):
            if self.x + width > self.max_x and self.x > MARGIN_X:
                self.new_line()  # a word longer than a line is broken where it must
            self.pages[-1][-1].append(_Char(start + k, self.x, width, font, shown))
            self.x += width


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
            word: list[_Char] = []
            for ch in [*line, None]:
                if ch is not None and ch.shown:
                    word.append(ch)
                    continue
                if word:
                    _write_word(writer, word, baseline)
                    words.append(
                        Word(
                            number,
                            word[0].x,
                            y0,
                            word[-1].x + word[-1].width,
                            y1,
                            word[0].offset,
                            word[-1].offset + 1,
                        )
                    )
                    word = []
        writer.write_text(page)
        start = layout.page_starts[number]
        end = layout.page_starts[number + 1] - 1 if number + 1 < len(layout.pages) else len(text)
        pages.append(Page(number, PAGE_W, PAGE_H, start, max(start, end)))
    pdf.subset_fonts()  # the fallback font alone is 1.7 MB; only used glyphs are kept
    data = pdf.tobytes(garbage=3, deflate=True)
    pdf.close()
    shown = list(text)
    for lines in layout.pages:
        for line in lines:
            for ch in line:
                if ch is not None and len(ch.shown) == 1 and ch.shown != text[ch.offset]:
                    shown[ch.offset] = ch.shown
    return RenderedPdf(data, pages, words, "".join(shown))


def _write_word(writer: pymupdf.TextWriter, chars: list[_Char], baseline: float) -> None:
    """One text object per word and font run, at the exact x computed by the layout.

    Separate strings per word also keep MuPDF's redaction from shifting the rest of the line.
    """
    run: list[_Char] = []
    for ch in [*chars, None]:
        if ch is not None and (not run or ch.font is run[0].font):
            run.append(ch)
            continue
        if run:
            _show(writer, run[0].x, baseline, "".join(c.shown for c in run), run[0].font)
        run = [ch] if ch is not None else []


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
