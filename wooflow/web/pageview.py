"""The page as published: page images with a box per finding, from the redactor's geometry.

The source PDF and word map are chosen exactly as ``wooflow.redact.batch.redact_to_pdf`` does
(a PDF as it is; e-mail, Word, images rendered by ``render_document``), and boxes come from
``wooflow.redact.pdf.boxes_for_span`` over the same words: one box per line, in unrotated page
coordinates, as the redactor draws them. Text files are published as text, not as PDF: their
"page" is the redacted text (``/documenten/N/gelakt``).

Rendered PDFs are kept in a small per-app cache (rendering a long e-mail takes a moment).
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from wooflow.exceptions import CaseError

if TYPE_CHECKING:
    from wooflow.case import Case, FindingRecord
    from wooflow.model import Document

ZOOM = 1.5  # page image pixels per PDF point
CACHE_DOCS = 8


@dataclass(frozen=True, slots=True)
class PageBox:
    """One box of one finding on a page (PDF points, unrotated page coordinates)."""

    finding: FindingRecord
    x0: float
    y0: float
    x1: float
    y1: float
    label: str

    @property
    def width(self) -> float:
        return self.x1 - self.x0

    @property
    def height(self) -> float:
        return self.y1 - self.y0


class PageSource:
    """PDF bytes and word map per document, as the redactor would use them (LRU cache)."""

    def __init__(self) -> None:
        self._cache: OrderedDict[tuple[int, str], tuple[bytes, Document]] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, case: Case, doc_id: int) -> tuple[bytes, Document]:
        from wooflow.redact.batch import is_text, source_bytes
        from wooflow.redact.render import render_document

        rec = case.record(doc_id)
        key = (doc_id, rec.sha256)
        with self._lock:
            if key in self._cache:
                self._cache.move_to_end(key)
                return self._cache[key]
        doc = case.document(doc_id, with_data=True)
        if is_text(doc):
            raise CaseError("een tekstbestand wordt als tekst gepubliceerd, niet als pagina's")
        if doc.kind in ("zip", "mbox"):
            raise CaseError("een verzamelbestand heeft geen eigen pagina's; open de documenten erin")
        if doc.kind == "pdf":
            found = (source_bytes(doc), doc)
        else:
            rendered = render_document(doc)
            found = (rendered.data, rendered.as_document(doc))
        with self._lock:
            self._cache[key] = found
            while len(self._cache) > CACHE_DOCS:
                self._cache.popitem(last=False)
        return found


# The text files the redactor publishes as text (``wooflow.redact.batch.TEXT_SUFFIXES``; a
# test keeps the two equal). Not imported from there: importing ``wooflow.redact`` loads
# PyMuPDF, 3-15 s on a busy machine, which every first document page after a start waited for.
TEXT_SUFFIXES = (".txt", ".md", ".markdown", ".text")


def has_pages(case: Case, doc_id: int) -> bool:
    """Whether the document is published as a PDF (so a page view exists)."""
    rec = case.record(doc_id)
    if rec.kind in ("zip", "mbox"):
        return False
    return not (rec.kind == "text" and rec.name.lower().endswith(TEXT_SUFFIXES))


def page_count(data: bytes) -> int:
    import pymupdf

    with pymupdf.open(stream=data, filetype="pdf") as pdf:
        return int(pdf.page_count)


def page_size(doc: Document, data: bytes, page: int) -> tuple[float, float]:
    for p in doc.pages:
        if p.number == page:
            return p.width, p.height
    import pymupdf

    with pymupdf.open(stream=data, filetype="pdf") as pdf:
        r = pdf[page].rect
        return float(r.width), float(r.height)


def page_png(data: bytes, page: int, zoom: float = ZOOM) -> bytes:
    """The page as an image (the original page: boxes are drawn over it by the browser)."""
    import pymupdf

    with pymupdf.open(stream=data, filetype="pdf") as pdf:
        if not 0 <= page < pdf.page_count:
            raise CaseError(f"pagina {page + 1} bestaat niet in dit document")
        pix = pdf[page].get_pixmap(matrix=pymupdf.Matrix(zoom, zoom), alpha=False)
        return bytes(pix.tobytes("png"))


def boxes(doc: Document, records: Sequence[FindingRecord], page: int) -> tuple[list[PageBox], list[FindingRecord]]:
    """Boxes of the findings on ``page``, and the findings that have no word box anywhere
    (the redactor then searches the text on the page; shown in the list only)."""
    from wooflow.redact.pdf import WordIndex, boxes_for_span
    from wooflow.redact.text import Span, ground_of

    index = WordIndex(doc.words)
    out: list[PageBox] = []
    unplaced: list[FindingRecord] = []
    for r in records:
        f = r.finding
        label = ground_of(f) if f.action == "redact" else "openbaar"
        words = index.overlapping(f.start, f.end)
        if not words:
            unplaced.append(r)
            continue
        for b in boxes_for_span(Span(f.start, f.end, (label,)), words):
            if b.page == page:
                out.append(PageBox(r, b.x0, b.y0, b.x1, b.y1, label))
    return out, unplaced


def pages_of(doc: Document, records: Sequence[FindingRecord]) -> dict[int, int]:
    """Finding id -> first page it is on (for links from the text view)."""
    from wooflow.redact.pdf import WordIndex

    index = WordIndex(doc.words)
    out: dict[int, int] = {}
    for r in records:
        words = index.overlapping(r.finding.start, r.finding.end)
        if words:
            out[r.id] = min(w.page for w in words)
    return out
