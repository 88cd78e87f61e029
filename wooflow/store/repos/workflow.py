"""Review workflow per document: status (``case_doc_status``), assignments (``case_assign``),
and the open proposals that keep a document ``in behandeling``."""

from __future__ import annotations

from typing import Any

_OPEN = "SELECT DISTINCT doc_id FROM case_findings WHERE status='proposed'"


def _ids(ids: list[int]) -> str:
    return ",".join(str(int(i)) for i in ids) or "NULL"


def open_counts(conn: Any, doc_ids: list[int]) -> dict[int, int]:
    out: dict[int, int] = {}
    for i in range(0, len(doc_ids), 900):
        chunk = doc_ids[i : i + 900]
        for r in conn.execute(
            f"SELECT doc_id, COUNT(*) FROM case_findings WHERE status='proposed'"
            f" AND doc_id IN ({_ids(chunk)}) GROUP BY doc_id"
        ):
            out[int(r[0])] = int(r[1])
    return out


def stored_statuses(conn: Any, doc_ids: list[int] | None) -> list[tuple[int, str | None, bool]]:
    """(doc_id, stored status or None, has open proposals) per indexed document."""
    where = "" if doc_ids is None else f" WHERE d.doc_id IN ({_ids(doc_ids)})"
    rows = conn.execute(
        "SELECT d.doc_id, s.status, o.doc_id IS NOT NULL FROM case_doc d"
        " LEFT JOIN case_doc_status s ON s.doc_id = d.doc_id"
        f" LEFT JOIN ({_OPEN}) o ON o.doc_id = d.doc_id" + where
    )
    return [(int(r[0]), r[1], bool(r[2])) for r in rows]


def under_review(conn: Any, doc_ids: list[int] | None) -> list[int]:
    """Documents in scope and not "dubbel"."""
    where = "" if doc_ids is None else f" AND doc_id IN ({_ids(doc_ids)})"
    return [int(r[0]) for r in conn.execute(
        "SELECT doc_id FROM case_doc WHERE in_scope=1 AND judgement != 'dubbel'" + where
    )]


def touch(conn: Any, doc_id: int, status: str, actor: str, at: str) -> None:
    conn.execute(
        "INSERT INTO case_doc_status(doc_id, status, actor, at) VALUES (?,?,?,?)"
        " ON CONFLICT(doc_id) DO UPDATE SET status=excluded.status, actor=excluded.actor,"
        " at=excluded.at, reviewed_by=NULL",
        (doc_id, status, actor, at),
    )


def reviewed_by(conn: Any, doc_id: int) -> str | None:
    row = conn.execute("SELECT status, reviewed_by FROM case_doc_status WHERE doc_id=?", (doc_id,)).fetchone()
    return None if row is None else row["reviewed_by"]


def set_status(conn: Any, doc_id: int, status: str, reviewed: str | None, actor: str, at: str) -> None:
    conn.execute(
        "INSERT INTO case_doc_status(doc_id, status, reviewed_by, actor, at) VALUES (?,?,?,?,?)"
        " ON CONFLICT(doc_id) DO UPDATE SET status=excluded.status,"
        " reviewed_by=excluded.reviewed_by, actor=excluded.actor, at=excluded.at",
        (doc_id, status, reviewed, actor, at),
    )


def active_role(conn: Any, username: str) -> str | None:
    row = conn.execute("SELECT role FROM case_users WHERE username=? AND active=1", (username,)).fetchone()
    return None if row is None else str(row["role"])


def unassign(conn: Any, doc_ids: list[int]) -> None:
    conn.execute(f"DELETE FROM case_assign WHERE doc_id IN ({_ids(doc_ids)})")


def assign(conn: Any, doc_ids: list[int], username: str, by: str, at: str) -> None:
    conn.executemany(
        "INSERT INTO case_assign(doc_id, username, assigned_by, assigned_at) VALUES (?,?,?,?)"
        " ON CONFLICT(doc_id) DO UPDATE SET username=excluded.username,"
        " assigned_by=excluded.assigned_by, assigned_at=excluded.assigned_at",
        [(i, username, by, at) for i in doc_ids],
    )


