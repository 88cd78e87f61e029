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
from wooflow.store.repos import findings as finding_rows

if TYPE_CHECKING:
    from wooflow.case.case import Case


def keep_public_items(
    case: Case,
    doc_id: int | None = None,
    category: str | None = None,
    person_key: str | None = None,
) -> list[Any]:
    """Open "blijft openbaar" proposals (keep-findings) matching the filters."""
    return finding_rows.open_keep_items(case.conn, doc_id, category, person_key)


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
        finding_rows.accept_many(conn, [int(r["id"]) for r in rows], case.actor, now)
        for r in rows:
            audit.log(conn, case.actor, "finding.accept", r["doc_id"], str(r["id"]),
                      previous="proposed", text=r["text"], bulk=True)
        refresh(case, {r["doc_id"] for r in rows})
    return [int(r["id"]) for r in rows]


def same_redactions(case: Case, finding_id: int) -> list[Any]:
    """Every standing redaction of the same thing: the same person, else the same text and
    category (case-insensitive), in the whole case."""
    row = finding_rows.get(case.conn, finding_id)
    if row is None:
        raise CaseError(f"bevinding {finding_id} bestaat niet")
    return finding_rows.standing_redactions(case.conn, row["person_key"], row["text"], row["category"])


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
        one = finding_rows.get(conn, finding_id)
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
            finding_rows.change_ground(conn, r["id"], new_ground, new_cat, case.actor, now)
            audit.log(conn, case.actor, "finding.change", r["doc_id"], str(r["id"]),
                      text=r["text"], ground=new_ground, previous_ground=r["ground"],
                      category=new_cat, previous_category=r["category"])
        refresh(case, {r["doc_id"] for r in rows})
    return [int(r["id"]) for r in rows]
