"""Judgements per document (``case_judgements``: set by a reviewer or dedupe) and the redacting
findings they are derived from when none is set; ``case_doc.judgement`` mirrors the effective one."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from wooflow.store.dialect import upsert_sql

REDACTING = ("accepted", "added")  # finding statuses that end up as redactions
COLS = ("doc_id", "judgement", "link", "duplicate_of", "explanation", "grounds", "set_by", "actor", "set_at")


def _in(doc_ids: list[int] | None) -> str:
    """Restriction to some documents (ids are ints we produced, safe to inline)."""
    return "" if doc_ids is None else f" AND doc_id IN ({','.join(str(int(d)) for d in doc_ids) or 'NULL'})"


def redacting_grounds(conn: Any, doc_ids: list[int] | None) -> Iterator[tuple[int, str]]:
    """(doc_id, ground) of every redacting finding with a ground, one row at a time: a case's
    redacting findings (1.9 million at 100,000 documents) were one list of ~300 MiB, made by
    every refresh of all judgements (after the person pass, for the publication view)."""
    sql = (
        "SELECT doc_id, ground FROM case_findings WHERE action='redact'"
        f" AND status IN {REDACTING} AND ground IS NOT NULL" + _in(doc_ids)
    )
    for r in conn.execute(sql):
        yield int(r["doc_id"]), str(r["ground"])


def redacted_docs(conn: Any, doc_ids: list[int] | None) -> set[int]:
    return {
        int(r[0])
        for r in conn.execute(
            f"SELECT DISTINCT doc_id FROM case_findings WHERE action='redact' AND status IN {REDACTING}" + _in(doc_ids)
        )
    }


def stored(conn: Any, doc_ids: list[int] | None) -> dict[int, Any]:
    """The set judgement rows by document."""
    return {int(r["doc_id"]): r for r in conn.execute("SELECT * FROM case_judgements WHERE 1=1" + _in(doc_ids))}


def get(conn: Any, doc_id: int) -> Any:
    return conn.execute("SELECT * FROM case_judgements WHERE doc_id=?", (doc_id,)).fetchone()


def put(conn: Any, values: tuple[Any, ...] | list[Any]) -> None:
    """Set (replace) a document's judgement row; ``values`` in COLS order."""
    conn.execute(upsert_sql("case_judgements", COLS, "doc_id"), values)


def delete(conn: Any, doc_id: int) -> None:
    conn.execute("DELETE FROM case_judgements WHERE doc_id=?", (doc_id,))


def mirror(conn: Any, pairs: Iterable[tuple[str, int]]) -> None:
    """Write the effective judgements (judgement, doc_id) into ``case_doc`` for filters."""
    for judgement, doc_id in pairs:
        conn.execute("UPDATE case_doc SET judgement=? WHERE doc_id=?", (judgement, doc_id))


def set_by(conn: Any, who: str) -> set[int]:
    """Documents whose judgement was set by ``who`` ('reviewer' or 'dedupe')."""
    return {int(r[0]) for r in conn.execute("SELECT doc_id FROM case_judgements WHERE set_by=?", (who,))}


def clear_dedupe(conn: Any) -> None:
    conn.execute("DELETE FROM case_judgements WHERE set_by='dedupe'")


def add_duplicate(conn: Any, doc_id: int, kept: int, explanation: str, actor: str, at: str) -> None:
    conn.execute(
        "INSERT INTO case_judgements(doc_id, judgement, link, duplicate_of, explanation,"
        " grounds, set_by, actor, set_at) VALUES (?, 'dubbel', NULL, ?, ?, NULL, 'dedupe', ?, ?)",
        (doc_id, kept, explanation, actor, at),
    )
