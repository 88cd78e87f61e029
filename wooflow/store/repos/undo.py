"""The undo stack (``case_undo``: per user, rows before and after an action) and the row
snapshots and restores it needs over findings, judgements and persons."""

from __future__ import annotations

from typing import Any

from wooflow.store.dialect import upsert_sql

F_COLS = ("id", "doc_id", "start", "end", "text", "category", "action", "ground", "score",
          "recognizer", "reason", "status", "source", "person_key", "reviewer", "reviewed_at",
          "created_at")
J_COLS = ("doc_id", "judgement", "link", "duplicate_of", "explanation", "grounds", "set_by",
          "actor", "set_at")
P_COLS = ("key", "decision", "decided_by", "decided_at")
_F = ", ".join(f'"{c}"' for c in F_COLS)


def _marks(n: int) -> str:
    return ",".join("?" * n)


def findings(conn: Any, doc_ids: list[int], keys: list[str]) -> dict[int, list[Any]]:
    """Finding rows (F_COLS) of these documents and persons, by id."""
    out: dict[int, list[Any]] = {}
    if doc_ids:
        for r in conn.execute(f"SELECT {_F} FROM case_findings WHERE doc_id IN ({_marks(len(doc_ids))})", doc_ids):
            out[r[0]] = list(r)
    if keys:
        for r in conn.execute(f"SELECT {_F} FROM case_findings WHERE person_key IN ({_marks(len(keys))})", keys):
            out[r[0]] = list(r)
    return out


def findings_by_id(conn: Any, ids: list[int]) -> dict[int, list[Any]]:
    out: dict[int, list[Any]] = {}
    for i in range(0, len(ids), 500):
        chunk = ids[i : i + 500]
        for r in conn.execute(f"SELECT {_F} FROM case_findings WHERE id IN ({_marks(len(chunk))})", chunk):
            out[r[0]] = list(r)
    return out


def judgements(conn: Any, doc_ids: list[int]) -> dict[int, list[Any]]:
    if not doc_ids:
        return {}
    rows = conn.execute(
        f"SELECT {', '.join(J_COLS)} FROM case_judgements WHERE doc_id IN ({_marks(len(doc_ids))})", doc_ids
    )
    return {r[0]: list(r) for r in rows}


def persons(conn: Any, keys: list[str]) -> dict[str, list[Any]]:
    if not keys:
        return {}
    rows = conn.execute(f"SELECT {', '.join(P_COLS)} FROM case_persons WHERE key IN ({_marks(len(keys))})", keys)
    return {r[0]: list(r) for r in rows}


def max_finding_id(conn: Any) -> int:
    return int(conn.execute("SELECT COALESCE(MAX(id), 0) FROM case_findings").fetchone()[0])


def findings_after(conn: Any, top: int) -> list[list[Any]]:
    return [list(r) for r in conn.execute(f"SELECT {_F} FROM case_findings WHERE id > ?", (top,))]


def push(conn: Any, username: str, label: str, doc_id: int | None, payload_json: str, at: str, keep: int) -> None:
    """A new undo step for ``username``; only the last ``keep`` are kept."""
    conn.execute(
        "INSERT INTO case_undo(username, label, doc_id, payload, at) VALUES (?,?,?,?,?)",
        (username, label, doc_id, payload_json, at),
    )
    conn.execute(
        "DELETE FROM case_undo WHERE username=? AND id NOT IN (SELECT id FROM case_undo"
        " WHERE username=? ORDER BY id DESC LIMIT ?)",
        (username, username, keep),
    )


def last(conn: Any, username: str) -> Any:
    """(id, label, doc_id, payload) of the user's last step not undone, or None."""
    return conn.execute(
        "SELECT id, label, doc_id, payload FROM case_undo WHERE username=? AND done=0 ORDER BY id DESC LIMIT 1",
        (username,),
    ).fetchone()


def mark_done(conn: Any, undo_id: int) -> None:
    conn.execute("UPDATE case_undo SET done=1 WHERE id=?", (undo_id,))


def last_finding_actor(conn: Any, finding_id: int) -> str | None:
    row = conn.execute(
        "SELECT actor, at FROM case_audit WHERE target=? AND action LIKE 'finding.%' ORDER BY id DESC LIMIT 1",
        (str(finding_id),),
    ).fetchone()
    return None if row is None else str(row["actor"])


def restore_finding(conn: Any, row: list[Any]) -> None:
    """Put a deleted finding back with its id (F_COLS order)."""
    conn.execute(f"INSERT INTO case_findings({_F}) VALUES ({_marks(len(F_COLS))})", row)


def update_finding(conn: Any, row: list[Any]) -> None:
    sets = ", ".join(f'"{c}"=?' for c in F_COLS[1:])
    conn.execute(f"UPDATE case_findings SET {sets} WHERE id=?", [*row[1:], row[0]])


def delete_finding(conn: Any, finding_id: int) -> None:
    conn.execute("DELETE FROM case_findings WHERE id=?", (finding_id,))


def restore_judgement(conn: Any, doc_id: int, row: list[Any] | None) -> None:
    """Back to the row before (J_COLS order), or to no set judgement."""
    if row is None:
        conn.execute("DELETE FROM case_judgements WHERE doc_id=?", (doc_id,))
    else:
        conn.execute(upsert_sql("case_judgements", J_COLS, "doc_id"), row)


def restore_person(conn: Any, row: list[Any]) -> None:
    conn.execute("UPDATE case_persons SET decision=?, decided_by=?, decided_at=? WHERE key=?", [*row[1:], row[0]])
