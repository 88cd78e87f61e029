"""Small text helpers shared by recognizers and cues; no imports from the rest of the package
(so any module can use them without import cycles)."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from typing import Any


class Starts:
    """Sorted start offsets of person mentions, for 'is a person named between a and b'
    in O(log n) (a plain scan per finding would make long texts quadratic)."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self.spans = sorted(spans)
        self.starts = [s for s, _ in self.spans]

    def between(self, a: int, b: int) -> bool:
        """True when some mention starts in [a, b)."""
        i = bisect.bisect_left(self.starts, a)
        return i < len(self.starts) and self.starts[i] < b

    def spans_between(self, a: int, b: int) -> list[tuple[int, int]]:
        """The mentions (start, end) that start in [a, b)."""
        i = bisect.bisect_left(self.starts, a)
        j = bisect.bisect_left(self.starts, b)
        return self.spans[i:j]


def line_start(text: str, pos: int, limit: int = 300) -> int:
    """Start of the line holding ``pos``, but never more than ``limit`` back: on a text
    without line breaks an unbounded look-back would make detection quadratic."""
    return max(text.rfind("\n", max(0, pos - limit), pos) + 1, pos - limit, 0)


def alternatives(pattern: str) -> list[str]:
    """The top-level alternatives of a regex source (split at '|' outside parentheses)."""
    out: list[str] = []
    cur: list[str] = []
    depth = 0
    for ch in pattern:
        depth += (ch == "(") - (ch == ")")
        if ch == "|" and depth == 0:
            out.append("".join(cur))
            cur = []
        else:
            cur.append(ch)
    return out + ["".join(cur)]


def by_first_letter(alternatives: Iterable[str]) -> str:
    """'ziek|zwanger|...' as 'z(?:iek|wanger)|...': the engine then tests one branch per
    letter at each word start instead of every alternative (why by hand: Python's re does not
    build this trie itself). Alternatives keep their order within a letter, so the same one
    wins; those not starting with a plain letter come last."""
    groups: dict[str, list[str]] = {}
    rest = []
    for alt in alternatives:
        if alt[:1].isalpha() and alt[1:2] not in ("?", "*", "+", "{"):
            groups.setdefault(alt[0], []).append(alt[1:])
        else:
            rest.append(alt)
    return "|".join([f"{re.escape(c)}(?:{'|'.join(tails)})" for c, tails in sorted(groups.items())] + rest)


class LazyPattern:
    """A regular expression compiled on first use: start-up pays only for the large patterns a
    text needs. Methods and attributes of the compiled pattern pass through (bound once)."""

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern = pattern
        self._flags = flags

    def __getattr__(self, name: str) -> Any:
        value = getattr(re.compile(self.pattern, self._flags), name)
        setattr(self, name, value)  # the next use is a plain attribute: no compile, no detour
        return value
