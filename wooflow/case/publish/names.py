"""What must never appear in a published byte: every form of every redacted person and every
redacted identifier ("zoektermen"), and the scrubber that takes them out of names and titles.

A person decided "lakken" (or whose name the draft redacts) is searched in all its forms: the
full name as written, the surname with its particles, initial + surname ("J. Jansen",
"J.Jansen"), the e-mail address and its local part ("j.jansen"). A bare surname is left out when
a person who stays public (minister, MP: decision "keep") has the same surname; a bare-surname
hit right after a public-role word ("minister Jansen") is not counted as a leak.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from wooflow.case.persons import PARTICLES, PUBLIC_ROLE_WORDS, TITLES, parse_name
from wooflow.case.text import fold

PERSON_CATEGORIES = ("person", "email", "signature")
COMPACT_CATEGORIES = ("bsn", "iban", "phone", "plate", "postcode")  # separators vary: "06-12 34"
# Redacted content that is no identifier ("zwanger van het"): scrubbed from names, but not a
# restlekcontrole term (a common phrase would block packages for words the letter itself uses).
CONTENT_CATEGORIES = ("special_category",)
MIN_LEN = 3

FULL, SURNAME, INITIAL, LOCAL, ADDRESS = (
    "volledige naam", "achternaam", "initiaal en achternaam", "e-mailnaam", "e-mailadres",
)  # fmt: skip
KIND_WORDS = {
    "phone": "telefoonnummer", "bsn": "BSN", "iban": "IBAN", "address": "adres", "postcode": "postcode",
    "birthdate": "geboortedatum", "plate": "kenteken", "email": "e-mailadres", "signature": "handtekening",
}  # fmt: skip


def kind_word(kind: str) -> str:
    """The Dutch word for a finding category in the report ("phone" -> "telefoonnummer")."""
    return KIND_WORDS.get(kind, kind)


_TOKEN = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*\.?", re.UNICODE)


@dataclass(frozen=True, slots=True)
class Needle:
    """One search term. ``owner`` names whose term it is without repeating it ("persoon 2")."""

    text: str
    kind: str  # FULL, SURNAME, INITIAL, LOCAL, ADDRESS or an identifier category ("bsn")
    owner: str
    ground: str = "5.1.2e"

    @property
    def bare(self) -> bool:
        return self.kind == SURNAME

    def pattern(self) -> str:
        """A regular expression for the term: case-insensitive use, any run of white space for
        a space, separators optional inside numbers, never inside a longer word."""
        text = self.text.strip()
        if self.kind in COMPACT_CATEGORIES:
            compact = re.sub(r"[\W_]+", "", text)
            body = r"[\s.\-/]?".join(re.escape(c) for c in compact)
            return rf"(?<![A-Za-z0-9]){body}(?![A-Za-z0-9])"
        if self.kind == INITIAL:
            ini, _, rest = text.partition(".")
            body = re.escape(ini) + r"\.\s*" + r"\s+".join(re.escape(w) for w in rest.split())
            return rf"(?<![\w.]){body}(?!\w)"
        body = r"\s+".join(re.escape(w) for w in text.split()).replace(r"\.\s+", r"\.\s*")
        return rf"(?<![\w.]){body}(?!\w)" if self.kind == LOCAL else rf"(?<!\w){body}(?!\w)"


def _words(form: str) -> list[str]:
    form = re.sub(r"(?i)\bde\s+heer\b", " ", form)
    toks = _TOKEN.findall(form)
    return [t for t in toks if fold(t.rstrip(".")) not in TITLES and fold(t.rstrip(".")) not in PUBLIC_ROLE_WORDS]


def person_forms(forms: Iterable[str]) -> list[tuple[str, str]]:
    """``(text, kind)`` for every searchable form of one person, from the forms seen."""
    out: dict[str, str] = {}

    def add(text: str, kind: str) -> None:
        text = " ".join(text.split())
        if len(text.replace(".", "").replace(" ", "")) >= MIN_LEN and text.lower() not in {t.lower() for t in out}:
            out[text] = kind

    for form in forms:
        form = form.strip()
        if "@" in form:
            local = form.split("@", 1)[0].strip()
            add(form, ADDRESS)
            # Only a local part that is a name ("j.jansen", "jan.de.vries"): "woo@" or "info@"
            # would make every "Woo-verzoek" a hit.
            parts = parse_name(form, "email")
            if parts is not None:
                add(local, LOCAL)
                if len(parts.surname) >= MIN_LEN and " " not in parts.surname:
                    add(parts.surname.capitalize(), SURNAME)
            continue
        if re.fullmatch(r"[\w-]+(?:[._][\w-]+)+", form) and parse_name(form + "@x", "email"):
            add(form, LOCAL)  # an e-mail finding that covers the local part only ("j.jansen")
        words = _words(form)
        if not words:
            continue
        folded = [fold(w.rstrip(".")) for w in words]
        i = len(folded) - 1
        while i > 0 and folded[i - 1] in PARTICLES:
            i -= 1
        surname = " ".join(w.rstrip(".") for w in words[i:])
        given = [w for w in words[:i] if w.rstrip(".")]
        if given:
            add(" ".join(words).rstrip("."), FULL)
            add(f"{given[0][0].upper()}. {surname}", INITIAL)
        # A "surname" of particles only ('den' of a garbled 'W. Vanderlin den') is no name: as
        # a bare needle it would hit every "Den Haag" and block the package for nothing.
        if not all(fold(w.rstrip(".")) in PARTICLES for w in words[i:]):
            add(surname, SURNAME)
    return list(out.items())


def build_needles(
    persons: list[tuple[str, list[str]]],
    identifiers: Iterable[tuple[str, str, str]],
    public_surnames: set[str],
) -> list[Needle]:
    """Needles for ``persons`` (``(ground, forms)`` each) and ``identifiers`` (``(text, category,
    ground)``). A bare surname in ``public_surnames`` (folded, spaces dropped: the person keys'
    surname part) is not a needle."""
    needles: list[Needle] = []
    seen: set[tuple[str, str]] = set()
    for n, (ground, forms) in enumerate(persons, start=1):
        for text, kind in person_forms(forms):
            if kind == SURNAME and fold(text).replace(" ", "") in public_surnames:
                continue
            if (text.lower(), kind) not in seen:
                seen.add((text.lower(), kind))
                needles.append(Needle(text, kind, f"persoon {n}", ground))
    per_cat: dict[str, int] = {}
    for text, category, ground in identifiers:
        text = " ".join(text.split())
        if len(re.sub(r"\W+", "", text)) < MIN_LEN + 1 or (text.lower(), category) in seen:
            continue
        seen.add((text.lower(), category))
        per_cat[category] = per_cat.get(category, 0) + 1
        needles.append(Needle(text, category, f"{kind_word(category)} {per_cat[category]}", ground))
    return needles


def compile_needles(needles: list[Needle]) -> re.Pattern[str] | None:
    """One alternation over all needles, longest first, with a named group per needle index."""
    if not needles:
        return None
    order = sorted(range(len(needles)), key=lambda i: len(needles[i].text), reverse=True)
    return re.compile("|".join(f"(?P<n{i}>{needles[i].pattern()})" for i in order), re.IGNORECASE)


def which(match: re.Match[str]) -> int:
    """Index of the needle a match of ``compile_needles`` belongs to."""
    name = match.lastgroup or ""
    return int(name[1:]) if name.startswith("n") else -1


def after_public_role(text: str, start: int) -> bool:
    before = fold(text[max(0, start - 40) : start]).split()
    return bool(before) and before[-1].strip("(),.:") in PUBLIC_ROLE_WORDS


PREFIX = 6  # compact keys are looked up by their first characters
SUBSTRING_PREFIXES = 256  # up to this many distinct prefixes: substring search instead
_DIGIT = re.compile(r"\d")
_WORD = re.compile(r"\w+")


class NeedleIndex:
    """Which needles can occur in a text, in time linear in the text, not in the needles.

    A needle's key is its longest word (numbers: its characters without separators); a text
    can hold the needle only when the key is one of its words (numbers: a substring of the text
    with separators dropped). Words are looked up in a dict; number keys by their first
    ``PREFIX`` characters at every position of the compacted text. A case of 100,000 documents
    has tens of thousands of needles: one alternation over all of them, run on every title and
    every published file, made the package stage quadratic in the case size."""

    def __init__(self, needles: list[Needle]) -> None:
        self.needles = needles
        self.keys: list[tuple[bool, str]] = []
        self._words: dict[str, list[int]] = {}
        self._prefixes: dict[str, list[int]] = {}
        self._short: list[int] = []
        for i, n in enumerate(needles):
            if n.kind in COMPACT_CATEGORIES:
                key = re.sub(r"[\W_]+", "", n.text).lower()
                self.keys.append((True, key))
                if len(key) >= PREFIX:
                    self._prefixes.setdefault(key[:PREFIX], []).append(i)
                else:
                    self._short.append(i)
            else:
                words = re.findall(r"\w+", n.text.lower()) or [n.text.lower()]
                key = max(words, key=len)
                self.keys.append((False, key))
                self._words.setdefault(key, []).append(i)
        self._compiled: dict[tuple[int, ...], re.Pattern[str]] = {}
        # the longest number key: a text read in segments keeps this many characters less one
        # of the compacted text before each segment, so a key across two segments is found
        self._longest = max((len(k) for compact, k in self.keys if compact), default=0)
        # Every prefix holds a digit (BSNs, phone numbers, IBANs, postcodes, plates all do):
        # then only the windows of the text that hold a digit can equal one (_digit_windows)
        self._digit_prefixes = bool(self._prefixes) and all(_DIGIT.search(p) for p in self._prefixes)

    def _digit_windows(self, compact: str) -> set[int]:
        """The needles whose prefix is a window of ``compact`` (``PREFIX`` characters), looked
        up only at the windows that hold a digit: a window equal to a prefix holds the prefix's
        digit, where ``_DIGIT`` finds it in ``compact``. The same set as a lookup at every
        position when every prefix holds a digit (``_digit_prefixes``), in time linear in the
        digits of a text rather than in its length."""
        prefixes, found = self._prefixes, set()
        last = len(compact) - PREFIX  # the last window's start
        nxt = 0  # windows before this start were looked up already
        for m in _DIGIT.finditer(compact):
            d = m.start()
            for j in range(max(nxt, d - PREFIX + 1), min(d, last) + 1):
                ids = prefixes.get(compact[j : j + PREFIX])
                if ids:
                    found.update(ids)
            nxt = max(nxt, d + 1)
        return found

    def candidates(self, text: str) -> list[int]:
        """Indexes (ascending) of the needles whose key occurs in ``text``."""
        return self.candidates_of_segments((text,))

    def _numbers(self, compact: str) -> Iterable[int]:
        """The number needles whose key occurs in ``compact`` (a compacted lower-case text)."""
        prefixes = self._prefixes
        if len(prefixes) <= SUBSTRING_PREFIXES:
            # few number needles: a C substring search per prefix beats a dict lookup at
            # every position of the text (the same prefixes are found either way)
            found = {i for p, ids in prefixes.items() if p in compact for i in ids}
        elif self._digit_prefixes:
            found = self._digit_windows(compact)
        else:
            found = {i for j in range(len(compact) - PREFIX + 1) for i in prefixes.get(compact[j : j + PREFIX], ())}
        found.update(self._short)
        return (i for i in found if self.keys[i][1] in compact)

    def candidates_of_segments(self, segments: Iterable[str]) -> list[int]:
        """``candidates`` of the text that ``segments`` make when joined, holding one segment at
        a time. The segments must be cut where lower-casing and ``\\w+`` words are the same
        for the parts as for the whole (``leakcheck._segments``: after a line end outside a
        tag, or between ``>`` and ``<``). Words do not cross such a cut; compacting drops
        characters one by one, so the compacted text is the compacted segments joined, and
        each segment's is searched with the last characters of the one before (one less than
        the longest key): a key across the cut is found there, its prefix window with it."""
        picked: set[int] = set()
        words = self._words
        numbers = bool(self._prefixes or self._short)
        keep = max(self._longest - 1, PREFIX - 1)
        tail = ""
        for segment in segments:
            lower = segment.lower()
            for m in _WORD.finditer(lower):
                ids = words.get(m.group())
                if ids:
                    picked.update(ids)
            if numbers:
                compact = tail + re.sub(r"[\s.\-/]+", "", lower)
                picked.update(self._numbers(compact))
                tail = compact[-keep:] if keep else ""
        return sorted(picked)

    def pattern(self, text: str) -> tuple[re.Pattern[str] | None, list[int]]:
        """One alternation over the needles that can occur in ``text`` (cached per set)."""
        return self.pattern_of(self.candidates(text))

    def pattern_of(self, picked: list[int]) -> tuple[re.Pattern[str] | None, list[int]]:
        """One alternation over the needles ``picked`` (ascending indexes; cached per set)."""
        if not picked:
            return None, picked
        ident = tuple(picked)
        compiled = self._compiled.get(ident)
        if compiled is None:
            if len(self._compiled) > 4096:
                self._compiled.clear()
            compiled = compile_needles([self.needles[i] for i in picked])
            assert compiled is not None
            self._compiled[ident] = compiled
        return compiled, picked


def make_scrubber(needles: list[Needle]) -> Callable[[str], str]:
    """Replace every form of every needle in a name or title by its ground code."""
    if not needles:
        return lambda s: s
    index = NeedleIndex(needles)

    def scrub(text: str) -> str:
        pattern, picked = index.pattern(text)
        if pattern is None:
            return text

        def repl(m: re.Match[str]) -> str:
            i = which(m)
            return needles[picked[i]].ground if i >= 0 else "5.1.2e"

        return pattern.sub(repl, text)

    return scrub
