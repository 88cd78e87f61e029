"""Findings of a case (``case_findings``): detected, reviewed, added by hand, propagated."""

from __future__ import annotations

from typing import Any

INSERT_COLS = ("doc_id", "start", "end", "text", "category", "action", "ground", "score", "recognizer", "reason",
               "status", "source", "reviewer", "reviewed_at", "created_at")


def insert(conn: Any, values: tuple[Any, ...]) -> int:
    """A new finding (values in INSERT_COLS order); returns its id."""
    cols = ", ".join(f'"{c}"' for c in INSERT_COLS)
    cur = conn.execute(
        f"INSERT INTO case_findings({cols}) VALUES ({', '.join('?' for _ in INSERT_COLS)}) RETURNING id", values
    )
    return int(cur.fetchone()[0])


def spans(conn: Any, doc_id: int, status: str | None = None, source: str | None = None,
          not_rejected: bool = False) -> list[tuple[int, int]]:
    """(start, end) of a document's findings, optionally of one status/source or not rejected."""
    sql = 'SELECT start, "end" FROM case_findings WHERE doc_id=?'
    args: list[Any] = [doc_id]
    if status is not None:
        sql += " AND status=?"
        args.append(status)
    if source is not None:
        sql += " AND source=?"
        args.append(source)
    if not_rejected:
        sql += " AND status != 'rejected'"
    return [(int(r[0]), int(r[1])) for r in conn.execute(sql, args)]


def delete_proposed_detections(conn: Any, doc_id: int) -> None:
    conn.execute("DELETE FROM case_findings WHERE doc_id=? AND status='proposed' AND source='detect'", (doc_id,))


def apply_person_decision(conn: Any, doc_ids: list[int], decision: str, status: str, only_action: str,
                          at: str) -> None:
    """Proposed findings of persons decided ``decision`` get ``status`` (by 'propagatie');
    ``only_action`` non-empty limits this to findings with that action."""
    marks = ",".join("?" * len(doc_ids))
    # ``person_key || ''`` (the same value, NULL stays NULL) keeps SQLite on the doc_id index:
    # with the person_key index it read every finding of each decided person in the case for
    # every batch of documents, quadratic in the case size (0.6 s per batch at 10,000 documents)
    conn.execute(
        f"UPDATE case_findings SET status=?, action=CASE WHEN ?='accepted' THEN 'redact'"
        f" ELSE action END, reviewer='propagatie', reviewed_at=? WHERE status='proposed'"
        f" AND (?='' OR action=?) AND doc_id IN ({marks}) AND person_key || '' IN"
        f" (SELECT key FROM case_persons WHERE decision=?)",
        (status, status, at, only_action, only_action, *doc_ids, decision),
    )


def rows(conn: Any, doc_id: int | None = None, status: str | None = None) -> list[Any]:
    sql = "SELECT * FROM case_findings WHERE 1=1"
    args: list[Any] = []
    if doc_id is not None:
        sql += " AND doc_id=?"
        args.append(doc_id)
    if status is not None:
        sql += " AND status=?"
        args.append(status)
    return list(conn.execute(sql + " ORDER BY doc_id, start", args))


def doc_id_range(conn: Any) -> tuple[int, int] | None:
    """Lowest and highest document id with a finding (None: no findings)."""
    lo, hi = conn.execute("SELECT MIN(doc_id), MAX(doc_id) FROM case_findings").fetchone()
    return None if lo is None else (int(lo), int(hi))


def rows_between(conn: Any, lo: int, hi: int, status: str | None = None) -> list[Any]:
    """:func:`rows` of the documents with ``lo <= doc_id < hi``, in the same order."""
    sql = "SELECT * FROM case_findings WHERE doc_id >= ? AND doc_id < ?"
    args: list[Any] = [lo, hi]
    if status is not None:
        sql += " AND status=?"
        args.append(status)
    return list(conn.execute(sql + " ORDER BY doc_id, start", args))


def count(conn: Any, status: str | None = None) -> int:
    sql, args = "SELECT COUNT(*) FROM case_findings", []
    if status is not None:
        sql, args = sql + " WHERE status=?", [status]
    return int(conn.execute(sql, args).fetchone()[0])


def get(conn: Any, finding_id: int) -> Any:
    return conn.execute("SELECT * FROM case_findings WHERE id=?", (finding_id,)).fetchone()


def set_status(conn: Any, finding_id: int, status: str, reviewer: str, at: str) -> None:
    conn.execute(
        "UPDATE case_findings SET status=?, reviewer=?, reviewed_at=? WHERE id=?", (status, reviewer, at, finding_id)
    )


def accept_by_policy(conn: Any, finding_ids: list[int], at: str) -> None:
    conn.executemany(
        "UPDATE case_findings SET status='accepted', reviewer='beleid', reviewed_at=? WHERE id=?",
        [(at, i) for i in finding_ids],
    )


