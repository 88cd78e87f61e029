"""The verifier's attacker's reading: everything in the file, and what a person sees on the page.

``verify.py`` reads the page text with pdfium and poppler and OCRs the embedded bitmaps. This
module adds what a hostile reader tries next:

- **name forms**: for every redacted person, the full name and the surname; for every redacted
  e-mail address, its local part and (for ``first.last``-style addresses) the surname piece;
  plus names a caller passes (the accepted persons of a case). These must not occur at all, so a
  name that never reached detection (broken over a line, a lying font, a hidden layer) is still
  looked for wherever the e-mail or another occurrence was found;
- **raw objects**: every object dictionary and every decoded stream, with PDF strings decoded
  (literal, hex, UTF-16) and the pieces of a ``TJ`` array joined;
- **text outside the page box**: poppler and pdfium on a copy whose pages are 40,000 pt wide;
- **MuPDF's** text, a third extractor;
- **the allow-list**: catalog and page keys beyond what ``rebuild.py`` writes, annotations other
  than links, optional content, forms, actions: anything else is a problem (withheld);
- **what a person sees**: each page is rendered (pdfium) and everything the text layer explains
  (pdfium's text rectangles) and solid boxes/rules are masked; ink that is left (vector outlines,
  pictures, strips, tiny or sideways text) is OCR'd, upright and turned both ways. The fonts'
  Unicode is tested by OCR of sampled lines: lines are picked until every (font, character)
  pair has been seen once; a span whose OCR reading disagrees with its text (or that holds
  U+FFFD/private-use characters) makes its font untrusted, and every page that uses it is
  OCR'd whole. Cheap checks first; OCR only where they leave doubt.
"""

from __future__ import annotations

import binascii
import hashlib
import os
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import groupby
from typing import Any

import pymupdf
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from wooflow.model import Finding
from wooflow.redact.inkproof import only_text_and_boxes, plain_pages
from wooflow.redact.poppler import outside_texts
from wooflow.redact.rebuild import pages

OCR_LANG = os.environ.get("WOOFLOW_OCR_LANG", "nld")
OCR_WORKERS = max(1, min(4, os.cpu_count() or 1))
PAGE_DPI = 150  # reads 8-pt text (measured: 19/20 e-mail addresses at 8 pt)
SAMPLE_DPI = 200
MAX_SAMPLE_LINES = 60
FIRST_PAGES = 2  # pages whose lines are always read for sampling; later ones when a font is new
MIN_BAD_CHARS = 3  # U+FFFD/private-use characters in one span that make its font untrusted
RESIDUAL_MIN_INK = 60  # dark pixels at PAGE_DPI not explained by text, boxes or rules
LARGE_IMAGE_SHARE = 0.25  # of the page: such an image is OCR'd as a bitmap, not as residue
SOLID_SHARE = 0.6  # a path object whose box is this dark is a box or a rule, not text
MIN_SPAN_INK = 0.01  # less: the span is not visible (white/invisible text, read by extractors)
MAX_SPAN_INK = 0.5  # more: light text on a dark box (the ground codes on redaction boxes)
SPAN_AGREE = 40.0  # rapidfuzz ratio below which a span and its OCR reading disagree (a lie: ~0-20)
MIN_SPAN_CHARS = 4
CATALOG_KEYS = {"Type", "Pages", "Outlines", "Version"}
PAGE_KEYS = {"Type", "Parent", "MediaBox", "CropBox", "Rotate", "Resources", "Contents", "Annots",
             "Group", "UserUnit"}  # fmt: skip
SUSPECT_KEYS = ("AcroForm", "XFA", "AF", "EmbeddedFiles", "JavaScript", "OpenAction", "AA",
                "StructTreeRoot", "OCProperties", "PageLabels", "Dests", "Threads", "Names",
                "ActualText", "PieceInfo", "Metadata", "URI", "Launch", "SubmitForm")  # fmt: skip
TUSSENVOEGSELS = {"de", "den", "der", "van", "te", "ten", "ter", "het", "t", "in", "op", "la", "le", "du",
                  "da", "di", "von", "vd", "d"}  # fmt: skip
