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

import codecs
import hashlib
import html
import io
import re
import shutil
import subprocess
import zipfile
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import partial
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
# A text longer than this (characters) is searched segment by segment, never held whole: the
# package's own large files grow with the case (besluit.docx's document.xml is ~2.5 KB per
# inventory row, 250 MB at 100,000 documents), and a whole-text search holds several copies
# of the text and a list of all its words.
STREAM_ABOVE = 4 << 20
SEGMENT = 1 << 20  # characters per segment (about; a segment ends at a cut, see ``_segments``)
BLOCK = 1 << 20  # bytes read at a time
HELD_PART_MAX = 50_000_000  # an office part held in memory is searched up to this size
# A text too large to hold: called, it gives the text's pieces in order (again on each call).
Pieces = Callable[[], Iterable[str]]


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
        out: list[Hit] = []
        seen: set[tuple[int, bool]] = set()
        for m in pattern.finditer(text):
            self._hit(m, text, picked, file, where, seen, out)
        return out

    def _hit(
        self, m: re.Match[str], text: str, picked: list[int], file: str, where: str,
        seen: set[tuple[int, bool]], out: list[Hit],
    ) -> None:  # fmt: skip
        i = picked[which(m)]
        needle = self.needles[i]
        if needle.bare and where != "bestandsnaam" and not m.group(0)[:1].isupper():
            return  # a lone surname in running text is a name only when capitalised
        excused = needle.bare and after_public_role(text, m.start())
        if (i, excused) not in seen:
            seen.add((i, excused))
            out.append(Hit(file, where, needle, excused))

    def search_segments(self, segments: Callable[[], Iterable[str]], file: str, where: str) -> list[Hit]:
        """``search`` of the text that ``segments()`` make when joined (cut by ``_segments``),
        holding about two segments at a time; the same hits in the same order.

        First the candidates over all segments (``NeedleIndex.candidates_of_segments``), then,
        only if there are any, the scan: ``pattern.search`` from where the last match ended, on
        a window of the text. A match is taken only where it starts before the window's last
        ``margin`` non-white-space characters: a needle's match holds at most twice its length
        in non-white-space characters (a number may have a separator between any two of its
        characters) and white space only between them, and its look-arounds see one character
        each side, so whether and how a needle matches at such a start is decided inside the
        window. The window keeps 64 characters before the next search (look-behind, and the 40
        that ``after_public_role`` reads)."""
        if not self.needles:
            return []
        picked = self.index.candidates_of_segments(segments())
        pattern, picked = self.index.pattern_of(picked)
        if pattern is None:
            return []
        margin = 2 * max(len(self.needles[i].text) for i in picked) + 64
        out: list[Hit] = []
        seen: set[tuple[int, bool]] = set()
        buf, base, pos = "", 0, 0  # the window, where it starts in the text, the next search
        pieces = iter(segments())
        while True:
            piece = next(pieces, None)
            last = piece is None
            if piece:
                buf += piece
            limit = len(buf) if last else _safe_start(buf, margin)
            while True:
                m = pattern.search(buf, pos - base)
                if m is None or (not last and m.start() >= limit):
                    break
                self._hit(m, buf, picked, file, where, seen, out)
                pos = base + m.end()
            if last:
                return out
            pos = max(pos, base + limit)  # no match starts before the limit
            drop = max(0, pos - base - 64)
            buf, base = buf[drop:], base + drop


def _safe_start(buf: str, margin: int) -> int:
    """The largest index of ``buf`` with ``margin`` non-white-space characters after it (0 when
    there are fewer): a match starting before it ends inside ``buf``."""
    n, i = 0, len(buf)
    while i > 0 and n < margin:
        i -= 1
        if not buf[i].isspace():
            n += 1
    return i if n >= margin else 0


def _variants(text: str) -> Iterable[str]:
    """The text as is, entities resolved, and with markup dropped (joined and spaced)."""
    yield text
    plain = html.unescape(text)
    if plain != text:
        yield plain
    if "<" in text:
        yield html.unescape(_TAG.sub("", text))
        yield html.unescape(_TAG.sub(" ", text))


def _pdf_texts(data: bytes, read: ReadTexts | None = None) -> list[tuple[str, str | Pieces]]:
    """``read``: the page texts of these very bytes as the verifier read them (MuPDF's text
    and pdftotext's output, the same programs called the same way), so they are not read twice.
    A long PDF's texts (the inventory, the decision with its annex) are given as pieces."""
    import pymupdf

    out: list[tuple[str, str | Pieces]] = []
    with pymupdf.open("pdf", data) as doc:
        if read is not None and read.mupdf is not None:
            out.append(("pdf-tekst", read.mupdf))
        elif len(doc) > STREAM_PAGES:
            out.append(("pdf-tekst", lambda: _page_texts(data)))
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
            stdout = res.stdout
            if len(stdout) > STREAM_ABOVE:
                out.append(("pdftotext", lambda: _decoded(_byte_blocks(stdout))))
            else:
                out.append(("pdftotext", stdout.decode("utf-8", "replace")))
        except (OSError, subprocess.SubprocessError):
            pass
    return out


