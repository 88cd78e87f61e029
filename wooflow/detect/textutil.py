"""Small text helpers shared by recognizers and cues; no imports from the rest of the package
(so any module can use them without import cycles)."""

from __future__ import annotations

import bisect


class Starts:
    """Sorted start offsets of person mentions, for 'is a person named between a and b'
    in O(log n) (a plain scan per finding would make long texts quadratic)."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self.starts = sorted(s for s, _ in spans)

    def between(self, a: int, b: int) -> bool:
        """True when some mention starts in [a, b)."""
        i = bisect.bisect_left(self.starts, a)
        return i < len(self.starts) and self.starts[i] < b


def line_start(text: str, pos: int, limit: int = 300) -> int:
    """Start of the line holding ``pos``, but never more than ``limit`` back: on a text
    without line breaks an unbounded look-back would make detection quadratic."""
    return max(text.rfind("\n", max(0, pos - limit), pos) + 1, pos - limit, 0)
