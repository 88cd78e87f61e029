"""Build the mixed input folder for the publication end-to-end test.

Run from the repository root: ``.venv/bin/python tests/resources/publish/generate.py``. The real
examples come from ../shared/examples (published Woo documents); the e-mails, the attachment,
the duplicate and the broken file are generated here with the standard library and PyMuPDF so
the folder can be rebuilt. Persons in the generated files are fictitious.
"""

from __future__ import annotations

import shutil
from email.message import EmailMessage
from email.utils import format_datetime
from datetime import datetime, timezone
from pathlib import Path

import pymupdf

HERE = Path(__file__).resolve().parent
IN = HERE / "mixed"
SHARED = HERE.parents[3] / "shared" / "examples"

MEMO = """Notitie voorbereiding debat verkiezingsuitslag

Datum: 21 november 2023
Van: Sanne Kuipers, beleidsmedewerker
Aan: directeur Communicatie

De minister wil in het debat ingaan op de uitslag. Vragen over deze notitie kunnen naar
Sanne Kuipers, telefoon 06-12345678, of per e-mail s.kuipers@minvws.nl.
"""

BODY_1 = """Beste Pieter,

Bijgaand de notitie over de voorbereiding van het debat over de verkiezingsuitslag.
Wil je er vóór donderdag naar kijken? De minister heeft de antwoorden op de Kamervragen
van het lid Eerdmans (JA21) nodig voor het debat.

Met vriendelijke groet,
Sanne Kuipers
Directie Communicatie
T 06-12345678
"""

BODY_2 = """Hoi Sanne,

Dank, ik heb een paar opmerkingen in de tekst gezet. Akkoord met de lijn.

Groet,
Pieter de Wit

"""


def pdf_bytes(text: str) -> bytes:
    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_textbox(pymupdf.Rect(60, 60, 540, 780), text, fontsize=10, fontname="helv")
    data = doc.tobytes()
    doc.close()
    return bytes(data)


SCAN = """Gespreksverslag klantcontact

Datum: 23 november 2023

Met mevrouw Jansen is gesproken over de aanvraag.
Haar burgerservicenummer is 111222333.
Zij is bereikbaar op 06-98765432.
Afspraak: terugbellen na het debat.
"""


def scan_bytes(text: str) -> bytes:
    """An image-only PDF page, as a scanner makes it: the text exists only as pixels."""
    src = pymupdf.open()
    page = src.new_page(width=420, height=300)
    page.insert_textbox(pymupdf.Rect(30, 30, 400, 280), text, fontsize=11, fontname="helv")
    pix = page.get_pixmap(dpi=200, colorspace=pymupdf.csGRAY)
    out = pymupdf.open()
    scan = out.new_page(width=420, height=300)
    scan.insert_image(scan.rect, stream=pix.tobytes("png"))
    data = out.tobytes(deflate=True)
    out.close()
    src.close()
    return bytes(data)


def mail(subject: str, body: str, sent: datetime, msgid: str, reply_to: str | None = None,
         attachment: tuple[str, bytes] | None = None) -> bytes:
    msg = EmailMessage()
    msg["From"] = "Sanne Kuipers <s.kuipers@minvws.nl>" if reply_to is None else "Pieter de Wit <p.dewit@minvws.nl>"
    msg["To"] = "Pieter de Wit <p.dewit@minvws.nl>" if reply_to is None else "Sanne Kuipers <s.kuipers@minvws.nl>"
    msg["Subject"] = subject
    msg["Date"] = format_datetime(sent)
    msg["Message-ID"] = msgid
    if reply_to:
        msg["In-Reply-To"] = reply_to
        msg["References"] = reply_to
    msg.set_content(body)
    if attachment:
        msg.add_attachment(attachment[1], maintype="application", subtype="pdf", filename=attachment[0])
    return bytes(msg)


def main() -> None:
    if IN.exists():
        shutil.rmtree(IN)
    IN.mkdir()
    for name in ("nota-kamervragen-ocw-2024.txt", "aanhangsel-antwoorden-vws-2024.txt", "verslag-mt-vws-2021.md"):
        shutil.copyfile(SHARED / name, IN / name)
    # A duplicate: the same nota saved twice under another name.
    shutil.copyfile(SHARED / "nota-kamervragen-ocw-2024.txt", IN / "nota-kamervragen-kopie.txt")
    # The first three pages of the published advies (a PDF with a text layer and images).
    src = pymupdf.open(SHARED / "advies-belang-kind-meeroudergezinnen-2024.pdf")
    small = pymupdf.open()
    small.insert_pdf(src, from_page=0, to_page=2)
    small.save(IN / "advies-meeroudergezinnen-2024.pdf", garbage=4, deflate=True)
    t1 = datetime(2023, 11, 21, 9, 30, tzinfo=timezone.utc)
    t2 = datetime(2023, 11, 21, 14, 5, tzinfo=timezone.utc)
    (IN / "mail-1-notitie.eml").write_bytes(
        mail("Notitie debat verkiezingsuitslag", BODY_1, t1, "<notitie-1@minvws.nl>",
             attachment=("notitie-debat.pdf", pdf_bytes(MEMO)))
    )
    quoted = "".join(f"> {line}\n" if line else ">\n" for line in BODY_1.splitlines())
    (IN / "mail-2-reactie.eml").write_bytes(
        mail("RE: Notitie debat verkiezingsuitslag",
             BODY_2 + "Van: Sanne Kuipers\nVerzonden: 21 november 2023 09:30\n"
             "Onderwerp: Notitie debat verkiezingsuitslag\n\n" + quoted,
             t2, "<notitie-2@minvws.nl>", reply_to="<notitie-1@minvws.nl>")
    )
    (IN / "scan-gespreksverslag.pdf").write_bytes(scan_bytes(SCAN))
    (IN / "kapot.pdf").write_bytes(b"%PDF-1.7\n1 0 obj <</Type /Catalog /Pages 2 0 R>>\n% afgebroken")
    (IN / "bsn-notitie.txt").write_text(
        "Aantekening klantcontact 22 november 2023\n\nDe verzoeker (BSN 111222333) vroeg om "
        "terugbetaling op rekening NL91ABNA0417164300. Afgehandeld door team Toeslagen.\n",
        encoding="utf-8",
    )


if __name__ == "__main__":
    main()
