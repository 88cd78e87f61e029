"""Restlekcontrole: search every published byte of a package for what was redacted.

After the package is written, every needle (``names.Needle``: every form of every redacted
person, every redacted identifier) is searched in

- every file name in the package and every member name of the zip;
- PDFs: the text of every page (PyMuPDF, and pdftotext when installed) and the document
  metadata (title, author, subject, keywords, creator, producer);
- Office files (besluit.docx, inventaris.xlsx): every XML part, with and without its markup
  (a name split over two runs is found), so core properties (docProps/core.xml) are searched too;
- text files (csv, xml, html, json, txt): the decoded text, with entities resolved and markup
  dropped.

The result is written as ``restlekcontrole.txt`` into the package. The report never repeats a
needle: it names the owner ("persoon 2") and the form ("achternaam"). A bare-surname hit right
after a public-role word ("minister Jansen") is listed but not counted as a leak.
"""

from __future__ import annotations

import hashlib
import html
import io
import re
import shutil
import subprocess
import zipfile
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from wooflow.case.publish.names import (
    Needle,
    NeedleIndex,
    after_public_role,
    kind_word,
    which,
)

REPORT = "restlekcontrole.txt"
_TAG = re.compile(r"<[^>]*>")


@dataclass(frozen=True, slots=True)
class Hit:
    file: str  # package-relative path ("" for the zip member list)
    where: str  # "bestandsnaam", "pdf-tekst", "pdf-metadata", "docProps/core.xml", "tekst", ...
    needle: Needle
    excused: bool = False  # bare surname after a public-role word


@dataclass(slots=True)
class LeakReport:
    needles: list[Needle]
    checked: list[tuple[str, str]] = field(default_factory=list)  # (file, how)
    hits: list[Hit] = field(default_factory=list)

    @property
    def leaks(self) -> list[Hit]:
        return [h for h in self.hits if not h.excused]

    @property
    def clean(self) -> bool:
        return not self.leaks

    def messages(self) -> list[str]:
        """One Dutch line per leaking file, for stderr."""
        by_file: dict[str, list[Hit]] = {}
        for h in self.leaks:
            by_file.setdefault(h.file, []).append(h)
        return [
            f"restlekcontrole: {f or 'publicatie.zip'}: gelakte gegevens gevonden ("
            + "; ".join(sorted({f"{h.needle.owner}, {kind_word(h.needle.kind)}, in {h.where}" for h in hits}))
            + ")"
            for f, hits in sorted(by_file.items())
        ]

    def text(self) -> str:
        """The report as it goes into the package (Dutch, no needle repeated)."""
        kinds = Counter(n.kind for n in self.needles)
        owners = len({n.owner for n in self.needles})
        lines = [
            "Restlekcontrole publicatiepakket",
            "================================",
            "",
            "Na het samenstellen van het pakket is elk gepubliceerd bestand doorzocht op alles wat",
            "is gelakt: elke vorm van elke gelakte persoon (volledige naam, achternaam, initiaal en",
            "achternaam, e-mailadres en het deel voor de @) en elke gelakte identificator (BSN, IBAN,",
            "telefoonnummer, adres, ...). Hoofdletters, witruimte en scheidingstekens in nummers tellen",
            "niet mee. De zoektermen zelf staan niet in dit rapport.",
            "",
            f"Zoektermen: {len(self.needles)} van {owners} personen en gegevens",
        ]
        lines += [f"  - {kind_word(kind)}: {n}" for kind, n in sorted(kinds.items())]
        lines += [
            "",
            "Waarmee: bestandsnamen en namen in publicatie.zip; PDF: tekst van elke pagina (PyMuPDF"
            + (", pdftotext" if shutil.which("pdftotext") else "")
            + ") en metadata; docx/xlsx: elk XML-deel met en zonder opmaak (ook de documenteigenschappen);",
            "csv/xml/html/json/txt: de tekst, met en zonder opmaak.",
            "",
            f"Gecontroleerde bestanden: {len(self.checked)}",
        ]
        lines += [f"  - {f}: {how}" for f, how in self.checked]
        lines.append("")
        if self.clean:
            lines.append("Uitkomst: GEEN gelakte gegevens gevonden.")
        else:
            lines.append(f"Uitkomst: GELAKTE GEGEVENS GEVONDEN in {len({h.file for h in self.leaks})} bestand(en).")
            lines.append("Het pakket is geblokkeerd: publicatie.zip is niet gemaakt en de bestanden hieronder")
            lines.append("zijn verwijderd. Pas de naam, de titel of de beoordeling aan en maak het pakket opnieuw.")
            lines += [f"  - {m.removeprefix('restlekcontrole: ')}" for m in self.messages()]
        excused = [h for h in self.hits if h.excused]
        if excused:
            lines.append("")
            lines.append(
                f"Niet meegeteld: {len(excused)} keer een achternaam direct na een functie (minister, Kamerlid, ...):"
            )
            lines += sorted({f"  - {h.file}: {h.needle.owner}, {kind_word(h.needle.kind)}" for h in excused})
        return "\n".join(lines) + "\n"


