"""Validate the heldout6 gold sources and print their counts.

Renders every ``sources/heldout6-*.txt`` with the detection corpus's own markup renderer (so the
offsets and checks are exactly those the corpus build will apply once the files are moved into
``evaluation/detect/sources/``) and checks ``understand_gold.json`` covers the same files (their kenmerk and zaaknummer must
occur in the rendered text). After the move into ``evaluation/detect/sources/`` it reads them there.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "detect"))

import markup  # noqa: E402

TYPES = {
    "nota", "kamerbrief", "kamervragen", "verslag", "agenda", "besluitenlijst", "email",
    "besluit", "beschikking", "advies", "rapport", "jaarplan", "jaarverslag", "convenant",
    "brief", "presentatie", "other",
}
FIELDS = {"type", "date", "kenmerk", "title", "sender", "zaaknummer"}


def check_labels(path: Path, texts: dict[str, str] | None) -> list[str]:
    """Schema check of an understanding label file; with texts, values must occur in the text."""
    problems: list[str] = []
    if not path.exists():
        return [f"{path.name} missing"]
    labels = json.loads(path.read_text("utf-8"))
    for name, lab in labels.items():
        if set(lab) != FIELDS:
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
        for name in texts:
            if name not in labels:
                problems.append(f"{path.name}: no label for {name}")
    return problems


def main() -> int:
    problems: list[str] = []
    redact: Counter[str] = Counter()
    keep: Counter[str] = Counter()
    genres: Counter[str] = Counter()
    texts: dict[str, str] = {}
    chars = 0
    found = [*(HERE / "sources").glob("heldout6-*.txt")]
    found += (HERE.parent / "detect" / "sources").glob("heldout6-*.txt")
    for src in sorted({p.name: p for p in found}.values()):
        raw = src.read_text("utf-8")
        first, _, body = raw.partition("\n")
        if not first.startswith("#genre="):
            problems.append(f"{src.name}: no #genre line")
            continue
        genre = first.removeprefix("#genre=").strip()
        try:
            text, gold = markup.render(body, genre, "heldout6")
            markup.validate(text, gold)
        except ValueError as exc:
            problems.append(f"{src.name}: {exc}")
            continue
        texts[src.name] = text
        chars += len(text)
        genres[genre] += 1
        redact.update(i["category"] for i in gold["redact"])
        keep.update(i["category"] for i in gold["keep"])
        print(f"{src.name:50} {genre:12} {len(text):5} chars  redact {len(gold['redact']):3}  keep {len(gold['keep']):3}")
    problems += check_labels(HERE / "understand_gold.json", texts)
    print(f"\ndocuments {len(texts)}, characters {chars}")
    print("genres: " + ", ".join(f"{g} {n}" for g, n in genres.most_common()))
    print(f"must-redact {sum(redact.values())}: " + ", ".join(f"{c} {n}" for c, n in redact.most_common()))
    print(f"must-stay-public {sum(keep.values())}: " + ", ".join(f"{c} {n}" for c, n in keep.most_common()))
    print(f"problems: {len(problems)}")
    for p in problems:
        print("  " + p)
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
