"""Dates of birth: a date after "geboren (op)", "geboortedatum", "geb."."""

from __future__ import annotations

import re

from wooflow.detect import lexicon
from wooflow.detect.recognizers.base import Recognizer
from wooflow.detect.textutil import Starts
from wooflow.model import Finding

MONTHS = "(?:" + lexicon.cue_alternation("month_names.txt") + r")\.?"
DATE = (
    r"(?:\d{1,2}[-/.]\d{1,2}[-/.](?:\d{4}|\d{2})"
    r"|\d{4}-\d{2}-\d{2}"
    r"|\d{1,2}[ \u00a0]" + MONTHS + r"[ \u00a0]\d{4}"
    r"|" + MONTHS + r"[ \u00a0]\d{4}"
    r"|\d{4})"
)
BIRTH = (
    "(?i:" + lexicon.cue_alternation("birth_labels.txt") + ")"
    # Separator of a running text, a label ('Geboortedatum: '), a key-value or pipe table
    # ('| Geboortedatum | 12-03-1980 |') or a tab-aligned form.
    # The date starts at a digit boundary: the label's optional words ('geboortedatum
    # aanvrager') would otherwise take a day's first digit ('07-03-1968' read as '7-03-1968').
    r"[ \t\u00a0]*[:|]?[ \t\u00a0]*(?<!\d)(" + DATE + r")(?![\d])"
)


# A date alone in brackets after a family member's or client's name ('Mijn zoon Mateusz Smits
# (7 januari 2011)', 'cliënt F.K. (30-01-2001)'): the usual way to give a child's birth date.
_BRACKET_DATE = re.compile(r"\((" + DATE + r")\)")
_KIN_NAME = re.compile(
    r"(?i:\b(?:" + lexicon.cue_alternation("kin_words.txt") + "))"
    r"[ \t]+(?:[A-ZÀ-Þ][\w'’.-]*[ \t]+|(?:van|de|der|den|ter|ten|el|al)[ \t]+){0,4}[A-ZÀ-Þ][\w'’.-]*[ \t]*$"
)


# ' te Utrecht', ', in Paramaribo' right after a date of birth.
_PLACE_AFTER_DATE = re.compile(
    r"[ \t\u00a0]*,?[ \t\u00a0]+(?:te|in)[ \t\u00a0]+((?=[^\W\d_])[^\W\d_a-zß-ÿ][\w'’-]+(?:[ \t][A-ZÀ-Þ][\w'’-]+)?)")


class BirthdateRecognizer(Recognizer):
    NAME = "birthdate"
    ENTITIES = ("DATE_OF_BIRTH",)
    CATEGORY = "birthdate"
    PATTERNS = (BIRTH,)

    _re = re.compile(BIRTH, re.IGNORECASE)

    _label = re.compile(
        r"(?im)^[ \t|]*(?:geboren|geboortedatum(?:[ \t]*(?:/|en)[ \t]*-?[ \t]*plaats)?(?:[ \t][\w ]{1,20})?)[ \t]*["
        r":|][ \t]*([^\n(|]{3,60}?)[ \t|]*(?:\(([^\n)]{0,80})\)|$)"
    )
    _date = re.compile(DATE)

    def analyze(self, text: str) -> list[Finding]:
        low = text.lower()
        out0 = self._bracketed(text)
        if len(low) == len(text) and not ("geb" in low or "born" in low or "birth" in low):
            return out0  # speed: every label holds one of these; a substring test is C-fast
        out = {
            (m.start(1), m.end(1)): self.finding(text, m.start(1), m.end(1), 0.95, "geboortedatum")
            for m in self._re.finditer(text)
        }
        for m in self._label.finditer(text):  # 'Geboren: vijf maart negentienhonderd...'
            if not any(s < m.end(1) and m.start(1) < e for s, e in out):
                out[(m.start(1), m.end(1))] = self.finding(
                    text, m.start(1), m.end(1), 0.85, "geboortedatum (achter 'Geboren:')")
            if m.group(2):  # '(op het formulier staat abusievelijk 05-03-1987)'
                for d in self._date.finditer(text, m.start(2), m.end(2)):
                    if d.end() - d.start() >= 6 and (d.start(), d.end()) not in out:
                        out[(d.start(), d.end())] = self.finding(
                            text, d.start(), d.end(), 0.8, "geboortedatum (variant op dezelfde regel)")
        for f in out0:
            if not any(s < f.end and f.start < e for s, e in out):
                out[(f.start, f.end)] = f
        return list(out.values()) + self._birthplaces(text, [f.end for f in out.values()])

    @staticmethod
    def _birthplaces(text: str, date_ends: list[int]) -> list[Finding]:
        """The place after a date of birth ('Geboren: 17-11-1978 te Utrecht', 'geboren 3 mei
        1990 in Paramaribo'): a birthplace is the person's as much as the date (5.1.2e). A place
        abroad is on no list: any capitalised word that is no ordinary word counts after a date
        of birth."""
        out = []
        for end in date_ends:
            m = _PLACE_AFTER_DATE.match(text, end)
            if m is None:
                continue
            words = m.group(1)
            place = words if words in lexicon.places() else words.split()[0]
            if place not in lexicon.places() and lexicon.is_common(place):
                continue
            s = m.start(1)
            out.append(Finding(s, s + len(place), place, "address", "redact", "5.1.2e", 0.9, "birthdate",
                               "geboorteplaats (na geboortedatum)"))
        return out

    def _bracketed(self, text: str) -> list[Finding]:
        out = []
        pos = text.find("(")
        while pos != -1:  # speed: only at brackets (str.find), then one anchored match
            m = _BRACKET_DATE.match(text, pos)
            if m and any(c.isdigit() for c in m.group(1)[-4:]) and len(m.group(1)) >= 6 \
                    and _KIN_NAME.search(text, max(0, pos - 80), pos):
                out.append(self.finding(text, m.start(1), m.end(1), 0.8,
                                        "geboortedatum (datum tussen haakjes na naam van kind of cliënt)"))
            pos = text.find("(", pos + 1)
        return out


# '(1961)', '(1994, Delft)', '⏎(1979),' right after a private person's name: the year of birth,
# the way letters and reports introduce a person (a cited author is judged public before this).
# (possessive blanks: the same matches, but linear after a name followed by a long run of blanks)
_YEAR_AFTER_NAME = re.compile(r"[ \t]*+\r?+\n?+[ \t]*+\([ \t]*((?:19|20)\d\d)(?=[ \t]*[,)])")


def years_after_persons(text: str, persons: Starts) -> list[Finding]:
    """A year in brackets right after a private person's name is that person's year of birth."""
    out = []
    for _, end in persons.spans:
        m = _YEAR_AFTER_NAME.match(text, end)
        if m is not None:
            out.append(Finding(m.start(1), m.end(1), m.group(1), "birthdate", "redact", "5.1.2e", 0.85,
                               "birthdate", "geboortejaar bij naam van persoon"))
    return out
