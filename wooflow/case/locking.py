"""Optimistic locking: a version per finding, per judgement and per document.

The append-only audit log already records every change with who and when, so a version is the
id of the last audit entry that changed the thing: a form sends the version it was rendered
with, and a write is refused when a newer entry exists. The refusal can then name who changed
what. Versions cover every writer (web, command line, propagation of a person decision).

- finding: entries ``finding.*`` on that finding, and ``person.decide`` on its person;
- person: entries ``person.decide`` of that person (its case-wide decision);
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
from wooflow.store.repos import audit as audit_rows

if TYPE_CHECKING:
    from wooflow.case.case import Case


def _entry(case: Case, entry_id: int) -> AuditEntry:
    r = audit_rows.entry(case.conn, entry_id)
    return AuditEntry(r["id"], r["at"], r["actor"], r["action"], r["doc_id"], r["target"],
                      json.loads(r["detail"]))


def finding_versions(
    case: Case, doc_id: int, finding_ids: Iterable[int] | None = None
) -> dict[int, int]:
    """Version of every finding of a document, or of some (0: never changed since detection)."""
    keys = audit_rows.finding_keys(case.conn, doc_id)
    if finding_ids is not None:
        wanted = set(finding_ids)
        keys = {k: v for k, v in keys.items() if k in wanted}
    own = audit_rows.finding_versions(case.conn, doc_id)
    by_person = audit_rows.person_versions(case.conn, sorted({k for k in keys.values() if k}))
    return {
        fid: max(own.get(fid, 0), by_person.get(key or "", 0)) for fid, key in keys.items()
    }


def finding_version(case: Case, finding_id: int) -> int:
    found = audit_rows.finding_doc_and_key(case.conn, finding_id)
    if found is None:
        return 0
    doc_id, key = found
    own = audit_rows.finding_version(case.conn, doc_id, finding_id)
    return max(own, audit_rows.person_version(case.conn, key) if key else 0)


def person_version(case: Case, key: str) -> int:
    """Version of a person's case-wide decision (0: never decided by anyone)."""
    return audit_rows.person_version(case.conn, key)


def person_edit_version(case: Case, key: str) -> int:
    """Version of a person as a whole: its decision, and merges, splits and 'geen persoon' on
    it (the forms of the person page and its confirmations send it)."""
    return audit_rows.person_edit_version(case.conn, key)


def person_versions(case: Case, keys: Iterable[str]) -> dict[str, int]:
    """:func:`person_version` of several persons (absent: 0)."""
    return audit_rows.person_versions(case.conn, sorted(set(keys)))


def judgement_version(case: Case, doc_id: int) -> int:
    return audit_rows.judgement_version(case.conn, doc_id)


def document_version(case: Case, doc_id: int) -> int:
    return audit_rows.document_version(case.conn, doc_id)


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
