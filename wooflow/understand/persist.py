"""Keep each document's ``DocInfo`` in the case database (``understand_info`` table).

The case index keeps a few columns for search (type, date, title, sender); this table keeps the
whole analysis (structure, references, printed redaction codes with positions) so the review
screen and reports need not re-analyse. Stored per document id with the analyser version, so a
new version re-analyses what an older one wrote.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import TYPE_CHECKING

from wooflow.store.repos import analyses
from wooflow.understand.info import DocInfo, analyze

if TYPE_CHECKING:
    from wooflow.store import CaseStore

VERSION = 1  # bump when analyze's output changes meaningfully
SCHEMA = analyses.SCHEMA


def save_info(store: CaseStore, doc_id: int, info: DocInfo) -> None:
    store.ensure_schema("understand", SCHEMA)
    with store.transaction() as conn:
        analyses.put(conn, doc_id, VERSION, info.type, info.date, json.dumps(info.to_json(), ensure_ascii=False))


def load_info(store: CaseStore, doc_id: int) -> DocInfo | None:
    """The stored analysis, or None when absent or written by another analyser version."""
    store.ensure_schema("understand", SCHEMA)
    found = analyses.get(store.conn, doc_id)
    if found is None or found[0] != VERSION:
        return None
    return DocInfo.from_json(json.loads(found[1]))


def analyze_case(store: CaseStore, doc_ids: Iterable[int] | None = None) -> int:
    """Analyse every stored document (children included) that has no current analysis yet.

    Incremental and restartable: returns how many documents were analysed now.
    """
    store.ensure_schema("understand", SCHEMA)
    done = analyses.ids_at_version(store.conn, VERSION)
    ids = doc_ids if doc_ids is not None else store.iter_document_ids(include_children=True)
    count = 0
    for doc_id in list(ids):
        if doc_id in done:
            continue
        doc = store.get_document(doc_id, with_data=False)
        save_info(store, doc_id, analyze(doc))
        count += 1
    return count
