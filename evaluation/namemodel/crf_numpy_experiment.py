"""EXPERIMENT (issue 10, speed; not used at run time): the name CRF decoded in numpy,
bit-identical to python-crfsuite, and no faster.

Run ``.venv/bin/python evaluation/namemodel/crf_numpy_experiment.py`` to check it against
crfsuite on the evaluation corpus (labels and P(person) compared bit for bit) and to time both.
Measured 2026-12-07 on the busy 2-core machine: identical on 9,217 sentences (corpus +
woo-real-dev); one corpus pass 0.44-0.48 s against 0.45 s for crfsuite's path. The string
handling it saves is paid back in the decode: 4,395 sequential positions per corpus pass
(the longest sentence of each block), ~25 numpy calls each. Kept as a record and a starting
point should the decode move to compiled code.

Design notes:

python-crfsuite needs every token's features as strings (~26 a token), copies them into an
item sequence and looks each one up in the model's attribute dictionary: that string traffic,
not the Viterbi pass, was most of the detector's time. The CRF is linear, so a token's state
scores are the sum of the weights of its features, and a word's own features (and the features
it lends a neighbour at each offset) are the same wherever it occurs. This engine reads the
weights from the crfsuite model file itself (the binary CRF1d format: exact doubles, not the
rounded text dump), keeps one score vector per word and role, and decodes a block of sentences
at once: Viterbi for the labels, forward-backward for the marginals, as crfsuite does.

Labels are the same as crfsuite's; marginals agree to ~1e-15 (the order of the additions
differs). ``tests/detect/test_crfengine.py`` compares both on real text.
"""

from __future__ import annotations

import struct
from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np

from wooflow.detect.namefeatures import _CACHE_LIMIT, NameModelError

if TYPE_CHECKING:
    from wooflow.detect.namefeatures import DocContext, Featurizer

_HEADER = struct.Struct("<4sI4sIIIIIIIII")
_FEATURE = struct.Struct("<IIId")
_CHUNK = 12
_CQDB_HEADER = struct.Struct("<4sIIIII")


def _cqdb_strings(buf: bytes, base: int) -> list[str]:
    """id -> string of a CQDB chunk (crfsuite's string dictionary) at ``base``."""
    chunk, _size, _flag, _order, bwd_size, bwd_offset = _CQDB_HEADER.unpack_from(buf, base)
    if chunk != b"CQDB":
        raise NameModelError("naammodel onleesbaar: geen CQDB-woordenboek")
    out = [""] * bwd_size
    offsets = struct.unpack_from(f"<{bwd_size}I", buf, base + bwd_offset)
    for off in offsets:
        if not off:
            continue
        rid, ksize = struct.unpack_from("<II", buf, base + off)
        out[rid] = buf[base + off + 8 : base + off + 8 + ksize - 1].decode("utf-8")
    return out


def read_model(raw: bytes) -> tuple[list[str], list[str], np.ndarray, np.ndarray]:
    """Labels, attributes, state weights (attributes x labels) and transition weights
    (from-label x to-label) of a crfsuite CRF1d model file."""
    try:
        (magic, _size, typ, _version, _n, n_labels, n_attrs, off_feat, off_labels, off_attrs,
         _lrefs, _arefs) = _HEADER.unpack_from(raw, 0)
        chunk, _csize, n_feat = struct.unpack_from("<4sII", raw, off_feat)
    except struct.error as exc:
        raise NameModelError(f"naammodel onleesbaar: {exc}") from exc
    if magic != b"lCRF" or typ != b"FOMC" or chunk != b"FEAT":
        raise NameModelError("naammodel onleesbaar: geen crfsuite CRF1d-model")
    labels = _cqdb_strings(raw, off_labels)[:n_labels]
    attrs = _cqdb_strings(raw, off_attrs)[:n_attrs]
    state = np.zeros((n_attrs, n_labels))
    trans = np.zeros((n_labels, n_labels))
    feats = np.frombuffer(raw, dtype=np.dtype([("type", "<u4"), ("src", "<u4"), ("dst", "<u4"), ("w", "<f8")]),
                          count=n_feat, offset=off_feat + _CHUNK)
    st = feats[feats["type"] == 0]
    state[st["src"], st["dst"]] = st["w"]
    tr = feats[feats["type"] == 1]
    trans[tr["src"], tr["dst"]] = tr["w"]
    return labels, attrs, state, trans


