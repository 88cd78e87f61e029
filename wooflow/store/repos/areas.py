"""Drawn areas (``case_areas``) of :mod:`wooflow.case.areas`, and the undo entry an area
action leaves. Portable SQL (SQLite and PostgreSQL)."""

from __future__ import annotations

from typing import Any


def active(conn: Any, doc_id: int | None = None, page: int | None = None) -> list[Any]:
    """Active areas, of one document (and page) or of the whole case."""
    sql = "SELECT * FROM case_areas WHERE status='active'"
    args: list[int] = []
    if doc_id is not None:
        sql += " AND doc_id=?"
        args.append(doc_id)
    if page is not None:
        sql += " AND page=?"
        args.append(page)
    return list(conn.execute(sql + " ORDER BY doc_id, page, id", args))


def get(conn: Any, area_id: int) -> Any:
    return conn.execute("SELECT * FROM case_areas WHERE id=?", (area_id,)).fetchone()


def grounds(conn: Any, doc_ids: list[int] | None) -> list[tuple[int, str]]:
    """(doc_id, ground) of the active areas, of some documents or all."""
    sql = "SELECT doc_id, ground FROM case_areas WHERE status='active'"
    if doc_ids is not None:
        sql += f" AND doc_id IN ({','.join(str(int(d)) for d in doc_ids) or 'NULL'})"
    return [(int(r[0]), str(r[1])) for r in conn.execute(sql)]


def insert(conn: Any, doc_id: int, page: int, rect: tuple[float, float, float, float], ground: str,
           kind: str, actor: str, at: str) -> int:
    """A new active area; its id."""
    cur = conn.execute(
        "INSERT INTO case_areas(doc_id, page, x0, y0, x1, y1, ground, kind, status, actor,"
        " created_at) VALUES (?,?,?,?,?,?,?,?,'active',?,?) RETURNING id",
        (doc_id, page, *rect, ground, kind, actor, at),
    )
    return int(cur.fetchone()[0])


def set_status(conn: Any, area_id: int, status: str) -> None:
    conn.execute("UPDATE case_areas SET status=? WHERE id=?", (status, area_id))


def push_undo(conn: Any, username: str, label: str, doc_id: int, payload: str, at: str) -> None:
    """An undo step for an area action (the areas' own payload; see wooflow.case.undo)."""
    conn.execute(
        "INSERT INTO case_undo(username, label, doc_id, payload, at) VALUES (?,?,?,?,?)",
        (username, label, doc_id, payload, at),
    )


def public_with_areas(conn: Any) -> list[int]:
    """Documents judged "openbaar" that have an active area (published as "deels openbaar")."""
    return [
        int(r[0])
        for r in conn.execute(
            "SELECT DISTINCT j.doc_id FROM case_judgements j JOIN case_areas a ON a.doc_id = j.doc_id"
            " WHERE j.judgement='openbaar' AND a.status='active' ORDER BY j.doc_id"
        )
    ]
