"""Leaks at the edges of boxes on scanned pages: a glyph the box missed or cut.

The text checks of verify.py look for whole redacted strings, so a box that starts one digit late
("is 1█████" over 111222333) passes them: one visible "1" is not the string. On a scan that is
exactly how OCR boxes fail, so every box on a scanned page is checked where a reader looks, on a
render of the output page (pdfium, not the writer's MuPDF):

1. **OCR around the box**: the box grown by about a line height (snapped outward to blank rows
   and columns, so neighbouring lines are not cut in half) is read with Tesseract, the box itself
   painted white. A leak is (a) the word right before/after the box on its line being the
   expected neighbour plus the first/last characters of the covered word(s), or only those
   characters (one is enough when the original text says what the neighbour must be); (b) a
   digit run of 2+ digits that is part of a redacted number and not in the page's kept text;
   (c) a word of 3+ letters that is part of a redacted string and not in the page's kept text.
2. **Pixels**: the box must be dark everywhere except its white code label; and the first pixel
   columns just outside its left and right edge must not hold ink at text height on several rows
   (a stroke of a glyph the edge cut through). Long horizontal runs (rules, table lines) are not
   glyphs and do not count.
"""

from __future__ import annotations

import ctypes
import os
import re
import unicodedata
from collections.abc import Collection, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from wooflow.ingest.ocr import dark_threshold, ocr_workers

SCAN_DPI = 300
# Which pages are scans, as ingest decides (wooflow/ingest/pdf.py): images cover 30 % of the
# page and its text layer has fewer than 10 letters/digits, or they cover 80 % and the text is
# only a stamp (< 100). A text page over a picture (a cover photo) got its boxes from text.
SCAN_IMAGE_SHARE = 0.3
FULL_IMAGE_SHARE = 0.8
MIN_TEXT_LAYER_CHARS = 10
STAMP_CHARS = 100
GROUND_CODE = re.compile(r"\b\d+\.\d+(?:\.\d+)?[a-z]?\b")  # the codes printed on the boxes
OCR_LANG = os.environ.get("WOOFLOW_OCR_LANG", "nld")
REGION_MARGIN = 1.0  # box heights around a box that are read back (~ one line above and below)
REGION_SNAP = 0.5  # box heights the region may grow further to reach a blank row
REGION_SNAP_X = 5.0  # ... and sideways to reach a word gap (a cut word is misread)
WORD_GAP = 0.15  # box heights of blank columns that make a word gap (letter gaps are narrower)
ORPHAN_GAP = 0.18  # box heights of blank columns that part a lone glyph from the neighbour word
MIN_REGION_CONF = 40.0  # region-wide rules ignore words Tesseract itself doubts
MIN_LETTER_RUN = 3  # a kept word of 2 letters ("en", "of") is too common to be evidence
LIGHT_SHARE = 0.005  # a box with more light pixels than this (label excluded) is not opaque
EDGE_BODY = 0.15  # rows this share of the box height from its top/bottom are padding, skipped
EDGE_MIN_ROWS = 0.12  # a cut glyph darkens at least this share of the box height (and 3 rows)
RULE_LENGTH = 1.5  # dark runs this many box heights long are rules or table lines, not glyphs
# What Tesseract reads for a digit it is not sure of (after casefolding).
DIGIT_LOOKALIKES = {"1": "1li|!]", "0": "0oqd", "5": "5s", "8": "8b", "2": "2z", "6": "6b", "9": "9g"}


@dataclass(frozen=True, slots=True)
class SpanContext:
    """What a box covers and what must stand beside it, in ``key`` form (see ``key``)."""

    page: int | None  # None when the original text is unknown (strict mode)
    covered: str  # the whole whitespace words the span touches (boxes cover whole words)
    before: str  # the word before them ('' when unknown or at the start)
    after: str
    starts_line: bool = False  # the covered words begin / end their line in the original
    ends_line: bool = False


@dataclass(frozen=True, slots=True)
class EdgeLeak:
    where: str  # "ocr-rand" (read beside a box), "kaderrand" (cut glyph), "kader" (not opaque)
    page: int
    needle: str  # the covered text in key form, '' for pixel findings


