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

from wooflow.understand.info import DocInfo, analyze

if TYPE_CHECKING:
    from wooflow.store import CaseStore

VERSION = 1  # bump when analyze's output changes meaningfully
SCHEMA = """
CREATE TABLE IF NOT EXISTS understand_info (
    doc_id INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
    version INTEGER NOT NULL,
    type TEXT NOT NULL,
    date TEXT,
    info TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS understand_info_type ON understand_info(type);
"""


def save_info(store: CaseStore, doc_id: int, info: DocInfo) -> None:
    store.ensure_schema("understand", SCHEMA)
    with store.transaction() as conn:
        conn.execute(
            "INSERT OR REPLACE INTO understand_info(doc_id, version, type, date, info)"
            " VALUES (?, ?, ?, ?, ?)",
            (doc_id, VERSION, info.type, info.date, json.dumps(info.to_json(), ensure_ascii=False)),
        )


def load_info(store: CaseStore, doc_id: int) -> DocInfo | None:
    """The stored analysis, or None when absent or written by another analyser version."""
    store.ensure_schema("understand", SCHEMA)
    row = store.conn.execute(
        "SELECT version, info FROM understand_info WHERE doc_id = ?", (doc_id,)
    ).fetchone()
    if row is None or row["version"] != VERSION:
        return None
    return DocInfo.from_json(json.loads(row["info"]))


def analyze_case(store: CaseStore, doc_ids: Iterable[int] | None = None) -> int:
    """Analyse every stored document (children included) that has no current analysis yet.

    Incremental and restartable: returns how many documents were analysed now.
    """
    store.ensure_schema("understand", SCHEMA)
    done = {
        r["doc_id"]
        for r in store.conn.execute(
            "SELECT doc_id FROM understand_info WHERE version = ?", (VERSION,)
        )
    }
    ids = doc_ids if doc_ids is not None else store.iter_document_ids(include_children=True)
    count = 0
    for doc_id in list(ids):
        if doc_id in done:
            continue
        doc = store.get_document(doc_id, with_data=False)
        save_info(store, doc_id, analyze(doc))
        count += 1
    return count
