"""Ingest throughput and memory: prints figures, asserts nothing.

    .venv/bin/python benchmarks/bench_ingest.py [--docs 10000] [--text-pages 60] [--ocr-pages 3]

1. text PDFs: pages per second for read_path on a generated many-page PDF (and on the real report
   in ../shared/examples when present);
2. OCR: pages per second for image-only (scanned) A4 pages, Tesseract nld at 300 dpi;
3. memory: RSS while ingesting N small documents into a fresh case with the same loop as
   ``wooflow ingest``, sampled at 1k, 5k and 10k, plus the process peak.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

import psutil
import pymupdf

from wooflow.ingest import read_path
from wooflow.store import CaseStore, ingest_paths

ROOT = Path(__file__).resolve().parents[1]
SHARED_PDF = ROOT.parent / "shared" / "examples" / "advies-belang-kind-meeroudergezinnen-2024.pdf"
LINE = "De minister heeft op 4 maart 2024 besloten het verzoek van J. de Vries deels toe te wijzen."


def text_pdf(pages: int) -> bytes:
    pdf = pymupdf.open()
    for n in range(pages):
        page = pdf.new_page()  # A4
        y = 60.0
        while y < 790:
            page.insert_text((50, y), f"{n + 1}. {LINE}", fontsize=9)
            y += 13
    return pdf.tobytes(garbage=3, deflate=True)


def scanned_pdf(pages: int) -> bytes:
    src = pymupdf.open("pdf", text_pdf(pages))
    out = pymupdf.open()
    for page in src:
        pix = page.get_pixmap(dpi=150, colorspace=pymupdf.csGRAY)
        new = out.new_page(width=page.rect.width, height=page.rect.height)
        new.insert_image(new.rect, stream=pix.tobytes("png"))
    return out.tobytes(garbage=3, deflate=True)


def pages_per_second(path: Path, label: str) -> None:
    start = time.perf_counter()
    doc = read_path(path)
    elapsed = time.perf_counter() - start
    ocr = sum(p.ocr for p in doc.pages)
    print(
        f"{label:<34} {len(doc.pages):>4} pages  {len(doc.words):>7} words  "
        f"{elapsed:7.2f} s  {len(doc.pages) / elapsed:8.2f} pages/s  (ocr pages: {ocr})"
    )


def rss_mib() -> float:
    return psutil.Process().memory_info().rss / (1 << 20)


def many_documents(tmp: Path, count: int) -> None:
    src = tmp / "docs"
    for i in range(count):
        folder = src / f"{i // 1000:03d}"
        if i % 1000 == 0:
            folder.mkdir(parents=True)
        (folder / f"notitie-{i:05d}.txt").write_text(
            f"Notitie {i}\n\n{LINE}\nKenmerk 2024-{i:06d}, contact: medewerker{i}@example.nl\n",
            encoding="utf-8",
        )
    checkpoints = {1000, 5000, 10000, count}
    seen = 0
    start = time.perf_counter()

    def on_event(_event: object) -> None:
        nonlocal seen
        seen += 1
        if seen in checkpoints:
            rate = seen / (time.perf_counter() - start)
            print(f"  after {seen:>6} documents: RSS {rss_mib():7.1f} MiB  ({rate:6.0f} docs/s)")

    with CaseStore(tmp / "zaak") as store:
        summary = ingest_paths(store, [src], on_event=on_event)
    elapsed = time.perf_counter() - start
    db = (tmp / "zaak" / "case.sqlite").stat().st_size / (1 << 20)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"  stored {summary.stored}, failed {summary.failed} in {elapsed:.1f} s; "
        f"case.sqlite {db:.1f} MiB; process peak RSS {peak:.1f} MiB"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=10_000)
    parser.add_argument("--text-pages", type=int, default=60)
    parser.add_argument("--ocr-pages", type=int, default=3)
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="wooflow-bench-"))
    try:
        print(
            f"wooflow ingest benchmark  (cpus: {os.cpu_count()}, python {sys.version.split()[0]})"
        )
        (tmp / "tekst.pdf").write_bytes(text_pdf(args.text_pages))
        pages_per_second(tmp / "tekst.pdf", "text PDF (generated, A4)")
        if SHARED_PDF.exists():
            pages_per_second(SHARED_PDF, "text PDF (real report, shared)")
        if args.ocr_pages and shutil.which("tesseract"):
            (tmp / "scan.pdf").write_bytes(scanned_pdf(args.ocr_pages))
            pages_per_second(tmp / "scan.pdf", "scanned PDF (OCR nld, 300 dpi)")
        print(
            f"memory while ingesting {args.docs} small documents "
            f"(RSS at start {rss_mib():.1f} MiB):"
        )
        many_documents(tmp, args.docs)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
