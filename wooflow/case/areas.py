"""Area redactions in a case: boxes a reviewer drew on a page (a signature, a photo, a stamp).

Stored in ``case_areas`` in the page coordinates of the page view (= the redactor's: PDF points
of the published PDF, unrotated, origin top-left). A removed area stays as a row with status
``removed`` (the audit log and undo refer to it). Each action is logged (``area.add``,
``area.remove``) and can be undone (``case_undo`` with an ``areas`` entry, see
:mod:`wooflow.case.undo`). The publish step gives the active areas of a document to the
redactor (:func:`redaction_areas`).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import TYPE_CHECKING

from wooflow.case import audit
from wooflow.exceptions import CaseError
from wooflow.store.repos import areas as area_rows

if TYPE_CHECKING:
    import sqlite3

    from wooflow.case.case import Case
    from wooflow.redact.areas import Area as RedactArea
    from wooflow.store import CaseStore

KINDS = {
    "handtekening": "handtekening",
    "foto": "foto",
    "stempel": "stempel",
    "overig": "ander vlak",
}

SCHEMA = """
CREATE TABLE IF NOT EXISTS case_areas (
    id INTEGER PRIMARY KEY,
    doc_id INTEGER NOT NULL,
    page INTEGER NOT NULL,           -- 0-based page of the published PDF
    x0 REAL NOT NULL, y0 REAL NOT NULL, x1 REAL NOT NULL, y1 REAL NOT NULL,  -- PDF points
    ground TEXT NOT NULL,
    kind TEXT NOT NULL,              -- handtekening | foto | stempel | overig
    status TEXT NOT NULL,            -- active | removed
    actor TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS case_areas_doc ON case_areas(doc_id, page);
"""


def ensure_schema(store: CaseStore) -> None:
    """Create the areas table (and the people tables, whose undo it uses); idempotent."""
    from wooflow.case.users import ensure_schema as people

    people(store)
    store.ensure_schema("case_areas", SCHEMA)


@dataclass(frozen=True, slots=True)
class CaseArea:
    id: int
    doc_id: int
    page: int
    x0: float
    y0: float
    x1: float
    y1: float
    ground: str
    kind: str
    status: str
    actor: str
    created_at: str

    @property
    def width(self) -> float:
        return self.x1 - self.x0

    @property
    def height(self) -> float:
        return self.y1 - self.y0

    @property
    def kind_label(self) -> str:
        return KINDS.get(self.kind, self.kind)

    def for_redactor(self) -> RedactArea:
        from wooflow.redact.areas import Area

        return Area(self.page, self.x0, self.y0, self.x1, self.y1, self.ground)


def _row(r: sqlite3.Row) -> CaseArea:
    return CaseArea(
        int(r["id"]), int(r["doc_id"]), int(r["page"]), float(r["x0"]), float(r["y0"]),
        float(r["x1"]), float(r["y1"]), str(r["ground"]), str(r["kind"]), str(r["status"]),
        str(r["actor"]), str(r["created_at"]),
    )  # fmt: skip


def areas(case: Case, doc_id: int | None = None, page: int | None = None) -> list[CaseArea]:
    """Active areas, of one document (and page) or of the whole case."""
    return [_row(r) for r in area_rows.active(case.conn, doc_id, page)]


def area(case: Case, area_id: int) -> CaseArea:
    r = area_rows.get(case.conn, area_id)
    if r is None:
        raise CaseError(f"vlak {area_id} bestaat niet")
    return _row(r)


def redaction_areas(case: Case) -> dict[int, list[RedactArea]]:
    """Document id -> its active areas as the redactor takes them."""
    out: dict[int, list[RedactArea]] = {}
    for a in areas(case):
        out.setdefault(a.doc_id, []).append(a.for_redactor())
    return out


def grounds_by_doc(conn: sqlite3.Connection, doc_ids: list[int] | None) -> dict[int, set[str]]:
    """Document id -> grounds of its active areas (for the derived judgement)."""
    out: dict[int, set[str]] = {}
    for doc_id, ground in area_rows.grounds(conn, doc_ids):
        out.setdefault(doc_id, set()).add(ground)
    return out


def _record_undo(case: Case, label: str, doc_id: int, area_id: int, before: str, after: str) -> None:
    payload = {"changed": [], "inserted": [], "judgements": [], "persons": [],
               "areas": [[area_id, before, after]]}  # fmt: skip
    area_rows.push_undo(case.conn, case.actor, label, doc_id, json.dumps(payload), audit.now())


def add_area(
    case: Case,
    doc_id: int,
    page: int,
    rect: tuple[float, float, float, float],
    ground: str,
    kind: str = "handtekening",
    page_size: tuple[float, float] | None = None,
) -> CaseArea:
    """Draw an area on ``page`` (0-based) of a document; ``rect`` = (x0, y0, x1, y1) in points.

    The rectangle is normalised and clipped to ``page_size`` (width, height) when given."""
    from wooflow.case.judgement import normalise_ground, refresh
    from wooflow.redact.areas import MIN_SIDE
    from wooflow.understand import GROUND_LABELS

    case.record(doc_id)
    code = normalise_ground(ground or "")
    if code not in GROUND_LABELS:
        raise CaseError("kies een weigeringsgrond voor het vlak")
    if kind not in KINDS:
        raise CaseError(f"onbekende soort vlak: {kind}")
    x0, x1 = sorted((float(rect[0]), float(rect[2])))
    y0, y1 = sorted((float(rect[1]), float(rect[3])))
    if page_size is not None:
        w, h = page_size
        x0, x1 = max(0.0, min(x0, w)), max(0.0, min(x1, w))
        y0, y1 = max(0.0, min(y0, h)), max(0.0, min(y1, h))
    if x1 - x0 < MIN_SIDE or y1 - y0 < MIN_SIDE:
        raise CaseError("het vlak is te klein: trek een rechthoek over wat weg moet")
    if page < 0:
        raise CaseError(f"pagina {page + 1} bestaat niet in dit document")
    now = audit.now()
    with case.transaction() as conn:
        area_id = area_rows.insert(conn, doc_id, page, (round(x0, 2), round(y0, 2), round(x1, 2),
                                   round(y1, 2)), code, kind, case.actor, now)  # fmt: skip
        audit.log(conn, case.actor, "area.add", doc_id, f"vlak:{area_id}", pagina=page + 1,
                  soort=KINDS[kind], ground=code)  # fmt: skip
        _record_undo(case, f"{KINDS[kind]} lakken (pagina {page + 1})", doc_id, area_id, "removed", "active")
        refresh(case, [doc_id])
    return area(case, area_id)


def remove_area(case: Case, area_id: int) -> CaseArea:
    """Take an area away again (the row stays, status ``removed``)."""
    from wooflow.case.judgement import refresh

    a = area(case, area_id)
    if a.status != "active":
        raise CaseError("dit vlak is al verwijderd")
    with case.transaction() as conn:
        area_rows.set_status(conn, area_id, "removed")
        audit.log(conn, case.actor, "area.remove", a.doc_id, f"vlak:{area_id}", pagina=a.page + 1,
                  soort=a.kind_label, ground=a.ground)  # fmt: skip
        _record_undo(case, f"{a.kind_label} verwijderen (pagina {a.page + 1})", a.doc_id, area_id,
                     "active", "removed")  # fmt: skip
        refresh(case, [a.doc_id])
    return area(case, area_id)


def undo_areas(case: Case, entries: list[list[object]]) -> set[int]:
    """Put areas back as they were before an action (inside the undo's transaction).
    Refuses (CaseError) when an area changed since; returns the documents touched."""
    docs: set[int] = set()
    for area_id, before, after in entries:
        a = area(case, int(str(area_id)))
        if a.status != after:
            raise CaseError("ongedaan maken kan niet meer: iemand heeft dit vlak intussen gewijzigd")
        area_rows.set_status(case.conn, a.id, str(before))
        audit.log(case.conn, case.actor, "area.undo", a.doc_id, f"vlak:{a.id}", status=str(before))
        docs.add(a.doc_id)
    return docs


__all__ = [
    "KINDS",
    "CaseArea",
    "add_area",
    "area",
    "areas",
    "ensure_schema",
    "grounds_by_doc",
    "redaction_areas",
    "remove_area",
    "undo_areas",
]
