"""Shared tools of the blind held-out batches (``evaluation/heldoutN/``).

Each batch folder keeps its gold (``sources/*.txt`` until they are moved into
``evaluation/detect/sources/``, ``understand_gold.json``) and two thin scripts that call this
module: ``check.py`` (renders and validates the gold, prints counts) and
``measure_understand.py`` (scores ``wooflow info --format json`` once on the labels). One copy
of the logic, so every batch is checked and measured the same way.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path
from typing import Any

EVALUATION = Path(__file__).resolve().parent
REPO = EVALUATION.parent
DETECT_SOURCES = EVALUATION / "detect" / "sources"
CORPUS = EVALUATION / "detect" / "corpus"
sys.path.insert(0, str(EVALUATION / "detect"))

import markup  # noqa: E402

TYPES = {
    "nota", "kamerbrief", "kamervragen", "verslag", "agenda", "besluitenlijst", "email",
    "besluit", "beschikking", "advies", "rapport", "jaarplan", "jaarverslag", "convenant",
    "brief", "presentatie", "other",
}
FIELDS = ("type", "date", "kenmerk", "title", "sender", "zaaknummer")


def batch_sources(batch_dir: Path, batch: str) -> list[Path]:
    """The batch's source files, in its own folder or already moved into the corpus sources."""
    found = [*(batch_dir / "sources").glob(f"{batch}-*.txt"),
             *DETECT_SOURCES.glob(f"{batch}-*.txt")]
    return sorted({p.name: p for p in found}.values())


def render(src: Path, batch: str) -> tuple[str, str, dict[str, Any]]:
    """(genre, rendered text, gold) of one source; ValueError when its markup is wrong."""
    first, _, body = src.read_text("utf-8").partition("\n")
    if not first.startswith("#genre="):
        raise ValueError("no #genre line")
    genre = first.removeprefix("#genre=").strip()
    text, gold = markup.render(body, genre, batch)
    markup.validate(text, gold)
    return genre, text, gold


def check_labels(path: Path, texts: dict[str, str] | None) -> list[str]:
    """Schema check of an understanding label file; with texts, values must occur in the text."""
    if not path.exists():
        return [f"{path.name} missing"]
    problems: list[str] = []
    labels = json.loads(path.read_text("utf-8"))
    for name, lab in labels.items():
        if set(lab) != set(FIELDS):
            problems.append(f"{path.name} {name}: fields {sorted(lab)}")
        if lab.get("type") not in TYPES:
            problems.append(f"{path.name} {name}: type {lab.get('type')!r}")
        d = lab.get("date")
        if d is not None and not (len(d) == 10 and d[4] == "-" and d[7] == "-"):
            problems.append(f"{path.name} {name}: date {d!r}")
        if texts is not None:
            if name not in texts:
                problems.append(f"{path.name}: {name} has no source")
                continue
            for f in ("kenmerk", "zaaknummer"):
                v = lab.get(f)
                if v is not None and v not in texts[name]:
                    problems.append(f"{path.name} {name}: {f} {v!r} not in text")
    if texts is not None:
        problems += [f"{path.name}: no label for {n}" for n in texts if n not in labels]
    return problems


def check(batch_dir: Path, batch: str, prior_labels: Path | None = None) -> int:
    """Render and validate every source of the batch and its labels; print the counts.

    ``prior_labels``: a label file about earlier held-out documents of the corpus.
    """
    problems: list[str] = []
    redact: Counter[str] = Counter()
    keep: Counter[str] = Counter()
    genres: Counter[str] = Counter()
    texts: dict[str, str] = {}
    for src in batch_sources(batch_dir, batch):
        try:
            genre, text, gold = render(src, batch)
        except ValueError as exc:
            problems.append(f"{src.name}: {exc}")
            continue
        texts[src.name] = text
        genres[genre] += 1
        redact.update(i["category"] for i in gold["redact"])
        keep.update(i["category"] for i in gold["keep"])
        print(f"{src.name:50} {genre:12} {len(text):5} chars  redact {len(gold['redact']):3}  "
              f"keep {len(gold['keep']):3}")
    problems += check_labels(batch_dir / "understand_gold.json", texts)
    if prior_labels is not None:
        named = set(json.loads(prior_labels.read_text("utf-8"))) if prior_labels.exists() else set()
        prior = {p.name: p.read_text("utf-8") for p in sorted(CORPUS.glob("heldout*.txt"))
                 if p.name in named}
        problems += check_labels(prior_labels, prior or None)
    print(f"\ndocuments {len(texts)}, characters {sum(map(len, texts.values()))}")
    print("genres: " + ", ".join(f"{g} {n}" for g, n in genres.most_common()))
    for label, counts in (("must-redact", redact), ("must-stay-public", keep)):
        print(f"{label} {sum(counts.values())}: "
              + ", ".join(f"{c} {n}" for c, n in counts.most_common()))
    print(f"problems: {len(problems)}")
    for p in problems:
        print("  " + p)
    return 1 if problems else 0


def norm(value: Any) -> Any:
    """Whitespace-collapsed, case-folded value (None stays None)."""
    if value is None:
        return None
    return re.sub(r"\s+", " ", str(value)).strip().casefold()


def run_info(paths: list[Path]) -> list[dict[str, Any]]:
    """`wooflow info --format json` on the paths (the CONTRACT interface)."""
    exe = REPO / ".venv" / "bin" / "wooflow"
    cmd = [str(exe) if exe.exists() else "wooflow", "info", *map(str, paths), "--format", "json"]
    done = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if done.stderr.strip():
        print(done.stderr.strip(), file=sys.stderr)
    return json.loads(done.stdout or "[]")


def score(label_sets: dict[str, dict[str, dict[str, Any]]], predicted: dict[str, dict[str, Any]],
          verbose: bool) -> None:
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


def measure(batch_dir: Path, batch: str, argv: list[str],
            extra_sets: dict[str, Path] | None = None) -> int:
    """Score `wooflow info` on the batch's labels (and ``extra_sets``: name -> label file about
    corpus documents). ``-v`` lists misses, ``--only NAME`` one set, ``--from-json F`` scores a
    saved output instead of running wooflow."""
    verbose = "-v" in argv
    only = argv[argv.index("--only") + 1] if "--only" in argv else None
    from_json = Path(argv[argv.index("--from-json") + 1]) if "--from-json" in argv else None
    files = {batch: batch_dir / "understand_gold.json", **(extra_sets or {})}
    label_sets = {name: json.loads(path.read_text("utf-8")) for name, path in files.items()
                  if only is None or name.startswith(only)}
    with tempfile.TemporaryDirectory() as tmp:
        paths: dict[str, Path] = {}
        for src in batch_sources(batch_dir, batch):
            _genre, text, _gold = render(src, batch)
            paths[src.name] = Path(tmp) / src.name
            paths[src.name].write_text(text, encoding="utf-8")
        for labels in label_sets.values():
            for name in labels:
                if name not in paths and (CORPUS / name).exists():
                    paths[name] = CORPUS / name
        if from_json is not None:
            output = json.loads(from_json.read_text("utf-8"))
        else:
            wanted = {n for labels in label_sets.values() for n in labels}
            output = run_info([p for n, p in sorted(paths.items()) if n in wanted])
    score(label_sets, {Path(item["path"]).name: item for item in output}, verbose)
    return 0
