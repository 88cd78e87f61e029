"""One decision per person candidate, from all its evidence together, by a learned combiner.

Every candidate span the person recognizers propose (rule mentions, the model's own spans,
mentions propagated case-wide from another document) is scored by the name model over the
whole text, and its evidence becomes a feature vector: the model's token probabilities, the
rule's own confidence and kind (name-list evidence only, propagated, model only, a strong
form), the word shapes (initials, ordinary words, places, organisation words, capitals) and
where it stands (sentence start, running prose or a form). Gradient-boosted trees trained on annotated real text
(CoNLL-2002 Dutch news through fold models that never saw each document, the real Woo
documents of ``woo-real-dev`` and the blind Woo batches; ``training/train_resolver.py``)
give the probability that the candidate is a person; below the threshold it is dropped. Trees,
not one weighted sum: the model's probability means much in running prose and little in a form
or an e-mail header, and list evidence the reverse; that is an interaction a sum cannot hold.

Lists and cues are evidence here, not verdicts: a place name on a surname list ('Israël',
'Camp David') with a model that reads a place is dropped, an unlisted foreign name the model
reads as a person ('Arafat') stays. Keep/redact (public role) is decided elsewhere; this step
only answers "is this a person". The weights are data (``data/resolver.json``, with the
training figures and sources); none are set by hand.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from wooflow.detect import lexicon, startpack
from wooflow.detect.personcues import PREP_BEFORE, _org_before, _orgish

if TYPE_CHECKING:
    from wooflow.detect.namemodel import Reading
    from wooflow.detect.recognizers.person import Mention

FEATURES = (
    "bias", "p_mean", "p_min", "p_mean_sq", "rule_score", "model_only", "list_only", "propagated",
    "strong", "words", "one_word", "initials", "any_common", "all_common", "place", "org_word",
    "all_caps", "sentence_start", "public", "listed_name", "prep_before", "org_before", "org_after",
    "model_org", "model_loc", "model_misc", "model_only_one_word", "model_only_p", "zipf_nl", "zipf_en",
    "wordlike", "model_only_listed", "doc_prose", "prose_p", "prose_model_only", "list_only_p", "propagated_p",
    "rule_p", "prose_rule_score", "prose_list_only", "prose_propagated", "model_repeats", "model_repeat_p",
    "anchored",
)
LIST_ONLY = frozenset({"naam (namenlijst)", "voornaam (namenlijst)", "achternaam (namenlijst)"})
_SENT_START = re.compile(r"(?:^|[.!?:;]\s+|\n\s*)$")
_INITIAL = re.compile(r"^(?:[A-Z]\.)+$|^[A-Z]{1,3}\.?$")

COLLECT: list[dict[str, Any]] | None = None
"""When a list (training only): every candidate's features are appended and nothing is dropped."""


Tree = float | list[Any]
"""A regression tree: a leaf value, or [feature index, threshold, subtree if x < threshold, else]."""


def _leaf(tree: Tree, x: list[float]) -> float:
    while isinstance(tree, list):
        tree = tree[2] if x[tree[0]] < tree[1] else tree[3]
    return tree


def _expr(tree: Tree) -> str:
    """A tree as one Python conditional expression over ``x`` (exact: floats by repr)."""
    if not isinstance(tree, list):
        return repr(float(tree))
    feature, threshold, left, right = tree
    return f"({_expr(left)} if x[{int(feature)}] < {float(threshold)!r} else {_expr(right)})"


def _compile(base: float, trees: tuple[Tree, ...]) -> Callable[[list[float]], float]:
    """The log-odds of all trees as one compiled function: the same sums as walking each tree
    with :func:`_leaf`, in the same order, about 30 times faster (the resolver scores every
    candidate, so this is a measurable share of detection time). The source is generated from
    the weights data, never from input."""
    body = f"{float(base)!r} + ({' + '.join(['0.0', *(_expr(t) for t in trees)])})"
    namespace: dict[str, Any] = {}
    # (the code object comes from the start-up pack when it holds this very source: startpack.py)
    exec(startpack.compiled(f"def log_odds(x):\n    return {body}\n", "<resolver trees>"), namespace)  # noqa: S102
    fn: Callable[[list[float]], float] = namespace["log_odds"]
    return fn


