"""Start-up of detection in CPU seconds: what a fresh process spends before (and on) its first
document, with the breakdown by stage. Prints figures; asserts nothing.

    .venv/bin/python benchmarks/bench_startup.py [--runs 5]

Figures are medians over ``--runs`` fresh processes, in CPU seconds (user + system of the
child, ``resource.getrusage``): on a shared, loaded machine wall time says little. Two modes:

- *bytecode*: the modules' compiled bytecode exists (as after ``pip install`` of a wheel, or
  ``scripts/install.sh``, which compiles the package); a private ``PYTHONPYCACHEPREFIX``,
  filled by one warm-up run, so the figure does not depend on the checkout's ``__pycache__``.
- *source*: the same, but with wooflow's own bytecode removed and writing off: every process
  compiles wooflow's modules from source, as an editable install without ``__pycache__`` does
  on a machine with ``PYTHONDONTWRITEBYTECODE=1`` (the standard library keeps its bytecode).

Measured: ``python -c pass`` (the interpreter's floor), the in-process start-up that
``evaluation/detect/evaluate.py`` reports (import ``wooflow.detect``, build the default
detector, detect one short text), the same split by stage (each lazy load forced in turn,
then a realistic first document), and ``wooflow detect`` on a one-line file (the CLI: typer
and its pydantic coercion come on top).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHORT = "Beste Jan Jansen, bel 06-12345678."

_STAGES = r"""
import json, resource, sys
def cpu():
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime
marks = [("interpreter", cpu())]
import wooflow.detect
marks.append(("wooflow.detect + start-up pack", cpu()))
import wooflow.detect.detector as d
marks.append(("import detector modules", cpu()))
d.default_detector()
marks.append(("construct Detector", cpu()))
from wooflow.detect.namemodel import PersonNameModel
PersonNameModel.load()
marks.append(("name model (CRF, gazetteers)", cpu()))
from wooflow.detect import addressmodel, lexicon, register, resolver
lexicon.first_names(); lexicon.surnames(); lexicon.common_words(); lexicon.places()
marks.append(("lexicon lists", cpu()))
resolver.combiner(); addressmodel.model()
marks.append(("combiners (resolver, address)", cpu()))
register._searchable()
marks.append(("office-holder register", cpu()))
d.detect_text(sys.argv[1])
marks.append(("first short text, rest", cpu()))
d.detect_text(open(sys.argv[2], encoding="utf-8").read())
marks.append(("then one corpus document", cpu()))
prev, out = 0.0, []
for name, c in marks:
    out.append((name, c - prev))
    prev = c
print(json.dumps(out))
"""

_INPROC = (
    "import resource; from wooflow.detect import detect_text; detect_text(%r); "
    "r = resource.getrusage(resource.RUSAGE_SELF); print(r.ru_utime + r.ru_stime)" % SHORT
)


def _child_cpu(cmd: list[str], env: dict[str, str]) -> tuple[float, str]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    out = subprocess.run(cmd, env=env, capture_output=True, text=True, check=True, cwd=ROOT).stdout
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime), out


def _env(cache: Path, write: bool) -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPYCACHEPREFIX"] = str(cache)
    if write:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
    else:
        env["PYTHONDONTWRITEBYTECODE"] = "1"
    return env


def _document() -> Path:
    docs = sorted((ROOT / "evaluation" / "detect" / "corpus").glob("*.txt"))
    return docs[len(docs) // 2] if docs else ROOT / "README.md"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    py = sys.executable
    cli = str(Path(py).with_name("wooflow"))
    doc = _document()
    with tempfile.TemporaryDirectory() as tmp:
        small = Path(tmp) / "brief.txt"
        small.write_text(SHORT + "\n", encoding="utf-8")
        for mode in ("bytecode", "source"):
            cache = Path(tmp) / mode
            cache.mkdir()
            warm = [[py, "-c", _STAGES, SHORT, str(doc)], [cli, "detect", str(small)]]
            for cmd in warm:  # fills the private bytecode cache (standard library, dependencies, wooflow)
                subprocess.run(cmd, env=_env(cache, True), capture_output=True, check=True, cwd=ROOT)
            if mode == "source":
                shutil.rmtree(cache / str(ROOT / "wooflow").lstrip(os.sep), ignore_errors=True)
            env = _env(cache, False)
            floor, inproc, whole_cli, stages = [], [], [], []
            for _ in range(args.runs):
                floor.append(_child_cpu([py, "-c", "pass"], env)[0])
                inproc.append(_child_cpu([py, "-c", _INPROC], env)[0])
                whole_cli.append(_child_cpu([cli, "detect", str(small)], env)[0])
                stages.append(json.loads(_child_cpu([py, "-c", _STAGES, SHORT, str(doc)], env)[1]))
            med = statistics.median
            print(f"== {mode}: CPU seconds, median of {args.runs} fresh processes")
            print(f"  python -c pass:                                    {med(floor):.3f}")
            print(f"  start-up (import + construct + first short text): {med(inproc):.3f}"
                  f"   (runs: {' '.join(f'{x:.2f}' for x in inproc)})")
            print(f"  wooflow detect on a one-line file (CLI):           {med(whole_cli):.3f}")
            print(f"  breakdown (each lazy load forced in turn; first document: {doc.name}):")
            for i, (name, _) in enumerate(stages[0]):
                print(f"    {name:34s} {med(s[i][1] for s in stages):.3f}")


if __name__ == "__main__":
    main()
