"""Dutch name structure: initials, tussenvoegsels, capitalised name words.

Why hand-written: no library models Dutch name order (initials, 'van der', double surnames);
the regexes are bounded so scanning stays linear in the text length.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from wooflow.detect.textutil import alternatives, by_first_letter

# Latin-1 and Latin Extended-A letters (Polish, Czech, Turkish, Romanian, Baltic names: 'Żurawski',
# 'Bălănescu', 'Çelikkaya'), plus the Romanian comma-below letters.
U = "A-ZÀ-ÖØ-ÞĀĂĄĆĈĊČĎĐĒĔĖĘĚĜĞĠĢĤĦĨĪĬĮİĴĶĹĻĽĿŁŃŅŇŊŌŎŐŒŔŖŘŚŜŞŠŢŤŦŨŪŬŮŰŲŴŶŸŹŻŽȘȚ"
L = "a-zß-öø-ÿāăąćĉċčďđēĕėęěĝğġģĥħĩīĭįıĵķĺļľŀłńņňŋōŏőœŕŗřśŝşšţťŧũūŭůűųŵŷźżžșț"
SP = r"[ \u00a0]"
# Capitalised name word; hyphenated double surnames may carry a tussenvoegsel ('Terpstra-de Haan').
CAP = (
    # (an apostrophe inside a name, 'D'Ancona', 'Ma'sum', but not a genitive: 'Ayoub's naam')
    rf"(?:IJ|[{U}])[{L}]+(?:['’](?!s(?![{L}]))[{L}]+)?"
    rf"(?:-(?:(?:van der|van den|van de|van|de|den|der|ter|ten|te){SP}|A-)?(?:IJ|[{U}])[{L}]+){{0,2}}"
)
INIT = rf"(?:(?:Th|Ch|Chr|Ph|Tj|Jac|Joh|IJ|[{U}])\.(?:{SP}?|-)){{1,5}}"
TV_MULTI = (
    "van der", "van den", "van de", "van het", "van 't", "in 't", "in de", "in het", "op de",
    "op den", "op 't", "uit de", "uit den", "aan de", "bij de", "de la", "van t",
)
TV_SINGLE = (
    "A", "van", "de", "der", "den", "ter", "ten", "te", "'t", "du", "le", "la", "da", "di", "dos",
    "von", "zu", "del", "el", "al", "vd", "v.d.",
)
TV_WORDS = frozenset(w for tv in TV_MULTI + TV_SINGLE for w in tv.split())


def _tv_alt() -> str:
    forms = []
    for tv in TV_MULTI + TV_SINGLE:
        forms.append(re.escape(tv))
        if tv != "A":
            forms.append(re.escape(tv[0].upper() + tv[1:]))
    return "(?:" + "|".join(forms) + ")"


TV = _tv_alt()
TV_LOW = "(?:" + "|".join(re.escape(t) for t in TV_MULTI + TV_SINGLE if t != "A") + ")"
# A name chunk; three bounded shapes. Tokenised again by parse() below.
CHUNK = (
    # (an apostrophe or quote before it blocks a chunk only inside a word: d'Ancona, not 'Anja ...')
    rf"(?<![\w@./-])(?<![\w]['’])("
    rf"{INIT}(?:\((?:{CAP})\){SP})?(?:{TV}{SP})?{CAP}(?:{SP}(?:{TV}{SP})?{CAP})?(?:{SP}A{SP}{CAP})?"
    rf"|{TV_LOW}{SP}(?:{CAP}{SP}){{0,3}}(?:{TV}{SP})?{CAP}"
    rf"|(?:{CAP}{SP}){{0,3}}(?:{TV}{SP})?{CAP}(?:{SP}A{SP}{CAP})?"
    rf")(?![\w@]|['’](?!s(?!\w))|-(?![ \t]*\r?\n)|\.\w)"  # 'Teijlingen-' at a line end: PDF hyphenation
)


def _grouped(alternation: str) -> str:
    """'(?:van der|...)' grouped by first letter (same order within a letter: same match)."""
    return "(?:" + by_first_letter(alternatives(alternation[3:-1])) + ")"


# Speed: the tussenvoegsel alternations are tried at every word start; grouped by first
# letter the scan is ~30% faster and finds the same chunks.
# A chunk starts with a capital or a tussenvoegsel's first letter; a leading class test lets the
# engine skip every other position at once (about 15% faster; same matches, checked in
# tests/detect/test_fast_patterns.py).
_CHUNK_FIRST = "[" + U + "".join(sorted({re.escape(t[0]) for t in TV_MULTI + TV_SINGLE if t != "A"})) + "]"
CHUNK_RE = re.compile("(?=" + _CHUNK_FIRST + ")"
                      + CHUNK.replace(TV, _grouped(TV)).replace(TV_LOW, _grouped(TV_LOW)))
INIT_RE = re.compile(rf"(?:(?:Th|Ch|Chr|Ph|Tj|Jac|Joh|IJ|[{U}])\.-?)+")


@dataclass(slots=True)
class NameParts:
    """A parsed name: given names, initials, surname (with tussenvoegsel)."""

    first: str | None
    initials: str | None
    surname: str | None
    tokens: list[str]

    @property
    def surname_key(self) -> str | None:
        return self.surname.lower() if self.surname else None


def tokens_of(chunk: str) -> list[tuple[str, str]]:
    """Split a chunk into (token, kind) with kind in init / tv / cap (a fresh list: callers
    pop from it; the split itself is cached because the same names recur all through a case)."""
    return list(_tokens_cached(chunk))


@lru_cache(maxsize=16384)
def _tokens_cached(chunk: str) -> tuple[tuple[str, str], ...]:
    raw = re.findall(rf"\([^)]*\)|{CAP}|[^\s]+", re.sub(rf"(?<=\.)(?=[{U}])", " ", chunk))
    out: list[tuple[str, str]] = []
    for i, tok in enumerate(t for t in raw if t):
        if INIT_RE.fullmatch(tok):
            out.append((tok, "init"))
        elif tok.startswith("("):
            out.append((tok, "paren"))
        elif (tok.lower() in TV_WORDS and tok not in ("Al", "A")) or (tok == "A" and 0 < i):
            out.append((tok, "tv"))
        else:
            out.append((tok, "cap"))
    # a trailing tv is not a tussenvoegsel
    while out and out[-1][1] == "tv":
        out[-1] = (out[-1][0], "cap")
    return tuple(out)


def parse(tokens: list[tuple[str, str]], first_names: frozenset[str]) -> NameParts:
    """Split tokens into first name, initials and surname following Dutch order."""
    words = [t for t, _ in tokens]
    inits = [t for t, k in tokens if k == "init"]
    tv_idx = next((i for i, (_, k) in enumerate(tokens) if k == "tv"), None)
    caps_before = [t for t, k in tokens[: tv_idx if tv_idx is not None else len(tokens)] if k == "cap"]
    first: str | None
    surname: str | None
    paren = [t.strip("()") for t, k in tokens if k == "paren"]
    if tv_idx is not None and words[tv_idx] == "A" and caps_before:
        surname = " ".join(words[tv_idx - 1 :])  # 'Tjon A Fong'
        caps_before = caps_before[:-1]
        first = caps_before[0] if caps_before else None
    elif tv_idx is not None:
        surname = " ".join(words[tv_idx:])
        first = caps_before[0] if caps_before else None
    elif inits:
        surname = " ".join(t for t, k in tokens if k == "cap") or None
        first = None
    elif len(caps_before) >= 2:
        first, surname = caps_before[0], caps_before[-1]
    elif caps_before:
        w = caps_before[0]
        first, surname = (w, None) if w in first_names else (None, w)
    else:
        first, surname = None, None
    if paren and not first:
        first = paren[0]  # 'M.C. (Marjolein) Terpstra'
    return NameParts(first=first, initials="".join(inits) or None, surname=surname, tokens=words)


def surname_forms(surname: str) -> list[str]:
    """Spellings of one surname as it appears in running text ('van der Berg', 'Van der Berg')."""
    forms = {surname}
    if surname[:1].islower():
        forms.add(surname[0].upper() + surname[1:])
    elif surname.split(" ", 1)[0].lower() in TV_WORDS and " " in surname:
        forms.add(surname[0].lower() + surname[1:])
    return sorted(forms, key=len, reverse=True)
