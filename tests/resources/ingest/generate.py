"""Regenerate the ingest test files with the real libraries: python generate.py (from anywhere).

Every file here is small and synthetic; names, addresses and numbers are invented.
"""

from __future__ import annotations

import io
import zipfile
from email.message import EmailMessage
from pathlib import Path

import docx
import pymupdf

HERE = Path(__file__).resolve().parent
GOOD = HERE / "good"
BAD = HERE / "bad"

LIGATURE_FONT = {
    "fontname": "dejavu",
    "fontfile": "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",  # Debian fonts-dejavu-core
}
SCAN_LINES = [
    "Ministerie van Binnenlandse Zaken",
    "Geachte heer De Vries,",
    "Hierbij ontvangt u het besluit op uw verzoek.",
    "Met vriendelijke groet,",
    "Annemarie Jansen",
]


def text_pdf(pages: int = 2) -> bytes:
    pdf = pymupdf.open()
    for i in range(pages):
        page = pdf.new_page(width=595, height=842)
        page.insert_text((72, 90), f"Nota aan de minister, pagina {i + 1}", fontsize=14)
        page.insert_text(
            (72, 130), "Jan de Vries (tel. 06-12345678) vraagt om inzage.", fontsize=11
        )
        page.insert_text((72, 150), "Het verzoek is ontvangen op 4 maart 2024.", fontsize=11)
        # A font with a real "ﬁ" ligature glyph (the base-14 fonts have none).
        page.insert_text((330, 800), "De ﬁnanciën zijn op orde.", fontsize=9, **LIGATURE_FONT)
    pdf.subset_fonts()
    return pdf.tobytes(garbage=3, deflate=True)


def scan_pixmap() -> pymupdf.Pixmap:
    """A Dutch letter rendered to pixels: the page image of a scan (A5, 200 dpi)."""
    pdf = pymupdf.open()
    page = pdf.new_page(width=420, height=595)
    y = 80
    for line in SCAN_LINES:
        page.insert_text((50, y), line, fontsize=13)
        y += 32
    pix = page.get_pixmap(dpi=200, colorspace=pymupdf.csGRAY)
    pix.set_dpi(200, 200)
    return pix


def scan_pdf() -> bytes:
    pix = scan_pixmap()
    pdf = pymupdf.open()
    page = pdf.new_page(width=420, height=595)
    page.insert_image(page.rect, stream=pix.tobytes("png"))
    return pdf.tobytes(garbage=3, deflate=True)


def sample_docx() -> bytes:
    d = docx.Document()
    d.core_properties.author = "K. Bakker"
    d.core_properties.title = "Verslag overleg"
    d.sections[0].header.paragraphs[0].text = "Ministerie van VWS - Verslag"
    d.sections[0].footer.paragraphs[0].text = "Pagina-voettekst: niet openbaar"
    first = d.add_paragraph("Aanwezig: Jan de Vries en Piet Jansen.")
    table = d.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "Naam"
    table.cell(0, 1).text = "Telefoon"
    table.cell(1, 0).text = "Piet Jansen"
    table.cell(1, 1).text = "06-87654321"
    d.add_paragraph("Actiepunt: besluit voor 1 april 2024.")
    d.add_comment(first.runs, text="Namen weglakken?", author="K. Bakker", initials="KB")
    out = io.BytesIO()
    d.save(out)
    return out.getvalue()


