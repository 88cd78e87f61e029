"""Review actions on many findings at once, and changing a redaction's ground or category.

Each action is logged per finding (so optimistic locking and the audit log see every one) and
refreshes the derived judgements once. Wrap in :func:`wooflow.case.undo.recording` to make it
undoable.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from wooflow.case import audit
from wooflow.case.judgement import normalise_ground, refresh
from wooflow.exceptions import CaseError

if TYPE_CHECKING:
    from wooflow.case.case import Case


def keep_public_items(
    case: Case,
    doc_id: int | None = None,
    category: str | None = None,
    person_key: str | None = None,
) -> list[Any]:
    """Open "blijft openbaar" proposals (keep-findings) matching the filters."""
    sql = "SELECT id, doc_id, text, person_key FROM case_findings WHERE status='proposed' AND action='keep'"
    args: list[Any] = []
    for col, value in (("doc_id", doc_id), ("category", category), ("person_key", person_key)):
        if value is not None:
            sql += f" AND {col}=?"
            args.append(value)
    return list(case.conn.execute(sql + " ORDER BY doc_id, start", args))


def accept_keep(
    case: Case,
    doc_id: int | None = None,
    category: str | None = None,
    person_key: str | None = None,
) -> list[int]:
    """Confirm every open keep-public item of a document, a category and/or a person."""
    if doc_id is None and category is None and person_key is None:
        raise CaseError("kies een document, soort of persoon: alles tegelijk accepteren kan niet")
    now = audit.now()
    with case.transaction() as conn:
        rows = keep_public_items(case, doc_id, category, person_key)
        conn.executemany(
            "UPDATE case_findings SET status='accepted', reviewer=?, reviewed_at=? WHERE id=?",
            [(case.actor, now, r["id"]) for r in rows],
        )
        for r in rows:
            audit.log(conn, case.actor, "finding.accept", r["doc_id"], str(r["id"]),
                      previous="proposed", text=r["text"], bulk=True)
        refresh(case, {r["doc_id"] for r in rows})
    return [int(r["id"]) for r in rows]


def same_redactions(case: Case, finding_id: int) -> list[Any]:
    """Every standing redaction of the same thing: the same person, else the same text and
    category (case-insensitive), in the whole case."""
    row = case.conn.execute("SELECT * FROM case_findings WHERE id=?", (finding_id,)).fetchone()
    if row is None:
        raise CaseError(f"bevinding {finding_id} bestaat niet")
    base = "SELECT * FROM case_findings WHERE action='redact' AND status != 'rejected'"
    if row["person_key"]:
        return list(case.conn.execute(base + " AND person_key=?", (row["person_key"],)))
    return list(
        case.conn.execute(
            base + " AND lower(text)=lower(?) AND category=?", (row["text"], row["category"])
        )
    )


def change(
    case: Case,
    finding_id: int,
    ground: str | None = None,
    category: str | None = None,
    everywhere: bool = False,
) -> list[int]:
    """Change the ground and/or category of one redaction, or of all of the same thing."""
    from wooflow.understand import GROUND_LABELS

    code = normalise_ground(ground) if ground else None
    if code is not None and code not in GROUND_LABELS:
        raise CaseError(f"onbekende weigeringsgrond {ground}")
    with case.transaction() as conn:
        one = conn.execute("SELECT * FROM case_findings WHERE id=?", (finding_id,)).fetchone()
        if one is None:
            raise CaseError(f"bevinding {finding_id} bestaat niet")
        if one["action"] != "redact":
            raise CaseError("dit is geen lakking: kies eerst 'toch lakken'")
        rows = same_redactions(case, finding_id) if everywhere else [one]
        now = audit.now()
        for r in rows:
            new_ground = code or r["ground"]
            new_cat = category or r["category"]
            if (new_ground, new_cat) == (r["ground"], r["category"]):
                continue
            conn.execute(
                "UPDATE case_findings SET ground=?, category=?, reviewer=?, reviewed_at=?,"
                " status=CASE WHEN status='proposed' THEN 'accepted' ELSE status END WHERE id=?",
                (new_ground, new_cat, case.actor, now, r["id"]),
            )
            audit.log(conn, case.actor, "finding.change", r["doc_id"], str(r["id"]),
                      text=r["text"], ground=new_ground, previous_ground=r["ground"],
                      category=new_cat, previous_category=r["category"])
        refresh(case, {r["doc_id"] for r in rows})
    return [int(r["id"]) for r in rows]
