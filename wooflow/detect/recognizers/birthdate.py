"""Dates of birth: a date after "geboren (op)", "geboortedatum", "geb."."""

from __future__ import annotations

import re

from wooflow.detect.recognizers.base import Recognizer
from wooflow.model import Finding

MONTHS = (
    r"(?:januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|"
    r"december|jan|feb|mrt|apr|jun|jul|aug|sep|sept|okt|nov|dec)\.?"
)
DATE = (
    r"(?:\d{1,2}[-/.]\d{1,2}[-/.](?:\d{4}|\d{2})"
    r"|\d{4}-\d{2}-\d{2}"
    r"|\d{1,2}[ \u00a0]" + MONTHS + r"[ \u00a0]\d{4}"
    r"|" + MONTHS + r"[ \u00a0]\d{4}"
    r"|\d{4})"
)
BIRTH = (
    r"(?i:geboren(?:[ \u00a0]+(?:op|in|te[ \u00a0]+[^\s,]+[ \u00a0]+op))?|geboortedatum(?:[ \u00a0][\w ]{1,20})?|"
    r"geb\.|date of birth|born(?: on)?)"
    # Separator of a running text, a label ('Geboortedatum: '), a key-value or pipe table
    # ('| Geboortedatum | 12-03-1980 |') or a tab-aligned form.
    r"[ \t\u00a0]*[:|]?[ \t\u00a0]*(" + DATE + r")(?![\d])"
)


class BirthdateRecognizer(Recognizer):
    NAME = "birthdate"
    ENTITIES = ("DATE_OF_BIRTH",)
    CATEGORY = "birthdate"
    PATTERNS = (BIRTH,)
    CONTEXT = ("geboren", "geboortedatum", "geb.")

    _re = re.compile(BIRTH, re.IGNORECASE)

    _label = re.compile(
        r"(?im)^[ \t|]*(?:geboren|geboortedatum(?:[ \t][\w ]{1,20})?)[ \t]*[:|][ \t]*([^\n(|]{3,60}?)[ \t|]*(?:\(([^\n)]{0,80})\)|$)"
    )
    _date = re.compile(DATE)

    def analyze(self, text: str) -> list[Finding]:
        low = text.lower()
        if len(low) == len(text) and not ("geb" in low or "born" in low or "birth" in low):
            return []  # speed: every label holds one of these; a substring test is C-fast
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
        return list(out.values())
