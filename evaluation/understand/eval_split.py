"""Precision/recall of bundle splitting on a seeded test bundle with known split points.

Builds one PDF from generated documents of every genre (as published bundles are: letters with
"Pagina n van m" footers and running headers on continuation pages, e-mails without page
numbers, slides, minutes), reads it back with wooflow.ingest and compares ``split_bundle``'s
start pages with the true ones.

    .venv/bin/python evaluation/understand/eval_split.py [--docs 60] [--seed 7] [--write PATH]
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path

import pymupdf

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from genres import GENRES
from render import add_pages, finish

from wooflow.model import Document
from wooflow.understand import split_bundle

SHARED = HERE.parents[1].parent / "shared" / "examples"
REAL = (
    "advies-belang-kind-meeroudergezinnen-2024.pdf",
    "nota-kamervragen-ocw-2024.txt",
    "aanhangsel-antwoorden-vws-2024.txt",
    "verslag-mt-vws-2021.md",
)
FILLER = (
    "Deze alinea beschrijft de achtergrond van het dossier en de afwegingen die daarbij zijn "
    "gemaakt. Zij is opgenomen om het document over meer pagina's te laten lopen."
)


def _thread(r: random.Random, text: str, hops: int) -> str:
    """An e-mail with ``hops`` quoted earlier messages, each with its own Van:/Verzonden: block,
    so quoted headers land at the top of continuation pages (the hard case for splitting)."""
    parts = [text.rstrip("\n")]
    for i in range(hops):
        body = "\n".join(FILLER for _ in range(r.randint(3, 12)))
        parts.append(
            f"Van: Collega {i}\nVerzonden: maandag {i + 1} april 2024 09:1{i % 10}\n"
            f"Aan: Team\nOnderwerp: RE: overleg\n\n{body}"
        )
    return "\n\n".join(parts) + "\n"


def build_bundle(
    seed: int, n_docs: int, footers: float = 0.6, threads: float = 0.0, stamps: bool = False
) -> tuple[bytes, list[int], list[str]]:
    """A bundle PDF, the 0-based first page of every document in it, and their genres."""
    r = random.Random(seed)
    pdf = pymupdf.open()
    starts: list[int] = []
    genres: list[str] = []
    names = [g for g in GENRES if g != "other"]
    real_at = {r.randrange(n_docs): name for name in REAL} if SHARED.is_dir() else {}
    for i in range(n_docs):
        if i in real_at:
            # The real published examples: their own layout, page numbering and running headers.
            src = SHARED / real_at[i]
            starts.append(pdf.page_count)
            genres.append(f"echt:{src.name}")
            if src.suffix == ".pdf":
                with pymupdf.open(src) as real:
                    pdf.insert_pdf(real)
            else:
                add_pages(
                    pdf, src.read_text("utf-8"), footer=r.random() < footers, lines_per_page=48
                )
            continue
        genre = r.choice(names)
        text, gold = GENRES[genre](r)
        if genre not in ("presentatie", "email") and r.random() < 0.5:
            # Longer documents: filler paragraphs so the document spans pages.
            body = "\n\n".join(FILLER for _ in range(r.randint(8, 30)))
            text = text.rstrip("\n") + "\n\n" + body + "\n"
        if genre == "email" and r.random() < threads:
            text = _thread(r, text, r.randint(2, 5))
        footer = genre not in ("email", "presentatie") and r.random() < footers
        header = None
        if genre in ("kamerbrief", "brief", "besluit", "beschikking", "nota") and r.random() < 0.7:
            header = f"Datum\n{gold['date']}" + (
                f"\nKenmerk\n{gold['kenmerk']}" if gold.get("kenmerk") else ""
            )
        starts.append(pdf.page_count)
        genres.append(genre)
        add_pages(
            pdf,
            text,
            footer=footer,
            running_header=header,
            lines_per_page=r.choice([40, 48, 56]),
            stamp=f"Document {len(starts)}" if stamps else None,
        )
    return finish(pdf), starts, genres


def read(path: Path) -> Document:
    try:
        from wooflow.ingest import read_path
    except ImportError:
        with pymupdf.open(path) as pdf:
            text = "\f".join(page.get_text() for page in pdf)
        return Document(path=str(path), name=path.name, kind="pdf", sha256="", text=text)
    return read_path(path)


def score(predicted: list[int], truth: list[int]) -> tuple[float, float, float]:
    """Precision, recall, F1 of split points (page 0 is not a split point)."""
    p, t = set(predicted) - {0}, set(truth) - {0}
    tp = len(p & t)
    precision = tp / len(p) if p else 1.0
    recall = tp / len(t) if t else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--docs", type=int, default=60)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument(
        "--footers", type=float, default=0.6, help="share of documents with page numbers"
    )
    ap.add_argument(
        "--threads", type=float, default=0.0, help="share of e-mails with quoted history"
    )
    ap.add_argument("--stamps", action="store_true", help="stamp every page 'Document n'")
    ap.add_argument("--write", type=Path, help="keep the bundle PDF (and its truth as .json)")
    ap.add_argument("-v", action="store_true")
    args = ap.parse_args(argv)
    data, truth, genres = build_bundle(
        args.seed, args.docs, args.footers, args.threads, args.stamps
    )
    path = args.write or Path("/tmp/wooflow-eval-bundle.pdf")
    path.write_bytes(data)
    if args.write:
        path.with_suffix(".json").write_text(json.dumps({"starts": truth, "genres": genres}) + "\n")
    doc = read(path)
    t0 = time.perf_counter()
    segments = split_bundle(doc)
    elapsed = time.perf_counter() - t0
    predicted = [s.start_page for s in segments]
    precision, recall, f1 = score(predicted, truth)
    if args.v:
        tset, pset = set(truth), set(predicted)
        for s in segments:
            mark = "ok " if s.start_page in tset else "FP "
            print(f"  {mark}{s.start_page:4d}-{s.end_page:4d} {s.reason}")
        for i, start in enumerate(truth):
            if start not in pset:
                print(f"  FN {start:4d} ({genres[i]})")
    print(
        f"bundel: {doc.page_count} pagina's, {len(truth)} documenten; gevonden: {len(segments)} segmenten"
    )
    print(f"splitpunten: precisie {precision:.3f}, recall {recall:.3f}, F1 {f1:.3f}")
    print(f"snelheid split_bundle: {doc.page_count / elapsed:.0f} pagina's/s")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