def _sequential_sum(col: np.ndarray) -> np.ndarray:
    """Sum of a labels x 1 array label after label (numpy sums a lone column pairwise, which
    rounds differently from crfsuite's loop; wider arrays it sums slice after slice)."""
    total = 0.0
    for x in col[:, 0].tolist():
        total += x
    return np.array([total])


class CrfEngine:
    """Tags blocks of sentences with the weights of a crfsuite model (see module docstring).

    Bit for bit what crfsuite computes (the resolver's trees split on exact probabilities):
    a token's state scores are summed in the order of its feature list (the word's own prefix,
    'bias' and its own features, is cached per word; the rest is added feature by feature),
    the forward and backward passes scale and sum label by label in crfsuite's order (numpy
    sums over a leading axis one slice after the other), and a marginal is
    ``alpha * beta / scale`` as in ``crf1dc_marginal_point``.
    """

    _ROLES = (-1, 1, -2, 2)
    """Neighbour offsets in the order the feature list holds them."""

    def __init__(self, raw: bytes, featurizer: Featurizer) -> None:
        labels, attrs, state, trans = read_model(raw)
        self.labels = labels
        self.featurizer = featurizer
        self._attr = {a: i for i, a in enumerate(attrs)}
        self._zero = len(attrs)
        self._weights = np.vstack([state, np.zeros((1, len(labels)))])
        self._trans_ij = trans[:, :, None]
        self._exp_ij = np.exp(trans)[:, :, None]
        self._exp_ji = np.exp(trans).T.copy()[:, :, None]
        self._b_per = labels.index("B-PER") if "B-PER" in labels else -1
        self._i_per = labels.index("I-PER") if "I-PER" in labels else -1
        z = self._zero
        self._fixed = {name: self._attr.get(name, z) for name in
                       ("bias", "BOS", "pos1", "EOS", "headline", "doc:aftF", "doc:aftT", "doc:onlyBOS")}
        self._reset()

    def _reset(self) -> None:
        """Empty the per-word tables (memory bound, as the featurizer's memo tables)."""
        self._word: dict[str, int] = {}
        self._lower: list[str] = []
        self._new_own: list[np.ndarray] = []
        self._new_ctx: list[list[list[int]]] = []
        self._own = np.zeros((0, self._weights.shape[1]))
        self._ctx = [np.zeros((0, 0), dtype=np.intp) for _ in self._ROLES]

    def _add_word(self, word: str) -> int:
        """Index a new word: its own prefix (0.0 + bias + own features, added in order) and
        the attribute ids it lends a neighbour at each offset."""
        attr, weights, fz = self._attr, self._weights, self.featurizer
        vec = np.zeros(weights.shape[1])
        for f in ("bias", *fz.own(word)):
            a = attr.get(f)
            if a is not None:
                vec = vec + weights[a]
        self._new_own.append(vec)
        self._new_ctx.append([[attr[f] for f in fz.ctx(word, r) if f in attr] for r in self._ROLES])
        self._lower.append(word.lower())
        ident = len(self._word)
        self._word[word] = ident
        return ident

    def _flush(self) -> None:
        """Append the words indexed since the last block to the numpy tables."""
        if not self._new_own:
            return
        self._own = np.vstack([self._own, *self._new_own])
        for k in range(len(self._ROLES)):
            lists = [c[k] for c in self._new_ctx]
            old = self._ctx[k]
            width = max(old.shape[1], max(map(len, lists)))
            new = np.full((len(old) + len(lists), width), self._zero, dtype=np.intp)
            new[: len(old), : old.shape[1]] = old
            for i, ids in enumerate(lists, start=len(old)):
                new[i, : len(ids)] = ids
            self._ctx[k] = new
        self._new_own, self._new_ctx = [], []

    def _emissions(self, words: Sequence[Sequence[str]], doc: DocContext | None) -> np.ndarray:
        """State scores of every token of the block (tokens x labels), sentence after sentence.

        Every token's features are added in the order of its crfsuite feature list, one
        position of that list for all tokens at a time (a missing one adds 0.0: no change)."""
        if len(self._word) > _CACHE_LIMIT:
            self._reset()
        f, z = self._fixed, self._zero
        flat: list[str] = []
        extra: list[list[int]] = [[], [], [], []]  # BOS/pos1, EOS, headline, document
        for toks in words:
            n = len(toks)
            flat += ["<S>", "<S>", *toks, "</S>", "</S>"]
            upper = sum(1 for t in toks if t.isupper() and len(t) > 1)
            extra[0] += ([f["BOS"], f["pos1"]] + [z] * (n - 2))[:n]
            extra[1] += [z] * (n - 1) + [f["EOS"]]
            extra[2] += [f["headline"] if n > 2 and upper * 2 > n else z] * n
        index = self._word
        ids = [index.get(w, -1) for w in flat]
        if -1 in ids:
            add = self._add_word
            ids = [i if i >= 0 else index.get(w) if w in index else add(w) for w, i in zip(flat, ids, strict=True)]
        self._flush()
        wid = np.array(ids, dtype=np.intp)
        n_sent = len(words)
        lens = np.fromiter(map(len, words), dtype=np.intp, count=n_sent)
        at = np.arange(len(flat))
        real = np.ones(len(flat), dtype=bool)
        bounds = np.cumsum(lens + 4)
        for k in (0, 1):
            real[bounds - lens - 4 + k] = False
            real[bounds - 1 - k] = False
        at = at[real]
        emis = self._own[wid[at]]
        weights = self._weights
        for k, r in enumerate(self._ROLES):
            cols = self._ctx[k][wid[at + r]]
            for c in range(cols.shape[1]):
                emis += weights[cols[:, c]]
        lower, attr = self._lower, self._attr
        lows = [lower[i] for i in ids]
        at_l = at.tolist()
        emis += weights[[attr.get("w-1|w=" + lows[j - 1] + "|" + lows[j], z) for j in at_l]]
        emis += weights[[attr.get("w|w+1=" + lows[j] + "|" + lows[j + 1], z) for j in at_l]]
        for col in extra[:3]:
            emis += weights[col]
        if doc is not None:
            toks_flat = [flat[j] for j in at_l]
            af, aft, mid = doc.after_first, doc.after_title, doc.mid_sentence
            emis += weights[[f["doc:aftF"] if w in af else z for w in toks_flat]]
            emis += weights[[f["doc:aftT"] if w in aft else z for w in toks_flat]]
            if doc.big:
                first = np.zeros(len(at_l), dtype=bool)
                first[np.cumsum(lens) - lens] = True
                only = f["doc:onlyBOS"]
                emis += weights[[only if fst and w[:1].isupper() and w not in mid else z
                                 for w, fst in zip(toks_flat, first.tolist(), strict=True)]]
        return emis

    def tag_block(
        self, words: Sequence[Sequence[str]], doc: DocContext | None, all_probs: bool
    ) -> tuple[list[list[str]], list[list[float]]]:
        """Viterbi labels and P(person) (marginal B-PER + I-PER) per token of each sentence;
        without ``all_probs`` only tokens not labelled O get their probability (others 0.0)."""
        if not words:
            return [], []
        emis = self._emissions(words, doc)
        n_sent, n_lab = len(words), len(self.labels)
        lens = np.fromiter(map(len, words), dtype=np.intp, count=n_sent)
        starts = np.cumsum(lens) - lens
        # Sentences longest first: at position t the sentences still running are a prefix,
        # and every step works on those only. Arrays are [position, label, sentence] so that
        # sums over labels run label after label, as crfsuite's loops do.
        order = np.argsort(-lens, kind="stable")
        s_lens = lens[order]
        width = int(s_lens[0])
        running = [int(k) for k in np.searchsorted(-s_lens, -np.arange(width), side="left")]
        # running[t]: sentences longer than t (s_lens is descending)
        index = np.full((width, n_sent), len(emis), dtype=np.intp)
        pos_t, col = np.nonzero(np.arange(width)[:, None] < s_lens[None, :])
        index[pos_t, col] = starts[order][col] + pos_t
        state = np.vstack([emis, np.zeros((1, n_lab))])[index].transpose(0, 2, 1)
        exp_state = np.exp(state)
        # Viterbi (log space; the first maximum wins, as in crfsuite)
        trans = self._trans_ij
        score = state[0].copy()
        back = np.zeros((width, n_lab, n_sent), dtype=np.intp)
        for t in range(1, width):
            k = running[t]
            cand = score[:, None, :k] + trans  # [from, to, sentence]
            back[t, :, :k] = cand.argmax(axis=0)
            score[:, :k] = cand.max(axis=0) + state[t, :, :k]
        cur_l = score.argmax(axis=0)
        paths = np.zeros((width, n_sent), dtype=np.intp)
        cols = np.arange(n_sent)
        for t in range(width - 1, 0, -1):
            k = running[t]
            paths[t, :k] = cur_l[:k]
            cur_l[:k] = back[t][cur_l[:k], cols[:k]]
        paths[0] = cur_l
        # forward, scaled per position; backward from each sentence's end
        alpha = np.zeros((width, n_lab, n_sent))
        scale = np.ones((width, n_sent))
        exp_ij, exp_ji = self._exp_ij, self._exp_ji
        with np.errstate(divide="ignore"):
            for t in range(width):
                k = running[t]
                if t:
                    cur = (alpha[t - 1, :, None, :k] * exp_ij).sum(axis=0) * exp_state[t, :, :k]
                else:
                    cur = exp_state[0].copy()
                total = cur.sum(axis=0) if k > 1 else _sequential_sum(cur)
                sc = 1.0 / total
                if not total.all():
                    sc[total == 0.0] = 1.0
                alpha[t, :, :k] = cur * sc
                scale[t, :k] = sc
        beta = np.repeat(scale[:, None, :], n_lab, axis=1)
        for t in range(width - 2, -1, -1):
            k = running[t + 1]
            row = beta[t + 1, :, :k] * exp_state[t + 1, :, :k]
            beta[t, :, :k] = (exp_ji * row[:, None, :]).sum(axis=0) * scale[t, :k]
        b, i = self._b_per, self._i_per
        p_per = (alpha[:, b, :] * beta[:, b, :] / scale + alpha[:, i, :] * beta[:, i, :] / scale).T.tolist()
        path_l = paths.T.tolist()
        labels = self.labels
        tagged: list[list[str]] = [[]] * n_sent
        probs: list[list[float]] = [[]] * n_sent
        for j, s in enumerate(order.tolist()):
            n = int(s_lens[j])
            tags = [labels[x] for x in path_l[j][:n]]
            ps = p_per[j][:n]
            tagged[s] = tags
            probs[s] = ps if all_probs else [p if tag != "O" else 0.0 for p, tag in zip(ps, tags, strict=True)]
        return tagged, probs


