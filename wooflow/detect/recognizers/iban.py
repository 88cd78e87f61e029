"""IBAN bank account numbers, validated with the ISO 13616 mod-97 check."""

from __future__ import annotations

import re

from wooflow.detect.recognizers.base import Recognizer
from wooflow.model import Finding


def iban_valid(value: str) -> bool:
    """ISO 13616: move the first four characters to the end, letters to numbers, mod 97 == 1."""
    s = re.sub(r"[\s.-]", "", value).upper()
    if not re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9]{10,30}", s):
        return False
    if s.startswith("NL") and not re.fullmatch(r"NL\d{2}[A-Z]{4}\d{10}", s):
        return False
    num = "".join(str(int(c, 36)) for c in s[4:] + s[:4])
    return int(num) % 97 == 1


class IbanRecognizer(Recognizer):
    NAME = "iban"
    ENTITIES = ("IBAN",)
    CATEGORY = "iban"
    # Groups of four separated by single spaces or nothing; bounded repetition keeps it linear.
    PATTERNS = (r"(?<![A-Za-z0-9])([A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?)(?![A-Za-z0-9])",)
    CONTEXT = ("iban", "rekeningnummer", "rekening", "bankrekening", "t.n.v.")

    # Speed: the same pattern with the look-behind moved after the first character, so the
    # regex engine skips ahead to a candidate character instead of testing every position
    # (identical matches; tests/detect/test_fast_patterns.py checks both agree).
    _re = re.compile(
        r"([A-Z](?<![A-Za-z0-9][A-Z])[A-Z]\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?)(?![A-Za-z0-9])")

    def validate(self, value: str) -> bool:
        return iban_valid(value)

    def analyze(self, text: str) -> list[Finding]:
        out = []
        for m in self._re.finditer(text):
            value = m.group(1)
            # The optional trailing group may have swallowed a following token: try shorter.
            while value and not self.validate(value):
                cut = value.rfind(" ")
                if cut <= 4:
                    value = ""
                    break
                value = value[:cut]
            if not value:
                continue
            s = m.start(1)
            out.append(self.finding(text, s, s + len(value), 0.97, "IBAN (mod-97-controle klopt)"))
        return out
