"""Reads of find-and-redact (:mod:`wooflow.case.find_redact`): candidate documents and the
standing redactions of many documents at once. Portable SQL (SQLite and PostgreSQL)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

CHUNK = 500  # ids per IN list


def _chunks(ids: list[int]) -> Iterable[list[int]]:
    for i in range(0, len(ids), CHUNK):
        yield ids[i : i + CHUNK]


def like_candidates(conn: Any, needle: str, container_kinds: tuple[str, ...]) -> set[int]:
    """Documents whose stored text contains ``needle`` (a LIKE pattern body, escaped with \\),
    containers (zip, mbox) excepted: a full scan, only for queries the index cannot take."""
    kinds = ", ".join("?" for _ in container_kinds)
    return {
        int(r[0])
        for r in conn.execute(
            "SELECT d.id FROM documents d JOIN case_doc c ON c.doc_id = d.id"
            f" WHERE c.kind NOT IN ({kinds}) AND d.text LIKE ? ESCAPE '\\'",
            (*container_kinds, f"%{needle}%"),
        )
    }


def without_containers(conn: Any, doc_ids: list[int], container_kinds: tuple[str, ...]) -> list[int]:
    """``doc_ids`` less the containers (zip, mbox: their members are documents of their own)."""
    kinds = ", ".join("?" for _ in container_kinds)
    out: list[int] = []
    for chunk in _chunks(sorted(set(doc_ids))):
        marks = ", ".join("?" for _ in chunk)
        out += [
            int(r[0])
            for r in conn.execute(
                f"SELECT doc_id FROM case_doc WHERE doc_id IN ({marks}) AND kind NOT IN ({kinds})",
                (*chunk, *container_kinds),
            )
        ]
    return sorted(out)


def standing_spans(conn: Any, doc_ids: list[int]) -> dict[int, list[tuple[int, int]]]:
    """Spans of the standing redactions (not rejected) of these documents."""
    out: dict[int, list[tuple[int, int]]] = {}
    for chunk in _chunks(doc_ids):
        marks = ", ".join("?" for _ in chunk)
        for r in conn.execute(
            f'SELECT doc_id, start, "end" FROM case_findings WHERE doc_id IN ({marks})'
            " AND action='redact' AND status != 'rejected'",
            chunk,
        ):
            out.setdefault(int(r[0]), []).append((int(r[1]), int(r[2])))
    return out