STREAM_PAGES = 100  # a PDF with more pages has its MuPDF text read page by page


def _page_texts(data: bytes) -> Iterator[str]:
    """``"\\n".join(page.get_text() for page in doc)`` in pieces."""
    import pymupdf

    with pymupdf.open("pdf", data) as doc:
        for i, page in enumerate(doc):
            if i:
                yield "\n"
            yield page.get_text()


def _decoded(blocks: Iterable[bytes | memoryview]) -> Iterator[str]:
    """``bytes.decode("utf-8", "replace")`` of the joined blocks, in pieces (the incremental
    decoder keeps a character cut between two blocks for the next)."""
    decoder = codecs.getincrementaldecoder("utf-8")("replace")
    for block in blocks:
        text = decoder.decode(block)
        if text:
            yield text
    text = decoder.decode(b"", True)
    if text:
        yield text


def _byte_blocks(data: bytes) -> Iterator[memoryview]:
    view = memoryview(data)
    for i in range(0, len(view), BLOCK):
        yield view[i : i + BLOCK]


def _file_blocks(path: Path) -> Iterator[bytes]:
    with open(path, "rb") as fh:
        while block := fh.read(BLOCK):
            yield block


def _member_text(path: Path, name: str) -> Iterator[str]:
    return _decoded(_member_blocks(path, name))


def _member_blocks(path: Path, name: str) -> Iterator[bytes]:
    with zipfile.ZipFile(path) as zf, zf.open(name) as fh:
        while block := fh.read(BLOCK):
            yield block


def _office_texts(source: bytes | Path) -> list[tuple[str, str | Pieces]]:
    """Every part's name, and the text of every XML part (a large part, read from a file, as
    pieces)."""
    out: list[tuple[str, str | Pieces]] = []
    with zipfile.ZipFile(io.BytesIO(source) if isinstance(source, bytes) else source) as zf:
        for info in zf.infolist():
            out.append(("deelnaam", info.filename))
            # a part read from a file is searched in pieces whatever its size (the inventory
            # table of a 100k case is ~134 MB of XML); one held in memory is capped
            if info.filename.endswith((".xml", ".rels")) and (
                isinstance(source, Path) or info.file_size < HELD_PART_MAX
            ):
                if isinstance(source, Path) and info.file_size > STREAM_ABOVE:
                    out.append((info.filename, partial(_member_text, source, info.filename)))
                else:
                    out.append((info.filename, zf.read(info).decode("utf-8", "replace")))
    return out


def _zip_names(path: Path) -> Iterator[str]:
    """``"\\n".join(zf.namelist())`` in pieces."""
    with zipfile.ZipFile(path) as zf:
        for i, name in enumerate(zf.namelist()):
            if i:
                yield "\n"
            yield name


def _file_texts(
    path: Path, data: bytes | None = None, read: ReadTexts | None = None
) -> tuple[str, list[tuple[str, str | Pieces]]]:
    """How a file is searched and its texts; a PDF is read whole (``data``), any other file
    from disk, a large text in pieces."""
    ext = path.suffix.lower()
    if ext == ".pdf":
        return "tekst en metadata (pdf)", _pdf_texts(path.read_bytes() if data is None else data, read)
    source: bytes | Path = path if data is None else data
    if ext in (".docx", ".xlsx", ".pptx", ".odt"):
        return "alle XML-delen", _office_texts(source)
    if ext == ".zip":
        if isinstance(source, Path):
            return "namen van de bestanden erin", [("zip-inhoud", lambda: _zip_names(path))]
        with zipfile.ZipFile(io.BytesIO(source)) as zf:
            return "namen van de bestanden erin", [("zip-inhoud", "\n".join(zf.namelist()))]
    if isinstance(source, Path):
        if path.stat().st_size > STREAM_ABOVE:
            return "tekst", [("tekst", lambda: _decoded(_file_blocks(path)))]
        source = path.read_bytes()
    return "tekst", [("tekst", source.decode("utf-8", "replace"))]


# -- a text searched in segments ------------------------------------------------------------


def _whole(pieces: Pieces) -> str | None:
    """The text, when it is at most ``STREAM_ABOVE`` characters; else None."""
    parts, n = [], 0
    for piece in pieces():
        parts.append(piece)
        n += len(piece)
        if n > STREAM_ABOVE:
            return None
    return "".join(parts)