PERSON_CATEGORIES = ("person", "persoon", "name", "naam", "signature")
GENERIC_LOCAL = {"info", "post", "postbus", "contact", "secretariaat", "noreply", "servicedesk",
                 "redactie", "communicatie", "pers", "woo", "helpdesk", "support", "mail"}  # fmt: skip


@dataclass(slots=True)
class DeepReading:
    """Texts by where they were read, and what made the verifier doubt the file."""

    sources: dict[str, str] = field(default_factory=dict)  # where -> raw (not normalised) text
    problems: list[str] = field(default_factory=list)
    ocr_pages: int = 0  # pages OCR'd whole (untrusted fonts)
    residual_ocr: int = 0  # page areas with unexplained ink that were OCR'd
    sampled_lines: int = 0
    untrusted_fonts: list[str] = field(default_factory=list)
    page_ocr_texts: list[str] = field(default_factory=list)
    proven_pages: int = 0  # pages not rendered: only proven text and boxes (inkproof.py)


def _words(text: str) -> list[str]:
    text = unicodedata.normalize("NFKC", text).replace("\u00ad", "").casefold()
    return re.findall(r"\w+", text)


def name_forms(findings: Iterable[Finding], names: Iterable[str] = ()) -> list[str]:
    """Forms of the redacted persons that must not occur anywhere in the output (normalised)."""
    forms: set[str] = set()

    def surname(toks: list[str]) -> str:
        """The last name with its tussenvoegsel ("de jong", not "jong", which is a word)."""
        start = len(toks) - 1
        while start > 1 and toks[start - 1] in TUSSENVOEGSELS:
            start -= 1
        return " ".join(toks[start:]) if len(toks[-1]) >= 4 and not toks[-1].isdigit() else ""

    def add_person(text: str) -> None:
        toks = _words(text)
        if len(toks) >= 2:
            forms.add(" ".join(toks))
            if last := surname(toks):
                forms.add(last)

    for f in findings:
        if f.action != "redact":
            continue
        if f.category.casefold() in PERSON_CATEGORIES:
            add_person(f.text)
        if "@" in f.text:
            local = f.text.split("@")[0].strip().casefold()
            pieces = [p for p in re.split(r"[._\-+]", local) if p]
            if local in GENERIC_LOCAL or (pieces and pieces[0] in GENERIC_LOCAL):
                continue
            if len(local) >= 5:
                forms.add(local)
            alpha = [p for p in pieces if p.isalpha()]
            if len(pieces) >= 2 and alpha and (last := surname(["", *alpha])):
                forms.add(last)
    for name in names:
        add_person(name)
    return sorted(forms, key=len, reverse=True)


# --- raw objects ------------------------------------------------------------------------------

_LIT_ESC = {b"n": b"\n", b"r": b"\r", b"t": b"\t", b"b": b"\b", b"f": b"\f"}


def _decode_literal(body: bytes) -> bytes:
    if b"\\" not in body:
        return body  # no escapes: the loop below would copy it byte for byte
    out = bytearray()
    i, n = 0, len(body)
    while i < n:
        c = body[i : i + 1]
        if c == b"\\" and i + 1 < n:
            nxt = body[i + 1 : i + 2]
            m = re.match(rb"[0-7]{1,3}", body[i + 1 : i + 4])
            if m:
                out.append(int(m.group(), 8) & 0xFF)
                i += 1 + len(m.group())
                continue
            out += _LIT_ESC.get(nxt, b"" if nxt in b"\r\n" else nxt)
            i += 2
            continue
        out += c
        i += 1
    return bytes(out)


def _bytes_text(raw: bytes) -> str:
    if raw[:1] in _BOM_STARTS:  # most strings start otherwise: one slice, no three prefix tests
        if raw.startswith(b"\xfe\xff"):
            return raw[2:].decode("utf-16-be", "replace")
        if raw.startswith(b"\xff\xfe"):
            return raw[2:].decode("utf-16-le", "replace")
        if raw.startswith(b"\xef\xbb\xbf"):
            return raw[3:].decode("utf-8", "replace")
    return raw.decode("latin-1")


