"""Features of the Dutch person-name CRF: word lists, per-token and document-level features.

Kept apart from :mod:`wooflow.detect.namemodel` (tokenising, tagging, span building) so both
stay small; the training script imports the same code, so training and run time never drift.
"""

from __future__ import annotations

import gzip
import json
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import snowballstemmer

from wooflow.exceptions import WooflowError

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

MIN_DOC_SENTENCES = 10
"""Absence of evidence (a word never seen mid-sentence) counts only in documents this long."""

_CACHE_LIMIT = 200_000
_STEMMER = snowballstemmer.stemmer("dutch")
"""snowballstemmer hands out PyStemmer's C build of the same Snowball algorithm when it is installed
(a dependency): the same stems (checked on 350k words, tests/detect/test_namemodel.py), ~14x
faster; stemming new words was 15% of a first pass over a case."""

_DATA = Path(__file__).resolve().parent / "data" / "model"
"""(A plain path: importlib.resources costs ~20 ms of start-up in imports.)"""
# Word lists used as features and span rules live in data so they can be read and reviewed.
_CUES = json.loads((_DATA / "cues.json").read_text("utf-8"))
TITLE_WORDS = frozenset(_CUES["title_words"])
TUSSENVOEGSELS = frozenset(_CUES["tussenvoegsels"])
_NAME_NEVER_ENDS = TUSSENVOEGSELS | frozenset(_CUES["name_never_ends_extra"])
_SENT_END = frozenset({".", "!", "?", "..."})

_INITIALS_RE = re.compile(r"^(?:[A-Z][a-z]?\.)+$")
_LIST_FLAGS = (("first", "gF"), ("surname", "gS"), ("place", "gP"), ("common", "gC"),
               ("intl", "gI"), ("world", "gW"), ("lower", "gL"))
"""Word-list membership features: Gazetteers attribute and feature name, in feature order."""


class NameModelError(WooflowError):
    """The packaged name model is missing or unreadable (a broken installation)."""


def _shape(word: str) -> str:
    out: list[str] = []
    for ch in word:
        c = "X" if ch.isupper() else "x" if ch.islower() else "d" if ch.isdigit() else ch
        if not out or out[-1] != c:
            out.append(c)
    return "".join(out)


@dataclass(frozen=True)
class Gazetteers:
    """Lower-cased lookup sets used as features; shipped gzipped under data/model/."""

    first: frozenset[str]
    surname: frozenset[str]
    place: frozenset[str]
    common: frozenset[str]
    intl: frozenset[str]
    """First and last names of many countries (Faker), for names no Dutch list holds."""
    world: frozenset[str]
    """Countries, cities and regions of many countries (Faker)."""
    lower: frozenset[str]
    """Words written in lower case in the training text (ordinary words)."""
    seen: dict[str, tuple[str, ...]]
    """Lower-cased words seen inside CoNLL train entities, with their entity types."""
    zipf_nl: Mapping[str, int] = field(default_factory=dict)
    """Word frequency class (Zipf scale, floored, 1-6) in Dutch text (wordfreq)."""
    zipf_en: Mapping[str, int] = field(default_factory=dict)
    """The same in English text: brand, club and title words are often English."""

    @classmethod
    def load(cls, folder: Path | None = None) -> Gazetteers:
        """Load from a folder, or from package data when none is given."""
        base = folder if folder is not None else _DATA
        sets = {}
        for name in ("first", "surname", "place", "common", "intl", "world", "lower"):
            try:
                raw = (base / f"{name}.txt.gz").read_bytes()
            except OSError as exc:
                raise NameModelError(f"naamlijst {name} ontbreekt: {exc}") from exc
            sets[name] = frozenset(filter(None, gzip.decompress(raw).decode("utf-8").split("\n")))
        try:
            raw = (base / "train_names.txt.gz").read_bytes()
        except OSError as exc:
            raise NameModelError(f"naamlijst train_names ontbreekt: {exc}") from exc
        zipf = {lang: ZipfTable(_zipf_bytes(base, lang)) for lang in ("nl", "en")}
        return cls(**sets, seen=parse_seen(gzip.decompress(raw).decode("utf-8")),
                   zipf_nl=zipf["nl"], zipf_en=zipf["en"])