def mail(html_only: bool = False, with_attachments: bool = True) -> bytes:
    m = EmailMessage()
    m["From"] = "Jan de Vries <j.devries@example.nl>"
    m["To"] = 'Piet Jansen <p.jansen@example.nl>, "Bakker, K." <k.bakker@example.nl>'
    m["Cc"] = "secretariaat@example.nl"
    m["Subject"] = "Re: Woo-verzoek över dossier"
    m["Date"] = "Mon, 04 Mar 2024 10:15:00 +0100"
    m["Message-ID"] = "<20240304101500.1@example.nl>"
    m["In-Reply-To"] = "<20240301090000.7@example.nl>"
    m["References"] = "<20240229080000.3@example.nl> <20240301090000.7@example.nl>"
    html = (
        "<html><head><style>p{}</style></head><body><p>Beste Piet,</p>"
        "<p>Zie de <b>bijlage</b>.</p><table><tr><td>a</td><td>b</td></tr></table></body></html>"
    )
    if html_only:
        m.set_content(html, subtype="html")
    else:
        m.set_content("Beste Piet,\n\nZie de bijlage.\n\nGroet,\nJan\n")
        m.add_alternative(html, subtype="html")
    if with_attachments:
        m.add_attachment(text_pdf(1), maintype="application", subtype="pdf", filename="nota.pdf")
        m.add_attachment(
            b"%PDF-1.4 kapot", maintype="application", subtype="pdf", filename="kapot.pdf"
        )
    return m.as_bytes()


def zip_bytes(members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return out.getvalue()


def encrypted_zip() -> bytes:
    """A zip whose only member has the 'encrypted' flag; zipfile cannot write real ZipCrypto."""
    data = bytearray(zip_bytes({"geheim.txt": b"vertrouwelijk"}))
    local = data.find(b"PK\x03\x04")
    central = data.find(b"PK\x01\x02")
    data[local + 6] |= 1
    data[central + 8] |= 1
    return bytes(data)


def main() -> None:
    GOOD.mkdir(exist_ok=True)
    BAD.mkdir(exist_ok=True)
    good = {
        "brief-crlf.txt": b"Geachte heer,\r\n\r\nUw verzoek van 4 maart 2024 is ontvangen.\r\n",
        "oud-cp1252.txt": "Café “De Zon” kost € 5,- per persoon.\n".encode("cp1252"),
        "notities.md": b"# Notities\n\n- Jan de Vries belt terug\n",
        "nota.pdf": text_pdf(2),
        "scan.pdf": scan_pdf(),
        "scan.png": scan_pixmap().tobytes("png"),
        "verslag.docx": sample_docx(),
        "mail.eml": mail(),
        "html-mail.eml": mail(html_only=True, with_attachments=False),
        "postvak.mbox": b"".join(
            b"From jan@example.nl Mon Mar  4 10:15:00 2024\n" + mail(with_attachments=False) + b"\n"
            for _ in range(2)
        ),
        "bundel.zip": zip_bytes(
            {
                "stukken/nota.pdf": text_pdf(1),
                "stukken/lees-mij.txt": b"Bundel met stukken.\n",
                "binnen.zip": zip_bytes({"diep.txt": b"Diep genest bestand.\n"}),
            }
        ),
        "rapport-als-txt.txt": text_pdf(1),  # a PDF with the wrong extension
    }
    full = text_pdf(3)
    bad = {
        "leeg.pdf": b"",
        "leeg.txt": b"  \n",
        "kapot.pdf": b"%PDF-1.7\n1 0 obj garbage garbage\n%%EOF\n",
        "afgekapt.pdf": full[: len(full) // 2],
        "versleuteld.pdf": pymupdf.open("pdf", full).tobytes(
            encryption=pymupdf.PDF_ENCRYPT_AES_256, user_pw="geheim", owner_pw="baas"
        ),
        "tekst-als-pdf.pdf": b"Dit is gewoon tekst met de verkeerde extensie.\n",
        "kapot.eml": b"dit is geen e-mail\n\x00\x01\x02 maar rommel\n",
        "kapot.docx": zip_bytes(
            {"word/document.xml": b"<niet-xml", "[Content_Types].xml": b"<x/>"}
        ),
        "kapot.zip": zip_bytes({"a.txt": b"inhoud" * 100})[:60],
        "zipbom.zip": zip_bytes({"nullen.txt": b"\0" * (20 << 20)}),
        "versleuteld.zip": encrypted_zip(),
        "onbekend.bin": b"\x00\x01\x02\x03binary\x00" * 10,
    }
    for folder, files in ((GOOD, good), (BAD, bad)):
        for name, data in files.items():
            (folder / name).write_bytes(data)


if __name__ == "__main__":
    main()
