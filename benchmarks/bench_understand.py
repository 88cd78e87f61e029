"""Throughput and peak memory of wooflow.understand.analyze (one core, one process).

Reads the evaluation set once (ingest is not measured), then analyses it ``--rounds`` times.
Prints documents/second overall, for short documents and for the long real report, and the
peak Python heap during analysis (tracemalloc) plus the process RSS.

    .venv/bin/python benchmarks/bench_understand.py [--rounds 20]
"""

from __future__ import annotations

import argparse
import os
import sys
import time
import tracemalloc
from pathlib import Path

import psutil

from wooflow.ingest import read_path
from wooflow.model import Document
from wooflow.understand import analyze, split_bundle

DOCS = Path(__file__).resolve().parents[1] / "evaluation" / "understand" / "docs"


def rate(docs: list[Document], rounds: int) -> tuple[float, float]:
    """Documents per second and characters per second over ``rounds`` passes."""
    chars = sum(len(d.text) for d in docs) * rounds
    t0 = time.perf_counter()
    for _ in range(rounds):
        for d in docs:
            analyze(d)
    elapsed = time.perf_counter() - t0
    return len(docs) * rounds / elapsed, chars / elapsed


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--rounds", type=int, default=20)
    args = ap.parse_args(argv)
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core, honestly
    docs = [read_path(p) for p in sorted(DOCS.iterdir()) if p.is_file()]
    if not docs:
        print("geen documenten; draai eerst evaluation/understand/generate.py")
        return 1
    long_docs = [d for d in docs if len(d.text) > 50_000]
    short_docs = [d for d in docs if len(d.text) <= 50_000]
    for d in docs[:5]:
        analyze(d)  # warm up regex caches
    total, cps = rate(docs, args.rounds)
    short, _ = rate(short_docs, args.rounds)
    print(
        f"documenten: {len(docs)} ({sum(len(d.text) for d in docs):,} tekens), rondes: {args.rounds}, 1 kern"
    )
    print(f"analyze alle documenten: {total:,.0f} documenten/s ({cps / 1e6:.1f} M tekens/s)")
    print(
        f"analyze korte documenten (<= 50k tekens, n={len(short_docs)}): {short:,.0f} documenten/s"
    )
    if long_docs:
        lr, _ = rate(long_docs, max(1, args.rounds // 4))
        pages = sum(d.page_count for d in long_docs) / len(long_docs)
        print(
            f"analyze lange documenten (n={len(long_docs)}, gem. {pages:.0f} pagina's): {lr:,.1f} documenten/s"
        )
    big = Document(
        path="bundle",
        name="bundle",
        kind="pdf",
        sha256="",
        text="\f".join(d.text for d in docs * 5),
    )
    t0 = time.perf_counter()
    segs = split_bundle(big)
    el = time.perf_counter() - t0
    print(
        f"split_bundle: {big.text.count(chr(12)) + 1} pagina's in {el * 1000:.0f} ms ({len(segs)} segmenten)"
    )
    tracemalloc.start()
    for d in docs:
        analyze(d)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    rss = psutil.Process().memory_info().rss
    print(
        f"piekgeheugen analyze (Python-heap): {peak / 2**20:.1f} MiB; RSS proces: {rss / 2**20:.0f} MiB"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
