"""PDF reader (PyMuPDF): text layer with word boxes, OCR for pages that have no usable text.

Text is built from MuPDF's words (grouped by its blocks and lines, in content order, which follows
the author's reading order for the documents governments produce), so word offsets are exact.
Ligatures are expanded so "ﬁnanciën" reads as "financiën" for search and detection.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import replace
from typing import Any

import pymupdf

from wooflow.exceptions import CorruptDocument, EmptyDocument, EncryptedDocument, InputError
from wooflow.ingest.base import ReadContext, new_document
from wooflow.ingest.layout import Block, TextBuilder
from wooflow.ingest.ocr import OCR_DPI, ocr_blocks, ocr_workers
from wooflow.model import Document, Page

# MuPDF's defaults for words, minus TEXT_PRESERVE_LIGATURES.
TEXT_FLAGS = pymupdf.TEXT_PRESERVE_WHITESPACE | pymupdf.TEXT_MEDIABOX_CLIP
MIN_TEXT_CHARS = 10  # fewer letters/digits than this and an image on the page: it is a scan
MIN_IMAGE_COVER = 0.3  # share of the page an image must cover to count as a scan
FULL_IMAGE_COVER = 0.8  # a page-filling image with only a stamp of text is a scan as well
STAMP_CHARS = 100  # "Document 12, pagina 3 van 7" stamped on a scan stays below this
OUTLINE_DRAWINGS = 50  # vector paths on a page without fonts: text converted to outlines
EOF_WINDOW = 1024  # a complete PDF ends with %%EOF, give or take trailing whitespace
MAX_GARBAGE = 0.3  # share of U+FFFD (unknown glyphs) above which a text layer is unusable

pymupdf.TOOLS.mupdf_display_errors(False)
pymupdf.TOOLS.mupdf_display_warnings(False)


@contextmanager
def open_pdf(data: bytes, path: str) -> Iterator[pymupdf.Document]:
    """Open and check a PDF; one clear InputError for anything that keeps us from its pages."""
    try:
        pdf = pymupdf.open(stream=data, filetype="pdf")
    except Exception as exc:  # MuPDF raises FileDataError, RuntimeError, ValueError
        raise CorruptDocument(path, f"beschadigde PDF: {_first_line(exc)}") from None
    try:
        if pdf.needs_pass:
            raise EncryptedDocument(path, "PDF is met een wachtwoord beveiligd")
        if b"%%EOF" not in data[-EOF_WINDOW:]:
            # MuPDF silently repairs a cut-off file and returns blank pages for what was lost.
            raise CorruptDocument(path, "PDF is afgekapt (het einde van het bestand ontbreekt)")
        if pdf.page_count == 0:
            kind = CorruptDocument if pdf.is_repaired else EmptyDocument
            raise kind(path, "PDF bevat geen pagina's")
        yield pdf
    finally:
        pdf.close()


def _lost_pages(pdf: pymupdf.Document) -> list[int]:
    """Pages (1-based) whose page object or content stream did not survive MuPDF's repair:
    they come out blank, so their text is lost."""
    lost = []
    for number in range(pdf.page_count):
        try:
            xref = pdf.page_xref(number)
            if pdf.xref_object(xref, compressed=True).strip() == "null":
                lost.append(number + 1)
                continue
            contents = pdf[number].get_contents()
            if any(pdf.xref_object(c, compressed=True).strip() == "null" for c in contents):
                lost.append(number + 1)
        except Exception:  # noqa: BLE001 - a page MuPDF cannot even describe is lost too
            lost.append(number + 1)
    return lost


def _ranges(numbers: list[int]) -> str:
    """[3, 4, 5, 9] -> "3-5, 9"."""
    out: list[str] = []
    for n in numbers:
        if out and n == int(out[-1].split("-")[-1]) + 1:
            out[-1] = f"{out[-1].split('-')[0]}-{n}"
        else:
            out.append(str(n))
    return ", ".join(out)


def _repair_warning(pdf: pymupdf.Document, data: bytes, path: str) -> str:
    """The warning for a PDF MuPDF had to repair; ``incomplete`` when pages were lost.

    Lost are pages whose objects are gone (MuPDF returns them blank) and pages the page tree
    declared (the largest ``/Count``) but the repair did not recover. Lost pages are content
    left out: the warning becomes a failure row of the case and `process` exits non-zero."""
    import re

    lost = _lost_pages(pdf)
    counts = [int(m) for m in re.findall(rb"/Count\s+(\d{1,7})\b", data)]
    declared = max([pdf.page_count, *counts])
    missing = len(lost) + declared - pdf.page_count
    if missing:
        which = f" (pagina {_ranges(lost)})" if lost else ""
        return (
            f"{path}: incomplete: PDF was beschadigd; na herstel ontbreken {missing} van de"
            f" {declared} pagina's{which}"
        )
    return f"{path}: PDF was beschadigd; MuPDF heeft de structuur hersteld"


def read_pdf(data: bytes, path: str, name: str, ctx: ReadContext) -> Document:
    builder = TextBuilder()
    pages: list[Page] = []
    warnings: list[str] = []
    pool: ThreadPoolExecutor | None = None
    try:
        with open_pdf(data, path) as pdf:
            if pdf.is_repaired:
                warnings.append(_repair_warning(pdf, data, path))
            fields = _metadata(pdf.metadata or {})
            # Scanned pages are OCRed in parallel, a window at a time so that a 500-page scan
            # never holds more than a few rendered page images in memory.
            window = 2 * ocr_workers()
            for first in range(0, pdf.page_count, window):
                pending: list[tuple[Page, list[Block] | Future[list[Block]]]] = []
                for number in range(first, min(pdf.page_count, first + window)):
                    page_info, content = _page_content(pdf, number, ctx, path)
                    if isinstance(content, tuple):
                        if pool is None:
                            pool = ThreadPoolExecutor(ocr_workers(), thread_name_prefix="ocr")
                        pending.append((page_info, pool.submit(ocr_blocks, *content, path)))
                    else:
                        pending.append((page_info, content))
                for page_info, job in pending:
                    blocks = _result(job, page_info.number, path)
                    if page_info.number:
                        builder.write("\f")
                    start = builder.pos
                    builder.add_blocks(page_info.number, blocks)
                    pages.append(replace(page_info, start=start, end=builder.pos))
    finally:
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)
    doc = new_document(data, path, name, "pdf", builder.text(), ctx)
    doc.pages = pages
    doc.words = builder.words
    doc.fields.update(fields)
    doc.warnings.extend(warnings)
    return doc


def _result(content: list[Block] | Future[list[Block]], number: int, path: str) -> list[Block]:
    if not isinstance(content, Future):
        return content
    try:
        return content.result()
    except InputError:
        raise
    except Exception as exc:
        raise CorruptDocument(
            path, f"pagina {number + 1}: OCR mislukt: {_first_line(exc)}"
        ) from None


def _page_content(
    pdf: pymupdf.Document, number: int, ctx: ReadContext, path: str
) -> tuple[Page, list[Block] | tuple[Any, float]]:
    """The page's geometry and either its text-layer blocks or (image, scale) to OCR."""
    try:
        page = pdf.load_page(number)
        rect = page.rect
        info = Page(number, rect.width, rect.height, 0, 0, False, page.rotation)
        raw = page.get_text("words", flags=TEXT_FLAGS)
        if ctx.ocr and _needs_ocr(page, raw):
            from PIL import Image

            pix = page.get_pixmap(dpi=_ocr_dpi(rect, ctx, path, number), colorspace=pymupdf.csGRAY, alpha=False)
            image = Image.frombytes("L", (pix.width, pix.height), pix.samples)
            # Pixmap pixels map onto page.rect; scale back to points.
            return replace(info, ocr=True), (image, rect.width / pix.width)
    except InputError:
        raise
    except Exception as exc:
        raise CorruptDocument(path, f"pagina {number + 1} onleesbaar: {_first_line(exc)}") from None
    blocks: dict[int, dict[int, list[tuple[str, tuple[float, float, float, float]]]]] = {}
    for x0, y0, x1, y1, word, bno, lno, _wno in raw:
        blocks.setdefault(bno, {}).setdefault(lno, []).append((word, (x0, y0, x1, y1)))
    return info, [list(lines.values()) for lines in blocks.values()]


