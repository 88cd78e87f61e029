"""Rebuild the packaged Dutch person-name CRF from CoNLL-2002 (ned.train + ned.testa).

Usage: ``python training/train_namemodel.py [--cv] [--train-only] [--grid] [--no-doc] [--no-vote]``

The issue names both the train and the development split as training data, so the shipped
model learns from both. Its development-split figures therefore come from 5-fold
cross-validation over the documents of ned.testa (``--cv``, also run by
evaluation/namemodel/eval_conll.py): each fold is tagged by a model trained on ned.train plus
the other four folds, with its lists built from those documents only. ``--train-only`` trains on
ned.train alone (the earlier protocol; then ned.testa is a plain held-out split).

Writes wooflow/detect/data/model/ (namemodel.crfsuite, namemodel.attrs.gz, the lists and
namemodel.json: version, date, features version, data/list/model hashes, c1/c2, dev scores).
The name lists are rebuilt from the ``deduce``, ``faker`` and ``wordfreq`` packages when
installed (bench extra), otherwise the shipped lists are used as they are; the lists drawn from
the training text (entity words, lower-case words) always.
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
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import replace
from pathlib import Path
from typing import Any

import pycrfsuite

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from wooflow.detect import namemodel as nm  # noqa: E402

DATA = ROOT.parent / "shared" / "data" / "conll2002-nl"
SHARED = ROOT.parent / "shared" / "data"
OUT = ROOT / "wooflow" / "detect" / "data" / "model"
MODEL_VERSION = "3.0.0"
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


def voc_notes() -> list[Doc]:
    """The modern-Dutch editors' notes of the VOC *Generale Missiven* corpus (Apache-2.0), all splits.

    ``documents.tsv`` lists the documents in file order with their type (``text`` is the
    17th-century letter itself, ``notes`` the 20th-century editors' Dutch).
    """
    folder = SHARED / "voc-missives-nl"
    rows = [line.split("\t") for line in (folder / "documents.tsv").read_text(encoding="utf-8").splitlines()[1:]]
    docs: list[Doc] = []
    for split in ("train", "dev", "test"):
        kinds = [r[2] for r in rows if r[0] == split]
        part = read_conll(folder / f"{split}.conll")
        if len(part) != len(kinds):
            raise ValueError(f"voc-missives-nl {split}: {len(part)} documents, {len(kinds)} in documents.tsv")
        docs += [d for d, kind in zip(part, kinds, strict=True) if kind == "notes"]
    return docs


def europeana(per_doc: int = 40) -> list[Doc]:
    """Europeana Newspapers KB (CC0), OCR'd 19th-century papers, cut into pseudo-documents."""
    stream = read_conll(SHARED / "europeana-nl-kb" / "enp_NL.kb.conll")
    sents = [s for d in stream for s in d]
    return [sents[i:i + per_doc] for i in range(0, len(sents), per_doc)]


EXTRA: dict[str, Callable[[], list[Doc]]] = {"voc-notes": voc_notes, "europeana": europeana}
EXTRA_DEFAULT: tuple[str, ...] = ()


def extra_docs(names: Sequence[str]) -> list[Doc]:
    """Documents of the extra training corpora named (keys of ``EXTRA``), in that order."""
    return [d for name in names for d in EXTRA[name]()]


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


def _faker_strings(package: Any, wanted: Callable[[str], bool], inherited: bool) -> Iterator[str]:
    """Latin-script strings of every locale's Provider attribute that ``wanted`` accepts
    (``inherited``: also attributes a locale inherits from the generic provider)."""
    latin = re.compile(r"^[A-Za-zÀ-ÖØ-öø-ÿĀ-ſ' -]+$")
    for mod_info in sorted(pkgutil.iter_modules(package.__path__), key=lambda m: m.name):
        provider = getattr(importlib.import_module(f"{package.__name__}.{mod_info.name}"),
                           "Provider", None)
        attrs = () if provider is None else dir(provider) if inherited else vars(provider)
        for attr in sorted(a for a in attrs if wanted(a)):
            value = getattr(provider, attr)
            items = value.keys() if isinstance(value, dict) else value
            if not isinstance(items, (list, tuple, type({}.keys()))):
                continue
            yield from (i for i in items if isinstance(i, str) and latin.match(i))


def build_intl_list(out: Path) -> bool:
    """Latin-script person names and place names of all Faker locales (MIT), if installed."""
    try:
        import faker.providers.address as address  # type: ignore[import-untyped]
        import faker.providers.person as person  # type: ignore[import-untyped]
    except ImportError:
        return False
    names: set[str] = set()
    for item in _faker_strings(person, lambda a: a.startswith(("first_name", "last_name")), True):
        names.update(item.lower().split())
    data = ("\n".join(sorted(names)) + "\n").encode("utf-8")
    (out / "intl.txt.gz").write_bytes(gzip.compress(data, mtime=0))
    places: set[str] = set()
    wanted = {"countries", "cities", "city_names", "states", "provinces", "regions",
              "counties", "districts"}
    for item in _faker_strings(address, lambda a: a in wanted, False):
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


def build_zipf_lists(out: Path) -> bool:
    """Zipf frequency classes of Dutch and English words from ``wordfreq`` (CC BY-SA 4.0 data).

    One line per class (floored Zipf value 1-6; words under 1.5 are left out and read as 0):
    ``class<TAB>word word ...``. Only letter words, as the tokenizer produces them.
    """
    try:
        import wordfreq  # type: ignore[import-untyped]
    except ImportError:
        return False
    word_re = re.compile(r"^[^\W\d_]+(?:['’-][^\W\d_]+)*$")
    for lang in ("nl", "en"):
        classes: dict[int, list[str]] = defaultdict(list)
        for word in wordfreq.get_frequency_dict(lang, wordlist="large"):
            z = wordfreq.zipf_frequency(word, lang, wordlist="large")
            if z >= 1.5 and word_re.match(word):
                classes[min(6, int(z))].append(word)
        data = "".join(f"{c}\t{' '.join(sorted(ws))}\n" for c, ws in sorted(classes.items()))
        (out / f"zipf_{lang}.txt.gz").write_bytes(gzip.compress(data.encode("utf-8"), mtime=0))
    return True


def static_lists(work: Path) -> None:
    """Lists that do not depend on the training text: packaged ones, rebuilt when possible."""
    for f in sorted(OUT.glob("*.txt.gz")):
        shutil.copy(f, work / f.name)
    src = _deduce_lists()
    if src is not None:
        build_lists(src, work)
    build_intl_list(work)
    build_zipf_lists(work)


def text_lists(work: Path, docs: Sequence[Doc]) -> None:
    """Lists drawn from the training documents (entity words, lower-case words)."""
    seen = seen_entities(docs).encode("utf-8")
    (work / "train_names.txt.gz").write_bytes(gzip.compress(seen, mtime=0))
    lower = lower_words(docs).encode("utf-8")
    (work / "lower.txt.gz").write_bytes(gzip.compress(lower, mtime=0))


def fit(docs: list[Doc], work: Path, c1: float, c2: float, use_doc: bool = True,
        vote: bool = True) -> Path:
    """Lists from ``docs`` plus a trained CRF in ``work`` (which holds the static lists)."""
    text_lists(work, docs)
    gaz = nm.Gazetteers.load(work)
    data = [x for _, x in featurize(gaz, docs, use_doc)]
    labels = [labs for doc in docs for _, labs in doc]
    write_meta(work, {"document_features": use_doc, "vote_types": vote})
    train(list(zip(data, labels)), work / nm.MODEL_FILE, c1, c2)
    return work / nm.MODEL_FILE


def _fold(args: tuple[int, int, Path, float, float, tuple[str, ...]]) -> tuple[list, list]:
    """Train on ned.train + the extra corpora + the other folds of ned.testa; tag fold ``k``
    (gold, predicted)."""
    k, folds, static, c1, c2, extra = args
    dev = read_conll(DATA / "ned.testa")
    docs = (read_conll(DATA / "ned.train") + extra_docs(extra)
            + [d for i, d in enumerate(dev) if i % folds != k])
    work = Path(tempfile.mkdtemp(prefix=f"namemodel-cv{k}-"))
    try:
        for f in static.glob("*.txt.gz"):
            shutil.copy(f, work / f.name)
        fit(docs, work, c1, c2)
        model = nm.PersonNameModel.from_files(work / nm.MODEL_FILE, work / nm.META_FILE)
        test = [d for i, d in enumerate(dev) if i % folds == k]
        pred = [labs for d in test for labs in model.tag_document([t for t, _ in d])]
        return [labs for d in test for _, labs in d], pred
    finally:
        shutil.rmtree(work)


def cross_validate(folds: int = 5, c1: float = DEFAULT_C1, c2: float = DEFAULT_C2,
                   jobs: int = 2, static: Path | None = None,
                   extra: Sequence[str] = ()) -> dict[str, object]:
    """Pooled PER scores on ned.testa, every document tagged by a model that never saw it.

    Documents go to folds by index (``i % folds``), so the split is fixed and reproducible.
    ``static``: a folder with the static lists (default: the packaged ones).
    """
    static = static or OUT
    with ProcessPoolExecutor(max_workers=max(1, jobs)) as pool:
        parts = list(pool.map(_fold, [(k, folds, static, c1, c2, tuple(extra)) for k in range(folds)]))
    gold = [g for gs, _ in parts for g in gs]
    pred = [p for _, ps in parts for p in ps]
    per_fold = [score(gs, ps) for gs, ps in parts]
    return {**score(gold, pred), "folds": folds, "per_fold_f1": [f["f1"] for f in per_fold]}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--cv", action="store_true",
                    help="also 5-fold cross-validation on ned.testa (recorded in namemodel.json)")
    ap.add_argument("--train-only", action="store_true", help="train on ned.train alone")
    ap.add_argument("--grid", action="store_true", help="tune c1/c2 (by cross-validation)")
    ap.add_argument("--no-doc", action="store_true", help="without document-level cues")
    ap.add_argument("--no-vote", action="store_true", help="without the document type vote")
    ap.add_argument("--c1", type=float, default=DEFAULT_C1)
    ap.add_argument("--c2", type=float, default=DEFAULT_C2)
    ap.add_argument("--jobs", type=int, default=2, help="parallel folds")
    ap.add_argument("--extra", default=",".join(EXTRA_DEFAULT),
                    help=f"extra training corpora, comma-separated, of {sorted(EXTRA)} ('' for none)")
    ap.add_argument("--cv-only", action="store_true", help="cross-validate and stop (no model written)")
    args = ap.parse_args(argv)
    t0 = time.time()
    work = Path(tempfile.mkdtemp(prefix="namemodel-"))
    static_lists(work)
    extra = tuple(x for x in args.extra.split(",") if x)
    train_docs = read_conll(DATA / "ned.train") + extra_docs(extra)
    dev_docs = read_conll(DATA / "ned.testa")
    best = (args.c1, args.c2)
    grid_log: list[dict[str, object]] = []
    if args.grid:
        best_f = -1.0
        for c1, c2 in GRID:
            if args.train_only:
                fit(train_docs, work, c1, c2)
                s: dict[str, object] = dict(evaluate(work, dev_docs))
            else:
                s = cross_validate(c1=c1, c2=c2, jobs=args.jobs, static=work, extra=extra)
            grid_log.append({"c1": c1, "c2": c2, **s})
            print(f"c1={c1} c2={c2} {s} ({time.time() - t0:.0f} s)", flush=True)
            if float(s["f1"]) > best_f:  # type: ignore[arg-type]
                best_f, best = float(s["f1"]), (c1, c2)  # type: ignore[arg-type]
    cv = None
    if args.cv and not args.train_only:
        cv = cross_validate(c1=best[0], c2=best[1], jobs=args.jobs, static=work, extra=extra)
        print(f"5-fold cross-validation on ned.testa: {cv} ({time.time() - t0:.0f} s)",
              flush=True)
    if args.cv_only:
        shutil.rmtree(work)
        return 0
    docs = train_docs if args.train_only else train_docs + dev_docs
    use_doc, vote = not args.no_doc, not args.no_vote
    model_path = fit(docs, work, *best, use_doc=use_doc, vote=vote)
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
        "train": "CoNLL-2002 Dutch ned.train" + ("" if args.train_only else " + ned.testa"),
        "dev": "CoNLL-2002 Dutch ned.testa",
        "data_sha256": data_hash(DATA / "ned.train", DATA / "ned.testa"),
        "lists_sha256": data_hash(*sorted(work.glob("*.txt.gz"))),
        "model_sha256": data_hash(model_path),
        # With ned.testa in the training data its plain score is a training-set figure; the
        # cross-validated one is the estimate for unseen text.
        "dev_per": dev if args.train_only else None,
        "dev_per_seen_in_training": None if args.train_only else dev,
        "dev_per_cv": cv,
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
