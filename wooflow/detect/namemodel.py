"""Statistical Dutch person-name model: a linear-chain CRF (python-crfsuite).

Lists alone miss most names in running text, so this model learns name context from the
CoNLL-2002 Dutch NER data (see docs/NAMEMODEL.md). The features live in
:mod:`wooflow.detect.namefeatures`, not in the training script, so training and run time can never
drift apart. The hand-written tokenizer is
needed because the model must see CoNLL-like tokens (initials "J." kept whole, punctuation split)
while we keep character offsets into the raw text; no installed library does both cheaply.
"""

from __future__ import annotations

import bisect
import gzip
import json
import re
from array import array
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

import pycrfsuite

from wooflow.detect.namefeatures import _DATA as _DATA
from wooflow.detect.namefeatures import (  # noqa: F401 (re-exported for training/tests)
    _INITIALS_RE,
    _NAME_NEVER_ENDS,
    _SENT_END,
    TITLE_WORDS,
    TUSSENVOEGSELS,
    DocContext,
    Featurizer,
    Gazetteers,
    NameModelError,
    parse_seen,
)
from wooflow.detect.neuralnames import (
    NN_MODEL_FILE,
    NN_VOCAB_FILE,
    EnsembleParams,
    NeuralTagger,
    combine,
)

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

FEATURES_VERSION = "10"
MODEL_FILE = "namemodel.crfsuite"
META_FILE = "namemodel.json"
ATTRS_FILE = "namemodel.attrs.gz"
BLOCK_CHARS = 100_000
"""Scope of document-level evidence in raw text; bounds memory on very large inputs."""
MAX_SENTENCE_TOKENS = 120
"""Longer token runs are cut so time and memory stay linear on text without punctuation."""

# Token pattern, tried left to right: e-mail/URL (kept whole so they never look like names),
# titles with a period, initials ("J.", "J.B.", "Th."), words with inner hyphens/apostrophes,
# numbers, then any other single visible character.
_ABBREV = (
    r"(?:dhr|mevr|mr|mw|dr|drs|ir|ing|prof|ds|bc|mej|st|sr|jr|nr|ca|bijv|o\.a|i\.p\.v|t\.a\.v)\."
)
_TOKEN_RE = re.compile(
    # (an address's local part is at most 64 characters; bounded, the alternative no longer
    # rescans a long run of letters, dots or hyphens from every token start: quadratic before)
    r"[\w.+-]{1,100}@[\w-]+(?:\.[\w-]+)+"
    r"|(?:https?://|www\.)\S+"
    r"|(?i:" + _ABBREV + r")(?!\w)"
    r"|(?:[A-Z][a-z]?\.){1,4}(?![^\W\d_])"
    r"|'[st](?![^\W\d_])"
    r"|[^\W\d_]+(?:['’-][^\W\d_]+)*"
    r"|\d+(?:[.,:/-]\d+)*"
    r"|\.\.\."
    r"|[^\s\w]"
    r"|_+"
)
_ABBREV_RE = re.compile(r"(?i:" + _ABBREV + r")")
_JOINERS = TUSSENVOEGSELS - {"in", "het", "op", "te", "la", "le"}
"""Tussenvoegsels that may join a first name to a surname ("in", "op", "te" are usually
prepositions between two names: "Barak in Camp David")."""


def tokenize(text: str) -> list[tuple[str, int, int]]:
    """Split raw text into (token, start, end) keeping character offsets."""
    return [(m.group(), m.start(), m.end()) for m in _TOKEN_RE.finditer(text)]


def sentences(text: str) -> list[list[tuple[str, int, int]]]:
    """Tokenise and split on newlines, tabs and sentence punctuation, in linear time."""
    return list(_iter_sentences(text))


