"""The inventory list (inventarislijst): stable numbering and the CSV, XLSX and PDF writers.

Numbers are assigned once per document and stored in the case folder, so a re-run (after
review, or with more documents) never renumbers what a reviewer or a requester has already
seen; the number is also the prefix of the published file name.
"""

from __future__ import annotations

import csv
import html
import io
import json
import os
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import IO, Any

from wooflow.case.publish.records import DUBBEL, NIET, CaseMeta, PublishRecord
from wooflow.exceptions import CaseError

NUMBERS_FILE = "inventaris-nummers.json"
MIN_WIDTH = 4

# The export is written in the dialect of the VWS Woo platform's "productierapport"
# (minvws/nl-rdo-woo-web, InventoryReaderFactory): its header names, four judgement values,
# grounds separated by ";", the source-type list, a Matter and ISO dates, so inventaris.csv and
# inventaris.xlsx import there unchanged. Headers it does not know ("Bestandsnaam publicatie")
# are ignored by that reader. The PDF and the besluit annex show the same rows with Dutch labels.
COLUMNS: tuple[tuple[str, str, int], ...] = (
    # (attribute, header, XLSX column width)
    ("document_id", "ID", 10),
    ("matter", "Matter", 16),
    ("family_id", "Family ID", 11),
    ("thread_id", "Email Thread ID", 15),
    ("name", "Document", 48),
    ("file_type", "File type", 12),
    ("date", "Datum", 12),
    ("judgement", "Beoordeling", 16),
    ("grounds", "Beoordelingsgrond", 20),
    ("suspended", "Opgeschort", 11),
    ("explanation", "Toelichting", 40),
    ("public_link", "Publieke link", 30),
    ("related_id", "Gerelateerd ID", 14),
    ("case_number", "Zaaknummer", 16),
    ("file_name", "Bestandsnaam publicatie", 40),
)

# Labels of the human-readable inventory (PDF, besluit annex).
LABELS = {
    "document_id": "Documentnummer", "family_id": "Familie", "thread_id": "Thread", "name": "Document",
    "file_type": "Type", "date": "Datum", "judgement": "Beoordeling", "grounds": "Weigeringsgronden",
    "suspended": "Opgeschort", "explanation": "Toelichting", "related_id": "Gerelateerd",
    "public_link": "Publieke link", "matter": "Matter", "case_number": "Zaaknummer",
    "file_name": "Bestandsnaam publicatie",
}  # fmt: skip

# The platform's source types (SourceType.php); anything else shows as "Onbekend" there.
SOURCE_TYPES = (
    "pdf", "doc", "image", "presentation", "spreadsheet", "email", "html", "note", "database",
    "xml", "video", "audio", "vcard", "chat",
)  # fmt: skip
_EXTENSION_TYPES = {
    "pdf": "pdf",
    **dict.fromkeys(("doc", "docx", "docm", "dot", "dotx", "odt", "rtf", "txt", "md", "wpd"), "doc"),
    **dict.fromkeys(("xls", "xlsx", "xlsm", "ods", "csv", "tsv"), "spreadsheet"),
    **dict.fromkeys(("ppt", "pptx", "pps", "ppsx", "odp", "key"), "presentation"),
    **dict.fromkeys(("eml", "msg", "mbox", "email"), "email"),
    **dict.fromkeys(("htm", "html", "xhtml", "mht", "mhtml"), "html"),
    **dict.fromkeys(("jpg", "jpeg", "png", "gif", "bmp", "tif", "tiff", "webp", "heic", "svg", "image"), "image"),
    **dict.fromkeys(("mp3", "wav", "m4a", "ogg", "flac", "aac", "wma"), "audio"),
    **dict.fromkeys(("mp4", "mov", "avi", "mkv", "wmv", "webm", "mpg", "mpeg"), "video"),
    **dict.fromkeys(("vcf", "vcard"), "vcard"),
    **dict.fromkeys(("one", "note"), "note"),
    **dict.fromkeys(("db", "sqlite", "mdb", "accdb"), "database"),
    "xml": "xml",
}
# The platform's limits per cell (InventoryReader.php).
MAX_NAME_BYTES = 500
MAX_REMARK = 1000
UNREADABLE = "Niet ingelezen"


