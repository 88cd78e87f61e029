"""Every occurrence of a redacted person's name forms, also across line and page breaks.

Detection reads ``Document.text`` line by line as the PDF lays it out, so a name broken over a
line ("Brou-" / "wer", with a soft hyphen, or with no hyphen at all) or over a page break has
no finding of its own. The verifier looks for a redacted person's name forms everywhere
(``verify_deep.name_forms``: full name, surname, the personal part of an e-mail address); the
redactor does the same before planning boxes, so both halves of a broken name get a box and
the surname that a detector missed elsewhere goes too. Mentions the detector explicitly kept
(``action == "keep"``) stay.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache

from wooflow.model import Finding
from wooflow.redact.text import redact_spans
from wooflow.redact.verify_deep import name_forms

# Between two letters of a word: a line or page break, with or without a (soft) hyphen.
_IN_WORD_BREAK = r"(?:\u00ad|[\-\u00ad]?[ \t]*[\n\f]\s*)?"
_BETWEEN_WORDS = r"\s+"
RECOGNIZER = "redact.joined"


@lru_cache(maxsize=8192)
def form_pattern(form: str) -> re.Pattern[str]:
    """A name form as a regex that also matches it broken across lines or pages."""
    words = form.split()
    parts = [_IN_WORD_BREAK.join(re.escape(ch) for ch in word) for word in words]
    return re.compile(r"(?<!\w)" + _BETWEEN_WORDS.join(parts) + r"(?!\w)", re.IGNORECASE)


def complete_findings(text: str, findings: Sequence[Finding], names: Iterable[str] = ()) -> list[Finding]:
    """``findings`` plus a redact finding for every uncovered occurrence of a name form."""
    forms = name_forms(findings, names)
    if not forms:
        return list(findings)
    covered = sorted((s.start, s.end) for s in redact_spans(findings, len(text)))
    kept = sorted((f.start, f.end) for f in findings if f.action == "keep")
    ground = next((f.ground for f in findings if f.action == "redact" and f.ground), "5.1.2e")
    extra: list[Finding] = []
    taken: list[tuple[int, int]] = []
    # Where a form can start: word starts by first letter, one pass over the text (a whole-text
    # scan per form made redaction quadratic in the length of a long document).
    starts: dict[str, list[int]] = {}
    for w in re.finditer(r"(?<!\w)\w", text):
        starts.setdefault(text[w.start()].lower(), []).append(w.start())
    for form in forms:  # longest first: "marieke brouwer" before "brouwer"
        pattern = form_pattern(form)
        matches: Iterator[re.Match[str]]
        if form[:1].isalnum():
            matches = (m for pos in starts.get(form[:1].lower(), ()) if (m := pattern.match(text, pos)))
        else:
            matches = pattern.finditer(text)  # a form that opens with a sign: plain scan
        for m in matches:
            start, end = m.start(), m.end()
            if _inside(covered, start, end) or _inside(taken, start, end):
                continue
            if _overlaps(kept, start, end):
                continue
            bisect.insort(taken, (start, end))
            extra.append(
                Finding(
                    start,
                    end,
                    text[start:end],
                    "person",
                    "redact",
                    ground,
                    1.0,
                    RECOGNIZER,
                    "naamvorm van een gelakte persoon (ook over regel- of paginagrens)",
                )  # fmt: skip
            )
    return [*findings, *extra]


def _inside(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether [start, end) lies inside one of the sorted spans (which may overlap)."""
    i = bisect.bisect_right(spans, (start, 1 << 62)) - 1
    while i >= 0 and spans[i][0] <= start:
        if end <= spans[i][1]:
            return True
        if start - spans[i][0] > 4096:
            break  # spans are short: one that starts this far back cannot hold the match
        i -= 1
    return False


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    i = bisect.bisect_left(spans, (end, -1))
    j = i - 1
    while j >= 0 and start - spans[j][0] <= 4096:
        if spans[j][1] > start:
            return True
        j -= 1
    return False