_TOKEN_OR_BREAK_RE = re.compile(_TOKEN_RE.pattern + r"|([\r\n\t]+)")
"""Tokens and line/cell breaks in one scan (lines and tab-separated cells end a sentence: a
name never runs across a table cell boundary). No token alternative matches a break character and
none looks past its own match but for letters (a break is none), so the tokens are exactly
those of scanning line by line; the break is the pattern's only group."""


def _iter_sentences(text: str, candidates: bool = False) -> Iterator[list[tuple[str, int, int]]]:
    """:func:`sentences` one at a time (memory: a long text is never held as tokens whole).
    ``candidates``: only sentences with a capitalised token (:func:`_has_candidate`)."""
    cur: list[tuple[str, int, int]] = []
    cap = not candidates
    # (speed: one scan of the whole text, breaks matched as tokens, instead of one per line)
    for m in _TOKEN_OR_BREAK_RE.finditer(text):
        if m.lastindex:  # a line or cell break ends the sentence
            if cur:
                if cap:
                    yield cur
                cur = []
                cap = not candidates
            continue
        tok = m.group()
        start, end = m.span()
        cur.append((tok, start, end))
        if not cap and tok[:1].isupper():
            cap = True
        if tok in _SENT_END or len(cur) >= MAX_SENTENCE_TOKENS:
            if cap:
                yield cur
            cur = []
            cap = not candidates
    if cur and cap:
        yield cur


def _has_candidate(toks: Sequence[str]) -> bool:
    """A sentence without any capitalised word cannot hold a name the model would find."""
    return any(t[:1].isupper() for t in toks)


def _blocks(sents: Iterable[list[tuple[str, int, int]]]) -> Iterator[list[list[tuple[str, int, int]]]]:
    """Group sentences into blocks of ~BLOCK_CHARS: the scope of document-level evidence."""
    block: list[list[tuple[str, int, int]]] = []
    begin = 0
    for sent in sents:
        if block and sent[-1][2] - begin > BLOCK_CHARS:
            yield block
            block = []
        if not block:
            begin = sent[0][1]
        block.append(sent)
    if block:
        yield block


