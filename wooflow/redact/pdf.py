"""PDF redaction with PyMuPDF: true removal under every box, the ground code printed on it.

Boxes come from the document's word boxes (``Document.words``), never from searching strings, so
what is removed is exactly what detection and review decided. A word that is only partly inside a
span is redacted whole: a half-visible e-mail address or name is still a leak, a few extra blacked
characters are not. Everything that can carry content outside the page's text layer and was never
reviewed (annotations, form fields, attachments, JavaScript, thumbnails, metadata) is removed.
"""

from __future__ import annotations

import bisect
import os
import re
import secrets
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pymupdf

from wooflow.exceptions import CorruptDocument, EncryptedDocument
from wooflow.model import Document, Finding, Word
from wooflow.redact.areas import Area
from wooflow.redact.imagetext import image_boxes, seen_text_boxes
from wooflow.redact.presplit import split_page_strings
from wooflow.redact.rebuild import (
    REDACT_IMAGE_PIXELS,
    REDACT_LINE_ART_IF_COVERED,
    REDACT_TEXT_REMOVE,
    pages,
    rebuild,
    remove_hidden_content,
)
from wooflow.redact.text import Span, redact_spans
from wooflow.redact.verify_deep import font_check, name_forms

pymupdf.TOOLS.mupdf_display_errors(False)
pymupdf.TOOLS.mupdf_display_warnings(False)

BOX_FILL = (0.0, 0.0, 0.0)
LABEL_COLOR = (1.0, 1.0, 1.0)
LABEL_FONT = "helv"
MIN_LABEL_SIZE = 2.5  # points; below this a code is unreadable even when zoomed, so none is printed
MAX_LABEL_SIZE = 10.0
# OCR boxes hug the ink and anti-aliased edges lie just outside: on scanned pages every box grows
# by this share of its height on all sides (at least OCR_PAD_MIN), but sideways never past half
# the gap to the next word on its line, so a kept neighbour is not cut.
OCR_PAD_SHARE = 0.15
OCR_PAD_MIN = 1.0  # points
OCR_PAD_MIN_SIDE = 0.25  # points; the least sideways margin even when a neighbour is closer

# Vector graphics entirely under a box go (an underline, a scribble); larger shapes that merely
# touch a box (table borders, a black rectangle someone drew over the name) stay, because removing
# them would damage the page while the text under them is removed anyway.
GRAPHICS_MODE = REDACT_LINE_ART_IF_COVERED
IMAGE_MODE = REDACT_IMAGE_PIXELS  # destroy the pixels under a box, keep the rest
TEXT_MODE = REDACT_TEXT_REMOVE  # visible and invisible (OCR layer, white) text


@dataclass(frozen=True, slots=True)
class Box:
    """One black box on a page, in unrotated page coordinates (what annotations use)."""

    page: int
    x0: float
    y0: float
    x1: float
    y1: float
    label: str

    @property
    def rect(self) -> pymupdf.Rect:
        return pymupdf.Rect(self.x0, self.y0, self.x1, self.y1)


@dataclass(slots=True)
class RedactionReport:
    """What one redaction run did; ``unmapped`` spans had no word box (see the verifier)."""

    out_path: str
    pages: int
    boxes: list[Box] = field(default_factory=list)
    spans: int = 0
    unmapped: list[Span] = field(default_factory=list)
    removed_annotations: int = 0
    removed_widgets: int = 0
    removed_links: int = 0
    removed_embedded_files: int = 0
    outline_entries_changed: int = 0
    flattened: int = 0  # annotations and form fields turned into page content before redaction
    image_boxes: int = 0
    # Pages whose strings could not be split glyph by glyph (see presplit.py): text after a box
    # on those pages may have moved left by up to one character. Never a leak, only layout.
    unsplit_pages: list[int] = field(default_factory=list)
    hidden_removed: int = 0  # sections and XObjects of hidden optional-content layers deleted
    rebuild: dict[str, int] = field(default_factory=dict)  # what the allow-list rebuild dropped
    seen_boxes: int = 0  # boxes over names a person sees but the text layer does not say
    # Text-layer words under boxes that came from OCR (a lying font's glyphs, a wrong scanner
    # OCR layer): they are gone from the output, so the verifier must not miss them as kept text.
    extra_findings: list[Finding] = field(default_factory=list)


def boxes_for_span(span: Span, words: Sequence[Word]) -> list[Box]:
    """One box per line: the words overlapping ``span`` merged while they share a line."""
    return _merge_line_boxes(span, [w for w in words if w.start < span.end and w.end > span.start])


