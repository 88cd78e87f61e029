"""The append-only audit log (``case_audit``): rows are inserted, never updated or deleted."""

from __future__ import annotations

from typing import Any


def append(conn: Any, at: str, actor: str, action: str, doc_id: int | None, target: str | None,
           detail_json: str) -> None:
    conn.execute(
        "INSERT INTO case_audit(at, actor, action, doc_id, target, detail) VALUES (?,?,?,?,?,?)",
        (at, actor, action, doc_id, target, detail_json),
    )


def rows(conn: Any, doc_id: int | None = None, action: str | None = None) -> list[Any]:
    """Log rows, oldest first, optionally for one document or one kind of action."""
    sql = "SELECT * FROM case_audit WHERE 1=1"
    args: list[Any] = []
    if doc_id is not None:
        sql += " AND doc_id = ?"
        args.append(doc_id)
    if action is not None:
        sql += " AND action = ?"
        args.append(action)
    return list(conn.execute(sql + " ORDER BY id", args))