_BOM_STARTS = (b"\xfe", b"\xff", b"\xef")
# A literal's body (group 1) or a hex string's digits (group 2): findall gives both as bytes, an
# unmatched group as b"". Only "()" and "<>" give (b"", b""), and both decode to "".
_STRING = re.compile(rb"\(((?:\\.|[^\\()]|\((?:\\.|[^\\()])*\))*)\)|<([0-9A-Fa-f\s]*)>", re.S)
_TJ = re.compile(rb"\[((?:[^\[\]]|\\[\[\]])*)\]\s*TJ", re.S)
_HEX_SPACE = b" \t\n\r\f\v"  # what rb"\s" matches


def _decode(lit: bytes, hexs: bytes) -> str:
    """One string as ``_STRING.findall`` gives it: a literal's body or a hex string's digits."""
    if hexs:
        hexs = hexs.translate(None, _HEX_SPACE)
        if len(hexs) % 2:
            hexs += b"0"
        return _bytes_text(binascii.unhexlify(hexs))
    return _bytes_text(_decode_literal(lit))


def _joined_tj(data: bytes) -> list[str]:
    """Each TJ array with more than one literal piece, its pieces joined (a name split over
    kerning)."""
    out: list[str] = []
    if b"TJ" in data and b"(" in data:  # without "(" no array has a literal piece
        for arr in _TJ.findall(data):
            if b"(" not in arr:
                continue  # hex pieces only (how MuPDF writes): no literal piece to join
            if b"\\" not in arr:  # no escape: each literal piece is its body
                bodies = [body for body, hexs in _STRING_KIND.findall(arr) if not hexs]
                if len(bodies) > 1 and not any(b[:1] in _BOM_STARTS for b in bodies):
                    out.append(b"".join(bodies).decode("latin-1"))
                    continue
            pieces = [_bytes_text(_decode_literal(m.group(1))) for m in _STRING.finditer(arr) if m.group(0)[:1] == b"("]
            if len(pieces) > 1:
                out.append("".join(pieces))
    return out


# ``_STRING``'s matches with a literal's body or, for a hex string, "<" as the second group
_STRING_KIND = re.compile(rb"\(((?:\\.|[^\\()]|\((?:\\.|[^\\()])*\))*)\)|(<)[0-9A-Fa-f\s]*>", re.S)


def strings_in(data: bytes) -> list[str]:
    """Decoded PDF strings of an object or stream; a TJ array's pieces also joined.

    Literal strings: escapes decoded; hex strings: whitespace dropped, an odd last digit
    completed with 0; a UTF-16/UTF-8 byte order mark decodes as such, else latin-1. Each TJ
    array with more than one literal piece is also given joined (a name split over kerning)."""
    out = [_decode(lit, hexs) for lit, hexs in _STRING.findall(data)]
    out.extend(_joined_tj(data))
    return out


def strings_text(data: bytes) -> str | None:
    """``"\\n".join(strings_in(data))``, or None where ``strings_in`` gives no string.

    MuPDF writes its content streams with one hex string per glyph (thousands per page, each
    decoded on its own by ``strings_in``). Here a run of hex strings between two literal strings
    that hold no whitespace, have an even number of digits and do not start with a byte a byte
    order mark starts with is decoded in one piece: each such string is its bytes as latin-1,
    and latin-1 maps every byte to one character, so the strings joined by a line feed are
    their bytes joined by 0x0A, decoded once. Every other string is decoded as in ``strings_in``."""
    pieces = _STRING.findall(data)
    chunks: list[str] = []
    for is_literal, run in groupby(pieces, key=_is_literal):
        items = list(run)
        if is_literal:
            bodies = b"\n".join(lit for lit, _hexs in items)
            if b"\\" not in bodies and not _BOM_LIT.search(bodies):
                chunks.append(bodies.decode("latin-1"))  # no escape: each string is its body
                continue
        else:
            hexs = [h for _lit, h in items]
            digits = b"\n".join(hexs)
            if (
                len(digits.translate(None, _HEX_SPACE)) == len(digits) - len(hexs) + 1
                and not any(map((1).__and__, map(len, hexs)))
                and not _BOM_HEX.search(digits)
            ):
                chunks.append(binascii.unhexlify(b"0a".join(hexs)).decode("latin-1"))
                continue
        chunks.append(_decode_run(items, is_literal))
    chunks.extend(_joined_tj(data))
    return "\n".join(chunks) if chunks else None


