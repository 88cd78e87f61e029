"""A name wrapped over two lines of a paragraph read as one: the line break inside it becomes a
space in a shadow text of the same length.

Text drawn from a PDF keeps the layout's line ends, so a sentence such as 'Volgens Koen⏎Brouwer
is de planning haalbaar' splits a name over two lines. Every cue of the recognizers treats a line
end as a boundary, because in headers, lists, tables and address blocks it is one; in a wrapped
paragraph it is not. Like capitals.decap and ocrdigits.fix, detection runs on the shadow, findings
keep their offsets and take their text from the original.

A line end is read as a space only inside a name in running prose: the line ends in a capitalised
word or an initial, optionally with particles ('R. van'); the next line starts at the margin with a
capitalised word followed by a lower-case word ('Brouwer is ...'); the line before is long, has no
column gap or ' | ', and ended only because the next word did not fit (a heading or a paragraph's
last line ends early). Reading every soft line end of prose as a space was tried and moved the name
model's readings elsewhere for the worse (docs/DETECTION.md, "Session 10 (lead)").
"""

from __future__ import annotations

import re

MIN_LINE = 40
"""A wrapped paragraph's line is at least this long; header, address and signature lines rarely are."""

# The break itself, inside a name only: a capitalised word, an initial or a particle ends the
# line; a capitalised word at the margin, or particles and one, starts the next and the sentence
# goes on in lower case after it ('Volgens Koen⏎Brouwer is', 'de heer R. van⏎Leeuwen verklaart',
# 'Volgens Bram⏎van Dijk is').
WINDOW = 4
"""Lines on each side that show the paragraph's width."""
FILL = 0.9
"""A wrapped line plus the word pushed to the next line is at least this share of that width."""

_BREAK = re.compile(
    r"(?<![ \t])[ \t]*+\n(?=(?:(?:van|de|der|den|ter|ten|te) ){0,2}[A-Z][a-zà-ÿ]+(?:['’-][^\W\d_]+)*,? [a-zà-ÿ])")
_NAME_END = re.compile(
    r"(?<![\w.])(?:[A-Z]\.|[A-Z][a-zà-ÿ]+(?:['’-][^\W\d_]+)*)(?: (?:van|de|der|den|ter|ten|te)){0,2}$"
)
NAME_REACH = 200
"""Characters before a line end that hold the name ending there (names are far shorter)."""
_PARTICLES = re.compile(r"(?:(?:van|de|der|den|ter|ten|te) )+")
_GAP = re.compile(r"\S[ \t]{3,}\S|\t| \| ")  # a column gap or a bar: a table row, a label-value line, a footer


def soften(text: str) -> str:
    """``text`` with the line ends inside wrapped names as spaces (same length); ``text`` itself
    when there are none."""
    if "\n" not in text:
        return text
    out: list[str] | None = None
    for m in _BREAK.finditer(text):
        nl = m.end() - 1
        line_start = text.rfind("\n", 0, m.start()) + 1
        line = text[line_start : m.start()]
        if len(line.strip()) < MIN_LINE or _GAP.search(line) or line[:1].isspace():
            continue
        end = line.rstrip()
        # (the line's last NAME_REACH characters: a name ends there; searched over the whole line, a
        # long hyphenated run 'Aa-Aa-...' was rescanned from every capital, quadratic: 24k chars 10 s)
        if not _NAME_END.search(end, max(0, len(end) - NAME_REACH)) \
                or not _fills_width(text, line_start, m.end(), len(end)):
            continue
        if out is None:
            out = list(text)
        out[nl] = " "
    return text if out is None else "".join(out)


def _fills_width(text: str, line_start: int, next_start: int, length: int) -> bool:
    """Whether a line of ``length`` ended only because the next line's first word did not fit:
    with that word it would be about as long as the longest of the lines around it (a heading
    or the last line of a paragraph ends early)."""
    # the word pushed down; particles go with the name they open ('van Dijk')
    m = _PARTICLES.match(text, next_start)
    word = (m.end() - next_start if m else 0) + len(text[m.end() if m else next_start :].split(" ", 1)[0])
    lo = line_start
    for _ in range(WINDOW):
        lo = text.rfind("\n", 0, max(lo - 1, 0)) + 1 if lo > 0 else 0
    hi = next_start
    for _ in range(WINDOW):
        j = text.find("\n", hi + 1)
        hi = len(text) if j < 0 else j
    lengths = sorted(n for n in (len(ln.rstrip()) for ln in text[lo:hi].split("\n")) if n)
    if m and lengths:
        # a particle at the margin ('van Dijk is ...') only continues a name: the paragraph's width
        # is then the upper quartile of the lines around (one overlong line does not set it)
        width = lengths[(3 * (len(lengths) - 1)) // 4]
    else:
        width = lengths[-1] if lengths else 0
    return length + 1 + word >= FILL * width
