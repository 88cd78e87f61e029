"""CPU time per stage of ``wooflow process`` on a generated case, against a baseline checkout.

    .venv/bin/python benchmarks/bench_stages.py --docs 300 [--seed 7] [--workers 1]
        [--baseline /path/to/other/checkout] [--profile 25] [--work DIR]

Generates ``--docs`` inputs with ``casegen.py`` and runs ``process`` on them in a child process
per code version: this checkout, and with ``--baseline`` another checkout of wooflow (e.g. the
main branch exported with ``git archive``) on the same data, one after the other, in the same
call. For each stage it prints wall seconds and CPU seconds (the process and every child it
waited for: Tesseract, pdftotext, pool workers), documents/s and CPU ms per document, and the
ratio baseline/this. The machine this ran on is shared, so wall time varies with the load;
CPU time and the ratio between the two runs are what to compare. ``--profile N`` prints the N
functions with the most cumulative time in this checkout's run (``--workers 1`` only: with a
pool the work is in the children). Asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def _cpu() -> float:
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


def run_child(args: argparse.Namespace) -> None:
    """One ``process`` run; one JSON line: per stage [wall, cpu] and the totals."""
    from wooflow.case.publish.config import ProcessConfig
    from wooflow.case.publish.process import process

    marks: dict[str, list[float]] = {}

    def on_progress(stage: str, done: int, total: int) -> None:
        now = (time.perf_counter(), _cpu())
        entry = marks.setdefault(stage, [now[0], now[1], now[0], now[1]])
        entry[2], entry[3] = now

    cfg = ProcessConfig(case_number="BENCH-STAGES", workers=args.workers)
    prof = None
    if args.profile:
        import cProfile

        prof = cProfile.Profile()
        prof.enable()
    w0, c0 = time.perf_counter(), _cpu()
    s = process([args.inputs], args.out, cfg, progress=on_progress)
    wall, cpu = time.perf_counter() - w0, _cpu() - c0
    if prof is not None:
        import io
        import pstats

        prof.disable()
        buf = io.StringIO()
        pstats.Stats(prof, stream=buf).sort_stats("cumulative").print_stats(args.profile)
        print("\n".join("# " + ln for ln in buf.getvalue().splitlines() if ln.strip()), flush=True)
    stages = {k: [v[2] - v[0], v[3] - v[1]] for k, v in marks.items()}
    print(json.dumps({"wall": wall, "cpu": cpu, "stages": stages, "inputs": s.inputs, "documents": s.documents,
                      "published": s.published, "pages": s.pages, "withheld": len(s.withheld), "leaks": s.leaks}))


def measure(code: Path, inputs: Path, out: Path, args: argparse.Namespace, profile: int) -> dict[str, object]:
    shutil.rmtree(out, ignore_errors=True)
    shutil.rmtree(Path(str(out) + ".zaak"), ignore_errors=True)
    env = dict(os.environ, PYTHONPATH=str(code))
    cmd = [sys.executable, str(Path(__file__).resolve()), "--child", "--inputs", str(inputs), "--out", str(out),
           "--workers", str(args.workers), "--profile", str(profile)]
    proc = subprocess.run(cmd, env=env, cwd=str(code), capture_output=True, text=True, check=False)
    lines = proc.stdout.splitlines()
    for line in lines:
        if line.startswith("# "):
            print(line[2:])
    data = [ln for ln in lines if ln.startswith("{")]
    if proc.returncode not in (0, 2) or not data:
        sys.stderr.write(proc.stderr[-3000:])
        raise SystemExit(f"run of {code} failed (exit {proc.returncode})")
    return dict(json.loads(data[-1]))


def main() -> None:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--docs", type=int, default=300)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--scans", type=float, default=0.02)
    ap.add_argument("--workers", type=int, default=1)
    ap.add_argument("--baseline", type=Path, help="another wooflow checkout to run on the same data")
    ap.add_argument("--profile", type=int, default=0, help="print the top N functions (this checkout)")
    ap.add_argument("--work", type=Path, help="keep the generated case and the runs here")
    ap.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--inputs", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        run_child(args)
        return
    work = args.work or Path(tempfile.mkdtemp(prefix="wooflow-bench-stages-"))
    data = work / f"case-{args.docs}-{args.seed}-{args.scans}"
    if not (data / "gold.jsonl").exists():
        sys.path.insert(0, str(HERE))
        from casegen import CaseGenerator

        CaseGenerator(args.seed, args.scans).write(data, args.docs)
    code = HERE.parent
    runs = [("this", code, args.profile)]
    if args.baseline:
        runs.insert(0, ("baseline", args.baseline.resolve(), 0))
    results = {}
    for label, path, profile in runs:
        results[label] = measure(path, data / "docs", work / f"out-{label}", args, profile)
        _print(label, path, results[label])
    if "baseline" in results:
        base, this = results["baseline"], results["this"]
        print("\nbaseline / this (CPU s):")
        for stage, (_w, cpu) in this["stages"].items():  # type: ignore[attr-defined]
            b = base["stages"].get(stage, [0, 0])[1]  # type: ignore[attr-defined]
            print(f"  {stage:<12} {b:8.1f} / {cpu:8.1f} = {b / max(cpu, 1e-9):5.2f}x")
        print(f"  {'total':<12} {base['cpu']:8.1f} / {this['cpu']:8.1f} = "
              f"{float(base['cpu']) / max(float(this['cpu']), 1e-9):5.2f}x")  # type: ignore[arg-type]
    print(f"load average at end: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    if args.work is None:
        shutil.rmtree(work, ignore_errors=True)


def _print(label: str, code: Path, r: dict[str, object]) -> None:
    docs = float(r["documents"])  # type: ignore[arg-type]
    print(f"\n{label} ({code}): {r['inputs']} inputs, {docs:.0f} documents, {r['published']} published, "
          f"{r['pages']} pages, {r['withheld']} withheld ({r['leaks']} leaks)")
    print(f"  end to end: wall {float(r['wall']):.1f} s, CPU {float(r['cpu']):.1f} s "  # type: ignore[arg-type]
          f"= {1000 * float(r['cpu']) / docs:.0f} CPU ms per document")  # type: ignore[arg-type]
    for stage, (wall, cpu) in r["stages"].items():  # type: ignore[attr-defined]
        print(f"    {stage:<12} wall {wall:7.1f} s  CPU {cpu:7.1f} s  {1000 * cpu / docs:7.0f} CPU ms/doc"
              f"  {docs / max(cpu, 1e-9):7.1f} docs per CPU-s")


if __name__ == "__main__":
    main()
