"""Builders for real PDFs with known names in every place a name can hide, and finding helpers."""

from __future__ import annotations

import re
from pathlib import Path

import pymupdf

from wooflow.model import Document, Finding

REPO = Path(__file__).resolve().parents[2]
RESOURCES = REPO / "tests" / "resources" / "redact"
EXAMPLE_PDF = REPO.parent / "shared" / "examples" / "advies-belang-kind-meeroudergezinnen-2024.pdf"

NAMES = [
    "Sanne Kuipers",
    "Ahmed Yilmaz",
    "Pieter Bakker",
    "Marloes de Wit",
    "Johan van den Berg",
    "Gerrit Hendriks",
    "Rafik Safi",
    "Kees Vos",
    "06-12345678",
]
KEPT_WORDS = [
    "directeur",
    "begroting",
    "beleidsmedewerker",
    "jurist",
    "Vertrouwelijk",
    "gedraaid",
    "morgen",
]


def text_image_png(text: str, fontsize: float = 26, dpi: int = 150) -> bytes:
    """A picture of ``text`` (black on white), as a scanner or screenshot would hold it."""
    doc = pymupdf.open()
    width = pymupdf.get_text_length(text, fontsize=fontsize) + 20
    page = doc.new_page(width=width, height=fontsize * 1.8)
    page.insert_text((10, fontsize * 1.25), text, fontsize=fontsize)
    return page.get_pixmap(dpi=dpi, colorspace=pymupdf.csGRAY).tobytes("png")


def make_pitfall_pdf(path: Path) -> Path:
    """Names in header, body, table, under a drawn box, in white, split, in two objects, ligature,
    an image, metadata, XMP, annotations, a form field, an attachment, the outline, JavaScript,
    and on a rotated page."""
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_text((72, 40), "Behandelaar: Sanne Kuipers", fontsize=9)
    page.insert_text(
        (72, 100), "Op 3 maart sprak de directeur met Sanne Kuipers over de begroting.", fontsize=11
    )
    # A table: grid lines and cells.
    rows = [("Naam", "Functie"), ("Sanne Kuipers", "beleidsmedewerker"), ("Ahmed Yilmaz", "jurist")]
    for r, (a, b) in enumerate(rows):
        y = 130 + r * 20
        page.draw_rect(pymupdf.Rect(72, y, 232, y + 20), color=(0, 0, 0), width=0.5)
        page.draw_rect(pymupdf.Rect(232, y, 400, y + 20), color=(0, 0, 0), width=0.5)
        page.insert_text((76, y + 14), a, fontsize=10)
        page.insert_text((236, y + 14), b, fontsize=10)
    # Text under a black rectangle someone drew (the classic fake redaction).
    page.insert_text((72, 220), "Vertrouwelijk: Pieter Bakker", fontsize=11)
    hidden = page.search_for("Pieter Bakker")[0]
    page.draw_rect(hidden + (-1, -1, 1, 1), color=(0, 0, 0), fill=(0, 0, 0))
    # White text on white.
    page.insert_text((72, 245), "Marloes de Wit", fontsize=11, color=(1, 1, 1))
    page.insert_text((200, 245), "Hier staat witte tekst.", fontsize=11)
    # A name split over two lines.
    page.insert_text((72, 275), "Het gesprek met Johan", fontsize=11)
    page.insert_text((72, 289), "van den Berg was kort.", fontsize=11)
    # A name in two text objects.
    first = "Afspraak met Ger"
    page.insert_text((72, 315), first, fontsize=11)
    page.insert_text(
        (72 + pymupdf.get_text_length(first, fontsize=11), 315), "rit Hendriks morgen.", fontsize=11
    )
    # A ligature glyph (U+FB01) inside a name.
    tw = pymupdf.TextWriter(page.rect)
    tw.append(
        (72, 340), "De heer Ra\ufb01k Sa\ufb01 belde.", font=pymupdf.Font("helv"), fontsize=11
    )
    tw.write_text(page)
    # The name as pixels in a picture.
    page.insert_image(pymupdf.Rect(72, 380, 312, 425), stream=text_image_png("Sanne Kuipers"))
    # Annotations and a form field.
    page.add_text_annot((500, 100), "Vraag voor Sanne Kuipers")
    page.add_freetext_annot(pymupdf.Rect(420, 200, 560, 240), "Pieter Bakker akkoord")
    widget = pymupdf.Widget()
    widget.field_type = pymupdf.PDF_WIDGET_TYPE_TEXT
    widget.field_name = "behandelaar"
    widget.field_value = "Sanne Kuipers"
    widget.rect = pymupdf.Rect(420, 500, 560, 520)
    page.add_widget(widget)
    # A rotated page.
    page2 = doc.new_page()
    page2.insert_text((72, 100), "Telefoon Kees Vos: 06-12345678", fontsize=11)
    page2.insert_text((72, 120), "Deze pagina staat gedraaid.", fontsize=11)
    page2.set_rotation(90)
    # Everything outside the pages.
    doc.set_metadata(
        {
            "title": "Notitie over Sanne Kuipers",
            "author": "Sanne Kuipers",
            "subject": "Pieter Bakker",
        }
    )
    doc.set_xml_metadata(
        '<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/">'
        '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description '
        'xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>Sanne Kuipers</dc:creator>'
        '</rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>'
    )
    doc.embfile_add("notities.txt", b"Gesprek met Sanne Kuipers", filename="notities.txt")
    doc.set_toc([[1, "Inleiding", 1], [1, "Gesprek met Sanne Kuipers", 1], [2, "Telefoon", 2]])
    doc.xref_set_key(
        doc.pdf_catalog(), "OpenAction", "<</S/JavaScript/JS(app.alert\\('Sanne Kuipers'\\))>>"
    )
    doc.save(path)
    doc.close()
    return path


