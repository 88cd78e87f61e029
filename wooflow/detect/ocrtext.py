"""OCR's letter confusions in scanned letters read back as the letters and digits they stand for,
in a shadow text whose every character remembers its place in the original.

A scanned letter read by OCR writes 'Wo1terink', 'te1. O6-5l 43 8O 27',
'rickwo1terink©hotrnai1.corn', 'Kerkstraat  l2O', 'rnevrouw Hu1shof': '1' for 'l', 'l' and 'O'
for '1' and '0', '©' for '@' and 'rn' for 'm'. Every recognizer and the name model read such a
value as no value at all. Detection runs on a repaired shadow instead, like capitals.decap and
ocrdigits.fix; unlike those, reading 'rn' as 'm' shortens the text, so the shadow keeps for every
character the offset of the original character it came from, and findings are mapped back to
the original's offsets: the redacted span covers the garbled characters exactly.

Clean text is never changed: the repairs apply only to a text that shows OCR evidence of its
own (at least ``MIN_EVIDENCE`` words of at least two kinds: a digit inside a word that, read as a
letter, is a known word; a word with 'rn' that is unknown while the same word with 'm' is known;
a number with letters inside it, '2O26', 'l4'; '©' inside an e-mail address). Inside such a text
a repair still needs the token's own shape (a digit between letters, a letter inside a digit run) or, for 'rn', a word
frequency list that prefers the 'm' form. All-capitals values on a scanned form ('Aanvrager
WOLTERINK, RICK JOHANNES') are re-cased there too (capitals.recase_cells), so the name model
reads them as names.

No OCR post-correction library gives an offset map for a length-changing repair, hence this
module; the word knowledge comes from the lexicon and the name model's word frequency table.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from itertools import combinations

from wooflow.detect import capitals, lexicon

MIN_EVIDENCE = 3
"""Distinct OCR-garbled words a text needs before any repair applies."""

_TOKEN = re.compile(r"[^\W_]+")
_LETTER = re.compile(r"[^\W\d_]")
# A number run whose digits OCR partly read as letters: bounded by non-letters, at least one
# real digit ('l4-O6-l99O', '2O458l9l6', 'l2O', '5l' in '5l-XLN-7').
_NUMBER = re.compile(r"(?<![^\W_])[\dOolI]+(?:[-./][\dOolI]+)*(?![^\W_])")
_NUMBER_MIX = re.compile(r"\d[OolI]|[OolI]\d")
# Candidate words for the evidence: a 0/1 next to a letter ('veroordee1d'), an 'rn' ('rnevrouw').
_DIGIT_CORE = re.compile(r"[A-Za-zÀ-ÿ][01]|[01][A-Za-zÀ-ÿ]")
_RN_WORD = re.compile(r"(?<![^\W_])[^\W\d_]*rn[^\W\d_]*(?![^\W_])")
_L_IN_CAPITALS = re.compile(r"[A-Z]l[A-Z\d]")
_L_FIRST = re.compile(r"l[A-Z]{2,}$")
# An IBAN's country code and check digits with a digit read as a letter ('NL4O ABNA 8995 ...').
_IBAN_HEAD = re.compile(
    r"(?<![^\W_])[A-Z]{2}((?=[\dOolI]{2})(?=[OolI]?\d)[\dOolI]{2})(?=[ \t]?[A-Z]{4}[ \t]?[\dOolI]{4})")
_DIGIT_MAP = str.maketrans({"O": "0", "o": "0", "l": "1", "I": "1"})
_DOUBLE_SPACE = re.compile(r"(?<=\S) (?= \S)")
_AT = re.compile(r"(?<=[\w.])©(?=\w)")
# An e-mail address OCR split around its '@' or whose domain dot it read as a comma
# ('ingrid.bakker-veenstra @ minlnv,nl'): the spaces are dropped, the comma read as a dot.
_SPLIT_ADDRESS = re.compile(r"(?<=[\w-])( ?)@( ?)[\w-]+(?:\.[\w-]+)*([.,])[a-z]{2,4}\b")
_AT_WORD = re.compile(r"[\w.-]+©[\w.-]+")
# A double-barrelled surname split after its hyphen ('Bakker- Veenstra'); 'Voedsel- en' is no name.
_HYPHEN_SPACE = re.compile(r"(?<=[a-z]-) (?=[A-Z][a-z])")


@dataclass(frozen=True)
class Repair:
    """A repaired shadow text and, for each of its characters, the original's offset."""

    text: str
    pos: tuple[int, ...]
    """``pos[i]``: offset in the original of ``text[i]``; ``pos[len(text)]`` is the original's length."""
    merged: frozenset[int] = frozenset()
    """Shadow offsets of an 'm' read from the two characters 'rn'."""

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original's span of the shadow's span ``start:end``: from the first character's
        origin to the end of the last one's (a dropped space after it stays outside)."""
        last = end - 1
        return self.pos[start], self.pos[last] + (2 if last in self.merged else 1)


