"""Rebuild the packaged Dutch person-name CRF from CoNLL-2002 (train split; tuned on testa).

Usage: ``python training/train_namemodel.py [--grid] [--no-doc] [--no-vote]``

Writes wooflow/detect/data/model/ (namemodel.crfsuite, namemodel.attrs.gz, the lists and
namemodel.json: version, date, features version, data/list/model hashes, c1/c2, dev scores).
The name lists are rebuilt from the ``deduce`` and ``faker`` packages when installed (bench
extra), otherwise the shipped lists are used as they are; the train-split lists always.
Deterministic: fixed input order and no random components, so the .crfsuite file is identical
on every run with the same data and lists.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import hashlib
import importlib
import json
import pkgutil
import re
import os
import shutil
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import replace
from pathlib import Path

import pycrfsuite

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from wooflow.detect import namemodel as nm  # noqa: E402

DATA = ROOT.parent / "shared" / "data" / "conll2002-nl"
OUT = ROOT / "wooflow" / "detect" / "data" / "model"
MODEL_VERSION = "2.0.0"
DEFAULT_C1, DEFAULT_C2 = 0.2, 0.01
GRID = [(0.2, 0.01), (0.1, 0.05), (0.3, 0.1)]
MAX_ITER = 150
FOLDS = 5
LOWER_MIN = 2

Doc = list[tuple[list[str], list[str]]]


def read_conll(path: Path) -> list[Doc]:
    """Documents (split at -DOCSTART-) of sentences as (tokens, IOB labels)."""
    docs: list[Doc] = [[]]
    toks: list[str] = []
    labs: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
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


def lower_words(docs: Sequence[Doc]) -> str:
    """Words written in lower case (LOWER_MIN times or more) mid-sentence in the training text.

    A capitalised word whose lower-case form is an ordinary word ("Kern", "Tijdens") is
    seldom a name; deduce's common-word list is too short to tell. Built from text, not
    labels, so no jackknife is needed.
    """
    counts: Counter[str] = Counter()
    for doc in docs:
        for toks, _ in doc:
            counts.update(t for t in toks[1:] if t.isalpha() and t.islower())
    return "\n".join(sorted(w for w, c in counts.items() if c >= LOWER_MIN)) + "\n"


def seen_entities(docs: Sequence[Doc]) -> str:
    """``word<TAB>types`` lines: entity types a capitalised word had, and its majority label."""
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for doc in docs:
        for toks, labs in doc:
            for tok, lab in zip(toks, labs):
                if tok[:1].isupper():
                    counts[tok.lower()][lab[2:] if lab != "O" else "O"] += 1
    lines = []
    for word in sorted(counts):
        c = counts[word]
        types = sorted(t for t in c if t != "O")
        if types:
            top = max(sorted(c), key=lambda t: c[t])
            lines.append(word + "\t" + ",".join([*types, "m" + top]))
    return "\n".join(lines) + "\n"


def build_intl_list(out: Path) -> bool:
    """Latin-script person names and place names of all Faker locales (MIT), if installed."""
    try:
        import faker.providers.person as person  # type: ignore[import-untyped]
    except ImportError:
        return False
    latin = re.compile(r"^[A-Za-zÀ-ÖØ-öø-ÿĀ-ſ' -]+$")
    names: set[str] = set()
    for mod_info in sorted(pkgutil.iter_modules(person.__path__), key=lambda m: m.name):
        provider = getattr(importlib.import_module(f"{person.__name__}.{mod_info.name}"),
                           "Provider", None)
        for attr in sorted(dir(provider)) if provider is not None else []:
            if not (attr.startswith("first_name") or attr.startswith("last_name")):
                continue
            value = getattr(provider, attr)
            items = value.keys() if isinstance(value, dict) else value
            if not isinstance(items, (list, tuple, type({}.keys()))):
                continue
            for item in items:
                if isinstance(item, str) and latin.match(item):
                    names.update(item.lower().split())
    data = ("\n".join(sorted(names)) + "\n").encode("utf-8")
    (out / "intl.txt.gz").write_bytes(gzip.compress(data, mtime=0))
    import faker.providers.address as address  # type: ignore[import-untyped]

    places: set[str] = set()
    wanted = {"countries", "cities", "city_names", "states", "provinces", "regions",
              "counties", "districts"}
    for mod_info in sorted(pkgutil.iter_modules(address.__path__), key=lambda m: m.name):
        provider = getattr(importlib.import_module(f"{address.__name__}.{mod_info.name}"),
                           "Provider", None)
        for attr in sorted(wanted & set(vars(provider) if provider is not None else {})):
            value = getattr(provider, attr)
            items = value.keys() if isinstance(value, dict) else value
            if not isinstance(items, (list, tuple, type({}.keys()))):
                continue
            for item in items:
                if isinstance(item, str) and latin.match(item):
                    places.add(item.lower())
                    places.update(w for w in item.lower().split() if len(w) > 3)
    data = ("\n".join(sorted(places)) + "\n").encode("utf-8")
    (out / "world.txt.gz").write_bytes(gzip.compress(data, mtime=0))
    return True


def featurize(gaz: nm.Gazetteers, docs: list[Doc], use_doc: bool) -> Iterator[
        tuple[int, list[list[str]]]]:
    """(document index, feature lists) per sentence in file order.

    The train-entity list is jackknifed: a document's features use the list built from the
    other folds only, so the model does not learn to trust a list that always contains the
    answer (at run time the list from all training documents is used).
    """
    folds = [[d for i, d in enumerate(docs) if i % FOLDS != k] for k in range(FOLDS)]
    fzs = [nm.Featurizer(replace(gaz, seen=nm.parse_seen(seen_entities(f)))) for f in folds]
    for i, doc in enumerate(docs):
        fz = fzs[i % FOLDS]
        ctx = nm.DocContext([t for t, _ in doc], fz.gaz) if use_doc else None
        for toks, _ in doc:
            yield i, fz.sentence(toks, ctx)


def data_hash(*paths: Path) -> str:
    """SHA-256 over the training inputs, to tie a model to its data."""
    h = hashlib.sha256()
    for p in paths:
        h.update(p.read_bytes())
    return h.hexdigest()[:16]


def evaluate(folder: Path, docs: list[Doc]) -> dict[str, float]:
    """PER scores of the model files in ``folder`` on documents."""
    model = nm.PersonNameModel.from_files(folder / nm.MODEL_FILE, folder / nm.META_FILE)
    gold, pred = [], []
    for doc in docs:
        pred += model.tag_document([t for t, _ in doc])
        gold += [labs for _, labs in doc]
    return score(gold, pred)


def train(data: Sequence[tuple[list[list[str]], list[str]]], path: Path, c1: float,
          c2: float) -> None:
    """One L-BFGS run with fixed settings and input order (deterministic)."""
    trainer = pycrfsuite.Trainer(verbose=False)
    for xseq, yseq in data:
        trainer.append(xseq, yseq)
    trainer.set_params({"c1": c1, "c2": c2, "max_iterations": MAX_ITER,
                        "feature.possible_transitions": True})
    trainer.train(str(path))


def write_meta(folder: Path, meta: dict[str, object]) -> None:
    (folder / nm.META_FILE).write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--grid", action="store_true", help="tune c1/c2 on ned.testa")
    ap.add_argument("--no-doc", action="store_true", help="without document-level cues")
    ap.add_argument("--no-vote", action="store_true", help="without the document type vote")
    ap.add_argument("--c1", type=float, default=DEFAULT_C1)
    ap.add_argument("--c2", type=float, default=DEFAULT_C2)
    args = ap.parse_args(argv)
    t0 = time.time()
    work = Path(tempfile.mkdtemp(prefix="namemodel-"))
    for f in OUT.glob("*.txt.gz"):
        shutil.copy(f, work / f.name)
    src = _deduce_lists()
    if src is not None:
        build_lists(src, work)
    build_intl_list(work)
    train_docs = read_conll(DATA / "ned.train")
    seen = seen_entities(train_docs).encode("utf-8")
    (work / "train_names.txt.gz").write_bytes(gzip.compress(seen, mtime=0))
    lower = lower_words(train_docs).encode("utf-8")
    (work / "lower.txt.gz").write_bytes(gzip.compress(lower, mtime=0))
    gaz = nm.Gazetteers.load(work)
    dev_docs = read_conll(DATA / "ned.testa")
    use_doc, vote = not args.no_doc, not args.no_vote
    data = [x for _, x in featurize(gaz, train_docs, use_doc)]
    labels = [labs for doc in train_docs for _, labs in doc]
    data_xy = list(zip(data, labels))
    print(f"features ready in {time.time() - t0:.0f} s", flush=True)
    write_meta(work, {"document_features": use_doc, "vote_types": vote})
    model_path = work / nm.MODEL_FILE
    best = (args.c1, args.c2)
    grid_log: list[dict[str, object]] = []
    if args.grid:
        best_f = -1.0
        for c1, c2 in GRID:
            train(data_xy, model_path, c1, c2)
            s = evaluate(work, dev_docs)
            grid_log.append({"c1": c1, "c2": c2, **s})
            print(f"c1={c1} c2={c2} {s} ({time.time() - t0:.0f} s)", flush=True)
            if s["f1"] > best_f:
                best_f, best = s["f1"], (c1, c2)
    train(data_xy, model_path, *best)
    dev = evaluate(work, dev_docs)
    meta = {
        "version": MODEL_VERSION,
        "trained": dt.date.today().isoformat(),
        "features_version": nm.FEATURES_VERSION,
        "document_features": use_doc,
        "vote_types": vote,
        "algorithm": "python-crfsuite, linear-chain CRF, L-BFGS with elastic net",
        "c1": best[0],
        "c2": best[1],
        "max_iterations": MAX_ITER,
        "train": "CoNLL-2002 Dutch ned.train",
        "dev": "CoNLL-2002 Dutch ned.testa",
        "data_sha256": data_hash(DATA / "ned.train", DATA / "ned.testa"),
        "lists_sha256": data_hash(*sorted(work.glob("*.txt.gz"))),
        "model_sha256": data_hash(model_path),
        "dev_per": dev,
        "grid": grid_log,
    }
    write_meta(work, meta)
    tagger = pycrfsuite.Tagger()
    tagger.open(str(model_path))
    attrs = sorted({a for a, _ in tagger.info().state_features})
    tagger.close()
    data_attrs = ("\n".join(attrs) + "\n").encode("utf-8")
    (work / nm.ATTRS_FILE).write_bytes(gzip.compress(data_attrs, mtime=0))
    OUT.mkdir(parents=True, exist_ok=True)
    for f in [*sorted(work.glob("*.txt.gz")), model_path, work / nm.ATTRS_FILE,
              work / nm.META_FILE]:
        shutil.copy(f, OUT / (f.name + ".tmp"))
        os.replace(OUT / (f.name + ".tmp"), OUT / f.name)
    shutil.rmtree(work)
    size = (OUT / nm.MODEL_FILE).stat().st_size
    print(f"dev PER {dev}; {size / 1e6:.1f} MB; {time.time() - t0:.0f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
