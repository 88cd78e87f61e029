"""Index stored documents into the case: metadata for filters, stemmed text for search, threads.

Runs incrementally: only documents the store holds and the case has not indexed yet. Metadata
comes from :func:`wooflow.understand.analyze` when available, else from reader fields (e-mail
headers), so search works on any stored document.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from email.utils import getaddresses, parsedate_to_datetime
from typing import TYPE_CHECKING, Any

from wooflow.case.text import fold, stemmed_text, text_hash
from wooflow.store.repos import case_docs
from wooflow.store.search_index import search_index

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


def insert_rows(conn: Any, rows: Iterable[IndexRow], chunk: int = 500) -> int:
    """Write index rows (metadata + search index) in the caller's transaction; returns how many.

    Rows are written ``chunk`` at a time with one ``executemany`` per statement (psycopg
    pipelines it: one round trip per chunk on PostgreSQL instead of three per document). FTS5
    on SQLite must be given the body indexed before to replace it, so it is read per row."""
    index = search_index(conn)
    n = 0
    batch: list[IndexRow] = []
    for r in rows:
        batch.append(r)
        if len(batch) >= chunk:
            n += _insert_batch(conn, index, batch)
            batch = []
    if batch:
        n += _insert_batch(conn, index, batch)
    return n


def _insert_batch(conn: Any, index: Any, rows: list[IndexRow]) -> int:
    values = []
    bodies: list[tuple[int, str, str | None]] = []
    for r in rows:
        old_body = None
        if index.needs_old_body:
            old = case_docs.indexed_title_text(conn, r.doc_id)
            if old is not None:  # contentless FTS5: a delete must repeat the indexed value
                old_body = fts_body(*old)
        sender = r.sender or ""
        values.append((
            r.doc_id, r.parent_id, r.path, r.name, r.kind, r.sha256, text_hash(r.text),
            r.type, r.date, r.title, r.sender, json.dumps(r.addressees, ensure_ascii=False),
            fold(sender), fold(" | ".join(r.addressees)), r.message_id,
        ))
        body = fts_body(r.title, r.text) if index.body_kind == "stemmed" else fold(f"{r.title or ''}\n{r.text}")
        bodies.append((r.doc_id, body, old_body))
    case_docs.replace_many(conn, values)
    index.put_many(bodies)
    return len(rows)


def follow_scope(conn: Any, actor: str, doc_ids: list[int]) -> int:
    """Scope follows content: a new document with the same bytes or the same normalised text as
    a document already out of scope is out of scope too (a reviewer's "buiten reikwijdte" must
    not be undone by a copy of the file arriving in a later run). Returns how many."""
    from wooflow.case import audit

    n = 0
    for doc_id in doc_ids:
        keys = case_docs.content_keys(conn, doc_id)
        if keys is None:
            continue
        twin = case_docs.out_of_scope_twin(conn, doc_id, keys[0], keys[1], text_hash(""))
        if twin is None:
            continue
        reason = f"zelfde inhoud als document {twin}, dat buiten de reikwijdte valt"
        case_docs.set_scope(conn, doc_id, False, reason)
        audit.log(conn, actor, "scope.out", doc_id, reason=reason, same_as=twin)
        n += 1
    return n


def refresh_attachments(conn: Any) -> None:
    case_docs.refresh_attachments(conn)


RowsFn = Callable[[Iterable[tuple[int, int | None, Any]]], Iterable[IndexRow]]


def _rows_here(items: Iterable[tuple[int, int | None, Any]]) -> Iterable[IndexRow]:
    return (row_from_document(*item) for item in items)


def index_new(case: Case, batch: int = 500, rows: RowsFn | None = None) -> int:
    """Index every stored document the case does not know yet; returns how many.

    ``rows`` turns ``(doc_id, parent_id, document)`` items into index rows in the same order
    (``process --workers``: on worker processes); each batch is written in one transaction."""
    compute = rows or _rows_here
    todo = case_docs.unindexed(case.conn)
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
        search_index(case.conn).after_bulk_load(total)
        assign_threads(case)
        for i in range(0, len(todo), 5000):  # bounded SQL: the ids are inlined
            refresh(case, [doc_id for doc_id, _ in todo[i : i + 5000]])
    return total


def optimize_index(case: Case) -> None:
    """Tidy the search index after a bulk load (FTS5: merge segments; PostgreSQL: ANALYZE)."""
    with case.transaction() as conn:
        search_index(conn).optimize()