@lru_cache(maxsize=1)
def _zipf() -> Mapping[str, int]:
    """Dutch word frequency classes: the name model's table when it is loaded (the same data)."""
    from wooflow.detect import namemodel
    from wooflow.detect.namefeatures import _DATA, ZipfTable, _zipf_bytes

    if namemodel._load_packaged.cache_info().currsize:
        return namemodel.PersonNameModel.load().featurizer.gaz.zipf_nl
    return ZipfTable(_zipf_bytes(_DATA, "nl"))


def _freq(word: str) -> int:
    return int(_zipf().get(word.lower(), 0) or 0)


def _known(word: str) -> bool:
    """A word of the language or a listed name or place ('Wolterink', 'Hulshof', 'Menaam')."""
    if len(word) < 2:
        return False
    low = word.lower()
    return (_freq(low) > 0 or lexicon.is_common(low) or lexicon.is_first_name(word)
            or lexicon.is_surname(word) or low in lexicon.places_lower())


def _letters_for_digits(tok: str) -> str | None:
    """A word with '1'/'0' inside its letters read as letters ('Wo1terink' -> 'Wolterink',
    'te1' -> 'tel', 'P0STKAMER' -> 'POSTKAMER', 'LlCHTENVOORDE' -> 'LICHTENVOORDE'); None when
    the token is no such word (a code 'BIJ12', an ordinal '1e', a plain word)."""
    if not _LETTER.search(tok):
        return None
    digits = [c for c in tok if c.isdigit()]
    out = list(tok)
    changed = False
    if digits and all(c in "01" for c in digits):
        for i, c in enumerate(tok):
            if c not in "01":
                continue
            prev = tok[i - 1] if i else ""
            nxt = tok[i + 1] if i + 1 < len(tok) else ""
            if not (prev.isalpha() or (prev in "01" and i > 1 and tok[i - 2].isalpha())):
                # '0KT': only a capital after a leading 0, or a word's first letter ('van 0verveld')
                first = i == 0 and len(tok) >= 4 and all(ch.isalpha() or ch in "01" for ch in tok[1:])
                if not (c == "0" and (nxt.isupper() or first)):
                    continue
            lower = (prev.islower() or nxt.islower()) and i > 0  # a word's first letter is a capital
            if c == "1":
                out[i] = "l" if lower else "I"
            else:
                out[i] = "o" if lower else "O"
            changed = True
    for i in range(1, len(tok) - 1):  # 'LlCHTENVOORDE', 'CJlB': a lower-case l among capitals
        if tok[i] == "l" and tok[i - 1].isupper() and (tok[i + 1].isupper() or tok[i + 1].isdigit()) \
                and sum(c.isupper() for c in tok) >= 2:
            out[i] = "I"
            changed = True
    if len(tok) >= 3 and tok[0] == "l" and tok[1:].isupper():  # 'lBAN', 'lND': a capital I
        out[0] = "I"
        changed = True
    if not changed:
        return None
    fixed = "".join(out)
    return fixed if not any(c.isdigit() for c in fixed) else None


def _m_for_rn(word: str) -> str | None:
    """The word with some 'rn' read as 'm', when that form is the known one ('rnevrouw' ->
    'mevrouw', 'Siprna' -> 'Sipma', 'hotrnail' -> 'hotmail'); None otherwise ('kern', 'Arnhem')."""
    low = word.lower()
    at = [m.start() for m in re.finditer("rn", low)]
    if not at or len(at) > 4:
        return None
    base = _freq(low)
    known = base > 0 or _known(word)
    best: tuple[int, str] | None = None
    for n in range(1, len(at) + 1):
        for chosen in combinations(at, n):
            cand = word
            for i in reversed(chosen):
                cand = cand[:i] + ("M" if cand[i].isupper() else "m") + cand[i + 2 :]
            f = _freq(cand)
            if (f > base) or (not known and _known(cand)):
                if best is None or f > best[0]:
                    best = (f, cand)
        if best is not None:
            return best[1]
    return None


