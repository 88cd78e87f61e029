"""Pure helpers that turn case data into what the templates show (no I/O, easy to test).

The document text is split into segments at every finding boundary and page break, so each
segment is one element holding exactly one text node with its code-point offset in
``data-s``: the selection helper (static/review.js) reads offsets from that, which keeps
Python offsets (code points) and the browser's (UTF-16) apart.
"""

from __future__ import annotations

import heapq
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
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
# Stored English values shown in Dutch in the audit details.
VALUE_LABELS = {**STATUS_LABELS, **DECISION_LABELS, "keep": "openbaar"}
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


def segments(
    text: str, records: Sequence[FindingRecord], lo: int = 0, hi: int | None = None
) -> list[Segment]:
    """Split ``text[lo:hi]`` at finding boundaries and form feeds (page breaks of a PDF).

    Offsets stay those of the whole text; a window (``lo``, ``hi``) of a long document only
    costs the findings and text inside it.
    """
    n = len(text) if hi is None else min(hi, len(text))
    lo = max(0, min(lo, n))
    cuts = {lo, n}
    spans = []
    for r in records:
        s, e = max(lo, min(r.finding.start, n)), max(lo, min(r.finding.end, n))
        if s < e:
            spans.append((s, e, r))
            cuts.update((s, e))
    pos = text.find("\f", lo, n)
    while pos != -1:
        cuts.update((pos, pos + 1))
        pos = text.find("\f", pos + 1, n)
    points = sorted(cuts)
    # Sorted sweep: spans by start; a heap of active spans by end. Linear in the number of
    # segments plus findings (times the overlap depth), not segments x findings.
    spans.sort(key=lambda t: (t[0], t[1], t[2].id))
    active: list[tuple[int, int, int, FindingRecord]] = []  # (end, start, id, record)
    nxt = 0
    out: list[Segment] = []
    page = 1 + text.count("\f", 0, lo)
    for a, b in pairwise(points):
        while nxt < len(spans) and spans[nxt][0] <= a:
            s, e, r = spans[nxt]
            heapq.heappush(active, (e, s, r.id, r))
            nxt += 1
        while active and active[0][0] <= a:
            heapq.heappop(active)
        chunk = text[a:b]
        if chunk == "\f":
            page += 1
            out.append(Segment(a, chunk, page_break=page))
            continue
        covering = sorted((item for item in active), key=lambda t: (t[1], t[0], t[2]))
        out.append(Segment(a, chunk, [t[3] for t in covering]))
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


def detail_text(detail: dict[str, Any], labels: dict[str, str] | None = None) -> str:
    """An audit entry's details on one line ("key: value; ..."), long lists shortened, keys in
    Dutch where ``labels`` has them, nested values written out plainly (no Python dicts)."""
    labels = labels or {}
    parts = []
    for key, value in detail.items():
        if value in (None, "", [], {}):
            continue
        if key == "set_by":
            value = SET_BY_LABELS.get(str(value), value)
        elif isinstance(value, str) and value in VALUE_LABELS:
            value = VALUE_LABELS[value]
        if value is True:
            value = "ja"
        elif isinstance(value, list) and (len(value) > 3 or any(isinstance(v, dict) for v in value)):
            value = f"{len(value)} stuks"
        elif isinstance(value, list):
            value = ", ".join(str(v) for v in value)
        elif isinstance(value, dict):
            value = ", ".join(f"{labels.get(k, k)} {v}" for k, v in value.items() if v not in (None, ""))
        parts.append(f"{labels.get(key, key)}: {value}")
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


AUTOMATIC_ACTORS = frozenset(
    {"detectie", "beleid", "propagatie", "dedupe", "wooflow", "wooflow (automatisch)"}
)
AUTOMATIC_ACTIONS = frozenset({"findings.detect", "policy.apply", "dedupe"})
DOC_STATUS_SLUGS = {
    "nieuw": "nieuw",
    "in behandeling": "bezig",
    "beoordeeld": "beoordeeld",
    "gecontroleerd": "gecontroleerd",
}


def actor_label(actor: str | None, action: str = "") -> str:
    """Who did it, for people: automatic steps show as "wooflow (automatisch)"."""
    from wooflow.case.users import AUTOMATIC

    if not actor:
        return ""
    if actor in AUTOMATIC_ACTORS or action in AUTOMATIC_ACTIONS:
        return AUTOMATIC
    return actor