def read_zipf(base: Path | Traversable, lang: str) -> dict[str, int]:
    """Read ``zipf_<lang>.txt.gz``: one line per class, ``class<TAB>word word ...``."""
    return ZipfTable(_zipf_bytes(base, lang)).table()


def _zipf_bytes(base: Path | Traversable, lang: str) -> bytes:
    try:
        return (base / f"zipf_{lang}.txt.gz").read_bytes()
    except OSError as exc:
        raise NameModelError(f"woordfrequentielijst {lang} ontbreekt: {exc}") from exc


class ZipfTable(Mapping[str, int]):
    """Word -> Zipf class as :func:`read_zipf` reads it; the full table (a fifth of a second for
    both languages, most of start-up) is built once lookups become many, the first ones search
    the class lines (the last line holding a word wins, as in the table)."""

    SEARCHES = 40

    def __init__(self, gz: bytes) -> None:
        self._gz, self._searches = gz, 0
        self._lines: list[tuple[int, str]] | None = None
        self._table: dict[str, int] | None = None

    def _classes(self) -> list[tuple[int, str]]:
        if self._lines is None:
            parts = [line.partition("\t") for line in gzip.decompress(self._gz).decode("utf-8").splitlines()]
            self._lines = [(int(cls_), " " + words + " ") for cls_, _, words in parts]
        return self._lines

    def table(self) -> dict[str, int]:
        if self._table is None:
            out: dict[str, int] = {}
            for cls_, words in self._classes():
                out.update(dict.fromkeys(words[1:-1].split(" "), cls_))
            out.pop("", None)
            self._table, self._lines = out, None
        return self._table

    def get(self, word: str, default: Any = None) -> Any:  # type: ignore[override]
        if self._table is None and self._searches < self.SEARCHES:
            self._searches += 1
            if not word or " " in word:
                return default  # never a key: the lines are split on spaces
            return next((c for c, words in reversed(self._classes()) if f" {word} " in words), default)
        return self.table().get(word, default)

    def __getitem__(self, word: str) -> int:
        return self.table()[word]

    def __iter__(self) -> Iterator[str]:
        return iter(self.table())

    def __len__(self) -> int:
        return len(self.table())


def parse_seen(text: str) -> dict[str, tuple[str, ...]]:
    """Read ``word<TAB>TYPE,TYPE`` lines."""
    seen = {}
    for line in text.splitlines():
        word, _, types = line.partition("\t")
        if word:
            seen[word] = tuple(types.split(","))
    return seen


