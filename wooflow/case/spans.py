"""A set of half-open character spans with logarithmic overlap queries.

Propagation and the acceptance policy ask "does this match overlap anything already decided?"
for every match in a document; testing each match against every span made the cost grow with
the square of the document's size (a 4 MiB one-line text spent 24 minutes there). The spans are
kept merged, sorted and disjoint, so a query is two bisections.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable


class SpanSet:
    """Union of half-open spans ``[start, end)``; two spans overlap when they share a character."""

    __slots__ = ("_ends", "_starts")

    def __init__(self, spans: Iterable[tuple[int, int]] = ()) -> None:
        self._starts: list[int] = []
        self._ends: list[int] = []
        for s, e in sorted(spans):
            if e <= s:
                continue
            if self._ends and s <= self._ends[-1]:
                self._ends[-1] = max(self._ends[-1], e)
            else:
                self._starts.append(s)
                self._ends.append(e)

    def __len__(self) -> int:
        return len(self._starts)

    def overlaps(self, start: int, end: int) -> bool:
        """True when ``[start, end)`` shares at least one character with a span in the set."""
        if end <= start:
            return False
        i = bisect_left(self._starts, end) - 1  # the last span starting before ``end``
        return i >= 0 and self._ends[i] > start

    def add(self, start: int, end: int) -> None:
        if end <= start:
            return
        lo = bisect_left(self._ends, start)  # first span that ends at or after ``start``
        hi = bisect_right(self._starts, end)  # spans starting at or before ``end`` touch it
        if lo < hi:
            start = min(start, self._starts[lo])
            end = max(end, self._ends[hi - 1])
        self._starts[lo:hi] = [start]
        self._ends[lo:hi] = [end]

    def spans(self) -> list[tuple[int, int]]:
        return list(zip(self._starts, self._ends, strict=True))
