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
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from wooflow.case.publish.records import DUBBEL, CaseMeta, PublishRecord
from wooflow.exceptions import CaseError

NUMBERS_FILE = "inventaris-nummers.json"
MIN_WIDTH = 4

COLUMNS: tuple[tuple[str, str, int], ...] = (
    # (attribute, Dutch header, XLSX column width)
    ("document_id", "Documentnummer", 16),
    ("family_id", "Familie-id", 12),
    ("thread_id", "E-mailthread-id", 15),
    ("name", "Documentnaam", 48),
    ("file_type", "Bestandstype", 12),
    ("date", "Datum", 12),
    ("judgement", "Beoordeling", 16),
    ("grounds", "Weigeringsgronden", 20),
    ("suspended", "Opgeschort", 11),
    ("explanation", "Toelichting", 40),
    ("public_link", "Publieke link", 30),
    ("related_id", "Gerelateerd document", 20),
    ("case_number", "Zaaknummer", 16),
    ("file_name", "Bestandsnaam publicatie", 40),
)


@dataclass(frozen=True, slots=True)
class InventoryRow:
    """One line of the inventory, every cell already text as published."""

    number: int
    document_id: str
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
        tmp.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
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


def published_file_name(document_id: str, name: str) -> str:
    return f"{document_id} - {safe_stem(name)}.pdf"


def build_rows(
    records: list[PublishRecord],
    numbers: dict[str, int],
    case: CaseMeta,
    scrub: Callable[[str], str] = lambda s: s,
) -> list[InventoryRow]:
    """Inventory rows in number order. ``scrub`` removes redacted terms from names and
    explanations (a file name can carry a person's name)."""
    width = max(MIN_WIDTH, len(str(max(numbers.values(), default=0))))

    def ref(key: str | None) -> str:
        return format_id(numbers[key], width) if key and key in numbers else ""

    rows = []
    for rec in sorted(records, key=lambda r: numbers[r.key]):
        if not rec.in_scope:
            continue
        doc_id = format_id(numbers[rec.key], width)
        name = scrub(rec.name)
        explanation = scrub(rec.explanation)
        if rec.judgement == DUBBEL and ref(rec.related_key):
            explanation = f"Dubbel van document {ref(rec.related_key)}" + (f": {explanation}" if explanation else "")
        rows.append(
            InventoryRow(
                number=numbers[rec.key],
                document_id=doc_id,
                family_id=ref(rec.parent_key),
                thread_id=ref(rec.thread_key),
                name=name,
                file_type=rec.file_type,
                date=rec.date.isoformat() if rec.date else "",
                judgement=rec.judgement,
                grounds="; ".join(rec.grounds) if rec.judgement != DUBBEL else "",
                suspended="ja" if rec.suspended else "nee",
                explanation=explanation,
                public_link=rec.public_link,
                related_id=ref(rec.related_key),
                case_number=case.case_number,
                file_name=published_file_name(doc_id, name) if rec.published else "",
            )
        )
    return rows


def _neutral(cell: str) -> str:
    """Defuse spreadsheet formulas: a cell from an untrusted document name must never run
    (CSV injection). A leading apostrophe is what spreadsheets themselves use for text."""
    if cell and cell[0] in "=+-@\t\r":
        return "'" + cell
    return cell


