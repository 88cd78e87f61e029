"""Redaction throughput: pages per second for text PDFs and scanned pages, verifier on.

Run: .venv/bin/python benchmarks/bench_redact.py [--pages 40] [--scans 4]
Prints figures; asserts nothing. Ingest (and its OCR of scans) is timed separately, since
``wooflow redact`` gets documents that are already read in a case.
"""

from __future__ import annotations

import argparse
import re
import resource
import tempfile
import time
from pathlib import Path

import pymupdf

from wooflow.ingest import read_path
from wooflow.model import Document, Finding
from wooflow.redact import redact_pdf, verify_pdf

NAMES = ["Sanne Kuipers", "Ahmed Yilmaz", "Pieter Bakker", "Marloes de Wit", "06-12345678"]
PARAGRAPH = (
    "Op {d} maart besprak de directeur met {a} de voortgang van het dossier. {b} merkte op dat "
    "de begroting voor volgend jaar nog niet rond is en dat het ministerie aanvullende cijfers "
    "verwacht. Afgesproken is dat {a} uiterlijk vrijdag een notitie stuurt; bij vragen is {b} "
    "bereikbaar op {p}. De minister wordt daarna geïnformeerd over de uitkomst van het overleg. "
)


def make_text_pdf(path: Path, pages: int) -> None:
    doc = pymupdf.open()
    for n in range(pages):
        page = doc.new_page()
        body = "".join(
            PARAGRAPH.format(
                d=(n + k) % 28 + 1, a=NAMES[(n + k) % 4], b=NAMES[(n + k + 1) % 4], p=NAMES[4]
            )
            for k in range(6)
        )
        page.insert_textbox(pymupdf.Rect(72, 72, 523, 770), body, fontsize=10.5)
    doc.set_metadata({"author": NAMES[0], "title": "Verslag"})
    doc.save(path)


def make_scan_pdf(path: Path, pages: int) -> None:
    out = pymupdf.open()
    for n in range(pages):
        src = pymupdf.open()
        page = src.new_page()
        body = PARAGRAPH.format(d=n + 1, a=NAMES[n % 4], b=NAMES[(n + 1) % 4], p=NAMES[4]) * 3
        page.insert_textbox(pymupdf.Rect(72, 72, 523, 770), body, fontsize=12)
        png = page.get_pixmap(dpi=200, colorspace=pymupdf.csGRAY).tobytes("png")
        scan = out.new_page()
        scan.insert_image(scan.rect, stream=png)
    out.save(path)


def findings_for(doc: Document) -> list[Finding]:
    """Each name wherever the text holds it, allowing OCR misreadings ("Anmed Yilmaz")."""
    from rapidfuzz import fuzz

    tokens = [(m.start(), m.end()) for m in re.finditer(r"\S+", doc.text)]
    out = []
    for name in NAMES:
        n = len(name.split())
        for k in range(len(tokens) - n + 1):
            start, end = tokens[k][0], tokens[k + n - 1][1]
            window = doc.text[start:end]
            core = window.rstrip(".,;:")
            if fuzz.ratio(" ".join(core.split()), name) >= 85:
                end = start + len(core)
                out.append(
                    Finding(
                        start,
                        end,
                        doc.text[start:end],
                        "person",
                        "redact",
                        "5.1.2e",
                        1.0,
                        "bench",
                        "",
                    )
                )
    return out


def run(label: str, src: Path, out: Path) -> None:
    t0 = time.perf_counter()
    doc = read_path(src)
    t1 = time.perf_counter()
    findings = findings_for(doc)
    report = redact_pdf(src, doc, findings, out)
    t2 = time.perf_counter()
    result = verify_pdf(out, findings, doc.text, raise_on_failure=False)
    t3 = time.perf_counter()
    shallow = verify_pdf(out, findings, doc.text, raise_on_failure=False, deep=False)
    t4 = time.perf_counter()
    pages = report.pages
    print(
        f"{label:<22} {pages:>4} p  ingest {t1 - t0:6.2f}s  redact {t2 - t1:6.2f}s  "
        f"verify {t3 - t2:6.2f}s (without the attacker's reading {t4 - t3:5.2f}s)  "
        f"redact+verify {t3 - t1:6.2f}s = {pages / (t3 - t1):6.2f} p/s  "
        f"boxes {len(report.boxes):>4}  ok={result.ok} coverage={result.coverage:.3f} "
        f"ocr_images={result.ocr_images} sampled_lines={result.sampled_lines} "
        f"residual_ocr={result.residual_ocr} page_ocr={result.page_ocr} shallow_ok={shallow.ok}"
    )
    if not result.ok:
        print("   ", result.summary())


def page_ocr_cost(src: Path) -> None:
    """What OCR of one whole rendered page costs (what the verifier avoids where it can)."""
    import pypdfium2 as pdfium

    from wooflow.redact.verify_deep import PAGE_DPI, _ocr

    pdf = pdfium.PdfDocument(str(src))
    img = pdf[0].render(scale=PAGE_DPI / 72, grayscale=True).to_pil()
    t0 = time.perf_counter()
    _ocr(img)
    print(f"OCR of one full A4 text page at {PAGE_DPI} dpi: {time.perf_counter() - t0:.2f}s")
    pdf.close()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pages", type=int, default=50)
    parser.add_argument("--scans", type=int, default=4)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        make_text_pdf(base / "text.pdf", args.pages)
        make_scan_pdf(base / "scan.pdf", args.scans)
        run("text PDF (generated)", base / "text.pdf", base / "text-out.pdf")
        run("scanned pages", base / "scan.pdf", base / "scan-out.pdf")
        page_ocr_cost(base / "text.pdf")
        example = (
            Path(__file__).resolve().parents[2]
            / "shared"
            / "examples"
            / "advies-belang-kind-meeroudergezinnen-2024.pdf"
        )
        if example.exists():
            NAMES[:] = ["RSJ", "meeroudergezinnen", "Jeugdbescherming"]
            run("example advies (62 p)", example, base / "advies-out.pdf")
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    # RUSAGE_CHILDREN is not reported: a forked child's peak includes the parent's pages.
    print(f"peak RSS of this process: {own:.0f} MiB")

if __name__ == "__main__":
    main()