_BOM_HEX = re.compile(rb"(?m)^(?:[fF][eEfF]|[eE][fF])")  # a hex string whose first byte is 0xFE, 0xFF or 0xEF
_BOM_LIT = re.compile(rb"(?m)^[\xfe\xff\xef]")  # a body starting so (or a line in it: then decoded one by one)


_PLAIN_HEX = re.compile(rb"(?![fF][eEfF]|[eE][fF])(?:[0-9A-Fa-f]{2})*")


def _decode_run(items: list[tuple[bytes, bytes]], is_literal: bool) -> str:
    """``"\\n".join`` of the strings of a run with a string that is not plain (an escape, an odd
    digit count, whitespace, a byte order mark's first byte): the plain ones around it still in
    one piece (each is its bytes as latin-1), the others one by one as ``strings_in`` does."""
    out: list[str] = []
    plain: list[bytes] = []
    for lit, hexs in items:
        if is_literal:
            if b"\\" not in lit and lit[:1] not in _BOM_STARTS:
                plain.append(lit)
                continue
        elif _PLAIN_HEX.fullmatch(hexs):
            plain.append(binascii.unhexlify(hexs))
            continue
        if plain:
            out.append(b"\n".join(plain).decode("latin-1"))
            plain = []
        out.append(_decode(lit, hexs))
    if plain:
        out.append(b"\n".join(plain).decode("latin-1"))
    return "\n".join(out)


def _is_literal(piece: tuple[bytes, bytes]) -> bool:
    """A literal string with a body ("()" and "<>" both decode to "", in either kind of run)."""
    return bool(piece[0])


def raw_text(doc: pymupdf.Document) -> tuple[str, list[str]]:
    """Every object's dictionary and decoded stream as text; plus allow-list problems."""
    parts: list[str] = []
    problems: list[str] = []
    for xref in range(1, doc.xref_length()):
        try:
            obj = doc.xref_object(xref, compressed=False)
        except Exception:
            continue
        parts.append(obj)
        if (found := strings_text(obj.encode("latin-1", "replace"))) is not None:
            parts.append(found)
        if doc.xref_is_stream(xref):
            try:
                data = doc.xref_stream(xref) or b""
            except Exception:  # a stream MuPDF cannot decode: readers cannot either
                data = doc.xref_stream_raw(xref) or b""
            sub = doc.xref_get_key(xref, "Subtype")[1]
            if sub in ("/Image",) or doc.xref_get_key(xref, "Type")[1] == "/XRef":
                continue
            if (
                sub.startswith("/Type1")
                or sub in ("/CIDFontType0C", "/OpenType")
                or doc.xref_get_key(xref, "Length1")[0] != "null"
            ):
                continue  # font programs: glyph names are not text a reader sees
            parts.append(data.decode("latin-1"))
            if (found := strings_text(data)) is not None:
                parts.append(found)
    return "\n".join(parts), problems


def _keys(doc: pymupdf.Document, xref: int) -> list[str]:
    """Keys of a dictionary that have a value (a key set to null is absent)."""
    return [k for k in doc.xref_get_keys(xref) if doc.xref_get_key(xref, k)[0] != "null"]