@dataclass(slots=True)
class _Box:
    x0: int
    y0: int
    x1: int
    y1: int
    labels: list[tuple[int, int, int, int]]

    @property
    def height(self) -> int:
        return max(1, self.y1 - self.y0)


def key(text: str) -> str:
    """Casefolded letters and digits only, plus the marks OCR uses for a lone '1' ('|', '!')."""
    text = unicodedata.normalize("NFKC", text).casefold()
    return "".join(c for c in text if c.isalnum() or c in "|!]")


def span_contexts(
    original_text: str, spans: Sequence[tuple[int, int]]
) -> list[SpanContext]:
    """The covered words and their neighbours for each redacted span of the original text."""
    out = []
    for start, end in spans:
        s = start
        while s > 0 and not original_text[s - 1].isspace():
            s -= 1
        e = end
        while e < len(original_text) and not original_text[e].isspace():
            e += 1
        before = re.search(r"(\S+)\s*$", original_text[max(0, s - 200) : s])
        after = re.match(r"\s*(\S+)", original_text[e : e + 200])
        out.append(
            SpanContext(
                original_text.count("\f", 0, start),
                key(original_text[s:e]),
                key(before.group(1)) if before else "",
                key(after.group(1)) if after else "",
                s == 0 or "\n" in original_text[max(0, s - 200) : s].rsplit(
                    before.group(1), 1)[-1] if before else True,
                "\n" in original_text[e : e + after.start(1)] if after else True,
            )
        )
    return [c for c in out if c.covered]


def needle_contexts(needles: Sequence[str]) -> list[SpanContext]:
    """Strict mode (no original text): only the redacted strings are known."""
    return [SpanContext(None, key(n), "", "") for n in needles if key(n)]


# --- finding the boxes and rendering -----------------------------------------------------------


def _fill_rgba(obj: pdfium.PdfObject) -> tuple[int, int, int, int]:
    r, g, b, a = (ctypes.c_uint() for _ in range(4))
    pdfium_c.FPDFPageObj_GetFillColor(obj.raw, *(ctypes.byref(v) for v in (r, g, b, a)))
    return r.value, g.value, b.value, a.value


def _is_filled(obj: pdfium.PdfObject) -> bool:
    mode, stroke = ctypes.c_int(), ctypes.c_int()
    pdfium_c.FPDFPath_GetDrawMode(obj.raw, ctypes.byref(mode), ctypes.byref(stroke))
    return mode.value != 0


def _painted_bounds(obj: pdfium.PdfObject) -> tuple[float, float, float, float]:
    """The area a filled (and stroked) rectangle paints: pdfium's bounds add a whole stroke
    width on every side, the stroke paints half of it."""
    left, bottom, right, top = obj.get_bounds()
    mode, stroke = ctypes.c_int(), ctypes.c_int()
    pdfium_c.FPDFPath_GetDrawMode(obj.raw, ctypes.byref(mode), ctypes.byref(stroke))
    width = ctypes.c_float(0.0)
    if stroke.value and pdfium_c.FPDFPageObj_GetStrokeWidth(obj.raw, ctypes.byref(width)):
        half = width.value / 2
        if right - left > 2 * half and top - bottom > 2 * half:
            return left + half, bottom + half, right - half, top - half
    return left, bottom, right, top


def _to_device(
    page: pdfium.PdfPage, size: tuple[int, int], bounds: tuple[float, float, float, float]
) -> tuple[int, int, int, int]:
    """A rectangle in PDF user space as pixel bounds on the render (the page's /Rotate applied)."""
    xs, ys = [], []
    left, bottom, right, top = bounds
    for px, py in ((left, bottom), (right, top), (left, top), (right, bottom)):
        dx, dy = ctypes.c_int(), ctypes.c_int()
        pdfium_c.FPDF_PageToDevice(
            page.raw, 0, 0, size[0], size[1], 0, px, py, ctypes.byref(dx), ctypes.byref(dy)
        )
        xs.append(dx.value)
        ys.append(dy.value)
    return min(xs), min(ys), max(xs), max(ys)


Rect4 = tuple[float, float, float, float]


