"""Redaction codes already printed in published documents (Woo 5.1.2e, Wob 10.2.e, ...).

Hand-written because no library knows Woo/Wob ground codes. The hard part is not matching the
code but telling a redaction mark from a citation ("artikel 5.1.2, onderdeel e"), a section
number in a table of contents ("5.2 Meningsverschillen"), a date or an amount. Heuristic:

1. A code inside ``<sup>..</sup>`` (how PDF converters render the small printed label) is a mark.
2. A code preceded by a citation word (artikel, art., lid, hoofdstuk, paragraaf, §, onderdeel,
   bijlage, versie, zie, ...) or followed by a law name ("Woo", "Wob") is a citation: dropped.
3. Letter codes (5.1.2e, 5.1.1d, 10.2.e) are distinctive: any remaining hit is a mark.
4. Letterless codes (5.2, 5.2.1, 5.1.5, 11.1) are common numbers, so they only count when they sit
   in sup tags, next to another mark ("5.1.2e, 5.2"), or in a document that already carries
   distinctive marks (a table of contents of a report never makes "5.2" a ground).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

# Wob (Wet openbaarheid van bestuur) ground -> Woo (Wet open overheid) ground with the same
# interest. Wob 10.2.f (the addressee's right to see it first) has no Woo equivalent; Wob 10.2.g
# (disproportionate advantage/disadvantage) became Woo 5.1.5 (lid 5); Wob 11.1 became Woo 5.2.
WOB_TO_WOO: dict[str, str | None] = {
    "10.1a": "5.1.1a",
    "10.1b": "5.1.1b",
    "10.1c": "5.1.1c",
    "10.1d": "5.1.1d",
    "10.2a": "5.1.2a",
    "10.2b": "5.1.2b",
    "10.2c": "5.1.2c",
    "10.2d": "5.1.2d",
    "10.2e": "5.1.2e",
    "10.2f": None,
    "10.2g": "5.1.5",
    "11.1": "5.2",
}

GROUND_LABELS: dict[str, str] = {
    "5.1.1a": "eenheid van de Kroon",
    "5.1.1b": "veiligheid van de Staat",
    "5.1.1c": "vertrouwelijk verstrekte bedrijfs- en fabricagegegevens",
    "5.1.1d": "bijzondere persoonsgegevens",
    "5.1.1e": "nationale identificatienummers",
    "5.1.2a": "internationale betrekkingen",
    "5.1.2b": "economische of financiële belangen van de Staat",
    "5.1.2c": "opsporing en vervolging van strafbare feiten",
    "5.1.2d": "inspectie, controle en toezicht",
    "5.1.2e": "eerbiediging van de persoonlijke levenssfeer",
    "5.1.2f": "concurrentiegevoelige bedrijfs- en fabricagegegevens",
    "5.1.2g": "bescherming van het milieu",
    "5.1.2h": "beveiliging van personen of bedrijven",
    "5.1.2i": "goed functioneren van de Staat",
    "5.1.5": "onevenredige benadeling",
    "5.2": "persoonlijke beleidsopvattingen",
}

# After the code: no letter, no decimal continuation; a digit only where the next code starts
# ("5.1.2e5.1.2e": adjacent labels that PDF extraction glued together).
_NOT_AFTER = r"(?![A-Za-z])(?!\d(?!\.\d))(?![,.]\d)"
_PATTERNS: list[tuple[re.Pattern[str], str, bool]] = [
    # Woo 5.1.1a-e / 5.1.2a-i, with ".e", " e" or "e".
    (re.compile(r"5\.1\.1(?:\.|\s)?([a-e])" + _NOT_AFTER), "5.1.1", True),
    (re.compile(r"5\.1\.2(?:\.|\s)?([a-i])" + _NOT_AFTER), "5.1.2", True),
    (re.compile(r"10\.1(?:\.|\s)?([a-d])" + _NOT_AFTER), "10.1", True),
    (re.compile(r"10\.2(?:\.|\s)?([a-g])" + _NOT_AFTER), "10.2", True),
    (re.compile(r"5\.1\.5" + _NOT_AFTER), "5.1.5", False),
    (re.compile(r"5\.2(?:\.1)?" + _NOT_AFTER), "5.2", False),
    (re.compile(r"11\.1" + _NOT_AFTER), "11.1", False),
]
_BAD_BEFORE = frozenset(".,€$")

_CITATION_BEFORE = re.compile(
    r"(?:\b(?:artikel|artikelen|art\.?|lid|leden|hoofdstuk|paragraaf|par\.|onderdeel|bijlage|"
    r"versie|v|figuur|tabel|sectie|zie|punt|agendapunt|pagina|blz\.?|nr\.?|nummer)|§)"
    r"\s*$",
    re.IGNORECASE,
)
_LAW_AFTER = re.compile(r"^[\s,]*(?:van de |van het )?(?:Woo|Wob|Wet|Awb|BW|lid|eerste|tweede)\b")
_AMOUNT_BEFORE = re.compile(r"(?:[€$]|EUR|euro)\s*$", re.IGNORECASE)
_UNIT_AFTER = re.compile(
    r"^\s*(?:%|(?:mln|miljoen|miljard|procent|uur|keer|km|kg|fte)\b)", re.IGNORECASE
)
_SUP_BEFORE = re.compile(r"<sup>\s*$", re.IGNORECASE)
_SUP_AFTER = re.compile(r"^\s*</sup>", re.IGNORECASE)
_ADJACENT_GAP = re.compile(r"^[\s,;/+&]*(?:en\s+)?$")


@dataclass(frozen=True, slots=True)
class RedactionCode:
    """One printed ground code: where it is, as printed, and normalised.

    ``code`` is the normalised form in its own law (Woo "5.1.2e", Wob "10.2e", "11.1");
    ``woo`` is the Woo ground it maps to (same as ``code`` for Woo codes).
    """

    start: int
    end: int
    raw: str
    code: str
    law: str  # "woo" | "wob"
    woo: str | None
    in_sup: bool


def _normalise(base: str, letter: str | None) -> tuple[str, str, str | None]:
    if base in ("10.1", "10.2"):
        code = f"{base}{letter}"
        return code, "wob", WOB_TO_WOO.get(code)
    if base == "11.1":
        return "11.1", "wob", WOB_TO_WOO["11.1"]
    code = f"{base}{letter}" if letter else base
    return code, "woo", code


# Cheap literal scan first; the full patterns (with their slow lookbehinds) only run where it hits.
_PREFILTER = re.compile(r"5\.1\.[125]|5\.2|10\.[12]|11\.1")


def _candidates(text: str) -> list[tuple[int, int, str, str | None, bool]]:
    out: list[tuple[int, int, str, str | None, bool]] = []
    for pre in _PREFILTER.finditer(text):
        pos = pre.start()
        glued = pos > 0 and (
            text[pos - 1].isalnum() or text[pos - 1] in _BAD_BEFORE or text[pos - 1] == "_"
        )
        # Glued to a word or number ("v5.2", "15.2", "€5.2") unless right after a letter code.
        if glued and not (out and out[-1][1] == pos and out[-1][4]):
            continue
        for rx, base, has_letter in _PATTERNS:
            m = rx.match(text, pos)
            if m:
                letter = m.group(1).lower() if has_letter else None
                out.append((m.start(), m.end(), base, letter, has_letter))
                break
    out.sort()
    dedup: list[tuple[int, int, str, str | None, bool]] = []
    for c in out:
        if dedup and c[0] < dedup[-1][1]:
            continue
        dedup.append(c)
    return dedup


def find_redaction_codes(text: str) -> list[RedactionCode]:
    """Every printed Woo/Wob ground code in ``text`` that is a redaction mark, in text order."""
    cands = _candidates(text)
    kept: list[tuple[int, int, str, str | None, bool, bool]] = []
    for start, end, base, letter, distinctive in cands:
        before = text[max(0, start - 20) : start]
        after = text[end : end + 20]
        in_sup = bool(_SUP_BEFORE.search(before) and _SUP_AFTER.match(after))
        if not in_sup and (
            _CITATION_BEFORE.search(before)
            or _AMOUNT_BEFORE.search(before)
            or _LAW_AFTER.match(after)
            or _UNIT_AFTER.match(after)
        ):
            continue
        kept.append((start, end, base, letter, distinctive, in_sup))
    strong = any(k[4] or k[5] for k in kept)
    out: list[RedactionCode] = []
    for i, (start, end, base, letter, distinctive, in_sup) in enumerate(kept):
        if not (distinctive or in_sup):
            neighbours = [kept[j] for j in (i - 1, i + 1) if 0 <= j < len(kept)]
            adjacent = any(
                _ADJACENT_GAP.match(
                    text[min(end, n[1]) : max(start, n[0])]
                    .replace("<sup>", "")
                    .replace("</sup>", "")
                )
                for n in neighbours
            )
            if not (adjacent or strong):
                continue
        code, law, woo = _normalise(base, letter)
        out.append(RedactionCode(start, end, text[start:end], code, law, woo, in_sup))
    return out


def count_codes(codes: list[RedactionCode]) -> dict[str, int]:
    """Counts per normalised code, most frequent first (ties by code)."""
    counts = Counter(c.code for c in codes)
    return dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
