"""The case package's tables in the case database, and the one connection that writes them.

The case database (``case.sqlite``, or a PostgreSQL database) is owned by :mod:`wooflow.store`.
The case package adds its own tables under the ``case_`` prefix through
``CaseStore.ensure_schema``; they are declared in :mod:`wooflow.store.repos.case_schema` and
written only through the store's repositories (:mod:`wooflow.store.repos`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from wooflow.store.repos import case_schema

if TYPE_CHECKING:
    from wooflow.store import CaseStore

SCHEMA = case_schema.CASE


def ensure_schema(store: CaseStore) -> None:
    """Create the case tables in the store's database if missing or changed (idempotent)."""
    store.ensure_schema("case", SCHEMA)