def _page_boxes(page: pdfium.PdfPage) -> tuple[list[Rect4], list[Rect4]]:
    """Black filled rectangles over a page-sized image (the boxes) and white text (labels)."""
    width, height = page.get_size()
    # A page is a scan only when images cover SCAN_IMAGE_SHARE of it: measured first over the
    # image objects alone (the same objects in the same order as the loop below), so the text
    # and path objects of an ordinary page (one per word after presplit.py) are not visited.
    if not may_be_scan(page):
        return [], []
    image_area = 0.0
    images, boxes, labels = [], [], []
    for obj in page.get_objects(max_depth=2):
        if obj.type == pdfium_c.FPDF_PAGEOBJ_IMAGE:
            b = obj.get_bounds()
            images.append(b)
            image_area += max(0.0, b[2] - b[0]) * max(0.0, b[3] - b[1])
        elif obj.type == pdfium_c.FPDF_PAGEOBJ_PATH and _is_filled(obj):
            r, g, b_, a = _fill_rgba(obj)
            if a == 255 and max(r, g, b_) <= 16:
                boxes.append(_painted_bounds(obj))
        elif obj.type == pdfium_c.FPDF_PAGEOBJ_TEXT and min(_fill_rgba(obj)[:3]) >= 240:
            labels.append(obj.get_bounds())
    share = image_area / max(1.0, width * height)
    chars = _text_layer_chars(page) if share >= SCAN_IMAGE_SHARE else 0
    scanned = (share >= FULL_IMAGE_SHARE and chars < STAMP_CHARS) or (
        share >= SCAN_IMAGE_SHARE and chars < MIN_TEXT_LAYER_CHARS
    )
    if not scanned:
        return [], []
    over = [b for b in boxes if any(_overlap(b, i) >= 0.5 * _area(b) for i in images)]
    return over, labels


def may_be_scan(page: pdfium.PdfPage) -> bool:
    """Images cover at least SCAN_IMAGE_SHARE of the page: only then can it be a scanned page
    (``_page_boxes``); the verifier asks this while it reads the page's bitmaps anyway."""
    width, height = page.get_size()
    image_area = 0.0
    for obj in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=2):
        b = obj.get_bounds()
        image_area += max(0.0, b[2] - b[0]) * max(0.0, b[3] - b[1])
    return image_area / max(1.0, width * height) >= SCAN_IMAGE_SHARE


def _text_layer_chars(page: pdfium.PdfPage) -> int:
    """Letters and digits of the page's text besides the ground codes on the boxes."""
    textpage = page.get_textpage()
    try:
        text = textpage.get_text_bounded()
    finally:
        textpage.close()
    return sum(c.isalnum() for c in GROUND_CODE.sub(" ", text))


def _area(b: Sequence[float]) -> float:
    return max(0.0, b[2] - b[0]) * max(0.0, b[3] - b[1])


def _overlap(a: Sequence[float], b: Sequence[float]) -> float:
    return max(0.0, min(a[2], b[2]) - max(a[0], b[0])) * max(0.0, min(a[3], b[3]) - max(a[1], b[1]))


# --- the checks ---------------------------------------------------------------------------------


def check_scan_boxes(
    path: str, contexts: Sequence[SpanContext], page_baselines: Sequence[str] | None,
    candidates: Collection[int] | None = None,
) -> tuple[list[EdgeLeak], int]:  # fmt: skip
    """Edge leaks of every box on the scanned pages of ``path``; and how many boxes were checked.

    ``page_baselines``: per page, the original text with the redacted spans taken out (None in
    strict mode: nothing near a box is excused). ``candidates``: the pages for which
    ``may_be_scan`` is true, when the caller knows them (no other page can be a scan).
    """
    leaks: list[EdgeLeak] = []
    checked = 0
    if candidates is not None and not candidates:
        return leaks, checked
    pdf = pdfium.PdfDocument(path)
    try:
        for number in range(len(pdf)):
            if candidates is not None and number not in candidates:
                continue
            page = pdf[number]
            try:
                raw_boxes, raw_labels = _page_boxes(page)
                if not raw_boxes:
                    continue
                bitmap = page.render(scale=SCAN_DPI / 72, grayscale=True)
                render = bitmap.to_pil().convert("L")
                size = render.size
                boxes = []
                for b in raw_boxes:
                    x0, y0, x1, y1 = _to_device(page, size, b)
                    inside = [
                        _to_device(page, size, lab)
                        for lab in raw_labels
                        if _overlap(lab, b) >= 0.5 * _area(lab)
                    ]
                    boxes.append(_Box(x0, y0, x1, y1, inside))
            finally:
                page.close()
            checked += len(boxes)
            page_contexts = [c for c in contexts if c.page in (None, number)]
            baseline = None
            if page_baselines is not None:
                baseline = page_baselines[number] if number < len(page_baselines) else ""
            leaks.extend(_check_page(number, render, boxes, page_contexts, baseline))
    finally:
        pdf.close()
    return leaks, checked


