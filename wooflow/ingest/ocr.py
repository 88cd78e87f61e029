"""The one wrapper around Tesseract: page images in, positioned words out.

Tesseract runs with its Dutch model ("nld", Debian package tesseract-ocr-nld). Boxes come back in
image pixels, are snapped to the ink they belong to (see ``snap_to_ink``) and are scaled to PDF
points here so that every reader hands out the same units.
"""

from __future__ import annotations

import os
from statistics import median
from typing import TYPE_CHECKING

from wooflow.exceptions import InputError
from wooflow.ingest.layout import Block

if TYPE_CHECKING:
    from PIL import Image

LANG = os.environ.get("WOOFLOW_OCR_LANG", "nld")
OCR_DPI = 300  # render resolution for scanned PDF pages; Tesseract's sweet spot
MIN_SIDE_PX = 32  # smaller images (icons, logos) hold no readable text
# Ink that no word box covers is given to the nearer word on its line when the gap is at most
# this share of the line's height (a word space is ~0.3 em, i.e. ~0.3-0.4 of a line's box).
ATTACH_GAP = 0.6
MIN_RUN_INK = 0.005  # ink runs with fewer dark pixels than this share of h*h are dust

PixelBox = list[float]  # [x0, y0, x1, y1] in image pixels, mutable while snapping


def ocr_workers() -> int:
    """Tesseract processes to run at once (``WOOFLOW_OCR_JOBS``, default: one per CPU)."""
    try:
        return max(1, int(os.environ.get("WOOFLOW_OCR_JOBS", "0")) or (os.cpu_count() or 1))
    except ValueError:
        return os.cpu_count() or 1


class OcrUnavailable(InputError):
    """Tesseract or its Dutch language data is not installed."""

    reason = "ocr-unavailable"


def dark_threshold(gray: Image.Image) -> int:
    """Otsu's threshold of a grayscale image, kept in a sane band for mostly-white pages."""
    hist = gray.histogram()[:256]
    total = sum(hist)
    if not total:
        return 128
    sum_all = sum(i * h for i, h in enumerate(hist))
    best, best_t, w0, sum0 = -1.0, 128, 0, 0.0
    for t in range(256):
        w0 += hist[t]
        if w0 == 0:
            continue
        w1 = total - w0
        if w1 == 0:
            break
        sum0 += t * hist[t]
        m0, m1 = sum0 / w0, (sum_all - sum0) / w1
        between = w0 * w1 * (m0 - m1) ** 2
        if between > best:
            best, best_t = between, t
    return min(192, max(64, best_t))


def ink_mask(gray: Image.Image) -> Image.Image:
    """255 where a pixel is ink, 0 elsewhere."""
    t = dark_threshold(gray)
    return gray.point([255 if v < t else 0 for v in range(256)])


def snap_to_ink(image: Image.Image, lines: list[list[PixelBox]]) -> int:
    """Widen OCR word boxes (in place, image pixels) to all ink of their words; return how many.

    Tesseract's LSTM engine places word boxes from its character positions, which can be off by a
    whole glyph: in "is 111222333" the word box started at the second "1", and a redaction box
    built on it left the first digit readable. No option of Tesseract fixes that, so the boxes
    are checked against the pixels: per line, the columns holding ink are grouped into runs; a
    box is widened over every run it cuts, and a run no box touches goes to the nearer neighbour
    on its line (within ``ATTACH_GAP`` line heights). Boxes never grow into another word's box.
    """
    from PIL import Image

    gray = image if image.mode == "L" else image.convert("L")
    mask = ink_mask(gray)
    changed = 0
    for line in lines:
        changed += _snap_line(mask, sorted(line, key=lambda b: b[0]), Image.Resampling.BOX)
    return changed


def _ink_runs(mask: Image.Image, x0: int, x1: int, top: int, bottom: int, box_filter: int
              ) -> list[list[int]]:
    """[start, end, dark pixels] of column runs with ink in the band; 1-px gaps are bridged."""
    crop = mask.crop((x0, top, x1, bottom))
    height = bottom - top
    cols = crop.resize((crop.width, 1), box_filter).tobytes()  # one byte per column (mode L)
    runs: list[list[int]] = []
    for i, v in enumerate(cols):
        if not v:
            continue
        dark = max(1, round(v * height / 255))
        x = x0 + i
        if runs and x - runs[-1][1] <= 1:
            runs[-1][1] = x + 1
            runs[-1][2] += dark
        else:
            runs.append([x, x + 1, dark])
    return runs