@dataclass(frozen=True, slots=True)
class Combiner:
    """Gradient-boosted trees over the evidence features (log-odds = base + sum of leaves)."""

    base: float
    trees: tuple[Tree, ...]
    threshold: float
    log_odds: Callable[[list[float]], float] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "log_odds", _compile(self.base, self.trees))

    def probability(self, x: list[float]) -> float:
        z = self.log_odds(x)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


_override: Combiner | None = None


def use(combiner: Combiner | None) -> None:
    """Use ``combiner`` instead of the packaged one (evaluation with fold combiners)."""
    global _override
    _override = combiner


def load(raw: str) -> Combiner:
    data = json.loads(raw)
    if tuple(data["features"]) != FEATURES:
        raise ValueError("resolver weights were trained on other features")
    return Combiner(float(data["base"]), tuple(data["trees"]), float(data["threshold"]))


@lru_cache(maxsize=1)
def _packaged() -> Combiner | None:
    path = Path(__file__).resolve().parent / "data" / "resolver.json"
    if not path.is_file():
        return None
    return load(path.read_text(encoding="utf-8"))


def combiner() -> Combiner | None:
    return _override if _override is not None else _packaged()


# The next word, across a line break too: PDF text breaks names of bodies over lines and
# paragraphs ('Beatrix' / 'Kinderziekenhuis').
_NEXT_WORD = re.compile(r"\s+([A-Z][\w-]+)")


@lru_cache(maxsize=1)
def _frequencies() -> tuple[Mapping[str, int], Mapping[str, int]]:
    """Word frequencies (Zipf, Dutch and English) from the name model's lists."""
    from wooflow.detect.namemodel import PersonNameModel

    try:
        gaz = PersonNameModel.load().featurizer.gaz
    except Exception:  # noqa: BLE001 - no model: no frequencies
        return {}, {}
    return getattr(gaz, "zipf_nl", {}), getattr(gaz, "zipf_en", {})


MODEL_FULL_NAME = 0.6
"""Model probability from which a full name with a listed given name stays a person."""


def _listed_full_name(text: str) -> bool:
    """Two to four capitalised words opening with a listed given name, the last no street
    ('Karel Doormanlaan': a street named after someone)."""
    words = text.split()
    last = words[-1].lower() if words else ""
    street = last.endswith(lexicon.cue_lines("street_suffixes.txt")) and not lexicon.is_surname(words[-1])
    return 2 <= len(words) <= 4 and lexicon.is_first_name(words[0]) and not lexicon.is_common(words[0]) \
        and all(w[:1].isupper() for w in words) and not street


def frequencies_nl() -> Mapping[str, int]:
    """Dutch word frequencies (Zipf, rounded) from the name model's lists."""
    return _frequencies()[0]


def prose_share(text: str) -> float:
    """Share of the text's lines that are running prose (60+ characters ending a sentence):
    news and notas are prose, e-mail headers, forms, registers and minutes' lists are not; the
    model, trained on prose, is the better judge in prose."""
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    if not lines:
        return 0.0
    return sum(1 for ln in lines if len(ln) >= 60 and ln[-1] in ".!?\"'") / len(lines)


def model_votes(text: str, reading: Reading) -> dict[str, tuple[int, float]]:
    """How often the model reads each name as a person in this text, and how sure it is on
    average: a name the model tags again and again is a person even where each tag is weak."""
    acc: dict[str, list[float]] = {}
    for s, e, p in reading.spans:
        acc.setdefault(text[s:e], []).append(p)
    return {k: (len(v), sum(v) / len(v)) for k, v in acc.items()}


