"""Scope: whether a document falls under the request, with the reason (logged)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from wooflow.case import audit
from wooflow.case.search import SearchFilters, matching_ids
from wooflow.store.repos import case_docs

if TYPE_CHECKING:
    from wooflow.case.case import Case


def set_scope(case: Case, doc_ids: Iterable[int], in_scope: bool, reason: str = "") -> int:
    """Mark documents in or out of the request; returns how many changed."""
    ids = sorted(set(doc_ids))
    for doc_id in ids:
        case.record(doc_id)  # raises for an unknown id
    changed = 0
    with case.transaction() as conn:
        for doc_id in ids:
            if case_docs.set_scope_if_changed(conn, doc_id, in_scope, reason):
                changed += 1
                audit.log(conn, case.actor, "scope.in" if in_scope else "scope.out", doc_id,
                          reason=reason)
    return changed


def scope_by_query(case: Case, query: str, in_scope: bool, reason: str = "",
                   filters: SearchFilters | None = None) -> list[int]:
    """Mark every document matching a search in or out of scope; returns their ids."""
    ids = matching_ids(case, query, filters)
    set_scope(case, ids, in_scope, reason)
    return ids
