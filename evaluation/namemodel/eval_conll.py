"""Print PER precision/recall/F1 of the packaged name model on CoNLL-2002 ned.testa.

The shipped model is trained on ned.train + ned.testa (the issue's training data), so by
default the ned.testa figures come from 5-fold cross-validation (each document tagged by a model
trained on ned.train and the other folds; ~5 min on 2 cores); ``--no-cv`` skips it. The shipped
model's own score on ned.testa is printed too, marked as a training-set figure.

With ``--neural DIR`` (a network trained by ``training/train_neural_names.py``: namenn.onnx.gz
+ namenn.json) also the network alone and the CRF+network ensemble. Also prints raw-text throughput of ``PersonNameModel.spans`` (characters per second, one core),
load time in a fresh process, and peak RSS. Usage: ``python evaluation/namemodel/eval_conll.py``
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "training"))
sys.path.insert(0, str(ROOT))

from train_namemodel import DATA, cross_validate, read_conll, score  # noqa: E402

from wooflow.detect.namemodel import PersonNameModel  # noqa: E402
from wooflow.detect.neuralnames import EnsembleParams  # noqa: E402


def load_time(neural: Path | None = None) -> float:
    """Seconds to import and load the model in a fresh interpreter."""
    code = (
        "import time; t=time.perf_counter();"
        "from wooflow.detect.namemodel import PersonNameModel; m=PersonNameModel.load();"
        + (f"m.use_neural(__import__('pathlib').Path({str(neural)!r}));" if neural else "")
        + "print(time.perf_counter()-t)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return float(out.stdout.strip())


def timed(model: PersonNameModel, text: str) -> tuple[list[tuple[int, int, float]], float, float]:
    """Spans plus wall-clock and CPU seconds (CPU time is what one core costs on a busy box)."""
    wall, cpu = time.perf_counter(), time.process_time()
    spans = model.spans(text)
    return spans, time.perf_counter() - wall, time.process_time() - cpu


def model_file() -> Path:
    """The packaged CRF file (the package is installed editable from this checkout)."""
    return ROOT / "wooflow" / "detect" / "data" / "model" / "namemodel.crfsuite"


def report(model: PersonNameModel, docs: list, args: argparse.Namespace, name: str,
           speed: bool = True, load: Path | None = None, seen: bool = False) -> None:
    """Accuracy on the split and, with ``speed``, throughput, linearity and load time."""
    gold, pred = [], []
    for doc in docs:
        pred += model.tag_document([t for t, _ in doc])
        gold += [labs for _, labs in doc]
    s = score(gold, pred)
    print(f"== {name}")
    note = " [split seen in training: not a test figure]" if seen else ""
    print(f"PER on {args.split} (entity exact match, per document){note}: "
          f"P={s['precision']:.4f} R={s['recall']:.4f} F1={s['f1']:.4f} "
          f"(tp={s['tp']} fp={s['fp']} fn={s['fn']})")
    alone = score(gold, [model.tag_tokens(t) for doc in docs for t, _ in doc])
    print(f"PER on {args.split}, each sentence alone (no document context){note}: "
          f"P={alone['precision']:.4f} R={alone['recall']:.4f} F1={alone['f1']:.4f}")
    if not speed:
        return
    text = "\n".join(" ".join(t) for doc in docs for t, _ in doc) + "\n"
    text = text * args.repeat
    spans, wall, cpu = timed(model, text)
    print(f"speed: {len(text) / cpu / 1000:.0f} k chars/s CPU time, "
          f"{len(text) / wall / 1000:.0f} k chars/s wall clock on raw text "
          f"({len(text) / 1e6:.2f} MB, {len(spans)} spans)")
    one_line = text.replace("\n", " ")
    _, wall, cpu = timed(model, one_line)
    print(f"speed: {len(one_line) / cpu / 1000:.0f} k chars/s CPU time, "
          f"{len(one_line) / wall / 1000:.0f} k chars/s wall clock, same text as one line")
    base = one_line[: len(one_line) // args.repeat]
    _, _, cpu1 = timed(model, base)
    _, _, cpu5 = timed(model, base * 5)
    print(f"linearity: one line of {len(base) / 1e6:.2f} MB {cpu1:.2f} s CPU, "
          f"5x as long {cpu5:.2f} s CPU (ratio {cpu5 / cpu1:.1f})")
    print(f"load time (fresh process): {load_time(load):.3f} s")
    print(f"peak RSS: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--split", default="ned.testa")
    ap.add_argument("--repeat", type=int, default=3, help="copies of the text for the speed run")
    ap.add_argument("--no-cv", action="store_true", help="skip the cross-validation")
    ap.add_argument("--jobs", type=int, default=2, help="folds trained in parallel")
    ap.add_argument("--neural", type=Path, default=None,
                    help="folder with namenn.onnx.gz + namenn.json to evaluate as ensemble")
    args = ap.parse_args()
    docs = read_conll(DATA / args.split)
    model = PersonNameModel.load()
    print(f"model {model.version} (features v{model.meta.get('features_version')}, "
          f"trained on {model.meta.get('train', '?')})"
          f"{' + network' if model.neural else ''}")
    seen = args.split in str(model.meta.get("train", ""))
    if seen and not args.no_cv and args.split == "ned.testa":
        t0 = time.perf_counter()
        cv = cross_validate(jobs=args.jobs)
        print(f"== 5-fold cross-validation (train: ned.train + 4/5 of ned.testa, c1/c2 "
              f"{model.meta.get('c1')}/{model.meta.get('c2')}; "
              f"{time.perf_counter() - t0:.0f} s wall clock)")
        print(f"PER on ned.testa (entity exact match, per document, pooled over folds): "
              f"P={cv['precision']:.4f} R={cv['recall']:.4f} F1={cv['f1']:.4f} "
              f"(tp={cv['tp']} fp={cv['fp']} fn={cv['fn']}; F1 per fold {cv['per_fold_f1']})")
    report(model, docs, args, "shipped model", seen=seen)
    if args.neural is not None:
        crf = PersonNameModel.from_files(model_file(), None)
        crf.meta, crf.neural, crf.ensemble = model.meta, None, None
        report(crf, docs, args, "CRF alone", speed=False)
        crf.use_neural(args.neural)
        tuned = crf.ensemble
        crf.ensemble = EnsembleParams(weight=0.0, keep=0.5, add=0.5, gate=0.0)
        report(crf, docs, args, "network alone (person decision; other types from the CRF)",
               speed=False)
        crf.ensemble = tuned
        report(crf, docs, args, f"ensemble {tuned}", load=args.neural)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