def main() -> None:
    """Compare with crfsuite on the corpus and time both paths."""
    import glob
    import time
    from pathlib import Path

    from wooflow.detect import namemodel as nm

    root = Path(__file__).resolve().parents[2]
    model = nm.PersonNameModel.load()
    fz, tagger = model.featurizer, model._tagger
    folder = Path(nm.__file__).parent / "data" / "model"
    engine = CrfEngine((folder / nm.MODEL_FILE).read_bytes(), nm.Featurizer(fz.gaz, fz.known))  # str features
    blocks = []
    for path in sorted(glob.glob(str(root / "evaluation/detect/corpus/*.txt"))):
        text = Path(path).read_text(encoding="utf-8")
        sents = [s for s in nm._iter_sentences(text) if any(t[0][:1].isupper() for t in s)]
        for block in nm._blocks(iter(sents)):
            words = [[t[0] for t in s] for s in block]
            blocks.append((words, nm.DocContext(words, fz.gaz)))
    n = tag_diff = prob_diff = 0
    for words, doc in blocks:
        tags, probs = engine.tag_block(words, doc, True)
        for toks, t2, p2 in zip(words, tags, probs, strict=True):
            t1 = tagger.tag(fz.sentence(toks, doc))
            p1 = [tagger.marginal("B-PER", k) + tagger.marginal("I-PER", k) for k in range(len(t1))]
            n += 1
            tag_diff += t1 != t2
            prob_diff += sum(a != b for a, b in zip(p1, p2, strict=True))
    print(f"{n} sentences: {tag_diff} with other labels, {prob_diff} probabilities not bit-equal")
    for label, run in (("numpy engine", lambda: [engine.tag_block(w, d, True) for w, d in blocks]),
                       ("crfsuite", lambda: [model._tag_block(w, True) for w, d in blocks])):
        best = float("inf")
        for _ in range(5):
            start = time.process_time()
            run()
            best = min(best, time.process_time() - start)
        print(f"{label:14} {best:.3f} CPU-s per corpus pass (best of 5)")


if __name__ == "__main__":
    main()