def _ocr_dpi(rect: pymupdf.Rect, ctx: ReadContext, path: str, number: int) -> int:
    """OCR resolution for a page: 300 dpi, less for a huge page so that the rendered image
    stays within ``ctx.max_pixels``; a page too large even at 72 dpi is refused."""
    from wooflow.ingest.image import check_pixels

    inches = max(rect.width, 1.0) * max(rect.height, 1.0) / (72.0 * 72.0)
    dpi = OCR_DPI
    if inches * dpi * dpi > ctx.max_pixels:
        dpi = int((ctx.max_pixels / inches) ** 0.5)
    if dpi < 72:
        check_pixels(int(rect.width / 72 * OCR_DPI), int(rect.height / 72 * OCR_DPI), path, ctx,
                     f"pagina {number + 1} (gerenderd voor OCR)")
    return dpi


def _needs_ocr(page: pymupdf.Page, raw: list[Any]) -> bool:
    """A page is a scan when images cover it and its text layer is absent, garbage, or only a
    stamp (a page number or document number added after scanning)."""
    text = "".join(w[4] for w in raw)
    alnum = sum(ch.isalnum() for ch in text)
    garbage = text.count("\ufffd") / len(text) if text else 0.0
    if alnum >= STAMP_CHARS and garbage <= MAX_GARBAGE:
        return False
    area = abs(page.rect) or 1.0
    covered = (
        sum(abs(pymupdf.Rect(info["bbox"]) & page.rect) for info in page.get_image_info()) / area
    )
    if covered >= FULL_IMAGE_COVER:
        return True
    if covered >= MIN_IMAGE_COVER and (alnum < MIN_TEXT_CHARS or garbage > MAX_GARBAGE):
        return True
    # Text drawn as outlines (no fonts) also needs OCR; a blank page does not.
    return alnum == 0 and len(page.get_drawings()) > OUTLINE_DRAWINGS


_PDF_DATE = re.compile(r"D:(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?")


def _pdf_date(value: str) -> str | None:
    m = _PDF_DATE.match(value or "")
    if not m:
        return None
    defaults = ("", "01", "01", "00", "00", "00")
    y, mo, d, h, mi, s = (g or dflt for g, dflt in zip(m.groups(), defaults, strict=True))
    return f"{y}-{mo}-{d}T{h}:{mi}:{s}"


def _metadata(meta: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key in ("title", "author", "subject", "creator", "producer"):
        value = (meta.get(key) or "").strip()
        if value:
            out[f"pdf_{key}"] = value
    for key in ("creationDate", "modDate"):
        iso = _pdf_date(meta.get(key) or "")
        if iso:
            out["pdf_created" if key == "creationDate" else "pdf_modified"] = iso
    return out


def _first_line(exc: BaseException) -> str:
    lines = str(exc).strip().splitlines()
    return lines[0] if lines else type(exc).__name__