class PersonNameModel:
    """Finds person names in Dutch text with the packaged CRF."""

    def __init__(
        self,
        model_path: str,
        gaz: Gazetteers,
        meta: dict[str, object],
        known: frozenset[str] | None = None,
        neural: NeuralTagger | None = None,
    ) -> None:
        self.meta = meta
        self.neural = neural
        """The network averaged with the CRF (None: CRF alone)."""
        self.ensemble = EnsembleParams(**neural.vocab.get("ensemble", {})) if neural else None
        self.featurizer = Featurizer(gaz, known, encode=True)
        self._tagger = pycrfsuite.Tagger()
        try:
            self._tagger.open(model_path)
        except (OSError, ValueError) as exc:
            raise NameModelError(f"naammodel onleesbaar: {model_path}: {exc}") from exc
        self.use_doc = bool(meta.get("document_features", True))
        self.vote = bool(meta.get("vote_types", True))
        """Make entity types consistent within a document (see :func:`vote_types`)."""

    @classmethod
    def load(cls) -> PersonNameModel:
        """The packaged model, loaded once per process."""
        return _load_packaged()

    @classmethod
    def from_files(cls, model_path: Path, meta_path: Path | None = None) -> PersonNameModel:
        """A model from explicit files (training and evaluation); lists from beside it."""
        meta: dict[str, object] = {}
        if meta_path is not None and meta_path.exists():
            meta = json.loads(meta_path.read_text(encoding="utf-8"))
        attrs = model_path.parent / ATTRS_FILE
        known = read_attrs(attrs.read_bytes()) if attrs.exists() else None
        gaz = Gazetteers.load(model_path.parent)
        return cls(str(model_path), gaz, meta, known, _neural(model_path.parent, gaz))

    def use_neural(self, folder: Path, params: EnsembleParams | None = None) -> None:
        """Average the CRF with the network in ``folder`` (evaluation of a trained network
        that does not ship); ``params`` override the ones in its vocabulary file."""
        neural = _neural(folder, self.featurizer.gaz)
        if neural is None:
            raise NameModelError(f"geen neuraal naammodel in {folder}")
        self.neural = neural
        self.ensemble = params or EnsembleParams(**neural.vocab.get("ensemble", {}))

    @property
    def version(self) -> str:
        """Model version from the metadata file."""
        return str(self.meta.get("version", "unknown"))

    def _tag_block(
        self, words: Sequence[Sequence[str]], all_probs: bool, doc: DocContext | None = None,
        unknown: float = 0.0,
    ) -> tuple[list[list[str]], list[list[float]]]:
        """Labels and P(person) per token for the sentences of one document or block.

        Without the network, probabilities are computed only for tagged tokens unless
        ``all_probs`` (the others get ``unknown``); with it, the CRF marginals of every token
        feed the average. ``doc``: the block's document context when the caller made it.
        """
        if doc is None and self.use_doc:
            doc = DocContext(words, self.featurizer.gaz)
        sentence = self.featurizer.sentence
        tagger = self._tagger
        ens = self.ensemble
        tagged: list[list[str]] = []
        probs: list[list[float]] = []
        marg: dict[int, tuple[list[float], list[float]]] = {}
        # A sentence repeated in the block (e-mail headers and signatures of a thread) has the
        # same features, so the same labels and probabilities: tagged once.
        done: dict[tuple[str, ...], tuple[list[str], list[float]]] = {}
        marginal = tagger.marginal
        for i, toks in enumerate(words):
            if ens is None:
                key = tuple(toks)
                hit = done.get(key)
                if hit is not None:
                    tagged.append(list(hit[0]))
                    probs.append(list(hit[1]))
                    continue
            tags = tagger.tag(sentence(toks, doc))
            tagged.append(tags)
            if ens is not None:
                b = [marginal("B-PER", k) for k in range(len(tags))]
                c = [marginal("I-PER", k) for k in range(len(tags))]
                p = [x + y for x, y in zip(b, c, strict=False)]
                if max(p, default=0.0) >= ens.gate:
                    marg[i] = (b, c)
            else:
                if all_probs:
                    p = [marginal("B-PER", k) + marginal("I-PER", k) for k in range(len(tags))]
                else:
                    p = [marginal("B-PER", k) + marginal("I-PER", k) if tag != "O" else unknown
                         for k, tag in enumerate(tags)]
                done[key] = (tags, p)
            probs.append(p)
        if ens is not None and self.neural is not None and marg:
            order = sorted(marg)
            nets = self.neural.probs([words[i] for i in order])
            for i, net in zip(order, nets, strict=False):
                b, c = marg[i]
                tagged[i], probs[i] = combine(tagged[i], b, c, net, self.neural.labels, ens)
        return tagged, probs

    def tag_document(self, sents: Sequence[Sequence[str]]) -> list[list[str]]:
        """BIO labels (PER, ORG, LOC, MISC) for pre-tokenised sentences of one document.

        Sentences without a capitalised word are labelled O without running the CRF, and
        entity types are made consistent within the document, exactly as :meth:`spans` does,
        so evaluation measures what run time does.
        """
        out: list[list[str]] = [["O"] * len(toks) for toks in sents]
        keep = [i for i, toks in enumerate(sents) if toks and _has_candidate(toks)]
        words = [sents[i] for i in keep]
        tagged, _ = self._tag_block(words, False)
        if self.vote:
            tagged = vote_types(words, tagged, self.featurizer.gaz.common)
        tagged = tidy_persons(words, tagged, self.featurizer.gaz)
        for j, tags in zip(keep, tagged, strict=False):
            out[j] = tags
        return out

    def tag_tokens(self, tokens: Sequence[str]) -> list[str]:
        """BIO labels for one pre-tokenised sentence (the sentence is its own document)."""
        return self.tag_document([tokens])[0]

    def spans(self, text: str, threshold: float | None = None) -> list[tuple[int, int, float]]:
        """Character spans (start, end, probability) of person names in raw text.

        The score is the lowest per-token marginal probability of being part of a person
        name over the span; for a span typed PER by the document vote, a token's probability
        is the mean over its mentions in the block. With ``threshold`` set, tokens whose
        person probability reaches it are also reported (more recall, less precision).
        """
        result: list[tuple[int, int, float]] = []
        for sent, tags, prob, _ in self._labelled(text, threshold is not None):
            if threshold is not None or "B-PER" in tags or "I-PER" in tags:
                result += _person_spans(sent, tags, prob, threshold)
        return result

    def _labelled(
        self, text: str, all_probs: bool, lazy: bool = False
    ) -> Iterator[tuple[list[tuple[str, int, int]], list[str], list[float], DocContext | None]]:
        """Each sentence of ``text`` that may hold a name, with its final labels (document
        vote and person tidying applied), per-token person probabilities and its block's
        document context. ``lazy`` (with ``all_probs``): an untagged token's probability is NaN,
        computed only when asked for (:meth:`probs_of`); every person-labelled token's is there."""
        sents = _iter_sentences(text, candidates=True)
        lazy = lazy and all_probs and self.ensemble is None
        for block in _blocks(sents):
            words = [[t[0] for t in s] for s in block]
            doc = DocContext(words, self.featurizer.gaz) if self.use_doc else None
            tagged, probs = self._tag_block(words, all_probs and not lazy, doc, _NAN if lazy else 0.0)
            if self.vote:
                voted = vote_types(words, tagged, self.featurizer.gaz.common)
                probs = _mention_probs(words, tagged, voted, probs)
                tagged = voted
            tagged = tidy_persons(words, tagged, self.featurizer.gaz)
            if lazy:
                # tidying may join an untagged tussenvoegsel to a person span ('Dries van den
                # Abeele'): a person token's probability is read at once, so it is computed here
                # (only NaN entries: a token re-typed by the vote keeps its mentions' mean)
                for i, (tags, ps) in enumerate(zip(tagged, probs, strict=False)):
                    if any(p != p and t != "O" for t, p in zip(tags, ps, strict=False)):
                        fresh = self.probs_of(words[i], doc)
                        probs[i] = [f if p != p else p for p, f in zip(ps, fresh, strict=False)]
            yield from zip(block, tagged, probs, [doc] * len(block), strict=False)

    def probs_of(self, words: Sequence[str], doc: DocContext | None) -> list[float]:
        """Every token's P(person) in one sentence of a block with document context ``doc``:
        the same features, so the same marginals as when the block was tagged."""
        tagger = self._tagger
        n = len(tagger.tag(self.featurizer.sentence(words, doc)))
        marginal = tagger.marginal
        return [marginal("B-PER", k) + marginal("I-PER", k) for k in range(n)]


    def read(self, text: str) -> Reading:
        """The model's reading of a whole text in one pass: its person spans (as :meth:`spans`)
        and every token's probability of being part of a person name (the resolver's evidence
        for candidates the model did not tag)."""
        spans: list[tuple[int, int, float]] = []
        reading = Reading(spans, array("q"), array("q"), array("d"), [], _Pending(self, text))
        starts, ends, probs, types = reading.starts, reading.ends, reading.probs, reading.types
        pending = reading.pending
        for sent, tags, prob, doc in self._labelled(text, True, lazy=pending is not None):
            if "B-PER" in tags or "I-PER" in tags:
                # an abbreviation ('T.a.v.', 'Dhr.') is never a name, whatever its shape
                spans += [sp for sp in _person_spans(sent, tags, prob, None)
                          if not _ABBREV_RE.fullmatch(text[sp[0] : sp[1]])]
            n = min(len(sent), len(prob), len(tags))
            if pending is not None and prob.count(_NAN):  # NaN is not equal to itself: counts by identity
                pending.add(len(starts), len(starts) + n, doc)
            starts.extend([t[1] for t in sent[:n]])
            ends.extend([t[2] for t in sent[:n]])
            probs.extend(prob[:n])
            types.extend([_TYPE_OF.get(t) or t[2:] or "O" for t in tags[:n]])
        return reading


