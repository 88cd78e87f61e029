"""Adversarial PDFs: one person hidden in each place a PDF can hide it (issue 11).

Every file holds the person's e-mail address and mobile number in plain body text (so a detector
finds them) and the name ``Marieke Brouwer`` in one hard place. Pages are small (A6) so the
verifier's OCR stays cheap. ``CASES`` maps a class to its builder and the expected outcome:
``"clean"`` (published, the person gone) or ``"withheld"`` (the verifier refuses it).
"""

from __future__ import annotations

import re
from collections.abc import Callable

import pymupdf

from wooflow.model import Document, Finding

NAME = "Marieke Brouwer"
EMAIL = "m.brouwer@voorbeeld.nl"
PHONE = "06-24681357"
W, H = 298.0, 420.0  # A6
BODY = [
    "Verslag van het overleg over de begroting.",
    f"Contact: {EMAIL} of {PHONE}.",
    "De directeur vraagt om aanvullende cijfers",
    "voor het volgende kwartaal en een planning.",
]


def _page(doc: pymupdf.Document, lines: list[str] | None = None, y: float = 40) -> pymupdf.Page:
    page = doc.new_page(width=W, height=H)
    for i, line in enumerate(BODY if lines is None else lines):
        page.insert_text((20, y + 16 * i), line, fontsize=9)
    return page


def _name_pixmap_png(text: str = NAME, fontsize: float = 14, dpi: int = 150) -> bytes:
    doc = pymupdf.open()
    width = pymupdf.get_text_length(text, fontsize=fontsize) + 8
    page = doc.new_page(width=width, height=fontsize * 1.5)
    page.insert_text((4, fontsize * 1.1), text, fontsize=fontsize)
    return page.get_pixmap(dpi=dpi, colorspace=pymupdf.csGRAY).tobytes("png")


def _catalog_extra(doc: pymupdf.Document, key: str, value: str) -> None:
    doc.xref_set_key(doc.pdf_catalog(), key, value)


def _stream_obj(doc: pymupdf.Document, dictionary: str, data: bytes) -> int:
    xref = doc.get_new_xref()
    doc.update_object(xref, dictionary)
    doc.update_stream(xref, data)
    return xref


# --- (a) the name never reaches detection ------------------------------------------------------


def hyphen_break(doc: pymupdf.Document) -> None:
    page = _page(doc)
    page.insert_text((20, 120), "Het verslag is gemaakt door Marieke Brou-", fontsize=9)
    page.insert_text((20, 136), "wer van de afdeling financien.", fontsize=9)


def soft_hyphen_break(doc: pymupdf.Document) -> None:
    page = _page(doc)
    page.insert_text((20, 120), "Het verslag is gemaakt door Marieke Brou\u00ad", fontsize=9)
    page.insert_text((20, 136), "wer van de afdeling financien.", fontsize=9)


def line_break(doc: pymupdf.Document) -> None:
    page = _page(doc)
    page.insert_text((20, 120), "Het verslag is gemaakt door Marieke", fontsize=9)
    page.insert_text((20, 136), "Brouwer van de afdeling financien.", fontsize=9)


def page_break(doc: pymupdf.Document) -> None:
    page = _page(doc)
    page.insert_text((20, 400), "Het verslag is gemaakt door Marieke", fontsize=9)
    _page(doc, ["Brouwer van de afdeling financien.", "Daarna volgt de planning."])


def _font_page(doc: pymupdf.Document) -> tuple[pymupdf.Page, int]:
    """A page with the name in its own embedded Type0 font; returns the font's xref."""
    page = _page(doc)
    page.insert_font(fontname="F9", fontbuffer=pymupdf.Font("tiro").buffer)
    page.insert_text((20, 120), "Behandelaar:", fontsize=9)
    page.insert_text((90, 120), NAME, fontname="F9", fontsize=11)
    font = next(f for f in page.get_fonts() if f[4] == "F9")
    return page, font[0]


def no_tounicode(doc: pymupdf.Document) -> None:
    _page_, font = _font_page(doc)
    doc.xref_set_key(font, "ToUnicode", "null")


