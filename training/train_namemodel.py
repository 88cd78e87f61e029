"""Rebuild the packaged Dutch person-name CRF from CoNLL-2002 (train split; tuned on testa).

Usage: ``python training/train_namemodel.py [--grid] [--no-lists]``

Writes wooflow/detect/data/model/namemodel.crfsuite and namemodel.json (version, date, features
version, data hash, c1/c2, dev scores). The name lists are rebuilt from the ``deduce`` package
when it is installed (benchmark extra), otherwise the shipped lists are used as they are.
Deterministic: fixed input order and no random components, so the .crfsuite file is identical
on every run with the same data and lists.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import hashlib
import json
import sys
import time
from collections.abc import Iterator, Sequence
from pathlib import Path

import pycrfsuite

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from wooflow.detect import namemodel as nm  # noqa: E402

DATA = ROOT.parent / "shared" / "data" / "conll2002-nl"
OUT = ROOT / "wooflow" / "detect" / "data" / "model"
MODEL_VERSION = "1.3.0"
DEFAULT_C1, DEFAULT_C2 = 0.05, 0.01
GRID = [(0.05, 0.01), (0.1, 0.01), (0.05, 0.05), (0.02, 0.01)]
MAX_ITER = 150

Doc = list[tuple[list[str], list[str]]]


def read_conll(path: Path) -> list[Doc]:
    """Documents (split at -DOCSTART-) of sentences as (tokens, IOB labels)."""
    docs: list[Doc] = [[]]
    toks: list[str] = []
    labs: list[str] = []
    for line in path.read_text(encoding="latin-1").splitlines():
        parts = line.split()
        if not parts:
            if toks:
                docs[-1].append((toks, labs))
            toks, labs = [], []
            continue
        if parts[0] == "-DOCSTART-":
            if toks:
                docs[-1].append((toks, labs))
            toks, labs = [], []
            if docs[-1]:
                docs.append([])
            continue
        toks.append(parts[0])
        labs.append(parts[-1])
    if toks:
        docs[-1].append((toks, labs))
    return [d for d in docs if d]


def entities(labels: Sequence[str], kind: str = "PER") -> set[tuple[int, int]]:
    """Exact (start, end) token spans of one entity type, conlleval-style IOB1/IOB2 reading."""
    spans = set()
    start = -1
    for i, lab in enumerate([*labels, "O"]):
        typ = lab[2:] if lab != "O" else ""
        begins = typ == kind and (lab.startswith("B-") or start < 0)
        if start >= 0 and (typ != kind or lab.startswith("B-")):
            spans.add((start, i))
            start = -1
        if begins:
            start = i
    return spans


def score(gold: Sequence[Sequence[str]], pred: Sequence[Sequence[str]]) -> dict[str, float]:
    """PER precision/recall/F1 over sentences, entity-level exact match."""
    tp = fp = fn = 0
    for g, p in zip(gold, pred):
        gs, ps = entities(g), entities(p)
        tp += len(gs & ps)
        fp += len(ps - gs)
        fn += len(gs - ps)
    prec = tp / (tp + fp) if tp + fp else 0.0
    rec = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    return {"precision": round(prec, 4), "recall": round(rec, 4), "f1": round(f1, 4),
            "tp": tp, "fp": fp, "fn": fn}


def _deduce_lists() -> Path | None:
    try:
        import deduce  # type: ignore[import-untyped]
    except ImportError:
        return None
    return Path(deduce.__file__).parent / "data" / "lookup" / "src"


def _read_list(folder: Path) -> set[str]:
    items = set((folder / "items.txt").read_text(encoding="utf-8").splitlines())
    exc = folder / "exceptions.txt"
    if exc.exists():
        items -= set(exc.read_text(encoding="utf-8").splitlines())
    return {i.strip().lower() for i in items if i.strip()}


def build_lists(src: Path, out: Path) -> None:
    """Copy deduce's Dutch lookup lists, lower-cased, sorted, gzipped with a fixed mtime."""
    first = _read_list(src / "names" / "lst_first_name")
    surname = _read_list(src / "names" / "lst_surname")
    for item in _read_list(src / "names" / "lst_interfix_surname"):
        surname.add(item.split()[-1])
    place: set[str] = set()
    for sub in ("lst_residence", "lst_municipality", "lst_province", "lst_region"):
        place |= _read_list(src / "locations" / "lst_placename" / sub)
    common = _read_list(src / "whitelist" / "lst_common_word")
    common |= _read_list(src / "whitelist" / "lst_stop_word")
    for name, items in (("first", first), ("surname", surname), ("place", place),
                        ("common", common)):
        data = ("\n".join(sorted(items)) + "\n").encode("utf-8")
        (out / f"{name}.txt.gz").write_bytes(gzip.compress(data, mtime=0))