def _check_page(
    number: int,
    render: object,
    boxes: list[_Box],
    contexts: Sequence[SpanContext],
    baseline: str | None,
) -> list[EdgeLeak]:
    from PIL import Image, ImageDraw

    assert isinstance(render, Image.Image)
    threshold = dark_threshold(render)
    ink = render.point([255 if v < threshold else 0 for v in range(256)])
    draw = ImageDraw.Draw(ink)
    for b in boxes:  # box pixels are not ink beside another box
        draw.rectangle((b.x0 - 1, b.y0 - 1, b.x1 + 1, b.y1 + 1), fill=0)
    leaks: list[EdgeLeak] = []
    for b in boxes:
        if not _opaque(render, b, threshold):
            leaks.append(EdgeLeak("kader", number, ""))
        if _cut_glyph(ink, b):
            leaks.append(EdgeLeak("kaderrand", number, ""))
    if not contexts:
        return leaks
    kept_tokens = set(re.findall(r"\w+", key_spaced(baseline))) if baseline is not None else set()
    kept_digits = re.findall(r"\d+", baseline.casefold()) if baseline is not None else []
    regions = _regions(ink, boxes)
    # One Tesseract process per region; they run side by side (the work is in the subprocess).
    with ThreadPoolExecutor(min(ocr_workers(), len(regions))) as pool:
        read = list(pool.map(lambda r: _read_region(render, r[0], boxes), regions))
    for (_region, members), words in zip(regions, read, strict=True):
        for b in members:
            leaks.extend(
                _judge(number, ink, b, words, contexts, kept_tokens, kept_digits, baseline)
            )
    return leaks


def key_spaced(text: str | None) -> str:
    return unicodedata.normalize("NFKC", text or "").casefold()


def _opaque(render: object, b: _Box, threshold: int) -> bool:
    """The box's inside is dark except for its label (2 px in from the anti-aliased edge)."""
    from PIL import ImageDraw

    if b.x1 - b.x0 < 6 or b.y1 - b.y0 < 6:
        return True
    inner = render.crop((b.x0 + 2, b.y0 + 2, b.x1 - 2, b.y1 - 2))  # type: ignore[attr-defined]
    draw = ImageDraw.Draw(inner)
    for lx0, ly0, lx1, ly1 in b.labels:
        draw.rectangle((lx0 - b.x0 - 4, ly0 - b.y0 - 4, lx1 - b.x0, ly1 - b.y0), fill=0)
    light = sum(inner.histogram()[threshold:256])
    return light <= LIGHT_SHARE * inner.width * inner.height


def _cut_glyph(ink: object, b: _Box) -> bool:
    """Ink in the column just outside the left or right edge, on several rows at text height."""
    h = b.height
    top, bottom = b.y0 + int(EDGE_BODY * h), b.y1 - int(EDGE_BODY * h)
    need = max(3, int(EDGE_MIN_ROWS * h + 0.5))
    width, height = ink.size  # type: ignore[attr-defined]
    rule = int(RULE_LENGTH * h)
    for col, step in ((b.x0 - 2, -1), (b.x1 + 2, 1)):  # just outside the masked box
        if not 0 <= col < width or col in _rule_columns(ink, col, col + 1, b):
            continue
        lo, hi = (max(0, col - rule), col + 1) if step < 0 else (col, min(width, col + rule + 1))
        strip = ink.crop((lo, max(0, top), hi, min(height, bottom)))  # type: ignore[attr-defined]
        data = strip.tobytes()
        sw = strip.width
        rows = 0
        for r in range(strip.height):
            row = data[r * sw : (r + 1) * sw]
            edge = row[-1] if step < 0 else row[0]
            if not edge:
                continue
            run = row[::-1] if step < 0 else row
            length = next((i for i, v in enumerate(run) if not v), len(run))
            if length < rule:
                rows += 1
        if rows >= need:
            return True
    return False


