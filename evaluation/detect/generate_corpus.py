"""Build the detection evaluation corpus: corpus/<id>.txt plus corpus/<id>.json gold.

Three origins, all written from inline gold markup (markup.py) so offsets are computed, never
counted by hand:
- ``sources/hand-*.txt``: hand-written documents (first line ``#genre=<genre>``);
- ``sources/heldout*-*.txt``: hand-written in batches, each after the detector was tuned on
  the rest, so their figures (origins "heldout", "heldout2", ...) show how detection
  generalises;
- ``sources/real-*.txt``: the published examples from ../shared/examples with hand-added gold
  markup; the rendered text is checked to equal the published file byte for byte when present;
- templates.py: seeded templates (reproducible: same seed, same corpus).

Usage: python evaluation/detect/generate_corpus.py [--check]
``--check`` rebuilds in memory and fails if the committed corpus differs.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import markup
import templates

SEED = 20231122
CORPUS = HERE / "corpus"
SOURCES = HERE / "sources"
EXAMPLES = HERE.parents[2].parent / "shared" / "examples"
REAL_FILES = {
    "real-verslag-mt-vws-2021": "verslag-mt-vws-2021.md",
    "real-nota-kamervragen-ocw-2024": "nota-kamervragen-ocw-2024.txt",
    "real-aanhangsel-antwoorden-vws-2024": "aanhangsel-antwoorden-vws-2024.txt",
}


def build() -> dict[str, tuple[str, dict[str, Any]]]:
    """Every corpus document: id -> (text, gold)."""
    docs: dict[str, tuple[str, dict[str, Any]]] = {}
    for src in sorted(SOURCES.glob("*.txt")):
        raw = src.read_text(encoding="utf-8")
        head, _, body = raw.partition("\n")
        if not head.startswith("#genre="):
            raise ValueError(f"{src.name}: first line must be #genre=<genre>")
        prefix = src.stem.split("-")[0]
        origin = prefix if prefix == "real" or prefix.startswith("heldout") else "handwritten"
        try:
            text, gold = markup.render(body, head[len("#genre=") :].strip(), origin)
        except ValueError as exc:
            raise ValueError(f"{src.name}: {exc}") from None
        if origin == "real":
            published = EXAMPLES / REAL_FILES[src.stem]
            if published.exists() and published.read_text(encoding="utf-8") != text:
                raise ValueError(f"{src.name}: text differs from the published {published.name}")
            gold["source"] = f"../shared/examples/{REAL_FILES[src.stem]}"
        docs[src.stem] = (text, gold)
    rng = random.Random(SEED)
    for name, (fn, count) in templates.TEMPLATES.items():
        for i in range(1, count + 1):
            genre, source = fn(rng)
            text, gold = markup.render(source, genre, "generated")
            docs[f"gen-{name}-{i:02d}"] = (text, gold)
    return docs


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="compare with the committed corpus")
    args = ap.parse_args()
    docs = build()
    if args.check:
        bad = []
        for doc_id, (text, gold) in docs.items():
            t, g = CORPUS / f"{doc_id}.txt", CORPUS / f"{doc_id}.json"
            if (
                not t.exists()
                or t.read_text(encoding="utf-8") != text
                or json.loads(g.read_text(encoding="utf-8")) != gold
            ):
                bad.append(doc_id)
        extra = {p.stem for p in CORPUS.glob("*.txt")} - set(docs)
        print(
            f"{len(docs)} documents; differing: {bad or 'none'}; stale: {sorted(extra) or 'none'}"
        )
        return 1 if bad or extra else 0
    CORPUS.mkdir(exist_ok=True)
    for stale in CORPUS.glob("*"):
        if stale.stem not in docs:
            stale.unlink()
    for doc_id, (text, gold) in docs.items():
        # newline="" keeps the text byte-exact (no platform newline translation).
        (CORPUS / f"{doc_id}.txt").write_text(text, encoding="utf-8", newline="")
        (CORPUS / f"{doc_id}.json").write_text(
            json.dumps(gold, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
        )
    n_r = sum(len(g["redact"]) for _, g in docs.values())
    n_k = sum(len(g["keep"]) for _, g in docs.values())
    print(f"wrote {len(docs)} documents to {CORPUS} ({n_r} redact items, {n_k} keep items)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
