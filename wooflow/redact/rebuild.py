"""Keep only what a reader needs: the published PDF is rebuilt from what is painted on the pages.

An allow-list, not a deny-list. The redacted pages are copied into a new, empty document
(``insert_pdf`` copies a page's contents, resources and boxes; nothing of the old catalog comes
along: no structure tree, outlines, names/destinations, threads, page labels, associated or
embedded files, actions, forms, optional-content configuration or metadata). Then, per page:

- content outside the visible page (CropBox within MediaBox) is removed (true removal, like a
  box) and the MediaBox becomes the visible area;
- content in hidden optional-content layers was removed from the source before redaction
  (``remove_hidden_content``); marked-content properties (``/ActualText``, ``/Alt``, ``/E``)
  are dropped from the streams;
- resources the page does not use are dropped (MuPDF's content sanitizer writes a new
  resource dictionary with only what the content uses: an unused pattern with text goes);
- page keys outside the allow-list (``/StructParents``, ``/AA``, ``/PieceInfo``, ``/AF``,
  ``/Metadata``, ``/Thumb``, ``/B``, ...) are gone; links are re-added only for internal page
  targets and http(s) addresses that hold no redacted string;
- the outline is rebuilt: an entry stays only when its title is text painted on its target page
  after redaction (a heading), so a bookmark can never say more than the page shows.

Every object that remains loses ``/Metadata``, ``/PieceInfo``, ``/AF``, ``/OC`` and structure
parent keys.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import Any

import pymupdf

from wooflow.redact.content import filter_content

OUTSIDE = 50_000.0  # points; far beyond any page
PAGE_KEYS = {"Type", "Parent", "MediaBox", "CropBox", "Rotate", "Resources", "Contents", "Annots",
             "Group", "UserUnit"}  # fmt: skip
OBJECT_KEYS_DROPPED = ("Metadata", "PieceInfo", "AF", "OC", "StructParent", "StructParents", "OPI",
                       "LastModified", "SpiderInfo", "ID")  # fmt: skip
SAFE_SCHEMES = ("http://", "https://")
# PyMuPDF's constants, typed (its stubs do not declare them).
REDACT_IMAGE_PIXELS: int = pymupdf.PDF_REDACT_IMAGE_PIXELS  # type: ignore[attr-defined]
REDACT_LINE_ART_IF_COVERED: int = pymupdf.PDF_REDACT_LINE_ART_REMOVE_IF_COVERED  # type: ignore[attr-defined]
REDACT_LINE_ART_IF_TOUCHED: int = pymupdf.PDF_REDACT_LINE_ART_REMOVE_IF_TOUCHED  # type: ignore[attr-defined]
REDACT_TEXT_REMOVE: int = pymupdf.PDF_REDACT_TEXT_REMOVE  # type: ignore[attr-defined]


def pages(doc: pymupdf.Document) -> Iterator[pymupdf.Page]:
    """The pages of ``doc`` (a typed iteration)."""
    for number in range(doc.page_count):
        yield doc[number]


def _key_names(pdf: pymupdf.Document, xref: int) -> list[str]:
    try:
        return list(pdf.xref_get_keys(xref))
    except Exception:
        return []


def _ref(value: tuple[str, str]) -> int:
    typ, val = value
    if typ != "xref":
        return 0
    try:
        return int(val.split()[0])
    except (ValueError, IndexError):
        return 0


# --- hidden optional content ------------------------------------------------------------------


def hidden_ocgs(pdf: pymupdf.Document) -> set[int]:
    """Optional-content groups that the default configuration switches off."""
    try:
        ocgs = pdf.get_ocgs() or {}
    except Exception:
        return set()
    off = {int(x) for x, info in ocgs.items() if not info.get("on", True)}
    try:
        off |= {int(x) for x in (pdf.get_layer() or {}).get("off", [])}
    except Exception:
        pass
    return off


def _oc_hidden(pdf: pymupdf.Document, xref: int, off: set[int]) -> bool:
    """Whether an /OC target (an OCG or an OCMD) is hidden; unknown forms count as hidden."""
    if not xref:
        return True
    typ = pdf.xref_get_key(xref, "Type")[1]
    if typ == "/OCG":
        return xref in off
    if typ != "/OCMD" or pdf.xref_get_key(xref, "VE")[0] != "null":
        return True  # a visibility expression or something else: conservative
    ocgs_t, ocgs_v = pdf.xref_get_key(xref, "OCGs")
    members = [int(m) for m in re.findall(r"(\d+) 0 R", ocgs_v)] if ocgs_t != "null" else []
    if not members:
        return False
    on = [m not in off for m in members]
    policy = pdf.xref_get_key(xref, "P")[1] or "/AnyOn"
    if policy == "/AllOn":
        return not all(on)
    if policy == "/AnyOff":
        return all(on)
    if policy == "/AllOff":
        return any(on)
    return not any(on)


def _filter_stream(pdf: pymupdf.Document, owner: int, data: bytes, off: set[int]) -> tuple[bytes, int, int]:
    """Filter one stream, resolving resource names through ``owner``'s /Resources."""

    def resolve(category: str, name: str) -> int:
        try:
            return _ref(pdf.xref_get_key(owner, f"Resources/{category}/{name}"))
        except Exception:
            return 0

    def hidden(inline: bytes, xref: int) -> bool:
        if not off:
            return False
        return True if inline else _oc_hidden(pdf, xref, off)

    def xobject_hidden(xref: int) -> bool:
        if not off:
            return False
        target = _ref(pdf.xref_get_key(xref, "OC"))
        return bool(target) and _oc_hidden(pdf, target, off)

    return filter_content(data, resolve, hidden, xobject_hidden)


