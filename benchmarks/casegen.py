"""A realistic generated Woo case: N documents in the genre mix of a real request, with gold.

    .venv/bin/python benchmarks/casegen.py OUT_DIR --docs 1000 [--seed 7] [--scans 0.02]

The mix follows "all mail of a directorate over a year": e-mail threads (replies quote the
history below the new text, a third carry a PDF or Word attachment), notas to the minister,
minutes of meetings, letters from and to citizens and companies, scans (image-only PDFs, read
by OCR), and exact and near duplicates (a forwarded copy, a later version with one changed
sentence). Persons are fictitious and recur across documents (a case has a few hundred people,
not one per document); office holders (the minister, members of parliament) must stay public;
identifiers (BSN with a valid check digit, phone numbers, e-mail addresses, IBAN) must be
redacted.

Gold goes to ``OUT_DIR/gold.jsonl``, one line per input file: ``{"file", "genre", "pages",
"redact": [surface strings], "keep": [surface strings]}`` (strings as they appear in the file's
text and its attachments), so accuracy and throughput are measured on the same data.

Deterministic by seed; streamed: each file is written as it is made and only a bounded window
of recent documents (for replies and duplicates) is kept, so memory is flat in N.
"""

from __future__ import annotations

import argparse
import io
import json
import random
import zipfile
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from email.message import EmailMessage
from email.utils import format_datetime
from pathlib import Path

import pymupdf

FIRST = ["Sanne", "Pieter", "Fatima", "Jeroen", "Anouk", "Mohamed", "Lotte", "Bram", "Esther", "Daan",
         "Ingrid", "Koen", "Yasmina", "Ruben", "Marloes", "Tim", "Hanneke", "Sven", "Noor", "Willem",
         "Ayla", "Joost", "Femke", "Niels", "Merel", "Thijs", "Iris", "Gerrit", "Saskia", "Youssef"]
LAST = ["Kuipers", "de Wit", "El Amrani", "Visser", "van Dijk", "Bakker", "Jansen", "Smit", "Mulder",
        "de Boer", "Hendriks", "van Leeuwen", "Dekker", "Brouwer", "de Graaf", "Verhoeven", "Bosman",
        "Koster", "Prins", "Huisman", "Peeters", "van der Linden", "Kok", "Schouten", "Postma"]
TOPICS = ["de subsidieregeling jeugdzorg", "het programma vaccinatiebereidheid", "de begroting 2024",
          "de Kamervragen over wachtlijsten", "het advies van de Gezondheidsraad", "de pilot e-health",
          "de evaluatie van de Wmo", "het debat over de zorgpremie", "de aanbesteding ICT", "het WOB-verzoek"]
PUBLIC = ["minister Helder", "staatssecretaris Karremans", "het lid Eerdmans (JA21)",
          "het lid Dijk (SP)", "minister-president Schoof"]
ORGS = ["RIVM", "GGD Haaglanden", "Zorginstituut Nederland", "NZa", "VNG"]
GENRES = [("email", 0.46), ("nota", 0.12), ("minutes", 0.09), ("letter", 0.11), ("memo", 0.06),
          ("scan", 0.02), ("exact", 0.08), ("near", 0.06)]


@dataclass(slots=True)
class Person:
    name: str
    email: str
    phone: str


@dataclass(slots=True)
class Doc:
    file: str
    genre: str
    pages: int = 1
    redact: set[str] = field(default_factory=set)
    keep: set[str] = field(default_factory=set)

    def to_json(self) -> dict[str, object]:
        return {"file": self.file, "genre": self.genre, "pages": self.pages,
                "redact": sorted(self.redact), "keep": sorted(self.keep)}


def bsn(rng: random.Random) -> str:
    """A nine-digit number that passes the 11-proef (fictitious, never issued as such)."""
    while True:
        digits = [rng.randint(0, 9) for _ in range(8)]
        total = sum(d * w for d, w in zip(digits, range(9, 1, -1), strict=True))
        last = total % 11
        if last < 10 and digits[0] != 0:
            return "".join(map(str, digits)) + str(last)


def iban(rng: random.Random) -> str:
    bank = rng.choice(["INGB", "RABO", "ABNA"])
    account = f"{rng.randint(10**9, 10**10 - 1)}"
    # ISO 13616: BBAN (bank code, then account) + country + "00", letters as 10..35, mod 97
    check = 98 - int("".join(str(ord(c) - 55) for c in bank) + account + "232100") % 97
    return f"NL{check:02d}{bank}{account}"


