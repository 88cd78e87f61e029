"""Metadata of one document: its own date, references, title, sender, addressees, organisation.

Rules (documented in docs/UNDERSTANDING.md) prefer what the author labelled over what we infer:
a reader's e-mail header beats a "Verzonden:" line, a "Datum" field beats a "Den Haag, 7 februari
2024" line, and only then do we take a date standing alone near the top. Any other date in the
text (a deadline, a period asked for in a Woo request) is never the document date.
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass, field
from typing import Any

from wooflow.model import Document
from wooflow.understand.dates import coerce_date, find_dates, parse_date
from wooflow.understand.layout import chat_first_date
from wooflow.understand.lines import Field, Line, clean_inline, first
from wooflow.understand.sender import find_sender
from wooflow.understand.structure import _KNOWN as _KNOWN_HEADING

# Ministries and their usual abbreviations (public, from rijksoverheid.nl); used to name the
# organisation from "Aan: MOCW", an e-mail domain "@minvws.nl" or a letterhead.
MINISTRIES: dict[str, str] = {
    "AZ": "Ministerie van Algemene Zaken",
    "BZ": "Ministerie van Buitenlandse Zaken",
    "BZK": "Ministerie van Binnenlandse Zaken en Koninkrijksrelaties",
    "DEF": "Ministerie van Defensie",
    "EZ": "Ministerie van Economische Zaken",
    "EZK": "Ministerie van Economische Zaken en Klimaat",
    "FIN": "Ministerie van Financiën",
    "IENW": "Ministerie van Infrastructuur en Waterstaat",
    "JENV": "Ministerie van Justitie en Veiligheid",
    "KGG": "Ministerie van Klimaat en Groene Groei",
    "LNV": "Ministerie van Landbouw, Natuur en Voedselkwaliteit",
    "OCW": "Ministerie van Onderwijs, Cultuur en Wetenschap",
    "SZW": "Ministerie van Sociale Zaken en Werkgelegenheid",
    "VWS": "Ministerie van Volksgezondheid, Welzijn en Sport",
    "VRO": "Ministerie van Volkshuisvesting en Ruimtelijke Ordening",
}

_ORG = re.compile(
    r"^[\s*#]*((?:Ministerie van|Gemeente|Provincie|Waterschap|Hoogheemraadschap|Raad voor|"
    r"Rijksdienst voor|Inspectie|Autoriteit|College voor|College van|Staatstoezicht op|"
    r"Rijkswaterstaat|Belastingdienst|Politie|Kadaster|Nationale Politie|Tweede Kamer|"
    r"Eerste Kamer|Gezondheidsraad|Raad van State|Kiesraad|Onderwijsraad|Adviesraad|"
    r"Dienst Justitiële Inrichtingen|Centraal Bureau|RIVM|UWV|DUO|Rekenkamer|Algemene Rekenkamer|"
    r"(?:De )?Nationale ombudsman|Auditdienst Rijk|Omgevingsdienst|Veiligheidsregio|GGD|CAK|SVB|"
    r"CBR|Dienst \w+|Commissie bezwaarschriften|(?:De )?(?:Nationale |Kinder)?[Oo]mbudsman|"
    r"Ombudsman \w+)\b[^\n]{0,90})",
)
_UNIT = re.compile(
    r"^[\s*#]*((?:Directie|Directoraat-[Gg]eneraal|Directoraat [Gg]eneraal|Bestuursondersteuning|"
    r"Afdeling|Bureau|Dienst|Cluster|Programmadirectie|Team|Sector|Hoofddirectie)\b[^\n]{0,80})",
)
_DEN_HAAG = re.compile(
    r"^\s*(?:Den Haag|'s-Gravenhage|Utrecht|Amsterdam|Rotterdam|[A-Z][a-z]+(?:[- ][A-Z][a-z]+)?),\s*"
    r"(?:(?:maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag)\s+)?(\d.{6,25})$",
    re.MULTILINE,
)
_DATE_TEXT = r"(\d{1,2}\s+\w+\.?\s+\d{4}|\d{1,2}-\d{1,2}-\d{4})"
# A press release's dateline: "Arnhem, 3 juli 2024 - De provincie ..." at the start of a line.
_DATELINE = re.compile(
    r"^[A-Z][a-z]+(?:[- ][A-Z][a-z]+)?,\s*" + _DATE_TEXT + r"\s+[-–—]\s+\S", re.MULTILINE
)
_WEEKDAY = r"(?:(?:maan|dins|woens|donder|vrij|zater|zon)dag\s+)?"
_SIGNED = re.compile(
    r"\b(?i:ondertekend|getekend|vastgesteld|overeengekomen)(?: te [A-Z][\w' -]{1,40}?,?)?\s+(?:op\s+)?"
    + _DATE_TEXT
)
# "Vastgesteld door Gedeputeerde Staten op 28 maart 2024": the approval date of a plan/report.
# "Aldus vastgesteld in de vergadering van 16 januari 2024" (regulations, council decisions).
_ADOPTED = re.compile(r"\b(?i:vastgesteld)\b[^\n.]{0,60}?\b(?:op|van)\s+" + _WEEKDAY + _DATE_TEXT)
# "Besluit van de minister van X van 12 mei 2022, nr. WJZ/22123456, houdende ..." (Staatscourant)
_BESLUIT_VAN = re.compile(
    r"^\s*Besluit van .{3,160}?\bvan (?P<date>\d{1,2} \w+ \d{4})(?:,\s*nr\.\s*(?P<nr>[\w/.-]+))?",
    re.MULTILINE,
)
# "Nr. 2023/12, Den Haag, 10 juli 2023": the seat and date anywhere on a line.
_PLACE_DATE = re.compile(
    r"\b(?:Den Haag|'s-Gravenhage|Utrecht|Amsterdam|Rotterdam)\s*,\s*(?:op\s+)?"
    + _WEEKDAY
    + _DATE_TEXT
)
# "Ingediend via MijnGroningen op 8-8-2023": the date a form was submitted.
_SUBMITTED = re.compile(r"\b(?i:ingediend|verstuurd)\b[^\n]{0,40}?\bop\s+" + _WEEKDAY + _DATE_TEXT)
_NOT_DOC_DATE = re.compile(
    r"geboren|geboorte|overle(?:den|d)\b|overlijden|vervaldatum|ingangsdatum|einddatum|geldig|t/m|tot en met|tot\b",
    re.IGNORECASE,
)
# "Besluitenlijst van de ministerraad d.d. 14 april 2023"
_DD = re.compile(r"\bd\.d\.\s*" + _WEEKDAY + _DATE_TEXT)
# "gehouden op dinsdag 14 mei 2019", "op donderdag 5 december 2024 om 19.30 uur": a meeting date.
_MEETING_ON = re.compile(
    r"\b(?:gehouden\s+)?op\s+" + _WEEKDAY + _DATE_TEXT + r"(?:\s+(?:om|van|in)\b|[,.]|\s*$)",
    re.MULTILINE,
)
_DATE_LINE_START = re.compile(
    r"(?:(?:maan|dins|woens|donder|vrij|zater|zon)dag\b|\d{1,2}[ -](?:\w+|\d{1,2})[ -]\d{4})",
    re.IGNORECASE,
)
_NEXT_MEETING = re.compile(r"\bvolgende\b[^\n.]{0,30}$", re.IGNORECASE)
_KAMERSTUK = re.compile(r"\b(\d{2}\s?\d{3}(?:-[A-Z]{1,3})?)\s*,?\s+nr\.\s*(\d+)\b")
_AANHANGSEL = re.compile(
    r"Aanhangsel (?:van de )?Handelingen(?: II| I)?,?\s+(?:vergaderjaar\s+)?(\d{4}\s*[–/-]\s*\d{2,4}),?\s+(?:nr\.|n"
    r"ummer)\s*(\d+)"
)
_TK_ZAAK = re.compile(r"\b(20\d\dZ\d{5})\b")
_ZAAK_PATTERN = re.compile(r"\b(Z[-/]?\d{4}[-/]\d{3,})\b")
_PUB_FLAG = re.compile(
    r"bedoeld om openbaar gemaakt te worden\??\s*[:\-]?\s*(?:\*\*)?\s*(Ja|Nee)\b", re.IGNORECASE
)
_DEADLINE = re.compile(
    r"(?:\bdeadline|\buiterlijk|\breactie (?:gewenst|graag) (?:voor|vóór|op)|\bgraag (?:voor|vóór)|"
    r"\btermijn (?:verloopt|eindigt) op)\s*:?\s*((?:\w+dag\s+)?\d[^\n]{4,25})",
    re.IGNORECASE,
)
_KV_TITLE = re.compile(
    r"(Vragen van (?:het lid|de leden) .+?)(?:\s*\((?:ingezonden|ontvangen)\b|\.\s*$|\n\s*\n)",
    re.DOTALL,
)
_KV_DATE = re.compile(r"\((ontvangen|ingezonden) (\d{1,2} \w+ \d{4})\)")
_SALUTATION = re.compile(r"(?:Hoog)?[Gg]eachte\b|Beste\b|Hallo\b|Hoi\b|L\.S\.")
_ADDRESS_TO = re.compile(
    r"^\s*((?:Aan de|Aan het|De [Vv]oorzitter|De heer|Mevrouw|Mw\.|Dhr\.|Het college|De directie|"
    r"T\.a\.v\.)[^\n]{2,100})$",
    re.MULTILINE,
)
_TYPE_WORD = re.compile(
    r"^(?:nota|notitie|memo|verslag|notulen|agenda|besluitenlijst|ter \w+|kamerbrief|besluit|"
    r"beschikking|presentatie|concept|advies|rapport|onderzoeksrapport|eindrapport|"
    r"adviesrapport|evaluatierapport|rapportage|dia 1|slide 1|gespreksverslag|telefoonnotitie|"
    r"gespreksnotitie|telefoonverslag|persbericht|nieuwsbericht)\.?$",
    re.IGNORECASE,
)
# PDF title properties that name the tool or the file, not the document.
_JUNK_TITLE = re.compile(
    r"Microsoft (?:Word|PowerPoint|Excel)|\.(?:docx?|pptx?|xlsx?|pdf|odt|rtf)\b|^untitled|^naamloos|"
    r"^document\d*$|^sjabloon|^template",
    re.IGNORECASE,
)
# A title line that names its genre ("Auditrapport informatiebeveiliging 2023", "Verslag van de
# hoorzitting", "Mandaatbesluit ..."): preferred over a letterhead line above it.
_GENRE_TITLE = re.compile(
    r"^[A-Z]?\w*(?:[Rr]apport(?:age)?|[Vv]erslag|[Nn]otulen|[Jj]aarplan|[Ww]erkplan|[Ee]valuatie|"
    r"[Mm]onitor|[Bb]esluit|[Bb]esluitenlijst|[Cc]onvenant|[Oo]vereenkomst|[Vv]erordening|"
    r"[Bb]eleidsregels?|AANSLAG|[Aa]anslag|Beslissing (?:over|op|inzake) uw|[Vv]ergunning|"
    r"[Oo]ntheffing)\b(?! van (?:de |het )?(?:gemeente|provincie|ministerie)\b| van bevindingen)"
)
# Lines of an address block: "Mevrouw F. Yilmaz", "Tarweweg 20", "6534 AM Nijmegen", "Postbus 5".
_ADDRESS_LINE = re.compile(
    r"^(?:(?:De heer|Mevrouw|Mevr\.|Mw\.|Dhr\.|De familie|T\.a\.v\.|t\.a\.v\.)\s|Postbus \d|"
    r"\d{4} ?[A-Z]{2}\b|[A-Z][\w'-]+ (?!(?:19|20)\d\d\b)\d{1,4}[a-zA-Z]?(?:-\d+)?$)"
)
_PAGE_NUM = re.compile(r"^(?:pagina\s+)?\d+(?:\s*(?:van|/)\s*\d+)?$", re.IGNORECASE)


@dataclass(slots=True)
class Meta:
    date: _dt.date | None = None
    date_source: str | None = None
    title: str | None = None
    kenmerk: str | None = None
    zaaknummer: str | None = None
    sender: str | None = None
    addressees: list[str] = field(default_factory=list)
    cc: list[str] = field(default_factory=list)
    organisation: str | None = None
    unit: str | None = None
    references: list[dict[str, str]] = field(default_factory=list)
    deadline: _dt.date | None = None
    attachments: list[str] = field(default_factory=list)
    publication_flag: bool | None = None


# "Mulder, Lotte", "van Dijk, Eva", "Jansen, Ruud A." : one person written surname first.
_LAST_FIRST = re.compile(r"(?:[a-z]+ )*[A-Z][a-zà-ÿ'-]+, [A-Z][a-zà-ÿ'-]+(?: [A-Z]\.)*")


def _people(value: Any, header: bool = False) -> list[str]:
    """A list of names/addresses from a header value (list or "a; b" / "a, b" string).

    ``header``: an Aan/Cc line, where Outlook writes "Achternaam, Voornaam" for one person.
    """
    if value is None:
        return []
    if isinstance(value, (list, tuple)):
        return [clean_inline(str(v)) for v in value if str(v).strip()]
    text = clean_inline(str(value))
    if not text:
        return []
    parts = text.split(";") if ";" in text else _split_commas(text)
    parts = [p.strip() for p in parts if p.strip()]
    if header and ";" not in text and len(parts) == 2 and _LAST_FIRST.fullmatch(text):
        return [text]
    return parts


def _split_commas(text: str) -> list[str]:
    """Split on commas outside parentheses ("X (BPZ, verslag), Y" is two people)."""
    out: list[str] = []
    cur: list[str] = []
    depth = 0
    for ch in text:
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth = max(0, depth - 1)
        if ch == "," and depth == 0:
            out.append("".join(cur))
            cur = []
        else:
            cur.append(ch)
    out.append("".join(cur))
    # "Jansen, Piet <p.jansen@x.nl>": a comma inside one name, not between two.
    if len(out) == 2 and "@" in text and text.count("@") == 1:
        return [text]
    return out


def _join_org(lines: list[Line], i: int, first_text: str) -> str:
    """A letterhead name broken over lines ("Ministerie van Volksgezondheid,\\nWelzijn en Sport")."""
    text = first_text.strip()
    if i + 1 < len(lines):
        nxt = lines[i + 1].clean
        if nxt and (
            text.endswith((",", " en", " van", " voor"))
            or nxt[:1].islower()
            or nxt.startswith("en ")
        ):
            text = f"{text} {nxt}"
    return clean_inline(text)


def _organisation(doc: Document, lines: list[Line], head_lines: int) -> str | None:
    for i, line in enumerate(lines[:head_lines]):
        m = _ORG.match(line.clean)
        if m:
            return _join_org(lines, i, m.group(1))
    sender = str(doc.fields.get("from") or "")
    m = re.search(r"@min(\w+)\.nl", sender + " " + doc.text[:3000])
    if m and m.group(1).upper() in MINISTRIES:
        return MINISTRIES[m.group(1).upper()]
    return None


def _unit(lines: list[Line], head_lines: int) -> str | None:
    for i, line in enumerate(lines[:head_lines]):
        m = _UNIT.match(line.clean)
        if m and len(line.clean) < 90:
            return _join_org(lines, i, m.group(1))
    return None


def _document_date(
    doc: Document, fields: dict[str, list[Field]], text: str, doc_type: str
) -> tuple[_dt.date | None, str | None]:
    is_kv = doc_type == "kamervragen"
    value = coerce_date(doc.fields.get("date"))
    if value and doc.kind == "email":
        return value, "e-mailkop"
    for key, source in (
        ("verzonden", "Verzonden"),
        ("datum", "Datum"),
        ("vergaderdatum", "Vergaderdatum"),
        ("ontvangen", "Ontvangen op"),
    ):
        for f in fields.get(key, ()):
            d = parse_date(f.value[:60])
            if d:
                return d, source
    chat_date = chat_first_date(text)
    if chat_date:
        return chat_date, "eerste bericht van de chat"
    if is_kv:
        found = {kind: d for kind, d in _KV_DATE.findall(text[:4000])}
        for kind in ("ontvangen", "ingezonden"):
            if kind in found and parse_date(found[kind]):
                return parse_date(found[kind]), f"({kind} ...)"
    if doc_type in ("verslag", "agenda", "besluitenlijst", "presentatie"):
        # The title block names the meeting's date ("Verslag Bestuursraad 14 november 2022",
        # a date line under the title); an "op <datum>" further down may be the next meeting.
        title_lines = [ln for ln in text[:600].split("\n") if ln.strip()][:3]
        for ln in title_lines:
            d = parse_date(ln)
            if d:
                return d, "datum in de titel"
        for meeting in _MEETING_ON.finditer(text[:1200]):
            if _NEXT_MEETING.search(text, max(0, meeting.start() - 40), meeting.start()):
                continue  # "Het volgende overleg is op 9 april 2024"
            if parse_date(meeting.group(1)):
                return parse_date(meeting.group(1)), "vergaderdatum in de kop"
    m = _BESLUIT_VAN.search(text[:600])
    if m and parse_date(m.group("date")):
        return parse_date(m.group("date")), "datum in de besluittitel"
    m = _PLACE_DATE.search(text[:3000])
    if m and parse_date(m.group(1)):
        return parse_date(m.group(1)), "plaats en datum"
    m = _DD.search(text[:600])
    if m and parse_date(m.group(1)):
        return parse_date(m.group(1)), "d.d. in de titel"
    m = _ADOPTED.search(text[:3000])
    if m and parse_date(m.group(1)):
        return parse_date(m.group(1)), "datum van vaststelling"
    m = _SIGNED.search(text[-4000:])
    if m:
        d = parse_date(m.group(1))
        if d:
            return d, "datum van ondertekening"
    m = _DEN_HAAG.search(text[:6000])
    if m:
        d = parse_date(m.group(1))
        if d:
            return d, "plaats en datum"
    m = _DATELINE.search(text[:1500])
    if m and parse_date(m.group(1)):
        return parse_date(m.group(1)), "plaats en datum (persbericht)"
    m = _SUBMITTED.search(text[:400])
    if m and parse_date(m.group(1)):
        return parse_date(m.group(1)), "datum van indiening"
    if value:
        return value, "documenteigenschappen"
    # A date standing alone on a line near the top (cover pages, letter date lines).
    top = text[:1500]
    for hit in find_dates(top):
        line_start = max(top.rfind("\n", 0, hit.start), top.rfind("\f", 0, hit.start)) + 1
        line = re.split(r"[\n\f]", top[line_start:], maxsplit=1)[0]
        rest = line.replace(top[hit.start : hit.end], "").strip(" \t*,.:")
        # "Geboortedatum: 16/07/1959" is a field about someone, not the document's date.
        if (
            len(rest) <= 20
            and len(line.strip()) <= 45
            and ":" not in rest
            and not _NOT_DOC_DATE.search(rest)
        ):
            return hit.date, "losse datumregel bovenaan"
    return None, None


def _title(
    doc: Document, fields: dict[str, list[Field]], lines: list[Line], text: str, is_kv: bool
) -> str | None:
    subject = doc.fields.get("subject")
    if subject and doc.kind == "email":
        return clean_inline(str(subject)) or None
    f = first(fields, "betreft")
    if f:
        return clean_inline(f.value)
    if is_kv:
        m = _KV_TITLE.search(text[:4000])
        if m:
            return clean_inline(m.group(1))
    # A title line that names its genre, above the salutation ("Evaluatie van de Regeling …"
    # above "Eindrapport"; "Auditrapport …" under a letterhead).
    covered = [(lines[f.line].start, f.end) for fs in fields.values() for f in fs]
    for i, line in enumerate(lines[:20]):
        c = line.clean
        if _SALUTATION.match(c):
            break
        if (
            10 <= len(c) <= 200
            and _GENRE_TITLE.match(c)
            and not _TYPE_WORD.match(c)
            and not _is_fieldish(c)
            and not c.endswith((".", ",", ";", "?"))
            and not any(a <= line.start <= b for a, b in covered)
        ):
            return _with_continuation(lines, i)
    # The line after a type word ("nota", "verslag") is the title.
    for i, line in enumerate(lines[:60]):
        if _TYPE_WORD.match(line.clean):
            for nxt in lines[i + 1 : i + 5]:
                if nxt.blank or _TYPE_WORD.match(nxt.clean):
                    continue
                if not _is_fieldish(nxt.clean) and not nxt.clean.endswith("."):
                    return _with_continuation(lines, lines.index(nxt))
                break
    for line in lines[:80]:
        if line.raw.lstrip().startswith("# ") and not _TYPE_WORD.match(line.clean):
            return clean_inline(line.clean)
    meta_title = str(doc.fields.get("title") or doc.fields.get("pdf_title") or "").strip()
    if len(meta_title) > 3 and not _JUNK_TITLE.search(meta_title):
        return clean_inline(meta_title)
    repeated = _running_title(text)
    if repeated:
        return repeated
    # Lines that are the value of a header field (a contact block, an address) are no title.
    covered = [(lines[f.line].start, f.end) for fs in fields.values() for f in fs]
    for i, line in enumerate(lines[:40]):
        c = line.clean
        if _SALUTATION.match(c):
            break  # a title comes before "Geachte ...", never after
        if (
            any(a <= line.start <= b for a, b in covered)
            or "@" in c
            or _KNOWN_HEADING.match(c)
            or c.endswith((".", ",", ";", "?"))  # a sentence, not a title
        ):
            continue
        if (
            8 <= len(c) <= 200
            and c[:1].isupper()
            and not _is_fieldish(c)
            and not _ORG.match(c)
            and not _UNIT.match(c)  # "Team Inkomen" under the letterhead is no title
            and not _ADDRESS_LINE.match(c)  # nor the addressee block
        ):
            if len(c) > 90 and i + 1 < len(lines) and not lines[i + 1].blank:
                continue  # a long line wrapped into the next: a paragraph of prose, no title
            return _with_continuation(lines, i)
    return None


def _with_continuation(lines: list[Line], i: int) -> str:
    """A title line plus the lines that continue it (starting lower-case, no blank between)."""
    parts = [lines[i].clean]
    for nxt in lines[i + 1 : i + 4]:
        if nxt.blank or not nxt.clean[:1].islower():
            break
        if _DATE_LINE_START.match(nxt.clean):
            break  # "woensdag 15 mei 2024, 14.00 uur": the meeting's date line, not the title
        parts.append(nxt.clean)
    return clean_inline("\n".join(parts))


def _is_fieldish(text: str) -> bool:
    from wooflow.understand.lines import _label_match  # local: avoid widening lines' API

    line = Line(0, len(text), text, text)
    if _label_match(line) is not None or _PAGE_NUM.match(text):
        return True
    hits = find_dates(text)
    # A date line ("7 februari 2024", "Den Haag, 7 februari 2024"), not a title with a date in it.
    return bool(hits) and len(text) - (hits[0].end - hits[0].start) <= 12


def _running_title(text: str) -> str | None:
    """A line repeated at the top of most pages (a report's running header) that is no org."""
    pages = text.split("\f")
    if len(pages) < 4:
        return None
    counts: dict[str, int] = {}
    for page in pages[1:40]:
        seen = set()
        for raw in page.split("\n")[:8]:
            c = raw.strip()
            if 8 <= len(c) <= 150 and not c[:1].isdigit() and c not in seen:
                seen.add(c)
                counts[c] = counts.get(c, 0) + 1
    n = min(len(pages) - 1, 39)
    for c, k in sorted(counts.items(), key=lambda kv: -kv[1]):
        if k >= max(3, n // 2) and not _ORG.match(c) and not _is_fieldish(c):
            return clean_inline(c)
    return None


def _references(fields: dict[str, list[Field]], text: str) -> list[dict[str, str]]:
    refs: list[dict[str, str]] = []
    seen: set[tuple[str, str]] = set()

    def add(kind: str, value: str) -> None:
        if value and (kind, value) not in seen:
            seen.add((kind, value))
            refs.append({"kind": kind, "value": value})

    for f in fields.get("uw_kenmerk", ()):
        add("uw_kenmerk", clean_inline(f.value))
    body = text[:60_000]
    for m in _KAMERSTUK.finditer(body):
        dossier = re.sub(r"(\d{2})\s?(\d{3})", r"\1 \2", m.group(1))
        add("kamerstuk", f"{dossier} nr. {m.group(2)}")
    for m in _AANHANGSEL.finditer(body):
        year = re.sub(r"\s*[–/-]\s*", "-", m.group(1))
        add("aanhangsel", f"Aanhangsel Handelingen {year} nr. {m.group(2)}")
    for m in _TK_ZAAK.finditer(body[:6000]):
        add("kamervraag", m.group(1))
    return refs


def _attachments(fields: dict[str, list[Field]], text: str) -> list[str]:
    out: list[str] = []
    for f in fields.get("bijlagen", ()):
        for item in f.items:
            item = re.sub(r"^\s*(?:\d+[.)]|[-•])\s*", "", item).strip()
            if item and not re.fullmatch(r"\d+|-|geen|n\.?v\.?t\.?", item, re.IGNORECASE):
                out.append(clean_inline(item))
        if f.items:
            break
    for m in re.finditer(
        r"^\s*Bijlage\s+(\d+|[IVX]+)\s*[:.–-]\s*(\S[^\n]{2,120})$", text[:60_000], re.MULTILINE
    ):
        item = clean_inline(m.group(2))
        if item not in out:
            out.append(item)
    return out


def extract_meta(
    doc: Document, fields: dict[str, list[Field]], lines: list[Line], doc_type: str
) -> Meta:
    """All metadata for one document; ``doc_type`` steers genre-specific rules."""
    text = doc.text
    is_kv = doc_type == "kamervragen"
    meta = Meta()
    meta.date, meta.date_source = _document_date(doc, fields, text, doc_type)
    meta.title = _title(doc, fields, lines, text, is_kv)
    f = next((f for f in fields.get("kenmerk", ()) if re.search(r"\d", f.value)), None)
    if f:  # a reference has a digit: "Nr.<TAB>Actie<TAB>Wie" is a table header
        # "2023/12, Den Haag, 10 juli 2023": the reference ends at the first ", " or double space.
        meta.kenmerk = re.split(r"\s{2,}|,\s", clean_inline(f.value))[0] or None
    elif m := _BESLUIT_VAN.search(text[:600]):
        meta.kenmerk = m.group("nr")
    f = next((f for f in fields.get("zaaknummer", ()) if re.search(r"\d", f.value)), None)
    if f:
        meta.zaaknummer = clean_inline(f.value)
    else:
        m = _ZAAK_PATTERN.search(text[:6000]) or (_TK_ZAAK.search(text[:6000]) if is_kv else None)
        meta.zaaknummer = m.group(1) if m and m.group(1) != meta.kenmerk else None
        if m and len(set(_ZAAK_PATTERN.findall(text[:6000]))) > 1:
            meta.zaaknummer = None  # a list of cases (an export, an inventory), not this one's
    meta.sender = find_sender(doc, fields, text, is_kv)
    if doc.kind == "email" and doc.fields.get("to"):
        meta.addressees = _people(doc.fields.get("to"))
    else:
        f = first(fields, "aan")
        if f:
            meta.addressees = _people(" ".join(f.items), header=True)
        else:
            m = _ADDRESS_TO.search(text[:2500])
            if m:
                meta.addressees = [clean_inline(re.sub(r"^Aan (?=de |het )", "", m.group(1)))]
    if doc.kind == "email" and doc.fields.get("cc"):
        meta.cc = _people(doc.fields.get("cc"))
    else:
        f = first(fields, "cc")
        meta.cc = _people(" ".join(f.items), header=True) if f else []
    head_lines = 60
    meta.organisation = _organisation(doc, lines, head_lines)
    if meta.organisation is None:
        for who in meta.addressees + [meta.sender or ""]:
            m = re.fullmatch(r"(?:M|SG|DG)?([A-Z][A-Za-z]{1,4})", who.strip())
            if m and m.group(1).upper() in MINISTRIES:
                meta.organisation = MINISTRIES[m.group(1).upper()]
                break
    meta.unit = _unit(lines, head_lines)
    meta.references = _references(fields, text)
    f = first(fields, "deadline")
    meta.deadline = parse_date(f.value) if f else None
    if meta.deadline is None:
        m = _DEADLINE.search(text[:6000])
        meta.deadline = parse_date(m.group(1)) if m else None
    listed = doc.fields.get("attachments") if doc.kind == "email" else None
    if isinstance(listed, (list, tuple)) and listed:
        meta.attachments = [str(a) for a in listed]  # the reader knows them for certain
    else:
        meta.attachments = _attachments(fields, text)
    m = _PUB_FLAG.search(text[:60_000])
    meta.publication_flag = None if m is None else m.group(1).lower() == "ja"
    return meta
