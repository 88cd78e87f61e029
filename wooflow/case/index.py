"""Index stored documents into the case: metadata for filters, stemmed text for search, threads.

Runs incrementally: only documents the store holds and the case has not indexed yet. Metadata
comes from :func:`wooflow.understand.analyze` when available, else from reader fields (e-mail
headers), so search works on any stored document.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from email.utils import getaddresses, parsedate_to_datetime
from typing import TYPE_CHECKING, Any

from wooflow.case.text import fold, stemmed_text, text_hash

if TYPE_CHECKING:
    from wooflow.case.case import Case


@dataclass(slots=True)
class IndexRow:
    """Everything the case keeps per document for search and review."""

    doc_id: int
    parent_id: int | None
    path: str
    name: str
    kind: str
    sha256: str
    text: str
    type: str | None = None
    date: str | None = None
    title: str | None = None
    sender: str | None = None
    addressees: list[str] = field(default_factory=list)
    message_id: str | None = None


def _iso(value: Any) -> str | None:
    """A date from DocInfo or an e-mail header as YYYY-MM-DD (None when unknown)."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    text = str(value).strip()
    try:
        return date.fromisoformat(text[:10]).isoformat()
    except ValueError:
        pass
    try:
        return parsedate_to_datetime(text).date().isoformat()
    except (TypeError, ValueError, IndexError):
        return None


def _names(value: Any) -> list[str]:
    if not value:
        return []
    if isinstance(value, str):
        value = [value]
    out: list[str] = []
    for name, addr in getaddresses([str(v) for v in value]):
        out.append(f"{name} <{addr}>" if name and addr else (name or addr))
    return [o for o in out if o]


def _clean_id(value: Any) -> str | None:
    if not value:
        return None
    text = str(value).strip()
    return text.strip("<>").strip() or None


def row_from_document(doc_id: int, parent_id: int | None, doc: Any) -> IndexRow:
    """Build the index row of one document: understand's analysis, else reader fields."""
    fields: dict[str, Any] = dict(getattr(doc, "fields", {}) or {})
    row = IndexRow(
        doc_id=doc_id,
        parent_id=parent_id,
        path=doc.path,
        name=doc.name,
        kind=doc.kind,
        sha256=doc.sha256,
        text=doc.text,
        type="email" if doc.kind == "email" else None,
        date=_iso(fields.get("date")),
        title=fields.get("subject") or None,
        sender=next(iter(_names(fields.get("from"))), None),
        addressees=_names(fields.get("to")) + _names(fields.get("cc")),
        message_id=_clean_id(fields.get("message_id")),
    )
    try:
        from wooflow.understand import analyze  # type: ignore[attr-defined]
    except ImportError:
        return row
    try:
        info = analyze(doc)
    except Exception:  # one document's analysis must not stop indexing a whole case
        return row
    row.type = getattr(info, "type", None) or row.type
    row.date = _iso(getattr(info, "date", None)) or row.date
    row.title = getattr(info, "title", None) or row.title
    row.sender = getattr(info, "sender", None) or row.sender
    row.addressees = list(getattr(info, "addressees", None) or row.addressees)
    return row


def fts_body(title: str | None, text: str) -> str:
    """What the FTS index holds for a document: its title and text, folded and stemmed."""
    return stemmed_text(f"{title or ''}\n{text}")


def insert_rows(conn: sqlite3.Connection, rows: Iterable[IndexRow]) -> int:
    """Write index rows (metadata + FTS) in the caller's transaction; returns how many."""
    n = 0
    for r in rows:
        old = conn.execute(
            "SELECT c.title, d.text FROM case_doc c JOIN documents d ON d.id = c.doc_id"
            " WHERE c.doc_id = ?", (r.doc_id,)
        ).fetchone()
        if old is not None:  # contentless FTS5: a delete must repeat the indexed value
            conn.execute(
                "INSERT INTO case_fts(case_fts, rowid, body) VALUES ('delete', ?, ?)",
                (r.doc_id, fts_body(old["title"], old["text"])),
            )
        sender = r.sender or ""
        conn.execute(
            "INSERT OR REPLACE INTO case_doc(doc_id, parent_id, path, name, kind, sha256,"
            " text_hash, type, date, title, sender, addressees, sender_fold, addressees_fold,"
            " message_id) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (
                r.doc_id, r.parent_id, r.path, r.name, r.kind, r.sha256, text_hash(r.text),
                r.type, r.date, r.title, r.sender, json.dumps(r.addressees, ensure_ascii=False),
                fold(sender), fold(" | ".join(r.addressees)), r.message_id,
            ),
        )
        conn.execute(
            "INSERT INTO case_fts(rowid, body) VALUES (?, ?)", (r.doc_id, fts_body(r.title, r.text))
        )
        n += 1
    return n


