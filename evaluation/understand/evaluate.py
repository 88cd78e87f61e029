"""Evaluate wooflow.understand on the labelled set: accuracy per field, crashes, throughput.

    .venv/bin/python evaluation/understand/evaluate.py [-v]

Exact match after whitespace collapse and case folding; ``null`` in gold must be ``null``.
Throughput counts only ``analyze`` (reading the files is the ingest stage's cost).
"""

from __future__ import annotations

import json
import re
import sys
import time
from pathlib import Path
from typing import Any

from wooflow.model import Document
from wooflow.understand import analyze

HERE = Path(__file__).resolve().parent
FIELDS = ("type", "date", "kenmerk", "title", "sender", "zaaknummer")


def load(path: Path) -> Document:
    try:
        from wooflow.ingest import read_path
    except ImportError:
        return Document(
            path=str(path), name=path.name, kind="text", sha256="", text=path.read_text("utf-8")
        )
    return read_path(path)


def norm(value: Any) -> Any:
    if value is None:
        return None
    return re.sub(r"\s+", " ", str(value)).strip().casefold()


def main(argv: list[str]) -> int:
    verbose = "-v" in argv
    gold: dict[str, dict[str, Any]] = json.loads((HERE / "gold.json").read_text("utf-8"))
    docs: list[tuple[str, Document]] = []
    crashes = 0
    for name in sorted(gold):
        try:
            docs.append((name, load(HERE / "docs" / name)))
        except Exception as exc:  # an evaluation counts crashes, it does not stop on them
            crashes += 1
            print(f"LEESFOUT {name}: {type(exc).__name__}: {exc}")
    correct = {f: 0 for f in FIELDS}
    per_type: dict[str, list[int]] = {}
    t0 = time.perf_counter()
    results: dict[str, dict[str, Any]] = {}
    for name, doc in docs:
        try:
            results[name] = analyze(doc).to_json()
        except Exception as exc:
            crashes += 1
            print(f"CRASH {name}: {type(exc).__name__}: {exc}")
    elapsed = time.perf_counter() - t0
    for name, info in results.items():
        g = gold[name]
        ok_type = norm(info["type"]) == norm(g["type"])
        per_type.setdefault(g["type"], [0, 0])
        per_type[g["type"]][0] += ok_type
        per_type[g["type"]][1] += 1
        for f in FIELDS:
            if norm(info.get(f)) == norm(g.get(f)):
                correct[f] += 1
            elif verbose:
                print(
                    f"  {name:48s} {f:10s} gold={g.get(f)!r}\n  {'':48s} {'':10s} got ={info.get(f)!r}"
                )
    n = len(gold)
    print(f"documenten: {n} ({len(results)} geanalyseerd), crashes: {crashes}")
    for f in FIELDS:
        print(f"  {f:11s} nauwkeurigheid {correct[f] / n:.3f}  ({correct[f]}/{n})")
    rounds = sorted({m[1] for k in results if (m := re.match(r"hand-(r\d+)-", k))})
    groups = [("hand-", "handgeschreven")] + [(f"hand-{r}-", f"  ronde {r}") for r in rounds]
    for prefix, label in groups:
        subset = [k for k in results if k.startswith(prefix)]
        if subset:
            ok = {
                f: sum(norm(results[k].get(f)) == norm(gold[k].get(f)) for k in subset)
                for f in FIELDS
            }
            print(
                f"  {label} ({len(subset)}): "
                + ", ".join(f"{f} {ok[f] / len(subset):.2f}" for f in FIELDS)
            )
    print(
        "  type per genre: " + ", ".join(f"{t} {a}/{b}" for t, (a, b) in sorted(per_type.items()))
    )
    rate = len(results) / elapsed if elapsed else float("inf")
    print(f"doorvoer analyze: {rate:.0f} documenten/s (1 kern, {elapsed * 1000:.0f} ms totaal)")
    return 0 if crashes == 0 else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
