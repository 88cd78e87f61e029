"""Dutch licence plates, sidecodes 1 to 14 (RDW), with dashes or after the word kenteken."""

from __future__ import annotations

import re

from wooflow.detect.recognizers.base import Recognizer
from wooflow.model import Finding

# Sidecode patterns: X = letter, 9 = digit (RDW). Numbered in RDW order.
SIDECODES = (
    "XX-99-99", "99-99-XX", "99-XX-99", "XX-99-XX", "XX-XX-99", "99-XX-XX", "99-XXX-9",
    "9-XXX-99", "XX-999-X", "X-999-XX", "XXX-99-X", "X-99-XXX", "9-XX-999", "999-XX-9",
)


def _to_regex(code: str, sep: str) -> str:
    parts = []
    for group in code.split("-"):
        kind = r"[A-Z]" if group[0] == "X" else r"\d"
        parts.append(f"{kind}{{{len(group)}}}")
    return sep.join(parts)


DASHED = "|".join(_to_regex(c, "-") for c in SIDECODES)
BARE = "|".join(_to_regex(c, "") for c in SIDECODES)
PLATE = rf"(?<![\w-])({DASHED})(?![\w-])"
# (blanks possessive: the same matches; backtracking into two blank runs before the big
# alternation took 70 s on 'kenteken' and 12,000 non-breaking spaces)
PLATE_CTX = rf"(?i:kenteken(?:nummer|plaat)?|nummerplaat)[ \u00a0]*+(?::[ \u00a0]*+)?(?-i:({BARE}|{DASHED}))(?![\w-])"


# (The look-behind sits after the first character: the engine then skips ahead to a
# candidate character instead of testing every position.)
_SHAPE = re.compile(r"[A-Z\d](?<![\w-][A-Z\d])[A-Z\d]{0,2}-[A-Z\d]{1,3}-[A-Z\d]{1,3}(?![\w-])")


class PlateRecognizer(Recognizer):
    NAME = "plate"
    ENTITIES = ("LICENSE_PLATE",)
    CATEGORY = "plate"
    PATTERNS = (PLATE, PLATE_CTX)
    CONTEXT = ("kenteken", "auto", "voertuig", "nummerplaat", "rdw")

    _re = re.compile(PLATE)
    _ctx = re.compile(PLATE_CTX)

    def validate(self, value: str) -> bool:
        letters = re.sub(r"[^A-Z]", "", value)
        # Plates use no vowels except in old sidecodes; reject obvious words/abbreviations.
        return bool(letters) and any(c.isdigit() for c in value)

    def analyze(self, text: str) -> list[Finding]:
        out: dict[tuple[int, int], Finding] = {}
        low = text.lower()
        if "kenteken" in low or "nummerplaat" in low:
            for m in self._ctx.finditer(text):
                out[(m.start(1), m.end(1))] = self.finding(text, m.start(1), m.end(1), 0.95, "kenteken")
        # Speed: every sidecode is three dash-separated groups of 1-3 characters; one simple
        # class-based scan finds those, and only they are checked against the 14 sidecodes.
        for c in _SHAPE.finditer(text):
            hit = self._re.match(text, c.start())
            if hit is None or hit.end() != c.end():
                continue
            key = (hit.start(1), hit.end(1))
            if key in out or not self.validate(hit.group(1)):
                continue
            ctx = self.has_context(text, hit.start(1), hit.end(1), 80)
            out[key] = self.finding(text, key[0], key[1], 0.92 if ctx else 0.8, "kenteken (RDW-zijcode)")
        return list(out.values())