_TYPE_OF = {f"{io}-{typ}": typ for io in "BI" for typ in ("PER", "ORG", "LOC", "MISC")} | {"O": "O"}
"""Entity type of a label (one shared string per type)."""


_NAN = float("nan")
"""An untagged token's probability not computed yet (one object: ``list.count`` finds it)."""


class _Pending:
    """Sentences of a reading whose untagged tokens' probabilities are not computed yet.

    Speed only: of the CRF's two marginal calls for every token, the resolver reads only the
    few that fall inside a candidate; a sentence is tagged again (same features, same block
    context, so the same numbers to the last bit) the first time one of its tokens is asked for.
    """

    __slots__ = ("model", "text", "firsts", "lasts", "docs")

    def __init__(self, model: PersonNameModel, text: str) -> None:
        self.model, self.text = model, text
        self.firsts = array("q")
        self.lasts = array("q")
        self.docs: list[DocContext | None] = []

    def add(self, first: int, last: int, doc: DocContext | None) -> None:
        self.firsts.append(first)
        self.lasts.append(last)
        self.docs.append(doc)

    def fill(self, reading: Reading, i: int) -> None:
        """Compute the probabilities of the sentence holding token ``i``."""
        k = bisect.bisect_right(self.firsts, i) - 1
        first, last = self.firsts[k], self.lasts[k]
        text, starts, ends = self.text, reading.starts, reading.ends
        words = [text[starts[j] : ends[j]] for j in range(first, last)]
        probs = self.model.probs_of(words, self.docs[k])
        for j in range(first, last):
            if reading.probs[j] != reading.probs[j]:
                reading.probs[j] = probs[j - first]


