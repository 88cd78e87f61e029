"""Read a reviewed case (wooflow.case) into the plain records the publication writers take.

This is the only module of the publication that knows the case tables' API; everything else
works on ``PublishRecord`` and ``CaseMeta``.
"""

from __future__ import annotations

import json
import os
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import TypeVar

from wooflow.case.areas import grounds_by_doc as area_grounds
from wooflow.case.case import Case, DocRecord
from wooflow.case.judgement import REDACTING, Judgement, judgements
from wooflow.case.publish.names import (
    CONTENT_CATEGORIES,
    PERSON_CATEGORIES,
    Needle,
    build_needles,
    make_scrubber,
)
from wooflow.case.publish.records import (
    PUBLISHED,
    CaseMeta,
    PublishRecord,
    ReviewCounts,
    sort_grounds,
)
from wooflow.case.review import findings, iter_findings
from wooflow.case.text import fold
from wooflow.model import Finding
from wooflow.store.repos import case_docs, case_info
from wooflow.store.repos import findings as finding_rows

CONTAINER_KINDS = ("zip", "mbox")  # their text is their members' text: list the members instead
MIN_SCRUB_LEN = 3
_T = TypeVar("_T")


@dataclass(slots=True)
class CaseView:
    meta: CaseMeta
    records: list[PublishRecord]
    doc_ids: dict[str, int]  # record key -> case document id
    statuses: tuple[str, ...]  # finding statuses the draft redacts (see ``redact_findings``)
    review: ReviewCounts
    terms: dict[str, str] = field(default_factory=dict)  # redacted text -> ground code
    needles: list[Needle] = field(default_factory=list)  # every form of what is decided "lakken"
    proposed: list[Needle] = field(default_factory=list)  # also what the draft redacts as proposed

    def redact_findings(self, case: Case, doc_id: int) -> list[Finding]:
        """What the draft redacts in one document (read from the case when it is needed)."""
        return [
            r.finding for r in findings(case, doc_id)
            if r.status in self.statuses and r.finding.action == "redact"
        ]

    def scrubber(self) -> Callable[[str], str]:
        """Every needle, plus every other redacted text (content such as special categories)."""
        base = self.proposed or self.needles
        known = {n.text.lower() for n in base}
        extra = [Needle(t, "tekst", "", g) for t, g in self.terms.items() if t.lower() not in known]
        return make_scrubber(base + extra)


def record_key(rec: DocRecord) -> str:
    """Stable identity of a document across runs: where it came from plus what it holds."""
    return f"{rec.path}@{rec.sha256[:12]}"


