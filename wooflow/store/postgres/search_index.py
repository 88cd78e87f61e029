"""PostgreSQL's search index: ``case_search(doc_id, body tsvector)`` with a GIN index.

Bodies are wooflow's folded text (lower case, diacritics removed) turned into a tsvector with
the ``'dutch'`` text-search configuration (Snowball's Dutch stemmer, Dutch stop words); queries
go through ``to_tsquery('dutch', ...)`` so both sides stem alike. Ranking is ``ts_rank``
(score = minus the rank, so ascending order is best first, as with FTS5's bm25).
Very long texts (over ``MAX_POSITIONAL`` characters) are indexed as their distinct words: a
tsvector holds at most 1 MB, and every word stays findable (phrases in such a text may not).
"""

from __future__ import annotations

from typing import Any

import psycopg

from wooflow.exceptions import CaseError
from wooflow.store.search_index import COLS, QueryLike, SearchIndex

CONFIG = "dutch"
MAX_POSITIONAL = 400_000
SCHEMA = """
CREATE TABLE IF NOT EXISTS case_search (
    doc_id BIGINT PRIMARY KEY,
    body tsvector NOT NULL
);
CREATE INDEX IF NOT EXISTS case_search_body ON case_search USING gin (body);
"""


class PgSearchIndex(SearchIndex):
    body_kind = "folded"
    needs_old_body = False

    def _rows(self, sql: str, args: list[Any]) -> list[Any]:
        try:
            return list(self.conn.execute(sql, args).fetchall())
        except psycopg.errors.SyntaxError as exc:  # a tsquery PostgreSQL cannot read
            raise CaseError(f"zoekvraag niet te verwerken: {exc}") from exc

    def put(self, doc_id: int, body: str, old_body: str | None = None) -> None:
        if len(body) > MAX_POSITIONAL:
            body = " ".join(dict.fromkeys(body.split()))
            expr = f"strip(to_tsvector('{CONFIG}', ?))"
        else:
            expr = f"to_tsvector('{CONFIG}', ?)"
        self.conn.execute(
            f"INSERT INTO case_search(doc_id, body) VALUES (?, {expr})"
            " ON CONFLICT (doc_id) DO UPDATE SET body = EXCLUDED.body",
            (doc_id, body.replace("\x00", " ")),
        )

    def optimize(self) -> None:
        self.conn.execute("ANALYZE case_search")

    def page_sql(self, q: QueryLike, where: str, args: list[Any], limit: int | None, offset: int,
                 ranked: bool) -> tuple[str, list[Any]]:
        page = " LIMIT ? OFFSET ?" if limit is not None else ""
        paging = [limit, offset] if limit is not None else []
        tsq = f"to_tsquery('{CONFIG}', ?)"
        if not ranked:
            sql = (f"SELECT {COLS}, 0.0 AS score FROM case_search s JOIN case_doc d ON d.doc_id = s.doc_id"
                   f" WHERE s.body @@ {tsq}")
            if where:
                sql += " AND " + where
            return sql + " ORDER BY s.doc_id DESC" + page, [q.tsquery, *args, *paging]
        if not where:
            inner = (f"SELECT s.doc_id, -ts_rank(s.body, q) AS score FROM case_search s CROSS JOIN {tsq} q"
                     " WHERE s.body @@ q ORDER BY score, s.doc_id")
            sql = (f"SELECT {COLS}, f.score FROM ({inner}{page}) f"
                   " JOIN case_doc d ON d.doc_id = f.doc_id ORDER BY f.score, f.doc_id")
            return sql, [q.tsquery, *paging]
        sql = (f"SELECT {COLS}, -ts_rank(s.body, q) AS score FROM case_search s CROSS JOIN {tsq} q"
               " JOIN case_doc d ON d.doc_id = s.doc_id WHERE s.body @@ q AND " + where)
        return sql + " ORDER BY score, d.doc_id" + page, [q.tsquery, *args, *paging]

    def count(self, q: QueryLike) -> int:
        return int(self._rows(f"SELECT COUNT(*) FROM case_search WHERE body @@ to_tsquery('{CONFIG}', ?)",
                              [q.tsquery])[0][0])

    def has_match_past(self, q: QueryLike, n: int) -> bool:
        rows = self._rows(f"SELECT doc_id FROM case_search WHERE body @@ to_tsquery('{CONFIG}', ?)"
                          " LIMIT 1 OFFSET ?", [q.tsquery, n])
        return bool(rows)
