"""Leave-one-set-out figures for the address combiner, through the whole detector.

Each annotated set is detected as one case (as ``score_sets.py`` does) with the address
combiner that was trained WITHOUT that set (``training/train_addressmodel.py --folds-out DIR``
writes them), then scored with ``../shared/tools/score_redaction.py``::

    .venv/bin/python training/train_addressmodel.py --folds-out /tmp/address-folds
    .venv/bin/python evaluation/detect/address_loso.py /tmp/address-folds [dev h8 ...]
    .venv/bin/python evaluation/detect/address_loso.py --packaged      # the shipped combiner
    .venv/bin/python evaluation/detect/address_loso.py --off           # the rules alone

Prints recall / kept public / character precision per set, and the same for the address items
alone (gold P/K of an address, place, switchboard or phone category).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "evaluation" / "detect"))

import score_sets  # noqa: E402

from wooflow.detect import Detector, addressmodel  # noqa: E402

ADDRESS_WORDS = ("addr", "place", "switch", "phone", "street", "resid", "birthplace")


def address_items(docs: Path, findings: Path) -> tuple[int, int, int, int]:
    """(P address items redacted, P total, K address items kept, K total), the scorer's rules."""
    red: dict[str, set[int]] = {}
    for line in findings.read_text(encoding="utf-8").splitlines():
        r = json.loads(line)
        if r["action"] == "redact":
            red.setdefault(Path(r["path"]).name, set()).update(range(r["start"], r["end"]))
    p_ok = p_all = k_ok = k_all = 0
    for gold in sorted(docs.glob("*.gold.json")):
        name = gold.name.replace(".gold.json", ".txt")
        text = (docs / name).read_text(encoding="utf-8")
        r = red.get(name, set())
        for s in json.loads(gold.read_text(encoding="utf-8")):
            if not any(w in s["category"] for w in ADDRESS_WORDS):
                continue
            chars = [i for i in range(s["start"], s["end"]) if not text[i].isspace()]
            if s["kind"] == "P":
                p_all += 1
                p_ok += sum(i in r for i in chars) >= 0.9 * len(chars)
            elif s["kind"] == "K":
                k_all += 1
                k_ok += not any(i in r for i in chars)
    return p_ok, p_all, k_ok, k_all


def run_set(docs: Path, out: Path) -> str:
    last = score_sets.score_in_process(docs, out, Detector())
    p_ok, p_all, k_ok, k_all = address_items(docs, out)
    return f"{last}  address items: P {p_ok}/{p_all}, K {k_ok}/{k_all}"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folds", nargs="?", default="", help="folder of addressmodel-<set>.json")
    ap.add_argument("sets", nargs="*")
    ap.add_argument("--packaged", action="store_true", help="the shipped combiner on every set (in sample)")
    ap.add_argument("--off", action="store_true", help="no combiner: the rules' verdicts")
    args = ap.parse_args()
    sets = score_sets.available_sets()
    chosen = args.sets or list(sets)
    with tempfile.TemporaryDirectory() as tmp:
        for name in chosen:
            if args.off:
                addressmodel.use(None)
                addressmodel.COLLECT = []  # collecting: the rules' verdicts stand
            elif not args.packaged:
                addressmodel.use(addressmodel.load((Path(args.folds) / f"addressmodel-{name}.json").read_text()))
            line = run_set(sets[name], Path(tmp) / f"{name}.jsonl")
            addressmodel.COLLECT = None
            print(f"{name:5} {line}", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
