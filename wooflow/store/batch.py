"""The resumable ingest loop: read each input, store it in its own transaction, record failures.

Before parsing, a file's hash is checked against the case: a file already stored under the same
path is skipped without reading it again (OCR is expensive), which is what makes a re-run after
Ctrl-C or a crash cheap and free of duplicates.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from wooflow.exceptions import CaseError, InputError
from wooflow.ingest import IngestFailure, ReadContext, expand_paths
from wooflow.ingest.base import clean_text
from wooflow.ingest.dispatch import load_file, read_data
from wooflow.model import sha256_bytes
from wooflow.store.case_store import CaseStore

STORED, SKIPPED, FAILED = "stored", "skipped", "failed"
# Warning reasons that mean content was left out (an attachment, member or page not read): each
# becomes a failure row of the case, so the inventory and the decision letter can count it.
DROPPED = frozenset(
    {"unreadable", "unsupported", "empty", "corrupt", "encrypted", "zip-bomb", "limit",
     "malformed-mail", "incomplete"}
)


def dropped_content(warning: str) -> tuple[str, str, str] | None:
    """``(path, reason, detail)`` when a reader's warning says content was left out."""
    parts = warning.split(": ", 2)
    if len(parts) == 3 and parts[1] in DROPPED:
        return parts[0], parts[1], parts[2]
    return None


@dataclass(frozen=True, slots=True)
class IngestEvent:
    """What happened to one input; ``warnings`` are attachment or member problems."""

    path: str
    status: str
    doc_id: int | None = None
    failure: IngestFailure | None = None
    warnings: tuple[str, ...] = ()


@dataclass(slots=True)
class IngestSummary:
    stored: int = 0
    skipped: int = 0
    failed: int = 0
    documents: int = 0  # stored documents including children
    failures: list[IngestFailure] = field(default_factory=list)

    def add(self, event: IngestEvent) -> None:
        if event.status == STORED:
            self.stored += 1
        elif event.status == SKIPPED:
            self.skipped += 1
        else:
            self.failed += 1
            if event.failure is not None:
                self.failures.append(event.failure)


def ingest_one(store: CaseStore, path: str, ctx: ReadContext | None = None) -> IngestEvent:
    """Store one input file; an unreadable file becomes a recorded failure, never an exception.

    ``path`` is opened as given (a name that is not valid UTF-8 arrives as surrogate escapes);
    the case stores and reports it with U+FFFD in their place (``clean_text``)."""
    real, path = path, clean_text(path)
    try:
        data = load_file(real)
        existing = store.find_document(path, sha256_bytes(data))
        if existing is not None:
            store.clear_failure(path)
            return IngestEvent(path, SKIPPED, existing)
        doc = read_data(data, path, path, (ctx or ReadContext()).fresh())
    except InputError as exc:
        failure = IngestFailure.from_error(exc, real)
        failure = IngestFailure(path, failure.reason, clean_text(failure.detail))
        store.record_failure(failure.path, failure.reason, failure.detail)
        return IngestEvent(path, FAILED, failure=failure)
    doc.data = data  # hand the bytes we hashed to the blob store instead of re-reading the file
    warnings = tuple(clean_text(w) for item in doc.walk() for w in item.warnings)
    try:
        with store.transaction():  # the document and what it left out, together or not at all
            doc_id = store.add_document(doc)
            store.clear_failure(path)
            for w in warnings:
                lost = dropped_content(w)
                if lost is not None:
                    store.record_failure(*lost)
    except CaseError as exc:  # e.g. the file changed while it was read: this input only
        failure = IngestFailure(path, "unreadable", clean_text(str(exc)))
        store.record_failure(failure.path, failure.reason, failure.detail)
        return IngestEvent(path, FAILED, failure=failure)
    finally:
        doc.data = None
    return IngestEvent(path, STORED, doc_id, warnings=warnings)


def ingest_paths(
    store: CaseStore,
    paths: Iterable[str | os.PathLike[str]],
    ctx: ReadContext | None = None,
    on_event: Callable[[IngestEvent], None] | None = None,
) -> IngestSummary:
    """Ingest every file under ``paths`` (folders recursed, sorted) into ``store``."""
    summary = IngestSummary()
    for path in expand_paths(paths):
        event = ingest_one(store, path, ctx)
        summary.add(event)
        if on_event is not None:
            on_event(event)
    summary.documents = store.count_documents()
    return summary
