"""Cross-check document type on a corpus we did not write: the detection team's gold corpus.

    .venv/bin/python evaluation/understand/eval_cross.py [--dev | --test] [-v]

evaluation/detect/corpus/*.txt each has a ``genre`` in its .json gold file, written by another
team for personal-data detection, not for typing. The genres that are one of our types are mapped
onto it (``burgerbrief`` is a ``brief``); other genres (chat, formulier, ...) are skipped.
Protocol: DEV = every file whose name does not start with ``heldout`` (used to find misses and
improve the cues); TEST = the ``heldout*`` files (only measured, never looked at for fixes).
Prints accuracy of both parts and the misses of each part (``-v``: also the scores).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from wooflow.ingest import read_path
from wooflow.understand import analyze, classify

CORPUS = Path(__file__).resolve().parents[1] / "detect" / "corpus"
GENRE_TO_TYPE = {
    "email": "email",
    "verslag": "verslag",
    "nota": "nota",
    "kamerbrief": "kamerbrief",
    "kamervragen": "kamervragen",
    "beschikking": "beschikking",
    "besluit": "besluit",
    "brief": "brief",
    "burgerbrief": "brief",
    "rapport": "rapport",
    "agenda": "agenda",
    "besluitenlijst": "besluitenlijst",
}


def part_of(name: str) -> str:
    return "TEST" if name.startswith("heldout") else "DEV"


def main(argv: list[str]) -> int:
    verbose = "-v" in argv
    parts = [p for p in ("DEV", "TEST") if f"--{p.lower()}" in argv] or ["DEV", "TEST"]
    if not CORPUS.is_dir():
        print(f"corpus niet gevonden: {CORPUS}")
        return 1
    results: dict[str, list[tuple[str, str, str, str]]] = {p: [] for p in parts}
    for gold_path in sorted(CORPUS.glob("*.json")):
        txt = gold_path.with_suffix(".txt")
        part = part_of(gold_path.name)
        if part not in results or not txt.exists():
            continue
        genre = json.loads(gold_path.read_text("utf-8")).get("genre")
        want = GENRE_TO_TYPE.get(genre or "")
        if want is None:
            continue
        doc = read_path(txt)
        info = analyze(doc)
        ranked = sorted(classify(doc).scores.items(), key=lambda kv: -kv[1])[:3]
        scores = ", ".join(f"{k} {v:g}" for k, v in ranked)
        results[part].append((txt.name, want, info.type, scores))
    for part in parts:
        rows = results[part]
        right = sum(1 for _, want, got, _ in rows if want == got)
        acc = right / len(rows) if rows else 0.0
        print(f"{part}: type accuracy {acc:.3f} ({right}/{len(rows)})")
        for name, want, got, scores in rows:
            if want != got:
                extra = f"  [{scores}]" if verbose and scores else ""
                print(f"  mis {name}: verwacht {want}, kreeg {got}{extra}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
