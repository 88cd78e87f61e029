"""The search index repository: one per database, same interface.

The case layer (:mod:`wooflow.case.search`) parses a user query into a :class:`QueryLike` (an
FTS5 MATCH expression over stemmed tokens and a PostgreSQL tsquery over folded words) and asks
the index for pages of hits; filters become a WHERE clause over ``case_doc d`` here, so no SQL
lives in the case layer. SQLite: a contentless FTS5 table ``case_fts`` (bm25). PostgreSQL: a
``tsvector`` column with a GIN index, the ``'dutch'`` text-search configuration, ``ts_rank``.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from typing import Any, Protocol


class QueryLike(Protocol):
    match: str  # FTS5 expression on stemmed, folded tokens
    # the same expression as neutral terms: "AND", "OR", "NOT" (binary), "(", ")" and operands
    # (folded words of a word or phrase, whether the last word is a prefix)
    terms: list[str | tuple[tuple[str, ...], bool]]


class FiltersLike(Protocol):
    date_from: str | None
    date_to: str | None
    type: str | None
    sender: str | None  # already folded by the caller
    addressee: str | None
    has_attachments: bool | None
    judgement: str | None
    in_scope: bool | None


def filters_clause(f: FiltersLike | None) -> tuple[str, list[Any]]:
    """A WHERE clause (without the keyword) over ``case_doc d`` and its arguments."""
    clauses: list[str] = []
    args: list[Any] = []
    if f is None:
        return "", args
    if f.date_from:
        clauses.append("d.date >= ?")
        args.append(f.date_from)
    if f.date_to:
        clauses.append("d.date <= ?")
        args.append(f.date_to)
    if f.type:
        clauses.append("d.type = ?")
        args.append(f.type)
    if f.sender:
        clauses.append("d.sender_fold LIKE ?")
        args.append(f"%{f.sender}%")
    if f.addressee:
        clauses.append("d.addressees_fold LIKE ?")
        args.append(f"%{f.addressee}%")
    if f.has_attachments is not None:
        clauses.append("d.has_attachments = ?")
        args.append(1 if f.has_attachments else 0)
    if f.judgement:
        clauses.append("d.judgement = ?")
        args.append(f.judgement.replace("-", " "))
    if f.in_scope is not None:
        clauses.append("d.in_scope = ?")
        args.append(1 if f.in_scope else 0)
    return " AND ".join(clauses), args


COLS = "d.doc_id, d.name, d.type, d.date"


class SearchIndex(ABC):
    """Index writes run on the caller's connection (inside its transaction)."""

    #: "stemmed": put() wants wooflow's folded+stemmed body; "folded": folded words only.
    body_kind: str = "stemmed"
    #: whether put() must be given the previously indexed body to replace it
    needs_old_body: bool = True

    def __init__(self, conn: Any) -> None:
        self.conn = conn

    @abstractmethod
    def put(self, doc_id: int, body: str, old_body: str | None = None) -> None: ...

    def put_many(self, items: list[tuple[int, str, str | None]]) -> None:
        """``put`` for many (doc_id, body, old_body); an index may write them in one go."""
        for doc_id, body, old_body in items:
            self.put(doc_id, body, old_body)

    @abstractmethod
    def optimize(self) -> None: ...

    @abstractmethod
    def page_sql(self, q: QueryLike, where: str, args: list[Any], limit: int | None, offset: int,
                 ranked: bool) -> tuple[str, list[Any]]: ...

    @abstractmethod
    def _rows(self, sql: str, args: list[Any]) -> list[Any]: ...

    def page(self, q: QueryLike, where: str, args: list[Any], limit: int | None, offset: int,
             ranked: bool) -> list[Any]:
        """Rows (doc_id, name, type, date, score): best first when ranked (score ascending),
        else last added first."""
        return self._rows(*self.page_sql(q, where, args, limit, offset, ranked))

    @abstractmethod
    def count(self, q: QueryLike) -> int: ...

    @abstractmethod
    def has_match_past(self, q: QueryLike, n: int) -> bool:
        """Does the query match more than ``n`` documents (probes, does not count all)?"""

    def after_bulk_load(self, n: int) -> None:
        """Called after ``n`` documents were indexed in one go (PostgreSQL refreshes statistics)."""
        return None

    def browse(self, where: str, args: list[Any], limit: int | None, offset: int) -> list[Any]:
        """Documents without a query: by date."""
        sql = f"SELECT {COLS}, 0.0 AS score FROM case_doc d"
        if where:
            sql += " WHERE " + where
        sql += " ORDER BY d.date, d.doc_id"
        if limit is not None:
            sql += " LIMIT ? OFFSET ?"
            args = [*args, limit, offset]
        return list(self.conn.execute(sql, args).fetchall())

    def count_where(self, q: QueryLike | None, where: str, args: list[Any]) -> int:
        """How many documents match the query (None: any) and the filters."""
        if q is None:
            sql = "SELECT COUNT(*) FROM case_doc d" + (" WHERE " + where if where else "")
            return int(self.conn.execute(sql, args).fetchone()[0])
        sql, full = self.page_sql(q, where, args, None, 0, True)
        return int(self._rows(f"SELECT COUNT(*) FROM ({sql}) AS hits", full)[0][0])

    def size(self, at_most: int | None = None) -> int:
        """Indexed documents; with ``at_most``, counted only up to that number (a full COUNT(*)
        scans the whole table on PostgreSQL: ~10 ms of every query at 100,000 documents)."""
        if at_most is None:
            return int(self.conn.execute("SELECT COUNT(*) FROM case_doc").fetchone()[0])
        sql = "SELECT COUNT(*) FROM (SELECT 1 FROM case_doc LIMIT ?) AS n"
        return int(self.conn.execute(sql, (at_most,)).fetchone()[0])


def search_index(conn: Any) -> SearchIndex:
    """The search index implementation for this connection's database."""
    from wooflow.store.dialect import POSTGRES

    if getattr(conn, "dialect", None) == POSTGRES:
        from wooflow.store.postgres.search_index import PgSearchIndex

        return PgSearchIndex(conn)
    from wooflow.store.sqlite.search_index import FtsSearchIndex

    return FtsSearchIndex(conn)