def _regions(ink: object, boxes: list[_Box]) -> list[tuple[tuple[int, int, int, int], list[_Box]]]:
    """Each box grown by about a line height, out to blank rows and columns; overlaps merged."""
    width, height = ink.size  # type: ignore[attr-defined]
    grown = []
    for b in boxes:
        m, snap = int(REGION_MARGIN * b.height), int(REGION_SNAP * b.height)
        snap_x, gap = int(REGION_SNAP_X * b.height), max(2, int(WORD_GAP * b.height))
        x0 = _blank(ink, max(0, b.x0 - m), -1, max(0, b.x0 - m - snap_x), (b.y0, b.y1), "col",
                    gap)
        x1 = _blank(ink, min(width - 1, b.x1 + m), 1, min(width - 1, b.x1 + m + snap_x),
                    (b.y0, b.y1), "col", gap)  # fmt: skip
        y0 = _blank(ink, max(0, b.y0 - m), -1, max(0, b.y0 - m - snap), (x0, x1), "row")
        y1 = _blank(ink, min(height - 1, b.y1 + m), 1, min(height - 1, b.y1 + m + snap),
                    (x0, x1), "row")  # fmt: skip
        grown.append(([x0, y0, x1 + 1, y1 + 1], [b]))
    merged = True
    while merged:
        merged = False
        for i in range(len(grown)):
            for j in range(i + 1, len(grown)):
                a, c = grown[i][0], grown[j][0]
                if a[0] < c[2] and c[0] < a[2] and a[1] < c[3] and c[1] < a[3]:
                    grown[i] = (
                        [min(a[0], c[0]), min(a[1], c[1]), max(a[2], c[2]), max(a[3], c[3])],
                        grown[i][1] + grown[j][1],
                    )
                    del grown[j]
                    merged = True
                    break
            if merged:
                break
    return [((r[0], r[1], r[2], r[3]), members) for r, members in grown]


def _blank(
    ink: object, start: int, step: int, stop: int, span: tuple[int, int], kind: str, need: int = 1
) -> int:
    """From ``start`` towards ``stop``, where ``need`` columns/rows in a row have no ink across
    ``span`` (columns: a word gap, not the gap between two letters)."""
    pos, blank = start, 0
    while True:
        if kind == "col":
            strip = ink.crop((pos, span[0], pos + 1, span[1]))  # type: ignore[attr-defined]
        else:
            strip = ink.crop((span[0], pos, span[1], pos + 1))  # type: ignore[attr-defined]
        blank = 0 if strip.getbbox() else blank + 1
        if blank >= need or pos == stop:
            return pos
        pos += step


@dataclass(frozen=True, slots=True)
class _Word:
    text: str
    x0: int
    y0: int
    x1: int
    y1: int
    conf: float


def _read_region(
    render: object, region: tuple[int, int, int, int], boxes: list[_Box]
) -> list[_Word]:
    """Tesseract's words in ``region`` (page pixels), every box painted white first."""
    from PIL import ImageDraw

    from wooflow.ingest.tessapi import image_to_data

    crop = render.crop(region)  # type: ignore[attr-defined]
    draw = ImageDraw.Draw(crop)
    for b in boxes:
        draw.rectangle(
            (b.x0 - region[0] - 1, b.y0 - region[1] - 1, b.x1 - region[0], b.y1 - region[1]),
            fill=255,
        )
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")
    data = image_to_data(crop, OCR_LANG, "--psm 6")
    out = []
    for i, text in enumerate(data["text"]):
        text = (text or "").strip()
        if not text or float(data["conf"][i]) < 0:
            continue
        x0, y0 = data["left"][i] + region[0], data["top"][i] + region[1]
        out.append(
            _Word(text, x0, y0, x0 + data["width"][i], y0 + data["height"][i],
                  float(data["conf"][i]))
        )  # fmt: skip
    return out


