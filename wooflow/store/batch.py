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
from wooflow.model import Document, Word, sha256_bytes
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


@dataclass(slots=True)
class ReadOutcome:
    """What reading one input gave, before anything is stored: a document or a failure.

    Made by :func:`read_input` (no store needed: it runs in worker processes or on cluster
    workers too) and stored by :func:`store_read` in the process that owns the case."""

    path: str  # as the case stores it (``clean_text``)
    doc: Document | None = None  # carries its bytes in ``doc.data``
    failure: IngestFailure | None = None
    # ``pack``ed: the words of each document of ``doc.walk()`` by page, in the store's format
    # (``doc.words`` emptied): a result sent between processes pickles bytes, not a Python
    # object per word (which made 2 ingest workers slower than 1, issue 15b)
    packed: list[dict[int, bytes]] | None = None

    def pack(self) -> ReadOutcome:
        if self.doc is not None and self.packed is None:
            from wooflow.store.codec import pack_words

            self.packed = []
            for item in self.doc.walk():
                by_page: dict[int, list[Word]] = {}
                for word in item.words:
                    by_page.setdefault(word.page, []).append(word)
                self.packed.append({page: pack_words(words) for page, words in by_page.items()})
                item.words = []
        return self


def read_input(real: str, data: bytes, ctx: ReadContext | None = None) -> ReadOutcome:
    """Parse the bytes of input ``real``: never raises for bad input, never touches a store."""
    path = clean_text(real)
    try:
        doc = read_data(data, path, path, (ctx or ReadContext()).fresh())
    except InputError as exc:
        return ReadOutcome(path, failure=_failure(exc, real))
    doc.data = data  # hand the bytes we hashed to the blob store instead of re-reading the file
    return ReadOutcome(path, doc=doc)


def _failure(exc: InputError, real: str) -> IngestFailure:
    failure = IngestFailure.from_error(exc, real)
    return IngestFailure(clean_text(real), failure.reason, clean_text(failure.detail))


def store_read(store: CaseStore, outcome: ReadOutcome) -> IngestEvent:
    """Store what :func:`read_input` gave: the document and what it left out in one
    transaction, or the failure."""
    path, doc = outcome.path, outcome.doc
    if doc is None:
        failure = outcome.failure or IngestFailure(path, "unreadable", "onbekende fout")
        store.record_failure(failure.path, failure.reason, failure.detail)
        return IngestEvent(path, FAILED, failure=failure)
    warnings = tuple(clean_text(w) for item in doc.walk() for w in item.warnings)
    try:
        with store.transaction():  # the document and what it left out, together or not at all
            doc_id = store.add_document(doc, packed=outcome.packed)
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


def check_input(
    store: CaseStore, real: str, record: bool = True
) -> tuple[bytes | None, IngestEvent | None]:
    """The bytes of input ``real`` when it still has to be read, else the event that ends it
    here: already stored with the same content (skipped, not parsed again) or not loadable.
    With ``record`` False the store is only read: the caller passes the event to
    :func:`record_checked` when it comes to this input in order (a pool reads inputs ahead)."""
    path = clean_text(real)
    try:
        data = load_file(real)
    except InputError as exc:
        event = IngestEvent(path, FAILED, failure=_failure(exc, real))
    else:
        existing = store.find_document(path, sha256_bytes(data))
        if existing is None:
            return data, None
        event = IngestEvent(path, SKIPPED, existing)
    if record:
        record_checked(store, event)
    return None, event


def record_checked(store: CaseStore, event: IngestEvent) -> None:
    """What :func:`check_input` writes for an input it ends: its failure, or a skipped input's
    old failure cleared. Called in input order, the failures keep the order of the inputs
    (the inventory lists them so) however far ahead an executor read."""
    if event.status == FAILED and event.failure is not None:
        store.record_failure(event.failure.path, event.failure.reason, event.failure.detail)
    elif event.status == SKIPPED:
        store.clear_failure(event.path)


def ingest_one(store: CaseStore, path: str, ctx: ReadContext | None = None) -> IngestEvent:
    """Store one input file; an unreadable file becomes a recorded failure, never an exception.

    ``path`` is opened as given (a name that is not valid UTF-8 arrives as surrogate escapes);
    the case stores and reports it with U+FFFD in their place (``clean_text``)."""
    data, event = check_input(store, path)
    if event is not None or data is None:
        assert event is not None
        return event
    return store_read(store, read_input(path, data, ctx))


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
