"""Dutch (and e-mail English) date parsing.

Written by hand because dateparser-style libraries are large, slow and guess too much: we need
exact, explainable recognition of the few formats Dutch government documents use ("7 februari
2024", "07 feb. 2024", "22-11-2023", "2023-11-22", "Mon, 22 Mar 2021 12:00:00 +0100").
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from typing import Any

MONTHS: dict[str, int] = {
    "januari": 1, "jan": 1, "january": 1,
    "februari": 2, "feb": 2, "febr": 2, "february": 2,
    "maart": 3, "mrt": 3, "mar": 3, "maa": 3, "march": 3,
    "april": 4, "apr": 4,
    "mei": 5, "may": 5,
    "juni": 6, "jun": 6, "june": 6,
    "juli": 7, "jul": 7, "july": 7,
    "augustus": 8, "aug": 8, "august": 8,
    "september": 9, "sep": 9, "sept": 9,
    "oktober": 10, "okt": 10, "oct": 10, "october": 10,
    "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}  # fmt: skip
# OCR reads "m" as "rn" ("12 rnaart 2024", "decernber"): the misread month names are months too.
MONTHS.update({k.replace("m", "rn"): v for k, v in list(MONTHS.items()) if "m" in k})

_MONTH_ALT = "|".join(sorted(MONTHS, key=len, reverse=True))
# "7 februari 2024", "07 feb. 2024", "1e maart 2021"
_DMY_TEXT = re.compile(
    rf"(?<![\w.])(?P<d>[0-3]?\d)(?:e|ste|de)?\s+(?P<m>{_MONTH_ALT})\.?,?\s+(?P<y>(?:19|20)\d\d)(?!\d)",
    re.IGNORECASE,
)
# "November 23, 2023" (English Outlook headers)
_MDY_TEXT = re.compile(
    rf"(?<![\w.])(?P<m>{_MONTH_ALT})\.?\s+(?P<d>[0-3]?\d),?\s+(?P<y>(?:19|20)\d\d)(?!\d)",
    re.IGNORECASE,
)
# "22-11-2023", "22/11/2023", "22.11.2023"
_DMY_NUM = re.compile(
    r"(?<![\w.,/-])(?P<d>[0-3]?\d)([-/.])(?P<m>[01]?\d)\2(?P<y>(?:19|20)\d\d)(?![\d.,]\d)"
)
# "2023-11-22"
_ISO = re.compile(r"(?<![\w.-])(?P<y>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?![\d])")
_AMOUNT_BEFORE = re.compile(r"(?:€|EUR|euro)\s*$", re.IGNORECASE)
# OCR confuses O/o with 0 and l/I/| with 1 inside numbers ("2O24", "l4 maart"). A token of such
# characters with at least one real digit, not part of a word, is read as digits; the result only
# counts when it forms a valid date, and the substitution keeps every offset.
_OCR_DIGITS = re.compile(r"(?<![^\W\d_])(?=[0-9OolI|]*\d)[0-9OolI|]{2,4}(?![^\W\d_])")
_OCR_MAP = str.maketrans("OolI|", "00111")


def _ocr_digits(text: str) -> str:
    """``text`` with OCR-misread digits repaired inside number tokens (same length)."""
    if not any(c in text for c in "OolI|"):
        return text
    return _OCR_DIGITS.sub(lambda m: m.group().translate(_OCR_MAP), text)


@dataclass(frozen=True, slots=True)
class DateHit:
    """A date found in text, with its span (offsets into the searched string)."""

    start: int
    end: int
    date: _dt.date


def _make(y: str, m: str | int, d: str) -> _dt.date | None:
    try:
        month = m if isinstance(m, int) else (int(m) if m.isdigit() else MONTHS[m.lower()])
        return _dt.date(int(y), month, int(d))
    except (ValueError, KeyError):
        return None


def find_dates(text: str) -> list[DateHit]:
    """All calendar dates in ``text``, in order of position, overlaps removed."""
    hits: list[DateHit] = []
    text = _ocr_digits(text)
    for rx in (_DMY_TEXT, _MDY_TEXT, _DMY_NUM, _ISO):
        for m in rx.finditer(text):
            if rx is _DMY_NUM and _AMOUNT_BEFORE.search(text, max(0, m.start() - 6), m.start()):
                continue  # "€ 12.11.2023,-" is money
            date = _make(m["y"], m["m"], m["d"])
            if date is not None:
                hits.append(DateHit(m.start(), m.end(), date))
    hits.sort(key=lambda h: (h.start, -(h.end - h.start)))
    out: list[DateHit] = []
    for h in hits:
        if out and h.start < out[-1].end:
            continue
        out.append(h)
    return out


def parse_date(text: str) -> _dt.date | None:
    """The first date in ``text`` (a header value, a line), or None."""
    hits = find_dates(text)
    return hits[0].date if hits else None


def coerce_date(value: Any) -> _dt.date | None:
    """A date from whatever a reader put in ``Document.fields['date']``."""
    if value is None:
        return None
    if isinstance(value, _dt.datetime):
        return value.date()
    if isinstance(value, _dt.date):
        return value
    text = str(value).strip()
    if not text:
        return None
    m = _ISO.match(text)
    if m:
        return _make(m["y"], m["m"], m["d"])
    try:
        return parsedate_to_datetime(text).date()
    except (TypeError, ValueError, IndexError):
        pass
    return parse_date(text)


def iso(date: _dt.date | None) -> str | None:
    return date.isoformat() if date else None