class Featurizer:
    """Turns token sequences into crfsuite feature lists; per-word parts are memoised."""

    def __init__(self, gaz: Gazetteers, known: frozenset[str] | None = None, encode: bool = False) -> None:
        self.gaz = gaz
        self.known = known
        """Attributes the model has weights for; others are dropped early (speed only)."""
        self.encode = encode
        """Feature lists hold UTF-8 bytes, not str: python-crfsuite takes bytes as they are and
        encodes every str anew on every call (speed only; the same attribute names)."""
        self._shared: dict[str, Any] = {a: (a.encode() if encode else a) for a in known} if known is not None else {}
        """One object per attribute: the memoised lists share them (memory), already encoded."""
        self._own: dict[str, list[Any]] = {}
        self._ctx: dict[int, dict[str, list[Any]]] = {-2: {}, -1: {}, 1: {}, 2: {}}
        self._pairs: dict[tuple[str, str], tuple[Any, Any]] = {}
        """Two neighbouring words (as written) -> their word-pair features (see :meth:`_pair`)."""
        self._const = {f: self._out(f) for f in ("bias", "BOS", "pos1", "EOS", "headline")}

    def _out(self, feat: str) -> Any:
        """``feat`` as the feature lists hold it (str, or bytes with ``encode``)."""
        return self._shared.get(feat) or (feat.encode() if self.encode else feat)

    def _flags(self, word: str, low: str) -> list[str]:
        gaz = self.gaz
        flags = [flag for name, flag in _LIST_FLAGS if low in getattr(gaz, name)]
        for typ in gaz.seen.get(low, ()):
            flags.append("s" + typ)
        if low in TITLE_WORDS or ("-" in low and low.rsplit("-", 1)[1] in TITLE_WORDS):
            flags.append("T")
        if low in TUSSENVOEGSELS:
            flags.append("tv")
        if _INITIALS_RE.match(word):
            flags.append("ini")
        if word[:1].isupper():
            flags.append("up")
        return flags

    def own(self, word: str) -> list[Any]:
        """Features of the word itself, independent of its position."""
        feats = self._own.get(word)
        if feats is not None:
            return feats
        low = word.lower()
        shape = _shape(word)
        feats = ["w=" + low, "sh=" + shape, "s2=" + low[-2:], "s3=" + low[-3:], "s4=" + low[-4:]]
        feats += ["p2=" + low[:2], "p3=" + low[:3], "p4=" + low[:4]]
        feats += ["f:" + f for f in self._flags(word, low)]
        if word.isupper() and len(word) > 1:
            feats.append("allcap")
        elif word[:1].isupper():
            feats.append("title")
            if low not in self.gaz.common and low not in self.gaz.place:
                feats.append("cap-nolist")
        if word[:1].isupper() and low in self.gaz.first and low not in self.gaz.common:
            feats.append("strongF")
        if "-" in word:
            feats.append("hyph")
            parts = low.split("-")
            if any(p in self.gaz.surname for p in parts):
                feats.append("hyph-gS")
        if any(ch.isdigit() for ch in word):
            feats.append("digit")
        feats.append("len=%d" % min(len(word), 8))
        if word[:1].isupper():
            # How ordinary the word is in Dutch and in English (0: rare or unknown): names
            # of companies, clubs and works are often ordinary words, person names rarely.
            nl, en = self.gaz.zipf_nl.get(low, 0), self.gaz.zipf_en.get(low, 0)
            feats += ["nlz=%d" % nl, "enz=%d" % en, "nlen=%d%d" % (nl, en)]
        if word[:1].isupper() and len(low) > 3:
            feats += dict.fromkeys("ng=" + low[k : k + 3] for k in range(1, len(low) - 3))
        if self.known is not None:
            feats = [self._shared[f] for f in feats if f in self.known]
        elif self.encode:
            feats = [f.encode() for f in feats]
        if len(self._own) > _CACHE_LIMIT:
            self._own.clear()
        self._own[word] = feats
        return feats

    def ctx(self, word: str, off: int) -> list[Any]:
        """Features a neighbour at offset ``off`` contributes."""
        cache = self._ctx[off]
        feats = cache.get(word)
        if feats is not None:
            return feats
        low = word.lower()
        pre = "%d:" % off
        feats = [pre + "w=" + low, pre + "sh=" + _shape(word)[:4]]
        if off in (-1, 1) and len(low) > 4:
            feats.append(pre + "s3=" + low[-3:])
            feats.append(pre + "st=" + _STEMMER.stemWord(low))
        feats += [pre + f for f in self._flags(word, low)]
        if self.known is not None:
            feats = [self._shared[f] for f in feats if f in self.known]
        elif self.encode:
            feats = [f.encode() for f in feats]
        if len(cache) > _CACHE_LIMIT:
            cache.clear()
        cache[word] = feats
        return feats

    def _pair(self, words: tuple[str, str]) -> tuple[Any, Any]:
        """The word-pair features of two neighbours: 'w|w+1' of the first word's token and
        'w-1|w' of the second's (None: the model has no weight for it)."""
        pair = words[0].lower() + "|" + words[1].lower()
        first, second = "w|w+1=" + pair, "w-1|w=" + pair
        known = self.known
        out = (self._out(first) if known is None or first in known else None,
               self._out(second) if known is None or second in known else None)
        if len(self._pairs) > _CACHE_LIMIT:
            self._pairs.clear()
        self._pairs[words] = out
        return out

    def sentence(self, toks: Sequence[str], doc: DocContext | None = None) -> list[list[Any]]:
        """Feature lists for one sentence; ``doc`` adds document-level evidence."""
        n = len(toks)
        seq = ["<S>", "<S>", *toks, "</S>", "</S>"]
        upper = sum(1 for t in toks if t.isupper() and len(t) > 1)
        sent_feats = ["headline"] if n > 2 and upper * 2 > n else []
        # (speed: the memo tables are read directly, per offset for the whole sentence at once;
        # each word lower-cased once, each word pair joined once)
        own, ctx_of = self._own, self.ctx
        before, after, before2, after2 = self._ctx[-1], self._ctx[1], self._ctx[-2], self._ctx[2]
        c_own = [own.get(w) or self.own(w) for w in toks]
        c_before = [before.get(w) or ctx_of(w, -1) for w in seq[1 : n + 1]]
        c_after = [after.get(w) or ctx_of(w, 1) for w in seq[3 : n + 3]]
        c_before2 = [before2.get(w) or ctx_of(w, -2) for w in seq[:n]]
        c_after2 = [after2.get(w) or ctx_of(w, 2) for w in seq[4 : n + 4]]
        pair_of, new_pair = self._pairs.get, self._pair
        pairs = [pair_of(k) or new_pair(k) for k in zip(seq[1 : n + 2], seq[2 : n + 3], strict=False)]
        """pairs[i]: the word pair before and at position i; pairs[i + 1]: at and after it."""
        const, out_of = self._const, self._out
        bias, bos, pos1, eos = const["bias"], const["BOS"], const["pos1"], const["EOS"]
        if sent_feats:
            sent_feats = [const["headline"]]
        out = []
        for i in range(n):
            feats = [bias, *c_own[i], *c_before[i], *c_after[i], *c_before2[i], *c_after2[i]]
            bigram = pairs[i][1]
            if bigram is not None:
                feats.append(bigram)
            bigram = pairs[i + 1][0]
            if bigram is not None:
                feats.append(bigram)
            if i == 0:
                feats.append(bos)
            elif i == 1:
                feats.append(pos1)
            if i == n - 1:
                feats.append(eos)
            if sent_feats:
                feats += sent_feats
            if doc is not None and toks[i][:1].isupper():
                feats += [out_of(f) for f in doc.features(toks[i], first=(i == 0))]
            out.append(feats)
        return out


