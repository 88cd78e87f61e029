"""Person names on CoNLL-2002 ned.testa through the WHOLE detector, beside the model alone.

The shipped model was trained on ned.train + ned.testa, so each ned.testa document is detected
with a fold model that never saw it (the same 5 folds as training/train_namemodel.py's
cross-validation: document i is in fold i % 5; each fold model is trained on ned.train, the
extra corpora the shipped model uses (``train_namemodel.EXTRA_DEFAULT``) and the other four
folds, with its text-derived lists rebuilt from those documents only).

For every fold the script prints, on the same documents:
- the model alone (``PersonNameModel.tag_document``, what the CV figure of the model measures);
- the whole detector (``Detector().detect`` per document, the person recognizer using the fold
  model): every finding of category ``person`` counts as a predicted PER entity, kept or
  redacted (a minister is a person; keep/redact is judged elsewhere).

Text: each sentence's tokens joined by single spaces, sentences by newlines, documents detected
one at a time (news articles are not one Woo case). Scoring: entity level, exact token span
match (a finding covers the tokens it overlaps). Usage:

    .venv/bin/python evaluation/namemodel/eval_conll_detector.py [--cache DIR] [--jobs 2] [--errors N]

``--cache DIR`` keeps the five fold models between runs (training takes ~6 min on 2 cores).
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "training"))
sys.path.insert(0, str(ROOT))

import train_namemodel as tn  # noqa: E402

from wooflow.detect import namemodel as nm  # noqa: E402

FOLDS = 5


def fold_model(k: int, cache: Path) -> Path:
    """Train (or reuse) the model of fold ``k``; returns its folder."""
    folder = cache / f"fold{k}"
    if (folder / nm.MODEL_FILE).is_file():
        return folder
    dev = tn.read_conll(tn.DATA / "ned.testa")
    docs = (tn.read_conll(tn.DATA / "ned.train") + tn.extra_docs(tn.EXTRA_DEFAULT)
            + [d for i, d in enumerate(dev) if i % FOLDS != k])
    work = Path(tempfile.mkdtemp(prefix=f"conll-fold{k}-"))
    tn.static_lists(work)
    tn.fit(docs, work, tn.DEFAULT_C1, tn.DEFAULT_C2)
    folder.parent.mkdir(parents=True, exist_ok=True)
    shutil.move(str(work), str(folder))
    return folder


def _text_of(doc: list) -> tuple[str, list[list[tuple[int, int]]]]:
    lines, offsets, pos = [], [], 0
    for toks, _ in doc:
        spans = []
        for t in toks:
            spans.append((pos, pos + len(t)))
            pos += len(t) + 1
        lines.append(" ".join(toks))
        offsets.append(spans)
    return "\n".join(lines), offsets


def _labels(findings: list[tuple[int, int]], offsets: list[list[tuple[int, int]]]) -> list[list[str]]:
    out = []
    for sent in offsets:
        labs = ["O"] * len(sent)
        for s, e in findings:
            inside = [i for i, (a, b) in enumerate(sent) if a < e and s < b]
            for j, i in enumerate(inside):
                labs[i] = "B-PER" if j == 0 else "I-PER"
        out.append(labs)
    return out


def run_fold(args: tuple[int, str, str]) -> dict[str, object]:
    k, cache, resolver_folds = args
    folder = fold_model(k, Path(cache))
    model = nm.PersonNameModel.from_files(folder / nm.MODEL_FILE, folder / nm.META_FILE)
    from wooflow.detect import Detector, resolver
    from wooflow.detect.recognizers import person

    if resolver_folds:  # the resolver's combiner trained without this fold's documents
        resolver.use(resolver.load((Path(resolver_folds) / f"resolver-fold{k}.json").read_text(encoding="utf-8")))

    person._model = lambda: model  # type: ignore[assignment]  # the fold model, not the shipped one
    det = Detector()
    dev = tn.read_conll(tn.DATA / "ned.testa")
    test = [d for i, d in enumerate(dev) if i % FOLDS == k]
    gold, alone, whole, texts = [], [], [], []
    cpu = 0.0
    for doc in test:
        gold += [labs for _, labs in doc]
        alone += model.tag_document([t for t, _ in doc])
        text, offsets = _text_of(doc)
        t0 = time.process_time()
        found = det.detect(text)
        cpu += time.process_time() - t0
        spans = [(f.start, f.end) for f in found if f.category == "person"]
        whole += _labels(spans, offsets)
        texts += [" ".join(t) for t, _ in doc]
    return {"k": k, "gold": gold, "alone": alone, "whole": whole, "texts": texts, "cpu": cpu,
            "chars": sum(len(t) for t in texts)}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cache", default=str(Path(tempfile.gettempdir()) / "wooflow-conll-folds"))
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--errors", type=int, default=0, help="print this many errors of the whole detector")
    ap.add_argument("--versus-model", action="store_true",
                    help="list where the detector and the model alone differ: persons the model found and the "
                         "detector lost, false persons the detector added")
    ap.add_argument("--resolver-folds", default="", help="per-fold resolver combiners (training/train_resolver.py"
                    " --folds-out); without it the packaged combiner, which was trained on ned.testa, is used")
    args = ap.parse_args()
    t0 = time.time()
    with ProcessPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        parts = list(pool.map(run_fold, [(k, args.cache, args.resolver_folds) for k in range(FOLDS)]))
    gold = [g for p in parts for g in p["gold"]]  # type: ignore[attr-defined]
    alone = [g for p in parts for g in p["alone"]]  # type: ignore[attr-defined]
    whole = [g for p in parts for g in p["whole"]]  # type: ignore[attr-defined]
    a, w = tn.score(gold, alone), tn.score(gold, whole)
    print(f"CoNLL-2002 ned.testa, PER, {FOLDS}-fold (each document detected with a model that never saw it)")
    print(f"  model alone      precision {a['precision']:.3f}  recall {a['recall']:.3f}  F1 {a['f1']:.3f}"
          f"  (tp {a['tp']}, fp {a['fp']}, fn {a['fn']})")
    print(f"  whole detector   precision {w['precision']:.3f}  recall {w['recall']:.3f}  F1 {w['f1']:.3f}"
          f"  (tp {w['tp']}, fp {w['fp']}, fn {w['fn']})")
    for p in parts:
        fa, fw = tn.score(p["gold"], p["alone"]), tn.score(p["gold"], p["whole"])  # type: ignore[arg-type]
        print(f"    fold {p['k']}: alone F1 {fa['f1']:.3f}, detector F1 {fw['f1']:.3f} "
              f"(P {fw['precision']:.3f} R {fw['recall']:.3f})")
    chars = sum(int(p["chars"]) for p in parts)  # type: ignore[call-overload]
    cpu = sum(float(p["cpu"]) for p in parts)  # type: ignore[arg-type]
    print(f"  detector speed on this text: {chars / cpu:,.0f} characters per CPU-second "
          f"({time.time() - t0:.0f} s in all)")
    if args.versus_model:
        texts = [t for p in parts for t in p["texts"]]  # type: ignore[attr-defined]
        lost, added = [], []
        for txt, g, pa, pw in zip(texts, gold, alone, whole, strict=True):
            ge, ae, we = tn.entities(g), tn.entities(pa), tn.entities(pw)
            toks = txt.split(" ")
            lost += [f"{' '.join(toks[s:e])!r} | {txt[:110]}" for s, e, *_ in sorted((ge & ae) - we)]
            added += [f"{' '.join(toks[s:e])!r} | {txt[:110]}" for s, e, *_ in sorted((we - ge) - ae)]
        print(f"  lost by the detector ({len(lost)}): persons the model alone found")
        print("\n".join("    " + x for x in lost))
        print(f"  added by the detector ({len(added)}): false persons the model alone did not have")
        print("\n".join("    " + x for x in added))
    if args.errors:
        texts = [t for p in parts for t in p["texts"]]  # type: ignore[attr-defined]
        shown = 0
        for txt, g, pw in zip(texts, gold, whole, strict=True):
            ge, pe = tn.entities(g), tn.entities(pw)
            if ge == pe:
                continue
            toks = txt.split(" ")
            miss = [" ".join(toks[s:e]) for s, e, *_ in sorted(ge - pe)]
            extra = [" ".join(toks[s:e]) for s, e, *_ in sorted(pe - ge)]
            print(f"  missed {miss} extra {extra} | {txt[:150]}")
            shown += 1
            if shown >= args.errors:
                break
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