def to_csv(rows: list[InventoryRow]) -> bytes:
    """UTF-8 with BOM (Excel then opens accents correctly), comma-separated, RFC 4180 quoting."""
    buf = io.StringIO()
    writer = csv.writer(buf, delimiter=",", quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    writer.writerow([header for _, header, _ in COLUMNS])
    for row in rows:
        writer.writerow([_neutral(c) for c in row.cells()])
    return ("\ufeff" + buf.getvalue()).encode("utf-8")


def to_xlsx(rows: list[InventoryRow]) -> bytes:
    """A styled workbook: bold shaded header, fixed widths, frozen header row, autofilter."""
    from openpyxl import Workbook
    from openpyxl.cell.cell import TYPE_STRING
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    wb = Workbook()
    ws = wb.active
    ws.title = "Inventarislijst"
    ws.append([header for _, header, _ in COLUMNS])
    for cell in ws[1]:
        cell.font = Font(bold=True, color="FFFFFF")
        cell.fill = PatternFill("solid", fgColor="154273")
        cell.alignment = Alignment(vertical="center", wrap_text=True)
    for r, row in enumerate(rows, start=2):
        for c, value in enumerate(row.cells(), start=1):
            cell = ws.cell(row=r, column=c)
            # Set the value and force the string type: openpyxl would otherwise store a text
            # starting with "=" as a formula.
            cell.value = value
            cell.data_type = TYPE_STRING
            cell.alignment = Alignment(vertical="top", wrap_text=True)
    for c, (_, _, width) in enumerate(COLUMNS, start=1):
        ws.column_dimensions[get_column_letter(c)].width = width
    ws.freeze_panes = "A2"
    if rows:
        ws.auto_filter.ref = f"A1:{get_column_letter(len(COLUMNS))}{len(rows) + 1}"
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


PDF_COLUMNS = (
    "document_id", "family_id", "name", "file_type", "date", "judgement", "grounds",
    "suspended", "explanation", "related_id",
)  # fmt: skip


def _inventory_parts(rows: list[InventoryRow]) -> tuple[str, list[str]]:
    """The header row and one ``<tr>`` per inventory row (with an id to find it after layout)."""
    headers = {attr: header for attr, header, _ in COLUMNS}
    head = "<tr>" + "".join(f"<th>{html.escape(headers[a])}</th>" for a in PDF_COLUMNS) + "</tr>"
    body = []
    for i, row in enumerate(rows):
        cells = "".join(f"<td>{html.escape(str(getattr(row, a)))}</td>" for a in PDF_COLUMNS)
        body.append(f'<tr id="r{i}">{cells}</tr>')
    if not body:
        body.append(f'<tr id="r0"><td colspan="{len(PDF_COLUMNS)}">Geen documenten aangetroffen.</td></tr>')
    return head, body


def inventory_html(rows: list[InventoryRow], case: CaseMeta) -> str:
    """The inventory as one HTML table (title, header, rows)."""
    head, body = _inventory_parts(rows)
    return f"<h1>Inventarislijst Woo-verzoek {html.escape(case.case_number)}</h1><table>{head}{''.join(body)}</table>"


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
    for i, page in enumerate(doc):
        text = f"{footer}  —  pagina {i + 1} van {doc.page_count}" if footer else f"pagina {i + 1} van {doc.page_count}"
        page.insert_text((42, rect.height - 28), text, fontsize=7, fontname="helv")
    data = doc.tobytes(garbage=3, deflate=True)
    doc.close()
    return bytes(data)


MAX_ROWS_PER_PAGE = 80  # more never fit on A4; bounds the layout work per page


def table_pdf(title: str, head: str, body: list[str], css: str, footer: str) -> bytes:
    """A long table over landscape A4 pages with the header row repeated on every page.

    MuPDF's Story does not repeat table headers, so each page is laid out twice: once to learn
    which rows fit whole (from the element positions), once to draw exactly those rows.
    """
    import pymupdf

    rect = pymupdf.paper_rect("a4-l")
    where = rect + (42, 42, -42, -54)
    out = io.BytesIO()
    writer = pymupdf.DocumentWriter(out)
    start = 0
    while start < len(body):
        prefix = title if start == 0 else ""

        def story_for(n: int) -> pymupdf.Story:
            rows = "".join(body[start : start + n])
            return pymupdf.Story(html=f"{prefix}<table>{head}{rows}</table>", user_css=css)

        probe = story_for(min(MAX_ROWS_PER_PAGE, len(body) - start))
        probe.place(where)
        closed: set[str] = set()
        probe.element_positions(lambda p: closed.add(p.id) if p.id and p.open_close & 2 else None)
        fit = 0
        while f"r{start + fit}" in closed and start + fit < len(body):
            fit += 1
        story = story_for(max(fit, 1))
        more = True
        while more:  # only loops when a single row is taller than a page
            dev = writer.begin_page(rect)
            more, _ = story.place(where)
            story.draw(dev)
            writer.end_page()
        start += max(fit, 1)
    writer.close()
    doc = pymupdf.open("pdf", out.getvalue())
    for i, page in enumerate(doc):
        page.insert_text((42, rect.height - 28), f"{footer}  —  pagina {i + 1} van {doc.page_count}", fontsize=7, fontname="helv")
    data = bytes(doc.tobytes(garbage=3, deflate=True))
    doc.close()
    return data


def to_pdf(rows: list[InventoryRow], case: CaseMeta) -> bytes:
    """Landscape A4 table with Dutch headers repeated on every page, numbered pages."""
    head, body = _inventory_parts(rows)
    title = f"<h1>Inventarislijst Woo-verzoek {html.escape(case.case_number)}</h1>"
    return table_pdf(title, head, body, INVENTORY_CSS, f"Inventarislijst {case.case_number}")
