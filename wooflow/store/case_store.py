"""The case store: documents, pages, words and failures, plus the unit of work (transactions).

Two databases behind one class: SQLite (``case.sqlite`` in the case folder, the default) and
PostgreSQL (a case named by a ``postgresql://`` URL; see :mod:`wooflow.store.location`). Both
keep original files in ``blobs/<sha256>`` in the case (files) folder. One object owns one
connection and funnels every write through it. The connection runs in autocommit mode with
explicit transactions: each document is committed on its own, so an interrupted ingest loses at
most the document in flight and a re-run resumes. The SQL here is written once for both
databases (see :mod:`wooflow.store.dialect`).
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from wooflow.exceptions import CaseError
from wooflow.ingest.base import clean_text
from wooflow.model import Document, Page, sha256_bytes
from wooflow.store.blobs import BlobStore
from wooflow.store.codec import pack_words, unpack_words
from wooflow.store.dialect import POSTGRES, SQLITE, schema_for_postgres
from wooflow.store.location import URL_FILE, CaseLocation, parse_location, without_password
from wooflow.store.schema import SCHEMA, SCHEMA_VERSION


@dataclass(frozen=True, slots=True)
class StoredFailure:
    path: str
    reason: str
    detail: str
    time: str


@dataclass(frozen=True, slots=True)
class DocumentRow:
    """A stored document without its text and words: cheap to list."""

    id: int
    parent_id: int | None
    path: str
    name: str
    kind: str
    sha256: str
    page_count: int
    status: str


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class CaseStore:
    """Documents, pages, words and failures of one case folder."""

    def __init__(self, case_dir: str | os.PathLike[str] | CaseLocation) -> None:
        self.location = parse_location(case_dir)
        self._depth = 0
        if self.location.is_postgres:
            self._open_postgres()
        else:
            self._open_sqlite()
        self.blobs.clean_temporaries()

    def _open_sqlite(self) -> None:
        from wooflow.store import sqlite as backend

        self.dialect = SQLITE
        self.case_dir = self.location.folder
        try:
            self.case_dir.mkdir(parents=True, exist_ok=True)
            self.blobs = BlobStore(self.case_dir / "blobs")
            self.conn: Any = backend.connect(self.case_dir)
        except (OSError, sqlite3.Error) as exc:
            raise CaseError(f"{self.case_dir}: kan zaakmap niet openen: {exc}") from None
        try:
            backend.configure(self.conn)
            self.conn.executescript(SCHEMA)
            self.conn.execute(
                "INSERT OR IGNORE INTO meta(key, value) VALUES ('schema_version', ?)",
                (str(SCHEMA_VERSION),),
            )
        except sqlite3.DatabaseError as exc:
            self.conn.close()
            raise CaseError(f"{self.case_dir}: zaakdatabase onbruikbaar: {exc}") from None

    def _open_postgres(self) -> None:
        from wooflow.store import postgres as backend
        from wooflow.store.postgres.search_index import SCHEMA as SEARCH_SCHEMA

        self.dialect = POSTGRES
        self.conn = backend.connect(str(self.location.url))
        try:
            with self.transaction():
                self._schema_lock()
                self.conn.executescript(schema_for_postgres(SCHEMA))
                self.conn.execute(
                    "INSERT INTO meta(key, value) VALUES ('schema_version', ?) ON CONFLICT (key) DO NOTHING",
                    (str(SCHEMA_VERSION),),
                )
                row = self.conn.execute("SELECT value FROM meta WHERE key = 'files_dir'").fetchone()
                if row is None or self.location.files_given:
                    self.conn.execute(
                        "INSERT INTO meta(key, value) VALUES ('files_dir', ?)"
                        " ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value",
                        (str(self.location.folder),),
                    )
                    folder = self.location.folder
                else:
                    folder = Path(row["value"])
            self.ensure_schema("search_postgres", SEARCH_SCHEMA)
        except Exception as exc:
            self.conn.close()
            if isinstance(exc, CaseError):
                raise
            raise CaseError(f"{self.location}: zaakdatabase onbruikbaar: {exc}") from None
        self.location = CaseLocation(folder, self.location.url, self.location.files_given)
        self.case_dir = folder
        try:
            self.case_dir.mkdir(parents=True, exist_ok=True)
            self.blobs = BlobStore(self.case_dir / "blobs")
            pointer = self.case_dir / URL_FILE
            shown = without_password(str(self.location.url))
            if not pointer.exists() or pointer.read_text(encoding="utf-8").strip() != shown:
                atomic_text(pointer, shown + "\n")
        except OSError as exc:
            self.conn.close()
            raise CaseError(f"{self.case_dir}: kan de bestandenmap van de zaak niet openen: {exc}") from None

    def _schema_lock(self) -> None:
        """PostgreSQL: serialise schema changes of concurrent openers (held to commit)."""
        self.conn.execute("SELECT pg_advisory_xact_lock(4242, 1)")

    @property
    def is_postgres(self) -> bool:
        return self.dialect == POSTGRES

    # -- lifecycle -------------------------------------------------------------------------------

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> CaseStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[Any]:
        """The unit of work: one atomic unit of writes; nested use joins the outer transaction.
        Yields the connection (``execute``/``executemany`` with ``?`` placeholders)."""
        if self._depth:
            self._depth += 1
            try:
                yield self.conn
            finally:
                self._depth -= 1
            return
        self.conn.execute("BEGIN IMMEDIATE")
        self._depth = 1
        try:
            yield self.conn
        except BaseException:
            self._depth = 0
            self.conn.execute("ROLLBACK")
            raise
        self._depth = 0
        self.conn.execute("COMMIT")

    def ensure_schema(self, name: str, sql: str) -> None:
        """Let another package (wooflow.case) create its tables once; re-run if its SQL changed.

        ``sql`` is written for SQLite; on PostgreSQL it is translated (``schema_for_postgres``)."""
        digest = hashlib.sha256(sql.encode()).hexdigest()
        row = self.conn.execute("SELECT sha256 FROM schemas WHERE name = ?", (name,)).fetchone()
        if row is not None and row["sha256"] == digest:
            return
        if self._depth:
            raise CaseError("ensure_schema kan niet binnen een transactie")
        if self.is_postgres:
            try:
                with self.transaction():
                    self._schema_lock()
                    self.conn.executescript(schema_for_postgres(sql))
                    self.conn.execute(
                        "INSERT INTO schemas(name, sha256) VALUES (?, ?)"
                        " ON CONFLICT (name) DO UPDATE SET sha256 = EXCLUDED.sha256",
                        (name, digest),
                    )
            except Exception as exc:
                raise CaseError(f"schema {name!r} kan niet worden aangemaakt: {exc}") from None
            return
        quoted = name.replace("'", "''")
        try:
            self.conn.executescript(
                f"BEGIN IMMEDIATE;\n{sql}\n;INSERT OR REPLACE INTO schemas(name, sha256)"
                f" VALUES ('{quoted}', '{digest}');\nCOMMIT;"
            )
        except sqlite3.Error as exc:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise CaseError(f"schema {name!r} kan niet worden aangemaakt: {exc}") from None

    # -- documents -------------------------------------------------------------------------------

    def find_document(self, path: str, sha256: str) -> int | None:
        """Id of the stored document with this path and content, if any (resume check)."""
        row = self.conn.execute(
            "SELECT id FROM documents WHERE path = ? AND sha256 = ?", (clean_text(path), sha256)
        ).fetchone()
        return None if row is None else int(row["id"])

    def add_document(self, doc: Document, packed: list[dict[int, bytes]] | None = None) -> int:
        """Store ``doc`` and its children in one transaction; idempotent on (path, sha256).

        The original bytes go to ``blobs/<sha256>`` first (from ``doc.data``, or read from
        ``doc.path`` for a top-level file), so a stored document always has its blob.
        ``packed``: the words already packed by page, one dict per document of ``doc.walk()``
        (``doc.words`` is then not read; see ``store.batch.ReadOutcome.pack``).
        """
        existing = self.find_document(doc.path, doc.sha256)  # cleaned as _insert stores it
        if existing is not None:
            return existing
        items = doc.walk()
        for item in items:
            self._put_blob(item)
        if packed is not None and len(packed) != len(items):
            raise ValueError("packed words do not match the documents")
        with self.transaction():
            return self._insert(doc, None, 0, iter(packed) if packed is not None else None)

    def _put_blob(self, doc: Document) -> None:
        if self.blobs.has(doc.sha256):
            return
        data = doc.data
        if data is None:
            try:
                data = Path(doc.path).read_bytes()
            except OSError as exc:
                raise CaseError(f"{doc.path}: origineel niet te kopiëren: {exc}") from None
            if sha256_bytes(data) != doc.sha256:
                raise CaseError(f"{doc.path}: bestand is veranderd tijdens het inlezen")
        self.blobs.put(doc.sha256, data)

    def _insert(
        self, doc: Document, parent_id: int | None, position: int, packed: Iterator[dict[int, bytes]] | None = None
    ) -> int:
        cur = self.conn.execute(
            "INSERT INTO documents(parent_id, path, name, kind, sha256, text, fields, warnings,"
            " page_count, position, added_at) VALUES (?,?,?,?,?,?,?,?,?,?,?) RETURNING id",
            (
                parent_id,
                clean_text(doc.path),
                clean_text(doc.name),
                doc.kind,
                doc.sha256,
                clean_text(doc.text),
                clean_text(json.dumps(doc.fields, ensure_ascii=False, default=str)),
                clean_text(json.dumps(doc.warnings, ensure_ascii=False)),
                doc.page_count,
                position,
                _now(),
            ),
        )
        doc_id = int(cur.fetchone()[0])
        mine = next(packed) if packed is not None else None  # walk order = this recursion's order
        by_page: dict[int, list[Any]] = {}
        for word in doc.words:
            by_page.setdefault(word.page, []).append(word)
        self.conn.executemany(
            'INSERT INTO pages(doc_id, number, width, height, start, "end", ocr, rotation, words)'
            " VALUES (?,?,?,?,?,?,?,?,?)",
            [
                (
                    doc_id,
                    p.number,
                    p.width,
                    p.height,
                    p.start,
                    p.end,
                    int(p.ocr),
                    p.rotation,
                    mine.get(p.number, b"") if mine is not None else pack_words(by_page.get(p.number, [])),
                )
                for p in doc.pages
            ],
        )
        for i, child in enumerate(doc.children):
            self._insert(child, doc_id, i, packed)
        return doc_id

    def get_document(self, doc_id: int, *, with_data: bool = True) -> Document:
        """The stored document with pages, words and children (children carry their bytes)."""
        row = self.conn.execute("SELECT * FROM documents WHERE id = ?", (doc_id,)).fetchone()
        if row is None:
            raise CaseError(f"document {doc_id} bestaat niet in deze zaak")
        return self._rehydrate(row, with_data)

    def _rehydrate(self, row: Any, with_data: bool) -> Document:
        pages: list[Page] = []
        words = []
        for p in self.conn.execute(
            "SELECT * FROM pages WHERE doc_id = ? ORDER BY number", (row["id"],)
        ):
            pages.append(
                Page(
                    p["number"],
                    p["width"],
                    p["height"],
                    p["start"],
                    p["end"],
                    bool(p["ocr"]),
                    p["rotation"],
                )
            )
            words.extend(unpack_words(p["number"], p["words"]))
        parent_path = None
        if row["parent_id"] is not None:
            parent = self.conn.execute(
                "SELECT path FROM documents WHERE id = ?", (row["parent_id"],)
            ).fetchone()
            parent_path = parent["path"]
        children = [
            self._rehydrate(child, with_data)
            for child in self.conn.execute(
                "SELECT * FROM documents WHERE parent_id = ? ORDER BY position, id", (row["id"],)
            ).fetchall()
        ]
        data = None
        if with_data and parent_path is not None and self.blobs.has(row["sha256"]):
            data = self.blobs.get(row["sha256"])
        return Document(
            path=row["path"],
            name=row["name"],
            kind=row["kind"],
            sha256=row["sha256"],
            text=row["text"],
            pages=pages,
            words=words,
            fields=json.loads(row["fields"]),
            children=children,
            parent_path=parent_path,
            data=data,
            warnings=json.loads(row["warnings"]),
        )

    def iter_document_ids(self, *, include_children: bool = False) -> Iterator[int]:
        """Ids in ingest order; top-level documents only unless asked (children come with
        ``get_document`` of their parent)."""
        sql = "SELECT id FROM documents"
        if not include_children:
            sql += " WHERE parent_id IS NULL"
        for row in self.conn.execute(sql + " ORDER BY id").fetchall():
            yield int(row["id"])

    def list_documents(self) -> list[DocumentRow]:
        """Every stored document (children included) without text: for listings and reports."""
        return [
            DocumentRow(
                r["id"],
                r["parent_id"],
                r["path"],
                r["name"],
                r["kind"],
                r["sha256"],
                r["page_count"],
                r["status"],
            )
            for r in self.conn.execute(
                "SELECT id, parent_id, path, name, kind, sha256, page_count, status"
                " FROM documents ORDER BY id"
            )
        ]

    def count_documents(self) -> int:
        return int(self.conn.execute("SELECT count(*) FROM documents").fetchone()[0])

    def blob_path(self, sha256: str) -> Path:
        return self.blobs.path(sha256)

    # -- failures --------------------------------------------------------------------------------

    def record_failure(self, path: str, reason: str, detail: str) -> None:
        """Remember why an input was not stored; a re-run that succeeds clears it."""
        path, reason, detail = clean_text(path), clean_text(reason), clean_text(detail)
        with self.transaction():
            self.conn.execute("DELETE FROM failures WHERE path = ?", (path,))
            self.conn.execute(
                "INSERT INTO failures(path, reason, detail, time) VALUES (?,?,?,?)",
                (path, reason, detail, _now()),
            )

    def clear_failure(self, path: str) -> None:
        path = clean_text(path)
        with self.transaction():
            self.conn.execute("DELETE FROM failures WHERE path = ?", (path,))

    def failures(self) -> list[StoredFailure]:
        return [
            StoredFailure(r["path"], r["reason"], r["detail"], r["time"])
            for r in self.conn.execute(
                "SELECT path, reason, detail, time FROM failures ORDER BY id"
            )
        ]


def resolve_location(value: str | os.PathLike[str] | CaseLocation) -> CaseLocation:
    """The location with its real files folder: for a URL that means asking the database (the
    folder recorded at first open); a folder is returned as given. Creates nothing for a folder."""
    location = parse_location(value)
    if not location.is_postgres:
        return location
    with CaseStore(location) as store:
        return store.location


def open_connection(value: str | os.PathLike[str] | CaseLocation) -> Any:
    """A bare connection to an existing case's database (no schema work): for short reads such as
    a web request's session check. Close it after use."""
    location = parse_location(value)
    if location.is_postgres:
        from wooflow.store import postgres

        return postgres.connect(str(location.url))
    from wooflow.store import sqlite as backend

    return backend.connect(location.folder)


def atomic_text(path: Path, text: str) -> None:
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)
