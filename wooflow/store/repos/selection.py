"""Reads for the document page's multi-select (:mod:`wooflow.web.routes_select`)."""

from __future__ import annotations

from typing import Any


def category_counts(conn: Any, doc_id: int, proposed_only: bool = False) -> dict[str, int]:
    """Findings of a document per category (only proposals with ``proposed_only``)."""
    sql = "SELECT category, COUNT(*) FROM case_findings WHERE doc_id=?"
    if proposed_only:
        sql += " AND status='proposed'"
    return {str(c): int(n) for c, n in conn.execute(sql + " GROUP BY category ORDER BY category", (doc_id,))}
