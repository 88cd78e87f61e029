"""Pages whose every ink is explained without rendering them (issue 15e).

The verifier renders each page and OCRs the ink that the text layer, solid boxes and rules do
not explain (``verify_deep.residual_crop``): vector outlines of letters, pictures, strips,
shadings, patterns, text whose font lies. That render is ~40 % of the verifier's reading of
an ordinary page. A page needs none of it when the file itself proves that nothing of the sort
can be on it:

- its own /Resources hold only /Font (and /ProcSet): no image or form XObject, no pattern,
  shading, soft mask or other graphics state, no colour space, no marked-content properties;
  nothing inherited, no /Annots (an annotation's appearance is drawn too) and no /Group;
- every font program painted on it is *proven* by the glyph proof (``glyphs.painted_fonts``:
  every glyph painted is the reference glyph of the Unicode the extractors read; no Type 3),
  so the text's ink is what the text layer says, which the extractors and the restlekcontrole
  read, and no font on it is doubted by ``font_check`` (bad characters, /ActualText);
- pdfium (the renderer) finds only text objects drawn filled or invisible, and filled
  axis-aligned rectangles (the boxes; at most a hairline stroke in the same colour): no image,
  shading or form object, no inline image, no path of any other shape, no stroked text.

Such a page shows text that is in its text layer and rectangles, and nothing else. Anything
else (a picture, a vector letter, a stroked frame, a font that is not proven) sends the page to
the render as before. tests/redact/test_redact_inkproof.py: every adversarial hiding place is
still rendered and caught, and on every page this module passes the render finds no ink.
"""

from __future__ import annotations

import ctypes

import pymupdf
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

_M = pymupdf.mupdf

ALLOWED_RESOURCES = {"Font", "ProcSet"}
MAX_BOX_STROKE = 1.0  # pt: a stroke this thin around a filled box stays within the mask's pad


def plain_pages(doc: pymupdf.Document, proven: set[int]) -> set[int]:
    """Of the pages ``proven`` (every font program painted there is proven: ``font_check``),
    those whose resources allow only text and paths."""
    pdf = _M.pdf_document_from_fz_document(doc.this)
    out: set[int] = set()
    for number in sorted(proven):
        if not 0 <= number < doc.page_count:
            continue
        page = doc[number]
        obj = _M.pdf_load_object(pdf, page.xref)
        if any(_M.pdf_dict_get(obj, _M.pdf_new_name(key)).m_internal is not None for key in ("Annots", "Group")):
            continue
        res = _M.pdf_resolve_indirect(_M.pdf_dict_get(obj, _M.pdf_new_name("Resources")))
        if not _M.pdf_is_dict(res):
            continue  # inherited or odd: render
        keys = {_M.pdf_to_name(_M.pdf_dict_get_key(res, i)) for i in range(_M.pdf_dict_len(res))}
        if not keys <= ALLOWED_RESOURCES:
            continue
        if any(str(f[2]) == "Type3" for f in page.get_fonts(full=True)):
            continue  # never proven, but its glyphs could also draw what is not text
        out.add(number)
    return out


def only_text_and_boxes(page: pdfium.PdfPage) -> bool:
    """pdfium sees only filled/invisible text and filled axis-aligned rectangles on the page."""
    for obj in page.get_objects(max_depth=1):
        if obj.type == pdfium_c.FPDF_PAGEOBJ_TEXT:
            mode = pdfium_c.FPDFTextObj_GetTextRenderMode(obj.raw)
            if mode not in (pdfium_c.FPDF_TEXTRENDERMODE_FILL, pdfium_c.FPDF_TEXTRENDERMODE_INVISIBLE):
                return False
        elif obj.type == pdfium_c.FPDF_PAGEOBJ_PATH:
            if not _filled_box(obj):
                return False
        else:
            return False  # image (inline ones too), shading, form, unknown
    return True


def _filled_box(obj: pdfium.PdfObject) -> bool:
    raw = obj.raw
    mode, stroke = ctypes.c_int(), ctypes.c_int()
    if not pdfium_c.FPDFPath_GetDrawMode(raw, ctypes.byref(mode), ctypes.byref(stroke)) or mode.value == 0:
        return False
    if stroke.value:
        width = ctypes.c_float(0.0)
        if not pdfium_c.FPDFPageObj_GetStrokeWidth(raw, ctypes.byref(width)) or width.value > MAX_BOX_STROKE:
            return False
        if _rgba(raw, pdfium_c.FPDFPageObj_GetStrokeColor) != _rgba(raw, pdfium_c.FPDFPageObj_GetFillColor):
            return False
    matrix = pdfium_c.FS_MATRIX()
    if not pdfium_c.FPDFPageObj_GetMatrix(raw, ctypes.byref(matrix)) or matrix.b != 0 or matrix.c != 0:
        return False
    n = pdfium_c.FPDFPath_CountSegments(raw)
    if n not in (4, 5):
        return False
    points = []
    for i in range(n):
        seg = pdfium_c.FPDFPath_GetPathSegment(raw, i)
        kind = pdfium_c.FPDFPathSegment_GetType(seg)
        if kind != (pdfium_c.FPDF_SEGMENT_MOVETO if i == 0 else pdfium_c.FPDF_SEGMENT_LINETO):
            return False
        x, y = ctypes.c_float(), ctypes.c_float()
        if not pdfium_c.FPDFPathSegment_GetPoint(seg, ctypes.byref(x), ctypes.byref(y)):
            return False
        points.append((x.value, y.value))
    if n == 5 and points[4] != points[0]:
        return False
    (x0, y0), (x1, y1), (x2, y2), (x3, y3) = points[:4]
    # four corners in order, each side parallel to an axis
    horizontal_first = y0 == y1 and x1 == x2 and y2 == y3 and x3 == x0
    vertical_first = x0 == x1 and y1 == y2 and x2 == x3 and y3 == y0
    return horizontal_first or vertical_first


def _rgba(raw: object, getter: object) -> tuple[int, int, int, int] | None:
    r, g, b, a = ctypes.c_uint(), ctypes.c_uint(), ctypes.c_uint(), ctypes.c_uint()
    if not getter(raw, ctypes.byref(r), ctypes.byref(g), ctypes.byref(b), ctypes.byref(a)):  # type: ignore[operator]
        return None
    return r.value, g.value, b.value, a.value


__all__ = ["only_text_and_boxes", "plain_pages"]
