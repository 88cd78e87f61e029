"""Read-only aggregates the review screens need (counts, neighbours, pages of findings): the SQL
behind :mod:`wooflow.web.queries`, which keeps the screen-facing signatures."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import Any

# A document is "open" while a proposed redaction in it waits for a decision.
_OPEN = "SELECT DISTINCT doc_id FROM case_findings WHERE status='proposed' AND action='redact'"


def case_counts(conn: Any) -> dict[str, Any]:
    """The overview's counts (fields of wooflow.web.queries.CaseCounts)."""
    total, in_scope = conn.execute(
        "SELECT COUNT(*), COALESCE(SUM(in_scope), 0) FROM case_doc"
    ).fetchone()
    by_judgement = Counter(
        {r[0]: r[1] for r in conn.execute("SELECT judgement, COUNT(*) FROM case_doc GROUP BY 1")}
    )
    by_type = Counter(
        {
            r[0] or "other": r[1]
            for r in conn.execute("SELECT type, COUNT(*) FROM case_doc GROUP BY 1")
        }
    )
    findings: Counter[str] = Counter()
    for status, action, n in conn.execute(
        "SELECT status, action, COUNT(*) FROM case_findings GROUP BY 1, 2"
    ):
        findings["keep" if action == "keep" and status != "rejected" else status] += n
    to_review = conn.execute(
        "SELECT COUNT(*) FROM case_doc WHERE in_scope=1 AND judgement != 'dubbel'"
    ).fetchone()[0]
    still_open = conn.execute(
        f"SELECT COUNT(*) FROM case_doc WHERE in_scope=1 AND judgement != 'dubbel'"
        f" AND doc_id IN ({_OPEN})"
    ).fetchone()[0]
    people = Counter(
        {r[0]: r[1] for r in conn.execute("SELECT decision, COUNT(*) FROM case_persons GROUP BY 1")}
    )
    return dict(
        total=int(total),
        in_scope=int(in_scope),
        by_judgement=by_judgement,
        by_type=by_type,
        findings=findings,
        to_review=int(to_review),
        reviewed=int(to_review - still_open),
        persons=sum(people.values()),
        persons_undecided=people.get("undecided", 0),
    )


def open_doc_ids(conn: Any, doc_ids: Iterable[int]) -> set[int]:
    """Which of these documents still have a proposed redaction."""
    ids = list(doc_ids)
    if not ids:
        return set()
    marks = ",".join("?" * len(ids))
    return {
        r[0]
        for r in conn.execute(
            f"SELECT DISTINCT doc_id FROM case_findings WHERE status='proposed' AND action='redact'"
            f" AND doc_id IN ({marks})",
            ids,
        )
    }


def neighbours(conn: Any, doc_id: int) -> tuple[int | None, int | None]:
    """The previous and next document id (case order)."""
    prev = conn.execute(
        "SELECT MAX(doc_id) FROM case_doc WHERE doc_id < ?", (doc_id,)
    ).fetchone()[0]
    nxt = conn.execute(
        "SELECT MIN(doc_id) FROM case_doc WHERE doc_id > ?", (doc_id,)
    ).fetchone()[0]
    return prev, nxt


def next_open(conn: Any, doc_id: int) -> int | None:
    """The next document (wrapping around) in scope with a proposed redaction, not this one."""
    sql = (
        "SELECT MIN(f.doc_id) FROM case_findings f JOIN case_doc d ON d.doc_id = f.doc_id"
        " WHERE f.status='proposed' AND f.action='redact' AND d.in_scope=1"
        " AND d.judgement != 'dubbel' AND f.doc_id {} ?"
    )
    after = conn.execute(sql.format(">"), (doc_id,)).fetchone()[0]
    if after is not None:
        return int(after)
    before = conn.execute(sql.format("<"), (doc_id,)).fetchone()[0]
    return int(before) if before is not None else None


def children(conn: Any, doc_id: int) -> list[int]:
    """Attachments of a document."""
    return [
        r[0]
        for r in conn.execute(
            "SELECT doc_id FROM case_doc WHERE parent_id=? ORDER BY doc_id", (doc_id,)
        )
    ]


def thread_members(conn: Any, thread_id: str | None, exclude: int) -> list[int]:
    """Other messages of the same e-mail thread."""
    if not thread_id:
        return []
    return [
        r[0]
        for r in conn.execute(
            "SELECT doc_id FROM case_doc WHERE thread_id=? AND doc_id != ? ORDER BY date, doc_id",
            (thread_id, exclude),
        )
    ]


