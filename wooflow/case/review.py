"""Findings under review: detection proposes, a reviewer (or the acceptance policy) decides.

Statuses: ``proposed`` (from detection, undecided), ``accepted``, ``rejected``, ``added``
(drawn by a reviewer). Re-running detection replaces only undecided detection rows: accepted,
rejected, added and propagated findings are never deleted, and a new detection on the same span
as a decided one is skipped. Every decision is written to the audit log.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from wooflow.case import audit
from wooflow.case.judgement import REDACTING, normalise_ground, refresh
from wooflow.exceptions import CaseError
from wooflow.model import Finding
from wooflow.store.repos import findings as finding_rows
from wooflow.store.repos import persons as person_rows

if TYPE_CHECKING:
    from wooflow.case.case import Case

STATUSES = ("proposed", "accepted", "rejected", "added")
IDENTIFIER_CATEGORIES = frozenset({"bsn", "iban", "email", "phone"})


@dataclass(frozen=True, slots=True)
class FindingRecord:
    """A stored finding with its review state."""

    id: int
    doc_id: int
    finding: Finding
    status: str
    source: str
    person_key: str | None
    reviewer: str | None
    reviewed_at: str | None

    @classmethod
    def from_row(cls, r: Any) -> FindingRecord:
        f = Finding(
            r["start"], r["end"], r["text"], r["category"], r["action"], r["ground"],
            r["score"], r["recognizer"], r["reason"],
        )
        return cls(r["id"], r["doc_id"], f, r["status"], r["source"], r["person_key"],
                   r["reviewer"], r["reviewed_at"])

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"id": self.id, "doc_id": self.doc_id}
        out.update(self.finding.to_json())
        out.update(status=self.status, source=self.source, person_key=self.person_key,
                   reviewer=self.reviewer, reviewed_at=self.reviewed_at)
        return out


@dataclass(frozen=True, slots=True)
class AcceptancePolicy:
    """Which proposed findings are accepted without a human: identifiers and high scores."""

    categories: frozenset[str] = field(default=IDENTIFIER_CATEGORIES)
    min_score: float = 0.9
    propagate_persons: bool = True

    def accepts(self, f: Finding) -> bool:
        return f.action == "redact" and (f.category in self.categories or f.score >= self.min_score)


def _insert(conn: Any, doc_id: int, f: Finding, status: str, source: str,
            reviewer: str | None, reviewed_at: str | None) -> int:
    return finding_rows.insert(
        conn,
        (doc_id, f.start, f.end, f.text, f.category, f.action,
         normalise_ground(f.ground) if f.ground else None, f.score, f.recognizer, f.reason,
         status, source, reviewer, reviewed_at, audit.now()),
    )


def covered_spans(conn: Any, doc_id: int) -> list[tuple[int, int]]:
    """Spans of findings that are decided or proposed (not rejected) in a document."""
    return finding_rows.spans(conn, doc_id, not_rejected=True)


def record_findings(case: Case, results: Mapping[int, Iterable[Finding]], persons: bool = True) -> int:
    """Store detection results per document id, keeping everything already reviewed.

    Persons decided before are applied to new findings (a redacted person stays redacted in a
    newly added document). Returns how many findings are new (not proposed before).
    ``persons=False`` leaves the persons to one :func:`settle_persons` after the last batch
    (each call reads every person finding of the case: per batch that is quadratic).
    """
    from wooflow.case.persons import assign_keys

    new = 0
    with case.transaction() as conn:
        for doc_id, found in results.items():
            before = set(finding_rows.spans(conn, doc_id, status="proposed", source="detect"))
            finding_rows.delete_proposed_detections(conn, doc_id)
            kept = set(finding_rows.spans(conn, doc_id))
            for f in found:
                if (f.start, f.end) in kept:
                    continue
                kept.add((f.start, f.end))
                _insert(conn, doc_id, f, "proposed", "detect", None, None)
                new += (f.start, f.end) not in before
        audit.log(conn, "detectie", "findings.detect", detail={"documents": len(results), "new": new})
    if persons:
        assign_keys(case)
        _apply_person_decisions(case, list(results))
    refresh(case, list(results))
    return new


def settle_persons(case: Case, batch: int = 500) -> None:
    """The case-wide step after detection in batches: every person finding gets its person,
    decided persons are applied to every document, judgements follow."""
    from wooflow.case.persons import assign_keys

    assign_keys(case)
    ids = case.doc_ids()
    for i in range(0, len(ids), batch):
        _apply_person_decisions(case, ids[i : i + batch])
    refresh(case)


def _apply_person_decisions(case: Case, doc_ids: list[int]) -> None:
    if not doc_ids:
        return
    with case.transaction() as conn:
        for decision, status, only in (("redact", "accepted", ""), ("keep", "rejected", "redact")):
            # "keep" rejects only redactions; a detected keep-finding stays as detected
            finding_rows.apply_person_decision(conn, doc_ids, decision, status, only, audit.now())


def run_detection(case: Case, detector: Any = None, doc_ids: list[int] | None = None,
                  batch: int = 5000) -> int:
    """Detect personal data in the case's documents (all by default) and record the findings.

    Texts go to the detector together (in batches of ``batch``) because detection is
    case-wide: a name found in one document is looked for in the others.
    """
    if detector is None:
        from wooflow.detect import Detector  # type: ignore[attr-defined]

        detector = Detector()
    ids = case.doc_ids() if doc_ids is None else doc_ids
    total = 0
    for i in range(0, len(ids), batch):
        chunk = {doc_id: case.text(doc_id) for doc_id in ids[i : i + batch]}
        if hasattr(detector, "detect_case"):
            results = detector.detect_case(chunk)
        else:
            results = {k: detector.detect(t) for k, t in chunk.items()}
        total += record_findings(case, results)
    return total


def findings(case: Case, doc_id: int | None = None, status: str | None = None) -> list[FindingRecord]:
    return [FindingRecord.from_row(r) for r in finding_rows.rows(case.conn, doc_id, status)]


FINDING_PAGE_DOCS = 500  # documents whose findings iter_findings reads at a time


def iter_findings(case: Case, status: str | None = None, page_docs: int = FINDING_PAGE_DOCS) -> Iterator[FindingRecord]:
    """:func:`findings` of the whole case in the same order (by document, then start), read a
    range of ``page_docs`` document ids at a time: for case-wide passes that must not hold every
    finding of a large case."""
    span = finding_rows.doc_id_range(case.conn)
    if span is None:
        return
    for lo in range(span[0], span[1] + 1, page_docs):
        for r in finding_rows.rows_between(case.conn, lo, lo + page_docs, status):
            yield FindingRecord.from_row(r)


def count_findings(case: Case, status: str | None = None) -> int:
    return finding_rows.count(case.conn, status)


def redactions(case: Case, doc_id: int) -> list[Finding]:
    """What the redactor must black out in this document: accepted and added redactions."""
    return [
        r.finding for r in findings(case, doc_id)
        if r.status in REDACTING and r.finding.action == "redact"
    ]


def _get(case: Case, finding_id: int) -> FindingRecord:
    row = finding_rows.get(case.conn, finding_id)
    if row is None:
        raise CaseError(f"bevinding {finding_id} bestaat niet")
    return FindingRecord.from_row(row)


def _set_status(case: Case, finding_id: int, status: str, doc_id: int | None) -> FindingRecord:
    rec = _get(case, finding_id)
    if doc_id is not None and rec.doc_id != doc_id:
        raise CaseError(f"bevinding {finding_id} hoort niet bij document {doc_id}")
    with case.transaction() as conn:
        finding_rows.set_status(conn, finding_id, status, case.actor, audit.now())
        audit.log(conn, case.actor, f"finding.{status[:-2] if status.endswith('ed') else status}",
                  rec.doc_id, str(finding_id), previous=rec.status, text=rec.finding.text,
                  category=rec.finding.category)
    refresh(case, [rec.doc_id])
    return _get(case, finding_id)


def accept(case: Case, finding_id: int, doc_id: int | None = None, propagate: bool = True) -> FindingRecord:
    """Accept a redaction. Accepting a person redacts that person case-wide (``propagate``)."""
    rec = _set_status(case, finding_id, "accepted", doc_id)
    if propagate and rec.person_key and rec.finding.action == "redact":
        from wooflow.case.persons import set_decision

        decision = person_rows.decision(case.conn, rec.person_key)
        if decision is not None and decision != "redact":
            set_decision(case, rec.person_key, "redact")
    return _get(case, finding_id)


def reject(case: Case, finding_id: int, doc_id: int | None = None) -> FindingRecord:
    """Reject one finding (this span only; use persons to keep a person public everywhere)."""
    return _set_status(case, finding_id, "rejected", doc_id)


def add(case: Case, doc_id: int, start: int, end: int, category: str, ground: str,
        reason: str = "handmatig toegevoegd") -> FindingRecord:
    """A redaction drawn by the reviewer (status ``added``)."""
    text = case.text(doc_id)
    if not 0 <= start < end <= len(text):
        raise CaseError(f"bereik {start}-{end} valt buiten de tekst (lengte {len(text)})")
    f = Finding(start, end, text[start:end], category, "redact", normalise_ground(ground), 1.0,
                "manual", reason)
    with case.transaction() as conn:
        fid = _insert(conn, doc_id, f, "added", "manual", case.actor, audit.now())
        audit.log(conn, case.actor, "finding.add", doc_id, str(fid), start=start, end=end,
                  text=f.text, category=category, ground=f.ground)
    if category in ("person", "email"):
        from wooflow.case.persons import assign_keys

        assign_keys(case)
    refresh(case, [doc_id])
    return _get(case, fid)


def apply_policy(case: Case, policy: AcceptancePolicy | None = None,
                 doc_ids: list[int] | None = None) -> int:
    """Accept proposed findings the policy allows; the rest stay proposed. Returns how many.

    One transaction: the accepted findings, the persons they decide and the judgements land
    together or not at all, so a crash midway leaves the case as before and a re-run does the
    same work. Persons follow from the stored state (a policy-accepted person finding whose
    person is still undecided), so a second run repairs what an older version left half done.
    """
    from wooflow.case.persons import decide_persons

    policy = policy or AcceptancePolicy()
    wanted = set(doc_ids) if doc_ids is not None else None
    now = audit.now()
    accepted = 0
    docs: set[int] = set()  # documents with an accepted finding: their judgements follow
    chosen_keys: set[str] = set()
    with case.transaction() as conn:
        page: list[int] = []
        # read page by page (a large case has millions of findings); the pages are ranges of
        # document ids, so accepting one page changes nothing a later page reads
        for r in iter_findings(case, status="proposed"):
            if (wanted is None or r.doc_id in wanted) and policy.accepts(r.finding):
                page.append(r.id)
                docs.add(r.doc_id)
                if r.person_key:
                    chosen_keys.add(r.person_key)
                if len(page) >= 5_000:
                    finding_rows.accept_by_policy(conn, page, now)
                    accepted += len(page)
                    page = []
        finding_rows.accept_by_policy(conn, page, now)
        accepted += len(page)
        audit.log(conn, "beleid", "policy.apply", detail={
            "accepted": accepted, "categories": sorted(policy.categories),
            "min_score": policy.min_score,
        })
        if policy.propagate_persons:
            keys = finding_rows.policy_persons_undecided(conn)
            if doc_ids is not None:
                keys &= chosen_keys
            actor, case.actor = case.actor, "beleid"  # automatic, not the person running wooflow
            try:
                decide_persons(case, sorted(keys), "redact")
            finally:
                case.actor = actor
        refresh(case, docs)
    return accepted
