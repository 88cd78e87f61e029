"""Personal identification and registration numbers other than the BSN (detention numbers,
client, patient, staff and pass numbers); ground 5.1.2e.

Two kinds of evidence, both from data rather than code:
- a label from ``data/cues/id_labels.txt`` right before the number ('Detentienummer 8815342',
  'reg. Nr. 8815342');
- a register row: a bare number of 5-10 digits that follows a person's name on the same line,
  separated only by blanks ('3-jan  Amghar, A.   8217850   A-unit'). The person recognizer
  finds the name; the detector links the number to it (``numbers_after_persons``).

A number found either way is an identifier of the case: the detector redacts the same digits
wherever else they occur (``propagate``), as it does for persons.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from functools import lru_cache
from typing import Any

from wooflow.detect import lexicon
from wooflow.detect.recognizers.base import Recognizer
from wooflow.model import Finding

CATEGORY = "id_number"
# digits alone, or in groups as printed (the V-nummer's '2814 093 617', '7730 4415 82', '412 877 3')
_NUMBER = r"(\d{5,10}|\d{3}[ .]\d{3}[ .]?\d{1,4}|\d{3,4}(?:[ .]\d{2,4}){1,3})"
# What an identity document's or pass's number looks like after its label: upper-case letters
# then digits ('CGZ 412877', 'GPK-0392-8815', 'P017734'), or letters and digits mixed, as Dutch
# passports and ID cards print them ('NWP84R1J7'); the label is the evidence, the shape only
# keeps words out. Letters, a year and a serial ('THOR-2024-08813', 'INK-2025-048213') is how
# case and document registration numbers are written, not a person's number.
_CODE = (r"((?-i:(?![A-Z]{1,4}-(?:19|20)\d\d-)[A-Z]{1,4}[ -]?\d{4,10}(?:-\d{2,6})?"
         r"|(?=[A-Z\d]{6,12}(?![\w-]))(?=[A-Z]*\d)(?=\d*[A-Z])[A-Z\d]{6,12})"
         r"|\d{5,10}|\d{3}[ .]\d{3}[ .]?\d{1,4}|\d{3,4}(?:[ .]\d{2,4}){1,3})")


@lru_cache(maxsize=1)
def _labelled() -> re.Pattern[str]:
    """A label from data/cues/id_labels.txt (an identity document, a pass or a registration
    number), optionally '(', 'nr.' or 'nummer' and ':', then the number, also on the next line
    of wrapped prose ('studentnummer⏎1047735')."""
    labels = sorted(sorted(lexicon.cue_words("id_labels.txt")), key=len, reverse=True)
    alts = "|".join(re.escape(label).replace(r"\ ", r"[ \t]+") for label in labels)
    # (blanks possessive: the same matches, but a label and a long run of blanks take linear
    # time; four blank runs in a row backtracked, 1,000 blanks after 'studentnummer' took 47 s)
    return re.compile(
        rf"(?i)(?<![\w-])(?:{alts})\.?[ \t]*+\(?(?:(?:nr|nummer)\.?)?[ \t]*+[:#]?(?:[ \t]*+\n)?[ \t]*+{_CODE}"
        r"(?![\w,.-]\d|\w)"
    )


# A bare number on a register line after the name, then blanks (no comma: '12, 13').
_AFTER_NAME = re.compile(r"[ \t]{1,30}(\d{5,10})(?=[ \t]|$)", re.MULTILINE)


# The account of the person who made an export or a log line ('geëxporteerd door: mhvdveen4',
# 'Gebruiker: tvdmeulen2', 'Gegenereerd: ... door hmvaneck (Zaaksysteem ...)', 'export d.d.
# 08-02-2027 10:31 door lvdmeulen'): a user name names that civil servant. Labels in
# data/cues/account_labels.txt; after the bare 'door' only an account-shaped token.
_USER = r"((?:[a-z]|I(?=[bcdfghjkmnpqrstvwxz]))[a-z0-9._-]{2,29}[a-z0-9])(?![\w@-]|\.\w)"
# (an 'I' before a consonant: the detection shadow reads OCR's 'l' so, ocrdigits)
_ACCOUNT = re.compile(
    r"(?i:\b(?:" + lexicon.cue_alternation("account_labels.txt") + r")[ \t]*:?[ \t]*"
    r"|\b(?:gegenereerd|ge[eë]xporteerd|export)\b[^\n|]{0,40}?\bdoor[ \t]*:?[ \t]*(?:gebruiker[ \t]+)?)" + _USER
)
_BARE_DOOR = re.compile(r"(?i:\bdoor)[ \t]+" + _USER)
_CONTRACTED = ("vander", "vanden", "vande", "van", "vdn", "vd")  # ('door spoelen' is no 's' + 'Poelen')


def _account_shaped(token: str) -> bool:
    """A user id as systems make them: letters with digits ('mhvdveen4'), or initials, a
    contracted 'v..' particle and a surname ('lvdmeulen', 'kvanbeek')."""
    letters = token.rstrip("0123456789")
    if any(c.isdigit() for c in token) and any(c.isalpha() for c in letters) and token[:1].isalpha():
        return True
    if not letters.isalpha() or lexicon.is_common(letters):
        return False
    for i in range(1, 4):
        rest = letters[i:]
        for tv in _CONTRACTED:
            if rest.startswith(tv) and len(rest) - len(tv) >= 3:
                surname = rest[len(tv) :]
                if lexicon.is_surname(surname.capitalize()) and not lexicon.is_common(surname):
                    return True
    return False


def account_names(text: str) -> list[tuple[int, int]]:
    """Spans of user ids after an account label, and after a bare 'door' where account-shaped."""
    out = {(m.start(1), m.end(1)) for m in _ACCOUNT.finditer(text) if not lexicon.is_common(m.group(1).lower())}
    out |= {(m.start(1), m.end(1)) for m in _BARE_DOOR.finditer(text) if _account_shaped(m.group(1).lower())}
    return sorted(out)


class IdNumberRecognizer(Recognizer):
    NAME = "id_number"
    ENTITIES = ("ID_NUMBER",)
    CATEGORY = CATEGORY
    # The labels come from data/cues/id_labels.txt; this is the number part they precede.
    PATTERNS = (_NUMBER,)

    def analyze(self, text: str) -> list[Finding]:
        out = []
        for m in _labelled().finditer(text):
            label = m.group(0)[: m.start(1) - m.start()].strip(" \t:#").lower()
            out.append(self.finding(text, m.start(1), m.end(1), 0.95, f"identificatienummer na '{label}'"))
        for a, b in account_names(text):
            out.append(self.finding(text, a, b, 0.9, "gebruikersnaam van een medewerker"))
        return out

    def numbers_after_persons(self, text: str, person_ends: Iterable[int]) -> list[Finding]:
        """Register rows: a bare number right after a person's name on the same line."""
        out = []
        for end in person_ends:
            m = _AFTER_NAME.match(text, end)
            if m is None:
                continue
            out.append(self.finding(text, m.start(1), m.end(1), 0.85,
                                    "registratienummer naast persoonsnaam (registerregel)"))
        return out


def propagate(texts: Mapping[Any, str], found: Mapping[Any, list[Finding]]) -> dict[Any, list[Finding]]:
    """The same digits as an identifier found anywhere in the case, redacted everywhere."""
    values = {re.sub(r"\D", "", f.text) for fs in found.values() for f in fs if f.action == "redact"}
    values = {v for v in values if len(v) >= 5}
    if not values:
        return {k: [] for k in texts}
    pattern = re.compile(r"(?<![\w.,-])(\d{5,10})(?![\w-]|[.,]\d)")
    out: dict[Any, list[Finding]] = {}
    for k, text in texts.items():
        have = {(f.start, f.end) for f in found.get(k, [])}
        extra = []
        for m in pattern.finditer(text):
            if m.group(1) in values and (m.start(1), m.end(1)) not in have:
                extra.append(Finding(m.start(1), m.end(1), m.group(1), CATEGORY, "redact", "5.1.2e", 0.85,
                                     IdNumberRecognizer.NAME, "zelfde identificatienummer als elders in de zaak"))
        out[k] = extra
    return out
