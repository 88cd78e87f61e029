"""Train the neural half of the person-name ensemble (char-CNN + word embeddings + BiLSTM).

Two steps, so the heavy one runs where only torch and numpy exist (a GPU machine):

``prepare`` (needs the wooflow venv): encodes CoNLL-2002 ``ned.train`` and ``ned.testa`` with
:mod:`wooflow.detect.neuralnames` (the same encoder run time uses) into one ``.npz`` and writes
the vocabulary file ``namenn.json``.

``fit`` (needs torch, numpy, onnx): trains on ned.train only, keeps the epoch with the best
PER F1 on ned.testa (sentence level, argmax labels), exports ONNX (gzipped) and a metrics
JSON. Seeded; on a GPU cuDNN's LSTM kernels are not bit-deterministic, so reruns there differ
in the last digits; ``--device cpu`` works too (about 15-30 min on 2 cores).

    .venv/bin/python training/train_neural_names.py prepare --out .devdata
    python3 training/train_neural_names.py fit --data .devdata/nn_data.npz --out .devdata
    cp .devdata/namenn.onnx.gz .devdata/namenn.json wooflow/detect/data/model/
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
MIN_WORD, MIN_CHAR = 2, 3


def prepare(out: Path) -> None:
    """Vocabulary + encoded arrays of ned.train and ned.testa."""
    sys.path.insert(0, str(ROOT / "training"))
    sys.path.insert(0, str(ROOT))
    from train_namemodel import DATA, read_conll

    from wooflow.detect import namemodel as nm
    from wooflow.detect import neuralnames as nn

    train = [s for d in read_conll(DATA / "ned.train") for s in d]
    dev = [s for d in read_conll(DATA / "ned.testa") for s in d]
    wc = Counter(nn.word_key(t) for toks, _ in train for t in toks)
    cc = Counter(c for toks, _ in train for t in toks for c in nn.char_window(t))
    labels = sorted({lab for _, labs in train for lab in labs})
    vocab = {
        "words": sorted(w for w, n in wc.items() if n >= MIN_WORD),
        "chars": sorted(c for c, n in cc.items() if n >= MIN_CHAR),
        "labels": labels,
        "max_chars": nn.MAX_CHARS,
        "n_feats": nn.N_FEATS,
    }
    enc = nn.make_encoder(vocab, nm.Gazetteers.load(), nm.TITLE_WORDS, nm.TUSSENVOEGSELS)
    arrays: dict[str, np.ndarray] = {}
    for name, sents in (("train", train), ("dev", dev)):
        w, c, f, y, lens = [], [], [], [], []
        for toks, labs in sents:
            a, b, d = enc.encode([toks])
            w.append(a[0])
            c.append(b[0])
            f.append(d[0])
            y.append(np.array([labels.index(x) if x in labels else 0 for x in labs]))
            lens.append(len(toks))
        arrays[f"{name}_w"] = np.concatenate(w)
        arrays[f"{name}_c"] = np.concatenate(c)
        arrays[f"{name}_f"] = np.concatenate(f)
        arrays[f"{name}_y"] = np.concatenate(y)
        arrays[f"{name}_len"] = np.array(lens)
    out.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(out / "nn_data.npz", **arrays)
    (out / "namenn.json").write_text(json.dumps(vocab, ensure_ascii=False), encoding="utf-8")
    print(f"{len(vocab['words'])} words, {len(vocab['chars'])} chars, labels {labels}")


def fit(args: argparse.Namespace) -> None:
    """Train, select the epoch on ned.testa, export ONNX + metrics."""
    import gzip
    import io
    import random

    import torch
    from torch import nn

    random.seed(args.seed)
    np.random.seed(args.seed)
    torch.manual_seed(args.seed)
    dev_name = args.device or ("cuda" if torch.cuda.is_available() else "cpu")
    device = torch.device(dev_name)
    with np.load(args.data) as npz:
        data = {k: npz[k] for k in npz.files}  # NpzFile decompresses on every access
    torch.set_num_threads(4)
    vocab = json.loads((Path(args.data).parent / "namenn.json").read_text(encoding="utf-8"))
    labels = vocab["labels"]
    per = [i for i, lab in enumerate(labels) if lab.endswith("PER")]

    def split(name: str) -> list[tuple[np.ndarray, ...]]:
        offs = np.concatenate([[0], np.cumsum(data[f"{name}_len"])])
        return [tuple(data[f"{name}_{k}"][a:b] for k in "wcfy") for a, b in zip(offs, offs[1:])]

    train, dev = split("train"), split("dev")

    class Tagger(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.wemb = nn.Embedding(len(vocab["words"]) + 2, args.wdim, padding_idx=0)
            self.cemb = nn.Embedding(len(vocab["chars"]) + 2, 24, padding_idx=0)
            self.conv = nn.Conv1d(24, args.cdim, 3, padding=1)
            self.drop = nn.Dropout(args.dropout)
            self.lstm = nn.LSTM(args.wdim + args.cdim + vocab["n_feats"], args.hidden,
                                batch_first=True, bidirectional=True)
            self.out = nn.Linear(2 * args.hidden, len(labels))

        def forward(self, w: torch.Tensor, c: torch.Tensor, f: torch.Tensor) -> torch.Tensor:
            b, t, k = c.shape
            ch = self.cemb(c.reshape(b * t, k)).transpose(1, 2)
            ch = torch.relu(self.conv(ch)).amax(dim=2).reshape(b, t, -1)
            x = self.drop(torch.cat([self.wemb(w), ch, f], dim=2))
            h, _ = self.lstm(x)
            return self.out(self.drop(h))

    class Export(nn.Module):
        def __init__(self, inner: Tagger) -> None:
            super().__init__()
            self.inner = inner

        def forward(self, words: torch.Tensor, chars: torch.Tensor,
                    feats: torch.Tensor) -> torch.Tensor:
            return torch.softmax(self.inner(words, chars, feats), dim=-1)

    def batches(sents: list[tuple[np.ndarray, ...]], shuffle: bool) -> list[list[int]]:
        by_len: dict[int, list[int]] = {}
        for i, s in enumerate(sents):
            by_len.setdefault(len(s[0]), []).append(i)
        out = []
        for idx in by_len.values():
            if shuffle:
                random.shuffle(idx)
            out += [idx[i:i + args.batch] for i in range(0, len(idx), args.batch)]
        if shuffle:
            random.shuffle(out)
        return out

    def tensors(sents: list[tuple[np.ndarray, ...]], idx: list[int],
                unk: float = 0.0) -> tuple[torch.Tensor, ...]:
        w = torch.from_numpy(np.stack([sents[i][0] for i in idx])).to(device)
        if unk:
            w = torch.where(torch.rand(w.shape, device=device) < unk, torch.ones_like(w), w)
        c = torch.from_numpy(np.stack([sents[i][1] for i in idx])).to(device)
        f = torch.from_numpy(np.stack([sents[i][2] for i in idx])).to(device)
        y = torch.from_numpy(np.stack([sents[i][3] for i in idx])).to(device)
        return w, c, f, y

    def spans(lab: list[str]) -> set[tuple[int, int]]:
        out, start = set(), -1
        for i, x in enumerate([*lab, "O"]):
            is_per = x.endswith("PER")
            if start >= 0 and (not is_per or x.startswith("B-")):
                out.add((start, i))
                start = -1
            if is_per and start < 0:
                start = i
        return out

    def evaluate(model: Tagger) -> dict[str, float]:
        model.eval()
        tp = fp = fn = 0
        with torch.no_grad():
            for idx in batches(dev, False):
                w, c, f, y = tensors(dev, idx)
                pred = model(w, c, f).argmax(-1).cpu().numpy()
                for p, g in zip(pred, y.cpu().numpy()):
                    ps = spans([labels[k] for k in p])
                    gs = spans([labels[k] for k in g])
                    tp += len(ps & gs)
                    fp += len(ps - gs)
                    fn += len(gs - ps)
        prec = tp / max(tp + fp, 1)
        rec = tp / max(tp + fn, 1)
        return {"precision": round(prec, 4), "recall": round(rec, 4),
                "f1": round(2 * prec * rec / max(prec + rec, 1e-9), 4)}

    model = Tagger().to(device)
    opt = torch.optim.Adam(model.parameters(), lr=args.lr)
    weight = torch.ones(len(labels), device=device)
    weight[per] = args.per_weight
    loss_fn = nn.CrossEntropyLoss(weight=weight)
    best, best_state, history = -1.0, None, []
    t0 = time.time()
    for epoch in range(args.epochs):
        model.train()
        total = 0.0
        for idx in batches(train, True):
            w, c, f, y = tensors(train, idx, args.word_dropout)
            logits = model(w, c, f)
            loss = loss_fn(logits.reshape(-1, len(labels)), y.reshape(-1))
            opt.zero_grad()
            loss.backward()
            nn.utils.clip_grad_norm_(model.parameters(), 5.0)
            opt.step()
            total += float(loss)
        m = evaluate(model)
        history.append({"epoch": epoch + 1, "loss": round(total, 2), **m})
        print(f"epoch {epoch + 1} loss {total:.1f} dev PER {m} {time.time() - t0:.0f}s", flush=True)
        if m["f1"] > best:
            best = m["f1"]
            best_state = {k: v.detach().cpu().clone() for k, v in model.state_dict().items()}
        if time.time() - t0 > args.max_seconds:
            break
    assert best_state is not None
    model.load_state_dict(best_state)
    model = model.cpu().eval()
    export = Export(model).eval()
    sample = (torch.ones(2, 5, dtype=torch.long), torch.ones(2, 5, vocab["max_chars"],
              dtype=torch.long), torch.zeros(2, 5, vocab["n_feats"]))
    buf = io.BytesIO()
    torch.onnx.export(export, sample, buf, input_names=["words", "chars", "feats"],
                      output_names=["probs"], opset_version=17, dynamo=False,
                      dynamic_axes={"words": {0: "b", 1: "t"}, "chars": {0: "b", 1: "t"},
                                    "feats": {0: "b", 1: "t"}, "probs": {0: "b", 1: "t"}})
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    tag = args.tag
    (out / f"namenn{tag}.onnx.gz").write_bytes(gzip.compress(buf.getvalue(), mtime=0))
    metrics = {"seed": args.seed, "device": dev_name, "best_dev_f1": best, "history": history,
               "params": {k: getattr(args, k) for k in ("wdim", "cdim", "hidden", "dropout",
                          "lr", "batch", "epochs", "word_dropout", "per_weight")}}
    (out / f"namenn{tag}.metrics.json").write_text(json.dumps(metrics, indent=1))
    print(f"best dev PER F1 {best}; wrote {out}/namenn{tag}.onnx.gz")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("prepare")
    p.add_argument("--out", type=Path, default=ROOT / ".devdata")
    f = sub.add_parser("fit")
    f.add_argument("--data", default=str(ROOT / ".devdata" / "nn_data.npz"))
    f.add_argument("--out", default=str(ROOT / ".devdata"))
    f.add_argument("--tag", default="", help="suffix of the output file names")
    f.add_argument("--device", default=None)
    f.add_argument("--seed", type=int, default=1)
    f.add_argument("--max-seconds", type=float, default=1e9, help="stop after the epoch past this")
    f.add_argument("--epochs", type=int, default=40)
    f.add_argument("--batch", type=int, default=16)
    f.add_argument("--lr", type=float, default=2e-3)
    f.add_argument("--wdim", type=int, default=64)
    f.add_argument("--cdim", type=int, default=48)
    f.add_argument("--hidden", type=int, default=96)
    f.add_argument("--dropout", type=float, default=0.5)
    f.add_argument("--word-dropout", type=float, default=0.1)
    f.add_argument("--per-weight", type=float, default=1.0)
    args = ap.parse_args()
    if args.cmd == "prepare":
        prepare(args.out)
    else:
        fit(args)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