def policy_persons_undecided(conn: Any) -> set[str]:
    """Persons the policy may decide "redact" case-wide: a finding of theirs was accepted by
    the policy while the person is still undecided, in at least as many documents as the
    detector read them only in a public role (kept, nothing of theirs redacted there).

    One mistaken reading ("Karremans" after a broken 'staats-|secretaris') must not black out
    an office holder the detector kept public in thousands of other documents: in a large case
    nearly every office holder gets such a reading somewhere. Such a person stays undecided for
    the reviewer (the mentions the policy accepted stay redacted, the kept ones stay proposed
    as kept). A document where the detector both redacts and keeps the person (a committee
    member who is also a cited author) is no evidence for the public role, so the person is
    redacted everywhere as before; so is a citizen with one stray public-role reading.
    """
    per_doc = (
        "SELECT f.person_key AS person_key,"
        " MAX(CASE WHEN f.status='accepted' AND f.reviewer='beleid' AND f.action='redact'"
        " THEN 1 ELSE 0 END) AS red,"
        " MAX(CASE WHEN f.action='keep' AND f.source='detect' THEN 1 ELSE 0 END) AS pub"
        " FROM case_findings f JOIN case_persons p ON p.key = f.person_key"
        " WHERE f.category='person' AND p.decision='undecided' GROUP BY f.person_key, f.doc_id"
    )
    return {
        r[0]
        for r in conn.execute(
            f"SELECT d.person_key FROM ({per_doc}) AS d GROUP BY d.person_key"
            " HAVING SUM(d.red) > 0"
            " AND SUM(d.red) >= SUM(CASE WHEN d.pub = 1 AND d.red = 0 THEN 1 ELSE 0 END)"
        )
    }


def undecided_persons_kept_public(conn: Any) -> set[str]:
    """Undecided persons the detector kept public somewhere in the case (a public-role
    reading): the office holder whose one stray redacting reading left them undecided."""
    return {
        r[0]
        for r in conn.execute(
            "SELECT DISTINCT f.person_key FROM case_findings f JOIN case_persons p ON p.key = f.person_key"
            " WHERE p.decision = 'undecided' AND f.category = 'person' AND f.action = 'keep'"
            " AND f.source = 'detect'"
        )
    }


def open_keep_items(conn: Any, doc_id: int | None, category: str | None, person_key: str | None) -> list[Any]:
    """(id, doc_id, text, person_key) of open keep-public proposals matching the filters."""
    sql = "SELECT id, doc_id, text, person_key FROM case_findings WHERE status='proposed' AND action='keep'"
    args: list[Any] = []
    for col, value in (("doc_id", doc_id), ("category", category), ("person_key", person_key)):
        if value is not None:
            sql += f" AND {col}=?"
            args.append(value)
    return list(conn.execute(sql + " ORDER BY doc_id, start", args))


def accept_many(conn: Any, finding_ids: list[int], reviewer: str, at: str) -> None:
    conn.executemany(
        "UPDATE case_findings SET status='accepted', reviewer=?, reviewed_at=? WHERE id=?",
        [(reviewer, at, i) for i in finding_ids],
    )


def standing_redactions(conn: Any, person_key: str | None, text: str, category: str) -> list[Any]:
    """Redactions not rejected of the same person, else of the same text (any case) and category."""
    base = "SELECT * FROM case_findings WHERE action='redact' AND status != 'rejected'"
    if person_key:
        return list(conn.execute(base + " AND person_key=?", (person_key,)))
    return list(conn.execute(base + " AND lower(text)=lower(?) AND category=?", (text, category)))


def change_ground(conn: Any, finding_id: int, ground: str, category: str, reviewer: str, at: str) -> None:
    """New ground and category; a proposal becomes accepted by the change."""
    conn.execute(
        "UPDATE case_findings SET ground=?, category=?, reviewer=?, reviewed_at=?,"
        " status=CASE WHEN status='proposed' THEN 'accepted' ELSE status END WHERE id=?",
        (ground, category, reviewer, at, finding_id),
    )


def status_counts(conn: Any, doc_id: int | None = None) -> dict[str, int]:
    sql = "SELECT status, COUNT(*) FROM case_findings"
    args: tuple[Any, ...] = ()
    if doc_id is not None:
        sql += " WHERE doc_id=?"
        args = (doc_id,)
    return {str(r[0]): int(r[1]) for r in conn.execute(sql + " GROUP BY status", args)}


def covering_ground(conn: Any, doc_id: int, finding_id: int, start: int, end: int,
                    redacting: tuple[str, ...]) -> str | None:
    """The ground of another standing redaction overlapping [start, end), if any."""
    marks = ", ".join("?" for _ in redacting)
    row = conn.execute(
        f"SELECT ground FROM case_findings WHERE doc_id=? AND id != ? AND action='redact'"
        f' AND status IN ({marks}) AND start < ? AND "end" > ? LIMIT 1',
        (doc_id, finding_id, *redacting, end, start),
    ).fetchone()
    return None if row is None else (row["ground"] or "")


def same_text_ground(conn: Any, doc_id: int, finding_id: int, text: str,
                     redacting: tuple[str, ...]) -> str | None:
    """The ground of another standing redaction of the same text (any case) in the document."""
    marks = ", ".join("?" for _ in redacting)
    row = conn.execute(
        f"SELECT ground FROM case_findings WHERE doc_id=? AND id != ? AND action='redact'"
        f" AND status IN ({marks}) AND lower(text)=lower(?) LIMIT 1",
        (doc_id, finding_id, *redacting, text),
    ).fetchone()
    return None if row is None else (row["ground"] or "")


def count_redacting(conn: Any, doc_id: int, redacting: tuple[str, ...]) -> int:
    marks = ", ".join("?" for _ in redacting)
    return int(conn.execute(
        f"SELECT COUNT(*) FROM case_findings WHERE doc_id=? AND action='redact' AND status IN ({marks})",
        (doc_id, *redacting),
    ).fetchone()[0])
