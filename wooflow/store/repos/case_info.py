"""Case metadata (``case_info``: key -> JSON) and deadline events (``case_events``: the one
extension and the suspensions, with the documents each suspension is about)."""

from __future__ import annotations

from typing import Any


def get(conn: Any, key: str) -> str | None:
    row = conn.execute("SELECT value FROM case_info WHERE key=?", (key,)).fetchone()
    return None if row is None else row["value"]


def insert(conn: Any, key: str, value: str) -> None:
    conn.execute("INSERT INTO case_info(key, value) VALUES (?, ?)", (key, value))


def update(conn: Any, key: str, value: str) -> None:
    conn.execute("UPDATE case_info SET value=? WHERE key=?", (value, key))


def extension_start(conn: Any) -> tuple[bool, str | None]:
    """(whether the term was extended, the ISO date it was announced)."""
    row = conn.execute("SELECT start FROM case_events WHERE kind='extension'").fetchone()
    return (row is not None, row["start"] if row else None)


def add_extension(conn: Any, on: str, note: str, actor: str, at: str) -> None:
    conn.execute(
        "INSERT INTO case_events(kind, start, note, actor, created_at) VALUES ('extension',?,?,?,?)",
        (on, note, actor, at),
    )


def add_suspension(conn: Any, start: str, end: str | None, note: str, actor: str, at: str,
                   doc_ids: list[int]) -> int:
    cur = conn.execute(
        'INSERT INTO case_events(kind, start, "end", note, actor, created_at)'
        " VALUES ('suspension',?,?,?,?,?) RETURNING id",
        (start, end, note, actor, at),
    )
    sid = int(cur.fetchone()[0])
    conn.executemany(
        "INSERT INTO case_suspension_docs(suspension_id, doc_id) VALUES (?,?)"
        " ON CONFLICT (suspension_id, doc_id) DO NOTHING",
        [(sid, i) for i in doc_ids],
    )
    return sid


def suspended_documents(conn: Any) -> set[int]:
    return {int(r["doc_id"]) for r in conn.execute("SELECT DISTINCT doc_id FROM case_suspension_docs")}


def running_suspension(conn: Any, suspension_id: int | None = None) -> tuple[int, str] | None:
    """(id, ISO start) of the last running suspension (or of the given one while it runs)."""
    sql = """SELECT id, start FROM case_events WHERE kind='suspension' AND "end" IS NULL"""
    args: tuple[Any, ...] = ()
    if suspension_id is not None:
        sql += " AND id=?"
        args = (suspension_id,)
    row = conn.execute(sql + " ORDER BY id DESC", args).fetchone()
    return None if row is None else (int(row["id"]), str(row["start"]))


def end_suspension(conn: Any, suspension_id: int, end: str) -> None:
    conn.execute('UPDATE case_events SET "end"=? WHERE id=?', (end, suspension_id))


def suspensions(conn: Any) -> list[tuple[str, str | None, str]]:
    """(start, end or None, note) of every suspension, by start."""
    return [
        (r["start"], r["end"], r["note"])
        for r in conn.execute("""SELECT start, "end", note FROM case_events WHERE kind='suspension' ORDER BY start""")
    ]


def extension_recorded_at(conn: Any) -> str | None:
    """When the extension was entered (its created_at), for the decision letter."""
    row = conn.execute("SELECT created_at FROM case_events WHERE kind='extension' ORDER BY id LIMIT 1").fetchone()
    return None if row is None else str(row["created_at"])