class WordIndex:
    """Words sorted by offset, so finding a span's words is a bisect, not a scan of the document."""

    def __init__(self, words: Sequence[Word]) -> None:
        self.words = sorted(words, key=lambda w: (w.start, w.end))
        self.starts = [w.start for w in self.words]
        self.max_len = max((w.end - w.start for w in self.words), default=0)

    def overlapping(self, start: int, end: int) -> list[Word]:
        lo = bisect.bisect_left(self.starts, start - self.max_len)
        hi = bisect.bisect_left(self.starts, end)
        return [w for w in self.words[lo:hi] if w.start < end and w.end > start]


def _merge_line_boxes(span: Span, hits: Sequence[Word]) -> list[Box]:
    hits = sorted(hits, key=lambda w: (w.page, w.start))
    boxes: list[list[float]] = []
    pages: list[int] = []
    for w in hits:
        if boxes and pages[-1] == w.page and _same_line(boxes[-1], w):
            b = boxes[-1]
            b[0], b[1], b[2], b[3] = (
                min(b[0], w.x0),
                min(b[1], w.y0),
                max(b[2], w.x1),
                max(b[3], w.y1),
            )
        else:
            boxes.append([w.x0, w.y0, w.x1, w.y1])
            pages.append(w.page)
    return [Box(p, b[0], b[1], b[2], b[3], span.label) for p, b in zip(pages, boxes, strict=True)]


def _same_line(box: list[float], w: Word) -> bool:
    """Vertical overlap of at least half the smaller height, and the word not going backwards."""
    overlap = min(box[3], w.y1) - max(box[1], w.y0)
    height = min(box[3] - box[1], w.y1 - w.y0)
    return height > 0 and overlap >= 0.5 * height and w.x0 >= box[0] - 1.0


def plan_boxes(doc: Document, findings: Iterable[Finding]) -> tuple[list[Box], list[Span], int]:
    """All boxes for the redact findings; spans without any word box are returned separately."""
    spans = redact_spans(findings, len(doc.text))
    boxes: list[Box] = []
    unmapped: list[Span] = []
    index = WordIndex(doc.words)
    for span in spans:
        found = _merge_line_boxes(span, index.overlapping(span.start, span.end))
        if found:
            boxes.extend(found)
        elif doc.text[span.start : span.end].strip():
            unmapped.append(span)
    return boxes, unmapped, len(spans)


def _already_boxed(box: Box, boxes: Sequence[Box]) -> bool:
    """Whether half of ``box`` or more lies under one box already planned (no double labels)."""
    area = box.rect.get_area()
    return area > 0 and any((box.rect & b.rect).get_area() >= 0.5 * area for b in boxes)


def _words_under(doc: Document, boxes: Sequence[Box], spans: Sequence[Span]) -> list[Finding]:
    """Redact findings for the text-layer words whose centre lies under one of ``boxes``."""
    out: list[Finding] = []
    covered = [(s.start, s.end) for s in spans]
    for box in boxes:
        for w in doc.words:
            if w.page != box.page or any(a <= w.start and w.end <= b for a, b in covered):
                continue
            cx, cy = (w.x0 + w.x1) / 2, (w.y0 + w.y1) / 2
            if box.x0 <= cx <= box.x1 and box.y0 <= cy <= box.y1:
                text = doc.text[w.start : w.end]
                out.append(Finding(w.start, w.end, text, "other", "redact", box.label, 1.0, "redact.seen",
                                   "onder een kader dat uit de weergave van de pagina komt"))  # fmt: skip
                covered.append((w.start, w.end))
    return out


def _page_of_offset(doc: Document, offset: int) -> int | None:
    for page in doc.pages:
        if page.start <= offset < page.end:
            return page.number
    return None


def _fallback_boxes(pdf: pymupdf.Document, doc: Document, span: Span) -> list[Box]:
    """A span without word boxes: search its text on its page. Over-redacting beats leaking."""
    number = _page_of_offset(doc, span.start)
    if number is None or number >= pdf.page_count:
        return []
    needle = " ".join(doc.text[span.start : span.end].split())
    page = pdf[number]
    rects = page.search_for(needle) if needle else []
    # search_for answers in unrotated coordinates, like text extraction and annotations.
    return [Box(number, r.x0, r.y0, r.x1, r.y1, span.label) for r in rects]


_UNIT_LENGTHS: dict[tuple[str, str], float] = {}