@dataclass(frozen=True, slots=True)
class Reading:
    """What the model read in a text: person spans and per-token person probabilities
    (tokens of sentences without a capitalised word are absent: probability 0). Tokens are
    kept column-wise in arrays: a long text's reading stays small in memory."""

    spans: list[tuple[int, int, float]]
    starts: array[int]
    ends: array[int]
    probs: array[float]
    types: list[str]
    """Per token: start, end, P(person), entity type the model gave (PER, ORG, LOC, MISC or O)."""
    pending: _Pending | None = None
    """Where ``probs`` holds NaN: computed on first use (see :class:`_Pending`)."""

    def inside(self, start: int, end: int) -> list[tuple[int, int, float, str]]:
        """The tokens inside ``start:end``."""
        starts, probs = self.starts, self.probs
        i = bisect.bisect_left(starts, start)
        out = []
        while i < len(starts) and starts[i] < end:
            p = probs[i]
            if p != p and self.pending is not None:
                self.pending.fill(self, i)
                p = probs[i]
            out.append((starts[i], self.ends[i], p, self.types[i]))
            i += 1
        return out

    def prob(self, start: int, end: int) -> tuple[float, float]:
        """Mean and lowest person probability of the tokens inside ``start:end``."""
        ps = [t[2] for t in self.inside(start, end)]
        if not ps:
            return 0.0, 0.0
        return sum(ps) / len(ps), min(ps)


def _entities(labels: Sequence[str]) -> list[tuple[int, int, str]]:
    """(start, end, type) token spans from IOB1/IOB2 labels."""
    if labels.count("O") == len(labels):
        return []  # (speed: most sentences hold no entity)
    out = []
    start, typ = -1, ""
    for i, lab in enumerate([*labels, "O"]):
        cur = lab[2:] if lab != "O" else ""
        if start >= 0 and (cur != typ or lab.startswith("B-")):
            out.append((start, i, typ))
            start = -1
        if cur and start < 0:
            start, typ = i, cur
    return out