class DocContext:
    """Document-level evidence: a capitalised word is a name elsewhere in the same document.

    Deterministic cues only (no first-pass tagger): somewhere in the document the word follows
    a known first name, an initial or a title word. Names are consistent within a document,
    so one clear mention lends evidence to bare ones.
    """

    def __init__(self, sentences: Iterable[Sequence[str]], gaz: Gazetteers) -> None:
        after_first: set[str] = set()
        after_title: set[str] = set()
        mid_sentence: set[str] = set()
        n_sentences = 0
        for toks in sentences:
            n_sentences += 1
            prev = ""
            prev_low = ""
            for k, tok in enumerate(toks):
                if tok[:1].isupper():
                    if k > 0:
                        mid_sentence.add(tok)
                    if prev[:1].isupper() and (
                        (prev_low in gaz.first and prev_low not in gaz.common)
                        or _INITIALS_RE.match(prev)
                    ):
                        after_first.add(tok)
                    if prev_low in TITLE_WORDS:
                        after_title.add(tok)
                prev, prev_low = tok, tok.lower()
        self.after_first = after_first
        self.after_title = after_title
        self.mid_sentence = mid_sentence
        self.big = n_sentences >= MIN_DOC_SENTENCES
        """Absence of evidence means something only in a document of some length."""

    def features(self, word: str, first: bool) -> list[str]:
        """Document features for one capitalised token."""
        feats = []
        if word in self.after_first:
            feats.append("doc:aftF")
        if word in self.after_title:
            feats.append("doc:aftT")
        if first and self.big and word not in self.mid_sentence:
            feats.append("doc:onlyBOS")
        return feats