def assignees(conn: Any, doc_ids: list[int]) -> dict[int, str]:
    return {
        int(r[0]): str(r[1])
        for r in conn.execute(f"SELECT doc_id, username FROM case_assign WHERE doc_id IN ({_ids(doc_ids)})")
    }


def work_of(conn: Any, username: str) -> list[int]:
    return [int(r[0]) for r in conn.execute("SELECT doc_id FROM case_assign WHERE username=? ORDER BY doc_id",
                                            (username,))]


_UNDER_REVIEW = "SELECT doc_id FROM case_doc WHERE in_scope=1 AND judgement != 'dubbel'"


def open_under_review(conn: Any) -> list[int]:
    """Documents under review with open proposals."""
    return [int(r[0]) for r in conn.execute(
        f"SELECT DISTINCT doc_id FROM case_findings WHERE status='proposed' AND doc_id IN ({_UNDER_REVIEW})"
        " ORDER BY doc_id"
    )]


def public_with_redactions(conn: Any, redacting: tuple[str, ...]) -> list[int]:
    """Documents judged 'openbaar' that have standing redactions."""
    marks = ", ".join("?" for _ in redacting)
    return [int(r[0]) for r in conn.execute(
        "SELECT j.doc_id FROM case_judgements j WHERE j.judgement='openbaar' AND EXISTS"
        " (SELECT 1 FROM case_findings f WHERE f.doc_id=j.doc_id AND f.action='redact'"
        f" AND f.status IN ({marks})) ORDER BY j.doc_id", redacting,
    )]


def rejected_but_redacted_elsewhere(conn: Any, redacting: tuple[str, ...]) -> list[int]:
    """Documents where a redaction was rejected ("niet lakken") of a person, or of a text of
    the same category, that stays redacted elsewhere in the case: the restlekcontrole then
    finds a redacted name readable and blocks the package.

    Not listed: a rejection whose text is redacted elsewhere in the same document (the redactor
    redacts every occurrence of a redacted form in a document, so it is not readable there). On
    the 2,000-document browser run this listed exactly the 106 documents the restlekcontrole
    blocked, out of 203 rejections (without that rule: all 203)."""
    marks = ", ".join("?" for _ in redacting)
    return [int(r[0]) for r in conn.execute(
        "SELECT DISTINCT f.doc_id FROM case_findings f WHERE f.action='redact' AND f.status='rejected'"
        " AND ((f.person_key IS NOT NULL AND EXISTS (SELECT 1 FROM case_findings g"
        f"   WHERE g.person_key=f.person_key AND g.action='redact' AND g.status IN ({marks})))"
        " OR (f.person_key IS NULL AND EXISTS (SELECT 1 FROM case_findings g WHERE g.category=f.category"
        f"   AND lower(g.text)=lower(f.text) AND g.action='redact' AND g.status IN ({marks}))))"
        " AND NOT EXISTS (SELECT 1 FROM case_findings h WHERE h.doc_id=f.doc_id"
        f"   AND lower(h.text)=lower(f.text) AND h.action='redact' AND h.status IN ({marks}))"
        " ORDER BY f.doc_id", (*redacting, *redacting, *redacting),
    )]


def withheld_without_grounds(conn: Any) -> list[int]:
    """Documents judged 'niet openbaar' without grounds chosen by the reviewer."""
    return [int(r[0]) for r in conn.execute(
        "SELECT doc_id FROM case_judgements WHERE judgement='niet openbaar'"
        " AND (grounds IS NULL OR grounds='[]') ORDER BY doc_id"
    )]


def count_undecided_persons(conn: Any) -> int:
    return int(conn.execute("SELECT COUNT(*) FROM case_persons WHERE decision='undecided'").fetchone()[0])
