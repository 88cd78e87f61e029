"""Learned special-category clauses: a clause whose words say something about a person's health,
finances, religion or criminal record, also where no listed term does ('heeft MS', 'de huisarts
heeft een zalf voorgeschreven', 'een hypotheek die wij met één inkomen nauwelijks kunnen betalen').

The special-category recognizer finds statements by their listed terms. This step reads every
clause of a sentence (split at clause marks and conjunctions, a table cell being a sentence) as
Snowball stems and compound heads and tails, and scores it with a multinomial logistic
regression trained on the annotated Woo sets (``training/train_clausemodel.py``, weights in
``data/clausemodel.json``). A clause is proposed when its probability of a kind reaches ``high``;
a clause next to a statement the terms found (or next to a proposed clause) joins it from
``low``: gold marks the whole statement ('U heeft daarnaast hartfalen, waardoor u snel vermoeid
bent'), the terms only its head. Whether a person is concerned is decided as for every
statement: a person word in the sentence, or a person found there (``reclassify``).
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import snowballstemmer

from wooflow.detect import lexicon

KINDS = ("geen", "gezondheid", "financieel", "religie", "strafrechtelijk")
# Gold categories of the annotated sets -> kind (training only).
ALONE = 0.9
"""From this probability a clause the model takes is proposed (score 0.5, the person-word score)
even when no person word stands in its sentence ('Heeft dementie (Alzheimer), gebruikt
bloedverdunners' in a missing-person log; 'Wij leven van alleen AOW'); below it such a clause stays
at 0.3, under the acceptance threshold. The model has the person word as a feature, so its
probability already weighs the missing word. Chosen leave one set out (session 12,
docs/DETECTION.md): at 0.9, +7 must-redact statements on 11 sets, no kept item lost; at 0.8 the
same recall and one kept item lost."""
GOLD_KINDS = {"health": "gezondheid", "financial_situation": "financieel", "religion": "religie",
              "criminal_record": "strafrechtelijk"}

_STEM = snowballstemmer.stemmer("dutch")
# Where a clause ends: a clause mark, or before a conjunction that starts a new clause.
_CONJUNCTIONS = {w: part for w, _, part in
                 (line.partition("|") for line in lexicon.cue_lines("clause_conjunctions.txt"))}
_BOUND = re.compile(r"[,;:()\t\[\]]|\s(?=(?i:" + "|".join(_CONJUNCTIONS) + r")\s)")
# Conjunctions left out of a statement that starts with them (data/cues/clause_conjunctions.txt).
LEAD_CONJUNCTION = re.compile(r"(?i:(?:" + "|".join(w for w, part in _CONJUNCTIONS.items() if part == "drop")
                              + r")\s+)+")
_WORD = re.compile(r"[^\W\d_][\w'’-]*|€|\d+")
_OCR = str.maketrans({"1": "l", "0": "o"})
_ABBREVIATION = re.compile(r"\b[A-Z]{2,5}\b")
# (one digit before the separator finds the same amounts as '\d+' and stays linear on a long
# run of digits, where '\d+' rescans the run from every start: 12,000 digits took 3.5 s)
_AMOUNT = re.compile(r"€\s?\d|\d[.,]\d{3}")
MIN_CHARS = 8  # a clause shorter than this ('en', 'ook') says nothing on its own
MAX_CHARS = 140  # a longer one is no single statement (a sentence without clause marks)


@dataclass(frozen=True)
class Model:
    weights: dict[str, tuple[float, ...]]  # feature -> one weight per kind
    bias: tuple[float, ...]
    high: float
    low: float


def load(raw: str) -> Model:
    data = json.loads(raw)
    if tuple(data["kinds"]) != KINDS:
        raise ValueError("clause model trained on other kinds")
    return Model({k: tuple(v) for k, v in data["weights"].items()}, tuple(data["bias"]),
                 float(data["high"]), float(data["low"]))


@lru_cache(maxsize=1)
def _packaged() -> Model | None:
    path = resources.files("wooflow.detect") / "data" / "clausemodel.json"
    if not path.is_file():
        return None
    return load(path.read_text(encoding="utf-8"))


_override: list[Model | None] = []


def use(model: Model | None) -> None:
    """Use ``model`` instead of the packaged one (leave-one-set-out evaluation); None: switch
    the step off."""
    _override[:] = [model]


def model() -> Model | None:
    return _override[0] if _override else _packaged()


_SENTENCE = re.compile(r"[^\n;.!?]+(?:[.!?](?!\s|$)[^\n;.!?]*)*")
_CELL_GAP = re.compile(r"(?<=\S)(?:\t|   +)(?=\S)")


def sentences(flat: str, cells: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """(start, end) of every sentence of ``flat[start:end]`` (soft line breaks as spaces): up to
    a full stop, question or exclamation mark before a space, a semicolon or a line break; a
    table cell (tabs or runs of spaces between words in ``cells``, the original text) is a
    sentence of its own."""
    out: list[tuple[int, int]] = []
    for sm in _SENTENCE.finditer(flat, start, len(flat) if end is None else end):
        a = sm.start()
        if "\t" in cells[sm.start() : sm.end()] or "   " in cells[sm.start() : sm.end()]:
            for c in _CELL_GAP.finditer(cells, sm.start(), sm.end()):
                if c.start() == sm.start():
                    continue  # (the gap needs a word before it inside the sentence)
                out.append((a, c.start()))
                a = c.end()
        out.append((a, sm.end()))
    return out


def clauses(flat: str, cells: str) -> list[tuple[int, int, int]]:
    """(start, end, sentence number) of every clause of ``flat`` (soft line breaks as spaces);
    ``cells`` is the original text, whose tabs and runs of spaces between words split table
    cells."""
    out: list[tuple[int, int, int]] = []
    for sentence, (a, b) in enumerate(sentences(flat, cells), 1):
        start = a
        for bm in _BOUND.finditer(flat, a, b):
            _add(flat, start, bm.start(), sentence, out)
            start = bm.end()
        _add(flat, start, b, sentence, out)
    return out


def _add(flat: str, a: int, b: int, sentence: int, out: list[tuple[int, int, int]]) -> None:
    while a < b and not flat[a].isalnum() and flat[a] != "€":
        a += 1
    while b > a and not flat[b - 1].isalnum():
        b -= 1
    if b - a >= MIN_CHARS:
        out.append((a, b, sentence))


def words(text: str) -> list[str]:
    """Lower-case words of ``text``, OCR's 1/0 inside a word read as l/o ('betaa1achterstand')."""
    out = []
    for m in _WORD.finditer(text):
        w = m.group().lower()
        if not w.isalpha() and any(c.isalpha() for c in w):
            w = w.translate(_OCR)
        out.append(w)
    return out


def _is_name(word: str) -> bool:
    """A capitalised word that is no ordinary word: a name of a person, place or organisation.
    It is no evidence of a kind, and the weights must not hold the names of the training texts."""
    return word[:1].isupper() and not (word.isupper() and len(word) <= 5) and not lexicon.is_common(word)


def _load_classes() -> tuple[dict[str, set[str]], list[tuple[str, str]], list[tuple[str, str]]]:
    """data/cues/clause_classes.txt as (word -> classes, (prefix, class), (tail, class))."""
    exact: dict[str, set[str]] = {}
    prefixes: list[tuple[str, str]] = []
    tails: list[tuple[str, str]] = []
    for line in lexicon.cue_lines("clause_classes.txt"):
        cls, _, entry = line.partition("|")
        if entry.endswith("*"):
            prefixes.append((entry[:-1], cls))
        elif entry.startswith("*"):
            tails.append((entry[1:], cls))
        else:
            exact.setdefault(entry, set()).add(cls)
    return exact, prefixes, tails


_CLASSES = _load_classes()


@lru_cache(maxsize=1 << 16)
def word_classes(word: str) -> frozenset[str]:
    """The classes of data/cues/clause_classes.txt that ``word`` (lower case) is in."""
    exact, prefixes, tails = _CLASSES
    out = set(exact.get(word, ()))
    out.update(c for p, c in prefixes if word.startswith(p))
    out.update(c for t, c in tails if word.endswith(t) and len(word) - len(t) >= 3)
    return frozenset(out)


def class_features(text: str) -> list[str]:
    """'cls:C' for every word class in ``text``, and 'cls:C&D' for every pair of them (a money
    word with a private person, a care word with a body part, a need with a negation): what the
    clause is about, in words no single annotated set has to share."""
    found: set[str] = set()
    for m in _WORD.finditer(text):
        token = m.group()
        if _is_name(token):
            continue
        for w in words(token):
            found |= word_classes(w)
    ordered = sorted(found)
    return ["cls:" + c for c in ordered] + [f"cls:{c}&{d}" for i, c in enumerate(ordered) for d in ordered[i + 1:]]


@lru_cache(maxsize=1 << 16)
def _token_features(token: str) -> tuple[str, ...]:
    """A word's features (cached: words repeat): its Snowball stem; the head and tail of a long
    word; none for a name."""
    if _is_name(token):
        return ()
    (w,) = words(token)
    out = []
    if len(w) > 2 and not w.isdigit():
        out.append("st:" + _STEM.stemWord(w))
    if len(w) >= 8 and w.isalpha():
        out += ["hd:" + w[:5], "tl:" + w[-6:]]
    return tuple(out)


def features(text: str, term_kinds: frozenset[str], person: bool, cell: bool) -> list[str]:
    """The clause's evidence: stems of its words, heads and tails of long words (compounds:
    'thuisdialyse', 'slaapmedicatie'), the kinds of listed terms in it, an amount, a person word
    in its sentence, a table cell."""
    feats: set[str] = set()
    for token in _WORD.findall(text):
        feats.update(_token_features(token))
    feats.update("ab:" + w for w in _ABBREVIATION.findall(text))
    feats.update(class_features(text))  # 'MS', 'COPD', 'ADHD'
    feats.update("term:" + k for k in term_kinds)  # '-kind': a term the rules read as no statement
    if _AMOUNT.search(text):
        feats.add("amount")
    if person:
        feats.add("person")
    if cell:
        feats.add("cell")
    return sorted(feats)


_CONTEXT_KINDS = ("term:", "cls:")


def context_features(feats: list[str]) -> list[str]:
    """The features of the clause before that say what it is about (listed terms and word
    classes, no pairs), prefixed 'nb:': a clause after 'U heeft hartfalen' that says 'waardoor u
    snel vermoeid bent' goes on with the statement."""
    return ["nb:" + f for f in feats if f.startswith(_CONTEXT_KINDS) and "&" not in f]


def with_context(clauses: list[tuple[int, int, int, list[str]]]) -> list[tuple[int, int, int, list[str]]]:
    """``clauses`` (start, end, sentence, features) with the context features of the clause
    before each in the same sentence. Only the one before: a statement goes on forward, and the
    clause that introduces one ('Daarnaast voert u aan | dat u ...', 'Hij merkt op | dat zijn
    vrouw ...') is no part of it."""
    out = []
    for i, (a, b, n, feats) in enumerate(clauses):
        extra = set(context_features(clauses[i - 1][3])) if i and clauses[i - 1][2] == n else set()
        out.append((a, b, n, sorted(set(feats) | extra) if extra else feats))
    return out


def predict(m: Model, feats: list[str]) -> tuple[str, float]:
    """The most likely kind other than 'geen' and its probability."""
    ws = [w for w in map(m.weights.get, feats) if w is not None]
    # column by column, each summed in feature order from 0 as sum(w[i] for w in ws) would: the
    # same floats to the last bit (the thresholds compare exact probabilities)
    sums = [sum(col) for col in zip(*ws, strict=True)] if ws else [0] * len(m.bias)
    scores = [b + s for b, s in zip(m.bias, sums, strict=True)]
    top = max(scores)
    exp = [math.exp(s - top) for s in scores]
    rest = exp[1:]
    k = 1 + rest.index(max(rest))  # the first largest, as max(..., key=) picks
    return KINDS[k], exp[k] / sum(exp)


def strongest(m: Model, feats: list[str], kind: str) -> list[str]:
    """The (at most three) features that raised ``kind`` over 'geen' most."""
    k = KINDS.index(kind)
    return sorted((f for f in feats if f in m.weights and m.weights[f][k] - m.weights[f][0] > 0.3),
                  key=lambda f: m.weights[f][0] - m.weights[f][k])[:3]


def evidence(why: list[str]) -> str:
    """Dutch words for the features that fired ("'huisarts', 'opgenomen'")."""
    names = []
    for f in why:
        kind, _, value = f.partition(":")
        if kind == "term":
            names.append(f"samenstelling met term {value[1:]}" if value[:1] == "~" else f"term {value}")
        elif kind in ("st", "ab"):
            names.append(f"'{value}'")
        elif kind == "hd":
            names.append(f"'{value}…'")
        elif kind == "tl":
            names.append(f"'…{value}'")
        elif kind == "nb":
            names.append("buurzin: " + evidence([value]))
        elif kind == "cls":
            names.append("woordklasse " + value.replace("&", " + "))
        else:
            names.append({"amount": "bedrag", "person": "persoon in de zin", "cell": "tabelcel"}.get(f, f))
    return ", ".join(names)

