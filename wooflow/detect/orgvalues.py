"""Organisation evidence for numbers: a phone number or IBAN in an organisation's letterhead or
under a functional contact unit ('Inlichtingen bij / Overijssel Loket / Telefoon: ...') is the
organisation's; so is a fax number. Such a value is kept public, and the same value is kept
everywhere in the case (an organisation's number does not become personal elsewhere); so is
every fixed number an earlier step keeps as an organisation's (the phone recognizer's letterhead
switchboard, a number after an office address): one decision per number across the case.

Mobile numbers are never an organisation's by this evidence: a signature block often puts a
civil servant's 06 under the ministry's Postbus line. The cue words are data
(data/cues/letterhead_cues.txt).
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache
from typing import Any

from wooflow.detect import lexicon
from wooflow.detect.recognizers.base import PERSONAL_CONTEXT
from wooflow.detect.textutil import Starts
from wooflow.model import Finding

_LINES_UP = 4
_MOBILE = re.compile(r"^(?:\+31|0031|\(\+31\)|\(0031\))?[ \u00a0-]?\(?0?\)?[ \u00a0-]?6")
_DIRECT = re.compile(r"(?i)(?:^|[\s|])(?:d|direct|doorkies\w*|m|mob|mobiel)[ \t]*[:.]?[ \t]*$")
_IN_ADDRESS = re.compile(r"[\w.+-]*@")
_FAX = re.compile(r"(?i)(?:^|[\s|])(?:f|fax|telefax)[ \t]*[:.]?[ \t]*$")
CATEGORIES = ("phone", "iban")


@lru_cache(maxsize=1)
def _cues() -> re.Pattern[str]:
    words = sorted(sorted(lexicon.cue_words("letterhead_cues.txt")), key=len, reverse=True)
    alts = "|".join(re.escape(w) if not w[-1].isalpha() else re.escape(w) + r"\b" for w in words)
    return re.compile(rf"(?i)(?<![\w]){'(?:' + alts + ')'}")


def _digits(value: str) -> str:
    return re.sub(r"[^0-9A-Za-z]", "", value).upper()


def _is_mobile(value: str) -> bool:
    return bool(_MOBILE.match(value.strip()))


def organisation_value(text: str, f: Finding, persons: Starts) -> str | None:
    """The reason when ``f`` (a phone number or IBAN) is an organisation's, else None."""
    ls = text.rfind("\n", 0, f.start) + 1
    if f.category == "phone" and _FAX.search(text[max(ls, f.start - 12) : f.start]):
        return "faxnummer van organisatie"
    if f.category == "phone" and _is_mobile(f.text):
        return None
    lo = ls
    for _ in range(_LINES_UP):
        if lo == 0:
            break
        lo = text.rfind("\n", 0, lo - 1) + 1
    m = None
    for c in _cues().finditer(text, lo, max(lo, ls - 1)):  # the lines above: not the number's own label
        if not _IN_ADDRESS.match(text, c.end()):
            m = c  # ('postbus-leraren@minocw.nl' is a mailbox, no letterhead)
    if m is None or persons.between(m.end(), f.start):
        return None
    if _DIRECT.search(text[max(ls, f.start - 14) : f.start]) or PERSONAL_CONTEXT.search(text, m.end(), f.start):
        return None  # 'D 058 ...', 'Ze woont in ... Telefoon ...': a person's own number
    le = text.find("\n", f.end)
    if f.category == "iban" and persons.between(f.end, len(text) if le < 0 else le):
        return None  # 'NL75 RABO 0374 1177 55 t.n.v. T. Sipma': the account of the person named after it
    kind = "IBAN" if f.category == "iban" else "telefoonnummer"
    return f"{kind} van organisatie (briefhoofd of loket)"


def judge(texts: dict[Any, str], findings: dict[Any, list[Finding]], persons: dict[Any, Starts]
          ) -> dict[Any, list[Finding]]:
    """Keep the organisation's numbers, in the letterhead and everywhere else in the case."""
    # every fixed number the earlier steps keep as an organisation's (a letterhead's switchboard,
    # the number after an office address, 'de centrale'): the same number elsewhere is the same
    kept: dict[str, str] = {_digits(f.text): f.reason for fs in findings.values() for f in fs
                            if f.category == "phone" and f.action == "keep" and not _is_mobile(f.text)}
    out: dict[Any, list[Finding]] = {}
    for k, fs in findings.items():
        new = []
        for f in fs:
            if f.category in CATEGORIES and f.action == "redact":
                why = organisation_value(texts[k], f, persons[k])
                if why is not None:
                    f = replace(f, action="keep", ground=None, reason=why)
                    if not why.startswith("fax"):
                        kept[_digits(f.text)] = why
            new.append(f)
        out[k] = new
    if not kept:
        return out
    for k, fs in out.items():
        out[k] = [replace(f, action="keep", ground=None, reason="zelfde nummer als van organisatie elders in de zaak")
                  if f.category in CATEGORIES and f.action == "redact" and _digits(f.text) in kept else f
                  for f in fs]
    return out
