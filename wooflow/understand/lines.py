"""Lines of a document with offsets, and the "Label: value" header fields Dutch documents carry.

Hand-written because the header blocks of notas, letters and minutes come in three layouts that
converters produce from the same PDF: "Label: value" / "Label<TAB>value" on one line, or the
label on its own line with the value on the next non-empty line ("Datum\\n\\n07 februari 2024").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from wooflow.understand.dates import parse_date

MAX_LINES = 3000  # header fields live at the top: fields and metadata read only these lines

_SUP = re.compile(r"</?sup>", re.IGNORECASE)
_MD = re.compile(r"^\s*(?:#{1,6}\s+|>\s*)|\*\*|__")


@dataclass(frozen=True, slots=True)
class Line:
    start: int
    end: int
    raw: str
    clean: str  # markdown and sup tags removed, tabs kept, stripped

    @property
    def blank(self) -> bool:
        return not self.clean


def split_lines(text: str, limit: int | None = MAX_LINES) -> list[Line]:
    """Lines (``\\n`` and form feed separated) with offsets into ``text``; ``None``: all."""
    out: list[Line] = []
    pos = 0
    for raw in re.split(r"[\n\f]", text):
        if limit is not None and len(out) >= limit:
            break
        clean = raw
        if "<" in raw:
            clean = _SUP.sub("", clean)
        if "*" in raw or "#" in raw or "_" in raw or ">" in raw:
            clean = _MD.sub("", clean)
        if clean.lstrip().startswith("|"):
            clean = _table_row(clean)
        clean = clean.replace("\r", "").strip(" \u00a0*")
        out.append(Line(pos, pos + len(raw), raw, clean.strip()))
        pos += len(raw) + 1
    return out


def _table_row(row: str) -> str:
    """A markdown table row "| **Aan** | MinEZK |" read as "Aan<TAB>MinEZK"; rulers vanish."""
    cells = [c.strip(" *") for c in row.strip().strip("|").split("|")]
    if all(re.fullmatch(r":?-{2,}:?|", c) for c in cells):
        return ""
    return "\t".join(c for c in cells if c)


def clean_inline(text: str) -> str:
    """One-line text: tags and markdown gone, whitespace collapsed, hyphenation joined."""
    text = _SUP.sub("", text).replace("**", "").replace("__", "")
    text = re.sub(r"(\w)-\s*\n\s*([a-z])", r"\1\2", text)
    return re.sub(r"\s+", " ", text).strip(" ,;")


LABELS: dict[str, tuple[str, ...]] = {
    "datum": ("Datum", "Date", "Dagtekening", "Datum brief", "Datum besluit"),
    "verzonden": ("Verzonden", "Sent", "Verstuurd", "Verzonden op"),
    "vergaderdatum": (
        "Vergaderdatum en -tijd",
        "Vergaderdatum",
        "Datum vergadering",
        "Datum en tijd",
        "Datum overleg",
    ),
    "kenmerk": (
        "Kenmerk",
        "Ons kenmerk",
        "Onze referentie",
        "Referentie",
        "Ons nummer",
        "Onze ref.",
        "Documentnummer",
        "Rapportnummer",
        "Aanslagnummer",
        "Beschikkingnummer",
        "Beschikkingsnummer",
        "Besluitnummer",
        "Registratienummer",
        "Onderzoeksnummer",
        "Projectnummer",
        "Factuurnummer",
        "No.",
        "Nr.",
        "Nummer",
    ),
    "uw_kenmerk": ("Uw kenmerk", "Uw referentie", "Uw brief", "Uw brief van"),
    "zaaknummer": (
        "Zaaknummer",
        "Zaaknr.",
        "Zaaknr",
        "Zaak",
        "Dossiernummer",
        "Meldingnummer",
        "Meldingsnummer",
    ),
    # the date a form or melding came in: the document's date when it has no "Datum"
    "ontvangen": ("Ontvangen op", "Datum ontvangst", "Ingediend op", "Datum melding", "Meldingsdatum"),
    "betreft": ("Betreft", "Onderwerp", "Subject", "Inzake"),
    "aan": ("Aan", "To", "Geadresseerde", "Geadresseerden"),
    "van": ("Van", "From", "Afzender"),
    # the unit that writes a memo or collegenota (its sender when there is no Van line)
    "afdeling": ("Afdeling", "Directie", "Organisatieonderdeel"),
    "cc": ("Cc", "CC", "Kopie aan", "Kopie"),
    "bijlagen": ("Bijlagen", "Bijlage(n)", "Bijlage", "Bijlage(s)"),
    "deadline": (
        "Deadline",
        "Uiterste datum",
        "Uiterste reactiedatum",
        "Reactie gewenst voor",
        "Termijn",
        "Beslistermijn",
    ),
    "aanwezig": ("Aanwezig", "Aanwezigen", "Deelnemers"),
    "afwezig": (
        "Afwezig",
        "Afwezigen",
        "Afgemeld",
        "Met kennisgeving afwezig",
        "Afwezig met kennisgeving",
        "Afwezig m.k.",
    ),
    "vergaderplaats": ("Vergaderplaats", "Locatie"),
    "voorzitter": ("Voorzitter",),
    "notulist": ("Notulist", "Verslaglegging"),
    "inlichtingen": ("Inlichtingen bij", "Inlichtingen", "Contactpersoon", "Opgesteld door"),
    "adres": ("Bezoekadres", "Postadres", "Retouradres", "Adres"),
    "aantal_paginas": ("Aantal pagina's", "Pagina's"),
}
LIST_KEYS = frozenset({"aanwezig", "afwezig", "bijlagen", "aan", "cc", "inlichtingen", "adres"})
# Keys whose single-space form "Datum 7 februari 2024" is safe enough, with a value check.
_SPACE_OK = ("datum", "kenmerk", "uw_kenmerk", "zaaknummer", "betreft", "vergaderdatum")

_LABEL_KEY: dict[str, str] = {lab.lower(): key for key, labs in LABELS.items() for lab in labs}
# OCR reads "m" as "rn" ("Daturn", "Kenrnerk"): for the date and reference labels the misread
# label is the same field.
_LABEL_KEY.update(
    {
        lab.lower().replace("m", "rn"): key
        for key in ("datum", "vergaderdatum", "kenmerk", "uw_kenmerk", "zaaknummer")
        for lab in LABELS[key]
        if "m" in lab.lower()
    }
)
_ALT = "|".join(re.escape(lab) for lab in sorted(_LABEL_KEY, key=len, reverse=True))
_LABEL_LINE = re.compile(
    rf"^(?:[-•]\s*)?(?P<label>{_ALT})(?P<sep>\s*:|\t|\s{{2,}}|\s*$)\s*(?P<value>.*)$", re.IGNORECASE
)
_LABEL_SPACE = re.compile(rf"^(?P<label>{_ALT}) (?P<value>\S.*)$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Field:
    """One header field: its key, the label as printed, the value and where the value is."""

    key: str
    label: str
    value: str
    line: int  # index of the label line
    start: int
    end: int
    items: tuple[str, ...] = ()


def _label_match(line: Line) -> tuple[str, str, str] | None:
    text = line.clean
    if not text or not (text[0].isupper() or text[:2].lower() == "cc"):
        return None
    m = _LABEL_LINE.match(text)
    if m:
        return _LABEL_KEY[m["label"].lower()], m["label"], m["value"].strip()
    m = _LABEL_SPACE.match(text)
    if m and len(text) < 160:
        key = _LABEL_KEY[m["label"].lower()]
        value = m["value"].strip()
        if key not in _SPACE_OK:
            return None
        if key in ("datum", "vergaderdatum") and parse_date(value[:40]) is None:
            return None
        if key in ("kenmerk", "uw_kenmerk", "zaaknummer") and not re.search(r"\d", value):
            return None
        if key == "betreft" and not value[:1].isupper():
            return None
        return key, m["label"], value
    return None


def is_label_line(line: Line) -> bool:
    return _label_match(line) is not None


def extract_fields(lines: list[Line]) -> dict[str, list[Field]]:
    """All header fields, per key, in text order."""
    out: dict[str, list[Field]] = {}
    n = len(lines)
    for i, line in enumerate(lines):
        hit = _label_match(line)
        if hit is None:
            continue
        key, label, value = hit
        start = end = line.end
        items: list[str] = [value] if value else []
        if value:
            start = line.start + max(0, line.raw.find(value[:10]))
        j = i + 1
        if not value:
            # Value on the next non-empty line(s), unless that is another label.
            while j < n and j <= i + 4 and lines[j].blank:
                j += 1
            if j < n and j <= i + 4 and not is_label_line(lines[j]):
                items.append(lines[j].clean)
                start, end = lines[j].start, lines[j].end
                j += 1
        if key in LIST_KEYS and items:
            while j < n and len(items) < 40 and not lines[j].blank and not is_label_line(lines[j]):
                items.append(lines[j].clean)
                end = lines[j].end
                j += 1
        text_value = " ".join(items).strip()
        out.setdefault(key, []).append(
            Field(key, label, text_value, i, start, max(start, end), tuple(items))
        )
    return out


def first(fields: dict[str, list[Field]], *keys: str) -> Field | None:
    """The first non-empty field among ``keys`` (in key priority order)."""
    for key in keys:
        for f in fields.get(key, ()):
            if f.value:
                return f
    return None