def _unit_length(font: pymupdf.Font, label: str) -> float:
    """``font.text_length(label, fontsize=1.0)``, remembered per font name and label (a case
    has a handful of ground codes). MuPDF sums the advances and multiplies by the size, so the
    length at size s is exactly this times s."""
    key = (str(font.name), label)
    if key not in _UNIT_LENGTHS:
        if len(_UNIT_LENGTHS) > 4096:
            _UNIT_LENGTHS.clear()
        _UNIT_LENGTHS[key] = float(font.text_length(label, fontsize=1.0))
    return _UNIT_LENGTHS[key]


def label_size(label: str, rect: pymupdf.Rect, font: pymupdf.Font, upright: bool = True) -> float:
    """The largest font size at which ``label`` fits the box, 0 if it cannot be read.

    ``upright`` False: the label runs along the box's height (a box on a rotated scan).
    """
    unit = _unit_length(font, label) or 1.0
    along, across = (rect.width, rect.height) if upright else (rect.height, rect.width)
    size = min(across * 0.72, along * 0.92 / unit, MAX_LABEL_SIZE)
    return size if size >= MIN_LABEL_SIZE else 0.0


@contextmanager
def _font_inserted_once(page: pymupdf.Page) -> Iterator[None]:
    """``Shape.insert_text`` calls ``page.insert_font`` for every label, which lists the page's
    fonts (a scan of its resources) to find the one it inserted for the previous label and
    returns that font's xref. Within one page the answer for the same arguments is that same
    xref, so it is asked once (``test_redact_pdf.py``: the same PDF with and without)."""
    insert = page.insert_font
    known: dict[tuple[object, ...], int] = {}

    def once(*args: Any, **kwargs: Any) -> int:
        key = (args, tuple(sorted(kwargs.items())))
        if key not in known:
            known[key] = insert(*args, **kwargs)
        return known[key]

    page.insert_font = once  # type: ignore[method-assign]
    try:
        yield
    finally:
        del page.insert_font


def _draw_label(shape: pymupdf.Shape, box: Box, font: pymupdf.Font, rotate: int = 0) -> None:
    """White code centred in the box; ``rotate`` turns it upright on a rotated page."""
    rect = box.rect
    upright = rotate in (0, 180)
    size = label_size(box.label, rect, font, upright)
    if not size:
        return
    if rotate:
        # insert_textbox writes in the rotated direction; centre the single line across it.
        size = min(size, (rect.height if upright else rect.width) / 1.45)
        line = size * 1.45
        if upright:
            inset = max(0.0, (rect.height - line) / 2)
            area = pymupdf.Rect(rect.x0, rect.y0 + inset, rect.x1, rect.y1 - inset)
        else:
            inset = max(0.0, (rect.width - line) / 2)
            area = pymupdf.Rect(rect.x0 + inset, rect.y0, rect.x1 - inset, rect.y1)
        while size >= MIN_LABEL_SIZE:
            fitted = shape.insert_textbox(
                area, box.label, fontsize=size, fontname=LABEL_FONT, color=LABEL_COLOR,
                align=pymupdf.TEXT_ALIGN_CENTER, rotate=rotate,
            )  # fmt: skip
            if fitted >= 0:
                return
            size *= 0.85  # the line did not fit (MuPDF's line height is the font's bbox)
        return
    width = _unit_length(font, box.label) * size
    x = rect.x0 + (rect.width - width) / 2
    y = rect.y0 + rect.height / 2 + 0.35 * size  # cap height of Helvetica is ~0.7 em
    shape.insert_text((x, y), box.label, fontsize=size, fontname=LABEL_FONT, color=LABEL_COLOR)


def _open(source: bytes | str | os.PathLike[str], path: str) -> pymupdf.Document:
    try:
        if isinstance(source, bytes):
            pdf = pymupdf.open(stream=source, filetype="pdf")
        else:
            pdf = pymupdf.open(os.fspath(source), filetype="pdf")
    except Exception as exc:
        raise CorruptDocument(path, f"PDF niet te openen: {str(exc).splitlines()[0]}") from None
    if pdf.needs_pass:
        pdf.close()
        raise EncryptedDocument(path, "PDF is met een wachtwoord beveiligd")
    return pdf


def _strings_in(text: str, needles: Sequence[str]) -> bool:
    low = " ".join(text.split()).casefold()
    return any(n in low for n in needles)


def _needles(doc: Document, spans: Sequence[Span]) -> list[str]:
    out = {" ".join(doc.text[s.start : s.end].split()).casefold() for s in spans}
    return sorted((n for n in out if n), key=len, reverse=True)


def _replace_needles(title: str, needles: Sequence[str], label: str) -> str:
    out = title
    for n in needles:
        out = re.sub(re.escape(n).replace(r"\ ", r"\s+"), label, out, flags=re.IGNORECASE)
    return out


