"""A Woo case: one request, its metadata and deadlines, and the documents gathered for it.

``Case`` is the handle every other case module takes. It owns one SQLite connection for the
case tables (``case_*``) in ``case.sqlite``; documents themselves live in the store
(:class:`wooflow.store.CaseStore`) in the same file.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from wooflow.case import audit, db
from wooflow.case.deadlines import Deadlines, Suspension, compute
from wooflow.exceptions import CaseError
from wooflow.store.location import CaseLocation, parse_location
from wooflow.store.repos import case_docs, case_info

if TYPE_CHECKING:
    from wooflow.model import Document
    from wooflow.store import CaseStore

REQUESTER_KINDS = (
    "burger",
    "journalist",
    "bedrijf",
    "organisatie",
    "advocaat",
    "politicus",
    "wetenschapper",
    "overig",
)


@dataclass(slots=True)
class CaseInfo:
    """What the request is about. The requester's identity is deliberately not a field."""

    request: str
    received: date
    requester_kind: str = "burger"
    period_from: date | None = None
    period_to: date | None = None
    organisation: str = ""
    case_number: str = ""
    title: str = ""

    def __post_init__(self) -> None:
        if not self.request.strip():
            raise CaseError("het verzoek (--request) is leeg")
        if self.requester_kind not in REQUESTER_KINDS:
            raise CaseError(
                f"onbekend soort verzoeker {self.requester_kind!r}; kies uit {', '.join(REQUESTER_KINDS)}"
            )
        if self.period_from and self.period_to and self.period_from > self.period_to:
            raise CaseError("periode: de begindatum ligt na de einddatum")

    def to_json(self) -> dict[str, Any]:
        out = asdict(self)
        for key, value in out.items():
            if isinstance(value, date):
                out[key] = value.isoformat()
        return out

    @classmethod
    def from_json(cls, obj: dict[str, Any]) -> CaseInfo:
        def d(key: str) -> date | None:
            value = obj.get(key)
            return date.fromisoformat(value) if value else None

        received = d("received")
        if received is None:
            raise CaseError("zaak zonder ontvangstdatum")
        return cls(
            request=obj["request"],
            received=received,
            requester_kind=obj.get("requester_kind", "burger"),
            period_from=d("period_from"),
            period_to=d("period_to"),
            organisation=obj.get("organisation", ""),
            case_number=obj.get("case_number", ""),
            title=obj.get("title", ""),
        )


@dataclass(frozen=True, slots=True)
class DocRecord:
    """The case's view of one document: identity, metadata for filters, scope, judgement."""

    doc_id: int
    parent_id: int | None
    path: str
    name: str
    kind: str
    sha256: str
    text_hash: str
    type: str | None
    date: str | None
    title: str | None
    sender: str | None
    addressees: list[str] = field(default_factory=list)
    has_attachments: bool = False
    message_id: str | None = None
    thread_id: str | None = None
    in_scope: bool = True
    scope_reason: str = ""
    judgement: str = "openbaar"

    @classmethod
    def from_row(cls, row: Any) -> DocRecord:
        return cls(
            doc_id=row["doc_id"],
            parent_id=row["parent_id"],
            path=row["path"],
            name=row["name"],
            kind=row["kind"],
            sha256=row["sha256"],
            text_hash=row["text_hash"],
            type=row["type"],
            date=row["date"],
            title=row["title"],
            sender=row["sender"],
            addressees=json.loads(row["addressees"]),
            has_attachments=bool(row["has_attachments"]),
            message_id=row["message_id"],
            thread_id=row["thread_id"],
            in_scope=bool(row["in_scope"]),
            scope_reason=row["scope_reason"],
            judgement=row["judgement"],
        )


