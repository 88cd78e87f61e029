"""The case store: SQLite database ``case.sqlite`` plus ``blobs/<sha256>`` in the case folder.

Public API: ``CaseStore`` (documents, failures, transactions, other packages' schemas) and
``ingest_paths`` (the resumable batch loop behind ``wooflow ingest``).
"""

from __future__ import annotations

from wooflow.store.batch import IngestEvent, IngestSummary, ingest_paths
from wooflow.store.case_store import DB_NAME, CaseStore, DocumentRow, StoredFailure
from wooflow.store.lock import case_lock

__all__ = [
    "case_lock",
    "DB_NAME",
    "CaseStore",
    "DocumentRow",
    "IngestEvent",
    "IngestSummary",
    "StoredFailure",
    "ingest_paths",
]