def local_time(stamp: str | None, with_seconds: bool = False) -> str:
    """An ISO UTC timestamp in this computer's local time, Dutch style ("6-12-2026 23:14")."""
    if not stamp:
        return ""
    try:
        moment = datetime.fromisoformat(stamp)
    except ValueError:
        return stamp
    if moment.tzinfo is None:
        return stamp
    local = moment.astimezone()
    fmt = "%H:%M:%S" if with_seconds else "%H:%M"
    return f"{local.day}-{local.month}-{local.year} {local.strftime(fmt)}"


MAX_PAGE = 1_000_000


def clamp_page(page: int) -> int:
    """A page number from a URL, kept in a range SQLite's OFFSET can take."""
    return min(max(1, page), MAX_PAGE)


def text_windows(text: str, size: int) -> list[tuple[int, int]]:
    """Cut a long text into windows of about ``size`` characters, at page breaks (form feeds)
    where there is one in the second half of a window, else at a line end, else hard."""
    n = len(text)
    if n <= size:
        return [(0, n)]
    out: list[tuple[int, int]] = []
    a = 0
    while a < n:
        b = min(n, a + size)
        if b < n:
            cut = text.rfind("\f", a + size // 2, b)
            if cut == -1:
                cut = text.rfind("\n", a + size // 2, b)
            if cut != -1:
                b = cut  # the break starts the next window (keeps page numbering there)
        out.append((a, b))
        a = b
    return out


_NAME_WORD = r"([A-Z][a-zà-ÿ'.-]+|[A-Z]\.)"
_GUESSES = (
    ("email", re.compile(r"^\S+@\S+\.\w+$")),
    ("iban", re.compile(r"^[A-Z]{2}\d{2}\s?[A-Z]{4}(\s?\d{2,4}){2,5}$")),
    ("postcode", re.compile(r"^\d{4}\s?[A-Z]{2}$")),
    ("bsn", re.compile(r"^\d{9}$")),
    ("phone", re.compile(r"^(\+31|0)[\d\s().-]{8,14}$")),
    ("birthdate", re.compile(r"^\d{1,2}[-/. ]\d{1,2}[-/. ]\d{2,4}$")),
    ("plate", re.compile(r"^[A-Z0-9]{1,3}-[A-Z0-9]{2,3}-[A-Z0-9]{1,2}$")),
    ("person", re.compile("^" + _NAME_WORD + r"(\s+(" + _NAME_WORD + r"|van|de|der|den|ter|ten|het))*"
                          r"\s+[A-Z][a-zà-ÿ'-]+$")),
)


def guess_category(text: str) -> str:
    """The likely category of a selected span (e-mail, IBAN, postcode, ...; a name only when it
    looks like one; else "overig"), so a selection never silently becomes a person."""
    t = " ".join(text.split())
    for category, pattern in _GUESSES:
        if pattern.match(t):
            return category
    return "other"


_FLAG = re.compile(r"\s*\(--[a-z][a-z-]*\)")


def plain(message: str) -> str:
    """A message for people: command-line flags such as "(--ground)" taken out."""
    return _FLAG.sub("", message)


_QUERY_TOKEN = re.compile(r'"[^"]*"?|[()]|[^\s()"]+')
_QUERY_OPS = frozenset({"AND", "EN", "OR", "OF", "NOT", "NIET"})
COMPOUND_MIN = 5  # shorter words would match too much as the head of a compound


def compound_query(query: str) -> str:
    """Let a plain word also find the compounds it starts ("vaccinatie" finds
    "vaccinatieprogramma"): ``word`` becomes ``(word OR word*)`` in the case search syntax.
    Phrases, operators, -word, prefix* and short words stay as they are."""
    out = []
    for tok in _QUERY_TOKEN.findall(query):
        plain = (
            tok[0] not in '"()-'
            and not tok.endswith("*")
            and tok not in _QUERY_OPS
            and len(tok) >= COMPOUND_MIN
            and tok.isalpha()
        )
        out.append(f"({tok} OR {tok}*)" if plain else tok)
    return " ".join(out)
