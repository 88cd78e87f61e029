"""Train the person resolver's combiner (wooflow/detect/data/resolver.json).

Candidates and their evidence come from running the real detector with
``wooflow.detect.resolver.COLLECT`` set (nothing dropped, every candidate's features recorded):

- CoNLL-2002 ned.testa, each document detected with a fold model that never saw it (the same
  five folds as evaluation/namemodel/eval_conll_detector.py; fold models are cached in
  ``--cache``). A candidate is a person when it overlaps a gold PER entity.
- Real Woo documents with gold (``../shared/data/woo-real-dev`` and the blind batches under
  evaluation/heldout*/docs once measured), each set detected as one case with the packaged
  model (which never saw them). A candidate is a person when it overlaps a gold span of a
  person category (redacted or kept public); candidates overlapping other redacted values
  (e-mail addresses, numbers) are left out; everything else is not a person.

The combiner is an L2-regularised logistic regression fitted by Newton's method (numpy; a
dozen features need no more, and the run time needs only a dot product). The threshold is the
one with the best F2 over all candidates (a missed name weighs more than a redacted word).
``--folds-out DIR`` also writes one combiner per CoNLL fold, trained without that fold's
documents, for an honest whole-detector figure (eval_conll_detector.py --resolver-folds DIR).

    .venv/bin/python training/train_resolver.py --cache /tmp/conll-folds [--folds-out DIR]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "training"))
sys.path.insert(0, str(ROOT / "evaluation" / "namemodel"))
sys.path.insert(0, str(ROOT))

import eval_conll_detector as ecd  # noqa: E402
import train_namemodel as tn  # noqa: E402

from wooflow.detect import capitals, ocrdigits, resolver  # noqa: E402
from wooflow.detect import namemodel as nm  # noqa: E402

OUT = ROOT / "wooflow" / "detect" / "data" / "resolver.json"
WOO_SETS = [ROOT.parent / "shared" / "data" / "woo-real-dev" / "docs", ROOT / "evaluation" / "heldout8" / "docs"]
PERSON_CATEGORIES = {"person", "person_public", "person_public_mp", "private_person_visible", "initials_visible"}
L2 = 1.0


def _shadow(text: str) -> str:
    return ocrdigits.fix(capitals.decap(text))


def collect_conll(cache: Path) -> list[dict[str, Any]]:
    from wooflow.detect import Detector
    from wooflow.detect.recognizers import person

    dev = tn.read_conll(tn.DATA / "ned.testa")
    rows: list[dict[str, Any]] = []
    for k in range(ecd.FOLDS):
        folder = ecd.fold_model(k, cache)
        model = nm.PersonNameModel.from_files(folder / nm.MODEL_FILE, folder / nm.META_FILE)
        person._model = lambda model=model: model  # type: ignore[assignment, misc]
        det = Detector()
        for i, doc in enumerate(dev):
            if i % ecd.FOLDS != k:
                continue
            text, offsets = ecd._text_of(doc)
            gold = []
            for (_, labs), sent in zip(doc, offsets, strict=True):
                for s, e in tn.entities(labs):
                    gold.append((sent[s][0], sent[e - 1][1]))
            resolver.COLLECT = []
            det.detect(text)
            for r in resolver.COLLECT:
                r["y"] = int(any(a < r["end"] and r["start"] < b for a, b in gold))
                r["set"], r["fold"] = "conll", k
            rows += resolver.COLLECT
    resolver.COLLECT = None
    person._model = nm.PersonNameModel.load  # type: ignore[assignment]
    return rows


def collect_woo(folder: Path) -> list[dict[str, Any]]:
    from wooflow.detect import Detector

    texts, golds = {}, {}
    for txt in sorted(folder.glob("*.txt")):
        gold = txt.with_suffix(".gold.json")
        if gold.exists():
            texts[txt.stem] = txt.read_text(encoding="utf-8")
            golds[txt.stem] = json.loads(gold.read_text(encoding="utf-8"))
    by_hash = {hash(_shadow(t)): k for k, t in texts.items()}
    resolver.COLLECT = []
    Detector().detect_case(texts)
    rows = []
    for r in resolver.COLLECT:
        key = by_hash.get(r["doc"])
        if key is None:
            continue
        over = [g for g in golds[key] if g["start"] < r["end"] and r["start"] < g["end"]]
        if any(g["category"] in PERSON_CATEGORIES for g in over):
            r["y"] = 1
        elif any(g["kind"] == "P" for g in over):
            continue  # a name inside an e-mail address or a number: not this question
        else:
            r["y"] = 0
        r["set"], r["fold"] = folder.parent.name, -1
        rows.append(r)
    resolver.COLLECT = None
    return rows


def fit(x: np.ndarray, y: np.ndarray, l2: float = L2) -> np.ndarray:
    w = np.zeros(x.shape[1])
    reg = np.full(x.shape[1], l2)
    reg[0] = 0.0  # no penalty on the bias
    for _ in range(50):
        p = 1.0 / (1.0 + np.exp(-np.clip(x @ w, -30, 30)))
        grad = x.T @ (p - y) + reg * w
        hess = (x * (p * (1 - p))[:, None]).T @ x + np.diag(reg + 1e-6)
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-7:
            break
    return w


BETA = 1.0


def f2_threshold(p: np.ndarray, y: np.ndarray) -> tuple[float, float]:
    best = (0.5, -1.0)
    for t in np.arange(0.05, 0.951, 0.01):
        pred = p >= t
        tp = float((pred & (y == 1)).sum())
        prec = tp / max(1.0, float(pred.sum()))
        rec = tp / max(1.0, float((y == 1).sum()))
        f2 = (1 + BETA**2) * prec * rec / max(1e-9, BETA**2 * prec + rec)
        if f2 > best[1]:
            best = (round(float(t), 2), f2)
    return best


def _arrays(rows: list[dict[str, Any]]) -> tuple[np.ndarray, np.ndarray]:
    return np.array([r["x"] for r in rows], dtype=float), np.array([r["y"] for r in rows], dtype=float)


def _report(name: str, p: np.ndarray, y: np.ndarray, t: float) -> str:
    pred = p >= t
    tp = int((pred & (y == 1)).sum())
    return (f"{name}: {len(y)} candidates, {int(y.sum())} persons; kept {int(pred.sum())}, "
            f"person recall {tp / max(1, int(y.sum())):.3f}, non-persons dropped "
            f"{int((~pred & (y == 0)).sum()) / max(1, int((y == 0).sum())):.3f}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cache", default="/tmp/conll-folds", help="fold models (trained when missing)")
    ap.add_argument("--folds-out", default="", help="write one combiner per CoNLL fold here")
    ap.add_argument("--out", default=str(OUT))
    args = ap.parse_args()
    t0 = time.time()
    saved = resolver.combiner
    resolver.combiner = lambda: None  # type: ignore[assignment]  # collect with nothing dropped
    rows = collect_conll(Path(args.cache))
    for folder in WOO_SETS:
        if folder.is_dir():
            rows += collect_woo(folder)
    resolver.combiner = saved  # type: ignore[assignment]
    x, y = _arrays(rows)
    w = fit(x, y)
    p = 1.0 / (1.0 + np.exp(-np.clip(x @ w, -30, 30)))
    t, f2 = f2_threshold(p, y)
    lines = [_report("all", p, y, t)]
    for name in sorted({r["set"] for r in rows}):
        idx = np.array([r["set"] == name for r in rows])
        lines.append(_report(name, p[idx], y[idx], t))
    # cross-validated on the CoNLL folds: each fold judged by a combiner that never saw it
    cv_lines = []
    fold_ids = np.array([r["fold"] for r in rows])
    for k in range(ecd.FOLDS):
        wk = fit(x[fold_ids != k], y[fold_ids != k])
        pk = 1.0 / (1.0 + np.exp(-np.clip(x[fold_ids == k] @ wk, -30, 30)))
        tk, _ = f2_threshold(1.0 / (1.0 + np.exp(-np.clip(x[fold_ids != k] @ wk, -30, 30))), y[fold_ids != k])
        cv_lines.append(_report(f"conll fold {k} (held out)", pk, y[fold_ids == k], tk))
        if args.folds_out:
            out = Path(args.folds_out)
            out.mkdir(parents=True, exist_ok=True)
            (out / f"resolver-fold{k}.json").write_text(json.dumps(
                {"features": resolver.FEATURES, "weights": [round(float(v), 5) for v in wk], "threshold": tk}))
    for line in lines + cv_lines:
        print(line)
    data = {
        "features": list(resolver.FEATURES),
        "weights": [round(float(v), 5) for v in w],
        "threshold": t,
        "trained_on": {name: int(sum(1 for r in rows if r["set"] == name)) for name in sorted({r["set"] for r in rows})},
        "sources": "CoNLL-2002 ned.testa (fold models), ../shared/data/woo-real-dev, evaluation/heldout8",
        "l2": L2,
        "f2_all": round(f2, 4),
        "figures": lines + cv_lines,
        "script": "training/train_resolver.py",
    }
    Path(args.out).write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"weights -> {args.out} ({time.time() - t0:.0f} s)")
    for name, v in zip(resolver.FEATURES, w, strict=True):
        print(f"  {name:16s} {v:+.3f}")
    return 0



if __name__ == "__main__":
    raise SystemExit(main())
