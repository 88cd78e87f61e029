"""The review state of every document under review in one query: stored status and whether a
proposal is still open (an EXISTS per document on the findings' doc_id index, instead of a
scan of every finding joined against a list of ids). Portable SQL (SQLite and PostgreSQL)."""

from __future__ import annotations

from typing import Any


def under_review(conn: Any) -> list[tuple[int, str | None, bool]]:
    """(doc_id, stored status or None, has open proposals) of each document in scope and not
    "dubbel", in id order."""
    rows = conn.execute(
        "SELECT d.doc_id, s.status, CASE WHEN EXISTS (SELECT 1 FROM case_findings f"
        " WHERE f.doc_id = d.doc_id AND f.status = 'proposed') THEN 1 ELSE 0 END"
        " FROM case_doc d LEFT JOIN case_doc_status s ON s.doc_id = d.doc_id"
        " WHERE d.in_scope = 1 AND d.judgement != 'dubbel' ORDER BY d.doc_id"
    )
    return [(int(r[0]), r[1], bool(r[2])) for r in rows]
