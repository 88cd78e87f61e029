"""Find and redact across the case: every occurrence of a search string becomes a redaction.

Occurrences are found in the documents' own text (case-insensitive, whole words: "Jansen"
does not hit "Jansens"), not in the search index, so nothing the index stems or splits
differently is missed. Candidate documents come from the case's full-text index (a superset;
a LIKE scan when the index finds none); each candidate is then searched exactly. Occurrences
already under a standing redaction are counted, not redacted twice.

The redactions are reviewer additions (status ``added``, like a selection in the text), each
logged as ``finding.add`` (so optimistic locking sees it) and together as ``search.redact``;
the action is recorded for undo.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from wooflow.case import audit
from wooflow.exceptions import CaseError
from wooflow.store.repos import case_docs
from wooflow.store.repos import find_redact as find_rows

if TYPE_CHECKING:
    from wooflow.case.case import Case

MIN_LENGTH = 2
MAX_LENGTH = 200
CONTAINER_KINDS = ("zip", "mbox")
BATCH = 500  # candidate documents read at once
# Above this many candidate documents a search is refused with the count instead of reading
# every text ("de" is in nearly every document: 8,424 of 10,000 took 3.4 s to scan, and
# redacting a word that common is never what a reviewer means).
MAX_DOCUMENTS = 2500


@dataclass(slots=True)
class Plan:
    """What a find-and-redact would do: new spans per document, and what is already redacted."""

    query: str
    spans: dict[int, list[tuple[int, int]]] = field(default_factory=dict)
    already: int = 0
    samples: list[tuple[int, str, str, str]] = field(default_factory=list)  # doc, before, hit, after

    @property
    def count(self) -> int:
        return sum(len(v) for v in self.spans.values())

    @property
    def documents(self) -> int:
        return len(self.spans)


def _pattern(query: str) -> re.Pattern[str]:
    q = " ".join(query.split())
    if len(q) < MIN_LENGTH:
        raise CaseError(f"zoek op minstens {MIN_LENGTH} tekens")
    if len(q) > MAX_LENGTH:
        raise CaseError(f"zoek op hoogstens {MAX_LENGTH} tekens")
    body = r"\s+".join(re.escape(part) for part in q.split(" "))  # any white space between words
    return re.compile(r"(?<!\w)" + body + r"(?!\w)", re.IGNORECASE)


def _candidates(case: Case, query: str) -> list[int]:
    """Documents that may hold ``query`` as whole words, from the case's full-text index (it
    holds every word of every text, folded and stemmed, so its match is a superset of the exact
    whole-word match that follows): on SQLite the phrase of the query's words; on PostgreSQL
    its longest word alone (PostgreSQL indexes very long texts without word positions and
    leaves stop words out). When the index finds nothing (a word it cannot take, a stop word)
    the stored texts are scanned with LIKE instead, so nothing is missed."""
    from wooflow.case.search import matching_ids

    q = " ".join(query.split())
    words = re.findall(r"\w+", q)
    if words:
        if case.store.is_postgres:
            words = [max(words, key=len)]
        try:
            found = matching_ids(case, '"' + " ".join(words) + '"')
        except CaseError:
            found = []  # a query the index cannot parse: scan the texts
        if found:
            return find_rows.without_containers(case.conn, found, CONTAINER_KINDS)
    like = q.split(" ")[0].replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return sorted(find_rows.like_candidates(case.conn, like, CONTAINER_KINDS))


def _thousands(n: int) -> str:
    """12345 -> "12.345" (Dutch)."""
    return f"{n:,}".replace(",", ".")


def plan(case: Case, query: str, samples: int = 10) -> Plan:
    """Every occurrence of ``query`` in the case that is not yet redacted."""
    pattern = _pattern(query)
    out = Plan(" ".join(query.split()))
    candidates = _candidates(case, query)
    if len(candidates) > MAX_DOCUMENTS:
        raise CaseError(
            f"“{out.query}” kan in {_thousands(len(candidates))} documenten staan: te veel om in één"
            f" keer te zoeken en te lakken (hoogstens {_thousands(MAX_DOCUMENTS)} documenten)."
            " Maak de zoekterm specifieker, bijvoorbeeld met meer woorden of een hele naam"
        )
    for i in range(0, len(candidates), BATCH):  # texts and redactions a batch at a time
        chunk = candidates[i : i + BATCH]
        texts = case_docs.texts(case.conn, chunk)
        standing_by_doc = find_rows.standing_spans(case.conn, chunk)
        for doc_id in chunk:
            text = texts.get(doc_id, "")
            standing = standing_by_doc.get(doc_id, [])
            for m in pattern.finditer(text):
                s, e = m.span()
                if any(a <= s and e <= b for a, b in standing):
                    out.already += 1
                    continue
                out.spans.setdefault(doc_id, []).append((s, e))
                if len(out.samples) < samples:
                    before = " ".join(text[max(0, s - 40) : s].split())
                    after = " ".join(text[e : e + 40].split())
                    out.samples.append((doc_id, before, text[s:e], after))
    return out


def redact_everywhere(case: Case, query: str, ground: str, category: str, expected: int | None = None) -> Plan:
    """Redact every occurrence of ``query`` with ``ground``; ``expected``: the count the user
    confirmed (refused when the case changed since, so nobody confirms one number and gets another)."""
    from wooflow.case import undo
    from wooflow.case.judgement import normalise_ground, refresh
    from wooflow.case.review import _insert
    from wooflow.model import Finding
    from wooflow.understand import GROUND_LABELS

    code = normalise_ground(ground or "")
    if code not in GROUND_LABELS:
        raise CaseError("kies een weigeringsgrond voor deze lakkingen")
    with case.transaction() as conn:
        found = plan(case, query)
        if expected is not None and found.count != expected:
            raise CaseError(
                f"het aantal is intussen veranderd ({found.count} in plaats van {expected});"
                " bekijk de nieuwe telling en bevestig opnieuw"
            )
        if not found.count:
            raise CaseError(f"“{found.query}” staat nergens (meer) ongelakt in de zaak")
        now = audit.now()
        label = f"zoeken en lakken van “{found.query}” ({found.count}×)"
        with undo.recording(case, label, list(found.spans)):
            for doc_id, spans in found.spans.items():
                text = case.text(doc_id)
                for s, e in spans:
                    f = Finding(s, e, text[s:e], category, "redact", code, 1.0, "manual",
                                f"zoeken en lakken: “{found.query}”")  # fmt: skip
                    fid = _insert(conn, doc_id, f, "added", "manual", case.actor, now)
                    audit.log(conn, case.actor, "finding.add", doc_id, str(fid), start=s, end=e,
                              text=f.text, category=category, ground=code, bulk=True)  # fmt: skip
            audit.log(conn, case.actor, "search.redact", target=found.query, query=found.query,
                      ground=code, count=found.count, documents=found.documents)  # fmt: skip
            if category in ("person", "email"):
                from wooflow.case.persons import assign_keys

                assign_keys(case)
            refresh(case, list(found.spans))
    return found


__all__ = ["Plan", "plan", "redact_everywhere"]