def _cut(buf: str) -> int:
    """The last place in ``buf`` (0: none) where every transformation of the search is the same
    for the parts as for the whole: after a line end that is not inside a tag (no ``<``
    before it without a ``>`` after that), or between ``>`` and ``<``.

    There ``_TAG`` has no match across (a match runs from a ``<`` to the next ``>``);
    ``html.unescape`` has none (an entity holds no line end, and none of its forms takes a
    ``<``); ``\\w+`` has no word across; and ``str.lower`` maps every character alike (its
    one rule of context, the final sigma, looks past case-ignorable characters only, which
    these are not). ``buf`` starts at such a place, so a ``<`` before it is closed."""
    best = buf.rfind("><") + 1
    end = len(buf)
    while True:
        j = buf.rfind("\n", best, end)
        if j < 0:
            return best
        lt, gt = buf.rfind("<", 0, j + 1), buf.rfind(">", 0, j + 1)
        if lt <= gt:
            return j + 1
        end = lt  # inside a tag: only before its '<'


def _entity_cut(buf: str) -> int:
    """The last place in ``buf`` after a character no entity of ``html.unescape`` holds (tab,
    line end, form feed, space, ``<``; 0: none): there it is the same for the parts as for the
    whole, and so are ``\\w+`` and ``str.lower``."""
    return max(buf.rfind(ch) for ch in "\t\n\f <") + 1


def _resegment(pieces: Iterable[str], cut: Callable[[str], int], size: int) -> Iterator[str]:
    """``pieces`` joined and cut again at ``cut``'s places, about ``size`` characters each (a
    segment grows past ``size`` while it has no such place)."""
    parts: list[str] = []
    n, due = 0, size
    for piece in pieces:
        parts.append(piece)
        n += len(piece)
        if n >= due:
            buf = "".join(parts)
            at = cut(buf)
            if at > 0:
                yield buf[:at]
                buf = buf[at:]
            parts, n = [buf], len(buf)
            due = n + size if at == 0 else size
    rest = "".join(parts)
    if rest:
        yield rest


def _segments(pieces: Iterable[str]) -> Iterator[str]:
    return _resegment(pieces, _cut, SEGMENT)


def _search(checker: Checker, text: str | Pieces, file: str, where: str) -> Iterator[Hit]:
    """``checker.search`` of every variant of ``text`` (``_variants``); a text in pieces longer
    than ``STREAM_ABOVE`` is searched in segments, with the same hits in the same order."""
    if not isinstance(text, str):
        whole = _whole(text)
        if whole is None:
            yield from _search_segments(checker, text, file, where)
            return
        text = whole
    for variant in _variants(text):
        yield from checker.search(variant, file, where)


def _search_segments(checker: Checker, pieces: Pieces, file: str, where: str) -> Iterator[Hit]:
    """``_variants`` made segment by segment: as is; entities resolved (if that changes any
    segment it changes the whole, as a resolved entity is shorter than its reference); and,
    if there is a ``<``, markup dropped (the markup-free segments cut again where entities
    cannot cross, ``_entity_cut``), then entities resolved."""
    seen = {"<": False, "&": False}

    def plain() -> Iterator[str]:
        for segment in _segments(pieces()):
            seen["<"] = seen["<"] or "<" in segment
            seen["&"] = seen["&"] or ("&" in segment and html.unescape(segment) != segment)
            yield segment

    def resolved() -> Iterator[str]:
        return (html.unescape(s) for s in _segments(pieces()))

    def dropped(by: str) -> Callable[[], Iterator[str]]:
        def make() -> Iterator[str]:
            bare = (_TAG.sub(by, s) for s in _segments(pieces()))
            return (html.unescape(s) for s in _resegment(bare, _entity_cut, SEGMENT))

        return make

    yield from checker.search_segments(plain, file, where)
    if seen["&"]:
        yield from checker.search_segments(resolved, file, where)
    if seen["<"]:
        yield from checker.search_segments(dropped(""), file, where)
        yield from checker.search_segments(dropped(" "), file, where)


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
    pdf = path.suffix.lower() == ".pdf"
    data = path.read_bytes() if pdf else None  # any other file is read from disk as it is searched
    sha256 = hashlib.sha256(data).hexdigest() if data is not None else _sha256_file(path)
    how, texts = _file_texts(path, data, read)
    hits: list[Hit] = []
    for where, text in texts:
        for hit in _search(checker, text, rel, where):
            if hit not in hits:
                hits.append(hit)
    return FileCheck(sha256, how, tuple(hits))


def _sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    for block in _file_blocks(path):
        h.update(block)
    return h.hexdigest()


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
        if made is None or _sha256_file(path) != made.sha256:
            made = check_content(checker, path, rel)
        for hit in made.hits:
            if hit not in report.hits:
                report.hits.append(hit)
        report.checked.append((rel, made.how))
    return report
