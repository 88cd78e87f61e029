"""Leave-one-set-out figures for the special-category clause model, through the whole detector.

Each annotated set is detected as one case (as ``score_sets.py`` does) with the clause model
trained WITHOUT that set (``training/train_clausemodel.py --folds-out DIR`` writes them), then
scored with ``../shared/tools/score_redaction.py``::

    .venv/bin/python training/train_clausemodel.py --folds-out /tmp/clause-folds
    .venv/bin/python evaluation/detect/clause_loso.py /tmp/clause-folds [dev h8 ...]
    .venv/bin/python evaluation/detect/clause_loso.py --packaged      # the shipped model (in sample)
    .venv/bin/python evaluation/detect/clause_loso.py --off           # the listed terms alone

Prints recall / kept public / character precision per set, and the special-category items
alone (gold P of health, financial situation, religion, criminal record: found / all).
``--out DIR`` keeps the findings (``<set>.jsonl``) and the scorer's reports (``<set>.txt``).
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "evaluation" / "detect"))

import score_sets  # noqa: E402

from wooflow.detect import Detector, clausemodel  # noqa: E402


def special_items(docs: Path, findings: Path) -> tuple[int, int]:
    """(P special-category items redacted, P total), the scorer's rule (90 % of the characters)."""
    red: dict[str, set[int]] = {}
    for line in findings.read_text(encoding="utf-8").splitlines():
        r = json.loads(line)
        if r["action"] == "redact":
            red.setdefault(Path(r["path"]).name, set()).update(range(r["start"], r["end"]))
    ok = total = 0
    for gold in sorted(docs.glob("*.gold.json")):
        name = gold.name.replace(".gold.json", ".txt")
        text = (docs / name).read_text(encoding="utf-8")
        r = red.get(name, set())
        for s in json.loads(gold.read_text(encoding="utf-8")):
            if s["kind"] != "P" or s["category"] not in clausemodel.GOLD_KINDS:
                continue
            chars = [i for i in range(s["start"], s["end"]) if not text[i].isspace()]
            total += 1
            ok += sum(i in r for i in chars) >= 0.9 * len(chars)
    return ok, total


def run_set(docs: Path, out: Path) -> str:
    last = score_sets.score_in_process(docs, out, Detector())
    ok, total = special_items(docs, out)
    return f"{last}  special items: {ok}/{total}"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folds", nargs="?", default="", help="folder of clausemodel-<set>.json")
    ap.add_argument("sets", nargs="*")
    ap.add_argument("--packaged", action="store_true", help="the shipped model on every set (in sample)")
    ap.add_argument("--off", action="store_true", help="no clause model: the listed terms alone")
    ap.add_argument("--out", type=Path, help="folder for findings and reports")
    ap.add_argument("--high", type=float, help="override the model's threshold for a clause on its own")
    ap.add_argument("--low", type=float, help="override the model's threshold for a clause next to a statement")
    args = ap.parse_args()
    sets = score_sets.available_sets()
    chosen = args.sets or list(sets)
    with tempfile.TemporaryDirectory() as tmp:
        out_dir = args.out or Path(tmp)
        out_dir.mkdir(parents=True, exist_ok=True)
        for name in chosen:
            if args.off:
                clausemodel.use(None)
            elif not args.packaged:
                clausemodel.use(clausemodel.load((Path(args.folds) / f"clausemodel-{name}.json").read_text()))
            m = clausemodel.model()
            if m is not None and (args.high is not None or args.low is not None):
                clausemodel.use(dataclasses.replace(m, high=m.high if args.high is None else args.high,
                                                    low=m.low if args.low is None else args.low))
            line = run_set(sets[name], out_dir / f"{name}.jsonl")
            print(f"{name:5} {line}", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
