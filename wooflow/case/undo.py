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

if TYPE_CHECKING:
    from wooflow.case.case import Case

F_COLS = ("id", "doc_id", "start", "end", "text", "category", "action", "ground", "score",
          "recognizer", "reason", "status", "source", "person_key", "reviewer", "reviewed_at",
          "created_at")
J_COLS = ("doc_id", "judgement", "link", "duplicate_of", "explanation", "grounds", "set_by",
          "actor", "set_at")
P_COLS = ("key", "decision", "decided_by", "decided_at")
KEEP = 20  # undo steps kept per user


class StaleUndo(CaseError):
    """Someone changed the rows since: undo would overwrite their work."""


def _marks(n: int) -> str:
    return ",".join("?" * n)


def _findings(case: Case, doc_ids: list[int], keys: list[str]) -> dict[int, list[Any]]:
    out: dict[int, list[Any]] = {}
    cols = ", ".join(f'"{c}"' for c in F_COLS)
    if doc_ids:
        for r in case.conn.execute(
            f"SELECT {cols} FROM case_findings WHERE doc_id IN ({_marks(len(doc_ids))})", doc_ids
        ):
            out[r[0]] = list(r)
    if keys:
        for r in case.conn.execute(
            f"SELECT {cols} FROM case_findings WHERE person_key IN ({_marks(len(keys))})", keys
        ):
            out[r[0]] = list(r)
    return out


def _judgements(case: Case, doc_ids: list[int]) -> dict[int, list[Any]]:
    if not doc_ids:
        return {}
    rows = case.conn.execute(
        f"SELECT {', '.join(J_COLS)} FROM case_judgements WHERE doc_id IN ({_marks(len(doc_ids))})",
        doc_ids,
    )
    return {r[0]: list(r) for r in rows}


def _persons(case: Case, keys: list[str]) -> dict[str, list[Any]]:
    if not keys:
        return {}
    rows = case.conn.execute(
        f"SELECT {', '.join(P_COLS)} FROM case_persons WHERE key IN ({_marks(len(keys))})", keys
    )
    return {r[0]: list(r) for r in rows}


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
    top = case.conn.execute("SELECT COALESCE(MAX(id), 0) FROM case_findings").fetchone()[0]
    yield
    after = _findings(case, docs, keys)
    cols = ", ".join(f'"{c}"' for c in F_COLS)
    inserted = [list(r) for r in case.conn.execute(
        f"SELECT {cols} FROM case_findings WHERE id > ?", (top,))]
    changed = [[before[i], after.get(i)] for i in before if before[i] != after.get(i)]
    j_after = _judgements(case, docs)
    judg = [[d, j_before.get(d), j_after.get(d)] for d in docs
            if j_before.get(d) != j_after.get(d)]
    p_after = _persons(case, keys)
    pers = [[k, p_before[k], p_after.get(k)] for k in p_before if p_before[k] != p_after.get(k)]
    if not (changed or inserted or judg or pers):
        return
    payload = {"changed": changed, "inserted": inserted, "judgements": judg, "persons": pers}
    case.conn.execute(
        "INSERT INTO case_undo(username, label, doc_id, payload, at) VALUES (?,?,?,?,?)",
        (case.actor, label, doc_id, json.dumps(payload, ensure_ascii=False), audit.now()),
    )
    case.conn.execute(
        "DELETE FROM case_undo WHERE username=? AND id NOT IN (SELECT id FROM case_undo"
        " WHERE username=? ORDER BY id DESC LIMIT ?)",
        (case.actor, case.actor, KEEP),
    )


def last_label(case: Case, username: str) -> str | None:
    """What :func:`undo_last` would undo for this user (None: nothing)."""
    row = case.conn.execute(
        "SELECT label FROM case_undo WHERE username=? AND done=0 ORDER BY id DESC LIMIT 1",
        (username,),
    ).fetchone()
    return None if row is None else str(row[0])


def _who_changed(case: Case, finding_id: int) -> str:
    row = case.conn.execute(
        "SELECT actor, at FROM case_audit WHERE target=? AND action LIKE 'finding.%'"
        " ORDER BY id DESC LIMIT 1",
        (str(finding_id),),
    ).fetchone()
    return str(row["actor"]) if row else "iemand anders"


def undo_last(case: Case) -> tuple[str, int | None]:
    """Undo ``case.actor``'s last action; returns its label and document."""
    from wooflow.case.judgement import refresh

    with case.transaction() as conn:
        row = conn.execute(
            "SELECT id, label, doc_id, payload FROM case_undo WHERE username=? AND done=0"
            " ORDER BY id DESC LIMIT 1",
            (case.actor,),
        ).fetchone()
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
        sets = ", ".join(f'"{c}"=?' for c in F_COLS[1:])
        docs: set[int] = set()
        for b, a in payload["changed"]:
            if a is None:  # deleted by the action: put it back
                conn.execute(f"INSERT INTO case_findings({', '.join(chr(34) + c + chr(34) for c in F_COLS)})"
                             f" VALUES ({_marks(len(F_COLS))})", b)
            else:
                conn.execute(f"UPDATE case_findings SET {sets} WHERE id=?", [*b[1:], b[0]])
            docs.add(b[1])
            audit.log(conn, case.actor, "finding.undo", b[1], str(b[0]), text=b[4],
                      status=b[11], previous=a[11] if a else None)
        for r in payload["inserted"]:
            conn.execute("DELETE FROM case_findings WHERE id=?", (r[0],))
            docs.add(r[1])
            audit.log(conn, case.actor, "finding.undo", r[1], str(r[0]), text=r[4],
                      status="verwijderd", previous=r[11])
        for d, before, _after in payload["judgements"]:
            if before is None:
                conn.execute("DELETE FROM case_judgements WHERE doc_id=?", (d,))
            else:
                conn.execute(f"INSERT OR REPLACE INTO case_judgements({', '.join(J_COLS)})"
                             f" VALUES ({_marks(len(J_COLS))})", before)
            audit.log(conn, case.actor, "judgement.undo", d, before[1] if before else "automatisch")
            docs.add(d)
        for key, before, _after in payload["persons"]:
            conn.execute("UPDATE case_persons SET decision=?, decided_by=?, decided_at=? WHERE key=?",
                         [*before[1:], key])
            audit.log(conn, case.actor, "person.undo", target=key, decision=before[1])
        if payload.get("areas"):
            from wooflow.case.areas import undo_areas

            docs |= undo_areas(case, payload["areas"])
        conn.execute("UPDATE case_undo SET done=1 WHERE id=?", (row["id"],))
        audit.log(conn, case.actor, "undo", row["doc_id"], detail={"wat": row["label"]})
        refresh(case, docs)
    return str(row["label"]), row["doc_id"]


def _findings_by_id(case: Case, ids: list[int]) -> dict[int, list[Any]]:
    out: dict[int, list[Any]] = {}
    cols = ", ".join(f'"{c}"' for c in F_COLS)
    for i in range(0, len(ids), 500):
        chunk = ids[i : i + 500]
        for r in case.conn.execute(
            f"SELECT {cols} FROM case_findings WHERE id IN ({_marks(len(chunk))})", chunk
        ):
            out[r[0]] = list(r)
    return out
