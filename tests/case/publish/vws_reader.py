"""A Python port of the VWS Woo platform's productierapport reader, to test our inventory against.

Ported from minvws/nl-rdo-woo-web (public code; read, not copied): the column mapping of
src/Service/Inventory/Reader/InventoryReaderFactory.php, the header normalisation of
src/Service/FileReader/HeaderMappingTrait.php, the row mapping and validation of
src/Service/Inventory/Reader/InventoryReader.php (DocumentId, DocumentMatter, InquiryNumbers,
family/thread ids, remark, file name and link limits), the value helpers of
src/Service/Inventory/InventoryDataHelper.php (separateValues, getGrounds, isTrue, dates),
Judgement.php, SourceType.php, Citation.php, the CSV readers (PHP fgetcsv: comma, a BOM is not
stripped; xlsx is first converted to CSV with xlsx2csv) and DocumentNumberExtractor.php (a file
is matched to a row by the leading ``[a-zA-Z0-9-]+`` of its base name).

``problems`` holds what the platform rejects (missing headers, invalid rows) plus what it would
accept *silently wrong*, which we treat as failures too: a judgement that is not one of the four
values (the platform turns it into "niet openbaar"), a file type outside its list (shown as
"Onbekend"), a ground outside its citation list, a related/family id that names no row.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

# InventoryReaderFactory::create: (field, required, column names)
COLUMN_MAPPINGS: tuple[tuple[str, bool, tuple[str, ...]], ...] = (
    ("date", False, ("date", "datum")),
    ("document", True, ("document", "document id", "documentnr", "document nr", "documentnr.",
                        "document nr.", "nr.", "omschrijving", "name")),
    ("family", False, ("family", "familie", "family id")),
    ("sourcetype", False, ("file type", "filetype")),
    ("ground", True, ("beoordelingsgrond", "grond", "tagmulti006", "beoordelingsgrond (; gescheiden)")),
    ("id", True, ("id",)),
    ("judgement", True, ("beoordeling", "openbaarmaking")),
    ("threadid", False, ("thread id", "email thread id", "email thread")),
    ("inquiry_number", False, ("zaaknr", "casenr", "zaak", "case", "zaaknummer")),
    ("suspended", False, ("opgeschort", "suspended", "tag015")),
    ("link", False, ("publiekelinktag", "publieke link", "publiekelink", "publicatielink",
                     "publicatie link", "publiekelink ( | gescheiden)")),
    ("remark", False, ("toelichting", "opmerking")),
    ("matter", False, ("matter", "matter / marjoleinnummer")),
    ("refers_to", False, ("gerelateerd id",)),
)  # fmt: skip

JUDGEMENTS = {"openbaar": "public", "deels openbaar": "partial_public", "reeds openbaar": "already_public",
              "niet openbaar": "not_public"}  # fmt: skip
SOURCE_TYPES = ("pdf", "doc", "image", "presentation", "spreadsheet", "email", "html", "note", "database",
                "xml", "video", "vcard", "chat", "audio")  # fmt: skip
SOURCE_ALIASES = {"word processing": "doc", "application/vnd.openxmlformats-officedocument": "doc",
                  "application/rms.encrypted.ms-office": "doc", "application/msonenote": "note",
                  "application/x-sqlite3": "database", "chatbericht": "chat"}  # fmt: skip
WOO_CITATIONS = ("5.1.1a", "5.1.1b", "5.1.1c", "5.1.1d", "5.1.1e", "5.1.2a", "5.1.2b", "5.1.2c", "5.1.2d",
                 "5.1.2e", "5.1.2f", "5.1.2g", "5.1.2h", "5.1.2i", "5.1.5", "5.2", "5.4", "dubbel")  # fmt: skip
GROUND_NORMALISATION = {f"5.1.{a}.{b}": f"5.1.{a}{b}" for a in "12" for b in "abcdefghi"}
PHP_TRIM = " \t\n\r\0\x0b"
MAX_LINK_LENGTH, MAX_FILENAME_LENGTH, MAX_REMARK_LENGTH = 2048, 500, 1000
DOCUMENT_ID = re.compile(r"^[a-zA-Z0-9.\-]*$")
MATTER = re.compile(r"^[a-zA-Z0-9\-._~]*$")
CASENR = re.compile(r"^[a-z0-9\-.;() ]+$", re.I)
FILE_ID = re.compile(r"^([a-zA-Z0-9\-]+)")  # DocumentNumberExtractor
FILE_ID_STRICT = re.compile(r"^([A-Za-z0-9]+)")  # the stricter reading


class MissingHeaders(Exception):
    pass


def php_lower(text: str) -> str:
    """PHP 8 strtolower: ASCII only."""
    return "".join(c.lower() if "A" <= c <= "Z" else c for c in text)


def normalise_header(name: str) -> str:
    name = php_lower(name.strip(PHP_TRIM))
    return name.lstrip("0123456789").strip(PHP_TRIM)


def resolve_header_mapping(headers: list[str]) -> dict[str, int]:
    mapping: dict[str, int] = {}
    missing = {f: (req, names) for f, req, names in COLUMN_MAPPINGS}
    for idx, raw in enumerate(headers):
        name = normalise_header(raw)
        if not name:
            continue
        for key, (_, names) in list(missing.items()):
            if name in names:
                mapping[key] = idx
                del missing[key]
    required = [k for k, (req, _) in missing.items() if req]
    if required:
        raise MissingHeaders(required)
    return mapping


def separate_values(value: str | None, separators: tuple[str, ...] = (";",)) -> list[str]:
    if value is None or value.strip(PHP_TRIM) == "":
        return []
    parts = re.split("|".join(re.escape(s) for s in separators), value.strip(PHP_TRIM))
    return [p.strip(PHP_TRIM) for p in parts if p.strip(PHP_TRIM) not in ("", "0")]


def php_intval(value: str) -> int:
    m = re.match(r"\s*([+-]?\d+)", value)
    return int(m.group(1)) if m else 0


def is_true(value: str | None) -> bool:
    return php_lower(str(value or "")) in ("true", "ja", "yes", "1", "y", "j")


def parse_date(value: str) -> date:
    for fmt in ("%Y-%m-%d", "%d-%m-%Y", "%Y/%m/%d", "%d/%m/%Y", "%d/%m/%Y %H:%M"):
        try:
            return datetime.strptime(value, fmt).date()
        except ValueError:
            continue
    raise ValueError(f"datum niet te lezen: {value!r}")


def valid_url(link: str) -> bool:
    """PHP FILTER_VALIDATE_URL, approximately: scheme://host[...] without white space."""
    return bool(re.fullmatch(r"[A-Za-z][A-Za-z0-9+.\-]*://[^\s/?#@]+[^\s]*", link))


