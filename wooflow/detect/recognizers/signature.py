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


_KEYS = ("handtekening", "getekend", "paraaf", "signature", "signed", "w.g.")


class SignatureRecognizer(Recognizer):
    NAME = "signature"
    ENTITIES = ("SIGNATURE",)
    CATEGORY = "signature"
    PATTERNS = (SIGNATURE,)
    CONTEXT = ("handtekening", "ondertekend", "w.g.")

    _re = re.compile(SIGNATURE, re.IGNORECASE)

    # A paraph: initials under or after 'Paraaf <function>' ('Paraaf DG: CvdH').
    _paraaf = re.compile(r"(?im)^[ \t]*paraaf\b[^\n:]{0,30}(?::[ \t]*|\n[ \t]*)([A-Za-z.]{2,8})[ \t]*$")

    # Paraph fields side by side on one line ('Paraaf DOVS   KK    Paraaf DG   A.R.',
    # 'Gezien: paraaf voorzitter EW    paraaf secretaris R.v.d.L.'): the function is one word
    # (capitals or lower case), the initials end at two spaces, a tab, a separator or the line end.
    _paraaf_inline = re.compile(
        r"(?<![\w])[Pp]araaf(?:[ \t]+(?:van[ \t]+)?(?:de[ \t]+)?(?:[A-Za-z][\w&/-]{1,15})(?: [A-Z]{2,6})?)?[ \t]*:?"
        r"[ \t]+"
        r"((?:[A-Z]\.(?:[a-z]{1,3}\.){0,3}){1,4}|[A-Z]\.[a-z]{1,3}[A-Z]\.|[A-Z][a-z]{0,3}[A-Z][A-Za-z]{0,3})"
        r"(?=[ \t]{2}|\t|[ \t]*(?:$|\n|[|;,]))"
    )

    # 'Medeparaaf: Financiën (RdJ)': the initials in brackets after the function or department.
    _paraaf_bracket = re.compile(
        r"(?im)^[ \t]*(?:mede|co-?)?paraaf\b[^\n:]{0,30}:[ \t]*[^\n()]{1,40}?[ \t]*"
        r"\(((?:[A-Z]\.){1,4}|[A-Z][a-z]{0,3}[A-Z][A-Za-z]{0,3}|[A-Z]{2,4})\)[ \t]*$"
    )

    def analyze(self, text: str) -> list[Finding]:
        low = text.lower()
        if len(low) == len(text) and not any(k in low for k in _KEYS):
            return []  # speed: every pattern holds one of these words; substring tests are C-fast
        out = []
        for m in self._re.finditer(text):
            if m.group(0)[:1] in "([<{":
                # '(handtekening)' only marks where a signature stood: the placeholder itself
                # holds no personal data (the signed name beside it is judged as a name).
                out.append(self.finding(text, m.start(), m.end(), 0.9, "plaatsaanduiding handtekening",
                                        action="keep"))
            else:
                out.append(self.finding(text, m.start(), m.end(), 0.9, "handtekening"))
        for m in self._paraaf.finditer(text):
            if any(c.isupper() for c in m.group(1)):
                out.append(self.finding(text, m.start(1), m.end(1), 0.85, "paraaf (initialen)"))
        for m in self._paraaf_bracket.finditer(text):
            if not _function_word(m.group(1)):
                out.append(self.finding(text, m.start(1), m.end(1), 0.85, "paraaf (initialen)"))
        seen = {(f.start, f.end) for f in out}
        for m in self._paraaf_inline.finditer(text):
            if (m.start(1), m.end(1)) not in seen and not _function_word(m.group(1)):
                out.append(self.finding(text, m.start(1), m.end(1), 0.85, "paraaf (initialen)"))
        return out


def _function_word(tok: str) -> bool:
    """'Paraaf DG' alone: an abbreviation of a function or body, not initials."""
    from wooflow.detect import lexicon

    return tok in _FUNCTIONS or tok in lexicon.organisation_words()


_FUNCTIONS = frozenset("DG SG pSG DGB MT CdK GS BM DB AB VZ HA MA".split())