def filter_document_content(pdf: pymupdf.Document, off: set[int]) -> tuple[int, int]:
    """Remove hidden optional content (``off`` non-empty) and marked-content properties from
    every page and Form XObject. Returns (hidden parts dropped, property lists dropped)."""
    dropped = props = 0
    for page in pages(pdf):
        xrefs = page.get_contents()
        if not xrefs:
            continue
        data = b"\n".join(pdf.xref_stream(x) or b"" for x in xrefs)
        if b"BDC" not in data and not (off and b"Do" in data):
            continue
        new, d, p = _filter_stream(pdf, page.xref, data, off)
        if d or p:
            pdf.update_stream(xrefs[0], new)
            for x in xrefs[1:]:
                pdf.update_stream(x, b"")
            dropped, props = dropped + d, props + p
    for xref in range(1, pdf.xref_length()):
        try:
            if pdf.xref_get_key(xref, "Subtype")[1] != "/Form" or not pdf.xref_is_stream(xref):
                continue
            data = pdf.xref_stream(xref) or b""
        except Exception:
            continue
        if b"BDC" not in data and not (off and b"Do" in data):
            continue
        new, d, p = _filter_stream(pdf, xref, data, off)
        if d or p:
            pdf.update_stream(xref, new)
            dropped, props = dropped + d, props + p
    return dropped, props


def remove_hidden_content(pdf: pymupdf.Document) -> int:
    """Delete what hidden optional-content layers hold (before anything else looks at the
    pages); returns the number of hidden sections and XObject calls removed."""
    off = hidden_ocgs(pdf)
    if not off:
        return 0
    return filter_document_content(pdf, off)[0]


# --- the rebuild ------------------------------------------------------------------------------


def _visible(page: pymupdf.Page) -> pymupdf.Rect:
    """The visible area in unrotated page coordinates (what redaction annotations use)."""
    return pymupdf.Rect(page.rect * page.derotation_matrix).normalize()


def _all_inside(log: Sequence[Any], outside: pymupdf.Rect) -> bool:
    """``all(Rect(r).is_empty or Rect(r) in outside for _kind, r in log)`` without two Rect
    objects per entry (a rendered page logs every word): the same float comparisons as
    ``Rect.is_empty`` and ``Rect.__contains__``; an entry that is not a kind and four numbers
    is judged by those Rect calls themselves."""
    ox0, oy0, ox1, oy1 = outside.x0, outside.y0, outside.x1, outside.y1
    for entry in log:
        try:
            _kind, (x0, y0, x1, y1) = entry
            x0, y0, x1, y1 = float(x0), float(y0), float(x1), float(y1)
        except (TypeError, ValueError):
            r = pymupdf.Rect(entry[1])
            if not (r.is_empty or r in outside):
                return False
            continue
        if not (x0 >= x1 or y0 >= y1 or (ox0 <= x0 <= x1 <= ox1 and oy0 <= y0 <= y1 <= oy1)):
            return False
    return True


