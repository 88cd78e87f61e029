"""Start a case from an existing productierapport (ZyLAB / VWS platform style, xlsx or csv).

``import_report(report, files_dir, case_dir, cfg)`` reads the report with the VWS platform's
column names and aliases (``ID``, ``Document``, ``Beoordeling``, ``Beoordelingsgrond`` required;
``Matter``, ``Family ID``, ``Email Thread ID``, ``Datum``, ``Toelichting``, ``Publieke link``,
``Gerelateerd ID``, ``Opgeschort``, ``File type`` optional), matches each file under
``files_dir`` to its row by the leading ``[A-Za-z0-9-]+`` of the file name (the platform's
rule), stores the files in the case and keeps, per row:

- the ID as the inventory number (numeric IDs only: wooflow numbers documents);
- the family and thread IDs (written back into the inventory as they were);
- the judgement, grounds, remark and link as a judgement set by "productierapport" (a reviewer
  can change it; dedupe never overwrites it); "niet openbaar" with the ground ``dubbel`` becomes
  wooflow's "dubbel" of the row named in Gerelateerd ID.

A row without a file stays in the inventory with its judgement (a withheld document often has
no file); a row judged (deels) openbaar without a file is listed as "niet ingelezen: bestand
ontbreekt". Bad rows get one Dutch line each and are skipped; the rest is imported.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
from dataclasses import asdict, dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from wooflow.case.publish.inventory import NUMBERS_FILE, Numbering
from wooflow.exceptions import CaseError, ConfigError

STATE_FILE = "productierapport.json"  # in the case folder: family/thread ids, rows without a file
# A judgement taken over from a productierapport is a reviewer's judgement (dedupe and the
# policy never overwrite it); the audit log names the actor "productierapport".
SET_BY = "reviewer"
ACTOR = "productierapport"

# The platform's column names per field (InventoryReaderFactory); first match wins.
ALIASES: dict[str, tuple[str, ...]] = {
    "date": ("date", "datum"),
    "document": ("document", "document id", "documentnr", "document nr", "documentnr.", "document nr.",
                 "nr.", "omschrijving", "name"),
    "family": ("family", "familie", "family id"),
    "file_type": ("file type", "filetype"),
    "grounds": ("beoordelingsgrond", "grond", "tagmulti006", "beoordelingsgrond (; gescheiden)"),
    "id": ("id",),
    "judgement": ("beoordeling", "openbaarmaking"),
    "thread": ("thread id", "email thread id", "email thread"),
    "case_number": ("zaaknr", "casenr", "zaak", "case", "zaaknummer"),
    "suspended": ("opgeschort", "suspended", "tag015"),
    "link": ("publiekelinktag", "publieke link", "publiekelink", "publicatielink", "publicatie link",
             "publiekelink ( | gescheiden)"),
    "remark": ("toelichting", "opmerking"),
    "matter": ("matter", "matter / marjoleinnummer"),
    "refers_to": ("gerelateerd id",),
}  # fmt: skip
REQUIRED = ("id", "document", "judgement", "grounds")
JUDGEMENTS = {"openbaar", "deels openbaar", "reeds openbaar", "niet openbaar"}
FILE_ID = re.compile(r"^([A-Za-z0-9\-]+)")


@dataclass(slots=True)
class ReportRow:
    line: int
    id: int
    document: str
    judgement: str
    grounds: list[str]
    matter: str = ""
    family: int | None = None
    thread: int | None = None
    date: str | None = None
    remark: str = ""
    link: str = ""
    refers_to: str = ""
    suspended: bool = False


@dataclass(slots=True)
class ImportSummary:
    rows: int = 0
    matched: int = 0
    without_file: int = 0
    stored: int = 0
    problems: list[str] = field(default_factory=list)  # one Dutch line each
    unmatched_files: list[str] = field(default_factory=list)


def _header(name: str) -> str:
    name = name.strip().lower()
    return name.lstrip("0123456789").strip()


def _table(path: Path) -> list[list[str]]:
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        import openpyxl

        try:
            ws = openpyxl.load_workbook(path, read_only=True, data_only=True).worksheets[0]
        except Exception as exc:  # noqa: BLE001 - any damage: one Dutch line
            raise ConfigError(f"{path}: productierapport niet te lezen ({type(exc).__name__})") from exc
        return [[_cell(v) for v in row] for row in ws.iter_rows(values_only=True)]
    text = path.read_bytes().decode("utf-8-sig", errors="replace")
    dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t") if text.strip() else csv.excel
    return [list(r) for r in csv.reader(io.StringIO(text, newline=""), dialect)]


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _date(value: str) -> str | None:
    value = value.strip()
    for fmt in ("%Y-%m-%d", "%d-%m-%Y", "%Y/%m/%d", "%d/%m/%Y", "%m/%d/%Y", "%Y-%m-%d %H:%M:%S", "%d/%m/%Y %H:%M"):
        try:
            return datetime.strptime(value[:19] if " " in fmt else value[:10], fmt).date().isoformat()
        except ValueError:
            continue
    return None


def read_report(path: Path) -> tuple[list[ReportRow], list[str]]:
    """Rows and one Dutch problem line per row that cannot be used."""
    table = [r for r in _table(Path(path)) if any(c.strip() for c in r)]
    if not table:
        raise ConfigError(f"{path}: leeg productierapport")
    cols: dict[str, int] = {}
    for idx, head in enumerate(table[0]):
        name = _header(head)
        for key, names in ALIASES.items():
            if key not in cols and name in names:
                cols[key] = idx
    missing = [k for k in REQUIRED if k not in cols]
    if missing:
        raise ConfigError(
            f"{path}: kolommen ontbreken: {', '.join(missing)} (nodig: ID, Document, Beoordeling, Beoordelingsgrond)"
        )
    rows: list[ReportRow] = []
    problems: list[str] = []
    for n, cells in enumerate(table[1:], start=2):

        def get(key: str, raw: list[str] = cells) -> str:
            return raw[cols[key]].strip() if key in cols and cols[key] < len(raw) else ""

        ident = get("id")
        if not ident.isdigit():
            problems.append(f"rij {n}: ID {ident!r} is niet numeriek; wooflow nummert documenten met cijfers")
            continue
        judgement = get("judgement").lower()
        if judgement not in JUDGEMENTS:
            problems.append(f"rij {n}: beoordeling {get('judgement')!r} onbekend; gelezen als 'niet openbaar'")
            judgement = "niet openbaar"
        grounds = [g.strip().replace(" ", "") for g in get("grounds").split(";") if g.strip()]
        grounds = [re.sub(r"^(5\.1\.[12])\.([a-i])$", r"\1\2", g) for g in grounds]

        def number(key: str) -> int | None:
            m = re.match(r"\s*(\d+)", get(key))
            return int(m.group(1)) if m and int(m.group(1)) > 0 else None

        rows.append(
            ReportRow(
                line=n, id=int(ident), document=get("document"), judgement=judgement, grounds=grounds,
                matter=get("matter"), family=number("family"), thread=number("thread"),
                date=_date(get("date")) if get("date") else None, remark=get("remark"),
                link=get("link").split("|")[0].strip(), refers_to=get("refers_to").split(";")[0].strip(),
                suspended=get("suspended").lower() in ("true", "ja", "yes", "1", "y", "j"),
            )
        )  # fmt: skip
    seen: set[int] = set()
    for r in rows:
        if r.id in seen:
            problems.append(f"rij {r.line}: ID {r.id} komt vaker voor; alleen de eerste telt")
        seen.add(r.id)
    return rows, problems


def match_files(rows: list[ReportRow], files_dir: Path) -> tuple[dict[int, str], list[str]]:
    """``{row id: file path}`` by the leading ID of each file name, and the files that match no row."""
    from wooflow.ingest import expand_paths

    ids = {r.id for r in rows}
    found: dict[int, str] = {}
    strays = []
    for path in expand_paths([str(files_dir)]):
        m = FILE_ID.match(os.path.basename(path))
        key = int(m.group(1)) if m and m.group(1).isdigit() else None
        if key in ids and key not in found:
            found[key] = os.path.abspath(path)
        else:
            strays.append(path)
    return found, strays


def import_report(report: Path, files_dir: Path, case_dir: Path | str, cfg: Any) -> ImportSummary:
    """Create or extend the case in ``case_dir`` from a productierapport and its files."""
    from wooflow.case.index import index_new
    from wooflow.case.judgement import judge
    from wooflow.case.publish.process import open_case
    from wooflow.case.publish.source import record_key
    from wooflow.store import ingest_paths, parse_location

    rows, problems = read_report(Path(report))
    first: dict[int, ReportRow] = {}
    for r in rows:
        first.setdefault(r.id, r)
    rows = list(first.values())
    summary = ImportSummary(rows=len(rows), problems=problems)
    files, summary.unmatched_files = match_files(rows, Path(files_dir))
    if not cfg.case_number:
        matters = {r.matter for r in rows if r.matter}
        cfg.case_number = matters.pop() if len(matters) == 1 else None
    case = open_case(parse_location(case_dir), cfg)
    try:
        events: list[Any] = []
        ingest_paths(case.store, sorted(files.values()), on_event=events.append)
        summary.stored = sum(1 for e in events if e.status == "stored")
        index_new(case)
        by_path = {r.path: r for r in case.records() if r.parent_id is None}
        numbering = Numbering(case.dir)
        state: dict[str, Any] = {"version": 1, "family": {}, "thread": {}, "rows": []}
        doc_of: dict[int, int] = {}
        for r in rows:
            rec = by_path.get(files.get(r.id, ""))
            if rec is None:
                if r.id in files:
                    problems.append(f"rij {r.line}: {files[r.id]} kon niet worden ingelezen")
                summary.without_file += 1
                key = f"productierapport:{r.id}"
                state["rows"].append({"key": key, **asdict(r)})
            else:
                summary.matched += 1
                key = record_key(rec)
                doc_of[r.id] = rec.doc_id
            numbering.numbers[key] = r.id
            if r.family:
                state["family"][key] = r.family
            if r.thread:
                state["thread"][key] = r.thread
        actor, case.actor = case.actor, ACTOR
        try:
            for r in rows:
                if r.id in doc_of:
                    _judge(case, judge, r, doc_of, problems)
        finally:
            case.actor = actor
        numbering.save()
        body = json.dumps(state, ensure_ascii=False, indent=1).encode("utf-8")
        from wooflow.case.publish.package import atomic_write

        atomic_write(case.dir / STATE_FILE, body)
    finally:
        case.close()
    return summary


def _judge(case: Any, judge: Any, r: ReportRow, doc_of: dict[int, int], problems: list[str]) -> None:
    try:
        if r.grounds == ["dubbel"] and r.refers_to.isdigit() and int(r.refers_to) in doc_of:
            judge(case, doc_of[r.id], "dubbel", r.remark, duplicate_of=doc_of[int(r.refers_to)], set_by=SET_BY)
            return
        grounds = [g for g in r.grounds if g != "dubbel"]
        judge(case, doc_of[r.id], r.judgement, r.remark, link=r.link or None, grounds=grounds or None, set_by=SET_BY)
    except CaseError as exc:
        problems.append(f"rij {r.line}: beoordeling niet overgenomen: {exc}")


def load_state(case_dir: Path) -> dict[str, Any]:
    """What an import left for the publication: family/thread ids and rows without a file."""
    path = Path(case_dir) / STATE_FILE
    if not path.is_file():
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return data if isinstance(data, dict) else {}
    except ValueError as exc:
        raise CaseError(f"{path}: beschadigd ({exc})") from exc


__all__ = ["NUMBERS_FILE", "ImportSummary", "import_report", "load_state", "read_report"]
