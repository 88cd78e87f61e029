"""One document number everywhere: the inventory number the publication gives each document.

The numbers come from the publication's own numbering (``wooflow.case.publish.inventory``):
numbers already given (``inventaris-nummers.json``) are kept, documents without one get the
number the next publication will give them (same order: date, e-mail before attachments, path).
Nothing is written: only ``wooflow process``/publish saves numbers. Containers (zip, mbox) have
no number of their own; they show as "bestand N".

The map is cached per app and rebuilt when the documents or the numbers file change.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import TYPE_CHECKING

from wooflow.store.repos import case_docs

if TYPE_CHECKING:
    from wooflow.case import Case


class InventoryNumbers:
    def __init__(self, case_dir: Path) -> None:
        from wooflow.case.publish.inventory import NUMBERS_FILE

        self.file = case_dir / NUMBERS_FILE
        self._key: tuple[object, ...] | None = None
        self._labels: dict[int, str] = {}
        self._docs: dict[str, int] = {}
        self._width = 4
        self._lock = threading.Lock()

    def _cache_key(self, case: Case) -> tuple[object, ...]:
        count, top = case_docs.count_and_top(case.conn)
        mtime = self.file.stat().st_mtime_ns if self.file.exists() else 0
        return (count, top, mtime)

    def refresh(self, case: Case) -> None:
        key = self._cache_key(case)
        if key == self._key:
            return
        from wooflow.case.publish import inventory
        from wooflow.case.publish.records import PublishRecord
        from wooflow.case.publish.source import CONTAINER_KINDS, _date, record_key

        recs = case.records()
        by_id = {r.doc_id: r for r in recs}
        docs = [r for r in recs if r.kind not in CONTAINER_KINDS]
        keys = {r.doc_id: record_key(r) for r in docs}
        publish_recs = []
        for r in docs:
            parent = by_id.get(r.parent_id) if r.parent_id is not None else None
            parent_key = keys.get(parent.doc_id) if parent and parent.kind not in CONTAINER_KINDS else None
            publish_recs.append(
                PublishRecord(key=keys[r.doc_id], name=r.name, file_type="", judgement=r.judgement,
                              date=_date(r.date), parent_key=parent_key)
            )
        numbers = inventory.Numbering(self.file.parent).assign(publish_recs)
        width = max(inventory.MIN_WIDTH, len(str(max(numbers.values(), default=0))))
        labels = {d: inventory.format_id(numbers[k], width) for d, k in keys.items()}
        for r in recs:
            labels.setdefault(r.doc_id, f"bestand {r.doc_id}")
        with self._lock:
            self._labels = labels
            self._docs = {v: k for k, v in labels.items()}
            self._width = width
            self._key = key

    def label(self, doc_id: int | None) -> str:
        if doc_id is None:
            return ""
        return self._labels.get(doc_id, str(doc_id))

    def doc_of(self, number: str) -> int | None:
        """The document with this inventory number ("1", "0001"), or None."""
        value = number.strip()
        if not value.isdigit() or len(value) > 18:
            return None
        return self._docs.get(value.lstrip("0").zfill(self._width))
