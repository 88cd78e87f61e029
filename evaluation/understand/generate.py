"""Generate the labelled evaluation set for wooflow.understand (seeded, reproducible).

Writes evaluation/understand/docs/ (text, markdown, PDF and .eml files) and gold.json. The four
real published examples from ../shared/examples are copied in with hand-written gold labels.

    .venv/bin/python evaluation/understand/generate.py
"""

from __future__ import annotations

import json
import random
import shutil
import sys
from email.message import EmailMessage
from email.utils import format_datetime
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from genres import GENRES, gold
from render import text_to_pdf

SEED = 20240207
PER_GENRE = 3
SHARED = HERE.parents[1].parent / "shared" / "examples"

REAL: dict[str, dict[str, Any]] = {
    "nota-kamervragen-ocw-2024.txt": gold(
        type="nota",
        date="2024-02-07",
        title="Kamervragen lid Eerdmans (JA21) inzake bijeenkomsten met ambtenaren naar aanleiding "
        "van de verkiezingsuitslag van 22 november 2023",
    ),
    "aanhangsel-antwoorden-vws-2024.txt": gold(
        type="kamervragen",
        date="2024-02-16",
        title="Vragen van het lid Eerdmans (JA21) aan de Minister-President en de Ministers van "
        "Binnenlandse Zaken en Koninkrijksrelaties, van Buitenlandse Zaken, van Defensie, van "
        "Economische Zaken en Klimaat, van Financiën, van Infrastructuur en Waterstaat, van Justitie "
        "en Veiligheid, van Landbouw, Natuur en Voedselkwaliteit, van Onderwijs, Cultuur en "
        "Wetenschap, van Sociale Zaken en Werkgelegenheid en van Volksgezondheid, Welzijn en Sport "
        "over bijeenkomsten met ambtenaren naar aanleiding van de verkiezingsuitslag van 22 november 2023",
        sender="Minister Helder",
    ),
    "verslag-mt-vws-2021.md": gold(type="verslag", date="2021-03-22", title="MT 5.1.2e"),
    "advies-belang-kind-meeroudergezinnen-2024.pdf": gold(
        type="advies", date="2024-09-12", title="Het belang van het kind in meeroudergezinnen"
    ),
}

# Which generated documents become PDFs (with "Pagina n van m" footers) or .eml files.
PDF_GENRES = {"presentatie", "rapport", "kamerbrief", "besluit", "advies"}


def _eml(r: random.Random, text: str, g: dict[str, Any]) -> bytes:
    """The Outlook print-out in ``text`` as a real RFC 5322 message."""
    import datetime as dt

    head, _, body = text.partition("\n\n")
    fields = dict(line.split(": ", 1) for line in head.splitlines() if ": " in line)
    msg = EmailMessage()
    msg["From"] = fields["Van"]
    msg["To"] = fields["Aan"]
    msg["Subject"] = fields["Onderwerp"]
    d = dt.date.fromisoformat(g["date"])
    msg["Date"] = format_datetime(dt.datetime(d.year, d.month, d.day, 10, 30, tzinfo=dt.UTC))
    msg.set_content(body)
    return bytes(msg)


def main() -> None:
    out = HERE / "docs"
    if out.exists():
        shutil.rmtree(out)
    out.mkdir()
    labels: dict[str, dict[str, Any]] = {}
    r = random.Random(SEED)
    for genre, make in GENRES.items():
        count = 2 if genre == "other" else PER_GENRE
        for i in range(1, count + 1):
            text, g = make(r)
            stem = f"{genre}-{i:02d}"
            if genre in PDF_GENRES and i != 1 or genre == "presentatie":
                name = f"{stem}.pdf"
                (out / name).write_bytes(text_to_pdf(text, footer=genre != "presentatie"))
            elif genre == "email" and i == 2:
                name = f"{stem}.eml"
                (out / name).write_bytes(_eml(r, text, g))
            elif genre in ("verslag", "jaarplan", "convenant") and i == 2:
                name = f"{stem}.md"
                (out / name).write_text(text, encoding="utf-8")
            else:
                name = f"{stem}.txt"
                (out / name).write_text(text, encoding="utf-8")
            labels[name] = g
    # Hand-written documents in layouts the generator does not produce, labelled by hand
    # before the rules were run on them (a held-out check on over-fitting to the templates).
    hand = HERE / "hand"
    for name, g in json.loads((hand / "gold.json").read_text("utf-8")).items():
        shutil.copyfile(hand / name, out / f"hand-{name}")
        labels[f"hand-{name}"] = g
    if SHARED.is_dir():
        for name, g in REAL.items():
            shutil.copyfile(SHARED / name, out / name)
            labels[name] = g
    (HERE / "gold.json").write_text(
        json.dumps(labels, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )
    print(f"{len(labels)} documenten geschreven naar {out}")


if __name__ == "__main__":
    main()