def _evidence(text: str) -> int:
    """How many kinds of OCR-garbled words the text shows (0 when fewer than MIN_EVIDENCE)."""
    kinds: dict[str, set[str]] = {"digit-in-word": set(), "rn": set(), "letter-in-number": set(), "at-sign": set()}
    done = -1
    for m in _DIGIT_CORE.finditer(text):  # speed: the regex finds the candidates, Python judges them
        if m.start() < done:
            continue
        s, e = m.start(), m.end()
        while s > 0 and text[s - 1].isalnum():
            s -= 1
        while e < len(text) and text[e].isalnum():
            e += 1
        done, tok = e, text[s:e]
        if (fixed := _letters_for_digits(tok)) is not None and len(fixed) >= 4 \
                and sum(c.islower() for c in fixed) >= 2 and _known(fixed):  # not 'A1', 'x1', 'I0'
            kinds["digit-in-word"].add(tok)
    if not kinds["digit-in-word"] and not _NUMBER_MIX.search(text) and "©" not in text:
        return 0  # at most one kind ('rn' alone): clean text, and the common case
    for m in _RN_WORD.finditer(text):
        tok = m.group(0)
        if tok not in kinds["rn"] and _freq(tok) == 0 and _m_for_rn(tok) is not None:
            kinds["rn"].add(tok)
    for m in _NUMBER.finditer(text):
        run = m.group(0)
        if any(c in "OolI" for c in run) and sum(c.isdigit() for c in run) >= 2:
            kinds["letter-in-number"].add(run)
    if "©" in text:
        kinds["at-sign"] = {m.group(0) for m in _AT_WORD.finditer(text)}
    total = sum(len(v) for v in kinds.values())
    present = sum(1 for v in kinds.values() if v)
    return present if total >= MIN_EVIDENCE and present >= 2 else 0


def repair(text: str) -> Repair | None:
    """The text with OCR's confusions repaired, or None when it shows no OCR evidence."""
    if not any(c in text for c in "01lO©") or not _evidence(text):
        return None
    chars = list(text)
    for m in _AT.finditer(text):
        chars[m.start()] = "@"
    for m in _IBAN_HEAD.finditer(text):  # 'NL4O ABNA ...': the check digits after the country
        chars[m.start(1) : m.end(1)] = list(m.group(1).translate(_DIGIT_MAP))
    for m in _NUMBER.finditer(text):
        run = m.group(0)
        if any(c.isdigit() for c in run):
            chars[m.start() : m.end()] = list(run.translate(_DIGIT_MAP))
    same = "".join(chars)
    for m in _TOKEN.finditer(same):
        tok = m.group(0)
        if (not tok.isalpha() or _L_IN_CAPITALS.search(tok) or _L_FIRST.match(tok)) \
                and (fixed := _letters_for_digits(tok)) is not None:
            chars[m.start() : m.end()] = list(fixed)
    same = capitals.recase_cells("".join(chars))
    chars = list(same)
    # The repairs that change the length: 'rn' read as 'm' ('rnevrouw'), a double space inside
    # a line read as one ('Kerkstraat  120', '7131  CW'; a column gap is wider), the space
    # after a hyphen inside a surname and the spaces around an address's '@' dropped
    drop: set[int] = {m.start() for m in _DOUBLE_SPACE.finditer(same)}
    drop.update(m.start() for m in _HYPHEN_SPACE.finditer(same))
    for m in _SPLIT_ADDRESS.finditer(same):
        drop.update(m.start(g) for g in (1, 2) if m.group(g))
        chars[m.start(3)] = "."
    for m in _TOKEN.finditer(same):
        tok = m.group(0)
        if "rn" in tok.lower() and tok.isalpha() and (fixed := _m_for_rn(tok)) is not None:
            i = j = 0
            while i < len(tok):
                if fixed[j] in "mM" and tok[i : i + 2].lower() == "rn":
                    chars[m.start() + i] = fixed[j]
                    drop.add(m.start() + i + 1)
                    i += 2
                else:
                    i += 1
                j += 1
    pos = tuple(i for i in range(len(text)) if i not in drop) + (len(text),)
    fixed_text = "".join(chars[i] for i in pos[:-1])
    if fixed_text == text:
        return None
    merged = frozenset(j for j, i in enumerate(pos[:-1]) if i + 1 in drop and chars[i] in "mM" and same[i] != chars[i])
    return Repair(fixed_text, pos, merged)
