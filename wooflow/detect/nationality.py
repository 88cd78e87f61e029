"""Nationality or origin of an identifiable private person ('Paweł Zieliński (34), Poolse
uitzendkracht', 'Ramsahai (geb. 6 juni 1971, Surinaamse nationaliteit, ...)').

The adjective alone says nothing about anyone ('Poolse arbeidsmigranten', 'de Nederlandse
overheid' stay public); attached to one private person it is special-category data (ethnic
origin, art. 9 AVG, 5.1.1d). Attached means: right after the person's redacted name, in
apposition before a noun ('Naam (34), Poolse uitzendkracht'), or 'X nationaliteit' in the
stretch that follows the person's name in the same line or wrapped sentence. The adjectives
are data (data/cues/nationalities.txt).
"""

from __future__ import annotations

import re

from wooflow.detect import lexicon
from wooflow.detect.recognizers.base import Starts
from wooflow.model import Finding

_ADJ = "(?:" + "|".join(sorted(lexicon.cue_lines("nationalities.txt"), key=len, reverse=True)) + ")"
# A capitalised adjective (Dutch capitalises them): first letter upper case, the rest as listed.
_ADJ_CAP = re.compile(r"(?<![\w-])((?=[A-ZÀ-Þ])(?i:" + _ADJ + r"))(?![\w-])")
# 'Naam (34), Poolse uitzendkracht' / 'Naam, Turkse eigenaar': apposition after the name.
_APPOSITION = re.compile(r"(?:[ \t]*\(\d{1,3}\))?,\s*(?=[A-ZÀ-Þ])((?i:" + _ADJ + r"))\s+[a-zà-ÿ][\w'’-]{2,}")
_NATIONALITY = re.compile(r"\s+nationaliteit\b", re.IGNORECASE)
_REACH = 120  # characters after a person's name in which 'X nationaliteit' is that person's


def attached(text: str, persons: Starts) -> list[Finding]:
    """Findings for nationality adjectives attached to a private person named in ``text``."""
    out: list[Finding] = []
    why = "nationaliteit of herkomst van een persoon (etniciteit)"

    def add(s: int, e: int) -> None:
        out.append(Finding(s, e, text[s:e], "special_category", "redact", "5.1.1d", 0.6, "special_category", why))

    for _, pe in persons.spans:
        m = _APPOSITION.match(text, pe, pe + 40)
        if m:
            add(m.start(1), m.end(1))
        stretch_end = text.find("\n\n", pe, pe + _REACH)
        stretch_end = pe + _REACH if stretch_end < 0 else stretch_end
        for a in _ADJ_CAP.finditer(text, pe, stretch_end):
            if _NATIONALITY.match(text, a.end()) and not persons.between(pe, a.start()):
                add(a.start(1), a.end(1))
    return out
