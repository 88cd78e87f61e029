"""The neural half of the person-name ensemble: a char-CNN + BiLSTM tagger run with onnxruntime.

Trained from scratch on CoNLL-2002 ``ned.train`` by ``training/train_neural_names.py``; the
CRF in :mod:`wooflow.detect.namemodel` averages its per-token label probabilities with this
model's. Kept free of the CRF module so the training script can encode data with it.
"""

from __future__ import annotations

import gzip
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:  # numpy loads only when a network ships (start-up time of the CRF-only detector)
    import numpy as np

NN_MODEL_FILE = "namenn.onnx.gz"
NN_VOCAB_FILE = "namenn.json"
MAX_CHARS = 16
"""Characters per word the char-CNN sees (first 8 and last 8 of longer words)."""
N_FEATS = 16
_DIGITS = re.compile(r"\d")
_INITIALS = re.compile(r"^(?:[A-Z][a-z]?\.)+$")


class _Lists(Protocol):
    @property
    def first(self) -> frozenset[str]: ...
    @property
    def surname(self) -> frozenset[str]: ...
    @property
    def place(self) -> frozenset[str]: ...
    @property
    def common(self) -> frozenset[str]: ...
    @property
    def intl(self) -> frozenset[str]: ...
    @property
    def world(self) -> frozenset[str]: ...
    @property
    def lower(self) -> frozenset[str]: ...


def word_key(word: str) -> str:
    """Vocabulary key: lower case, digits folded, so embeddings generalise over numbers."""
    return _DIGITS.sub("0", word.lower())


def char_window(word: str) -> str:
    """The characters the char-CNN sees: the word, or its first and last 8 characters."""
    if len(word) <= MAX_CHARS:
        return word
    half = MAX_CHARS // 2
    return word[:half] + word[-half:]


