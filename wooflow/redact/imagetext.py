"""Redacted strings inside pictures on text pages: a scanned signature block, a pasted screenshot.

The reader OCRs only pages without a usable text layer, so a name that exists only as pixels of
an image on a normal page is not in ``Document.text`` and has no finding. Before redacting, each
sizeable image on a page is OCR'd and every redacted string found in it gets a box too: the same
person must not stay readable in a picture next to a black box over their name in the text.
"""

from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Mapping
from typing import Any

import pymupdf

from wooflow.ingest.ocr import snap_to_ink

OCR_LANG = os.environ.get("WOOFLOW_OCR_LANG", "nld")
OCR_DPI = 200
RESIDUAL_DPI = 300  # unexplained ink is often small (a 7-pt picture of a name): read it sharp
PAD_SHARE = 0.15  # of a line's height, around each box (see pdf.OCR_PAD_SHARE)
MIN_IMAGE_PT = 24.0  # smaller images (bullets, logos) cannot hold a readable name


def _norm_tokens(text: str) -> list[str]:
    return re.findall(r"\w+", unicodedata.normalize("NFKC", text).casefold())


OcrWord = tuple[str, tuple[float, float, float, float], tuple[int, int, int]]


def _ocr_words(pix: pymupdf.Pixmap) -> list[OcrWord]:
    from PIL import Image

    return _ocr_image_words(Image.frombytes("L", (pix.width, pix.height), pix.samples))


def _ocr_image_words(img: Any, psm: int = 3) -> list[OcrWord]:
    from wooflow.ingest.tessapi import image_to_data

    data = image_to_data(img, OCR_LANG, f"--psm {psm}")
    words: list[tuple[str, list[float], tuple[int, int, int]]] = []
    for i, word in enumerate(data["text"]):
        if word and word.strip() and float(data["conf"][i]) >= 0:
            box = [
                float(data["left"][i]),
                float(data["top"][i]),
                float(data["left"][i] + data["width"][i]),
                float(data["top"][i] + data["height"][i]),
            ]
            line = (data["block_num"][i], data["par_num"][i], data["line_num"][i])
            words.append((word, box, line))
    lines: dict[tuple[int, int, int], list[list[float]]] = {}
    for _word, box, line in words:
        lines.setdefault(line, []).append(box)
    snap_to_ink(img, list(lines.values()))  # Tesseract's boxes can miss a whole glyph
    return [(w, (b[0], b[1], b[2], b[3]), line) for w, b, line in words]


def image_boxes(
    page: pymupdf.Page, needles: Mapping[str, str], clean: set[int] | None = None
) -> list[tuple[pymupdf.Rect, str]]:
    """Rects (unrotated page coordinates) over each needle found in the page's images.

    ``needles`` maps a redacted string to the label of its box. ``clean`` collects the xrefs of
    images found to hold none of them, so a logo repeated on every page is read only once.
    """
    wanted = [(_norm_tokens(n), label) for n, label in needles.items()]
    wanted = [(t, label) for t, label in wanted if t]
    if not wanted:
        return []
    out: list[tuple[pymupdf.Rect, str]] = []
    seen: set[tuple[float, ...]] = set()
    # Text extraction, image positions and annotations all use unrotated coordinates; render
    # unrotated too, so text in a picture is upright for Tesseract and pixels map back directly.
    rotation = page.rotation
    if rotation:
        page.set_rotation(0)
    try:
        infos = page.get_image_info(xrefs=True)
        area = page.rect
        for info in infos:
            xref = int(info.get("xref") or 0)
            if clean is not None and xref and xref in clean:
                continue
            bbox = pymupdf.Rect(info["bbox"]) & area
            if bbox.is_empty or bbox.width < MIN_IMAGE_PT or bbox.height < MIN_IMAGE_PT / 2:
                continue
            key = tuple(round(v, 1) for v in bbox)
            if key in seen:
                continue
            seen.add(key)
            found = _boxes_in_image(page, bbox, wanted, out)
            if not found and clean is not None and xref:
                clean.add(xref)
    finally:
        if rotation:
            page.set_rotation(rotation)
    return out


def _boxes_in_image(
    page: pymupdf.Page,
    bbox: pymupdf.Rect,
    wanted: list[tuple[list[str], str]],
    out: list[tuple[pymupdf.Rect, str]],
) -> bool:
    """OCR one image area; append a rect per line of each needle found; whether any was."""
    zoom = OCR_DPI / 72
    pix = page.get_pixmap(
        matrix=pymupdf.Matrix(zoom, zoom), clip=bbox, colorspace=pymupdf.csGRAY, alpha=False
    )
    to_page = pymupdf.Matrix(1 / zoom, 1 / zoom) * pymupdf.Matrix(1, 0, 0, 1, bbox.x0, bbox.y0)
    return _match(_ocr_words(pix), wanted, to_page, out)


