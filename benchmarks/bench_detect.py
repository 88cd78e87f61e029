"""Benchmark of wooflow's detection: throughput, start-up, peak memory, linear scaling.

Prints figures; asserts nothing (timings depend on the machine). Run:
    .venv/bin/python benchmarks/bench_detect.py [--mb 1] [--no-scaling]

Text: the evaluation corpus (evaluation/detect/corpus) repeated, so the mix of names, numbers
and plain prose is realistic. Scaling: the same text as ONE single-line string of 1 MB and
5 MB; linear time means the 5 MB run takes about 5x the 1 MB run.
"""

from __future__ import annotations

import argparse
import glob
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _corpus_text() -> str:
    parts = [Path(p).read_text(encoding="utf-8") for p in sorted(glob.glob(str(ROOT / "evaluation/detect/corpus/*.txt")))]
    if not parts:
        parts = [Path(p).read_text(encoding="utf-8") for p in sorted(glob.glob(str(ROOT.parent / "shared/examples/*.txt")))]
    return "\n\n".join(parts)


def _sized(base: str, n_chars: int, single_line: bool) -> str:
    text = base.replace("\n", " ") if single_line else base
    reps = n_chars // max(1, len(text)) + 1
    return (text + (" " if single_line else "\n\n")) * reps


def startup() -> float:
    """Seconds for a fresh process to import, construct and detect one short text."""
    code = (
        "import time; t=time.perf_counter(); from wooflow.detect import detect_text; "
        "detect_text('Beste Jan Jansen, bel 06-12345678.'); print(time.perf_counter()-t)"
    )
    t0 = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    wall = time.perf_counter() - t0
    return float(out.stdout.strip() or wall)


def cli_startup() -> float:
    exe = Path(sys.executable).parent / "wooflow"
    if not exe.exists():
        return float("nan")
    sample = ROOT / "tests" / "detect" / "cases" / "person.json"
    t0 = time.perf_counter()
    subprocess.run([str(exe), "detect", str(sample)], capture_output=True, check=False)
    return time.perf_counter() - t0


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--mb", type=float, default=1.0, help="size of the throughput text in MB")
    ap.add_argument("--no-scaling", action="store_true", help="skip the 1 MB vs 5 MB run")
    args = ap.parse_args()

    print(f"start-up (import + first detect, fresh process): {startup():.2f} s")
    print(f"start-up (wooflow detect CLI on a small file):  {cli_startup():.2f} s")

    from wooflow.detect import detect_text

    base = _corpus_text()
    detect_text(base[:2000])  # warm the lists and the model
    text = _sized(base, int(args.mb * 1_000_000), single_line=False)
    cpu0, t0 = time.process_time(), time.perf_counter()
    findings = detect_text(text)
    wall, cpu = time.perf_counter() - t0, time.process_time() - cpu0
    print(f"throughput: {len(text):,} chars, {len(findings):,} findings, "
          f"{len(text) / wall:,.0f} chars/s wall, {len(text) / cpu:,.0f} chars/s per CPU-second")

    if not args.no_scaling:
        times = {}
        for mb in (1, 5):
            t = _sized(base, mb * 1_000_000, single_line=True)[: mb * 1_000_000]
            c0, t0 = time.process_time(), time.perf_counter()
            detect_text(t)
            times[mb] = time.process_time() - c0
            print(f"single-line {mb} MB: {times[mb]:.2f} CPU-s ({time.perf_counter() - t0:.2f} s wall)")
        # CPU time, not wall time: other work on a shared machine must not skew the ratio.
        print(f"scaling 5 MB / 1 MB (CPU time): {times[5] / times[1]:.2f} (linear = 5.0)")

    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(f"peak RSS: {peak_kb / 1024:.0f} MB (pid {os.getpid()})")


if __name__ == "__main__":
    main()
