"""What every recognizer declares (Presidio style) and the shared helpers they use.

A recognizer names the entities it finds, the Woo ground that applies, its patterns and
context words as class constants, and a ``validate`` hook for checksums. ``analyze`` returns
``Finding`` objects; overlaps between recognizers are resolved later by the pipeline.
"""

from __future__ import annotations

import re
from typing import ClassVar

from wooflow.detect import lexicon
from wooflow.detect.textutil import Starts, alternatives, by_first_letter, line_start
from wooflow.model import Finding

__all__ = ["Recognizer", "Starts", "line_start", "line_bounds", "office_block"]

GROUND_PRIVACY = "5.1.2e"
GROUND_BSN = "5.1.1e"
GROUND_SPECIAL = "5.1.1d"


class Recognizer:
    """Base class: subclasses set the constants and implement ``analyze``."""

    NAME: ClassVar[str] = "base"
    ENTITIES: ClassVar[tuple[str, ...]] = ()
    CATEGORY: ClassVar[str] = ""
    GROUND: ClassVar[str | None] = GROUND_PRIVACY
    PATTERNS: ClassVar[tuple[str, ...]] = ()
    CONTEXT: ClassVar[tuple[str, ...]] = ()
    CONTEXT_WINDOW: ClassVar[int] = 60

    def analyze(self, text: str) -> list[Finding]:
        raise NotImplementedError

    def validate(self, value: str) -> bool:
        """Checksum or sanity check of a matched value; True when it may be reported."""
        return True

    # helpers -------------------------------------------------------------------------
    def has_context(self, text: str, start: int, end: int, window: int | None = None) -> bool:
        """True when one of CONTEXT occurs shortly before (or just after) the match."""
        w = self.CONTEXT_WINDOW if window is None else window
        around = (text[max(0, start - w) : start] + " " + text[end : end + 20]).lower()
        return any(c in around for c in self.CONTEXT)

    def finding(
        self,
        text: str,
        start: int,
        end: int,
        score: float,
        reason: str,
        action: str = "redact",
        category: str | None = None,
        ground: str | None | bool = True,
    ) -> Finding:
        if ground is True:
            g = self.GROUND if action == "redact" else None
        else:
            g = ground if isinstance(ground, str) else None
        return Finding(
            start=start,
            end=end,
            text=text[start:end],
            category=category or self.CATEGORY,
            action=action,
            ground=g,
            score=max(0.0, min(1.0, score)),
            recognizer=self.NAME,
            reason=reason,
        )


_FOOTER_SEP = re.compile(r"[ \t][|·][ \t]")
WEBSITE = r"(?<![@\w.])(?:www\.|https?://)[\w.-]+\.[a-z]{2,}"
"""A web address ('www.vrk.nl', 'https://...'); match it case-insensitively."""
_FOOTER_SITE = re.compile(r"(?i)" + WEBSITE + r"|\bpostbus\b")


def org_footer(text: str, pos: int, person_spans: Starts) -> bool:
    """A one-line footer of an organisation: parts separated by '|' or '·' with its website or
    postbus ('Parteon | Vurehout 1, 1507 EC Zaandam | 075 750 76 00 | www.parteon.nl') and no
    person named on the line (a one-line signature holds the person's own direct line)."""
    ls, le = line_bounds(text, pos)
    line = text[ls:le]
    return len(_FOOTER_SEP.findall(line)) >= 2 and bool(_FOOTER_SITE.search(line)) \
        and not person_spans.between(ls, le)


def line_bounds(text: str, pos: int) -> tuple[int, int]:
    """Start and end offsets of the line holding ``pos`` (bounded scan, linear overall)."""
    s = text.rfind("\n", max(0, pos - 400), pos) + 1
    if s == 0 and pos > 400:
        s = pos - 400
    e = text.find("\n", pos, pos + 400)
    if e == -1:
        e = min(len(text), pos + 400)
    return s, e


OFFICE_CONTEXT = re.compile(lexicon.cue_alternation("office_context.txt"), re.IGNORECASE)
PERSONAL_CONTEXT = re.compile(
    lexicon.cue_alternation("personal_context.txt") + "|"
    # The addressee block of a letter or decision ('Aan:\nMevrouw K. Shevchenko\nRingbaan-West 240 B').
    r"(?m:^[ \t]*(?:" + lexicon.cue_alternation("addressee_lines.txt") + r")(?![\w]))",
    re.IGNORECASE,
)


def office_block(text: str, pos: int, window: int = 240) -> bool:
    """True when ``pos`` sits in an organisation's letterhead/address block rather than in a
    personal contact block: the nearest cue before it (within ``window``) decides."""
    before = text[max(0, pos - window) : pos]
    low = before.lower()
    office, personal = _OFFICE_LOW, _PERSONAL_LOW
    if len(low) != len(before):  # 'İ': lower() moved the offsets
        low, office, personal = before, OFFICE_CONTEXT, PERSONAL_CONTEXT
    last_office = -1
    for m in office.finditer(low):
        last_office = m.end()
    for key in _FIRM_KEYS:  # a firm's signature line ('Senior adviseur | Buro Lindeboom Mobiliteit')
        i = low.rfind(key)  # (str.rfind: C speed, unlike more alternatives in OFFICE_CONTEXT)
        if i >= 0 and i + len(key) > last_office:
            last_office = i + len(key)
    last_personal = -1
    for m in personal.finditer(low):
        last_personal = m.end()
    return last_office > last_personal


_FIRM_KEYS = ("buro ", "bureau ", "b.v.")
# Speed: both patterns hold no upper-case class, so they run case-sensitively on the
# lower-cased text (same spans, several times faster than IGNORECASE), their alternatives grouped
# by first letter (order kept within a letter; the others came last already: the same matches).
_OFFICE_LOW = re.compile(by_first_letter(alternatives(OFFICE_CONTEXT.pattern)))
_PERSONAL_LOW = re.compile(by_first_letter(alternatives(PERSONAL_CONTEXT.pattern)))
