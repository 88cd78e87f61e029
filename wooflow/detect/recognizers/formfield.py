"""Values of form fields about a natural person: 'Straatnaam   Kastanjelaan', 'Woonplaats
Dronten', 'Geboorteland: Nederland', and the vertical exports of the Omgevingsloket where the
value stands on the line under its label. Ground 5.1.2e.

Everything that decides is data: the labels and their category in data/cues/form_labels.txt,
the words that say whose block it is in data/cues/form_context.txt. A field is redacted when its
label names personal data by itself ('woonplaats') or when the form block is about a person
(the nearest context line above says 'particulier', 'eigenaar', a name field, ...); business
evidence (a Postbus value, 'organisatie', a 'bedrijf' heading) nearer than any person evidence
keeps it public. Only short lines count as evidence (form lines and headings, not prose).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from wooflow.detect import lexicon
from wooflow.detect.recognizers.base import Recognizer
from wooflow.model import Finding

_CELL = re.compile(r"\S(?:[^\t\n]*?\S)??(?=[ ]{2,}|\t|[ ]?$)")
_FILLER = ("geen openbare informatie", "vooraf ingevuld antwoord", "ja", "nee", "n.v.t.", "nvt", "onbekend", "-")
_LOOKBACK = 14  # lines above a field that can say whose block it is


@dataclass(frozen=True)
class _Label:
    category: str
    always: bool


@lru_cache(maxsize=1)
def _labels() -> dict[str, _Label]:
    out = {}
    for line in lexicon.cue_words("form_labels.txt"):
        label, category, always = (line.split("|") + ["", ""])[:3]
        out[label.strip()] = _Label(category.strip(), always.strip() == "always")
    return out


@lru_cache(maxsize=1)
def _context() -> tuple[re.Pattern[str], re.Pattern[str]]:
    person: list[str] = []
    business: list[str] = []
    for line in sorted(lexicon.cue_words("form_context.txt")):  # (one pattern in every process; only searched)
        word, _, kind = line.partition("|")
        (business if kind.strip() == "business" else person).append(re.escape(word.strip()))
    return (re.compile(r"(?i)\b(?:" + "|".join(person) + r")\b"),
            re.compile(r"(?i)\b(?:" + "|".join(business) + r")\b"))


def _label_of(cell: str) -> str | None:
    # str.split() and the regex's \s split at the same characters (both str.isspace())
    key = " ".join(cell.strip().rstrip(":").split()).lower()
    return key if key in _labels() else None


class FormFieldRecognizer(Recognizer):
    NAME = "formfield"
    ENTITIES = ("FORM_FIELD",)
    CATEGORY = "address"
    # The labels are data (data/cues/form_labels.txt); this is the shape of one cell.
    PATTERNS = (_CELL.pattern,)

    def analyze(self, text: str) -> list[Finding]:
        lines: list[tuple[int, str]] = []
        pos = 0
        for raw in text.split("\n"):
            lines.append((pos, raw))
            pos += len(raw) + 1
        out: list[Finding] = []
        for i, (ls, line) in enumerate(lines):
            cells = [(ls + m.start(), m.group(0)) for m in _CELL.finditer(line) if m.group(0).strip()]
            cells = _split_colons(cells)
            for j, (_cs, cell) in enumerate(cells):
                label = _label_of(cell)
                if label is None:
                    continue
                value = self._value(lines, i, cells, j)
                if value is None:
                    continue
                vs, vtext = value
                if vtext.strip().lower().rstrip(".") in _FILLER or _label_of(vtext) is not None \
                        or vtext.rstrip().endswith(":"):
                    continue
                spec = _labels()[label]
                whose = self._whose(lines, i)
                lead = len(vtext) - len(vtext.lstrip())
                vs += lead
                vtext = vtext.strip()
                if whose == "person" or (whose is None and spec.always):
                    out.append(self.finding(text, vs, vs + len(vtext), 0.9,
                                            f"formulierveld '{label}' van een persoon", category=spec.category))
                elif whose == "business" and spec.category == "address":
                    out.append(self.finding(text, vs, vs + len(vtext), 0.8,
                                            f"adres van organisatie (formulierveld '{label}')", action="keep"))
        return out

    @staticmethod
    def _value(lines: list[tuple[int, str]], i: int, cells: list[tuple[int, str]], j: int) -> tuple[int, str] | None:
        if j + 1 < len(cells):
            return cells[j + 1]
        # a vertical export: the value is the next non-empty line, alone on it
        for k in range(i + 1, min(len(lines), i + 3)):
            ls, line = lines[k]
            if line.strip():
                nxt = [(ls + m.start(), m.group(0)) for m in _CELL.finditer(line) if m.group(0).strip()]
                return nxt[0] if len(nxt) == 1 else None
        return None

    @staticmethod
    def _whose(lines: list[tuple[int, str]], i: int) -> str | None:
        """'person' or 'business' from the nearest evidence above the field, None without any."""
        person_re, business_re = _context()
        lo = max(0, i - _LOOKBACK)
        block = [line for _, line in lines[lo : i + 1]]
        for line in reversed(block):
            if re.search(r"(?i)\bpostbus\b", line) or business_re.search(line):
                return "business"
            if person_re.search(line):
                return "person"
        return None


def _split_colons(cells: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """'Naam: Kamphorst' in one cell is a label and its value."""
    out = []
    for start, cell in cells:
        head, colon, rest = cell.partition(":")
        if colon and rest.strip() and _label_of(head) is not None:
            out.append((start, head + colon))
            off = len(head) + 1 + (len(rest) - len(rest.lstrip()))
            out.append((start + off, rest.strip()))
        else:
            out.append((start, cell))
    return out
