"""Overlap resolution: one finding per stretch of text.

Rules: a keep finding wins only when it covers every overlapping redact finding and comes from
a rule that says the text is public (public role, office address, functional mailbox,
switchboard number); otherwise the redact findings are merged into one span covering them
all (never leak a fragment), labelled after the longest, most confident member.
"""

from __future__ import annotations

import bisect
import re

from wooflow.model import Finding


def _rank(f: Finding) -> tuple[int, float]:
    return (f.end - f.start, f.score)


def merge(text: str, findings: list[Finding]) -> list[Finding]:
    keeps = sorted((f.start, f.end) for f in findings if f.action == "keep" and f.category == "person")
    keep_starts = [s for s, _ in keeps]

    def hits_public(f: Finding) -> bool:
        i = bisect.bisect_left(keep_starts, f.end) - 1
        while i >= 0 and keeps[i][0] >= f.start - 200:
            if keeps[i][1] > f.start:
                return True
            i -= 1
        return False

    # A proposed special-category statement never swallows a public person named in it.
    findings = [f for f in findings if f.category != "special_category" or not hits_public(f)]
    # Nor a kept office address or number ('de Molukse Evangelische Kerk ... aan de Fluitekruid
    # 2'): the statement ends before it.
    other_keeps = [f for f in findings if f.action == "keep" and f.category != "person"]
    if other_keeps and any(f.category == "special_category" for f in findings):
        other_keeps.sort(key=lambda k: k.start)
        kstarts = [k.start for k in other_keeps]
        klen = max(k.end - k.start for k in other_keeps)
        cut_keep = [_cut_before_keeps(text, f, other_keeps, kstarts, klen) if f.category == "special_category"
                    else f for f in findings]
        findings = [f for f in cut_keep if f is not None]
    # Nor a person or identifier found inside it: the statement is only proposed, and a reviewer
    # who rejects it must not publish the name with it ('Gedetineerde Verhoeven, K.').
    if any(f.category == "special_category" for f in findings):
        others = sorted((f for f in findings if f.action == "redact" and f.category != "special_category"),
                        key=lambda k: k.start)
        if others:
            ostarts = [k.start for k in others]
            olen = max(k.end - k.start for k in others)
            cut = [_cut_before_keeps(text, f, others, ostarts, olen) if f.category == "special_category"
                   else f for f in findings]
            # what is left of a statement once its person is cut out must still say something: a
            # lone label ('Gedetineerde' above a register entry) is no statement about anyone
            findings = [c for f, c in zip(findings, cut, strict=True) if c is not None
                        and (c is f or " " in c.text.strip())]
    items = sorted(findings, key=lambda f: (f.start, -f.end))
    out: list[Finding] = []
    cluster: list[Finding] = []
    cluster_end = -1
    for f in items:
        if cluster and f.start < cluster_end:
            cluster.append(f)
            cluster_end = max(cluster_end, f.end)
            continue
        if cluster:
            out.extend(_resolve(text, cluster))
        cluster, cluster_end = [f], f.end
    if cluster:
        out.extend(_resolve(text, cluster))
    return _join_adjacent_persons(text, out)


def _cut_before_keeps(text: str, f: Finding, keeps: list[Finding], starts: list[int], longest: int
                      ) -> Finding | None:
    """The statement ``f`` up to the first keep finding inside it (None when nothing is left).
    ``keeps`` sorted by start, ``starts`` their starts: only the keeps near ``f`` are looked at
    (a scan of all keeps per statement was quadratic on long texts)."""
    lo = bisect.bisect_left(starts, f.start - longest)
    hi = bisect.bisect_left(starts, f.end)
    inside = [k.start for k in keeps[lo:hi] if f.start < k.end]
    if not inside:
        return f
    end = f.start + len(text[f.start : min(inside)].rstrip(" \t\r\n,;:(-"))
    if end - f.start < 3:
        return None
    return Finding(f.start, end, text[f.start : end], f.category, f.action, f.ground, f.score,
                   f.recognizer, f.reason)