def allowlist_problems(doc: pymupdf.Document) -> list[str]:
    """Anything beyond what the rebuilt file holds (see rebuild.py), in Dutch."""
    problems: list[str] = []
    cat = doc.pdf_catalog()
    extra = sorted(k for k in _keys(doc, cat) if k not in CATALOG_KEYS)
    if extra:
        problems.append("onverwachte onderdelen in de PDF-catalogus: " + ", ".join(f"/{k}" for k in extra))
    page_extra: set[str] = set()
    annots = 0
    for page in pages(doc):
        page_extra |= {k for k in _keys(doc, page.xref) if k not in PAGE_KEYS}
        for annot_xref in [int(x) for x in re.findall(r"(\d+) 0 R", doc.xref_get_key(page.xref, "Annots")[1])]:
            if doc.xref_get_key(annot_xref, "Subtype")[1] != "/Link":
                annots += 1
    if page_extra:
        problems.append("onverwachte onderdelen op pagina's: " + ", ".join(f"/{k}" for k in sorted(page_extra)))
    if annots:
        problems.append(f"{annots} annotatie(s) anders dan koppelingen")
    keys: set[str] = set()
    for xref in range(1, doc.xref_length()):
        try:
            obj = doc.xref_object(xref, compressed=True)
        except Exception:
            continue
        keys |= {k for k in SUSPECT_KEYS if f"/{k}" in obj and re.search(rf"/{k}(?![A-Za-z])", obj)}
    keys -= {"URI"}  # a kept web link is allowed; its text is checked like everything else
    if keys:
        problems.append("verboden onderdelen in objecten: " + ", ".join(f"/{k}" for k in sorted(keys)))
    return problems


# --- what a person sees: residual ink and font trust -----------------------------------------


def _ocr(img: object, psm: int = 3) -> str:
    from wooflow.ingest.tessapi import image_to_string

    _one_thread()
    return image_to_string(img, OCR_LANG, f"--psm {psm}")


def _render(page: pdfium.PdfPage, dpi: int) -> tuple[object, float]:
    scale = dpi / 72
    bitmap = page.render(scale=scale, grayscale=True, may_draw_forms=False)
    return bitmap.to_numpy().copy(), scale


def residual_ink(page: pdfium.PdfPage, dpi: int = PAGE_DPI) -> object | None:
    """The page rendered, with the text layer, solid boxes and rules painted white; None when
    no ink is left (grayscale uint8 numpy array otherwise)."""
    found = residual_crop(page, dpi)
    return None if found is None else found[0]


def residual_crop(page: pdfium.PdfPage, dpi: int = PAGE_DPI) -> tuple[Any, float, float, float] | None:
    """``residual_ink`` with where the crop sits: (crop, left, top in points from the page's
    top-left corner, pixels per point)."""
    import numpy as np

    page.set_rotation(0)
    arr, scale = _render(page, dpi)
    arr = np.asarray(arr)
    if arr.ndim == 3:
        arr = arr[:, :, 0]
    h, w = arr.shape
    left, bottom, right, top = page.get_cropbox()

    def to_px(box: Sequence[float], pad: int = 2) -> tuple[int, int, int, int]:
        x0, y0, x1, y1 = box[0], box[1], box[2], box[3]
        return (max(0, int((x0 - left) * scale) - pad), max(0, int((top - y1) * scale) - pad),
                min(w, int((x1 - left) * scale) + pad + 1), min(h, int((top - y0) * scale) + pad + 1))  # fmt: skip

    dark = arr < 140
    if not dark.any():
        return None
    tp = page.get_textpage()
    try:
        for i in range(tp.count_rects()):
            x0, y0, x1, y1 = to_px(tp.get_rect(i))
            dark[y0:y1, x0:x1] = False
    finally:
        tp.close()
    for obj in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_PATH], max_depth=4):
        try:
            bounds = obj.get_bounds() if hasattr(obj, "get_bounds") else obj.get_pos()
            x0, y0, x1, y1 = to_px(bounds, pad=0)
        except Exception:
            continue
        if x1 <= x0 or y1 <= y0:
            continue
        region = arr[y0:y1, x0:x1]
        if region.size and (region < 140).mean() >= SOLID_SHARE:
            dark[max(0, y0 - 2) : y1 + 2, max(0, x0 - 2) : x1 + 2] = False
    page_area = float(w * h)
    for obj in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=4):
        try:
            bounds = obj.get_bounds() if hasattr(obj, "get_bounds") else obj.get_pos()
        except Exception:
            continue
        x0, y0, x1, y1 = to_px(bounds, pad=0)
        if (x1 - x0) * (y1 - y0) >= LARGE_IMAGE_SHARE * page_area:
            dark[y0:y1, x0:x1] = False  # a scan or photo: verify.py OCRs its bare bitmap
    if int(dark.sum()) < RESIDUAL_MIN_INK:
        return None
    ys, xs = np.nonzero(dark)
    y0, y1 = max(0, ys.min() - 10), min(h, ys.max() + 11)
    x0, x1 = max(0, xs.min() - 10), min(w, xs.max() + 11)
    crop = np.where(dark[y0:y1, x0:x1], arr[y0:y1, x0:x1], 255).astype("uint8")
    return crop, float(x0) / scale, float(y0) / scale, scale