class Case:
    """An open case folder. Use :meth:`init` for a new case and :meth:`open` for an existing one.

    All writes go through the store's one connection (``case.conn``) inside
    ``case.transaction()``; callers may wrap several case calls in one outer transaction.
    """

    def __init__(self, case_dir: Path | str | CaseLocation, actor: str | None = None) -> None:
        """``case_dir``: the case folder, or a ``postgresql://`` URL (see wooflow.store.location)."""
        from wooflow.store import DB_NAME, CaseStore

        location = parse_location(case_dir)  # a folder holding database.url names a PostgreSQL case
        if not location.is_postgres and not (location.folder / DB_NAME).exists():
            raise CaseError(f"{location.folder}: geen zaakmap (maak er een met 'wooflow case init')")
        self.actor = actor or audit.default_actor()
        self.store: CaseStore = CaseStore(location)
        self.location: CaseLocation = self.store.location
        self.dir = self.store.case_dir  # the case folder (PostgreSQL: its files folder)
        self.conn: Any = self.store.conn  # sqlite3.Connection or PgConnection (same calls)
        db.ensure_schema(self.store)
        from wooflow.case import areas, person_edit

        areas.ensure_schema(self.store)
        person_edit.ensure_schema(self.store)
        if self._get("info") is None:
            self.store.close()
            raise CaseError(f"{self.location}: zaakgegevens ontbreken (maak de zaak met 'wooflow case init')")

    # -- life cycle -------------------------------------------------------------------------

    @classmethod
    def init(cls, case_dir: Path | str | CaseLocation, info: CaseInfo, actor: str | None = None) -> Case:
        """Create a case (the folder may already hold ingested documents, not another case)."""
        from wooflow.store import CaseStore

        actor = actor or audit.default_actor()
        location = parse_location(case_dir)
        with CaseStore(location) as store:
            db.ensure_schema(store)
            if case_info.get(store.conn, "info") is not None:
                raise CaseError(f"{case_dir}: bevat al een zaak")
            with store.transaction() as conn:
                case_info.insert(conn, "info", json.dumps(info.to_json(), ensure_ascii=False))
                audit.log(conn, actor, "case.init", detail=info.to_json())
        case = cls(location, actor)
        from wooflow.case.index import index_new

        index_new(case)
        return case

    @classmethod
    def open(cls, case_dir: Path | str | CaseLocation, actor: str | None = None) -> Case:
        """Open a case and index documents stored since (e.g. by ``wooflow ingest --case``)."""
        from wooflow.case.index import index_new

        case = cls(case_dir, actor)
        index_new(case)
        return case

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> Case:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[Any]:
        """One atomic unit of writes; nested use joins the outer transaction."""
        with self.store.transaction() as conn:
            yield conn

    # -- metadata ---------------------------------------------------------------------------

    def _get(self, key: str) -> str | None:
        return case_info.get(self.conn, key)

    @property
    def info(self) -> CaseInfo:
        raw = self._get("info")
        if raw is None:
            raise CaseError("zaakgegevens ontbreken")
        return CaseInfo.from_json(json.loads(raw))

    def update_info(self, **changes: Any) -> CaseInfo:
        """Change case metadata (validated; logged)."""
        data = self.info.to_json()
        for key, value in changes.items():
            if key not in data:
                raise CaseError(f"onbekend zaakgegeven {key!r}")
            data[key] = value.isoformat() if isinstance(value, date) else value
        info = CaseInfo.from_json(data)
        with self.transaction() as conn:
            case_info.update(conn, "info", json.dumps(info.to_json(), ensure_ascii=False))
            audit.log(conn, self.actor, "case.update", detail=changes)
        return info

    # -- deadlines --------------------------------------------------------------------------

    def extend(self, on: date | None = None, note: str = "") -> None:
        """Record the one extension by two weeks (Woo art. 4.4 lid 2), announced ``on``."""
        if case_info.extension_start(self.conn)[0]:
            raise CaseError("de beslistermijn is al verdaagd (dat kan maar één keer)")
        on = on or date.today()
        with self.transaction() as conn:
            case_info.add_extension(conn, on.isoformat(), note, self.actor, audit.now())
            audit.log(conn, self.actor, "case.extend", on=on, note=note)

    def extended_on(self) -> date | None:
        """When the extension was announced (None: not extended)."""
        start = case_info.extension_start(self.conn)[1]
        return date.fromisoformat(start) if start else None

    def suspend(
        self, start: date, end: date | None = None, note: str = "", doc_ids: Sequence[int] = ()
    ) -> int:
        """Record a suspension (zienswijze of a third party); ``end`` None while it runs.

        ``doc_ids``: the documents the third party is asked about (art. 4.4 Woo). Disclosing
        them against that party's view waits until it could object to the decision, so the
        inventory marks them "Opgeschort: ja".
        """
        if end is not None and end < start:
            raise CaseError("opschorting: einddatum ligt voor begindatum")
        ids = sorted(set(doc_ids))
        known = {r.doc_id for r in self.records()} if ids else set()
        missing = [str(i) for i in ids if i not in known]
        if missing:
            raise CaseError(f"opschorting: onbekend document {', '.join(missing)}")
        with self.transaction() as conn:
            sid = case_info.add_suspension(conn, start.isoformat(), end.isoformat() if end else None, note,
                                           self.actor, audit.now(), ids)
            audit.log(
                conn, self.actor, "case.suspend", target=str(sid),
                start=start, end=end, note=note, documents=ids,
            )
            return sid

    def suspended_documents(self) -> set[int]:
        """Documents a third party's zienswijze is (or was) asked about: "Opgeschort" in the
        inventory."""
        return case_info.suspended_documents(self.conn)

    def end_suspension(self, end: date, suspension_id: int | None = None) -> None:
        """Close a running suspension (the last one unless an id is given)."""
        running = case_info.running_suspension(self.conn, suspension_id)
        if running is None:
            raise CaseError("er loopt geen opschorting")
        sid, started = running
        if end < date.fromisoformat(started):
            raise CaseError("opschorting: einddatum ligt voor begindatum")
        with self.transaction() as conn:
            case_info.end_suspension(conn, sid, end.isoformat())
            audit.log(conn, self.actor, "case.end_suspension", target=str(sid), end=end)

    def suspensions(self) -> list[Suspension]:
        return [
            Suspension(date.fromisoformat(start), date.fromisoformat(end) if end else None, note)
            for start, end, note in case_info.suspensions(self.conn)
        ]

    def deadlines(self, today: date | None = None) -> Deadlines:
        """The legal decision term as of ``today`` (see :mod:`wooflow.case.deadlines`)."""
        extended = case_info.extension_start(self.conn)[0]
        return compute(self.info.received, extended, self.suspensions(), today)

    # -- documents --------------------------------------------------------------------------

    def add_document(self, doc: Document) -> int:
        """Store a document (with its attachments) and index it for search and review."""
        doc_id = self.store.add_document(doc)
        from wooflow.case.index import index_new

        index_new(self)
        return doc_id

    def add_paths(self, paths: Iterable[Path | str], on_event: Any = None) -> Any:
        """Ingest files or folders into the case (resumable) and index what is new.

        Returns the store's ``IngestSummary`` (stored, skipped and failed inputs).
        """
        from wooflow.case.index import index_new
        from wooflow.store import ingest_paths

        summary = ingest_paths(self.store, [str(p) for p in paths], on_event=on_event)
        index_new(self)
        return summary

    def document(self, doc_id: int, with_data: bool = False) -> Document:
        return self.store.get_document(doc_id, with_data=with_data)

    def text(self, doc_id: int) -> str:
        """The original text of a document (read straight from the store's table)."""
        text = case_docs.text(self.conn, doc_id)
        if text is None:
            raise CaseError(f"document {doc_id} bestaat niet in deze zaak")
        return text

    def record(self, doc_id: int) -> DocRecord:
        row = case_docs.record(self.conn, doc_id)
        if row is None:
            raise CaseError(f"document {doc_id} bestaat niet in deze zaak")
        return DocRecord.from_row(row)

    def records(self, in_scope: bool | None = None) -> list[DocRecord]:
        """All indexed documents in id order (optionally only in or out of scope)."""
        return [DocRecord.from_row(r) for r in case_docs.records(self.conn, in_scope)]

    def iter_records(self, in_scope: bool | None = None) -> Iterator[DocRecord]:
        """:meth:`records` one at a time, for a pass that keeps only a little of each."""
        for r in case_docs.records(self.conn, in_scope):
            yield DocRecord.from_row(r)

    def doc_ids(self) -> list[int]:
        return case_docs.ids(self.conn)
