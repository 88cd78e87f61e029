"""Packaged word lists, loaded lazily and once per process.

Why lazy: start-up must stay well under 2 s and most commands never detect names; the lists
are only read the first time a recognizer asks for them. Sources: data/SOURCES.md.
"""

from __future__ import annotations

import gzip
import re
import unicodedata
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"


def _lines(name: str) -> list[str]:
    path = DATA / name
    if name.endswith(".gz"):
        raw = gzip.decompress(path.read_bytes()).decode("utf-8")
    else:
        raw = path.read_text(encoding="utf-8")
    out = []
    for line in raw.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            out.append(line)
    return out


@lru_cache(maxsize=None)
def first_names() -> frozenset[str]:
    return frozenset(_lines("first_names.txt.gz"))


@lru_cache(maxsize=None)
def surnames() -> frozenset[str]:
    """Surnames without tussenvoegsel, plus the parts that follow one ('Vries' of 'de Vries')."""
    return frozenset(_lines("surnames.txt.gz")) | frozenset(_lines("interfix_surnames.txt.gz"))


@lru_cache(maxsize=None)
def common_words() -> frozenset[str]:
    """Lower-case ordinary Dutch words; a capitalised one is only a name with more evidence."""
    return frozenset(_lines("common_words.txt.gz")) | frozenset(_lines("extra_common_words.txt"))


@lru_cache(maxsize=None)
def longest_common_word() -> int:
    """The length of the longest ordinary word (a longer slice of a word is no ordinary word)."""
    return max(map(len, common_words()), default=0)


@lru_cache(maxsize=None)
def places() -> frozenset[str]:
    return frozenset(_lines("places.txt.gz"))


@lru_cache(maxsize=None)
def places_lower() -> frozenset[str]:
    """Lower-cased place names: the list writes 'Capelle Aan Den IJssel', text 'aan den'."""
    return frozenset(p.lower() for p in places())


@lru_cache(maxsize=None)
def place_words() -> frozenset[str]:
    """Every lower-cased word that occurs in a place name (cheap pre-check)."""
    return frozenset(w for p in places_lower() for w in p.split())


@lru_cache(maxsize=None)
def streets() -> frozenset[str]:
    return frozenset(_lines("streets.txt.gz"))


WHITESPACE = ("\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006"
              "\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000")
"""Every character ``str.isspace`` holds (and ``str.strip`` removes; ``splitlines`` splits on some)."""
STREET_SEARCHES = 40
_street_searches = 0


def is_street(name: str) -> bool:
    """``name in streets()``. That set (153k entries) costs ~0.1 s to build and a document asks a
    few times (median 3 on the corpus), so the first lookups of a process search the list's text
    for ``name`` as a whole line instead; after that the set is built once."""
    global _street_searches
    if streets.cache_info().currsize == 0 and _street_searches < STREET_SEARCHES:
        if not name or name[0] == "#" or name[0] in WHITESPACE or name[-1] in WHITESPACE or "\n" in name:
            return False  # no entry is empty or a comment, has space at an edge or holds a line break
        text = _street_text()
        if text is not None:
            _street_searches += 1
            return "\n" + name + "\n" in text
    return name in streets()


@lru_cache(maxsize=1)
def _street_text() -> str | None:
    """The street list's text between line breaks, when a whole-line search finds exactly the
    entries ``_lines`` gives: no line break but '\\n' and no whitespace but ' ' anywhere, no
    space at a line's edge, no comment line. Else None (the set is used)."""
    raw = gzip.decompress((DATA / "streets.txt.gz").read_bytes()).decode("utf-8")
    text = "\n" + raw + "\n"
    if any(c in raw for c in WHITESPACE if c not in " \n") or "\n " in text or " \n" in text or "\n#" in text:
        return None
    return text


@lru_cache(maxsize=None)
def organisation_words() -> frozenset[str]:
    """Capitalised words and abbreviations that mark an organisation, never a person."""
    return frozenset(_lines("organisations.txt"))


@lru_cache(maxsize=None)
def cue_lines(name: str) -> tuple[str, ...]:
    """The entries of ``data/cues/<name>`` in file order ('#' comments and blank lines out)."""
    return tuple(_lines(f"cues/{name}"))


def cue_alternation(name: str) -> str:
    """The entries of ``data/cues/<name>`` joined as one regex alternation ('a|b|c'), file order."""
    return "|".join(cue_lines(name))


@lru_cache(maxsize=None)
def cue_words(name: str) -> frozenset[str]:
    """A cue vocabulary from ``data/cues/<name>`` (one lower-case entry a line, '#' comments)."""
    return frozenset(_lines(f"cues/{name}"))


@lru_cache(maxsize=None)
def parties() -> frozenset[str]:
    return frozenset(_lines("parties.txt"))


@lru_cache(maxsize=None)
def officials() -> dict[str, list[tuple[str, str]]]:
    """Public office holders: surname (lower, with tussenvoegsel) -> [(first name, role)]."""
    out: dict[str, list[tuple[str, str]]] = {}
    for line in _lines("officials.txt"):
        name, _, role = line.partition("|")
        first, _, rest = name.strip().partition(" ")
        out.setdefault(rest.strip().lower(), []).append((first, role.strip()))
    return out