def anchor_words(mentions: list[Mention]) -> set[str]:
    """Name words of the full names a rule found in this text ('Aan: Oosterhuis, M.', 'R. Oei'):
    a later mention of one of them alone ('door Oosterhuis') is anchored to a person."""
    out: set[str] = set()
    for m in mentions:
        if m.recognizer in ("person-model", "consistency") or m.reason in LIST_ONLY or m.score < 0.85:
            continue
        words = [w.strip(".,;:()'\"") for w in m.text.split()]
        if len(words) >= 2:
            out.update(w for w in words if len(w) > 1 and w[:1].isupper())
    return out


def _ordinary(word: str) -> bool:
    """An ordinary Dutch word: on the common-word list or frequent in Dutch text (Zipf >= 4)."""
    return lexicon.is_common(word) or _frequencies()[0].get(word.lower(), 0) >= 4


def _full_name_words(decided: list[tuple[Mention, float]], threshold: float) -> dict[str, float]:
    """The surname (last name word) of every full name decided as a person, with the decision's
    probability: a name of two or more words, not kept public, at or above the threshold."""
    out: dict[str, float] = {}
    for m, p in decided:
        if p < threshold or m.public is not None:
            continue
        words = [w.strip(".,;:()'\"") for w in m.text.replace(",", " ").split()]
        names = [w for w in words if len(w) > 1 and w[:1].isupper() and not _INITIAL.match(w)]
        if len(words) >= 2 and names:
            # 'Oosterhuis, M.': the surname stands first; 'M. Oosterhuis', 'Jan van Dijk': last
            surname = names[0] if "," in m.text else names[-1]
            if lexicon.is_surname(surname) or not _ordinary(surname):
                out[surname] = max(out.get(surname, 0.0), p)
    return out


def features(text: str, m: Mention, reading: Reading, prose: float = 0.0,
             votes: dict[str, tuple[int, float]] | None = None, anchors: set[str] | None = None) -> list[float]:
    toks = reading.inside(m.start, m.end)
    ps = [t[2] for t in toks]
    p_mean, p_min = (sum(ps) / len(ps), min(ps)) if ps else (0.0, 0.0)
    types = [t[3] for t in toks] or ["O"]
    model_only = float(m.recognizer == "person-model")
    nxt = _NEXT_WORD.match(text, m.end)
    words = m.text.split()
    plain = [w.strip(".,;:()'\"") for w in words]
    plain = [w for w in plain if w]
    places = lexicon.places()
    before = text[max(0, m.start - 4) : m.start]
    listed = float(any((lexicon.is_first_name(w) or lexicon.is_surname(w)) and not lexicon.is_common(w) for w in plain))
    zipf_nl, zipf_en = _frequencies()
    rule_score = m.score if not model_only else 0.0
    list_only = float(m.reason in LIST_ONLY)
    propagated = float(m.recognizer == "consistency")
    repeats, repeat_p = (votes or {}).get(m.text, (0, 0.0))
    return [
        1.0, p_mean, p_min, p_mean * p_mean, rule_score, model_only, list_only, propagated, float(m.strong),
        min(len(words), 4) / 4.0, float(len(words) == 1),
        float(any(_INITIAL.match(w) for w in words)),
        float(any(lexicon.is_common(w) for w in plain)),
        float(bool(plain) and all(lexicon.is_common(w) for w in plain)),
        float(m.text in places or any(w in places for w in plain)),
        float(any(_orgish(w) for w in plain if w[:1].isupper())),
        float(any(len(w) > 1 and w.isupper() for w in plain)),
        float(bool(_SENT_START.search(before)) or m.start == 0), float(m.public is not None),
        listed,
        float(bool(PREP_BEFORE.search(text[max(0, m.start - 20) : m.start]))), float(_org_before(text, m.start)),
        float(nxt is not None and _orgish(nxt.group(1)) and not lexicon.is_surname(nxt.group(1))),
        types.count("ORG") / len(types), types.count("LOC") / len(types), types.count("MISC") / len(types),
        model_only * float(len(words) == 1), model_only * p_mean,
        max((zipf_nl.get(w.lower(), 0) for w in plain), default=0) / 7.0,
        max((zipf_en.get(w.lower(), 0) for w in plain), default=0) / 7.0,
        float(any(lexicon.is_wordlike(w) for w in plain)), model_only * listed,
        prose, prose * p_mean, prose * model_only, list_only * p_mean, propagated * p_mean,
        (1.0 - model_only) * p_mean, prose * rule_score, prose * list_only, prose * propagated,
        min(repeats, 10) / 10.0, repeat_p,
        float(bool(anchors) and bool(plain) and plain[-1] in (anchors or set()) and len(plain) <= 2),
    ]


