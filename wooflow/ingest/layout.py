"""Turn positioned words into text with exact offsets.

Both the PDF text layer and OCR give words grouped into blocks and lines. We build the text from
those words ourselves (words joined by a space, lines by a newline, blocks by a blank line) so that
every Word's offsets point at exactly its characters in ``Document.text``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from wooflow.model import Word

Box = tuple[float, float, float, float]
Line = list[tuple[str, Box]]
Block = list[Line]


@dataclass(slots=True)
class TextBuilder:
    """Append-only text with a running offset; collects the words it writes."""

    parts: list[str] = field(default_factory=list)
    pos: int = 0
    words: list[Word] = field(default_factory=list)

    def write(self, s: str) -> None:
        self.parts.append(s)
        self.pos += len(s)

    def add_blocks(self, page: int, blocks: list[Block]) -> None:
        """Write one page's blocks; empty words, lines and blocks are dropped."""
        first_block = True
        for block in blocks:
            lines = [[w for w in line if w[0].strip()] for line in block]
            lines = [line for line in lines if line]
            if not lines:
                continue
            if not first_block:
                self.write("\n\n")
            first_block = False
            for li, line in enumerate(lines):
                if li:
                    self.write("\n")
                for wi, (text, box) in enumerate(line):
                    if wi:
                        self.write(" ")
                    start = self.pos
                    self.write(text)
                    x0, y0, x1, y1 = box
                    self.words.append(Word(page, x0, y0, x1, y1, start, self.pos))

    def text(self) -> str:
        return "".join(self.parts)