def vote_types(
    words: Sequence[Sequence[str]],
    labels: Sequence[Sequence[str]],
    common: frozenset[str] = frozenset(),
) -> list[list[str]]:
    """Give each entity the type its capitalised words have most often in the document.

    Names are consistent within a document (deduce does the same for persons): a surname
    tagged PER in three mentions and ORG in a fourth is a person there too. Ties keep the
    CRF's own type. A capitalised word that is a person at least twice (and mostly) is
    also a person where the CRF left it untagged, unless it is a common word.
    """
    votes: dict[str, dict[str, int]] = {}
    found = [_entities(labs) for labs in labels]
    for toks, ents in zip(words, found, strict=False):
        for a, b, typ in ents:
            for k in range(a, b):
                if toks[k][:1].isupper():
                    c = votes.setdefault(toks[k], {})
                    c[typ] = c.get(typ, 0) + 1
    out = []
    for toks, labs, ents in zip(words, labels, found, strict=False):
        new = list(labs)
        for a, b, typ in ents:
            tally: dict[str, int] = {}
            for k in range(a, b):
                for t, v in votes.get(toks[k], {}).items():
                    tally[t] = tally.get(t, 0) + v
            if tally and tally.get(typ, 0) < max(tally.values()):
                best = max(sorted(tally), key=lambda t: tally[t])
                new[a:b] = ["B-" + best] + ["I-" + best] * (b - a - 1)
        out.append(new)
    persons = {
        w for w, c in votes.items()
        if c.get("PER", 0) >= 2 and c["PER"] == max(c.values()) and len(w) > 2
        and w.lower() not in common and w.lower() not in TUSSENVOEGSELS
    }
    for toks, new in zip(words, out, strict=False) if persons else ():
        for k, tok in enumerate(toks):
            if new[k] == "O" and tok in persons:
                new[k] = "I-PER" if k and new[k - 1].endswith("PER") else "B-PER"
    return out


def _is_title(tok: str) -> bool:
    low = tok.lower()
    if tok.isupper():
        return False  # "MR", "DS": abbreviations or initials, not titles
    return low in TITLE_WORDS or ("-" in low and low.rsplit("-", 1)[1] in TITLE_WORDS)


def _given_names(toks: Sequence[str], gaz: Gazetteers | None) -> bool:
    """Only first names or initials: a name that still needs its surname."""
    return all(
        _INITIALS_RE.match(t) or (gaz is not None and t.lower() in gaz.first) for t in toks
    )


def tidy_persons(
    words: Sequence[Sequence[str]],
    labels: Sequence[Sequence[str]],
    gaz: Gazetteers | None = None,
) -> list[list[str]]:
    """Fix person-span edges the CRF gets wrong in ways Dutch name structure rules out.

    Title and role words ("Minister", "dhr.", "KNVB-woordvoerder") are context, not name:
    redacting "Minister Helder" as a name would hide the public role the reader must see.
    A function word cannot end a name ("Marc Schoetens Het"). A first name (or initials) and a
    person span joined only by tussenvoegsels ("Dries" "van den" "Abeele") are one name; two
    full names are not ("Hugo Koeman van de Kindertelefoon", "Barak in Camp David").
    """
    out = []
    for toks, labs in zip(words, labels, strict=False):
        new = list(labs)
        if "B-PER" not in labs and "I-PER" not in labs:
            out.append(new)  # (speed: no person span to tidy)
            continue
        ents = [e for e in _entities(labs) if e[2] == "PER"]
        for a, b, _ in ents:
            k = a
            while k < b and _is_title(toks[k]):
                new[k] = "O"
                k += 1
            end = b
            while end > k and toks[end - 1].lower() in _NAME_NEVER_ENDS:
                end -= 1
                new[end] = "O"
            if a < k < end:
                new[k] = "B-PER"
        for (a, b, _), (c, _, _) in zip(ents, ents[1:], strict=False):
            gap = toks[b:c]
            if (gap and new[b - 1] != "O" and new[c] != "O"
                    and _given_names(toks[a:b], gaz) and all(t in _JOINERS for t in gap)):
                new[b : c + 1] = ["I-PER"] * (c + 1 - b)
        out.append(new)
    return out