class Checker:
    """Searches texts for the needles. A regular expression with hundreds of alternatives is
    slow on megabytes of text, so each text is first narrowed down to the needles that can occur
    in it (``names.NeedleIndex``: the needle's longest word must be a word of the text, numbers
    must occur with the separators removed); only those few are compiled into one expression."""

    def __init__(self, needles: list[Needle]) -> None:
        self.needles = needles
        self.index = NeedleIndex(needles)

    def _pattern(self, text: str) -> tuple[re.Pattern[str] | None, list[int]]:
        return self.index.pattern(text)

    def search(self, text: str, file: str, where: str) -> list[Hit]:
        if not self.needles or not text:
            return []
        pattern, picked = self._pattern(text)
        if pattern is None:
            return []
        out = []
        seen: set[tuple[int, bool]] = set()
        for m in pattern.finditer(text):
            i = picked[which(m)]
            needle = self.needles[i]
            if needle.bare and where != "bestandsnaam" and not m.group(0)[:1].isupper():
                continue  # a lone surname in running text is a name only when capitalised
            excused = needle.bare and after_public_role(text, m.start())
            if (i, excused) not in seen:
                seen.add((i, excused))
                out.append(Hit(file, where, needle, excused))
        return out


def _variants(text: str) -> Iterable[str]:
    """The text as is, entities resolved, and with markup dropped (joined and spaced)."""
    yield text
    plain = html.unescape(text)
    if plain != text:
        yield plain
    if "<" in text:
        yield html.unescape(_TAG.sub("", text))
        yield html.unescape(_TAG.sub(" ", text))


def _pdf_texts(data: bytes, read: ReadTexts | None = None) -> list[tuple[str, str]]:
    """``read``: the page texts of these very bytes as the verifier read them (MuPDF's text
    and pdftotext's output, the same programs called the same way), so they are not read twice."""
    import pymupdf

    out: list[tuple[str, str]] = []
    with pymupdf.open("pdf", data) as doc:
        if read is not None and read.mupdf is not None:
            out.append(("pdf-tekst", read.mupdf))
        else:
            out.append(("pdf-tekst", "\n".join(page.get_text() for page in doc)))
        meta = doc.metadata or {}
        out.append(("pdf-metadata", "\n".join(str(v) for v in meta.values() if v)))
        xmp = doc.get_xml_metadata() or ""
        if xmp:
            out.append(("pdf-xmp", xmp))
    if read is not None and read.pdftotext is not None:
        out.append(("pdftotext", read.pdftotext))
    elif shutil.which("pdftotext"):
        try:
            res = subprocess.run(["pdftotext", "-q", "-", "-"], input=data, capture_output=True, timeout=120)
            out.append(("pdftotext", res.stdout.decode("utf-8", "replace")))
        except (OSError, subprocess.SubprocessError):
            pass
    return out


def _office_texts(data: bytes) -> list[tuple[str, str]]:
    out = []
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        for info in zf.infolist():
            out.append(("deelnaam", info.filename))
            if info.filename.endswith((".xml", ".rels")) and info.file_size < 50_000_000:
                out.append((info.filename, zf.read(info).decode("utf-8", "replace")))
    return out


def _file_texts(
    path: Path, data: bytes | None = None, read: ReadTexts | None = None
) -> tuple[str, list[tuple[str, str]]]:
    data = path.read_bytes() if data is None else data
    ext = path.suffix.lower()
    if ext == ".pdf":
        return "tekst en metadata (pdf)", _pdf_texts(data, read)
    if ext in (".docx", ".xlsx", ".pptx", ".odt"):
        return "alle XML-delen", _office_texts(data)
    if ext == ".zip":
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            return "namen van de bestanden erin", [("zip-inhoud", "\n".join(zf.namelist()))]
    return "tekst", [("tekst", data.decode("utf-8", "replace"))]


@dataclass(frozen=True, slots=True)
class ReadTexts:
    """A PDF's page texts as read by the verifier: MuPDF's and pdftotext's (None: not read)."""

    mupdf: str | None = None
    pdftotext: str | None = None


@dataclass(frozen=True, slots=True)
class FileCheck:
    """The content check of one package file, made where the file was written (a worker):
    valid for exactly the bytes whose SHA-256 it names and for the needles it was made with."""

    sha256: str
    how: str
    hits: tuple[Hit, ...]


def check_content(checker: Checker, path: Path, rel: str, read: ReadTexts | None = None) -> FileCheck:
    """Search the content of one file (not its name) for the checker's needles."""
    data = path.read_bytes()
    how, texts = _file_texts(path, data, read)
    hits: list[Hit] = []
    for where, text in texts:
        for variant in _variants(text):
            for hit in checker.search(variant, rel, where):
                if hit not in hits:
                    hits.append(hit)
    return FileCheck(hashlib.sha256(data).hexdigest(), how, tuple(hits))


def check_package(
    out_dir: Path, files: Iterable[str], needles: list[Needle], done: Mapping[str, FileCheck] | None = None
) -> LeakReport:
    """Search ``files`` (package-relative) in ``out_dir`` for every needle.

    ``done``: content checks already made with these needles (by the workers that wrote the
    PDFs, ``check_content``); one is used only for a file whose bytes still have its SHA-256,
    every other file is read here. File names are always searched here."""
    checker = Checker(needles)
    report = LeakReport(needles)
    done = done or {}
    for rel in sorted(set(files)):
        report.hits += checker.search(rel, rel, "bestandsnaam")
        path = Path(out_dir) / rel
        if not path.is_file():
            continue
        made = done.get(rel)
        if made is None or hashlib.sha256(path.read_bytes()).hexdigest() != made.sha256:
            made = check_content(checker, path, rel)
        for hit in made.hits:
            if hit not in report.hits:
                report.hits.append(hit)
        report.checked.append((rel, made.how))
    return report