def _scrub(
    pdf: pymupdf.Document, doc: Document, spans: Sequence[Span], report: RedactionReport
) -> None:
    """Remove every carrier of unreviewed content; rewrite outline titles that name a person."""
    needles = _needles(doc, spans)
    for page in pages(pdf):
        for annot in list(page.annots()):
            page.delete_annot(annot)
            report.removed_annotations += 1
        for widget in list(page.widgets()):
            page.delete_widget(widget)
            report.removed_widgets += 1
        for link in page.get_links():
            target = str(link.get("uri") or "") + " " + str(link.get("file") or "")
            if link.get("kind") in (pymupdf.LINK_LAUNCH, pymupdf.LINK_GOTOR) or _strings_in(
                target, needles
            ):
                page.delete_link(link)
                report.removed_links += 1
    report.removed_embedded_files = pdf.embfile_count()
    toc = pdf.get_toc(simple=True)
    if toc:
        label = spans[0].label if spans else "5.1.2e"
        new_toc = []
        for level, title, number in toc:
            new_title = _replace_needles(title, needles, label)
            report.outline_entries_changed += new_title != title
            new_toc.append([level, new_title, number])
        pdf.set_toc(new_toc)
    # Embedded files, JavaScript, thumbnails, metadata, XMP, /PieceInfo and the like are not
    # removed here one by one: the published file is rebuilt from the pages (rebuild.py) and
    # none of them comes along.


def _flatten(pdf: pymupdf.Document) -> int:
    """Make visible annotations and filled-in form fields part of the page, then drop the objects.

    What a reader sees of them (a FreeText comment, a filled-in field) is in the ingested text
    and gets redacted like any other text; what is not visible (a sticky note's pop-up text, a
    field's hidden value, reply threads) disappears with the annotation objects.
    """
    count = 0
    for page in pages(pdf):
        count += len(list(page.annots())) + len(list(page.widgets()))
    if count:
        pdf.bake(annots=True, widgets=True)
    return count


def _ocr_page_numbers(doc: Document) -> set[int]:
    return {p.number for p in doc.pages if p.ocr}


def _page_words(doc: Document, page: int) -> list[Word]:
    return [w for w in doc.words if w.page == page]


def ocr_padded(box: Box, page_words: Sequence[Word]) -> pymupdf.Rect:
    """``box`` grown by ``OCR_PAD_SHARE`` of its height; sideways at most half the gap to the
    nearest word left and right of it on its line (words the box already covers do not count)."""
    height = box.y1 - box.y0
    pad = max(OCR_PAD_MIN, OCR_PAD_SHARE * height)
    left, right = pad, pad
    for w in page_words:
        overlap = min(box.y1, w.y1) - max(box.y0, w.y0)
        if overlap < 0.5 * min(height, w.y1 - w.y0):
            continue  # another line
        if w.x1 <= box.x0 + 0.5:
            left = min(left, max(OCR_PAD_MIN_SIDE, (box.x0 - w.x1) / 2))
        elif w.x0 >= box.x1 - 0.5:
            right = min(right, max(OCR_PAD_MIN_SIDE, (w.x0 - box.x1) / 2))
    return pymupdf.Rect(box.x0 - left, box.y0 - pad, box.x1 + right, box.y1 + pad)


