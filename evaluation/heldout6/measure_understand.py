"""Score `wooflow info` once on the held-out understanding labels (type, date, kenmerk, ...).

    .venv/bin/python evaluation/heldout6/measure_understand.py -v
    .venv/bin/python evaluation/heldout6/measure_understand.py --from-json out.json

Goes through the CONTRACT interface (`wooflow info PATH... --format json`) rather than the
library, so it measures what users get. The heldout6 sources are rendered (markup removed) into
a temporary folder first, from `evaluation/heldout6/sources/` or, once moved, from
`evaluation/detect/sources/`. (The earlier held-out labels stay in evaluation/heldout5.) Exact match after whitespace collapse and case folding, as in
`evaluation/understand/evaluate.py`; `null` in the labels must be `null`. `--from-json` scores a
saved `wooflow info` output instead of running it (to check this script without the classifier).
Written to be run once, at measurement time: the labels are held out.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
FIELDS = ("type", "date", "kenmerk", "title", "sender", "zaaknummer")
sys.path.insert(0, str(HERE.parent / "detect"))

import markup  # noqa: E402


def norm(value: Any) -> Any:
    """Whitespace-collapsed, case-folded value (None stays None)."""
    if value is None:
        return None
    return re.sub(r"\s+", " ", str(value)).strip().casefold()


def render_sources(out_dir: Path) -> dict[str, Path]:
    """Write the rendered heldout6 texts (here, or already moved into the corpus sources)."""
    paths: dict[str, Path] = {}
    sources = [*(HERE / "sources").glob("heldout6-*.txt")]
    sources += [p for p in (HERE.parent / "detect" / "sources").glob("heldout6-*.txt")]
    for src in sorted({p.name: p for p in sources}.values()):
        head, _, body = src.read_text("utf-8").partition("\n")
        text, _gold = markup.render(body, head.removeprefix("#genre=").strip(), "heldout6")
        path = out_dir / src.name
        path.write_text(text, encoding="utf-8")
        paths[src.name] = path
    return paths


def run_info(paths: list[Path]) -> list[dict[str, Any]]:
    """`wooflow info --format json` on the paths (the CONTRACT interface)."""
    exe = REPO / ".venv" / "bin" / "wooflow"
    cmd = [str(exe) if exe.exists() else "wooflow", "info", *map(str, paths), "--format", "json"]
    done = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if done.stderr.strip():
        print(done.stderr.strip(), file=sys.stderr)
    return json.loads(done.stdout or "[]")


def score(
    label_sets: dict[str, dict[str, dict[str, Any]]], predicted: dict[str, dict[str, Any]], verbose: bool
) -> None:
    """Print per-set, per-field exact-match accuracy and (verbose) the misses."""
    for set_name, labels in label_sets.items():
        n = len(labels)
        correct = dict.fromkeys(FIELDS, 0)
        misses: list[str] = []
        for name in sorted(labels):
            got = predicted.get(name)
            for field in FIELDS:
                want = labels[name][field]
                have = got.get(field) if got else "<geen uitvoer>"
                if norm(want) == norm(have):
                    correct[field] += 1
                else:
                    misses.append(f"  {name} {field}: verwacht {want!r}, kreeg {have!r}")
        print(f"{set_name}: {n} documenten")
        for field in FIELDS:
            print(f"  {field:10} {correct[field] / n:.3f} ({correct[field]}/{n})" if n else "")
        if verbose:
            print("\n".join(misses))


def main(argv: list[str]) -> int:
    verbose = "-v" in argv
    from_json = Path(argv[argv.index("--from-json") + 1]) if "--from-json" in argv else None
    label_sets: dict[str, dict[str, dict[str, Any]]] = {}
    label_sets["heldout6"] = json.loads((HERE / "understand_gold.json").read_text("utf-8"))
    with tempfile.TemporaryDirectory() as tmp:
        paths = render_sources(Path(tmp))
        if from_json is not None:
            output = json.loads(from_json.read_text("utf-8"))
        else:
            wanted = {n for labels in label_sets.values() for n in labels}
            output = run_info([p for n, p in sorted(paths.items()) if n in wanted])
    predicted = {Path(item["path"]).name: item for item in output}
    score(label_sets, predicted, verbose)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
