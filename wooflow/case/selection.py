"""One action on a selection of findings of one document (the document page's multi-select).

The reviewer ticks findings (or "everything on this page", or every finding of a category in
the document) and accepts, rejects or changes the ground of all of them at once. Each finding
is logged as by the single actions (``finding.accept`` / ``finding.reject`` /
``finding.change``, with ``selectie``), so optimistic locking, undo and the audit log see every
one; the derived judgement is refreshed once. Findings the action does not apply to (an
accepted redaction to accept again, a "blijft openbaar" item to reject or give a ground) are
skipped and counted. Wrap in :func:`wooflow.case.undo.recording` to make it undoable.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from wooflow.case import audit
from wooflow.case.judgement import normalise_ground, refresh
from wooflow.exceptions import CaseError
from wooflow.store.repos import findings as finding_rows
from wooflow.store.repos import persons as person_rows

if TYPE_CHECKING:
    from wooflow.case.case import Case

ACTIONS = ("accept", "reject", "ground")
MAX_SELECTED = 20_000  # one document's findings at most (the largest measured document)


@dataclass(slots=True)
class Outcome:
    """What one selection action did."""

    redacted: list[int] = field(default_factory=list)  # redactions accepted
    kept: list[int] = field(default_factory=list)  # "blijft openbaar" items confirmed
    rejected: list[int] = field(default_factory=list)
    changed: list[int] = field(default_factory=list)  # ground changed
    skipped: list[int] = field(default_factory=list)  # the action does not apply
    persons: list[str] = field(default_factory=list)  # persons now redacted case-wide

    @property
    def done(self) -> int:
        return len(self.redacted) + len(self.kept) + len(self.rejected) + len(self.changed)


def rows_of(case: Case, doc_id: int) -> dict[int, Any]:
    """The document's findings by id."""
    return {int(r["id"]): r for r in finding_rows.rows(case.conn, doc_id)}


def resolve(
    case: Case,
    doc_id: int,
    ids: Iterable[int] = (),
    categories: Iterable[str] = (),
    proposed_only: bool = False,
) -> list[Any]:
    """The selected findings of ``doc_id``: the ticked ``ids`` plus every finding of the ticked
    ``categories`` (only proposals when the page shows only those). An id of another document
    is refused: a form never sends one."""
    rows = rows_of(case, doc_id)
    wanted = set(ids)
    foreign = wanted - rows.keys()
    if foreign:
        raise CaseError(f"bevinding {min(foreign)} hoort niet bij dit document")
    cats = set(categories)
    if cats:
        wanted |= {
            i for i, r in rows.items()
            if r["category"] in cats and (not proposed_only or r["status"] == "proposed")
        }
    if not wanted:
        raise CaseError("kies eerst een of meer bevindingen (vink ze aan)")
    if len(wanted) > MAX_SELECTED:
        raise CaseError(f"te veel bevindingen tegelijk (meer dan {MAX_SELECTED})")
    return [rows[i] for i in sorted(wanted, key=lambda i: (rows[i]["start"], i))]


def applies(row: Any, action: str) -> bool:
    """Whether ``action`` changes this finding (else it is skipped)."""
    if action == "accept":
        if row["action"] == "keep":
            return bool(row["status"] == "proposed")
        return row["status"] not in ("accepted", "added")
    if action == "reject":
        return row["action"] == "redact" and row["status"] != "rejected"
    return row["action"] == "redact" and row["status"] != "rejected"  # ground


def apply(case: Case, doc_id: int, rows: list[Any], action: str, ground: str | None = None) -> Outcome:
    """Accept, reject or re-ground the selected findings ``rows`` (from :func:`resolve`).

    Accepting a person's redaction redacts that person case-wide, as the single action does.
    """
    from wooflow.understand import GROUND_LABELS

    if action not in ACTIONS:
        raise CaseError("kies wat er met de selectie moet gebeuren")
    code = normalise_ground(ground) if ground else None
    if action == "ground" and (code is None or code not in GROUND_LABELS):
        raise CaseError("kies de nieuwe weigeringsgrond voor de selectie")
    out = Outcome()
    now = audit.now()
    with case.transaction() as conn:
        for r in rows:
            fid = int(r["id"])
            if not applies(r, action):
                out.skipped.append(fid)
                continue
            if action == "ground":
                if r["ground"] == code and r["status"] != "proposed":
                    out.skipped.append(fid)
                    continue
                finding_rows.change_ground(conn, fid, code, r["category"], case.actor, now)  # type: ignore[arg-type]
                audit.log(conn, case.actor, "finding.change", doc_id, str(fid), text=r["text"],
                          ground=code, previous_ground=r["ground"], category=r["category"],
                          previous_category=r["category"], selectie=True)
                out.changed.append(fid)
                continue
            status = "accepted" if action == "accept" else "rejected"
            finding_rows.set_status(conn, fid, status, case.actor, now)
            audit.log(conn, case.actor, f"finding.{action}", doc_id, str(fid), previous=r["status"],
                      text=r["text"], category=r["category"], selectie=True)
            if action == "reject":
                out.rejected.append(fid)
            elif r["action"] == "keep":
                out.kept.append(fid)
            else:
                out.redacted.append(fid)
                key = r["person_key"]
                if key and key not in out.persons:
                    out.persons.append(key)
        if out.persons:
            from wooflow.case.persons import set_decision

            for key in list(out.persons):
                decision = person_rows.decision(conn, key)
                if decision is None or decision == "redact":
                    out.persons.remove(key)
                    continue
                set_decision(case, key, "redact")
        refresh(case, [doc_id])
    return out