def make_scan_pdf(path: Path, lines: list[str]) -> Path:
    """An image-only page: the text exists only as pixels (what a scanner produces)."""
    src = pymupdf.open()
    page = src.new_page()
    for i, line in enumerate(lines):
        page.insert_text((72, 100 + 24 * i), line, fontsize=14)
    png = page.get_pixmap(dpi=200, colorspace=pymupdf.csGRAY).tobytes("png")
    out = pymupdf.open()
    scan = out.new_page()
    scan.insert_image(scan.rect, stream=png)
    out.save(path, garbage=3, deflate=True)
    return path


def findings_for_names(doc: Document, names: list[str], ground: str = "5.1.2e") -> list[Finding]:
    """Every occurrence of each name in the text (any whitespace between its parts)."""
    out = []
    for name in names:
        pattern = r"\s+".join(re.escape(p) for p in name.split())
        for m in re.finditer(pattern, doc.text):
            out.append(
                Finding(
                    m.start(), m.end(), m.group(), "person", "redact", ground, 0.9, "test", "test"
                )
            )
    return out


BSN_SCAN_TEXT = (  # tests/resources/publish/generate.py draws the same page
    "Gespreksverslag klantcontact\n\nDatum: 23 november 2023\n\n"
    "Met mevrouw Jansen is gesproken over de aanvraag.\n"
    "Haar burgerservicenummer is 111222333.\nZij is bereikbaar op 06-98765432.\n"
    "Afspraak: terugbellen na het debat.\n"
)


def make_bsn_scan(path: Path) -> tuple[Path, dict[str, pymupdf.Rect]]:
    """A 200 dpi image-only page on which Tesseract's box for '111222333.' starts one digit late.

    Returns the PDF and, per string, where it was drawn (points) before the page became pixels.
    """
    src = pymupdf.open()
    page = src.new_page(width=420, height=300)
    page.insert_textbox(pymupdf.Rect(30, 30, 400, 280), BSN_SCAN_TEXT, fontsize=11, fontname="helv")
    drawn = {s: page.search_for(s)[0] for s in ("Jansen", "111222333", "06-98765432")}
    png = page.get_pixmap(dpi=200, colorspace=pymupdf.csGRAY).tobytes("png")
    out = pymupdf.open()
    scan = out.new_page(width=420, height=300)
    scan.insert_image(scan.rect, stream=png)
    out.save(path, garbage=3, deflate=True)
    return path, drawn