def lying_tounicode(doc: pymupdf.Document) -> None:
    """A valid ToUnicode that maps every glyph of the name to the next letter ("Nbsjflf")."""
    page, font = _font_page(doc)
    content = b"".join(doc.xref_stream(x) or b"" for x in page.get_contents())
    codes = re.search(rb"/F9 [\d.]+ Tf \[?<([0-9a-fA-F]+)>", content)
    assert codes is not None
    hexs = codes.group(1).decode()
    pairs = {}
    for k, ch in enumerate(NAME):
        if ch.isalpha():
            base = "a" if ch.islower() else "A"
            ch = chr((ord(ch) - ord(base) + 1) % 26 + ord(base))
        pairs[hexs[4 * k : 4 * k + 4]] = f"{ord(ch):04x}"
    body = "\n".join(f"<{src}> <{dst}>" for src, dst in sorted(pairs.items()))
    cmap = (
        "/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
        "/CMapName /Lies def /CMapType 2 def\n1 begincodespacerange <0000> <FFFF> endcodespacerange\n"
        f"{len(pairs)} beginbfchar\n{body}\nendbfchar\nendcmap\n"
        "CMapName currentdict /CMap defineresource pop end end\n"
    )
    cmap_xref = int(doc.xref_get_key(font, "ToUnicode")[1].split()[0])
    doc.update_stream(cmap_xref, cmap.encode("latin-1"))


def actualtext_lie(doc: pymupdf.Document) -> None:
    page = _page(doc)
    page.insert_text((20, 120), "Behandelaar:", fontsize=9)
    hex_name = "".join(f"{ord(c):02x}" for c in NAME)
    content = (
        f"q /Span << /ActualText (een medewerker) >> BDC BT /helv 11 Tf 90 {H - 120} Td <{hex_name}> Tj ET EMC Q"
    ).encode()
    xref = _stream_obj(doc, "<<>>", content)
    contents = page.get_contents()
    doc.xref_set_key(page.xref, "Contents", "[" + " ".join(f"{x} 0 R" for x in [*contents, xref]) + "]")


def wrong_scanner_ocr(doc: pymupdf.Document) -> None:
    """A scan whose invisible OCR layer misread the name ("Marlke Bronwer")."""
    src = pymupdf.open()
    spage = _page(src, [*BODY, "", f"Behandelaar: {NAME}", "Het overleg is afgerond."])
    png = spage.get_pixmap(dpi=200, colorspace=pymupdf.csGRAY).tobytes("png")
    page = doc.new_page(width=W, height=H)
    page.insert_image(page.rect, stream=png)
    for i, line in enumerate([*BODY, "", "Behandelaar: Marlke Bronwer", "Het overleg is afgerond."]):
        if line:
            page.insert_text((20, 40 + 16 * i), line, fontsize=9, render_mode=3)


def image_small(doc: pymupdf.Document) -> None:
    page = _page(doc)
    page.insert_image(pymupdf.Rect(20, 120, 20 + 60, 120 + 7), stream=_name_pixmap_png(dpi=300))


def image_sideways(doc: pymupdf.Document) -> None:
    page = _page(doc)
    pix = pymupdf.Pixmap(_name_pixmap_png(fontsize=14))
    page.insert_image(pymupdf.Rect(250, 120, 250 + 24, 120 + 150), pixmap=pix, rotate=90)


def image_strips(doc: pymupdf.Document) -> None:
    page = _page(doc)
    import io

    from PIL import Image

    img = Image.open(io.BytesIO(_name_pixmap_png(fontsize=14, dpi=200)))
    width = 130.0
    height = width * img.height / img.width
    n = 3
    for k in range(n):
        y0, y1 = img.height * k // n, img.height * (k + 1) // n
        buf = io.BytesIO()
        img.crop((0, y0, img.width, y1)).save(buf, format="PNG")
        top = 120 + height * y0 / img.height
        bottom = 120 + height * y1 / img.height
        page.insert_image(pymupdf.Rect(20, top, 20 + width, bottom), stream=buf.getvalue())


def vector_outlines(doc: pymupdf.Document) -> None:
    page = _page(doc)
    tmp = pymupdf.open()
    tpage = tmp.new_page(width=200, height=30)
    tpage.insert_text((4, 20), NAME, fontsize=14)
    svg = tpage.get_svg_image(text_as_path=True).encode()
    vector = pymupdf.open("pdf", pymupdf.open(stream=svg, filetype="svg").convert_to_pdf())
    page.show_pdf_page(pymupdf.Rect(20, 110, 220, 140), vector, 0)


