"""Optimistic locking: a version per finding, per judgement and per document.

The append-only audit log already records every change with who and when, so a version is the
id of the last audit entry that changed the thing: a form sends the version it was rendered
with, and a write is refused when a newer entry exists. The refusal can then name who changed
what. Versions cover every writer (web, command line, propagation of a person decision).

- finding: entries ``finding.*`` on that finding, and ``person.decide`` on its person;
- judgement: entries ``judgement.*`` of the document;
- document: any entry of the document (used by document-wide bulk actions).

Check and write in one transaction (``case.transaction()`` is BEGIN IMMEDIATE), so two
writers cannot both pass the check.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import TYPE_CHECKING

from wooflow.case.audit import AuditEntry

if TYPE_CHECKING:
    from wooflow.case.case import Case


def _entry(case: Case, entry_id: int) -> AuditEntry:
    r = case.conn.execute("SELECT * FROM case_audit WHERE id=?", (entry_id,)).fetchone()
    return AuditEntry(r["id"], r["at"], r["actor"], r["action"], r["doc_id"], r["target"],
                      json.loads(r["detail"]))


def finding_versions(
    case: Case, doc_id: int, finding_ids: Iterable[int] | None = None
) -> dict[int, int]:
    """Version of every finding of a document, or of some (0: never changed since detection)."""
    rows = case.conn.execute("SELECT id, person_key FROM case_findings WHERE doc_id=?", (doc_id,))
    keys: dict[int, str | None] = {int(r[0]): r[1] for r in rows}
    if finding_ids is not None:
        wanted = set(finding_ids)
        keys = {k: v for k, v in keys.items() if k in wanted}
    own = dict(
        case.conn.execute(
            "SELECT CAST(target AS INTEGER), MAX(id) FROM case_audit WHERE doc_id=?"
            " AND action LIKE 'finding.%' GROUP BY target",
            (doc_id,),
        ).fetchall()
    )
    people = sorted({k for k in keys.values() if k})
    by_person: dict[str, int] = {}
    for i in range(0, len(people), 500):
        chunk = people[i : i + 500]
        by_person.update(
            case.conn.execute(
                f"SELECT target, MAX(id) FROM case_audit WHERE action='person.decide'"
                f" AND target IN ({','.join('?' * len(chunk))}) GROUP BY target",
                chunk,
            ).fetchall()
        )
    return {
        fid: max(own.get(fid, 0), by_person.get(key or "", 0)) for fid, key in keys.items()
    }


def finding_version(case: Case, finding_id: int) -> int:
    row = case.conn.execute(
        "SELECT doc_id, person_key FROM case_findings WHERE id=?", (finding_id,)
    ).fetchone()
    if row is None:
        return 0
    own = case.conn.execute(
        "SELECT MAX(id) FROM case_audit WHERE doc_id=? AND target=? AND action LIKE 'finding.%'",
        (row["doc_id"], str(finding_id)),
    ).fetchone()[0]
    person = 0
    if row["person_key"]:
        person = case.conn.execute(
            "SELECT MAX(id) FROM case_audit WHERE action='person.decide' AND target=?",
            (row["person_key"],),
        ).fetchone()[0]
    return max(own or 0, person or 0)


def judgement_version(case: Case, doc_id: int) -> int:
    v = case.conn.execute(
        "SELECT MAX(id) FROM case_audit WHERE doc_id=? AND action LIKE 'judgement.%'", (doc_id,)
    ).fetchone()[0]
    return int(v or 0)


def document_version(case: Case, doc_id: int) -> int:
    v = case.conn.execute("SELECT MAX(id) FROM case_audit WHERE doc_id=?", (doc_id,)).fetchone()[0]
    return int(v or 0)


def newer(case: Case, current: int, seen: int | None) -> AuditEntry | None:
    """The change a writer has not seen (None: the write may go ahead).

    ``seen`` None means the form sent no version (a script): no check.
    """
    if seen is None or current <= seen:
        return None
    return _entry(case, current)


def newer_finding(case: Case, finding_ids: Iterable[int], seen: int | None) -> AuditEntry | None:
    """The newest unseen change among some findings (for bulk actions on one page)."""
    latest = max((finding_version(case, f) for f in finding_ids), default=0)
    return newer(case, latest, seen)
