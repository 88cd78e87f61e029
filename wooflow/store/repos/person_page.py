"""Reads for the persons page: the counts of only the persons one page shows (the case-wide
GROUP BY over every finding costs most of a second at 10,000 documents). Portable SQL."""

from __future__ import annotations

from typing import Any

CHUNK = 500


def finding_counts(conn: Any, keys: list[str]) -> dict[str, tuple[int, int]]:
    """person_key -> (findings, documents), for these persons only."""
    out: dict[str, tuple[int, int]] = {}
    for i in range(0, len(keys), CHUNK):
        chunk = keys[i : i + CHUNK]
        marks = ", ".join("?" for _ in chunk)
        for r in conn.execute(
            "SELECT person_key, COUNT(*), COUNT(DISTINCT doc_id) FROM case_findings"
            f" WHERE person_key IN ({marks}) GROUP BY person_key",
            chunk,
        ):
            out[str(r[0])] = (int(r[1]), int(r[2]))
    return out


def occurrences(conn: Any, key: str) -> list[Any]:
    """(id, doc_id, start, end, text, status, action) of a person's findings, in document order."""
    return list(conn.execute(
        'SELECT id, doc_id, start, "end", text, status, action FROM case_findings WHERE person_key=?'
        " ORDER BY doc_id, start",
        (key,),
    ))


def texts(conn: Any, key: str) -> list[str]:
    """The text of each of a person's findings (to count them per form)."""
    return [str(r[0]) for r in conn.execute("SELECT text FROM case_findings WHERE person_key=?", (key,))]
