"""Burgerservicenummer (BSN): nine digits that pass the elfproef; ground 5.1.1e."""

from __future__ import annotations

import re

from wooflow.detect import lexicon
from wooflow.detect.recognizers.base import GROUND_BSN, Recognizer
from wooflow.model import Finding


def elfproef(digits: str) -> bool:
    """The BSN eleven test: sum(d_i * w_i) with weights 9..2 and -1 is divisible by 11."""
    if len(digits) == 8:
        digits = "0" + digits
    if len(digits) != 9 or not digits.isdigit() or digits == "000000000":
        return False
    total = sum(int(d) * w for d, w in zip(digits[:8], range(9, 1, -1), strict=False)) - int(digits[8])
    return total % 11 == 0


class BsnRecognizer(Recognizer):
    NAME = "bsn"
    ENTITIES = ("BSN",)
    CATEGORY = "bsn"
    GROUND = GROUND_BSN
    PATTERNS = (r"(?<![\w.,-])(\d{4}[ .]?\d{2}[ .]?\d{3}|\d{3}[ .]\d{3}[ .]\d{3})(?![\w-]|[.,]\d)",)
    CONTEXT = ("bsn", "burgerservicenummer", "burgerservice", "sofinummer", "sofi-nummer", "bsn-nummer")

    # Speed: the same pattern with the look-behind moved after the first character, so the
    # regex engine skips ahead to a candidate character instead of testing every position
    # (identical matches; tests/detect/test_fast_patterns.py checks both agree).
    _re = re.compile(r"(\d(?<![\w.,-]\d)(?:\d{3}[ .]?\d{2}[ .]?\d{3}|\d{2}[ .]\d{3}[ .]\d{3}))(?![\w-]|[.,]\d)")

    def validate(self, value: str) -> bool:
        return elfproef(re.sub(r"\D", "", value))

    def analyze(self, text: str) -> list[Finding]:
        out = []
        for m in self._re.finditer(text):
            if not self.validate(m.group(1)):
                continue
            before = text[max(0, m.start() - 80) : m.start()].lower()
            last_ctx = max((before.rfind(c) for c in self.CONTEXT), default=-1)
            last_neg = max((before.rfind(n) for n in lexicon.cue_words("id_negative_labels.txt")), default=-1)
            if last_neg > last_ctx:
                continue  # the nearest label says it is a reference or amount, not a BSN
            ctx = last_ctx >= 0 or self.has_context(text, m.start(), m.end(), 0)
            score = 0.97 if ctx else 0.7
            reason = "BSN (elfproef klopt)" + (", na 'BSN'" if ctx else "")
            out.append(self.finding(text, m.start(1), m.end(1), score, reason))
        return out