@dataclass(slots=True)
class Row:
    index: int
    id: str
    document: str
    judgement: str
    grounds: list[str]
    matter: str | None
    family: int | None
    thread: int | None
    source_type: str
    date: date | None
    suspended: bool
    links: list[str]
    remark: str | None
    refers_to: list[str]
    inquiry_numbers: list[str]


@dataclass(slots=True)
class ImportResult:
    rows: list[Row] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def read_table(path: Path) -> list[list[str]]:
    """Header + rows as the platform sees them: a CSV read with fgetcsv (BOM kept), an xlsx
    converted to CSV first (every cell as its text)."""
    if path.suffix.lower() == ".xlsx":
        import openpyxl

        ws = openpyxl.load_workbook(path, read_only=True).worksheets[0]
        table = [["" if v is None else str(v) for v in row] for row in ws.iter_rows(values_only=True)]
    else:
        table = list(csv.reader(io.StringIO(path.read_bytes().decode("utf-8"), newline="")))
    if not table:
        return [[]]
    # CsvReader: rows whose fields are all empty (PHP array_filter: "" and "0") are skipped
    return [table[0]] + [r for r in table[1:] if any(c not in ("", "0") for c in r)]


def import_inventory(path: Path) -> ImportResult:
    table = read_table(path)
    result = ImportResult()
    try:
        mapping = resolve_header_mapping(table[0])
    except MissingHeaders as exc:
        result.problems.append(f"missing headers: {', '.join(exc.args[0])}")
        return result
    for n, raw in enumerate(table[1:], start=1):
        try:
            result.rows.append(_map_row(n, raw, mapping, result.problems))
        except ValueError as exc:
            result.problems.append(f"rij {n}: {exc}")
    ids = [r.id.lower() for r in result.rows]
    if len(set(ids)) != len(ids):
        result.problems.append("ID niet uniek binnen de matter")
    numeric = {php_intval(i) for i in ids}
    for r in result.rows:
        for ref in r.refers_to:
            if ref.lower() not in ids:
                result.problems.append(f"rij {r.index}: gerelateerd ID {ref} bestaat niet")
        for label, value in (("family", r.family), ("thread", r.thread)):
            if value is not None and value not in numeric:
                result.problems.append(f"rij {r.index}: {label} id {value} noemt geen document")
    return result


