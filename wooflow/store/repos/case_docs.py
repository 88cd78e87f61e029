"""The case's per-document index rows (``case_doc``: metadata for filters, scope, judgement)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

DOC_COLS = ("doc_id", "parent_id", "path", "name", "kind", "sha256", "text_hash", "type", "date", "title",
            "sender", "addressees", "sender_fold", "addressees_fold", "message_id")


def indexed_title_text(conn: Any, doc_id: int) -> tuple[str | None, str] | None:
    """Title and stored text of a document the case indexed before (None: not indexed)."""
    row = conn.execute(
        "SELECT c.title, d.text FROM case_doc c JOIN documents d ON d.id = c.doc_id WHERE c.doc_id = ?", (doc_id,)
    ).fetchone()
    return None if row is None else (row["title"], row["text"])


def replace(conn: Any, values: tuple[Any, ...]) -> None:
    """Write a document's index row afresh (columns not in DOC_COLS back to their defaults)."""
    conn.execute("DELETE FROM case_doc WHERE doc_id = ?", (values[0],))
    conn.execute(
        f"INSERT INTO case_doc({', '.join(DOC_COLS)}) VALUES ({', '.join('?' for _ in DOC_COLS)})", values
    )


def replace_many(conn: Any, rows: list[tuple[Any, ...]]) -> None:
    """``replace`` for many documents: one ``executemany`` per statement."""
    if not rows:
        return
    conn.executemany("DELETE FROM case_doc WHERE doc_id = ?", [(values[0],) for values in rows])
    conn.executemany(
        f"INSERT INTO case_doc({', '.join(DOC_COLS)}) VALUES ({', '.join('?' for _ in DOC_COLS)})", rows
    )


def content_keys(conn: Any, doc_id: int) -> tuple[str, str] | None:
    row = conn.execute("SELECT sha256, text_hash FROM case_doc WHERE doc_id=?", (doc_id,)).fetchone()
    return None if row is None else (row["sha256"], row["text_hash"])


def out_of_scope_twin(conn: Any, doc_id: int, sha256: str, text_hash: str, empty_hash: str) -> int | None:
    """The first out-of-scope document with the same bytes or the same (non-empty) text."""
    row = conn.execute(
        "SELECT doc_id FROM case_doc WHERE in_scope = 0 AND doc_id != ? AND (sha256 = ?"
        " OR (text_hash = ? AND text_hash != ?)) ORDER BY doc_id LIMIT 1",
        (doc_id, sha256, text_hash, empty_hash),
    ).fetchone()
    return None if row is None else int(row[0])


def set_scope(conn: Any, doc_id: int, in_scope: bool, reason: str) -> None:
    conn.execute("UPDATE case_doc SET in_scope = ?, scope_reason = ? WHERE doc_id = ?",
                 (1 if in_scope else 0, reason, doc_id))


def refresh_attachments(conn: Any) -> None:
    conn.execute(
        "UPDATE case_doc SET has_attachments = CASE WHEN EXISTS"
        " (SELECT 1 FROM case_doc c WHERE c.parent_id = case_doc.doc_id) THEN 1 ELSE 0 END"
    )


def unindexed(conn: Any) -> list[tuple[int, int | None]]:
    """(id, parent_id) of stored documents the case has not indexed yet, in id order."""
    return [
        (int(r[0]), r[1])
        for r in conn.execute(
            "SELECT id, parent_id FROM documents WHERE id NOT IN (SELECT doc_id FROM case_doc) ORDER BY id"
        )
    ]


def text(conn: Any, doc_id: int) -> str | None:
    row = conn.execute("SELECT text FROM documents WHERE id=?", (doc_id,)).fetchone()
    return None if row is None else str(row["text"])


def texts(conn: Any, doc_ids: list[int]) -> dict[int, str]:
    """The stored texts of several documents in one query (a page of search hits)."""
    out: dict[int, str] = {}
    for i in range(0, len(doc_ids), 500):
        chunk = doc_ids[i : i + 500]
        marks = ", ".join("?" for _ in chunk)
        for r in conn.execute(f"SELECT id, text FROM documents WHERE id IN ({marks})", chunk):
            out[int(r[0])] = str(r[1])
    return out


def record(conn: Any, doc_id: int) -> Any:
    return conn.execute("SELECT * FROM case_doc WHERE doc_id=?", (doc_id,)).fetchone()


def records(conn: Any, in_scope: bool | None = None) -> Iterator[Any]:
    sql = "SELECT * FROM case_doc"
    args: tuple[Any, ...] = ()
    if in_scope is not None:
        sql += " WHERE in_scope = ?"
        args = (1 if in_scope else 0,)
    yield from conn.execute(sql + " ORDER BY doc_id", args)


def ids(conn: Any) -> list[int]:
    return [int(r[0]) for r in conn.execute("SELECT doc_id FROM case_doc ORDER BY doc_id")]


def set_scope_if_changed(conn: Any, doc_id: int, in_scope: bool, reason: str) -> bool:
    """Set scope and reason; False when both were already so."""
    cur = conn.execute(
        "UPDATE case_doc SET in_scope=?, scope_reason=? WHERE doc_id=? AND (in_scope != ? OR scope_reason != ?)",
        (int(in_scope), reason, doc_id, int(in_scope), reason),
    )
    return bool(cur.rowcount)


def mail_fields(conn: Any) -> list[tuple[int, str]]:
    """(id, fields JSON) of every indexed document (for e-mail threading)."""
    return [(int(r["id"]), r["fields"] or "{}") for r in conn.execute(
        "SELECT d.id, d.fields FROM documents d JOIN case_doc c ON c.doc_id = d.id"
    )]


def set_thread(conn: Any, doc_id: int, thread_id: str) -> None:
    conn.execute("UPDATE case_doc SET thread_id=? WHERE doc_id=?", (thread_id, doc_id))


def attachments_follow_threads(conn: Any) -> None:
    """Attachments (no message id of their own) take their mail's thread id."""
    conn.execute(
        "UPDATE case_doc SET thread_id = (SELECT p.thread_id FROM case_doc p"
        " WHERE p.doc_id = case_doc.parent_id) WHERE parent_id IS NOT NULL AND message_id IS NULL"
    )


def count_unindexed(conn: Any) -> int:
    sql = "SELECT count(*) FROM documents WHERE id NOT IN (SELECT doc_id FROM case_doc)"
    return int(conn.execute(sql).fetchone()[0])


def mail_reply_fields(conn: Any) -> list[tuple[int, str]]:
    """(id, fields JSON) of every stored e-mail."""
    sql = "SELECT id, fields FROM documents WHERE kind = 'email'"
    return [(int(r["id"]), r["fields"] or "{}") for r in conn.execute(sql)]


def count_and_top(conn: Any) -> tuple[int, int | None]:
    """How many documents the case indexed and the highest id (a cheap change marker)."""
    count, top = conn.execute("SELECT COUNT(*), MAX(doc_id) FROM case_doc").fetchone()
    return int(count), top