def ocr_residual(crop: object) -> str:
    """OCR of unexplained ink: upright (sparse text) and turned a quarter both ways."""
    from PIL import Image, ImageOps

    img = ImageOps.expand(Image.fromarray(crop), border=20, fill=255)  # type: ignore[arg-type]
    if img.width < 400 and img.height < 400:  # tiny text: Tesseract wants ~20 px letters
        img = img.resize((img.width * 2, img.height * 2))
    texts = [_ocr(img, 11)]
    texts.append(_ocr(img.rotate(90, expand=True, fillcolor=255), 11))
    texts.append(_ocr(img.rotate(-90, expand=True, fillcolor=255), 11))
    return "\n".join(texts)


@dataclass(slots=True)
class _Line:
    page: int
    bbox: tuple[float, float, float, float]
    spans: list[tuple[str, str, tuple[float, float, float, float]]]  # font, text, bbox


# U+FFFD, the private-use area, and the controls (Unicode category Cc is exactly U+0000-U+001F
# and U+007F-U+009F) other than tab, line feed and carriage return.
_BAD_CHAR = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ue000-\uf8ff\ufffd]")


def _bad_chars(text: str) -> int:
    """Characters that say the font's Unicode is missing: U+FFFD, private use, controls."""
    return len(_BAD_CHAR.findall(text))


def _font_key(name: str) -> str:
    """One spelling for a font's name: no subset prefix, letters and digits only."""
    return re.sub(r"[^0-9a-z]", "", re.sub(r"^[A-Z]{6}\+", "", name).casefold())


