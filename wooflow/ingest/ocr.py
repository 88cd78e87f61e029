"""The one wrapper around Tesseract: page images in, positioned words out.

Tesseract runs with its Dutch model ("nld", Debian package tesseract-ocr-nld). Boxes come back in
image pixels and are scaled to PDF points here so that every reader hands out the same units.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from wooflow.exceptions import InputError
from wooflow.ingest.layout import Block

if TYPE_CHECKING:
    from PIL import Image

LANG = os.environ.get("WOOFLOW_OCR_LANG", "nld")
OCR_DPI = 300  # render resolution for scanned PDF pages; Tesseract's sweet spot
MIN_SIDE_PX = 32  # smaller images (icons, logos) hold no readable text


def ocr_workers() -> int:
    """Tesseract processes to run at once (``WOOFLOW_OCR_JOBS``, default: one per CPU)."""
    try:
        return max(1, int(os.environ.get("WOOFLOW_OCR_JOBS", "0")) or (os.cpu_count() or 1))
    except ValueError:
        return os.cpu_count() or 1


class OcrUnavailable(InputError):
    """Tesseract or its Dutch language data is not installed."""

    reason = "ocr-unavailable"


def ocr_blocks(image: Image.Image, scale: float, path: str = "") -> list[Block]:
    """Words of ``image`` grouped in paragraphs and lines; boxes multiplied by ``scale``.

    ``scale`` converts pixels to points (72 / dpi).
    """
    import pytesseract

    if image.width < MIN_SIDE_PX or image.height < MIN_SIDE_PX:
        return []
    # Tesseract's own OpenMP threads fight over cores (3-4x slower on a busy 2-core machine);
    # one thread per process and one process per page is faster (what OCRmyPDF does too).
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")
    if image.mode not in ("L", "RGB"):
        image = image.convert("L")
    try:
        data = pytesseract.image_to_data(
            image, lang=LANG, config="--psm 3", output_type=pytesseract.Output.DICT
        )
    except pytesseract.TesseractNotFoundError:
        raise OcrUnavailable(
            path, "tesseract is niet geïnstalleerd (apt install tesseract-ocr-nld)"
        ) from None
    except pytesseract.TesseractError as exc:
        msg = str(exc.message if hasattr(exc, "message") else exc).strip().splitlines()
        raise OcrUnavailable(path, f"tesseract faalde: {msg[0] if msg else exc}") from None
    blocks: list[Block] = []
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
        box = (
            left * scale,
            top * scale,
            (left + data["width"][i]) * scale,
            (top + data["height"][i]) * scale,
        )
        block[line_keys[lkey]].append((word, box))
    return blocks
