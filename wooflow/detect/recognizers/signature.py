"""Signatures: placeholders for a handwritten signature ("(handtekening)", "w.g.", "[paraaf]")."""

from __future__ import annotations

import re

from wooflow.detect.recognizers.base import Recognizer
from wooflow.model import Finding

SIGNATURE = (
    r"[(\[<{]\s*(?:handtekening|getekend|paraaf|signature|signed)\s*[)\]>}]"
    r"|(?<![\w.])w\.g\.(?![\w])"
    r"|(?im:^[ \t]*(?:handtekening|paraaf)[ \t]*:[ \t]*(?:[^\n]{1,60})$)"
)


class SignatureRecognizer(Recognizer):
    NAME = "signature"
    ENTITIES = ("SIGNATURE",)
    CATEGORY = "signature"
    PATTERNS = (SIGNATURE,)
    CONTEXT = ("handtekening", "ondertekend", "w.g.")

    _re = re.compile(SIGNATURE, re.IGNORECASE)

    def analyze(self, text: str) -> list[Finding]:
        return [
            self.finding(text, m.start(), m.end(), 0.9, "handtekening")
            for m in self._re.finditer(text)
        ]
