"""Generates the synthetic part of the bundled examples (examples/documents/).

The real published documents next to them come from ../shared/examples (see README.md). These
generated files exercise what a real Woo request brings besides: an e-mail thread with a quoted
reply and an attachment, a Word document, a scanned page, an exact duplicate and a broken file.
All names, numbers and addresses are invented. Run: .venv/bin/python examples/make_examples.py
"""

from __future__ import annotations

import email.utils
import io
from email.message import EmailMessage
from pathlib import Path

import docx
import pymupdf
from PIL import Image, ImageDraw, ImageFont

OUT = Path(__file__).parent / "documents"

NOTA = """Nota aan de minister

Aan: Minister van Volksgezondheid, Welzijn en Sport
Van: Directie Publieke Gezondheid
Datum: 12 maart 2024
Kenmerk: 3812456-1062011-PG
Inlichtingen bij: Marloes Verhoeven-Tan, T 06-41 27 83 90, marloes.verhoeven@minvws.nl

Betreft: Woo-verzoek over het vaccinatieprogramma

Aanleiding
Op 1 maart 2024 ontving u een Woo-verzoek over het vaccinatieprogramma. Minister Helder is
gevraagd om voor 15 april 2024 te besluiten.

Toelichting
De documenten zijn verzameld door Marloes Verhoeven-Tan en Youssef El Amrani van de directie
PG. Verhoeven-Tan heeft contact gehad met het RIVM.
"""


def _mail(
    sender: str, to: str, subject: str, date: str, body: str, msgid: str, reply_to: str | None = None
) -> EmailMessage:
    msg = EmailMessage()
    msg["From"] = sender
    msg["To"] = to
    msg["Subject"] = subject
    msg["Date"] = date
    msg["Message-ID"] = msgid
    if reply_to:
        msg["In-Reply-To"] = reply_to
        msg["References"] = reply_to
    msg.set_content(body)
    return msg


def make_mails() -> None:
    first_body = (
        "Beste Youssef,\n\nHierbij de conceptnota over het Woo-verzoek. Kun je voor vrijdag reageren?\n\n"
        "Met vriendelijke groet,\n\nMarloes Verhoeven-Tan\nBeleidsmedewerker, Directie Publieke Gezondheid\n"
        "Ministerie van Volksgezondheid, Welzijn en Sport\nParnassusplein 5 | 2511 VX Den Haag\n"
        "M 06-41 27 83 90\nmarloes.verhoeven@minvws.nl\n"
    )
    first = _mail(
        "Marloes Verhoeven-Tan <marloes.verhoeven@minvws.nl>",
        "Youssef El Amrani <y.elamrani@minvws.nl>",
        "Conceptnota Woo-verzoek vaccinatieprogramma",
        "Tue, 12 Mar 2024 09:14:00 +0100",
        first_body,
        "<nota-1@minvws.example>",
    )
    first.add_attachment(NOTA.encode("utf-8"), maintype="text", subtype="plain", filename="conceptnota.txt")
    (OUT / "mail-01-conceptnota.eml").write_bytes(bytes(first))

    quoted = "\n".join("> " + line for line in first_body.splitlines())
    reply = _mail(
        "Youssef El Amrani <y.elamrani@minvws.nl>",
        "Marloes Verhoeven-Tan <marloes.verhoeven@minvws.nl>",
        "RE: Conceptnota Woo-verzoek vaccinatieprogramma",
        "Wed, 13 Mar 2024 16:02:00 +0100",
        "Hoi Marloes,\n\nAkkoord met de nota. Ik stuur hem door naar de minister.\n\nGroet,\nYoussef\n\n"
        "Op 12 mrt. 2024 om 09:14 schreef Marloes Verhoeven-Tan <marloes.verhoeven@minvws.nl>:\n" + quoted + "\n",
        "<nota-2@minvws.example>",
        reply_to="<nota-1@minvws.example>",
    )
    (OUT / "mail-02-reactie.eml").write_bytes(bytes(reply))


def make_docx() -> None:
    d = docx.Document()
    d.sections[0].header.paragraphs[0].text = "Gemeente Zwolle - Verslag"
    d.add_heading("Verslag overleg vaccinatielocaties", level=1)
    d.add_paragraph("Datum: 5 februari 2024")
    d.add_paragraph("Aanwezig: burgemeester Snijders, Pieter van der Wal (GGD), Fatma Yilmaz (gemeente)")
    d.add_paragraph(
        "Burgemeester Snijders opent het overleg. Pieter van der Wal licht de planning toe. "
        "Bewoner J. Hoekstra, Kerkstraat 14, 8011 AB Zwolle, heeft een klacht ingediend."
    )
    t = d.add_table(rows=2, cols=2)
    t.cell(0, 0).text = "Actie"
    t.cell(0, 1).text = "Wie"
    t.cell(1, 0).text = "Locatie Stadshuis regelen"
    t.cell(1, 1).text = "Fatma Yilmaz"
    d.save(OUT / "verslag-vaccinatielocaties.docx")


def make_scan() -> None:
    """A scanned letter: an image-only PDF page, as a scanner produces."""
    img = Image.new("L", (1654, 2339), 255)  # A4 at 200 dpi
    draw = ImageDraw.Draw(img)
    font = ImageFont.truetype("DejaVuSans.ttf", 34) if _has_dejavu() else ImageFont.load_default()
    lines = [
        "Aan de minister van Volksgezondheid",
        "Postbus 20350, 2500 EJ Den Haag",
        "",
        "Zwolle, 20 februari 2024",
        "",
        "Geachte minister,",
        "",
        "Ik maak bezwaar tegen de sluiting van de vaccinatielocatie.",
        "Mijn moeder heeft geen vervoer.",
        "",
        "Met vriendelijke groet,",
        "Anneke Bosma-de Graaf",
        "Kerkstraat 14, 8011 AB Zwolle",
    ]
    y = 200
    for line in lines:
        draw.text((160, y), line, fill=0, font=font)
        y += 60
    buf = io.BytesIO()
    img.convert("1").save(buf, format="PNG", optimize=True)
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    page.insert_image(page.rect, stream=buf.getvalue())
    doc.save(OUT / "brief-burger-scan.pdf")


def _has_dejavu() -> bool:
    try:
        ImageFont.truetype("DejaVuSans.ttf", 10)
        return True
    except OSError:
        return False


def main() -> None:
    OUT.mkdir(exist_ok=True)
    make_mails()
    make_docx()
    make_scan()
    (OUT / "nota-kopie-duplicaat.txt").write_text(NOTA, encoding="utf-8")
    (OUT / "kapot-bestand.pdf").write_bytes(b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog")  # truncated
    print("examples written to", OUT, email.utils.formatdate())


if __name__ == "__main__":
    main()