def font_check(
    doc: pymupdf.Document, *, sample: bool = True, proven_out: set[int] | None = None
) -> tuple[set[int], set[str], int]:
    """Pages that must be OCR'd whole because a font's Unicode cannot be trusted there.

    Lines are read (MuPDF's dict) on the first pages and on every page that brings a font not
    seen before; from them lines are sampled until every (font, character) pair is covered,
    and OCR'd together (one Tesseract call). Spans of fonts proven by their glyph shapes
    (``glyphs.painted_fonts``: every glyph painted is a reference glyph of its Unicode) are not
    sampled, so a document drawn only in such fonts needs no OCR for this check.
    Returns (pages, untrusted fonts, sampled lines); ``proven_out`` receives the pages on which
    every font program painted is proven (not those returned: their fonts are not trusted).
    """
    from wooflow.redact.glyphs import painted_fonts

    # fonts whose every painted glyph is a trusted reference glyph of its Unicode need no OCR
    proven: set[str] = set()
    by_page: dict[int, bool] = {}  # page -> every font program painted there proven
    if sample:
        try:
            proven = {name for name, ok in painted_fonts(doc, pages_out=by_page).items() if ok}
        except Exception:  # noqa: BLE001 - no proof: every font is sampled, as before 15c
            proven, by_page = set(), {}
    lines: list[_Line] = []
    page_fonts: dict[int, set[str]] = {}
    seen: set[int] = set()
    untrusted: set[str] = set()
    actual: set[int] = set()
    for number, page in enumerate(pages(doc)):
        fonts = page.get_fonts()
        page_fonts[number] = {str(f[3]) for f in fonts}
        xrefs = {int(f[0]) for f in fonts}
        if page.rotation or (xrefs <= seen and number >= FIRST_PAGES):
            continue
        seen |= xrefs
        if any(b"ActualText" in (doc.xref_stream(x) or b"") for x in page.get_contents()):
            actual.add(number)  # text that replaces its glyphs: sampling by glyph cannot tell
        data = page.get_text("dict", flags=pymupdf.TEXT_PRESERVE_WHITESPACE)
        for block in data.get("blocks", []):
            for line in block.get("lines", []):
                if tuple(line.get("dir", (1, 0))) != (1, 0):
                    continue
                spans = []
                for s in line.get("spans", []):
                    font = f"{s.get('font', '')}"
                    text = s.get("text", "")
                    if not text.strip():
                        continue
                    if _bad_chars(text) >= MIN_BAD_CHARS:
                        untrusted.add(font)
                    if font not in proven:
                        spans.append((font, text, tuple(s["bbox"])))
                if spans:
                    lines.append(_Line(number, tuple(line["bbox"]), spans))
    covered: set[tuple[str, str]] = set()
    sampled: list[_Line] = []
    for line in sorted(lines, key=lambda ln: -len({(f, c) for f, t, _ in ln.spans for c in t})):
        new = {(f, c) for f, t, _b in line.spans if f not in untrusted for c in t if c.isalnum()}
        if not sample:
            break
        if new - covered:
            covered |= new
            sampled.append(line)
        if len(sampled) >= MAX_SAMPLE_LINES:
            break
    if sampled:
        untrusted |= _disagreeing_fonts(doc, sampled)
    bad = {_font_key(u) for u in untrusted} - {""}
    whole = {n for n, names in page_fonts.items() if any(_font_key(name) in bad for name in names)}
    if proven_out is not None:
        proven_out |= {n for n, ok in by_page.items() if ok} - whole - actual
    return whole | actual, untrusted, len(sampled)


def _one_thread() -> None:
    # Tesseract's OpenMP threads spin against each other on a busy machine (measured: 9 s
    # instead of 2 s for the stitched sample lines); parallelism comes from pages, not threads.
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")


def _disagreeing_fonts(doc: pymupdf.Document, sample: Sequence[_Line]) -> set[str]:
    """OCR the sampled lines as one stitched image; fonts whose spans read differently."""
    from wooflow.ingest.tessapi import image_to_data

    _one_thread()
    from PIL import Image
    from rapidfuzz import fuzz

    zoom = SAMPLE_DPI / 72
    images = []
    for line in sample:
        clip = pymupdf.Rect(line.bbox) + (-2, -2, 2, 2)
        pix = doc[line.page].get_pixmap(matrix=pymupdf.Matrix(zoom, zoom), clip=clip,
                                        colorspace=pymupdf.csGRAY, alpha=False)  # fmt: skip
        images.append((Image.frombytes("L", (pix.width, pix.height), pix.samples), clip))
    gap = 30
    width = max(img.width for img, _ in images) + 2 * gap
    height = sum(img.height + gap for img, _ in images) + gap
    sheet = Image.new("L", (width, height), 255)
    tops = []
    y = gap
    for img, _clip in images:
        sheet.paste(img, (gap, y))
        tops.append(y)
        y += img.height + gap
    data = image_to_data(sheet, OCR_LANG, "--psm 6")
    words = [
        (data["text"][i], data["left"][i] + data["width"][i] / 2, data["top"][i] + data["height"][i] / 2)
        for i in range(len(data["text"]))
        if str(data["text"][i]).strip()
    ]
    bad: set[str] = set()
    for line, (img, clip), top in zip(sample, images, tops, strict=True):
        inside = [(t, cx, cy) for t, cx, cy in words if top <= cy <= top + img.height]
        for font, text, bbox in line.spans:
            want = "".join(_words(text))
            if len(want) < MIN_SPAN_CHARS:
                continue
            x0 = gap + (bbox[0] - clip.x0) * zoom - 4
            x1 = gap + (bbox[2] - clip.x0) * zoom + 4
            got = "".join("".join(_words(t)) for t, cx, _cy in inside if x0 <= cx <= x1)
            if len(got) < 2 or fuzz.ratio(want, got) >= SPAN_AGREE:
                continue  # nothing read there is no evidence: a lying font reads as other letters
            region = img.crop((max(0, int(x0 - gap)), 0, min(img.width, int(x1 - gap)), img.height))
            ink = sum(region.point(lambda v: 255 if v < 140 else 0).histogram()[255:]) / max(
                1, region.width * region.height
            )
            if os.environ.get("WOOFLOW_DEBUG_FONTS"):
                print("SPAN", font, repr(want), repr(got), round(ink, 3))
            if MIN_SPAN_INK <= ink <= MAX_SPAN_INK:  # invisible text, or a code on a black box
                bad.add(font)
                bad.add(font)
    return bad