def _orphan_ink(ink: object, b: _Box, neighbour: _Word, side: int) -> bool:
    """Ink between the box and the expected neighbour word that is not part of that word.

    The original has only a space between the covered word and its neighbour, so a separate
    blob of ink there is a glyph of the covered word that the box missed; a lone glyph beside a
    box is often misread by OCR (a "J" became "«"), so this is decided on the pixels. Ink that
    continues the neighbour without a word gap is the neighbour's own (its OCR box may be tight).
    """
    h = b.height
    top, bottom = b.y0 + int(EDGE_BODY * h), b.y1 - int(EDGE_BODY * h)
    if side < 0:
        lo, hi = neighbour.x1, b.x0 - 2
    else:
        lo, hi = b.x1 + 2, neighbour.x0
    if hi - lo < 2 or bottom <= top:
        return False
    strip = ink.crop((lo, top, hi, bottom))  # type: ignore[attr-defined]
    cols = strip.resize((strip.width, 1), _box_filter()).tobytes()
    if side > 0:
        cols = cols[::-1]  # walk away from the neighbour, towards the box
    gap_need = max(2, int(ORPHAN_GAP * h))
    runs: list[list[int]] = []  # [start, end, ink] with letter gaps bridged
    blank = 0
    for i, v in enumerate(cols):
        if v:
            if runs and blank < gap_need:
                runs[-1][1] = i + 1
                runs[-1][2] += v
            else:
                runs.append([i, i + 1, v])
            blank = 0
        else:
            blank += 1
    if runs and runs[0][0] < gap_need:
        runs = runs[1:]  # continues the neighbour's last glyph (its OCR box was tight)
    min_ink = 0.02 * h * 255  # column means summed: ~2% of a box height of solid ink
    return any(r[2] >= min_ink for r in runs)


def _loose_ink(ink: object, b: _Box, side: int) -> bool:
    """Ink within one box height beside the box, at text height (vertical rules excepted)."""
    h = b.height
    top, bottom = b.y0 + int(EDGE_BODY * h), b.y1 - int(EDGE_BODY * h)
    lo, hi = (max(0, b.x0 - 2 - h), b.x0 - 2) if side < 0 else (b.x1 + 2, b.x1 + 2 + h)
    strip = ink.crop((lo, top, hi, bottom))  # type: ignore[attr-defined]
    if strip.width < 1 or strip.height < 1:
        return False
    rules = _rule_columns(ink, lo, hi, b)
    cols = strip.resize((strip.width, 1), _box_filter()).tobytes()
    return sum(v for i, v in enumerate(cols) if lo + i not in rules) >= 0.02 * h * 255


def _rule_columns(ink: object, lo: int, hi: int, b: _Box) -> set[int]:
    """Columns in [lo, hi) inked over most of a box height above and below the box too: a
    table border or frame, not a glyph (glyphs stop within their line)."""
    width, height = ink.size  # type: ignore[attr-defined]
    lo, hi = max(0, lo), min(width, hi)
    top, bottom = max(0, b.y0 - b.height), min(height, b.y1 + b.height)
    if hi <= lo or bottom <= top:
        return set()
    from PIL import Image, ImageFilter

    pad = 3  # a rule on a slightly skewed scan drifts a pixel or two over three lines
    tall = ink.crop((lo - pad, top, hi + pad, bottom))  # type: ignore[attr-defined]
    tall = tall.filter(ImageFilter.MaxFilter(5)).transpose(Image.Transpose.TRANSPOSE)
    # After the transpose each image row is one column of the page, so the longest run of ink
    # in a row is the longest vertical stroke in that column.
    data, w = tall.tobytes(), tall.width
    need = int(RULE_LENGTH * b.height)
    out = set()
    for i in range(pad, pad + hi - lo):
        row = data[i * w : (i + 1) * w]
        longest = max((len(run) for run in row.split(b"\x00") if run), default=0)
        if longest >= need:
            out.add(lo + i - pad)
    return out


def _box_filter() -> int:
    from PIL import Image

    return Image.Resampling.BOX