def _mention_probs(
    words: Sequence[Sequence[str]],
    before: Sequence[Sequence[str]],
    after: Sequence[Sequence[str]],
    probs: Sequence[Sequence[float]],
) -> list[list[float]]:
    """Person probability per token; a token re-typed by the vote gets its mentions' mean."""
    # (speed: only the re-typed tokens' mentions are summed, in the same order; most sentences
    # keep their labels)
    retyped = [(i, k) for i, (old, new) in enumerate(zip(before, after, strict=False)) if old != new
               for k, (o, n) in enumerate(zip(old, new, strict=False)) if o[2:] != n[2:] and n.endswith("PER")]
    out = [list(ps) for ps in probs]
    if not retyped:
        return out
    needed = {words[i][k] for i, k in retyped}
    total: dict[str, list[float]] = {}
    for toks, labs, ps in zip(words, before, probs, strict=False):
        for tok, lab, p in zip(toks, labs, ps, strict=False):
            if lab != "O" and tok in needed:
                acc = total.setdefault(tok, [0.0, 0.0])
                acc[0] += p
                acc[1] += 1
    for i, k in retyped:
        acc = total[words[i][k]]
        out[i][k] = acc[0] / acc[1]
    return out


def _person_spans(
    sent: Sequence[tuple[str, int, int]],
    tags: Sequence[str],
    probs: Sequence[float],
    threshold: float | None,
) -> list[tuple[int, int, float]]:
    result = []
    start = end = -1
    score = 1.0
    for k, tag in enumerate(tags):
        is_per = tag.endswith("PER")
        prob = probs[k]
        if not is_per and threshold is not None and prob >= threshold:
            is_per = True
            tag = "I-PER" if start >= 0 else "B-PER"
        if is_per and tag == "I-PER" and start >= 0:
            end = sent[k][2]
            score = min(score, prob)
            continue
        if start >= 0:
            result.append((start, end, round(score, 4)))
            start = -1
        if is_per:
            start, end, score = sent[k][1], sent[k][2], prob
    if start >= 0:
        result.append((start, end, round(score, 4)))
    return result


def read_attrs(raw: bytes) -> frozenset[str]:
    """The model's attribute names (one a line, gzipped), written by the training script."""
    return frozenset(gzip.decompress(raw).decode("utf-8").split("\n")) - {""}


@lru_cache(maxsize=1)
def _load_packaged() -> PersonNameModel:
    folder = _DATA
    try:
        meta = json.loads((folder / META_FILE).read_text(encoding="utf-8"))
        known = read_attrs((folder / ATTRS_FILE).read_bytes())
        path = folder / MODEL_FILE
        if not path.exists():
            raise NameModelError(f"naammodel ontbreekt: {path}")
        gaz = Gazetteers.load()
        return PersonNameModel(str(path), gaz, meta, known, _neural(folder, gaz))
    except OSError as exc:
        raise NameModelError(f"naammodel ontbreekt of is onleesbaar: {exc}") from exc


def _neural(folder: Path | Traversable, gaz: Gazetteers) -> NeuralTagger | None:
    """The network beside the CRF, or None when it does not ship (the CRF works alone)."""
    onnx, vocab = folder / NN_MODEL_FILE, folder / NN_VOCAB_FILE
    if not (onnx.is_file() and vocab.is_file()):
        return None
    try:
        return NeuralTagger.from_bytes(onnx.read_bytes(), vocab.read_text(encoding="utf-8"),
                                       gaz, TITLE_WORDS, TUSSENVOEGSELS)
    except Exception as exc:  # onnxruntime raises its own exception types
        raise NameModelError(f"neuraal naammodel onleesbaar: {exc}") from exc