class CaseGenerator:
    """Yields documents one at a time; ``write`` streams them to a folder."""

    def __init__(self, seed: int, scans: float = 0.02) -> None:
        self.rng = random.Random(seed)
        rng = self.rng
        self.people = []
        for _ in range(300):
            first, last = rng.choice(FIRST), rng.choice(LAST)
            local = f"{first[0].lower()}.{last.replace(' ', '').lower()}"
            dom = rng.choice(["minvws.nl", "rivm.nl", "ggdhaaglanden.nl", "gmail.com"])
            self.people.append(Person(f"{first} {last}", f"{local}@{dom}", f"06-{rng.randint(10**7, 10**8 - 1)}"))
        weights = dict(GENRES)
        weights["scan"] = scans
        self.genres = list(weights)
        self.weights = [weights[g] for g in self.genres]
        self.recent: deque[tuple[str, str, bytes]] = deque(maxlen=50)  # (name, genre, bytes) for copies
        self.threads: deque[tuple[str, str, str, Doc]] = deque(maxlen=20)  # (msgid, subject, text, gold)
        self.start = datetime(2023, 1, 2, 9, tzinfo=timezone.utc)

    # -- text pieces ---------------------------------------------------------------------------

    def person(self) -> Person:
        return self.rng.choice(self.people)

    def paragraph(self, topic: str, gold: Doc) -> str:
        rng = self.rng
        p, q = self.person(), self.person()
        public = rng.choice(PUBLIC)
        gold.redact.update({p.name, q.name})
        gold.keep.add(public)
        parts = [
            f"Over {topic} is overleg gevoerd met {rng.choice(ORGS)}. {p.name} neemt contact op met de "
            f"betrokken partijen en stuurt voor het eind van de week een voorstel rond.",
            f"Volgens {q.name} is de planning haalbaar, mits de financiering rond is. {public} heeft "
            f"in het debat toegezegd de Kamer voor de zomer te informeren.",
        ]
        if rng.random() < 0.5:
            parts.append(f"Vragen kunnen naar {p.email} of telefonisch via {p.phone}.")
            gold.redact.update({p.email, p.phone})
        if rng.random() < 0.08:
            number = bsn(rng)
            parts.append(f"Het betreft de aanvraag van burger met BSN {number}.")
            gold.redact.add(number)
        if rng.random() < 0.05:
            account = iban(rng)
            parts.append(f"De vergoeding wordt overgemaakt op rekening {account}.")
            gold.redact.add(account)
        filler = ("De afdeling werkt de opties verder uit en legt ze in de volgende staf voor. "
                  "Daarbij wordt ook gekeken naar de uitvoerbaarheid en de gevolgen voor de regio.")
        parts.append(filler * rng.randint(1, 3))
        return " ".join(parts) + "\n\n"

    def body(self, topic: str, gold: Doc, lo: int = 2, hi: int = 6) -> str:
        return "".join(self.paragraph(topic, gold) for _ in range(self.rng.randint(lo, hi)))

    # -- genres --------------------------------------------------------------------------------

    def email(self, i: int, when: datetime, gold: Doc) -> bytes:
        rng = self.rng
        sender, to = self.person(), self.person()
        gold.redact.update({sender.name, sender.email, to.email})
        msg = EmailMessage()
        reply = self.threads[-rng.randint(1, len(self.threads))] if self.threads and rng.random() < 0.45 else None
        topic = rng.choice(TOPICS)
        subject = f"RE: {reply[1]}" if reply else f"Overleg over {topic}"
        text = f"Beste {to.name.split()[0]},\n\n{self.body(topic, gold, 1, 3)}Met vriendelijke groet,\n{sender.name}\n"
        if reply is not None:
            msg["In-Reply-To"] = reply[0]
            msg["References"] = reply[0]
            text += "\n-----Oorspronkelijk bericht-----\n" + "".join(f"> {ln}\n" for ln in reply[2].splitlines())
            gold.redact |= reply[3].redact
            gold.keep |= reply[3].keep
        msg["From"] = f"{sender.name} <{sender.email}>"
        msg["To"] = f"{to.name} <{to.email}>"
        msg["Subject"] = subject
        msg["Date"] = format_datetime(when)
        mid = f"<case-{i}@minvws.nl>"
        msg["Message-ID"] = mid
        msg.set_content(text)
        if rng.random() < 0.33:
            att_gold = Doc("", "bijlage")
            att_text = f"Bijlage bij {subject}\n\n{self.body(topic, att_gold, 2, 4)}"
            gold.redact |= att_gold.redact
            gold.keep |= att_gold.keep
            if rng.random() < 0.7:
                pages = rng.randint(1, 3)
                gold.pages += pages
                msg.add_attachment(pdf_bytes(att_text, pages), maintype="application", subtype="pdf",
                                   filename=f"bijlage-{i}.pdf")
            else:
                gold.pages += 1
                msg.add_attachment(docx_bytes(att_text), maintype="application",
                                   subtype="vnd.openxmlformats-officedocument.wordprocessingml.document",
                                   filename=f"bijlage-{i}.docx")
        if msg.is_multipart():
            msg.set_boundary(f"=====case-{i}-{rng.randrange(10**12)}=====")  # deterministic bytes
        # a reply quotes this body, not its headers or attachments: its gold is what the body holds
        quoted = Doc("", "email")
        quoted.redact = {item for item in gold.redact if item in text}
        quoted.keep = {item for item in gold.keep if item in text}
        self.threads.append((mid, subject.removeprefix("RE: "), text, quoted))
        return bytes(msg)

    def nota(self, when: datetime, gold: Doc) -> bytes:
        topic = self.rng.choice(TOPICS)
        author = self.person()
        gold.redact.add(author.name)
        text = (f"Nota aan de minister\n\nDatum: {when:%d-%m-%Y}\nKenmerk: {self.rng.randint(10**6, 10**7)}\n"
                f"Opgesteld door: {author.name}\nOnderwerp: {topic}\n\nAanleiding\n\n{self.body(topic, gold)}"
                f"Advies\n\nWij adviseren in te stemmen met het voorstel.\n")
        gold.pages = self.rng.randint(2, 4)
        return pdf_bytes(text, gold.pages)

    def minutes(self, when: datetime, gold: Doc) -> str:
        rng = self.rng
        present = [self.person() for _ in range(rng.randint(3, 7))]
        gold.redact.update(p.name for p in present)
        topic = rng.choice(TOPICS)
        items = "".join(f"{n}. {rng.choice(TOPICS).capitalize()}\n\n{self.body(topic, gold, 1, 2)}"
                        for n in range(1, 4))
        return (f"Verslag overleg {topic}\n\nDatum: {when:%d-%m-%Y}\nAanwezig: "
                f"{', '.join(p.name for p in present)}\n\n{items}Actiepunten\n\n"
                f"- {present[0].name}: voorstel rondsturen\n")

    def letter(self, when: datetime, gold: Doc) -> str:
        rng = self.rng
        citizen = self.person()
        street = rng.choice(["Dorpsstraat", "Kerkweg", "Molenlaan", "Stationsplein"])
        address = f"{street} {rng.randint(1, 200)}"
        gold.redact.update({citizen.name, address})
        return (f"{citizen.name}\n{address}\n{rng.randint(1000, 9999)} AB Utrecht\n\nAan de minister van VWS\n"
                f"Postbus 20350\n2500 EJ Den Haag\n\nDatum: {when:%d-%m-%Y}\n\nGeachte minister,\n\n"
                f"{self.body(rng.choice(TOPICS), gold, 1, 3)}Hoogachtend,\n\n{citizen.name}\n")

    def scan(self, gold: Doc) -> bytes:
        author = self.person()
        gold.redact.add(author.name)
        text = f"Memo\n\nVan: {author.name}\n\n{self.paragraph(self.rng.choice(TOPICS), gold)}"
        return scan_pdf_bytes(text)

    # -- the stream ----------------------------------------------------------------------------

    def documents(self, n: int) -> Iterator[tuple[str, bytes, Doc]]:
        rng = self.rng
        for i in range(n):
            when = self.start + timedelta(days=rng.randint(0, 360), minutes=rng.randint(0, 600))
            genre = rng.choices(self.genres, self.weights)[0]
            if genre in ("exact", "near") and not self.recent:
                genre = "letter"
            gold = Doc("", genre)
            if genre == "email":
                name, data = f"{i:06d}-mail.eml", self.email(i, when, gold)
            elif genre == "nota":
                name, data = f"{i:06d}-nota.pdf", self.nota(when, gold)
            elif genre == "minutes":
                name, data = f"{i:06d}-verslag.txt", self.minutes(when, gold).encode("utf-8")
            elif genre == "letter":
                name, data = f"{i:06d}-brief.txt", self.letter(when, gold).encode("utf-8")
            elif genre == "memo":
                topic = rng.choice(TOPICS)
                gold.pages = rng.randint(2, 5)
                text = f"Memo {topic}\n\n{self.body(topic, gold, 3, 8)}"
                name, data = f"{i:06d}-memo.pdf", pdf_bytes(text, gold.pages)
            elif genre == "scan":
                name, data = f"{i:06d}-scan.pdf", self.scan(gold)
            else:
                src_name, src_genre, src = rng.choice(self.recent)
                ext = src_name.rsplit(".", 1)[-1]
                gold = Doc("", genre)
                if genre == "near" and ext == "txt":
                    text = src.decode("utf-8")
                    data = (text + "\nAangepast na overleg: de planning schuift een week op.\n").encode("utf-8")
                else:
                    data = src  # a forwarded or re-filed copy, byte for byte
                name = f"{i:06d}-kopie-{src_name.split('-', 1)[1]}"
                gold.genre = f"{genre}:{src_name}"
                gold.redact = set(self.gold_of.get(src_name, ((), ()))[0])
                gold.keep = set(self.gold_of.get(src_name, ((), ()))[1])
            gold.file = name
            if genre not in ("exact", "near"):
                self.recent.append((name, genre, data))
                self.gold_of[name] = (tuple(gold.redact), tuple(gold.keep))
                if len(self.gold_of) > 200:
                    self.gold_of.pop(next(iter(self.gold_of)))
            yield name, data, gold

    gold_of: dict[str, tuple[tuple[str, ...], tuple[str, ...]]]

    def write(self, folder: Path, n: int) -> dict[str, int]:
        """Write ``n`` documents and ``gold.jsonl`` into ``folder``; returns counts per genre."""
        self.gold_of = {}
        folder.mkdir(parents=True, exist_ok=True)
        docs = folder / "docs"
        docs.mkdir(exist_ok=True)
        counts: dict[str, int] = {}
        with (folder / "gold.jsonl").open("w", encoding="utf-8") as gold_file:
            for name, data, gold in self.documents(n):
                (docs / name).write_bytes(data)
                gold_file.write(json.dumps(gold.to_json(), ensure_ascii=False) + "\n")
                key = gold.genre.split(":")[0]
                counts[key] = counts.get(key, 0) + 1
        return counts


