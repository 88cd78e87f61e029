"""render._Layout places whole words (issue 15p); the character-by-character placement it
replaced is kept here as the reference: the same pages, word boxes, shown text and PDF."""

from __future__ import annotations

import random
import re
from dataclasses import dataclass

import pymupdf
import pytest

from wooflow.model import Document, Finding, Page, Word
from wooflow.redact import render
from wooflow.redact.render import (
    CONTROL_ZERO_WIDTH,
    FONT_SIZE,
    LINE_HEIGHT,
    MARGIN_BOTTOM,
    MARGIN_TOP,
    MARGIN_X,
    PAGE_H,
    PAGE_W,
    TAB_STOP,
    RenderedPdf,
)

# -- the reference: render.py before issue 15p (one object per character) --------------------


class _RefFonts:
    def __init__(self) -> None:
        self.main = pymupdf.Font("helv")
        self.fallback = pymupdf.Font("cjk")
        self._cache: dict[str, tuple[pymupdf.Font, str, float]] = {}

    def glyph(self, ch: str) -> tuple[pymupdf.Font, str, float]:
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


class _RefLayout:
    def __init__(self, text: str) -> None:
        self.text = text
        self.fonts = _RefFonts()
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
            self.new_line()
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
                self.new_line()
            self.pages[-1][-1].append(_Char(start + k, self.x, width, font, shown))
            self.x += width


def _ref_render(text: str) -> RenderedPdf:
    layout = _RefLayout(text)
    layout.run()
    pdf = pymupdf.open()
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
                    _ref_write_word(writer, word, baseline)
                    words.append(
                        Word(number, word[0].x, y0, word[-1].x + word[-1].width, y1, word[0].offset,
                             word[-1].offset + 1)  # fmt: skip
                    )
                    word = []
        writer.write_text(page)
        start = layout.page_starts[number]
        end = layout.page_starts[number + 1] - 1 if number + 1 < len(layout.pages) else len(text)
        pages.append(Page(number, PAGE_W, PAGE_H, start, max(start, end)))
    pdf.subset_fonts()
    data = pdf.tobytes(garbage=3, deflate=True)
    pdf.close()
    shown = list(text)
    for lines in layout.pages:
        for line in lines:
            for ch in line:
                if ch is not None and len(ch.shown) == 1 and ch.shown != text[ch.offset]:
                    shown[ch.offset] = ch.shown
    return RenderedPdf(data, pages, words, "".join(shown))


def _ref_write_word(writer: pymupdf.TextWriter, chars: list[_Char], baseline: float) -> None:
    run: list[_Char] = []
    for ch in [*chars, None]:
        if ch is not None and (not run or ch.font is run[0].font):
            run.append(ch)
            continue
        if run:
            render._show(writer, run[0].x, baseline, "".join(c.shown for c in run), run[0].font)
        run = [ch] if ch is not None else []


# -- comparison -------------------------------------------------------------------------------


def _body(data: bytes) -> bytes:
    """The file without its trailer's random /ID (new on every write)."""
    at = data.rindex(b"trailer")
    return data[:at] + re.sub(rb"/ID\[.*\]", b"", data[at:], flags=re.S)


def _same(text: str) -> None:
    new, ref = render.render_text_pdf(text), _ref_render(text)
    assert new.pages == ref.pages
    assert new.words == ref.words
    assert new.shown_text == ref.shown_text
    assert _body(new.data) == _body(ref.data)