def read_deep(
    path: str, *, ocr: bool = True, outside: dict[str, str] | None = None, boxes_only: set[int] | None = None
) -> DeepReading:
    """All of the above for one PDF. ``outside``: ``outside_texts(path)`` when already read
    (``poppler.pages_and_outside``); ``boxes_only``: the pages for which
    ``inkproof.only_text_and_boxes`` is true, when pdfium was asked already (``verify.pdfium_read``)."""
    reading = DeepReading()
    doc = pymupdf.open(path)
    try:
        reading.problems.extend(allowlist_problems(doc))
        raw, problems = raw_text(doc)
        reading.sources["objecten"] = raw
        reading.problems.extend(problems)
        reading.sources["mupdf"] = "\n".join(page.get_text() for page in pages(doc))
        whole: set[int] = set()
        plain: set[int] = set()
        if ocr:
            proven: set[int] = set()
            whole, fonts, reading.sampled_lines = font_check(doc, proven_out=proven)
            reading.untrusted_fonts = sorted(fonts)
            # pages that can show only proven text and boxes need no residual render (inkproof.py)
            plain = plain_pages(doc, proven)
    finally:
        doc.close()
    reading.sources.update(outside_texts(path) if outside is None else outside)
    if not ocr:
        return reading
    from concurrent.futures import ThreadPoolExecutor

    from PIL import Image

    jobs: list[tuple[str, object]] = []  # ("page" | "residual", image) in page order
    seen: set[str] = set()
    known = plain & boxes_only if boxes_only is not None else set()  # asked of pdfium already
    reading.proven_pages = len(known)
    pdf = pdfium.PdfDocument(path)
    try:
        for number in range(len(pdf)):
            if number in known:
                continue
            page = pdf[number]
            try:
                if number in whole:
                    page.set_rotation(0)
                    arr, _scale = _render(page, PAGE_DPI)
                    jobs.append(("page", Image.fromarray(arr)))  # type: ignore[arg-type]
                    continue
                if number in plain and only_text_and_boxes(page):
                    reading.proven_pages += 1
                    continue
                crop = residual_ink(page)
                if crop is None:
                    continue
                digest = hashlib.sha256(crop.tobytes()).hexdigest()  # type: ignore[attr-defined]
                if digest not in seen:  # the same logo on every page: read once
                    seen.add(digest)
                    jobs.append(("residual", crop))
            finally:
                page.close()
    finally:
        pdf.close()
    reading.ocr_pages = sum(kind == "page" for kind, _ in jobs)
    reading.residual_ocr = len(jobs) - reading.ocr_pages
    texts: list[str] = []
    if jobs:
        _one_thread()
        with ThreadPoolExecutor(OCR_WORKERS) as pool:
            texts = list(pool.map(lambda job: _ocr(job[1]) if job[0] == "page" else ocr_residual(job[1]), jobs))
    reading.page_ocr_texts = texts
    if texts:
        reading.sources["ocr-pagina"] = "\n".join(texts)
    return reading