def _join_adjacent_persons(text: str, findings: list[Finding]) -> list[Finding]:
    """'Oksana' + ' ' + 'Nowak' found separately are one name: one finding, no gap.

    Outlook's 'Aydın, Serkan <s.aydin@cbr.nl>' is one display name before its address, and
    'Kalloe, R. (Rajesh)' is one person too: the given name in brackets right after
    a redacted name joins it, brackets included, so no fragment of the display name leaks.
    """
    out: list[Finding] = []
    for f in findings:
        prev = out[-1] if out else None
        both = (prev is not None and prev.category == f.category == "person"
                and prev.action == f.action == "redact")
        gap = text[prev.end : f.start] if both and prev is not None else ""
        end = f.end
        if both and gap == " (" and text[f.end : f.end + 1] == ")":
            end = f.end + 1
        # Outlook's 'Aydın, Serkan <s.aydin@cbr.nl>' (or quoted: '"Jongejan, Sanne" <...>'): surname,
    # comma, given name, then the address
        display = gap == ", " and text[f.end : f.end + 4].lstrip(' "')[:1] == "<"
        if both and prev is not None and (gap in (" ", "\u00a0") or end > f.end or display):
            out[-1] = Finding(prev.start, end, text[prev.start : end], "person", "redact", prev.ground,
                              max(prev.score, f.score), prev.recognizer, prev.reason)
        else:
            out.append(f)
    return out


def _resolve(text: str, cluster: list[Finding]) -> list[Finding]:
    if len(cluster) == 1:
        return cluster
    redacts = [f for f in cluster if f.action == "redact"]
    keeps = [f for f in cluster if f.action == "keep"]
    if not redacts:
        return [max(keeps, key=_rank)]
    if keeps:
        lo, hi = min(r.start for r in redacts), max(r.end for r in redacts)
        covering = [k for k in keeps if k.start <= lo and k.end >= hi
                    and all(_same_person(k, r) for r in redacts)]
        if covering:
            return [max(covering, key=_rank)]
    base = max(redacts, key=_rank)
    out = [_united(text, base, redacts)]
    # The keep's text outside the redacted stretch stays a keep finding of its own (a public
    # person listed next to a private one: split, never let either swallow the other).
    lo, hi = out[0].start, out[0].end
    for k in sorted(keeps, key=_rank, reverse=True)[:1]:
        for a, b in ((k.start, lo), (hi, k.end)):
            piece = _trim(text, a, b)
            if piece is not None:
                out.append(Finding(piece[0], piece[1], text[piece[0] : piece[1]], k.category, "keep", k.ground,
                                   k.score, k.recognizer, k.reason))
    return sorted(out, key=lambda f: f.start)


_LIST_SEP = re.compile(r"[,;&/()]|\s(?:en|of|and)\s")
_WORD = re.compile(r"[^\W\d_][\w'’-]*")


def _name_words(text: str) -> set[str]:
    return {w.lower() for w in _WORD.findall(text) if w[:1].isupper()}


def _same_person(keep: Finding, red: Finding) -> bool:
    """Whether a keep over a redact means the same thing (keep wins) or two people (split).

    Only person-over-person needs the check: an office address or a switchboard number
    covering a postcode or phone is the same item by construction.
    """
    if keep.category != "person" or red.category != "person":
        return True
    words = _name_words(red.text)
    # A name never holds a list separator: 'Snijders en Pieter Wal' are two people.
    return not words or (words <= _name_words(keep.text) and not _LIST_SEP.search(keep.text))


def _trim(text: str, a: int, b: int) -> tuple[int, int] | None:
    """A leftover stretch of a split keep, without edge punctuation; None when no name is left."""
    caps = [m for m in _WORD.finditer(text, a, b) if m.group()[:1].isupper()]
    if not caps:
        return None
    return caps[0].start(), caps[-1].end()


def _united(text: str, base: Finding, redacts: list[Finding]) -> Finding:
    lo, hi = min(r.start for r in redacts), max(r.end for r in redacts)
    return Finding(
        start=lo, end=hi, text=text[lo:hi], category=base.category, action="redact",
        ground=base.ground, score=max(r.score for r in redacts),
        recognizer=base.recognizer, reason=base.reason,
    )
