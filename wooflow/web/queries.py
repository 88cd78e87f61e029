"""Read-only aggregate queries the review screens need and the case API does not offer (yet).

The case API answers per document or for the whole case as Python objects; a page that shows
counts or neighbours of one document on a 100,000-document case cannot afford to build every
record, judgement and finding for that (seconds per page). These queries read the tables
documented in docs/CASE.md (``case_doc``, ``case_findings``, ``case_persons``,
``case_judgements``) through the case's own connection and never write: every change still goes
through the case API. The SQL lives in :mod:`wooflow.store.repos.overview`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from wooflow.store.repos import overview

if TYPE_CHECKING:
    from wooflow.case import Case, FindingRecord


@dataclass(frozen=True, slots=True)
class CaseCounts:
    """Everything the overview counts, from a handful of GROUP BY queries."""

    total: int
    in_scope: int
    by_judgement: Counter[str]
    by_type: Counter[str]
    findings: Counter[str]  # status, with standing keep-findings as "keep"
    to_review: int  # in scope, not dubbel
    reviewed: int
    persons: int
    persons_undecided: int

    @property
    def percent(self) -> int:
        return round(100 * self.reviewed / self.to_review) if self.to_review else 100


def case_counts(case: Case) -> CaseCounts:
    """Everything the overview counts."""
    return CaseCounts(**overview.case_counts(case.conn))


def open_doc_ids(case: Case, doc_ids: Iterable[int]) -> set[int]:
    """Which of these documents still have a proposed redaction."""
    return overview.open_doc_ids(case.conn, doc_ids)


def neighbours(case: Case, doc_id: int) -> tuple[int | None, int | None]:
    """The previous and next document id (case order)."""
    return overview.neighbours(case.conn, doc_id)


def next_open(case: Case, doc_id: int) -> int | None:
    """The next document (wrapping around) in scope with a proposed redaction, not this one."""
    return overview.next_open(case.conn, doc_id)


def children(case: Case, doc_id: int) -> list[int]:
    """Attachments of a document."""
    return overview.children(case.conn, doc_id)


def thread_members(case: Case, thread_id: str | None, exclude: int) -> list[int]:
    """Other messages of the same e-mail thread."""
    return overview.thread_members(case.conn, thread_id, exclude)


def duplicates_of(case: Case, doc_id: int) -> list[int]:
    """Documents judged "dubbel" of this one."""
    return overview.duplicates_of(case.conn, doc_id)


def duplicate_targets(case: Case, doc_ids: Iterable[int]) -> dict[int, int]:
    """For those of these documents judged "dubbel": the kept document."""
    return overview.duplicate_targets(case.conn, doc_ids)


def person_documents(case: Case, keys: Iterable[str], limit: int = 20) -> dict[str, list[int]]:
    """For each person key, the first ``limit`` documents with a finding of that person."""
    return overview.person_documents(case.conn, keys, limit)


def names(case: Case, doc_ids: Iterable[int]) -> dict[int, str]:
    """File names of some documents (for link titles)."""
    return overview.names(case.conn, doc_ids)


def audit_actions(case: Case) -> list[str]:
    """Audit action names present (for the audit filter)."""
    return overview.audit_actions(case.conn)


def finding_counts(case: Case, doc_id: int) -> dict[str, int]:
    """Findings of a document per status."""
    return overview.finding_counts(case.conn, doc_id)


def keep_open_categories(case: Case, doc_id: int) -> dict[str, int]:
    """Open "blijft openbaar" proposals of a document per category."""
    return overview.keep_open_categories(case.conn, doc_id)


def doc_findings(
    case: Case,
    doc_id: int,
    lo: int | None = None,
    hi: int | None = None,
    proposed_only: bool = False,
    limit: int = -1,
    offset: int = 0,
) -> list[FindingRecord]:
    """Findings of a document in offset order: those overlapping [lo, hi), or one page."""
    from wooflow.case import FindingRecord

    rows = overview.doc_findings(case.conn, doc_id, lo, hi, proposed_only, limit, offset)
    return [FindingRecord.from_row(r) for r in rows]


def keep_open_by_person(case: Case, keys: Iterable[str]) -> dict[str, int]:
    """Open "blijft openbaar" proposals per person key (for the persons page)."""
    return overview.keep_open_by_person(case.conn, keys)


def keep_open_by_category(case: Case) -> dict[str, int]:
    """Open "blijft openbaar" proposals in the whole case per category."""
    return overview.keep_open_by_category(case.conn)
