"""Document analyses (wooflow.understand's DocInfo as JSON), one row per document."""

from __future__ import annotations

from typing import Any

from wooflow.store.dialect import upsert_sql

SCHEMA = """
CREATE TABLE IF NOT EXISTS understand_info (
    doc_id INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
    version INTEGER NOT NULL,
    type TEXT NOT NULL,
    date TEXT,
    info TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS understand_info_type ON understand_info(type);
"""
_COLS = ("doc_id", "version", "type", "date", "info")


def put(conn: Any, doc_id: int, version: int, type_: str, date: str | None, info_json: str) -> None:
    conn.execute(upsert_sql("understand_info", _COLS, "doc_id"), (doc_id, version, type_, date, info_json))


def get(conn: Any, doc_id: int) -> tuple[int, str] | None:
    """(version, info JSON) of the stored analysis, or None."""
    row = conn.execute("SELECT version, info FROM understand_info WHERE doc_id = ?", (doc_id,)).fetchone()
    return None if row is None else (int(row["version"]), str(row["info"]))


def ids_at_version(conn: Any, version: int) -> set[int]:
    return {int(r["doc_id"]) for r in conn.execute("SELECT doc_id FROM understand_info WHERE version = ?", (version,))}