def official_role(first: str | None, surname: str) -> str | None:
    """The public role of a listed office holder matching this first name (or initial)."""
    entries = officials().get(surname.lower())
    if not entries:
        return None
    if not first:
        return None
    # A full first name is needed: an initial plus a common surname ('M. Bosma') would
    # make every namesake public.
    for known_first, role in entries:
        if first == known_first:
            return role
    return None


@lru_cache(maxsize=65536)
def is_common(word: str) -> bool:
    low = word.lower()
    if low in common_words():
        return True
    # 'Financieel-Economische', 'Sociaal-Culturele': every part an ordinary word
    return "-" in low and all(p in common_words() for p in low.split("-") if p) and not is_surname(word)


_SPLIT = re.compile(r"[-\s]+")
# Noun suffixes of Dutch compounds ('Jeugdbescherming', 'Koninkrijksrelaties'); a capitalised
# word ending in one is a thing unless a name list knows it ('Hemming' is a surname).
_NOUN_SUFFIX = re.compile("(?:" + "|".join(cue_lines("noun_suffixes.txt")) + ")$")


def is_first_name(word: str) -> bool:
    # a given name written with its diacritics where the list holds the plain form ('Jürgen',
    # 'Zoë', 'Chloé'): the same name
    return word in first_names() or (not word.isascii() and plain(word) in first_names())


@lru_cache(maxsize=8192)
def plain(word: str) -> str:
    """``word`` without diacritics ('Jürgen' -> 'Jurgen', 'coördinatie' -> 'coordinatie')."""
    return unicodedata.normalize("NFKD", word).encode("ascii", "ignore").decode()


@lru_cache(maxsize=65536)
def is_surname(word: str) -> bool:
    if word in surnames():
        return True
    parts = [p for p in _SPLIT.split(word) if p]
    return len(parts) > 1 and all(p in surnames() for p in parts)

# Endings of Dutch surnames and place names built like compounds ('Eerenberg', 'Rozendaal'):
# such a word is no proof of an ordinary word.
_NAME_TAIL = re.compile("(?:" + "|".join(cue_lines("name_tails.txt")) + ")$")

# Inflected adjectives and past participles ('Landelijke', 'Juridische', 'Gelet', 'Gezien'):
# the common-word list holds only the forms it saw.
_WORD_SHAPE = re.compile(r"(?:lijke|ische|ieke|baar|bare|matige|achtige)$|^ge(?!.*dt$)[a-z]{2,}[td]$")


def double_surname(word: str) -> bool:
    """Two capitalised parts joined by a hyphen, one a listed surname and neither an ordinary
    word ('Lubbelink-Schuiling', 'Oostra-Greidanus'): a married name, however its tail ends
    ('-ing' as in 'Stichting', '-ling' as in 'regeling')."""
    head, _, tail = word.rpartition("-")
    return bool(head) and head[:1].isupper() and tail[:1].isupper() \
        and head.lower() not in common_words() and tail.lower() not in common_words() \
        and (is_surname(tail) or is_surname(head))


@lru_cache(maxsize=65536)
def is_wordlike(word: str) -> bool:
    """An ordinary Dutch word or compound, not a listed name: never a name on its own.

    Why by hand: Dutch writes compounds as one word ('Koninkrijksrelaties'), so a word list
    alone misses most of them; a noun suffix or a split into two listed words catches them.
    """
    low = word.lower()
    if low in common_words():
        return True
    if word in first_names() or is_surname(word) or len(low) < 5:
        return False
    if double_surname(word):
        return False
    if _WORD_SHAPE.search(low):
        return True
    if len(low) < 6:
        return False
    if low.endswith(("ling", "sing")) and not low.endswith(_ING_NOUNS):
        # A Dutch noun in -ling/-sing is made from a verb ('regel-ing' < 'regelen'); without one
        # the word is a surname ('Tijsseling', 'Ramsaransing'), a family of names these endings hold. The verb may
        # be the tail of a compound or carry a prefix ('af-stemming' < 'stemmen', 'in-deling').
        cw = common_words()
        # (only stems short enough to be listed: the same answer, linear in a very long word)
        first = max(0, len(low) - 1 - longest_common_word())
        return any(low[i:-3] + "en" in cw for i in range(first, len(low) - 5)) or _compound(low)
    if _NOUN_SUFFIX.search(low):
        return True
    return _compound(low)


# Suffixes in -ing that are nouns whatever their stem ('Jeugdbescherming', 'Huisvesting').
_ING_NOUNS = cue_lines("ing_nouns.txt")  # (data)


def _compound(low: str) -> bool:
    """'koninkrijksrelaties' = 'koninkrijk' + 's' + 'relaties' (both ordinary words)."""
    cw = common_words()
    n = len(low)
    if n < 9 or _NAME_TAIL.search(low):
        return False
    # (a tail longer than the longest listed word is none: the same answer, and a very long
    # 'word' (a run of capitals) is no longer sliced at every position, quadratic before)
    for i in range(max(4, n - longest_common_word()), n - 4):
        tail = low[i:]
        if tail not in cw:
            continue
        head = low[:i]
        if head in cw or (head[-1] in "se" and head[:-1] in cw and len(head) > 4) \
                or (head.endswith("en") and head[:-2] in cw):
            return True
    return False
