"""SQLite's search index: the contentless FTS5 table ``case_fts`` over wooflow's stemmed text.

Contentless: the stemmed copy is not stored again (snippets come from ``documents.text``), so
replacing a document's entry must repeat the value indexed before. Ranking is FTS5's bm25.
"""

from __future__ import annotations

import sqlite3
from typing import Any

from wooflow.exceptions import CaseError
from wooflow.store.search_index import COLS, QueryLike, SearchIndex


class FtsSearchIndex(SearchIndex):
    body_kind = "stemmed"
    needs_old_body = True

    def _rows(self, sql: str, args: list[Any]) -> list[Any]:
        try:
            return list(self.conn.execute(sql, args).fetchall())
        except sqlite3.OperationalError as exc:
            raise CaseError(f"zoekvraag niet te verwerken: {exc}") from exc

    def put(self, doc_id: int, body: str, old_body: str | None = None) -> None:
        if old_body is not None:
            self.conn.execute(
                "INSERT INTO case_fts(case_fts, rowid, body) VALUES ('delete', ?, ?)", (doc_id, old_body)
            )
        self.conn.execute("INSERT INTO case_fts(rowid, body) VALUES (?, ?)", (doc_id, body))

    def optimize(self) -> None:
        """Merge the FTS5 segments after a bulk load."""
        self.conn.execute("INSERT INTO case_fts(case_fts) VALUES ('optimize')")

    def page_sql(self, q: QueryLike, where: str, args: list[Any], limit: int | None, offset: int,
                 ranked: bool) -> tuple[str, list[Any]]:
        page = " LIMIT ? OFFSET ?" if limit is not None else ""
        paging = [limit, offset] if limit is not None else []
        if not ranked:
            # FTS5 walks its doclists in rowid order and stops at the page: no score per match
            sql = (f"SELECT {COLS}, 0.0 AS score FROM case_fts JOIN case_doc d"
                   " ON d.doc_id = case_fts.rowid WHERE case_fts MATCH ?")
            if where:
                sql += " AND " + where
            return sql + " ORDER BY case_fts.rowid DESC" + page, [q.match, *args, *paging]
        if not where:
            # No filters: rank inside FTS5 and join metadata for the returned page only, instead
            # of looking up every matching document before sorting.
            inner = "SELECT rowid, rank AS score FROM case_fts WHERE case_fts MATCH ? ORDER BY rank"
            sql = (f"SELECT {COLS}, f.score FROM ({inner}{page}) f"
                   " JOIN case_doc d ON d.doc_id = f.rowid ORDER BY f.score")
            return sql, [q.match, *paging]
        sql = (f"SELECT {COLS}, case_fts.rank AS score FROM case_fts"
               " JOIN case_doc d ON d.doc_id = case_fts.rowid WHERE case_fts MATCH ? AND " + where)
        return sql + " ORDER BY score" + page, [q.match, *args, *paging]

    def count(self, q: QueryLike) -> int:
        return int(self._rows("SELECT COUNT(*) FROM case_fts WHERE case_fts MATCH ?", [q.match])[0][0])

    def has_match_past(self, q: QueryLike, n: int) -> bool:
        rows = self._rows("SELECT rowid FROM case_fts WHERE case_fts MATCH ? LIMIT 1 OFFSET ?", [q.match, n])
        return bool(rows)
