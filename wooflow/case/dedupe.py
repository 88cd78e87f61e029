"""Duplicates: exact, near (MinHash/LSH), e-mail threads and quoted-text containment.

Rules, in order of strength:
1. containment: an e-mail whose body is wholly quoted in a later message of the same thread
   (compared after removing "> " quote markers, header lines and all whitespace, casefolded) is a
   duplicate of that later, more complete message;
2. exact: same normalised text (casefolded, whitespace collapsed) or same file bytes; the
   earliest document is kept (attachments shared by several mails included);
3. near: estimated Jaccard similarity of word 3-shingles >= threshold (default 0.9); the most
   complete (longest) document is kept, then the earliest.
Duplicates get the judgement "dubbel" pointing at the kept document, unless a reviewer judged
them; re-running replaces only dedupe's own judgements.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np
from datasketch import LeanMinHash, MinHash, MinHashLSH

from wooflow.case import audit
from wooflow.case.text import fold, text_hash, words
from wooflow.store.repos import case_docs
from wooflow.store.repos import judgements as judgement_rows

if TYPE_CHECKING:
    from wooflow.case.case import Case

SHINGLE = 3
NUM_PERM = 128
MIN_WORDS_NEAR = 8
MIN_CHARS_CONTAINED = 20
SIGNATURE_BATCH = 500  # texts in memory at once while signatures are made
_HEADER = re.compile(
    r"^\s*(van|from|aan|to|cc|bcc|onderwerp|subject|datum|date|verzonden|sent|bijlagen?|attachments?)\s*:",
    re.I,
)
_SUBJECT_PREFIX = re.compile(r"^\s*((re|fw|fwd|antw|doorst)\s*:\s*)+", re.I)


@dataclass(slots=True)
class DuplicateGroup:
    kept: int
    duplicates: list[tuple[int, str]] = field(default_factory=list)  # (doc_id, rule)

    def to_json(self) -> dict[str, Any]:
        return {"kept": self.kept, "duplicates": [{"doc_id": d, "rule": r} for d, r in self.duplicates]}


# -- threads ---------------------------------------------------------------------------------


def _ids(value: Any) -> list[str]:
    if not value:
        return []
    items = value if isinstance(value, list) else re.findall(r"<[^>]+>|\S+", str(value))
    return [str(i).strip().strip("<>").strip() for i in items if str(i).strip("<> ")]


def assign_threads(case: Case) -> None:
    """Give each e-mail a thread id from Message-ID / In-Reply-To / References (union-find)."""
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(a: str, b: str) -> None:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)

    own: dict[int, str] = {}
    links: dict[int, list[str]] = {}
    for doc_id, raw in case_docs.mail_fields(case.conn):
        fields = json.loads(raw)
        mids = _ids(fields.get("message_id"))
        if not mids:
            continue
        own[doc_id] = mids[0]
        links[doc_id] = _ids(fields.get("in_reply_to")) + _ids(fields.get("references"))
        find(mids[0])
        for other in links[doc_id]:
            union(mids[0], other)
    # the root of a thread: first of References, else the component's representative
    with case.transaction() as conn:
        for doc_id, mid in own.items():
            root = find(mid)
            tid = "thr-" + hashlib.sha1(root.encode()).hexdigest()[:10]
            case_docs.set_thread(conn, doc_id, tid)
        # attachments belong to their mail's thread (inventory: thread id per document)
        case_docs.attachments_follow_threads(conn)


# -- helpers ---------------------------------------------------------------------------------


def body_key(text: str) -> str:
    """E-mail body for containment: header lines and quote markers gone, no whitespace."""
    lines = text.splitlines()
    i = 0
    while i < len(lines) and (_HEADER.match(lines[i]) or not lines[i].strip()) and i < 15:
        i += 1
    body = "\n".join(re.sub(r"^(\s*>)+\s?", "", ln) for ln in lines[i:])
    return re.sub(r"\s+", "", fold(body))


def quoted_key(text: str) -> str:
    """Whole message, quote markers removed, no whitespace (the container side)."""
    body = "\n".join(re.sub(r"^(\s*>)+\s?", "", ln) for ln in text.splitlines())
    return re.sub(r"\s+", "", fold(body))


def _sort_key(doc_id: int, dates: dict[int, str]) -> tuple[str, int]:
    return (dates.get(doc_id) or "9999-99-99", doc_id)


class NearIndex:
    """Banded LSH over MinHash signatures, as ``datasketch.MinHashLSH`` with the same bands and
    so the same candidates, but compact for a case of 100,000s of documents: the signatures
    live in one ``uint32`` matrix (MinHash values are below 2**32: nothing is lost; ~0.5 KiB
    per document instead of a ~1 KiB array object each) and a band's bucket is keyed by the hash
    of its values, a hit checked for equal values (datasketch keys each band by its 200 bytes).
    """

    def __init__(self, threshold: float, num_perm: int) -> None:
        lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)  # its choice of bands
        self.ranges: list[tuple[int, int]] = list(lsh.hashranges)
        self.num_perm = num_perm
        self.rows = np.zeros((256, num_perm), dtype=np.uint32)
        self.ids: list[int] = []
        self.buckets: list[dict[int, int | list[int]]] = [{} for _ in self.ranges]

    def add(self, doc_id: int, m: LeanMinHash) -> None:
        values = np.asarray(m.hashvalues)
        if len(values) != self.num_perm or (values.size and int(values.max()) > 0xFFFFFFFF):
            raise ValueError("MinHash-handtekening past niet in de index")
        row = len(self.ids)
        if row == len(self.rows):
            grown = np.zeros((2 * row, self.num_perm), dtype=np.uint32)  # untouched rows stay unmapped
            grown[:row] = self.rows
            self.rows = grown
        self.rows[row] = values
        self.ids.append(doc_id)
        for (a, b), bucket in zip(self.ranges, self.buckets, strict=True):
            h = hash(self.rows[row, a:b].tobytes())
            old = bucket.get(h)
            if old is None:
                bucket[h] = row
            elif isinstance(old, list):
                old.append(row)
            else:
                bucket[h] = [old, row]

    def _candidates(self, row: int) -> set[int]:
        out: set[int] = set()
        for (a, b), bucket in zip(self.ranges, self.buckets, strict=True):
            band = self.rows[row, a:b]
            hit = bucket.get(hash(band.tobytes()))
            for other in (hit if isinstance(hit, list) else [] if hit is None else [hit]):
                if other != row and np.array_equal(self.rows[other, a:b], band):
                    out.add(other)
        return out

    def jaccard(self, a: int, b: int) -> float:
        """As ``LeanMinHash.jaccard``: the share of equal values."""
        return float(np.count_nonzero(self.rows[a] == self.rows[b])) / float(self.num_perm)

    def near(self, threshold: float) -> Iterator[tuple[int, list[int]]]:
        """(document, its candidates at or above ``threshold``) for every document with any,
        in the order they were added."""
        for row, doc_id in enumerate(self.ids):
            cands = [self.ids[c] for c in self._candidates(row) if self.jaccard(row, c) >= threshold]
            if cands:
                yield doc_id, cands


def _minhash(text: str) -> MinHash | None:
    ws = words(text)
    if len(ws) < MIN_WORDS_NEAR:
        return None
    shingles = {" ".join(ws[i : i + SHINGLE]) for i in range(len(ws) - SHINGLE + 1)}
    m = MinHash(num_perm=NUM_PERM)
    m.update_batch([s.encode("utf-8") for s in shingles])
    return m


# -- finding duplicates ----------------------------------------------------------------------


def signature(text: str) -> LeanMinHash | None:
    """The MinHash of a text's word 3-shingles (None for very short texts): a per-document
    task, so ``process`` computes these on its workers."""
    m = _minhash(text)
    return None if m is None else LeanMinHash(m)


def _signatures_here(texts: Iterable[str]) -> Iterator[LeanMinHash | None]:
    return (signature(t) for t in texts)


Signatures = Callable[[Iterable[str]], Iterable["LeanMinHash | None"]]


def find_duplicates(case: Case, threshold: float = 0.9, signatures: Signatures | None = None) -> list[DuplicateGroup]:
    """All duplicate groups among in-scope documents (nothing is written).

    ``signatures`` maps texts to :func:`signature` in order (``process``: on its workers)."""
    # One pass over the documents keeps only what the rules use (a ``DocRecord`` each, with
    # its senders and addressees, was ~1.5 KiB per document held until the near pass).
    ids: list[int] = []
    own: dict[int, str | None] = {}  # document -> its own date
    undated: list[tuple[int, int]] = []  # (document, parent) of the undated with a parent
    threads: dict[str, list[int]] = defaultdict(list)
    # exact: same normalised text or same bytes. A group's first document and its place in the
    # order the groups were met (text before bytes, per document), so that groups are marked
    # in the same order as when every key held a list; a list only for a key met again.
    empty = text_hash("")
    first: tuple[dict[str, tuple[int, int]], dict[str, tuple[int, int]]] = ({}, {})
    exact: dict[tuple[int, int], list[int]] = {}  # (first seen, 0 text / 1 bytes) -> members
    for r in case.iter_records(in_scope=True):
        d = r.doc_id
        seq = len(ids)
        ids.append(d)
        own[d] = r.date
        if not r.date and r.parent_id is not None:
            undated.append((d, r.parent_id))
        if r.kind == "email" or r.type == "email":
            subject = _SUBJECT_PREFIX.sub("", fold(r.title or "")).strip()
            key = r.thread_id or (f"subj:{subject}" if subject else None)
            if key:
                threads[key].append(d)
        for which, value in ((0, r.text_hash), (1, r.sha256)):
            if which == 0 and value == empty:
                continue
            seen = first[which].setdefault(value, (seq, d))
            if seen[1] != d:
                exact.setdefault((seen[0], which), [seen[1]]).append(d)
    del first
    # an undated document takes its parent's own date (an attachment its e-mail's)
    parent_date = {d: own.get(parent) for d, parent in undated}
    dates = {d: value or parent_date.get(d) or "" for d, value in own.items()}
    del own, undated, parent_date
    dup_of: dict[int, tuple[int, str]] = {}

    def kept_of(doc_id: int) -> int:
        seen = set()
        while doc_id in dup_of and doc_id not in seen:
            seen.add(doc_id)
            doc_id = dup_of[doc_id][0]
        return doc_id

    def mark(dup: int, keep: int, rule: str) -> None:
        keep = kept_of(keep)
        if dup == keep or dup in dup_of:
            return
        dup_of[dup] = (keep, rule)

    # Texts are read per thread, then streamed in batches for the signatures: never all at
    # once (a case of 100,000 documents keeps ids, lengths and one small signature each).
    # 1. containment within threads (or same subject when headers are missing)
    for members in threads.values():
        if len(members) < 2:
            continue
        members.sort(key=lambda d: _sort_key(d, dates))
        texts = {d: case.text(d) for d in members}
        bodies = {d: body_key(texts[d]) for d in members}
        wholes = {d: quoted_key(texts[d]) for d in members}
        del texts
        for i, a in enumerate(members):
            if len(bodies[a]) < MIN_CHARS_CONTAINED:
                continue
            for b in reversed(members[i + 1 :]):  # the latest, most complete container first
                if bodies[a] in wholes[b] and len(wholes[b]) > len(bodies[a]):
                    mark(a, b, "citaat")
                    break

    # 2. exact: same normalised text or same bytes; keep the earliest
    for _, members in sorted(exact.items()):
        members.sort(key=lambda d: _sort_key(d, dates))
        for d in members[1:]:
            mark(d, members[0], "exact")
    del exact

    # 3. near duplicates; keep the most complete, then the earliest
    # LSH only proposes candidates (its band maths needs a threshold <= 0.9); each candidate
    # pair is then checked against the real threshold.
    todo = [d for d in sorted(ids) if d not in dup_of]
    del ids  # from here on a document is its id, date, length and signature
    index = NearIndex(min(threshold, 0.9), NUM_PERM)
    lengths: dict[int, int] = {}
    compute = signatures or _signatures_here
    for i in range(0, len(todo), SIGNATURE_BATCH):
        batch = todo[i : i + SIGNATURE_BATCH]
        texts = {d: case.text(d) for d in batch}
        lengths.update((d, len(t)) for d, t in texts.items())
        for d, m in zip(batch, compute(texts[d] for d in batch), strict=True):
            if m is not None:
                index.add(d, m)
        del texts
    for d, cands in index.near(threshold):
        members = sorted([d, *cands], key=lambda x: (-lengths[x], *_sort_key(x, dates)))
        best = kept_of(members[0])
        for x in members:
            if x != best and x not in dup_of and kept_of(x) == x:
                mark(x, best, "bijna")

    out: dict[int, DuplicateGroup] = {}
    for dup in sorted(dup_of):
        keep = kept_of(dup)
        out.setdefault(keep, DuplicateGroup(keep)).duplicates.append((dup, dup_of[dup][1]))
    return [out[k] for k in sorted(out)]


def dedupe(
    case: Case, threshold: float = 0.9, apply: bool = True, signatures: Signatures | None = None
) -> list[DuplicateGroup]:
    """Find duplicates and (``apply``) judge them "dubbel" pointing at the kept document."""
    from wooflow.case.judgement import refresh

    groups = find_duplicates(case, threshold, signatures)
    if not apply:
        return groups
    reviewer_set = judgement_rows.set_by(case.conn, "reviewer")
    now = audit.now()
    touched: set[int] = judgement_rows.set_by(case.conn, "dedupe")
    with case.transaction() as conn:
        judgement_rows.clear_dedupe(conn)
        for g in groups:
            for dup, rule in g.duplicates:
                if dup in reviewer_set:
                    continue
                explanation = {
                    "citaat": f"volledig geciteerd in document {g.kept}",
                    "exact": f"gelijk aan document {g.kept}",
                    "bijna": f"vrijwel gelijk aan document {g.kept}",
                }[rule]
                judgement_rows.add_duplicate(conn, dup, g.kept, explanation, case.actor, now)
                touched.add(dup)
        audit.log(conn, case.actor, "dedupe", detail={
            "threshold": threshold, "groups": len(groups),
            "duplicates": sum(len(g.duplicates) for g in groups),
        })
    refresh(case, touched)
    return groups
