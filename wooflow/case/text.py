"""Dutch-aware text normalisation shared by search and duplicate detection.

Search and dedupe must agree on what "the same word" is: case folded, diacritics folded
("financiële" == "financiele"), and for search also stemmed ("vergaderingen" == "vergadering").
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterator
from functools import lru_cache

import snowballstemmer

# Words: letters/digits with inner apostrophes or hyphens kept apart (FTS5 unicode61 splits
# on them as well, so both sides tokenise alike).
WORD_RE = re.compile(r"\w+", re.UNICODE)

# snowballstemmer 3.x "dutch" is the Kraaij-Pohlmann stemmer: it strips "ge-" prefixes and
# maps "minister" to "mini" and "gemeenten" to "meen", which merges unrelated words in search.
# "dutch_porter" is the classic Snowball Dutch stemmer: conservative, and its stems are
# (almost always) prefixes of the surface form, which keeps prefix queries predictable.
_STEMMER = snowballstemmer.stemmer("dutch_porter")


# Combining mark blocks; one C-level regex pass instead of a per-character Python loop.
_COMBINING = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]+")


def fold(text: str) -> str:
    """Casefold and strip diacritics (NFKD, drop combining marks)."""
    if text.isascii():
        return text.lower()
    return _COMBINING.sub("", unicodedata.normalize("NFKD", text.casefold()))


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """Stem one already folded word."""
    if word.isdigit() or len(word) < 3:
        return word
    return _STEMMER.stemWord(word)


def tokens(text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, word) of each word in ``text`` (offsets into the original)."""
    for m in WORD_RE.finditer(text):
        yield m.start(), m.end(), m.group()


def term(word: str) -> str:
    """The search term of one surface word: folded then stemmed."""
    return stem(fold(word))


def stemmed_text(text: str) -> str:
    """The stemmed and folded copy of a text that the FTS index holds (word order kept)."""
    folded = fold(text)
    return " ".join(stem(w) for w in WORD_RE.findall(folded))


_WS = re.compile(r"\s+")


def normalise(text: str) -> str:
    """Text for exact-duplicate comparison: casefolded, whitespace collapsed."""
    return _WS.sub(" ", text.casefold()).strip()


def text_hash(text: str) -> str:
    """SHA-256 of :func:`normalise` (exact duplicates share it)."""
    return hashlib.sha256(normalise(text).encode("utf-8")).hexdigest()


def words(text: str) -> list[str]:
    """Folded words, for shingling."""
    return WORD_RE.findall(fold(text))