def source_type(file_type: str) -> str:
    """The platform's source type for a file extension (or wooflow kind); "" when none fits
    (the platform then shows "Onbekend")."""
    return _EXTENSION_TYPES.get(file_type.lower().lstrip("."), "")


def matter(case_number: str) -> str:
    """The case number as the platform's Matter: letters, digits and ``-._~`` only (DocumentMatter),
    at least two characters."""
    value = re.sub(r"[^A-Za-z0-9\-._~]+", "-", case_number).strip("-")[:255]
    return value if len(value) >= 2 else f"woo-{value}".rstrip("-")


def inquiry_number(case_number: str) -> str:
    """The case number as the platform's Zaaknummer (letters, digits, ``-.() ``; ``,`` and ``;``
    separate numbers there)."""
    return re.sub(r"[^A-Za-z0-9\-.() ]+", "-", case_number).strip("- ")[:255]


def _clip_bytes(text: str, limit: int) -> str:
    data = text.encode("utf-8")
    if len(data) <= limit:
        return text
    return data[: limit - 3].decode("utf-8", "ignore").rstrip() + "..."


def _valid_link(link: str) -> bool:
    """Roughly PHP's FILTER_VALIDATE_URL: a scheme, a host, no spaces."""
    return bool(re.fullmatch(r"[A-Za-z][A-Za-z0-9+.-]*://[^\s/?#]+[^\s]*", link)) and len(link) <= 2048


@dataclass(frozen=True, slots=True)
class InventoryRow:
    """One line of the inventory, every cell already text as published."""

    number: int
    document_id: str
    matter: str
    family_id: str
    thread_id: str
    name: str
    file_type: str
    date: str
    judgement: str
    grounds: str
    suspended: str
    explanation: str
    public_link: str
    related_id: str
    case_number: str
    file_name: str
    status: str = ""  # "dubbel" or "niet ingelezen": what "niet openbaar" stands for here

    def cells(self) -> list[str]:
        return [str(getattr(self, attr)) for attr, _, _ in COLUMNS]