def follow_scope(conn: sqlite3.Connection, actor: str, doc_ids: list[int]) -> int:
    """Scope follows content: a new document with the same bytes or the same normalised text as
    a document already out of scope is out of scope too (a reviewer's "buiten reikwijdte" must
    not be undone by a copy of the file arriving in a later run). Returns how many."""
    from wooflow.case import audit

    n = 0
    for doc_id in doc_ids:
        row = conn.execute("SELECT sha256, text_hash FROM case_doc WHERE doc_id=?", (doc_id,)).fetchone()
        if row is None:
            continue
        twin = conn.execute(
            "SELECT doc_id FROM case_doc WHERE in_scope = 0 AND doc_id != ? AND (sha256 = ?"
            " OR (text_hash = ? AND text_hash != ?)) ORDER BY doc_id LIMIT 1",
            (doc_id, row["sha256"], row["text_hash"], text_hash("")),
        ).fetchone()
        if twin is None:
            continue
        reason = f"zelfde inhoud als document {twin[0]}, dat buiten de reikwijdte valt"
        conn.execute("UPDATE case_doc SET in_scope = 0, scope_reason = ? WHERE doc_id = ?", (reason, doc_id))
        audit.log(conn, actor, "scope.out", doc_id, reason=reason, same_as=twin[0])
        n += 1
    return n


def refresh_attachments(conn: sqlite3.Connection) -> None:
    conn.execute(
        "UPDATE case_doc SET has_attachments = EXISTS"
        " (SELECT 1 FROM case_doc c WHERE c.parent_id = case_doc.doc_id)"
    )


RowsFn = Callable[[Iterable[tuple[int, int | None, Any]]], Iterable[IndexRow]]


def _rows_here(items: Iterable[tuple[int, int | None, Any]]) -> Iterable[IndexRow]:
    return (row_from_document(*item) for item in items)


def index_new(case: Case, batch: int = 500, rows: RowsFn | None = None) -> int:
    """Index every stored document the case does not know yet; returns how many.

    ``rows`` turns ``(doc_id, parent_id, document)`` items into index rows in the same order
    (``process --workers``: on worker processes); each batch is written in one transaction."""
    compute = rows or _rows_here
    todo = [
        (r[0], r[1])
        for r in case.conn.execute(
            "SELECT id, parent_id FROM documents WHERE id NOT IN (SELECT doc_id FROM case_doc)"
            " ORDER BY id"
        )
    ]
    total = 0
    for i in range(0, len(todo), batch):
        done = list(compute((doc_id, parent, case.document(doc_id)) for doc_id, parent in todo[i : i + batch]))
        with case.transaction() as conn:
            total += insert_rows(conn, done)
            follow_scope(conn, case.actor, [r.doc_id for r in done])
    if total:
        from wooflow.case.dedupe import assign_threads
        from wooflow.case.judgement import refresh

        with case.transaction() as conn:
            refresh_attachments(conn)
        assign_threads(case)
        for i in range(0, len(todo), 5000):  # bounded SQL: the ids are inlined
            refresh(case, [doc_id for doc_id, _ in todo[i : i + 5000]])
    return total


def optimize_index(case: Case) -> None:
    """Merge the FTS5 segments after a bulk load (faster queries; call after large ingests)."""
    with case.transaction() as conn:
        conn.execute("INSERT INTO case_fts(case_fts) VALUES ('optimize')")
