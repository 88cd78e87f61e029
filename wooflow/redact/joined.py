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

import re
from collections.abc import Iterable, Sequence

from wooflow.model import Finding
from wooflow.redact.text import redact_spans
from wooflow.redact.verify_deep import name_forms

# Between two letters of a word: a line or page break, with or without a (soft) hyphen.
_IN_WORD_BREAK = r"(?:\u00ad|[\-\u00ad]?[ \t]*[\n\f]\s*)?"
_BETWEEN_WORDS = r"\s+"
RECOGNIZER = "redact.joined"


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
    covered = [(s.start, s.end) for s in redact_spans(findings, len(text))]
    kept = [(f.start, f.end) for f in findings if f.action == "keep"]
    ground = next((f.ground for f in findings if f.action == "redact" and f.ground), "5.1.2e")
    extra: list[Finding] = []
    taken: list[tuple[int, int]] = []
    for form in forms:  # longest first: "marieke brouwer" before "brouwer"
        for m in form_pattern(form).finditer(text):
            start, end = m.start(), m.end()
            if any(a <= start and end <= b for a, b in covered + taken):
                continue
            if any(a < end and start < b for a, b in kept):
                continue
            taken.append((start, end))
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