def outside_mediabox(doc: pymupdf.Document) -> None:
    page = _page(doc)
    page.insert_text((20, -40), f"Auteur: {NAME}", fontsize=9)
    page.insert_text((W + 30, 100), f"Auteur: {NAME}", fontsize=9)


def outside_cropbox(doc: pymupdf.Document) -> None:
    page = _page(doc, y=60)
    page.insert_text((20, 20), f"Auteur: {NAME}", fontsize=9)
    page.set_cropbox(pymupdf.Rect(0, 40, W, H))


def hidden_layer(doc: pymupdf.Document) -> None:
    page = _page(doc)
    oc = doc.add_ocg("Concept", on=False)
    page.insert_text((20, 120), f"Behandelaar: {NAME}", fontsize=9, oc=oc)


def bookmark(doc: pymupdf.Document) -> None:
    _page(doc)
    doc.set_toc([[1, "Verslag", 1], [1, f"Notitie {NAME}", 1]])


# --- (b) structures a verifier must read --------------------------------------------------------


def form_field_without_widget(doc: pymupdf.Document) -> None:
    _page(doc)
    field = doc.get_new_xref()
    doc.update_object(field, f"<< /FT /Tx /T (naam) /V ({NAME}) >>")
    _catalog_extra(doc, "AcroForm", f"<< /Fields [ {field} 0 R ] >>")


def xfa(doc: pymupdf.Document) -> None:
    _page(doc)
    data = f"<xdp:xdp><field name='naam'><value>{NAME}</value></field></xdp:xdp>".encode()
    x = _stream_obj(doc, "<<>>", data)
    _catalog_extra(doc, "AcroForm", f"<< /Fields [] /XFA {x} 0 R >>")


def associated_file(doc: pymupdf.Document) -> None:
    _page(doc)
    ef = _stream_obj(doc, "<< /Type /EmbeddedFile >>", f"Opgesteld door {NAME}".encode())
    spec = doc.get_new_xref()
    doc.update_object(spec, f"<< /Type /Filespec /F (bron.txt) /UF (bron.txt) /EF << /F {ef} 0 R >> >>")
    _catalog_extra(doc, "AF", f"[ {spec} 0 R ]")


def page_labels(doc: pymupdf.Document) -> None:
    _page(doc)
    _catalog_extra(doc, "PageLabels", f"<< /Nums [ 0 << /P ({NAME} ) >> ] >>")


def named_destination(doc: pymupdf.Document) -> None:
    page = _page(doc)
    _catalog_extra(doc, "Names", f"<< /Dests << /Names [ ({NAME}) [ {page.xref} 0 R /Fit ] ] >> >>")


def article_thread(doc: pymupdf.Document) -> None:
    _page(doc)
    info = doc.get_new_xref()
    doc.update_object(info, f"<< /Title ({NAME}) >>")
    thread = doc.get_new_xref()
    doc.update_object(thread, f"<< /Type /Thread /I {info} 0 R >>")
    _catalog_extra(doc, "Threads", f"[ {thread} 0 R ]")


def open_action_mailto(doc: pymupdf.Document) -> None:
    _page(doc)
    _catalog_extra(doc, "OpenAction", f"<< /S /URI /URI (mailto:{NAME.replace(' ', '.')}@voorbeeld.nl) >>")


def structure_tree(doc: pymupdf.Document) -> None:
    page = _page(doc)
    elem = doc.get_new_xref()
    doc.update_object(
        elem,
        f"<< /Type /StructElem /S /Figure /T ({NAME}) /Alt (Foto van {NAME}) /E ({NAME}) "
        f"/ActualText ({NAME}) /Pg {page.xref} 0 R >>",
    )
    root = doc.get_new_xref()
    doc.update_object(root, f"<< /Type /StructTreeRoot /K [ {elem} 0 R ] >>")
    _catalog_extra(doc, "StructTreeRoot", f"{root} 0 R")
    _catalog_extra(doc, "MarkInfo", "<< /Marked true >>")


