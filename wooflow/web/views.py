"""Pure helpers that turn case data into what the templates show (no I/O, easy to test).

The document text is split into segments at every finding boundary and page break, so each
segment is one element holding exactly one text node with its code-point offset in
``data-s``: the selection helper (static/review.js) reads offsets from that, which keeps
Python offsets (code points) and the browser's (UTF-16) apart.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import pairwise
from typing import Any

from markupsafe import Markup, escape

from wooflow.case import FindingRecord
from wooflow.understand import GROUND_LABELS, TYPES

# Category labels shown to reviewers (CONTRACT.md categories) and the ground a new manual
# redaction of that category usually gets.
CATEGORIES: dict[str, tuple[str, str]] = {
    "person": ("persoonsnaam", "5.1.2e"),
    "email": ("e-mailadres", "5.1.2e"),
    "phone": ("telefoonnummer", "5.1.2e"),
    "address": ("adres", "5.1.2e"),
    "postcode": ("postcode", "5.1.2e"),
    "birthdate": ("geboortedatum", "5.1.2e"),
    "plate": ("kenteken", "5.1.2e"),
    "iban": ("IBAN", "5.1.2e"),
    "signature": ("handtekening", "5.1.2e"),
    "bsn": ("BSN", "5.1.1e"),
    "special_category": ("bijzonder persoonsgegeven", "5.1.1d"),
    "policy_opinion": ("persoonlijke beleidsopvatting", "5.2"),
    "business": ("bedrijfsgegevens", "5.1.2f"),
    "other": ("overig", "5.1.2e"),
}

STATUS_LABELS = {
    "proposed": "voorgesteld",
    "accepted": "geaccepteerd",
    "added": "handmatig gelakt",
    "rejected": "afgewezen",
}
SOURCE_LABELS = {"detect": "detectie", "manual": "handmatig", "propagation": "propagatie"}
DECISION_LABELS = {"redact": "lakken", "keep": "openbaar", "undecided": "nog niet besloten"}
JUDGEMENT_SLUGS = {
    "openbaar": "openbaar",
    "deels openbaar": "deels-openbaar",
    "niet openbaar": "niet-openbaar",
    "reeds openbaar": "reeds-openbaar",
    "dubbel": "dubbel",
}
SET_BY_LABELS = {
    "auto": "afgeleid van de lakkingen",
    "reviewer": "beoordelaar",
    "dedupe": "ontdubbeling",
}
TYPE_LABELS = {t: ("e-mail" if t == "email" else "overig" if t == "other" else t) for t in TYPES}


def category_label(category: str) -> str:
    return CATEGORIES.get(category, (category, ""))[0]


def ground_label(code: str | None) -> str:
    return GROUND_LABELS.get(code or "", "") if code else ""


def display_status(rec: FindingRecord) -> str:
    """The CSS/status word of a finding: keep-findings that stand are shown as "keep"."""
    if rec.finding.action == "keep" and rec.status != "rejected":
        return "keep"
    return rec.status


_PRIORITY = {"accepted": 5, "added": 5, "proposed": 4, "keep": 3, "rejected": 1}


@dataclass(slots=True)
class Segment:
    """A run of text covered by the same set of findings (or a page break)."""

    start: int
    text: str
    findings: list[FindingRecord] = field(default_factory=list)
    page_break: int | None = None  # number of the page that starts here

    @property
    def status(self) -> str | None:
        if not self.findings:
            return None
        return max((display_status(r) for r in self.findings), key=lambda s: _PRIORITY.get(s, 0))

    @property
    def ids(self) -> str:
        return " ".join(str(r.id) for r in self.findings)

    @property
    def title(self) -> str:
        parts = []
        for r in self.findings:
            f = r.finding
            label = f"{category_label(f.category)} · {STATUS_LABELS.get(r.status, r.status)}"
            if f.action == "keep":
                label += " · blijft openbaar"
            elif f.ground:
                label += f" · {f.ground}"
            parts.append(label)
        return "\n".join(parts)


def segments(text: str, records: Sequence[FindingRecord]) -> list[Segment]:
    """Split ``text`` at finding boundaries and form feeds (page breaks of a PDF)."""
    n = len(text)
    cuts = {0, n}
    spans = []
    for r in records:
        s, e = max(0, min(r.finding.start, n)), max(0, min(r.finding.end, n))
        if s < e:
            spans.append((s, e, r))
            cuts.update((s, e))
    pos = text.find("\f")
    while pos != -1:
        cuts.update((pos, pos + 1))
        pos = text.find("\f", pos + 1)
    points = sorted(cuts)
    out: list[Segment] = []
    page = 1
    for a, b in pairwise(points):
        chunk = text[a:b]
        if chunk == "\f":
            page += 1
            out.append(Segment(a, chunk, page_break=page))
            continue
        covering = [r for s, e, r in spans if s <= a and b <= e]
        out.append(Segment(a, chunk, covering))
    return out


def text_html(value: str) -> Markup:
    """Escape document text for a pre-wrap element, keeping carriage returns.

    The HTML parser turns a literal CR LF into LF and drops NUL, which would shift every later
    offset; character references survive parsing.
    """
    # A NUL would be dropped by the parser; U+FFFD keeps the count (one code point each).
    return Markup(str(escape(value)).replace("\r", "&#13;").replace("\x00", "&#xFFFD;"))


MARK_OPEN, MARK_CLOSE = "\x02", "\x03"


def snippet_html(snippet: str) -> Markup:
    """A search snippet with its hit marks as <mark> (marks are control chars, never in text)."""
    out = str(escape(snippet)).replace(MARK_OPEN, "<mark>").replace(MARK_CLOSE, "</mark>")
    return Markup(out)


def detail_text(detail: dict[str, Any]) -> str:
    """An audit entry's details on one line ("key: value; ..."), long lists shortened."""
    parts = []
    for key, value in detail.items():
        if value in (None, "", [], {}):
            continue
        if isinstance(value, list) and len(value) > 3:
            value = f"{len(value)} items"
        parts.append(f"{key}: {value}")
    text = "; ".join(parts)
    return text if len(text) <= 300 else text[:297] + "…"


def fold(text: str) -> str:
    """Casefold and drop diacritics, for the name filter ("Müller" finds "muller")."""
    return "".join(
        c for c in unicodedata.normalize("NFKD", text.casefold()) if not unicodedata.combining(c)
    )


def anchor(key: str) -> str:
    """An id-safe form of a person key ("kuipers|s" -> "kuipers-s")."""
    return "".join(c if c.isalnum() else "-" for c in key)


def page_count(total: int, size: int) -> int:
    """Pages needed for ``total`` rows (at least one, so an empty list still has page 1)."""
    return max(1, -(-total // size))


def page_of(items: Sequence[Any], page: int, size: int) -> list[Any]:
    """The rows of 1-based ``page``."""
    return list(items[(page - 1) * size : page * size])