def redact_pdf(
    source: bytes | str | os.PathLike[str],
    doc: Document,
    findings: Iterable[Finding],
    out_path: str | os.PathLike[str],
    *,
    ocr_images: bool = True,
    areas: Sequence[Area] = (),
    rendered_text: bool = False,
) -> RedactionReport:
    """Write a redacted, scrubbed, fully rewritten copy of ``source`` to ``out_path``.

    ``doc`` is the ingested (or rendered) document whose text and words the findings refer to.
    With ``ocr_images`` the images on text pages are read too (see imagetext.py). ``areas``:
    boxes a reviewer drew (a signature, a photo), blacked out as drawn (see areas.py).
    ``rendered_text``: ``source`` is what ``render.render_text_pdf`` just made of ``doc.text``
    (only text, in MuPDF's built-in fonts: no image, no vector ink), so there is no picture to
    read; only pages whose text says its font lacks Unicode (``font_check``) are still OCR'd.
    """
    findings = list(findings)
    pdf = _open(source, doc.path)
    try:
        flattened = _flatten(pdf)
        hidden_removed = remove_hidden_content(pdf)
        boxes, unmapped, n_spans = plan_boxes(doc, findings)
        spans = redact_spans(findings, len(doc.text))
        still_unmapped = []
        for span in unmapped:
            extra = _fallback_boxes(pdf, doc, span)
            boxes.extend(extra)
            if not extra:
                still_unmapped.append(span)
        report = RedactionReport(
            str(out_path), pdf.page_count, spans=n_spans, unmapped=still_unmapped
        )
        report.flattened = flattened
        report.hidden_removed = hidden_removed
        ocr_pages = _ocr_page_numbers(doc)
        ocr_words: dict[int, list[Word]] = {}
        by_page: dict[int, list[Box]] = {}
        for box in boxes:
            if 0 <= box.page < pdf.page_count:
                page = pdf[box.page]
                if box.page in ocr_pages:
                    # Measured on the rendered (rotated) page, so padded there, then derotated.
                    r = ocr_padded(box, ocr_words.setdefault(box.page, _page_words(doc, box.page)))
                    if page.rotation:
                        r = r * page.derotation_matrix
                    box = Box(box.page, r.x0, r.y0, r.x1, r.y1, box.label)
                by_page.setdefault(box.page, []).append(box)
        for area in areas:  # as drawn: no OCR padding, the reviewer chose the edges
            if 0 <= area.page < pdf.page_count:
                by_page.setdefault(area.page, []).append(
                    Box(area.page, area.x0, area.y0, area.x1, area.y1, area.label)
                )
        if ocr_images and spans:
            labels = {" ".join(doc.text[s.start : s.end].split()): s.label for s in spans}
            for form in name_forms(findings):  # a person's surname in a picture goes as well
                labels.setdefault(form, spans[0].label)
            clean: set[int] = set()
            seen: list[Box] = []
            # A rendered text has no image, and no ink its text layer does not explain (test:
            # test_redact_render.py); its pages are only read when font_check doubts a font.
            text_only = rendered_text and not font_check(pdf, sample=False)[0]
            for number in range(0 if text_only else pdf.page_count):
                if number in ocr_pages:
                    continue  # its words came from OCR already: the boxes are planned
                page = pdf[number]
                if not page.get_image_info():
                    continue
                for rect, label in image_boxes(page, labels, clean):
                    seen.append(Box(number, rect.x0, rect.y0, rect.x1, rect.y1, label))
                    report.image_boxes += 1
            for number, rect, label in [] if text_only else seen_text_boxes(pdf, labels, ocr_pages):
                seen.append(Box(number, rect.x0, rect.y0, rect.x1, rect.y1, label))
                report.seen_boxes += 1
            for box in seen:
                if not _already_boxed(box, by_page.get(box.page, [])):
                    by_page.setdefault(box.page, []).append(box)
            report.extra_findings = _words_under(doc, seen, spans)
        report.boxes = [b for page_boxes in by_page.values() for b in page_boxes]
        font = pymupdf.Font(LABEL_FONT)
        for number, page_boxes in sorted(by_page.items()):
            page = pdf[number]
            if number not in ocr_pages and not split_page_strings(pdf, page):
                report.unsplit_pages.append(number)
            for box in page_boxes:
                page.add_redact_annot(box.rect, fill=BOX_FILL, cross_out=False)
            page.apply_redactions(images=IMAGE_MODE, graphics=GRAPHICS_MODE, text=TEXT_MODE)
            shape = page.new_shape()  # one content append per page, not one per label
            # Text pages draw their text in unrotated space, so codes go the same way; a rotated
            # scan was OCR'd upright, so its codes are turned to read upright as well.
            rotate = page.rotation if number in ocr_pages else 0
            with _font_inserted_once(page):
                for box in page_boxes:
                    _draw_label(shape, box, font, rotate)
            shape.commit()
        _scrub(pdf, doc, spans, report)
        published, report.rebuild = rebuild(pdf, _needles(doc, spans))
        try:
            _atomic_save(published, Path(out_path))
        finally:
            published.close()
    finally:
        pdf.close()
    return report


def _atomic_save(pdf: pymupdf.Document, out: Path) -> None:
    """Write a new file (never an incremental update) next to ``out``, then rename over it."""
    out.parent.mkdir(parents=True, exist_ok=True)
    # MuPDF creates the file itself, so it gets the usual mode (umask), unlike mkstemp's 0600.
    tmp = str(out.parent / f".{out.name}.{secrets.token_hex(6)}.tmp")
    try:
        pdf.save(
            tmp,
            garbage=4,
            deflate=True,
            clean=True,
            incremental=False,
            encryption=pymupdf.PDF_ENCRYPT_NONE,  # type: ignore[attr-defined]
            preserve_metadata=0,
        )
        os.replace(tmp, out)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
