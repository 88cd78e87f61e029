"""The Woo case: request metadata and deadlines, search, scope, duplicates, review, judgements.

Everything lives in the case folder's ``case.sqlite`` (tables ``case_*`` beside the store's).
Typical use (what ``wooflow process`` does)::

    case = Case.init(folder, CaseInfo(request="...", received=date(2024, 1, 10)))  # or Case.open
    case.add_paths(["inbox/"])           # ingest (store) + index (metadata, FTS, threads)
    run_detection(case)                  # findings: proposed; reviewed rows survive re-runs
    dedupe(case, threshold=0.9)          # duplicates judged "dubbel" -> kept document
    apply_policy(case, AcceptancePolicy())   # accept identifiers and high scores
    for j in judgements(case):           # effective judgement + grounds per document
        redactions(case, j.doc_id)       # accepted/added Findings for the redactor
    case.deadlines()                     # legal term (4 weeks, +2, suspensions)

Modules: case (Case, CaseInfo), deadlines, index, search, scope, dedupe, review, persons,
judgement, audit; publication writers live in :mod:`wooflow.case.publish`.
"""

from __future__ import annotations

from wooflow.case.audit import AuditEntry
from wooflow.case.audit import entries as audit_log
from wooflow.case.case import REQUESTER_KINDS, Case, CaseInfo, DocRecord
from wooflow.case.deadlines import Deadlines, Suspension
from wooflow.case.deadlines import compute as compute_deadlines
from wooflow.case.dedupe import DuplicateGroup, assign_threads, dedupe, find_duplicates
from wooflow.case.index import index_new
from wooflow.case.judgement import (
    JUDGEMENTS,
    Judgement,
    join_grounds,
    judge,
    judgement,
    judgements,
    normalise_judgement,
)
from wooflow.case.judgement import reset as reset_judgement
from wooflow.case.persons import Person, find_person, persons, set_decision
from wooflow.case.review import (
    AcceptancePolicy,
    FindingRecord,
    accept,
    add,
    apply_policy,
    findings,
    record_findings,
    redactions,
    reject,
    run_detection,
)
from wooflow.case.scope import scope_by_query, set_scope
from wooflow.case.search import SearchFilters, SearchHit, count, matching_ids, search


def deadlines(case: Case) -> Deadlines:
    """The legal decision term of a case as of today."""
    return case.deadlines()


__all__ = [
    "JUDGEMENTS",
    "REQUESTER_KINDS",
    "AcceptancePolicy",
    "AuditEntry",
    "Case",
    "CaseInfo",
    "Deadlines",
    "DocRecord",
    "DuplicateGroup",
    "FindingRecord",
    "Judgement",
    "Person",
    "SearchFilters",
    "SearchHit",
    "Suspension",
    "accept",
    "add",
    "apply_policy",
    "assign_threads",
    "audit_log",
    "compute_deadlines",
    "count",
    "deadlines",
    "dedupe",
    "find_duplicates",
    "find_person",
    "findings",
    "index_new",
    "join_grounds",
    "judge",
    "judgement",
    "judgements",
    "matching_ids",
    "normalise_judgement",
    "persons",
    "record_findings",
    "redactions",
    "reject",
    "reset_judgement",
    "run_detection",
    "scope_by_query",
    "search",
    "set_decision",
    "set_scope",
]