def _same(a: str, b: str) -> bool:
    """The expected neighbour read back, allowing one OCR slip in words of 4+ characters."""
    if a == b:
        return True
    if len(a) < 4 or len(b) < 4 or abs(len(a) - len(b)) > 1:
        return False
    from rapidfuzz.distance import Levenshtein

    return Levenshtein.distance(a, b) <= 1


def _chars_match(expected: str, read: str) -> bool:
    """OCR ``read`` what the redacted ``expected`` characters would look like."""
    if len(expected) != len(read):
        return False
    for e, r in zip(expected, read, strict=True):
        if e != r and r not in DIGIT_LOOKALIKES.get(e, ""):
            return False
    return True


def _judge(
    number: int,
    ink: object,
    b: _Box,
    words: list[_Word],
    contexts: Sequence[SpanContext],
    kept_tokens: set[str],
    kept_digits: list[str],
    baseline: str | None,
) -> list[EdgeLeak]:
    region_m = int(REGION_MARGIN * b.height)
    near = [
        w for w in words
        if w.x1 > b.x0 - region_m - b.height and w.x0 < b.x1 + region_m + b.height
        and w.y1 > b.y0 - region_m and w.y0 < b.y1 + region_m
    ]  # fmt: skip
    on_line = [w for w in near if b.y0 <= (w.y0 + w.y1) / 2 <= b.y1]
    left = [w for w in on_line if (w.x0 + w.x1) / 2 < b.x0 and b.x0 - w.x1 <= b.height]
    right = [w for w in on_line if (w.x0 + w.x1) / 2 > b.x1 and w.x0 - b.x1 <= b.height]
    leaks: list[EdgeLeak] = []
    strict = baseline is None
    # Nothing readable beside the box where some covered word begins/ends its line: any ink
    # there is a glyph of the covered word (a lone letter OCR dropped or read as punctuation).
    if not any(key(w.text) for w in left) and any(c.starts_line for c in contexts):
        if _loose_ink(ink, b, -1):
            leaks.append(EdgeLeak("kaderrand", number, ""))
    if not any(key(w.text) for w in right) and any(c.ends_line for c in contexts):
        if _loose_ink(ink, b, 1):
            leaks.append(EdgeLeak("kaderrand", number, ""))
    min_k = 2 if strict else 1
    for side, beside in ((-1, left), (1, right)):
        if not beside:
            continue
        nearest = max(beside, key=lambda w: w.x1) if side < 0 else min(beside, key=lambda w: w.x0)
        t = key(nearest.text)
        expected = [c.before if side < 0 else c.after for c in contexts]
        if not t:
            continue
        if any(e and _same(t, e) for e in expected):
            if _orphan_ink(ink, b, nearest, side):  # the right neighbour, but ink between
                leaks.append(EdgeLeak("kaderrand", number, ""))
            continue
        hit = _fragment(t, contexts, side, min_k)
        if hit:
            leaks.append(EdgeLeak("ocr-rand", number, hit))
    for w in near:
        if w.conf < MIN_REGION_CONF:
            continue
        low = key_spaced(w.text)
        for c in contexts:
            digits = "".join(ch for ch in c.covered if ch.isdigit())
            for run in re.findall(r"\d{2,}", low):
                if run in digits and not any(run in d for d in kept_digits):
                    leaks.append(EdgeLeak("ocr-rand", number, c.covered))
            for run in re.findall(r"[^\W\d_]{%d,}" % MIN_LETTER_RUN, low):
                if run in c.covered and run not in kept_tokens and run not in (c.before, c.after):
                    leaks.append(EdgeLeak("ocr-rand", number, c.covered))
    return leaks


def _fragment(t: str, contexts: Sequence[SpanContext], side: int, min_k: int) -> str:
    """The covered text whose first (left, ``side`` -1) or last (right) characters ``t`` holds,
    alone or joined to the expected neighbour ("is1" for "is 111222333"); '' if none."""
    for c in contexts:
        neighbour = c.before if side < 0 else c.after
        for k in range(min_k, min(len(t), len(c.covered)) + 1):
            piece, read = (c.covered[:k], t[-k:]) if side < 0 else (c.covered[-k:], t[:k])
            rest = t[:-k] if side < 0 else t[k:]
            if _chars_match(piece, read) and (not rest or (neighbour and _same(rest, neighbour))):
                return c.covered
    return ""