def decide(text: str, mentions: list[Mention], reading: Reading | None, only: set[int] | None = None,
           source: str = "", context: list[Mention] | None = None) -> list[Mention]:
    """The mentions the combiner reads as persons (all of them when no model or weights are
    available). ``only``: ids of the mentions to judge (the others pass unchanged);
    ``context``: the text's mentions already decided (anchors for propagated ones)."""
    comb = combiner()
    if reading is None or (comb is None and COLLECT is None):
        return mentions
    prose = prose_share(text) if mentions else 0.0
    votes = model_votes(text, reading)
    anchors = anchor_words(mentions + (context or []))
    judged: list[tuple[Mention, float, float]] = []
    for m in mentions:
        if only is not None and id(m) not in only:
            continue
        x = features(text, m, reading, prose, votes, anchors)
        if COLLECT is not None:
            COLLECT.append({"x": x, "start": m.start, "end": m.end, "text": m.text, "source": source,
                            "doc": hash(text)})
            continue
        assert comb is not None
        judged.append((m, comb.probability(x), x[1]))
    if COLLECT is not None:
        return mentions
    assert comb is not None
    # One decision per person in a text: the same name read as a person at one place is that
    # person at every place ('Yusuf's naam' ... 'Yusuf boa: ok'): the mean of its mentions'
    # probabilities decides for all of them.
    group: dict[str, list[float]] = {}
    for m, p, _ in judged:
        group.setdefault(m.text, []).append(p)
    # A surname alone is the person whose full name the text or the case already holds as a
    # person ('Aan: Oosterhuis, M.' ... 'door Oosterhuis'): it takes that person's decision.
    # Never an ordinary word ('Hij', 'Eén' at the end of a wrongly joined mention).
    persons = _full_name_words([(m, sum(group[m.text]) / len(group[m.text])) for m, _, _ in judged]
                               + [(m, m.resolved) for m in (context or []) if m.resolved is not None],
                               comb.threshold)
    drop: set[int] = set()
    for m, p, model_p in judged:
        m.resolved = p = sum(group[m.text]) / len(group[m.text])
        word = m.text.strip(".,;:()'\"")
        if p < comb.threshold and m.public is None and " " not in word and word in persons:
            m.resolved = p = persons[word]
            m.reason += f"; zelfde persoon als een volledige naam in de tekst of de zaak (kans {p:.2f})"
        if p < comb.threshold and m.recognizer == "person-model" and model_p >= MODEL_FULL_NAME \
                and m.public is None and _listed_full_name(m.text):
            # the combiner does not overrule the model where it is sure of a full name with a
            # listed given name ('Correspondent Kees Broere in de Volkskrant')
            m.resolved = p = comb.threshold
            m.reason += "; volledige naam waarvan het namenmodel zeker is"
        if p < comb.threshold:
            drop.add(id(m))
            continue
        # The finding's score is the resolver's, rescaled so that its threshold sits at the
        # detector's 0.5 (min_score) and a sure person near 1 (the acceptance policy's 0.9).
        m.score = round(0.5 + 0.5 * (p - comb.threshold) / max(1e-9, 1.0 - comb.threshold), 4)
        m.reason += f"; persoon volgens beslisser (kans {p:.2f}, namenmodel {model_p:.2f})"
    out = [m for m in mentions if id(m) not in drop]
    return out
