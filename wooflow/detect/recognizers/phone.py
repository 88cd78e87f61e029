"""Dutch telephone numbers in every usual notation.

Direct and mobile numbers of people are redacted; general numbers stay public: 14 + area code
(municipal number), 0800/0900 service numbers, and switchboard numbers printed after "T" in an
organisation's letterhead next to its office address.
"""

from __future__ import annotations

import re

from wooflow.detect.recognizers.base import Recognizer, line_bounds, office_block
from wooflow.model import Finding

_SEP = r"[ \-.\u00a0]?"
# One alternation per family; every quantifier is bounded, so matching is linear.
PHONE = (
    r"(?<![\w+/.,-])("
    r"(?:\+|00)31[ \u00a0]?(?:\(0\)[ \u00a0]?)?[1-9](?:" + _SEP + r"\d){8}"  # +31 (0)6 2345 6789
    r"|\(0\d{1,3}\)[ \u00a0]?\d(?:" + _SEP + r"\d){4,7}"  # (070) 340 7911
    r"|0[1-9](?:" + _SEP + r"\d){8}"  # 070 340 7911, 06-12345678, 0612 345 678
    r"|0[89]00" + _SEP + r"\d(?:" + _SEP + r"\d){2,6}"  # 0800-1234, 0900 1234567
    r"|14[ \u00a0\-]?0\d{2,3}"  # 14 038 (gemeente)
    r")(?![\w-]|[.,]\d)"
)
GENERAL_CUE = re.compile(
    r"algeme(?:en|ne)|centrale|receptie|klantcontact|servicenummer|informatienummer|"
    r"publieksvoorlichting|telefooncentrale|kcc|bereikbaar via|bel (?:ons|gratis)|"
    r"secretariaat",
    re.IGNORECASE,
)
DIRECT_CUE = re.compile(
    r"mobiel|mob\.|06|direct|doorkies|privé|prive|inlichtingen|contactpersoon|behandeld door",
    re.IGNORECASE,
)
LETTERHEAD_LABEL = re.compile(r"(?:^|\n)[ \t]*(?:T|Tel\.?|Telefoon|F|Fax)[ \t]*[:.]?[ \t]*$")


class PhoneRecognizer(Recognizer):
    NAME = "phone"
    ENTITIES = ("PHONE_NUMBER",)
    CATEGORY = "phone"
    PATTERNS = (PHONE,)
    CONTEXT = ("tel", "telefoon", "mobiel", "bel", "06", "nummer", "t ", "m ")

    _re = re.compile(PHONE)

    def validate(self, value: str) -> bool:
        digits = re.sub(r"\D", "", value)
        return 5 <= len(digits) <= 13

    def analyze(self, text: str) -> list[Finding]:
        out = []
        for m in self._re.finditer(text):
            value = m.group(1)
            if not self.validate(value):
                continue
            digits = re.sub(r"\D", "", value)
            if digits.startswith("0031"):
                digits = digits[2:]
            mobile = digits.startswith("06") or digits.startswith("316") or digits.startswith("3106")
            s, e = m.start(1), m.end(1)
            if digits.startswith("14") and len(digits) <= 6:
                out.append(self.finding(text, s, e, 0.9, "algemeen gemeentenummer (14 + netnummer)", action="keep"))
                continue
            if digits[:4] in ("0800", "0900"):
                out.append(self.finding(text, s, e, 0.9, "algemeen servicenummer", action="keep"))
                continue
            if not mobile and self._general(text, s):
                out.append(self.finding(text, s, e, 0.8, "algemeen (centrale) nummer in briefhoofd", action="keep"))
                continue
            reason = "mobiel nummer" if mobile else "direct telefoonnummer"
            out.append(self.finding(text, s, e, 0.95 if mobile else 0.9, reason))
        return out

    @staticmethod
    def _general(text: str, start: int) -> bool:
        ls, _ = line_bounds(text, start)
        label = text[ls:start]
        if GENERAL_CUE.search(label) or GENERAL_CUE.search(text[max(0, start - 60) : start]):
            return True
        if DIRECT_CUE.search(label):
            return False
        is_label = bool(re.fullmatch(r"[ \t]*(?:T|Tel\.?|Telefoon|F|Fax)[ \t]*[:.]?[ \t]*", label))
        return is_label and office_block(text, start)