def crop_outside(page: pymupdf.Page) -> bool:
    """Remove everything drawn outside the visible page; whether anything was there."""
    vis = _visible(page)
    outside = vis + (-1, -1, 1, 1)
    try:
        log = page.get_bboxlog()
    except Exception:
        log = [("?", (-OUTSIDE, -OUTSIDE, OUTSIDE, OUTSIDE))]
    if _all_inside(log, outside):
        return False
    big = OUTSIDE
    for r in (
        pymupdf.Rect(-big, -big, big, vis.y0),
        pymupdf.Rect(-big, vis.y1, big, big),
        pymupdf.Rect(-big, vis.y0, vis.x0, vis.y1),
        pymupdf.Rect(vis.x1, vis.y0, big, vis.y1),
    ):
        page.add_redact_annot(r, fill=None, cross_out=False)
    page.apply_redactions(images=REDACT_IMAGE_PIXELS, graphics=REDACT_LINE_ART_IF_TOUCHED, text=REDACT_TEXT_REMOVE)
    return True


def _norm(text: str) -> str:
    return " ".join(text.replace("\u00ad", "").split()).casefold()


def _safe_link(link: dict[str, object], needles: Sequence[str], pages: int) -> bool:
    kind = link.get("kind")
    if kind == pymupdf.LINK_GOTO:
        page = link.get("page")
        return isinstance(page, int) and 0 <= page < pages
    if kind == pymupdf.LINK_URI:
        uri = str(link.get("uri") or "")
        low = uri.casefold()
        return low.startswith(SAFE_SCHEMES) and not any(n and n in _norm(uri) for n in needles)
    return False


def _clean_objects(pdf: pymupdf.Document) -> None:
    for xref in range(1, pdf.xref_length()):
        keys = _key_names(pdf, xref)
        for key in OBJECT_KEYS_DROPPED:
            if key in keys:
                pdf.xref_set_key(xref, key, "null")


def rebuild(
    src: pymupdf.Document,
    needles: Sequence[str],
) -> tuple[pymupdf.Document, dict[str, int]]:
    """A new document holding only the painted pages of ``src`` (see the module docstring).

    ``needles`` are the normalised redacted strings (links and bookmark titles holding one go).
    """
    stats = {"cropped_pages": 0, "links_kept": 0, "links_dropped": 0, "outline_kept": 0,
             "outline_dropped": 0, "properties_dropped": 0}  # fmt: skip
    out = pymupdf.open()
    out.insert_pdf(src, links=False, annots=False, widgets=False)
    for page in pages(out):
        if crop_outside(page):
            stats["cropped_pages"] += 1
        vis = page.cropbox
        if vis != page.mediabox:
            page.set_mediabox(vis)
        page.clean_contents(sanitize=True)
    stats["properties_dropped"] = filter_document_content(out, set())[1]
    for number, page in enumerate(pages(out)):
        for key in _key_names(out, page.xref):
            if key not in PAGE_KEYS:
                out.xref_set_key(page.xref, key, "null")
        for link in src[number].get_links():
            if _safe_link(link, needles, out.page_count):
                page.insert_link(link)
                stats["links_kept"] += 1
            else:
                stats["links_dropped"] += 1
    toc = src.get_toc(simple=True)
    if toc:
        texts: dict[int, str] = {}
        kept: list[list[int | str]] = []
        for level, title, target in toc:
            if not 1 <= target <= out.page_count:
                stats["outline_dropped"] += 1
                continue
            if target not in texts:
                texts[target] = _norm(out[target - 1].get_text())
            t = _norm(title)
            if t and t in texts[target] and not any(n and n in t for n in needles):
                kept.append([min(level, (int(kept[-1][0]) + 1) if kept else 1), title, target])
                stats["outline_kept"] += 1
            else:
                stats["outline_dropped"] += 1
        if kept:
            out.set_toc(kept)
    out.set_metadata({})
    cat = out.pdf_catalog()
    for key in _key_names(out, cat):
        if key not in ("Type", "Pages", "Outlines"):
            out.xref_set_key(cat, key, "null")
    _clean_objects(out)
    return out, stats
