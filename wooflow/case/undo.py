"""Undo of a reviewer's last action (bulk actions included).

An action runs inside :func:`recording`: the finding rows it may touch (those of some
documents and of some persons), their judgements and persons are read before and after, and the
difference is kept in ``case_undo`` with the rows inserted meanwhile (propagation). Undo puts the
"before" rows back, but only when nobody changed them since (else it refuses and names who
did); it is logged per finding (``finding.undo``), so optimistic locking sees it.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from wooflow.case import audit
from wooflow.exceptions import CaseError
from wooflow.store.repos import undo as undo_rows

if TYPE_CHECKING:
    from wooflow.case.case import Case

F_COLS, J_COLS, P_COLS = undo_rows.F_COLS, undo_rows.J_COLS, undo_rows.P_COLS
KEEP = 20  # undo steps kept per user


class StaleUndo(CaseError):
    """Someone changed the rows since: undo would overwrite their work."""


def _findings(case: Case, doc_ids: list[int], keys: list[str]) -> dict[int, list[Any]]:
    return undo_rows.findings(case.conn, doc_ids, keys)


def _judgements(case: Case, doc_ids: list[int]) -> dict[int, list[Any]]:
    return undo_rows.judgements(case.conn, doc_ids)


def _persons(case: Case, keys: list[str]) -> dict[str, list[Any]]:
    return undo_rows.persons(case.conn, keys)


@contextmanager
def recording(
    case: Case,
    label: str,
    doc_ids: Iterable[int] = (),
    person_keys: Iterable[str | None] = (),
    doc_id: int | None = None,
) -> Iterator[None]:
    """Run an action so that ``case.actor`` can undo it. Use inside ``case.transaction()``."""
    docs = sorted(set(doc_ids))
    keys = sorted({k for k in person_keys if k})
    before = _findings(case, docs, keys)
    j_before = _judgements(case, docs)
    p_before = _persons(case, keys)
    top = undo_rows.max_finding_id(case.conn)
    yield
    after = _findings(case, docs, keys)
    inserted = undo_rows.findings_after(case.conn, top)
    changed = [[before[i], after.get(i)] for i in before if before[i] != after.get(i)]
    j_after = _judgements(case, docs)
    judg = [[d, j_before.get(d), j_after.get(d)] for d in docs
            if j_before.get(d) != j_after.get(d)]
    p_after = _persons(case, keys)
    pers = [[k, p_before[k], p_after.get(k)] for k in p_before if p_before[k] != p_after.get(k)]
    if not (changed or inserted or judg or pers):
        return
    payload = {"changed": changed, "inserted": inserted, "judgements": judg, "persons": pers}
    undo_rows.push(case.conn, case.actor, label, doc_id, json.dumps(payload, ensure_ascii=False), audit.now(), KEEP)


def last_label(case: Case, username: str) -> str | None:
    """What :func:`undo_last` would undo for this user (None: nothing)."""
    row = undo_rows.last(case.conn, username)
    return None if row is None else str(row["label"])


def _who_changed(case: Case, finding_id: int) -> str:
    return undo_rows.last_finding_actor(case.conn, finding_id) or "iemand anders"


def undo_last(case: Case) -> tuple[str, int | None]:
    """Undo ``case.actor``'s last action; returns its label and document."""
    from wooflow.case.judgement import refresh

    with case.transaction() as conn:
        row = undo_rows.last(conn, case.actor)
        if row is None:
            raise CaseError("er is niets om ongedaan te maken")
        payload = json.loads(row["payload"])
        ids = [b[0] for b, _a in payload["changed"]] + [r[0] for r in payload["inserted"]]
        now = _findings_by_id(case, ids)
        for b, a in payload["changed"]:
            if now.get(b[0]) != a:
                who = _who_changed(case, b[0])
                raise StaleUndo(
                    f"ongedaan maken kan niet meer: {who} heeft “{b[4]}” intussen gewijzigd"
                )
        for r in payload["inserted"]:
            if now.get(r[0]) != r:
                who = _who_changed(case, r[0])
                raise StaleUndo(
                    f"ongedaan maken kan niet meer: {who} heeft “{r[4]}” intussen gewijzigd"
                )
        if payload.get("extra"):  # persons merged, split or marked "geen persoon"
            from wooflow.case.person_edit import undo_extra

            undo_extra(case, payload["extra"])
        docs: set[int] = set()
        for b, a in payload["changed"]:
            if a is None:  # deleted by the action: put it back
                undo_rows.restore_finding(conn, b)
            else:
                undo_rows.update_finding(conn, b)
            docs.add(b[1])
            audit.log(conn, case.actor, "finding.undo", b[1], str(b[0]), text=b[4],
                      status=b[11], previous=a[11] if a else None)
        for r in payload["inserted"]:
            undo_rows.delete_finding(conn, r[0])
            docs.add(r[1])
            audit.log(conn, case.actor, "finding.undo", r[1], str(r[0]), text=r[4],
                      status="verwijderd", previous=r[11])
        for d, before, _after in payload["judgements"]:
            undo_rows.restore_judgement(conn, d, before)
            audit.log(conn, case.actor, "judgement.undo", d, before[1] if before else "automatisch")
            docs.add(d)
        for key, before, _after in payload["persons"]:
            undo_rows.restore_person(conn, [key, *before[1:]])
            audit.log(conn, case.actor, "person.undo", target=key, decision=before[1])
        if payload.get("areas"):
            from wooflow.case.areas import undo_areas

            docs |= undo_areas(case, payload["areas"])
        undo_rows.mark_done(conn, row["id"])
        audit.log(conn, case.actor, "undo", row["doc_id"], detail={"wat": row["label"]})
        refresh(case, docs)
    return str(row["label"]), row["doc_id"]


def _findings_by_id(case: Case, ids: list[int]) -> dict[int, list[Any]]:
    return undo_rows.findings_by_id(case.conn, ids)