def duplicates_of(conn: Any, doc_id: int) -> list[int]:
    """Documents judged "dubbel" of this one."""
    return [
        r[0]
        for r in conn.execute(
            "SELECT doc_id FROM case_judgements WHERE judgement='dubbel' AND duplicate_of=?"
            " ORDER BY doc_id",
            (doc_id,),
        )
    ]


def duplicate_targets(conn: Any, doc_ids: Iterable[int]) -> dict[int, int]:
    """For those of these documents judged "dubbel": the kept document."""
    ids = list(doc_ids)
    if not ids:
        return {}
    marks = ",".join("?" * len(ids))
    return dict(
        conn.execute(
            f"SELECT doc_id, duplicate_of FROM case_judgements WHERE judgement='dubbel'"
            f" AND duplicate_of IS NOT NULL AND doc_id IN ({marks})",
            ids,
        ).fetchall()
    )


def person_documents(conn: Any, keys: Iterable[str], limit: int = 20) -> dict[str, list[int]]:
    """For each person key, the first ``limit`` documents with a finding of that person."""
    out: dict[str, list[int]] = {}
    for key in keys:
        out[key] = [
            r[0]
            for r in conn.execute(
                "SELECT DISTINCT doc_id FROM case_findings WHERE person_key=? ORDER BY doc_id LIMIT ?",
                (key, limit),
            )
        ]
    return out


def names(conn: Any, doc_ids: Iterable[int]) -> dict[int, str]:
    """File names of some documents (for link titles)."""
    ids = sorted(set(doc_ids))
    out: dict[int, str] = {}
    for i in range(0, len(ids), 500):
        chunk = ids[i : i + 500]
        marks = ",".join("?" * len(chunk))
        out.update(
            conn.execute(
                f"SELECT doc_id, name FROM case_doc WHERE doc_id IN ({marks})", chunk
            ).fetchall()
        )
    return out


def audit_actions(conn: Any) -> list[str]:
    """Audit action names present (for the audit filter)."""
    return [r[0] for r in conn.execute("SELECT DISTINCT action FROM case_audit ORDER BY 1")]


def finding_counts(conn: Any, doc_id: int) -> dict[str, int]:
    """Findings of a document per status."""
    return dict(
        conn.execute(
            "SELECT status, COUNT(*) FROM case_findings WHERE doc_id=? GROUP BY status", (doc_id,)
        ).fetchall()
    )


def keep_open_categories(conn: Any, doc_id: int) -> dict[str, int]:
    """Open "blijft openbaar" proposals of a document per category."""
    return dict(
        conn.execute(
            "SELECT category, COUNT(*) FROM case_findings WHERE doc_id=? AND status='proposed'"
            " AND action='keep' GROUP BY category",
            (doc_id,),
        ).fetchall()
    )


def doc_findings(
    conn: Any,
    doc_id: int,
    lo: int | None = None,
    hi: int | None = None,
    proposed_only: bool = False,
    limit: int = -1,
    offset: int = 0,
) -> list[Any]:
    """Finding rows of a document in offset order: those overlapping [lo, hi), or one page
    (``limit`` -1: all)."""
    sql = "SELECT * FROM case_findings WHERE doc_id=?"
    args: list[object] = [doc_id]
    if lo is not None and hi is not None:
        sql += ' AND "end" > ? AND start < ?'
        args += [lo, hi]
    if proposed_only:
        sql += " AND status='proposed'"
    sql += " ORDER BY start, id"
    if limit >= 0:
        sql += " LIMIT ? OFFSET ?"
        args += [limit, offset]
    elif offset:
        sql += " LIMIT ? OFFSET ?"
        args += [2**62, offset]
    return list(conn.execute(sql, args))


def keep_open_by_person(conn: Any, keys: Iterable[str]) -> dict[str, int]:
    """Open "blijft openbaar" proposals per person key (for the persons page)."""
    ks = list(keys)
    out: dict[str, int] = {}
    for i in range(0, len(ks), 500):
        chunk = ks[i : i + 500]
        out.update(
            conn.execute(
                f"SELECT person_key, COUNT(*) FROM case_findings WHERE status='proposed'"
                f" AND action='keep' AND person_key IN ({','.join('?' * len(chunk))})"
                " GROUP BY person_key",
                chunk,
            ).fetchall()
        )
    return out


def keep_open_by_category(conn: Any) -> dict[str, int]:
    """Open "blijft openbaar" proposals in the whole case per category."""
    return dict(
        conn.execute(
            "SELECT category, COUNT(*) FROM case_findings WHERE status='proposed' AND action='keep'"
            " GROUP BY category"
        ).fetchall()
    )