def _map_row(n: int, raw: list[str], mapping: dict[str, int], problems: list[str]) -> Row:
    def opt(key: str) -> str | None:
        if key not in mapping:
            return None
        return raw[mapping[key]] if mapping[key] < len(raw) else None

    def get(key: str) -> str:
        return opt(key) or ""

    links = separate_values(opt("link"), ("|",))
    remark = opt("remark")
    if remark is not None and len(remark) > MAX_REMARK_LENGTH:
        raise ValueError("toelichting te lang")
    if not links and remark is not None and remark.startswith("http"):
        links, remark = separate_values(remark, ("|",)), None
    for link in links:
        if len(link) > MAX_LINK_LENGTH or not valid_url(link):
            raise ValueError(f"ongeldige link {link!r}")
    raw_date = opt("date")
    when = parse_date(raw_date) if raw_date else None
    filename = get("document")
    if len(filename.encode("utf-8")) > MAX_FILENAME_LENGTH:
        raise ValueError("documentnaam te lang")

    def opt_int(key: str) -> int | None:
        value = opt(key)
        if value is None or value == "":
            return None
        number = php_intval(value)
        if number < 1:
            raise ValueError(f"ongeldig {key}: {value!r}")
        return number

    doc_id = get("id")
    if doc_id == "":
        raise ValueError("ID ontbreekt")
    if not DOCUMENT_ID.match(doc_id) or not 1 <= len(doc_id) <= 170:
        raise ValueError(f"ongeldig ID {doc_id!r}")
    matter = opt("matter")
    if matter is not None and matter.strip(PHP_TRIM) != "":
        if not MATTER.match(matter) or not 1 <= len(matter) <= 255:
            raise ValueError(f"ongeldige matter {matter!r}")
    inquiry = separate_values(opt("inquiry_number"), (",", ";"))
    for number in inquiry:
        if not CASENR.match(number) or not 1 <= len(number) <= 255:
            raise ValueError(f"ongeldig zaaknummer {number!r}")
    grounds = [GROUND_NORMALISATION.get(g, g) for g in separate_values(get("ground"))]

    # Accepted by the platform, but silently wrong: these are problems for us.
    judgement_raw = php_lower(get("judgement").strip(PHP_TRIM))
    if judgement_raw not in JUDGEMENTS:
        problems.append(f"rij {n}: beoordeling {judgement_raw!r} wordt 'niet openbaar'")
    stype_raw = opt("sourcetype")
    stype = php_lower((stype_raw or "").strip(PHP_TRIM))
    stype = stype if stype in SOURCE_TYPES else SOURCE_ALIASES.get(stype, "unknown")
    if stype_raw and stype == "unknown":
        problems.append(f"rij {n}: bestandstype {stype_raw!r} onbekend")
    for g in grounds:
        if php_lower(g.replace(" ", "")) not in WOO_CITATIONS:
            problems.append(f"rij {n}: grond {g!r} niet in de Woo-lijst")
    return Row(
        index=n, id=doc_id, document=filename, judgement=JUDGEMENTS.get(judgement_raw, "not_public"),
        grounds=grounds, matter=matter, family=opt_int("family"), thread=opt_int("threadid"),
        source_type=stype, date=when, suspended=is_true(opt("suspended")), links=links, remark=remark,
        refers_to=separate_values(opt("refers_to")), inquiry_numbers=inquiry,
    )  # fmt: skip


def match_files(rows: list[Row], file_names: list[str], strict: bool = False) -> dict[str, str]:
    """``{file name: row id}`` as the platform's upload matches them; a file without a row is
    missing from the result."""
    by_id = {r.id.lower(): r.id for r in rows}
    rx = FILE_ID_STRICT if strict else FILE_ID
    out = {}
    for name in file_names:
        m = rx.match(Path(name).name)
        if m and m.group(1).lower() in by_id:
            out[name] = by_id[m.group(1).lower()]
    return out
