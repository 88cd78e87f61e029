"""How `process` cost grows with document size: one-line texts of doubling size and a long PDF.

Each size runs `wooflow.case.publish.process.process` in a fresh child process (so peak memory
is that run's own) and prints wall time, time per stage, peak RSS of the run (main process and
its redaction workers) and the ratio to the previous size; linear cost gives ~2.0 per doubling.

    .venv/bin/python benchmarks/bench_sizes.py                      # 128 KiB .. 16 MiB + 2,000-page PDF
    .venv/bin/python benchmarks/bench_sizes.py --max-kib 1024 --pdf-pages 0
    .venv/bin/python benchmarks/bench_sizes.py --timeout 600        # give up on a size after 10 min
    .venv/bin/python benchmarks/bench_sizes.py --no-redact          # every stage but wooflow.redact

The text is Dutch-looking filler with a person name ("Voornaam Achternaam") in about one word
out of fifty, surnames drawn from a pool that grows with the size, so the number of persons
grows with the document (the worst case for person propagation).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

FIRST = ("Jan", "Piet", "Sanne", "Marieke", "Kees", "Anna", "Lotte", "Daan", "Emma", "Bram", "Fleur",
         "Thijs", "Noor", "Ruben", "Iris", "Sophie", "Lucas", "Julia", "Milan", "Eva")
SYLL = ("ber", "gen", "kamp", "man", "dijk", "hof", "veld", "stra", "mans", "sen", "ma", "hui", "zen",
        "link", "horst", "broek", "wijk", "laar", "tje", "ink")
WORDS = ("de het een van over begroting gemeente beleid rapport vergadering overleg besluit kosten"
         " planning project uitvoering afspraak directie advies nota brief").split()

CHILD = r"""
import json, resource, sys, time
from wooflow.case.publish.process import process
if sys.argv[3] == "stub":  # leave out the redaction stage (wooflow.redact) to time the others
    import pymupdf, types
    import wooflow.redact.batch as rb
    def stub(doc, findings, out, ocr=True):
        pdf = pymupdf.open(); pdf.new_page(); pdf.save(str(out)); pdf.close()
        return types.SimpleNamespace(pages=1), None
    rb.redact_to_pdf = stub
marks = {}
def progress(stage, done, total):
    marks.setdefault(stage, time.perf_counter())
t0 = time.perf_counter()
s = process([sys.argv[1]], sys.argv[2], progress=progress)
t1 = time.perf_counter()
order = sorted(marks, key=marks.get)
stages = {st: (marks[order[i + 1]] if i + 1 < len(order) else t1) - marks[st] for i, st in enumerate(order)}
self_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
kids_kib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(json.dumps({"seconds": t1 - t0, "stages": stages, "rss_mib": self_kib / 1024,
                  "workers_rss_mib": kids_kib / 1024, "exit": s.exit_code, "pages": s.pages}))
"""


def one_line(size: int, seed: int = 1) -> str:
    rng = random.Random(seed)
    n_surnames = max(50, size // 2000)
    surnames = [
        "".join(rng.choice(SYLL) for _ in range(rng.randint(2, 3))).capitalize() for _ in range(n_surnames)
    ]
    out: list[str] = []
    total = 0
    while total < size:
        w = f"{rng.choice(FIRST)} {rng.choice(surnames)}" if rng.random() < 0.02 else rng.choice(WORDS)
        out.append(w)
        total += len(w) + 1
    return " ".join(out)[:size].rstrip() + "."


def long_pdf(path: Path, pages: int) -> None:
    import pymupdf

    doc = pymupdf.open()
    rng = random.Random(2)
    for n in range(pages):
        page = doc.new_page()
        lines = [" ".join(rng.choice(WORDS) for _ in range(12)) for _ in range(40)]
        lines[5] = f"Contactpersoon: {rng.choice(FIRST)} Ver{n % 97:02d}mans, telefoon 06-{12345678 + n}"
        page.insert_text((50, 60), "\n".join(lines), fontsize=9)
    doc.save(path)
    doc.close()


def run(path: Path, work: Path, timeout: int, stub: bool = False) -> dict[str, object]:
    out = work / (path.stem + "-out")
    t0 = time.perf_counter()
    try:
        proc = subprocess.run([sys.executable, "-c", CHILD, str(path), str(out), "stub" if stub else "-"],
                              capture_output=True,
                              text=True, timeout=timeout, check=False)
    except subprocess.TimeoutExpired:
        return {"seconds": time.perf_counter() - t0, "timeout": True}
    lines = [ln for ln in proc.stdout.splitlines() if ln.startswith("{")]
    if not lines:
        return {"seconds": time.perf_counter() - t0, "error": proc.stderr.strip().splitlines()[-1:]}
    return dict(json.loads(lines[-1]))


def show(label: str, res: dict[str, object], prev: float | None) -> float:
    secs = float(res["seconds"])  # type: ignore[arg-type]
    if res.get("timeout") or res.get("error"):
        print(f"{label:>10}  {'> ' if res.get('timeout') else 'error '}{secs:8.1f} s  {res.get('error', '')}")
        return secs
    ratio = f"{secs / prev:5.2f}x" if prev else "    - "
    stages = res["stages"]
    assert isinstance(stages, dict)
    parts = "  ".join(f"{k} {v:.1f}" for k, v in stages.items())
    print(f"{label:>10}  {secs:8.1f} s  {ratio}  rss {res['rss_mib']:7.1f} MiB"
          f"  workers {res['workers_rss_mib']:7.1f} MiB"
          f"  exit {res['exit']}  | {parts}")
    sys.stdout.flush()
    return secs


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--min-kib", type=int, default=128)
    ap.add_argument("--max-kib", type=int, default=16 * 1024)
    ap.add_argument("--pdf-pages", type=int, default=2000)
    ap.add_argument("--timeout", type=int, default=3600, help="seconds per size before giving up")
    ap.add_argument("--no-redact", action="store_true",
                    help="replace the redaction stage (wooflow.redact) by a stub, to time the other stages")
    args = ap.parse_args()
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} CPUs; one-line text through `process`")
    print(f"{'size':>10}  {'wall':>10}  {'ratio':>6}  peak memory, exit | seconds per stage")
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        prev: float | None = None
        kib = args.min_kib
        while kib <= args.max_kib:
            path = work / f"regel-{kib}k.txt"
            path.write_text(one_line(kib * 1024), encoding="utf-8")
            res = run(path, work, args.timeout, args.no_redact)
            label = f"{kib} KiB" if kib < 1024 else f"{kib // 1024} MiB"
            secs = show(label, res, prev)
            if res.get("timeout"):
                break
            prev = secs
            kib *= 2
        if args.pdf_pages:
            pdf = work / f"lang-{args.pdf_pages}.pdf"
            long_pdf(pdf, args.pdf_pages)
            half = work / f"lang-{args.pdf_pages // 2}.pdf"
            long_pdf(half, args.pdf_pages // 2)
            prev = show(f"{args.pdf_pages // 2} p", run(half, work, args.timeout, args.no_redact), None)
            show(f"{args.pdf_pages} p", run(pdf, work, args.timeout, args.no_redact), prev)


if __name__ == "__main__":
    main()