def _date(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def _file_type(rec: DocRecord) -> str:
    ext = os.path.splitext(rec.name)[1].lstrip(".").lower()
    return ext or rec.kind


def case_meta(case: Case, contact: str = "[naam contactpersoon]") -> CaseMeta:
    info = case.info
    dl = case.deadlines()
    recorded = case_info.extension_recorded_at(case.conn)
    extended = _date(recorded) if recorded else None
    return CaseMeta(
        case_number=info.case_number or "zonder-nummer",
        request_text=info.request,
        subject=info.title,
        requester_kind=info.requester_kind,
        organisation=info.organisation or None,
        period_from=info.period_from,
        period_to=info.period_to,
        received=info.received,
        deadline=dl.base_due,
        extended=extended if dl.extended else None,
        extended_deadline=dl.due if dl.extended else None,
        suspended_days=dl.suspended_days,
        third_parties=len(dl.suspensions),
        contact=contact,
    )


JUDGEMENT_CHUNK = 2000  # documents whose judgements are read at once while the records are made


class _Shared:
    """One object per distinct value (strings, tuples, dates, read-only dicts): a case of
    100,000 documents repeats a few file types, judgements, grounds and explanations in every
    record, each otherwise its own copy."""

    def __init__(self) -> None:
        self._seen: dict[object, object] = {}

    def __call__(self, value: _T) -> _T:
        return self._seen.setdefault(value, value)  # type: ignore[return-value]

    def categories(self, gcats: dict[str, set[str]]) -> dict[str, tuple[str, ...]]:
        """``{ground: sorted categories}``, the same dict for the same content (never changed
        after ``load``: the letter only reads it)."""
        if not gcats:
            return self._empty
        items = tuple((g, self(tuple(sorted(c)))) for g, c in gcats.items())
        found = self._seen.get(("categories", items))
        if found is None:
            found = self._seen[("categories", items)] = dict(items)
        return found  # type: ignore[return-value]

    @property
    def _empty(self) -> dict[str, tuple[str, ...]]:
        found = self._seen.get(("categories", ()))
        if found is None:
            found = self._seen[("categories", ())] = {}
        return found  # type: ignore[return-value]


def load(case: Case, redact_proposed: bool = True, contact: str = "[naam contactpersoon]") -> CaseView:
    """Records, redactions and review counts of every document in the case.

    With ``redact_proposed`` the draft redacts proposed findings as well as accepted ones: a
    draft package must not leak what nobody has looked at yet.

    The case's documents are read twice, one at a time (never all ``DocRecord``s at once: ~1.5
    KiB each, with senders and addressees this does not use): first what links documents (keys,
    threads, message ids), then the records, their judgements read ``JUDGEMENT_CHUNK`` at a time.
    """
    shared = _Shared()
    keys: dict[int, str] = {}  # non-container documents (in id order) -> record key
    thread_best: dict[str, tuple[str, int]] = {}  # thread id -> (date or "9999", doc id) of its first message
    by_msgid: dict[str, int] = {}
    stored_paths: set[str] = set()
    for r in case.iter_records():
        stored_paths.add(r.path)
        if r.kind in CONTAINER_KINDS:
            continue
        keys[r.doc_id] = record_key(r)
        if r.message_id:
            by_msgid[r.message_id] = r.doc_id
        if r.thread_id:
            order = (r.date or "9999", r.doc_id)
            best = thread_best.get(r.thread_id)
            if best is None or order < best:
                thread_best[r.thread_id] = order
    unreadable = _unreadable(case, stored_paths)
    del stored_paths
    # One thread id per e-mail thread: the key of its first message.
    thread_first = {t: doc_id for t, (_, doc_id) in thread_best.items()}
    del thread_best
    replies = _reply_targets(case, by_msgid)
    del by_msgid

    statuses = (*REDACTING, "proposed") if redact_proposed else REDACTING
    # per document only counts and grounds: the findings themselves are read again per
    # document when it is redacted (``redact_findings``), never all held at once
    redacting: Counter[int] = Counter()
    gcats_by_doc: dict[int, dict[str, tuple[str, ...]]] = {}
    review = ReviewCounts()
    cats: Counter[str] = Counter()
    terms: dict[str, str] = {}
    # person key (or text) -> (ground, decided forms, proposed forms)
    person_texts: dict[str, tuple[str, set[str], set[str]]] = {}
    # identifiers by (text, category): the first seen and the first decided, in finding order
    any_ids: dict[tuple[str, str], tuple[str, str, str]] = {}
    decided_ids: dict[tuple[str, str], tuple[str, str, str]] = {}
    gcat_doc = -1  # the document being read, and its {ground: categories}
    gcats: dict[str, set[str]] = {}
    for fr in iter_findings(case):
        f = fr.finding
        if fr.status in ("accepted", "added"):
            review.accepted += 1
        elif fr.status == "proposed":
            review.proposed += 1
        else:
            review.rejected += 1
        if f.action != "redact":
            continue
        cats[f.category] += 1
        if fr.status in statuses:
            redacting[fr.doc_id] += 1
            if f.ground:
                if fr.doc_id != gcat_doc:  # the previous document's are complete: kept compact
                    if gcats:
                        gcats_by_doc[gcat_doc] = shared.categories(gcats)
                    # (a document met again would continue where it was: findings come by document)
                    gcat_doc, gcats = fr.doc_id, {g: set(c) for g, c in gcats_by_doc.get(fr.doc_id, {}).items()}
                gcats.setdefault(f.ground, set()).add(f.category)
            if len(f.text.strip()) >= MIN_SCRUB_LEN:
                terms[f.text.strip()] = f.ground or "5.1.2e"
            # decided: accepted or added (not a proposal the draft redacts to be safe)
            decided = fr.status in REDACTING
            if f.category in PERSON_CATEGORIES:
                who = fr.person_key or f"tekst:{fold(f.text)}"
                _, sure, maybe = person_texts.setdefault(who, (f.ground or "5.1.2e", set(), set()))
                (sure if decided else maybe).add(f.text.strip())
            elif f.category not in CONTENT_CATEGORIES:
                item = (f.text, f.category, f.ground or "5.1.2e")
                key = (" ".join(f.text.split()).lower(), f.category)  # build_needles keeps the first
                any_ids.setdefault(key, item)
                if decided:
                    decided_ids.setdefault(key, item)
    if gcats:
        gcats_by_doc[gcat_doc] = shared.categories(gcats)
    del gcats
    review.by_category = dict(cats)

    drawn = area_grounds(case.conn, None)  # boxes a reviewer drew: redactions too
    records: list[PublishRecord] = []
    suspended = case.suspended_documents()

    def make(chunk: list[DocRecord]) -> None:
        judged = {j.doc_id: j for j in judgements(case, [r.doc_id for r in chunk])}
        for r in chunk:
            records.append(_record(r, judged.get(r.doc_id), keys, redacting[r.doc_id],
                                   gcats_by_doc.get(r.doc_id), drawn.get(r.doc_id),
                                   thread_first, replies, r.doc_id in suspended, shared))  # fmt: skip

    chunk: list[DocRecord] = []
    for r in case.iter_records():
        if r.kind in CONTAINER_KINDS:
            continue
        chunk.append(r)
        if len(chunk) >= JUDGEMENT_CHUNK:
            make(chunk)
            chunk = []
    make(chunk)
    del chunk
    records.extend(unreadable)
    records.extend(_imported(case, records))
    return CaseView(
        meta=case_meta(case, contact),
        records=records,
        doc_ids={key: doc_id for doc_id, key in keys.items()},
        statuses=tuple(statuses),
        review=review,
        terms=terms,
        needles=_needles(case, person_texts, list(decided_ids.values()), decided=True),
        proposed=_needles(case, person_texts, list(any_ids.values()), decided=False),
    )


def _record(
    r: DocRecord, j: Judgement | None, keys: dict[int, str], redacting: int,
    gcats: dict[str, tuple[str, ...]] | None, drawn: set[str] | None, thread_first: dict[str, int],
    replies: dict[int, int], suspended: bool, shared: _Shared,
) -> PublishRecord:  # fmt: skip
    """The publication's record of one document (``load``)."""
    judgement = j.judgement if j else r.judgement
    grounds = list(j.grounds) if j else []
    if judgement == "deels openbaar" or (judgement == "openbaar" and (redacting or drawn is not None)):
        # The draft also redacts proposed findings: the document is then partly public and
        # its grounds include theirs.
        grounds = list(set(grounds) | set(gcats or ()) | (drawn or set()))
        judgement = "deels openbaar" if grounds or redacting else judgement
    dup = j.duplicate_of if j else None
    explanation = (j.explanation if j else "") or (r.scope_reason if not r.in_scope else "")
    if j is not None and j.set_by == "dedupe":
        # dedupe names the case's internal id; the inventory names the inventory number
        explanation = re.sub(r"\bdocument \d+", "dat document", explanation)
    thread = thread_first.get(r.thread_id) if r.thread_id else None
    parsed = _date(r.date)
    return PublishRecord(
        key=keys[r.doc_id],
        name=r.name,
        file_type=shared(_file_type(r)),
        judgement=shared(judgement),
        doc_type=shared(r.type or ("email" if r.kind == "email" else "other")),
        date=shared(parsed) if parsed else None,
        title=r.title,
        grounds=shared(sort_grounds(grounds)),
        explanation=shared(explanation),
        public_link=shared((j.link or "") if j else ""),
        # a parent that is a container (zip, mbox) has no key: its members have no parent
        parent_key=keys.get(r.parent_id) if r.parent_id else None,
        thread_key=keys.get(thread) if thread else None,
        related_key=keys.get(dup) if dup else None,
        reply_to_key=keys.get(replies[r.doc_id]) if r.doc_id in replies else None,
        in_scope=r.in_scope,
        # Only what will be disclosed can have its disclosure postponed.
        suspended=suspended and judgement in PUBLISHED,
        redactions=redacting,
        ground_categories=shared.categories({}) if gcats is None else gcats,
    )


def _needles(
    case: Case,
    person_texts: dict[str, tuple[str, set[str], set[str]]],
    identifiers: list[tuple[str, str, str]],
    decided: bool,
) -> list[Needle]:
    """Search terms: persons decided "lakken" with every form seen, and every person and
    identifier whose redaction is decided (accepted, added); without ``decided`` also what the
    draft redacts only because it is proposed."""
    from wooflow.case.persons import persons

    public: set[str] = set()
    # An office holder left undecided (a stray redacting reading among public-role ones) counts
    # as public for the bare surname, like a person decided "keep".
    kept_public = finding_rows.undecided_persons_kept_public(case.conn)
    for p in persons(case):
        if p.key in kept_public:
            public.add(p.key.partition("|")[0])
        if p.decision == "redact":
            forms = person_texts.setdefault(p.key, ("5.1.2e", set(), set()))[1]
            forms.update(p.forms)
            forms.add(p.display)
        elif p.decision == "keep":
            public.add(p.key.partition("|")[0])
    # A bare surname shared with a public person ("minister Jansen") is no needle: the full
    # name, initial + surname and e-mail forms still are.
    groups = [
        (ground, sorted(sure if decided else sure | maybe))
        for _, (ground, sure, maybe) in sorted(person_texts.items())
    ]
    return build_needles([g for g in groups if g[1]], identifiers, public)


def _imported(case: Case, records: list[PublishRecord]) -> list[PublishRecord]:
    """Apply what ``wooflow import`` kept from a productierapport: family and thread ids on the
    documents, and a record for each row that came without a file."""
    from wooflow.case.publish.productierapport import load_state

    state = load_state(case.dir)
    if not state:
        return []
    family, thread = state.get("family", {}), state.get("thread", {})
    for rec in records:
        rec.family_number = family.get(rec.key, rec.family_number)
        rec.thread_number = thread.get(rec.key, rec.thread_number)
    out = []
    for row in state.get("rows", []):
        judgement = str(row.get("judgement") or "niet openbaar")
        missing = judgement in PUBLISHED
        remark = str(row.get("remark") or "")
        if row.get("refers_to"):
            remark = (remark + " " if remark else "") + f"Gerelateerd: {row['refers_to']}."
        out.append(
            PublishRecord(
                key=str(row["key"]),
                name=str(row.get("document") or row["key"]),
                file_type=os.path.splitext(str(row.get("document") or ""))[1].lstrip(".").lower(),
                judgement="niet openbaar" if missing else judgement,
                grounds=sort_grounds([str(g) for g in row.get("grounds") or []]),
                date=_date(row.get("date")),
                explanation=remark,
                public_link=str(row.get("link") or ""),
                suspended=bool(row.get("suspended")),
                family_number=family.get(row["key"]),
                thread_number=thread.get(row["key"]),
                unreadable="het bestand ontbreekt bij het productierapport" if missing else "",
            )
        )
    return out


def _unreadable(case: Case, stored: set[str]) -> list[PublishRecord]:
    """One record per input that could not be read (``CaseStore.failures()``): listed in the
    inventory as "niet ingelezen" with the reason, never published."""
    out = []
    for f in case.store.failures():
        if f.path in stored:
            continue
        name = os.path.basename(f.path.replace("\\", "/").rstrip("/")) or f.path
        ext = os.path.splitext(name.rsplit("#", 1)[-1])[1].lstrip(".").lower()
        out.append(
            PublishRecord(
                key=f"niet-ingelezen:{f.path}",
                name=name,
                file_type=ext,
                judgement="niet openbaar",
                unreadable=_reason(f.reason, f.detail),
            )
        )
    return out


_REASONS = {
    "unreadable": "het bestand kon niet worden gelezen",
    "unsupported": "bestandsformaat wordt niet ondersteund",
    "empty": "het bestand is leeg",
    "corrupt": "het bestand is beschadigd",
    "encrypted": "het bestand is versleuteld",
    "zip-bomb": "het archief pakt onredelijk groot uit",
    "limit": "het bestand overschrijdt een limiet",
    "malformed-mail": "de e-mail is onleesbaar",
}


def _reason(reason: str, detail: str) -> str:
    """A short Dutch reason for the inventory; the detail only when it is Dutch text already
    (it can hold a path, so it is scrubbed by the inventory writer)."""
    base = _REASONS.get(reason, reason or "onbekende fout")
    detail = " ".join((detail or "").split())
    if detail and len(detail) <= 200 and not re.search(r"[A-Z][a-z]+Error|Traceback", detail):
        return f"{base} ({detail})"
    return base


def _reply_targets(case: Case, by_msgid: dict[str, int]) -> dict[int, int]:
    """``{reply doc id: answered doc id}`` from the e-mails' In-Reply-To headers (``by_msgid``:
    message id -> document, the last in id order where two share one)."""
    out: dict[int, int] = {}
    for doc_id, raw in case_docs.mail_reply_fields(case.conn):
        try:
            fields = json.loads(raw)
        except ValueError:
            continue
        target = str(fields.get("in_reply_to") or "").strip().strip("<>").strip()
        if target and by_msgid.get(target) not in (None, doc_id):
            out[doc_id] = by_msgid[target]
    return out
