"""Dutch postcodes (1234 AB) with the place after them, when not part of a found address.

A postcode in an organisation's letterhead stays public; elsewhere it points to where a
person lives and is redacted.
"""

from __future__ import annotations

import re

from wooflow.detect.recognizers.base import Recognizer, office_block
from wooflow.model import Finding

_U = "A-ZÀ-ÖØ-Þ"
_L = "a-zß-öø-ÿ"
# Not after a date separator ('7‐4‐2009 RE: ...' is a date and a reply prefix) nor before ':'.
POSTCODE = (
    rf"(?<![\w\-‐‑–/.])([1-9]\d{{3}}[ \u00a0]?(?!SA|SD|SS)[A-Z]{{2}})(?![\w-]|:)(?:[ \u00a0]{{1,2}}([{_U}]["
    rf"{_L}'’]+(?:-[{_U}]?[{_L}'’]+)*(?:[ \u00a0][{_U}]?[{_L}'’]+(?:-[{_U}]?[{_L}'’]+)*){{0,2}}))?"
)


class PostcodeRecognizer(Recognizer):
    NAME = "postcode"
    ENTITIES = ("POSTCODE",)
    CATEGORY = "postcode"
    PATTERNS = (POSTCODE,)
    CONTEXT = ("postcode", "woonplaats", "adres")

    # Speed: the same pattern with the look-behind moved after the first character, so the
    # regex engine skips ahead to a candidate character instead of testing every position
    # (identical matches; tests/detect/test_fast_patterns.py checks both agree).
    _re = re.compile(POSTCODE.replace(r"(?<![\w\-‐‑–/.])([1-9]", r"([1-9](?<![\w\-‐‑–/.][1-9])", 1))

    def analyze(self, text: str) -> list[Finding]:
        out = []
        for m in self._re.finditer(text):
            s, e = m.start(), m.end()
            before = text[max(0, s - 30) : s]
            if re.search(r"postbus\s+\d+\s*,?\s*$", before, re.IGNORECASE) or office_block(text, s):
                out.append(self.finding(text, s, e, 0.85, "postcode van organisatie", action="keep"))
                continue
            score = 0.9 if self.has_context(text, s, e) else 0.8
            out.append(self.finding(text, s, e, score, "postcode en woonplaats"))
        return out
