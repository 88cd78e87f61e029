"""The case store: documents, failures, blobs, the unit of work, and the repositories.

Two implementations behind one interface: SQLite (a case folder with ``case.sqlite``, the
embedded default; :mod:`wooflow.store.sqlite`) and PostgreSQL (a case named by a
``postgresql://`` URL; :mod:`wooflow.store.postgres`). ``CaseStore(folder_or_url)`` opens either;
``parse_location`` tells which a name is. Public API: ``CaseStore`` (documents, failures,
``transaction()``, other packages' schemas), ``ingest_paths`` (the resumable batch loop behind
``wooflow ingest``), ``case_lock``, the repositories in :mod:`wooflow.store.repos` and the search
index (:func:`wooflow.store.search_index.search_index`).
"""

from __future__ import annotations

from wooflow.store.batch import IngestEvent, IngestSummary, ingest_paths
from wooflow.store.case_store import CaseStore, DocumentRow, StoredFailure, open_connection, resolve_location
from wooflow.store.location import CaseLocation, is_url, parse_location
from wooflow.store.lock import case_lock
from wooflow.store.sqlite import DB_NAME

__all__ = [
    "case_lock",
    "CaseLocation",
    "DB_NAME",
    "CaseStore",
    "DocumentRow",
    "IngestEvent",
    "IngestSummary",
    "StoredFailure",
    "ingest_paths",
    "is_url",
    "open_connection",
    "parse_location",
    "resolve_location",
]