class Numbering:
    """Inventory numbers stored in ``<case>/inventaris-nummers.json``: once given, kept."""

    def __init__(self, case_dir: Path) -> None:
        self.path = Path(case_dir) / NUMBERS_FILE
        self.numbers: dict[str, int] = {}
        if self.path.exists():
            try:
                data = json.loads(self.path.read_text(encoding="utf-8"))
                self.numbers = {str(k): int(v) for k, v in data["numbers"].items()}
            except (ValueError, KeyError, TypeError) as exc:
                raise CaseError(f"{self.path}: beschadigde nummering ({exc})") from exc

    def assign(self, records: Iterable[PublishRecord]) -> dict[str, int]:
        """Numbers for ``records``: known keys keep theirs, new ones follow the highest in order
        of date (attachments take their e-mail's date), then path; undated documents last."""
        recs = list(records)
        by_key = {r.key: r for r in recs}

        def root(rec: PublishRecord) -> PublishRecord:
            seen: set[str] = set()
            while rec.parent_key and rec.parent_key in by_key and rec.key not in seen:
                seen.add(rec.key)
                rec = by_key[rec.parent_key]
            return rec

        def order(rec: PublishRecord) -> tuple[date, str, int, date, str]:
            # A family (e-mail + attachments) stays together: ordered by the e-mail's date and
            # path, the e-mail first, then its attachments by their own date and path.
            top = root(rec)
            own = rec.date or top.date or date.max
            return (top.date or date.max, _path(top.key), 0 if top is rec else 1, own, _path(rec.key))

        new = sorted((r for r in recs if r.key not in self.numbers), key=order)
        nxt = max(self.numbers.values(), default=0) + 1
        for rec in new:
            self.numbers[rec.key] = nxt
            nxt += 1
        return {r.key: self.numbers[r.key] for r in recs}

    def save(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_suffix(".tmp")
        data = {"version": 1, "numbers": dict(sorted(self.numbers.items(), key=lambda kv: kv[1]))}
        with open(tmp, "w", encoding="utf-8") as fh:  # written as made (json.dumps: a list of every piece first)
            json.dump(data, fh, ensure_ascii=False, indent=1)
        os.replace(tmp, self.path)


def _path(key: str) -> str:
    """The path part of a record key (``path@sha``), so that sorting follows the path."""
    return key.rsplit("@", 1)[0] if "@" in key else key


def format_id(number: int, width: int = MIN_WIDTH) -> str:
    return str(number).zfill(width)


_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')


def safe_stem(name: str, limit: int = 80) -> str:
    """A file-name-safe stem of a document name (no path separators, no control chars)."""
    stem = name.rsplit("#", 1)[-1]
    stem = os.path.splitext(os.path.basename(stem.replace("\\", "/")))[0] or "document"
    stem = _UNSAFE.sub("_", stem).strip(" ._") or "document"
    return stem[:limit].rstrip(" ._")


def id_width(numbers: dict[str, int]) -> int:
    """Digits of the inventory's IDs: the highest number's, at least ``MIN_WIDTH``."""
    return max(MIN_WIDTH, len(str(max(numbers.values(), default=0))))


def row_name(rec: PublishRecord, scrub: Callable[[str], str]) -> str:
    """The document's name in its row (and in its file name): scrubbed and clipped."""
    return _clip_bytes(scrub(rec.name), MAX_NAME_BYTES)


def published_file_name(document_id: str, name: str) -> str:
    return f"{document_id} - {safe_stem(name)}.pdf"


def build_rows(
    records: list[PublishRecord],
    numbers: dict[str, int],
    case: CaseMeta,
    scrub: Callable[[str], str] = lambda s: s,
) -> list[InventoryRow]:
    """Inventory rows in number order. ``scrub`` removes redacted terms from names and
    explanations (a file name can carry a person's name).

    The platform knows four judgements: a duplicate is "niet openbaar" with the ground "dubbel"
    and the original's ID under "Gerelateerd ID" (Citation::DUBBEL); an input that could not be
    read is "niet openbaar" without a ground and with the reason in "Toelichting"."""
    width = id_width(numbers)

    def ref(key: str | None) -> str:
        return format_id(numbers[key], width) if key and key in numbers else ""

    listed = [r for r in records if r.in_scope]
    parents = {r.parent_key for r in listed if r.parent_key and r.parent_key in numbers}
    rows = []
    for rec in sorted(listed, key=lambda r: numbers[r.key]):
        doc_id = format_id(numbers[rec.key], width)
        name = row_name(rec, scrub)
        explanation = scrub(rec.explanation)
        judgement, grounds, status = rec.judgement, "; ".join(rec.grounds), ""
        if rec.judgement == DUBBEL:
            judgement, grounds, status = NIET, "dubbel", "dubbel"
            if ref(rec.related_key):
                original = f"Dubbel van document {ref(rec.related_key)}"
                explanation = original + (f": {explanation}" if explanation else "")
        if rec.unreadable:
            judgement, grounds, status = NIET, "", "niet ingelezen"
            explanation = f"{UNREADABLE}: {scrub(rec.unreadable)}. Dit document is nog niet beoordeeld."
        link = rec.public_link
        if link and not _valid_link(link):
            explanation = (explanation + " " if explanation else "") + f"Vindplaats: {link}"
            link = ""
        if explanation.lower().startswith("http") and not link:
            explanation = "Zie " + explanation  # the platform would read a bare URL as the link
        family = ref(rec.parent_key) or (doc_id if rec.key in parents else "")
        thread = ref(rec.thread_key)
        if rec.family_number:  # kept from an imported productierapport
            family = format_id(rec.family_number, width)
        if rec.thread_number:
            thread = format_id(rec.thread_number, width)
        rows.append(
            InventoryRow(
                number=numbers[rec.key],
                document_id=doc_id,
                matter=matter(case.case_number),
                family_id=family,
                thread_id=thread,
                name=name,
                file_type=source_type(rec.file_type),
                date=rec.date.isoformat() if rec.date else "",
                judgement=judgement,
                grounds=grounds,
                suspended="ja" if rec.suspended else "nee",
                explanation=explanation[:MAX_REMARK],
                public_link=link,
                related_id=ref(rec.related_key),
                case_number=inquiry_number(case.case_number),
                file_name=published_file_name(doc_id, name) if rec.published else "",
                status=status,
            )
        )
    return rows


def _neutral(cell: str) -> str:
    """Defuse spreadsheet formulas: a cell from an untrusted document name must never run
    (CSV injection). A leading apostrophe is what spreadsheets themselves use for text."""
    if cell and cell[0] in "=+-@\t\r":
        return "'" + cell
    return cell


def to_csv(rows: Iterable[InventoryRow]) -> bytes:
    """UTF-8 without BOM, comma-separated, RFC 4180 quoting, CRLF (``write_csv`` into memory)."""
    buf = io.BytesIO()
    write_csv(rows, buf)
    return buf.getvalue()


def write_csv(rows: Iterable[InventoryRow], target: IO[bytes] | Path) -> None:
    """The CSV written to ``target`` (a binary file or a path) row by row.

    No BOM: the VWS platform reads the header with PHP's fgetcsv, which keeps a BOM as part of
    the first header (a BOM before "ID" is not "id"), so the upload would fail on a missing ID column.
    Excel users open inventaris.xlsx."""
    if isinstance(target, Path):
        with open(target, "wb") as fh:
            write_csv(rows, fh)
        return
    text = io.TextIOWrapper(target, encoding="utf-8", newline="")
    writer = csv.writer(text, delimiter=",", quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    writer.writerow([header for _, header, _ in COLUMNS])
    for row in rows:
        writer.writerow([_neutral(c) for c in row.cells()])
    text.flush()
    text.detach()  # the caller's file stays open


def to_xlsx(rows: Sequence[InventoryRow]) -> bytes:
    """``write_xlsx`` into memory."""
    out = io.BytesIO()
    write_xlsx(rows, out)
    return out.getvalue()


def write_xlsx(rows: Sequence[InventoryRow], target: IO[bytes] | Path) -> None:
    """A styled workbook: bold shaded header, fixed widths, frozen header row, autofilter.

    Written in openpyxl's write-only mode: rows are streamed to the file as they come instead
    of a cell object per value being held (millions of cells for 100,000 documents)."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.cell.cell import TYPE_STRING
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Inventarislijst")
    for c, (_, _, width) in enumerate(COLUMNS, start=1):
        ws.column_dimensions[get_column_letter(c)].width = width
    ws.freeze_panes = "A2"
    if rows:
        ws.auto_filter.ref = f"A1:{get_column_letter(len(COLUMNS))}{len(rows) + 1}"
    head_font, head_fill = Font(bold=True, color="FFFFFF"), PatternFill("solid", fgColor="154273")
    head_align = Alignment(vertical="center", wrap_text=True)

    def header(value: str) -> WriteOnlyCell:
        cell = WriteOnlyCell(ws, value=value)
        cell.font, cell.fill, cell.alignment = head_font, head_fill, head_align
        return cell

    ws.append([header(h) for _, h, _ in COLUMNS])
    top = Alignment(vertical="top", wrap_text=True)
    for row in rows:
        cells = []
        for value in row.cells():
            cell = WriteOnlyCell(ws, value=value)
            # Force the string type: openpyxl would otherwise store a text starting with "="
            # as a formula.
            cell.data_type = TYPE_STRING
            cell.alignment = top
            cells.append(cell)
        ws.append(cells)
    wb.save(target)


PDF_COLUMNS = (
    "document_id", "family_id", "name", "file_type", "date", "judgement", "grounds",
    "suspended", "explanation", "related_id",
)  # fmt: skip
# Dutch words for the platform's source types, as that platform shows them.
TYPE_LABELS = {
    "pdf": "PDF", "doc": "Word-document", "image": "Afbeelding", "presentation": "Presentatie",
    "spreadsheet": "Spreadsheet", "email": "E-mailbericht", "html": "Webpagina", "note": "Notitie",
    "database": "Database", "xml": "XML", "video": "Video", "audio": "Audio",
    "vcard": "Visitekaartje", "chat": "Chatbericht", "": "Onbekend",
}  # fmt: skip


def human_cell(row: InventoryRow, attr: str) -> str:
    """A cell of the human-readable inventory (PDF, besluit annex)."""
    if attr == "file_type":
        return TYPE_LABELS.get(row.file_type, row.file_type)
    if attr == "judgement" and row.status:
        return f"{row.judgement} ({row.status})"
    return str(getattr(row, attr))


_EMPTY = "Geen documenten aangetroffen."


def _inventory_head() -> str:
    return "<tr>" + "".join(f"<th>{html.escape(LABELS[a])}</th>" for a in PDF_COLUMNS) + "</tr>"


def _row_html(row: InventoryRow, i: int) -> str:
    """One ``<tr>`` of the inventory table (with an id to find it after layout)."""
    cells = "".join(f"<td>{html.escape(human_cell(row, a))}</td>" for a in PDF_COLUMNS)
    return f'<tr id="r{i}">{cells}</tr>'


def _body_html(rows: Sequence[InventoryRow]) -> tuple[int, Callable[[int], str]]:
    """How many table rows the inventory has and the HTML of row ``i`` (made when asked for)."""
    if not rows:
        return 1, lambda i: f'<tr id="r0"><td colspan="{len(PDF_COLUMNS)}">{_EMPTY}</td></tr>'
    return len(rows), lambda i: _row_html(rows[i], i)


def inventory_html(rows: Sequence[InventoryRow], case: CaseMeta) -> str:
    """The inventory as one HTML table (title, header, rows)."""
    n, row_html = _body_html(rows)
    body = "".join(row_html(i) for i in range(n))
    title = f"<h1>Inventarislijst Woo-verzoek {html.escape(case.case_number)}</h1>"
    return f"{title}<table>{_inventory_head()}{body}</table>"


INVENTORY_CSS = """
body { font-family: sans-serif; font-size: 7.5pt; }
h1 { font-size: 12pt; margin-bottom: 6pt; }
table { border-collapse: collapse; width: 100%; }
th { background-color: #154273; color: #ffffff; text-align: left; padding: 2pt; }
td { border: 0.5pt solid #999999; padding: 2pt; vertical-align: top; }
"""


def html_to_pdf(body: str, css: str, landscape: bool = False, footer: str = "") -> bytes:
    """Flow HTML over A4 pages with PyMuPDF's Story and number the pages."""
    import pymupdf

    rect = pymupdf.paper_rect("a4-l" if landscape else "a4")
    where = rect + (42, 42, -42, -54)
    story = pymupdf.Story(html=body, user_css=css)
    out = io.BytesIO()
    writer = pymupdf.DocumentWriter(out)
    more = True
    while more:
        dev = writer.begin_page(rect)
        more, _ = story.place(where)
        story.draw(dev)
        writer.end_page()
    writer.close()
    doc = pymupdf.open("pdf", out.getvalue())
    _number_pages(doc, rect.height, footer)
    data = doc.tobytes(garbage=3, deflate=True)
    doc.close()
    return bytes(data)


def _number_pages(doc: Any, height: float, footer: str) -> None:
    """``footer — pagina i van n`` at the foot of every page."""
    for i in range(doc.page_count):
        text = f"pagina {i + 1} van {doc.page_count}"
        doc[i].insert_text((42, height - 28), f"{footer}  —  {text}" if footer else text, fontsize=7, fontname="helv")


def _closed_ids(into: set[str]) -> Callable[[Any], None]:
    """A Story.element_positions callback collecting the ids of elements laid out whole."""

    def note(pos: Any) -> None:
        if pos.id and pos.open_close & 2:
            into.add(pos.id)

    return note


MAX_ROWS_PER_PAGE = 80  # more never fit on A4; bounds the layout work per page
CHUNK_PAGES = 200  # pages drawn into one small PDF (~5 MiB) before it is compressed and appended


def table_pdf(
    title: str, head: str, count: int, row_html: Callable[[int], str], css: str, footer: str,
    target: IO[bytes] | Path,
) -> None:
    """A long table of ``count`` rows (``row_html(i)``: the ``<tr id="r{i}">`` of row ``i``) over
    landscape A4 pages with the header row repeated on every page, written to ``target``.

    MuPDF's Story does not repeat table headers, so each page is laid out twice: once to learn
    which rows fit whole (from the element positions), once to draw exactly those rows.
    Memory does not follow the length of the table: the HTML of at most one page's rows is
    made at a time, pages are drawn ``CHUNK_PAGES`` at a time into a small PDF whose content
    is compressed before it is appended to the result (MuPDF's writer keeps a document's
    content uncompressed until it is saved), and the result is saved straight to ``target``.
    """
    import pymupdf

    rect = pymupdf.paper_rect("a4-l")
    where = rect + (42, 42, -42, -54)
    result = pymupdf.open()
    made: dict[int, str] = {}  # the rows of the page being laid out

    def rows_html(first: int, n: int) -> str:
        for i in [i for i in made if i < first]:
            del made[i]
        return "".join(made.setdefault(i, row_html(i)) for i in range(first, first + n))

    chunk: list[Any] = []  # [DocumentWriter, its buffer, pages drawn]

    def flush() -> None:
        if not chunk:
            return
        writer, buf, _ = chunk
        writer.close()
        drawn = pymupdf.open("pdf", buf.getvalue())
        small = pymupdf.open("pdf", drawn.tobytes(deflate=True))
        drawn.close()
        result.insert_pdf(small)
        small.close()
        chunk.clear()

    start = 0
    while start < count:
        prefix = title if start == 0 else ""

        def story_for(n: int, first: int = start, prefix: str = prefix) -> pymupdf.Story:
            return pymupdf.Story(html=f"{prefix}<table>{head}{rows_html(first, n)}</table>", user_css=css)

        probe = story_for(min(MAX_ROWS_PER_PAGE, count - start))
        probe.place(where)
        closed: set[str] = set()
        probe.element_positions(_closed_ids(closed))
        fit = 0
        while f"r{start + fit}" in closed and start + fit < count:
            fit += 1
        story = story_for(max(fit, 1))
        more = True
        while more:  # only loops when a single row is taller than a page
            if not chunk:
                buf = io.BytesIO()
                chunk.extend([pymupdf.DocumentWriter(buf), buf, 0])
            dev = chunk[0].begin_page(rect)
            more, _ = story.place(where)
            story.draw(dev)
            chunk[0].end_page()
            chunk[2] += 1
        start += max(fit, 1)
        if chunk[2] >= CHUNK_PAGES:
            flush()
    flush()
    _number_pages(result, rect.height, footer)
    save_pdf(result, target)
    result.close()


def save_pdf(doc: Any, target: IO[bytes] | Path) -> None:
    """Save a MuPDF document compacted (``garbage=3``, ``deflate``) to a path or a binary file
    without a name (PyMuPDF takes a file object's ``name`` for a path)."""
    doc.save(str(target) if isinstance(target, Path) else target, garbage=3, deflate=True)


def to_pdf(rows: Sequence[InventoryRow], case: CaseMeta) -> bytes:
    """``write_pdf`` into memory."""
    out = io.BytesIO()
    write_pdf(rows, case, out)
    return out.getvalue()


def write_pdf(rows: Sequence[InventoryRow], case: CaseMeta, target: IO[bytes] | Path) -> None:
    """Landscape A4 table with Dutch headers repeated on every page, numbered pages."""
    count, row_html = _body_html(rows)
    title = f"<h1>Inventarislijst Woo-verzoek {html.escape(case.case_number)}</h1>"
    table_pdf(title, _inventory_head(), count, row_html, INVENTORY_CSS, f"Inventarislijst {case.case_number}", target)