# what a text can hold: every whitespace and zero-width control the layout treats apart,
# characters of the fallback font, characters no font has, combining marks (no advance), very
# long words, lines that fill a page
_PIECES = [
    "Jan", "Jansen", "de", "Vries", "j.jansen@example.nl", "06-12345678", "ﬁnanciën", "café", "€12,50",
    "Ωμέγα", "Щука", "中文漢字", "かな", "한국어", "العربية", "Z̴̢̛a̸͚͝", "e\u0301\u0302\u0303", "\ue000", "\U0010fffd",
    "😀", "🏳️‍🌈", "soft\u00adhyphen", "zero\u200bwidth", "a\ufeffb", "x\u200dy", "W" * 90, "i" * 400,
    "ab" * 70, "中" * 60, " ", "  ", "\t", "\t\t", "\u00a0", "\u2003", "\u3000", "\r", "\v", "\x1c", "\x1f",
    "\x85", "\n", "\n\n", "\f", "\f\f", "\r\n",
]  # fmt: skip


def _random_text(rnd: random.Random, size: int) -> str:
    out = []
    for _ in range(size):
        piece = rnd.choice(_PIECES)
        out.append(piece)
        if rnd.random() < 0.7:
            out.append(" ")
    return "".join(out)


@pytest.mark.parametrize("seed", range(12))
def test_word_placement_gives_what_character_placement_gave(seed: int) -> None:
    rnd = random.Random(seed)
    _same(_random_text(rnd, rnd.choice([5, 60, 400, 1500])))


def test_edges_of_the_layout_give_the_same() -> None:
    lines = [
        "",
        " ",
        "\f",
        "\n" * 60 + "na een volle pagina",  # a page full of empty lines
        ("regel\n" * 53) + "\f" + "na een paginagrens",  # a page break right after a full page
        "\n".join(" " * k + "x" for k in range(120)),  # leading spaces up to the margin
        "woord " * 2000,  # pages of words that break at spaces
        "x" * 5000,  # one word over pages
        "\t" * 40 + "tab",
        "a" + "\u0301" * 400,  # combining marks: zero advance
        "?\ue000?",  # a drawn "?" next to a character drawn as "?"
        ("W" * 81 + " ") * 30,  # words just at a line's width
    ]
    for text in lines:
        _same(text)


def test_words_about_as_wide_as_a_line_give_the_same() -> None:
    """A word that just fits, and one a fraction of a character too wide (broken inside),
    at a line's start and after other words."""
    width = PAGE_W - 2 * MARGIN_X
    texts = []
    for ch in ("W", "i", "m", "中", "é"):
        font = pymupdf.Font("cjk" if ch == "中" else "helv")
        n = int(width // font.text_length(ch, fontsize=FONT_SIZE))
        for k in (n - 1, n, n + 1, 2 * n, 2 * n + 1):
            texts += [ch * k, "ab " + ch * k, ch * k + " " + ch * k, "x" * (k // 2) + "\t" + ch * k]
    _same("\n".join(texts))


def test_a_word_the_layout_misplaces_is_caught_by_the_verifier(monkeypatch) -> None:
    """If the word map and the drawing ever disagree (the redaction box is placed by the map),
    the verifier reads the name where no box covers it and withholds the file."""
    import tempfile
    from pathlib import Path

    from wooflow.redact.batch import redact_to_pdf
    from wooflow.redact.verify import VerificationFailed

    text = "Van: Afdeling\nBeste collega, graag overleg met Marieke Brouwer over de nota.\n"
    start = text.index("Marieke Brouwer")
    found = [Finding(start, start + 15, "Marieke Brouwer", "person", "redact", "5.1.2e", 1.0, "test", "naam")]
    doc = Document("bericht.eml", "bericht.eml", "email", "0" * 64, text)
    show = render._show

    def shifted(writer, x, baseline, shown, font):  # type: ignore[no-untyped-def]
        show(writer, x, baseline + 3 * LINE_HEIGHT, shown, font)  # drawn three lines lower

    with tempfile.TemporaryDirectory() as tmp:
        redact_to_pdf(doc, found, Path(tmp) / "goed.pdf", ocr=False)  # as laid out: clean
        monkeypatch.setattr(render, "_show", shifted)
        with pytest.raises(VerificationFailed):
            redact_to_pdf(doc, found, Path(tmp) / "fout.pdf", ocr=False)
        assert not (Path(tmp) / "fout.pdf").exists()