def pdf_bytes(text: str, pages: int) -> bytes:
    doc = pymupdf.open()
    chunk = max(1, len(text) // pages)
    # pages end between words, as a real document's do (a cut inside a word or an e-mail address
    # makes a token that no reader of the PDF would ever see)
    cuts = [0]
    for i in range(1, pages):
        space = text.find(" ", max(i * chunk, cuts[-1]))
        cuts.append(len(text) if space < 0 else space + 1)
    cuts.append(len(text))
    for a, b in zip(cuts, cuts[1:], strict=False):
        page = doc.new_page()
        page.insert_textbox(pymupdf.Rect(60, 60, 540, 780), text[a:b] or ".", fontsize=10)
    data = doc.tobytes(no_new_id=True)
    doc.close()
    return bytes(data)


def scan_pdf_bytes(text: str) -> bytes:
    """One A4 page with the text only as an image (150 dpi, grey): what a scanner makes."""
    src = pymupdf.open()
    page = src.new_page()
    page.insert_textbox(pymupdf.Rect(60, 60, 540, 780), text, fontsize=12)
    pix = page.get_pixmap(dpi=150, colorspace=pymupdf.csGRAY)
    src.close()
    out = pymupdf.open()
    img_page = out.new_page()
    img_page.insert_image(img_page.rect, stream=pix.tobytes("png"))
    data = out.tobytes(deflate=True, no_new_id=True)
    out.close()
    return bytes(data)


def docx_bytes(text: str) -> bytes:
    import docx

    d = docx.Document()
    for para in text.split("\n\n"):
        d.add_paragraph(para)
    d.core_properties.created = d.core_properties.modified = datetime(2023, 1, 1)
    buf = io.BytesIO()
    d.save(buf)
    out = io.BytesIO()  # the same bytes on every run: fixed member times
    with zipfile.ZipFile(buf) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            member = zipfile.ZipInfo(info.filename, (2023, 1, 1, 0, 0, 0))
            member.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(member, src.read(info.filename))
    return out.getvalue()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--docs", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--scans", type=float, default=0.02, help="share of image-only PDFs (OCR is slow)")
    args = ap.parse_args()
    counts = CaseGenerator(args.seed, args.scans).write(args.out, args.docs)
    print(f"{args.docs} documents in {args.out / 'docs'}: " + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())))


if __name__ == "__main__":
    main()