def _snap_line(mask: Image.Image, words: list[PixelBox], box_filter: int) -> int:
    if not words:
        return 0
    top = max(0, int(min(w[1] for w in words)))
    bottom = min(mask.height, int(max(w[3] for w in words) + 0.999))
    h = median(w[3] - w[1] for w in words)
    if bottom <= top or h <= 0:
        return 0
    reach = ATTACH_GAP * h
    x0 = max(0, int(words[0][0] - 2 * reach))
    x1 = min(mask.width, int(max(w[2] for w in words) + 2 * reach + 1))
    if x1 <= x0:
        return 0
    min_ink = max(3.0, MIN_RUN_INK * h * h)
    runs = [r for r in _ink_runs(mask, x0, x1, top, bottom, box_filter) if r[2] >= min_ink]
    before = [list(w) for w in words]
    limits = _limits(words)
    unclaimed = []
    for start, end, _ in runs:
        owners = [i for i, w in enumerate(words) if start < w[2] and end > w[0]]
        for i in owners:  # a glyph cut by the box edge: take it whole (not into a neighbour)
            lo, hi = limits[i]
            words[i][0] = max(lo, min(words[i][0], start))
            words[i][2] = min(hi, max(words[i][2], end))
        if not owners:
            unclaimed.append((start, end))
    progress = True
    while unclaimed and progress:  # chains: "11" missed before a word attach one after another
        progress = False
        for run in list(unclaimed):
            start, end = run
            best: tuple[float, int] | None = None
            for i, w in enumerate(words):
                gap = start - w[2] if start >= w[2] else w[0] - end if end <= w[0] else 0.0
                if gap <= reach and (best is None or gap < best[0]):
                    best = (gap, i)
            if best is None:
                continue
            i = best[1]
            lo, hi = limits[i]
            if start < lo or end > hi:
                continue  # would reach into another word's box: leave it
            words[i][0], words[i][2] = min(words[i][0], start), max(words[i][2], end)
            unclaimed.remove(run)
            progress = True
    changed = 0
    for w, old in zip(words, before, strict=True):
        if w[0] == old[0] and w[2] == old[2]:
            continue
        changed += 1
        ink = mask.crop((int(w[0]), top, int(w[2] + 0.999), bottom)).getbbox()
        if ink:
            w[1], w[3] = min(w[1], top + ink[1]), max(w[3], top + ink[3])
    return changed


def _limits(words: list[PixelBox]) -> list[tuple[float, float]]:
    """How far each box (sorted by x) may grow: up to its neighbours' original edges."""
    out = []
    for i, w in enumerate(words):
        lo = max((v[2] for v in words[:i] if v[2] <= w[0] + 1), default=float("-inf"))
        hi = min((v[0] for v in words[i + 1 :] if v[0] >= w[2] - 1), default=float("inf"))
        out.append((lo, hi))
    return out


def ocr_blocks(image: Image.Image, scale: float, path: str = "") -> list[Block]:
    """Words of ``image`` grouped in paragraphs and lines; boxes multiplied by ``scale``.

    ``scale`` converts pixels to points (72 / dpi).
    """
    import pytesseract

    from wooflow.ingest.tessapi import image_to_data

    if image.width < MIN_SIDE_PX or image.height < MIN_SIDE_PX:
        return []
    # Tesseract's own OpenMP threads fight over cores (3-4x slower on a busy 2-core machine);
    # one thread per process and one process per page is faster (what OCRmyPDF does too).
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")
    if image.mode not in ("L", "RGB"):
        image = image.convert("L")
    try:
        data = image_to_data(image, LANG, "--psm 3")
    except pytesseract.TesseractNotFoundError:
        raise OcrUnavailable(
            path, "tesseract is niet geïnstalleerd (apt install tesseract-ocr-nld)"
        ) from None
    except pytesseract.TesseractError as exc:
        msg = str(exc.message if hasattr(exc, "message") else exc).strip().splitlines()
        raise OcrUnavailable(path, f"tesseract faalde: {msg[0] if msg else exc}") from None
    blocks: list[list[list[tuple[str, PixelBox]]]] = []
    keys: dict[tuple[int, int], int] = {}
    line_keys: dict[tuple[int, int, int], int] = {}
    for i, word in enumerate(data["text"]):
        word = (word or "").strip()
        if not word or float(data["conf"][i]) < 0:
            continue
        bkey = (data["block_num"][i], data["par_num"][i])
        lkey = (*bkey, data["line_num"][i])
        if bkey not in keys:
            keys[bkey] = len(blocks)
            blocks.append([])
        block = blocks[keys[bkey]]
        if lkey not in line_keys:
            line_keys[lkey] = len(block)
            block.append([])
        left, top = data["left"][i], data["top"][i]
        box = [float(left), float(top), float(left + data["width"][i]), float(top + data["height"][i])]
        block[line_keys[lkey]].append((word, box))
    snap_to_ink(image, [[box for _, box in line] for block in blocks for line in block])
    return [
        [
            [(word, (b[0] * scale, b[1] * scale, b[2] * scale, b[3] * scale)) for word, b in line]
            for line in block
        ]
        for block in blocks
    ]