def _match(
    words: list[OcrWord],
    wanted: list[tuple[list[str], str]],
    to_page: pymupdf.Matrix,
    out: list[tuple[pymupdf.Rect, str]],
) -> bool:
    """Append a page rect per line of each needle found in OCR ``words``; whether any was."""
    tokens: list[tuple[str, int]] = []  # (token, index of OCR word)
    for i, (word, _box, _line) in enumerate(words):
        tokens.extend((t, i) for t in _norm_tokens(word))
    found_any = False
    for needle_tokens, label in wanted:
        n = len(needle_tokens)
        for k in range(len(tokens) - n + 1):
            if [t for t, _ in tokens[k : k + n]] != needle_tokens:
                continue
            found_any = True
            hit = sorted({i for _, i in tokens[k : k + n]})
            by_line: dict[tuple[int, int, int], pymupdf.Rect] = {}
            for i in hit:
                r = pymupdf.Rect(words[i][1])
                line = words[i][2]
                by_line[line] = by_line[line] | r if line in by_line else r
            for r in by_line.values():
                pad = max(2.0, PAD_SHARE * r.height)  # OCR boxes hug the ink, as on scans
                rr = (r + (-pad, -pad, pad, pad)) * to_page
                out.append((rr, label))
    return found_any


def _residual_words(img: Any) -> list[OcrWord]:
    """OCR words of unexplained ink, in the coordinates of ``img``: upright, and turned a
    quarter both ways (sideways text), boxes turned back."""
    words = _ocr_image_words(img, psm=11)
    # Sideways text is read at half the resolution (a quarter of the OCR time; the verifier
    # reads the published page again). PIL's rotate(90) turns counter-clockwise:
    # (x, y) -> (y, w - x); back: x = w - ry, y = rx. rotate(-90): back x = ry, y = h - rx.
    half = img.resize((max(1, img.width // 2), max(1, img.height // 2)))
    w, h = half.width, half.height
    for word, (x0, y0, x1, y1), line in _ocr_image_words(half.rotate(90, expand=True, fillcolor=255), psm=11):
        words.append((word, (2 * (w - y1), 2 * x0, 2 * (w - y0), 2 * x1), (-1, *line[1:])))
    for word, (x0, y0, x1, y1), line in _ocr_image_words(half.rotate(-90, expand=True, fillcolor=255), psm=11):
        words.append((word, (2 * y0, 2 * (h - x1), 2 * y1, 2 * (h - x0)), (-2, *line[1:])))
    return words


def seen_text_boxes(
    pdf: pymupdf.Document, needles: Mapping[str, str], skip: set[int]
) -> list[tuple[int, pymupdf.Rect, str]]:
    """Boxes over needles that a person sees but the text layer does not say.

    Uses the verifier's cheap checks (verify_deep.py) on the document about to be redacted:
    pages whose fonts' Unicode is not trusted are OCR'd whole; elsewhere only the ink that the
    text layer, solid boxes/rules and large images do not explain (vector outlines, small or
    strip images) is OCR'd, upright. ``skip``: pages whose words came from OCR already.
    """
    import pypdfium2 as pdfium
    from PIL import Image

    from wooflow.redact.verify_deep import font_check, residual_crop

    wanted = [(_norm_tokens(n), label) for n, label in needles.items()]
    wanted = [(t, label) for t, label in wanted if t]
    if not wanted:
        return []
    # No OCR sampling of fonts here: a font that lies is withheld by the verifier anyway (only
    # the known name forms could be boxed); /ActualText and U+FFFD pages are found without OCR.
    whole, _fonts, _sampled = font_check(pdf, sample=False)
    out: list[tuple[int, pymupdf.Rect, str]] = []
    cache: dict[bytes, list[OcrWord]] = {}
    doc = pdfium.PdfDocument(pdf.tobytes())
    try:
        for number in range(len(doc)):
            if number in skip or pdf[number].rotation:
                continue
            found: list[tuple[pymupdf.Rect, str]] = []
            if number in whole:
                zoom = OCR_DPI / 72
                page = pdf[number]
                pix = page.get_pixmap(matrix=pymupdf.Matrix(zoom, zoom), colorspace=pymupdf.csGRAY, alpha=False)
                _match(_ocr_words(pix), wanted, pymupdf.Matrix(1 / zoom, 1 / zoom), found)
            else:
                page_pdfium = doc[number]
                try:
                    # Found cheaply at the verifier's resolution, read at a sharper one.
                    res = residual_crop(page_pdfium)
                    if res is not None:
                        res = residual_crop(page_pdfium, RESIDUAL_DPI)
                finally:
                    page_pdfium.close()
                if res is None:
                    continue
                crop, left, top, scale = res
                key = crop.tobytes()
                if key not in cache:
                    cache[key] = _residual_words(Image.fromarray(crop))
                to_page = pymupdf.Matrix(1 / scale, 1 / scale) * pymupdf.Matrix(1, 0, 0, 1, left, top)
                _match(cache[key], wanted, to_page, found)
            out.extend((number, rect, label) for rect, label in found)
    finally:
        doc.close()
    return out