def unused_pattern(doc: pymupdf.Document) -> None:
    page = _page(doc)
    pat = _stream_obj(
        doc,
        "<< /Type /Pattern /PatternType 1 /PaintType 1 /TilingType 1 /BBox [0 0 200 20] "
        "/XStep 200 /YStep 20 /Resources << /Font << /F1 << /Type /Font /Subtype /Type1 "
        "/BaseFont /Helvetica >> >> >> >>",
        f"BT /F1 9 Tf 2 6 Td ({NAME}) Tj ET".encode(),
    )
    res = page.get_contents() and doc.xref_get_key(page.xref, "Resources")
    if res and res[0] == "xref":
        doc.xref_set_key(int(res[1].split()[0]), "Pattern", f"<< /P0 {pat} 0 R >>")
    else:
        doc.xref_set_key(page.xref, "Resources/Pattern", f"<< /P0 {pat} 0 R >>")


def offset_ocr_layer(doc: pymupdf.Document) -> None:
    """A scan whose OCR layer sits one line too low: boxes land on public words."""
    lines = [*BODY, f"Behandelaar: {NAME}", "Het overleg is afgerond en de notulen", "worden"
             " vastgesteld in de volgende vergadering", "van het managementteam."]  # fmt: skip
    src = pymupdf.open()
    spage = _page(src, lines)
    png = spage.get_pixmap(dpi=200, colorspace=pymupdf.csGRAY).tobytes("png")
    page = doc.new_page(width=W, height=H)
    page.insert_image(page.rect, stream=png)
    for i, line in enumerate(lines):
        page.insert_text((20, 40 + 16 * (i + 1)), line, fontsize=9, render_mode=3)


Builder = Callable[[pymupdf.Document], None]
# class -> (builder, expected outcome). "withheld" classes are those the redactor cannot yet
# see (no finding, no box): the verifier must refuse them. "clean": published with the person
# gone (breaks: the name forms are searched across line and page breaks, joined.py; pictures,
# outlines and a scanner's wrong OCR layer: boxes from OCR of what the page shows, imagetext.py).
# A lying or missing ToUnicode or /ActualText: only the surname is known and boxed, the rest of
# the lying text stays, so the verifier withholds the file.
CASES: dict[str, tuple[Builder, str]] = {
    "afbreekstreep": (hyphen_break, "clean"),
    "zacht-afbreekteken": (soft_hyphen_break, "clean"),
    "regelovergang": (line_break, "clean"),
    "pagina-overgang": (page_break, "clean"),
    "geen-tounicode": (no_tounicode, "withheld"),
    "liegende-tounicode": (lying_tounicode, "withheld"),
    "actualtext": (actualtext_lie, "withheld"),
    "foute-ocr-laag": (wrong_scanner_ocr, "clean"),
    "klein-plaatje": (image_small, "clean"),
    "gedraaid-plaatje": (image_sideways, "clean"),
    "plaatje-in-stroken": (image_strips, "clean"),
    "vectorletters": (vector_outlines, "clean"),
    "buiten-mediabox": (outside_mediabox, "clean"),
    "buiten-cropbox": (outside_cropbox, "clean"),
    "verborgen-laag": (hidden_layer, "clean"),
    "bladwijzer": (bookmark, "clean"),
    "formulierveld-zonder-widget": (form_field_without_widget, "clean"),
    "xfa": (xfa, "clean"),
    "bijgevoegd-bestand-af": (associated_file, "clean"),
    "paginalabels": (page_labels, "clean"),
    "benoemde-bestemming": (named_destination, "clean"),
    "artikeldraad": (article_thread, "clean"),
    "openaction-mailto": (open_action_mailto, "clean"),
    "structuurboom": (structure_tree, "clean"),
    "ongebruikt-patroon": (unused_pattern, "clean"),
    "verschoven-ocr-laag": (offset_ocr_layer, "withheld"),
}


def build(kind: str) -> bytes:
    doc = pymupdf.open()
    try:
        CASES[kind][0](doc)
        return doc.tobytes()
    finally:
        doc.close()


def simple_findings(doc: Document) -> list[Finding]:
    """A deliberately plain detector: the e-mail address, the mobile number and the name only
    where the text holds it exactly (one space). What it misses, the verifier must catch."""
    out: list[Finding] = []
    for pattern, category in (
        (re.escape(NAME), "person"),
        (r"[\w.]+@[\w.]+\.nl", "email"),
        (r"06-\d{8}", "phone"),
    ):
        for m in re.finditer(pattern, doc.text):
            out.append(Finding(m.start(), m.end(), m.group(), category, "redact", "5.1.2e", 1.0, "t", ""))
    return out