@dataclass
class Encoder:
    """Maps tokens to word ids, character ids and list/shape flags (the model's inputs)."""

    words: dict[str, int]
    chars: dict[str, int]
    lists: _Lists
    titles: frozenset[str]
    tussen: frozenset[str]

    def __post_init__(self) -> None:
        self._cache: dict[str, tuple[int, list[int], list[float]]] = {}

    def _word(self, word: str) -> tuple[int, list[int], list[float]]:
        hit = self._cache.get(word)
        if hit is not None:
            return hit
        low = word.lower()
        g = self.lists
        up = word[:1].isupper()
        flags = [
            up,
            len(word) > 1 and word.isupper(),
            bool(_DIGITS.search(word)),
            "-" in word,
            bool(_INITIALS.match(word)),
            low in self.tussen,
            low in self.titles or ("-" in low and low.rsplit("-", 1)[1] in self.titles),
            low in g.first,
            low in g.surname,
            low in g.place,
            low in g.common,
            low in g.intl,
            low in g.world,
            low in g.lower,
            up and low not in g.common and low not in g.place and low not in g.lower,
        ]
        cids = [self.chars.get(c, 1) for c in char_window(word)]
        cids += [0] * (MAX_CHARS - len(cids))
        hit = (self.words.get(word_key(word), 1), cids, [float(f) for f in flags])
        if len(self._cache) < 200_000:
            self._cache[word] = hit
        return hit

    def encode(self, sents: Sequence[Sequence[str]]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Arrays [B,T], [B,T,MAX_CHARS], [B,T,N_FEATS] for sentences of one length T."""
        import numpy as np
        wid, cid, feat = [], [], []
        for toks in sents:
            rows = [self._word(t) for t in toks]
            wid.append([r[0] for r in rows])
            cid.append([r[1] for r in rows])
            feat.append([[*r[2], float(k == 0)] for k, r in enumerate(rows)])
        return (np.asarray(wid, dtype=np.int64), np.asarray(cid, dtype=np.int64),
                np.asarray(feat, dtype=np.float32))


def make_encoder(vocab: dict[str, Any], lists: _Lists, titles: frozenset[str],
                 tussen: frozenset[str]) -> Encoder:
    """An encoder from the vocabulary file's contents (index 0 pads, 1 is unknown)."""
    words = {w: i + 2 for i, w in enumerate(vocab["words"])}
    chars = {c: i + 2 for i, c in enumerate(vocab["chars"])}
    return Encoder(words, chars, lists, titles, tussen)


class NeuralTagger:
    """Per-token label probabilities from the packaged ONNX model."""

    def __init__(self, onnx_bytes: bytes, vocab: dict[str, Any], encoder: Encoder) -> None:
        import onnxruntime as ort  # only needed when the neural model ships

        opts = ort.SessionOptions()
        # One thread: the detector runs documents in parallel processes; more threads only
        # fight over the same cores.
        opts.intra_op_num_threads = 1
        opts.inter_op_num_threads = 1
        self.session = ort.InferenceSession(onnx_bytes, opts, providers=["CPUExecutionProvider"])
        self.labels: list[str] = list(vocab["labels"])
        self.vocab = vocab
        self.encoder = encoder

    @classmethod
    def from_bytes(cls, gz_onnx: bytes, vocab_text: str, lists: _Lists,
                   titles: frozenset[str], tussen: frozenset[str]) -> NeuralTagger:
        """Load from the gzipped ONNX file and the vocabulary JSON."""
        vocab = json.loads(vocab_text)
        return cls(gzip.decompress(gz_onnx), vocab, make_encoder(vocab, lists, titles, tussen))

    def probs(self, sents: Sequence[Sequence[str]]) -> list[np.ndarray]:
        """One [len, labels] probability array per sentence.

        Sentences are batched by exact length, so there is no padding for the BiLSTM's
        backward pass to read.
        """
        import numpy as np

        out: list[np.ndarray] = [np.zeros((0, len(self.labels)), np.float32)] * len(sents)
        by_len: dict[int, list[int]] = {}
        for i, toks in enumerate(sents):
            if toks:
                by_len.setdefault(len(toks), []).append(i)
        for idx in by_len.values():
            for s in range(0, len(idx), 256):
                part = idx[s:s + 256]
                w, c, f = self.encoder.encode([sents[i] for i in part])
                (p,) = self.session.run(None, {"words": w, "chars": c, "feats": f})
                for i, row in zip(part, p, strict=False):
                    out[i] = row
        return out


@dataclass(frozen=True)
class EnsembleParams:
    """How CRF and network probabilities are combined (tuned on ned.testa, in namenn.json)."""

    weight: float = 0.5
    """Share of the CRF in the averaged P(person) of a token."""
    keep: float = 0.5
    """A token the CRF tags as person stays one when the average reaches this."""
    add: float = 0.5
    """A token the CRF does not tag as person becomes one when the average reaches this."""
    gate: float = 0.05
    """The network runs only on sentences where the CRF gives some token at least this
    P(person): below it no average can reach ``add`` (speed only)."""


def combine(
    tags: Sequence[str],
    crf_b: Sequence[float],
    crf_i: Sequence[float],
    net: np.ndarray,
    labels: Sequence[str],
    params: EnsembleParams,
) -> tuple[list[str], list[float]]:
    """Person labels and P(person) per token from CRF marginals and network probabilities.

    Only the person decision is averaged; other entity types stay the CRF's (the document
    vote that follows needs them). Asymmetric thresholds: the CRF's Viterbi path already
    weighs the whole sentence, so its persons need less support to stay than new ones to
    be added.
    """
    ib, ii = labels.index("B-PER"), labels.index("I-PER")
    w = params.weight
    out: list[str] = []
    probs: list[float] = []
    for k, tag in enumerate(tags):
        pb = w * crf_b[k] + (1 - w) * float(net[k, ib])
        pi = w * crf_i[k] + (1 - w) * float(net[k, ii])
        p = pb + pi
        if tag.endswith("PER"):
            out.append(tag if p >= params.keep else "O")
        elif p >= params.add:
            inside = bool(out) and out[-1].endswith("PER") and pi > pb
            out.append("I-PER" if inside else "B-PER")
        else:
            out.append(tag)
        probs.append(p)
    return out, probs
