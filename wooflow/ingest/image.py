"""Images (.png, .jpg, .tif incl. multi-page TIFF): every frame is a page, read by OCR.

A page measures the image at its own resolution (72 / dpi points per pixel, 300 dpi when the file
does not say), so word boxes are in points like a PDF's and a later stage can lay the image on a
PDF page of that size and redact under the boxes.
"""

from __future__ import annotations

import io

from wooflow.exceptions import CorruptDocument, LimitExceeded
from wooflow.ingest.base import ReadContext, new_document
from wooflow.ingest.layout import TextBuilder
from wooflow.ingest.ocr import ocr_blocks
from wooflow.model import Document, Page

DEFAULT_DPI = 300.0
MAX_FRAMES = 500  # hard ceiling; ReadContext.max_frames (WOOFLOW_MAX_FRAMES) may set less


def check_pixels(width: int, height: int, path: str, ctx: ReadContext, what: str = "afbeelding") -> None:
    """One clear error for an image too large to decode within the configured memory."""
    if width * height > ctx.max_pixels:
        raise LimitExceeded(
            path,
            f"{what} van {width}×{height} pixels ({width * height / 1e6:.0f} miljoen) is groter dan"
            f" de grens van {ctx.max_pixels / 1e6:.0f} miljoen pixels (WOOFLOW_MAX_PIXELS)",
        )


def read_image(data: bytes, path: str, name: str, ctx: ReadContext) -> Document:
    import warnings

    from PIL import Image, ImageSequence

    builder = TextBuilder()
    pages: list[Page] = []
    max_frames = min(MAX_FRAMES, ctx.max_frames)
    try:
        with warnings.catch_warnings():
            # Pillow warns on stderr above ~89 million pixels; our own limit decides instead.
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            img = Image.open(io.BytesIO(data))
        with img:
            fmt = img.format or "image"
            frames = int(getattr(img, "n_frames", 1) or 1)
            if frames > max_frames:  # say so before OCR spends minutes on the first 500
                raise LimitExceeded(path, f"meer dan {max_frames} pagina's in afbeelding ({frames})")
            for number, frame in enumerate(ImageSequence.Iterator(img)):
                if number >= max_frames:
                    raise LimitExceeded(path, f"meer dan {max_frames} pagina's in afbeelding")
                check_pixels(frame.width, frame.height, path, ctx)
                frame.load()
                dpi = _dpi(frame.info.get("dpi"))
                scale = 72.0 / dpi
                gray = frame.convert("L")
                if number:
                    builder.write("\f")
                start = builder.pos
                if ctx.ocr:
                    builder.add_blocks(number, ocr_blocks(gray, scale, path))
                pages.append(
                    Page(
                        number, gray.width * scale, gray.height * scale, start, builder.pos, ctx.ocr
                    )
                )
    except Image.DecompressionBombError:
        raise LimitExceeded(
            path, f"afbeelding te groot (meer dan {2 * (Image.MAX_IMAGE_PIXELS or 0) / 1e6:.0f} miljoen pixels)"
        ) from None
    except (OSError, ValueError, SyntaxError, EOFError) as exc:
        raise CorruptDocument(path, f"beschadigde afbeelding: {exc}") from None
    doc = new_document(data, path, name, "image", builder.text(), ctx)
    doc.pages = pages
    doc.words = builder.words
    doc.fields["image_format"] = fmt.lower()
    return doc


def _dpi(value: object) -> float:
    try:
        dpi = float(value[0])  # type: ignore[index]
    except (TypeError, ValueError, IndexError):
        return DEFAULT_DPI
    return dpi if dpi >= 50 else DEFAULT_DPI
