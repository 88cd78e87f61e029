"""Score ``wooflow detect`` on every annotated Woo set, each detected as one case.

Runs, per set, exactly what the issue's figures name: ``wooflow detect DOCS/*.txt --format
jsonl`` (all documents in one call, one case) and ``../shared/tools/score_redaction.py DOCS
FINDINGS R K P``, then prints one line per set (recall, kept public, character precision)::

    python evaluation/detect/score_sets.py              # woo-real-dev and every heldoutN
    python evaluation/detect/score_sets.py dev h12      # a selection
    python evaluation/detect/score_sets.py --out DIR    # keep findings and full reports

A blind batch is measured once (see its README); after that it is tuning data like the rest.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SHARED = REPO.parent / "shared"
SCORER = SHARED / "tools" / "score_redaction.py"
TARGETS = ("0.97", "0.95", "0.90")


def available_sets() -> dict[str, Path]:
    """Set name -> folder of ``*.txt`` + ``*.gold.json`` (woo-real-dev first, then heldoutN)."""
    sets: dict[str, Path] = {"dev": SHARED / "data" / "woo-real-dev" / "docs"}
    heldouts = sorted(
        (p for p in (REPO / "evaluation").glob("heldout*") if (p / "docs").is_dir()),
        key=lambda p: int(re.sub(r"\D", "", p.name) or 0),
    )
    for folder in heldouts:
        if any((folder / "docs").glob("*.gold.json")):
            sets["h" + re.sub(r"\D", "", folder.name)] = folder / "docs"
    return sets


def score_set(docs: Path, out: Path) -> str:
    """Detect ``docs`` as one case into ``out`` and return the scorer's report."""
    wooflow = Path(sys.executable).with_name("wooflow")
    texts = sorted(str(p) for p in docs.glob("*.txt"))
    findings = out.with_suffix(".jsonl")
    with findings.open("w", encoding="utf-8") as sink:
        subprocess.run(
            [str(wooflow), "detect", *texts, "--format", "jsonl"],
            stdout=sink, stderr=subprocess.DEVNULL, check=False,
        )
    report = subprocess.run(
        [sys.executable, str(SCORER), str(docs), str(findings), *TARGETS],
        capture_output=True, text=True, check=False,
    ).stdout
    out.with_suffix(".txt").write_text(report, encoding="utf-8")
    return report


def score_in_process(docs: Path, out: Path, detector: object) -> str:
    """Detect ``docs`` as one case with ``detector`` (a ``wooflow.detect.Detector`` built by the
    caller, e.g. with a fold's model) into ``out`` and return the scorer's last line; the full
    report goes beside it (for the leave-one-set-out scripts)."""
    import json

    texts = {str(p): p.read_text(encoding="utf-8") for p in sorted(docs.glob("*.txt"))}
    results = detector.detect_case(texts)  # type: ignore[attr-defined]
    with out.open("w", encoding="utf-8") as sink:
        for path, fs in results.items():
            for f in fs:
                sink.write(json.dumps(f.to_json(path), ensure_ascii=False) + "\n")
    report = subprocess.run([sys.executable, str(SCORER), str(docs), str(out), *TARGETS],
                            capture_output=True, text=True, check=False).stdout
    out.with_suffix(".txt").write_text(report, encoding="utf-8")
    return [line for line in report.splitlines() if line.strip()][-1]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sets", nargs="*", help="set names (dev, h8, h9, ...); default: all")
    parser.add_argument("--out", type=Path, help="folder for findings and full reports")
    args = parser.parse_args(argv)
    sets = available_sets()
    chosen = args.sets or list(sets)
    unknown = [name for name in chosen if name not in sets]
    if unknown:
        parser.error(f"unknown set(s) {unknown}; known: {list(sets)}")
    with tempfile.TemporaryDirectory() as tmp:
        out_dir = args.out or Path(tmp)
        out_dir.mkdir(parents=True, exist_ok=True)
        for name in chosen:
            report = score_set(sets[name], out_dir / name)
            lines = [line for line in report.splitlines() if line.strip()]
            print(f"{name:5} {lines[-1] if lines else 'no report'}", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