def featurize(fz: nm.Featurizer, docs: list[Doc], use_doc: bool) -> Iterator[
        tuple[list[list[str]], list[str]]]:
    """Feature lists and labels, document by document, in file order."""
    for doc in docs:
        ctx = nm.DocContext([t for t, _ in doc], fz.gaz) if use_doc else None
        for toks, labs in doc:
            yield fz.sentence(toks, ctx), labs


def data_hash(*paths: Path) -> str:
    """SHA-256 over the training inputs, to tie a model to its data."""
    h = hashlib.sha256()
    for p in paths:
        h.update(p.read_bytes())
    return h.hexdigest()[:16]


def evaluate(model_path: Path, docs: list[Doc]) -> dict[str, float]:
    """PER scores of a trained model file on documents."""
    model = nm.PersonNameModel.from_files(model_path)
    gold, pred = [], []
    for doc in docs:
        pred += model.tag_document([t for t, _ in doc])
        gold += [labs for _, labs in doc]
    return score(gold, pred)


def train(trainer: pycrfsuite.Trainer, path: Path, c1: float, c2: float) -> None:
    """One L-BFGS run with fixed settings (deterministic)."""
    trainer.set_params({"c1": c1, "c2": c2, "max_iterations": MAX_ITER,
                        "feature.possible_transitions": True})
    trainer.train(str(path))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--grid", action="store_true", help="tune c1/c2 on ned.testa first")
    ap.add_argument("--no-doc", action="store_true", help="without document-level features")
    ap.add_argument("--c1", type=float, default=DEFAULT_C1)
    ap.add_argument("--c2", type=float, default=DEFAULT_C2)
    args = ap.parse_args(argv)
    t0 = time.time()
    OUT.mkdir(parents=True, exist_ok=True)
    src = _deduce_lists()
    if src is not None:
        build_lists(src, OUT)
    gaz = nm.Gazetteers.load(OUT)
    train_docs = read_conll(DATA / "ned.train")
    dev_docs = read_conll(DATA / "ned.testa")
    use_doc = not args.no_doc
    # Set metadata first so evaluation through from_files sees the document-feature switch.
    meta_path = OUT / nm.META_FILE
    meta = {"document_features": use_doc}
    meta_path.write_text(json.dumps(meta), encoding="utf-8")
    trainer = pycrfsuite.Trainer(verbose=False)
    for xseq, yseq in featurize(nm.Featurizer(gaz), train_docs, use_doc):
        trainer.append(xseq, yseq)
    print(f"features ready in {time.time() - t0:.0f} s", flush=True)
    model_path = OUT / nm.MODEL_FILE
    best = (args.c1, args.c2)
    grid_log = []
    if args.grid:
        best_f = -1.0
        for c1, c2 in GRID:
            train(trainer, model_path, c1, c2)
            s = evaluate(model_path, dev_docs)
            grid_log.append({"c1": c1, "c2": c2, **s})
            print(f"c1={c1} c2={c2} {s}", flush=True)
            if s["f1"] > best_f:
                best_f, best = s["f1"], (c1, c2)
    train(trainer, model_path, *best)
    dev = evaluate(model_path, dev_docs)
    meta = {
        "version": MODEL_VERSION,
        "trained": dt.date.today().isoformat(),
        "features_version": nm.FEATURES_VERSION,
        "document_features": use_doc,
        "algorithm": "crfsuite lbfgs",
        "c1": best[0],
        "c2": best[1],
        "max_iterations": MAX_ITER,
        "train": "CoNLL-2002 Dutch ned.train",
        "dev": "CoNLL-2002 Dutch ned.testa",
        "data_sha256": data_hash(DATA / "ned.train", DATA / "ned.testa"),
        "lists_sha256": data_hash(*sorted(OUT.glob("*.txt.gz"))),
        "model_sha256": data_hash(model_path),
        "dev_per": dev,
        "grid": grid_log,
    }
    meta_path.write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
    print(f"dev PER {dev}; {model_path.stat().st_size / 1e6:.1f} MB; "
          f"{time.time() - t0:.0f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
