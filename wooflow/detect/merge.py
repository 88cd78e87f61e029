"""Overlap resolution: one finding per stretch of text.

Rules: a keep finding wins only when it covers every overlapping redact finding and comes from
a rule that says the text is public (public role, office address, functional mailbox,
switchboard number); otherwise the redact findings are merged into one span covering them
all (never leak a fragment), labelled after the longest, most confident member.
"""

from __future__ import annotations

import bisect

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
            out.append(_resolve(text, cluster))
        cluster, cluster_end = [f], f.end
    if cluster:
        out.append(_resolve(text, cluster))
    return _join_adjacent_persons(text, out)


def _join_adjacent_persons(text: str, findings: list[Finding]) -> list[Finding]:
    """'Oksana' + ' ' + 'Nowak' found separately are one name: one finding, no gap."""
    out: list[Finding] = []
    for f in findings:
        prev = out[-1] if out else None
        if (prev is not None and prev.category == f.category == "person" and prev.action == f.action == "redact"
                and 0 < f.start - prev.end <= 1 and text[prev.end : f.start] in (" ", "\u00a0")):
            out[-1] = Finding(prev.start, f.end, text[prev.start : f.end], "person", "redact", prev.ground,
                              max(prev.score, f.score), prev.recognizer, prev.reason)
        else:
            out.append(f)
    return out


def _resolve(text: str, cluster: list[Finding]) -> Finding:
    if len(cluster) == 1:
        return cluster[0]
    redacts = [f for f in cluster if f.action == "redact"]
    keeps = [f for f in cluster if f.action == "keep"]
    if not redacts:
        return max(keeps, key=_rank)
    if keeps:
        lo, hi = min(r.start for r in redacts), max(r.end for r in redacts)
        covering = [k for k in keeps if k.start <= lo and k.end >= hi]
        if covering:
            return max(covering, key=_rank)
    base = max(redacts, key=_rank)
    lo, hi = min(r.start for r in redacts), max(r.end for r in redacts)
    if lo == base.start and hi == base.end:
        return base
    return Finding(
        start=lo, end=hi, text=text[lo:hi], category=base.category, action="redact",
        ground=base.ground, score=max(r.score for r in redacts),
        recognizer=base.recognizer, reason=base.reason,
    )
