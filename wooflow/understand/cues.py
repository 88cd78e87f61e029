"""The cue table of the type classifier: which evidence points to which document type.

Every type has a list of cues (a regular expression in a zone of the document, or a fact the
reader knows such as ``kind == "email"``, or a structural test from ``layout.py``), each with a
weight. Kept apart from the scoring in ``classify.py`` so the table can be read (and audited,
see evaluation/understand/cue_audit.py) on its own. Documented in docs/UNDERSTANDING.md.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from wooflow.model import Document
from wooflow.understand.layout import (
    agenda_list,
    chat_export,
    form_layout,
    personal_decision,
    slide_layout,
)

TYPES = (
    "nota", "kamerbrief", "kamervragen", "verslag", "agenda", "besluitenlijst", "email",
    "besluit", "beschikking", "advies", "rapport", "jaarplan", "jaarverslag", "convenant",
    "brief", "presentatie", "other",
)  # fmt: skip

HEAD_CHARS = 2500  # the letterhead, title block and header fields
BODY_CHARS = 30_000  # body cues look at the first 30k characters ...
TAIL_CHARS = 8_000  # ... and the last 8k (closings, signatures, bezwaarclausule)
TITLE_LINES = 3  # the "title" zone: the first non-blank lines (the document's own name)
MIN_SCORE = 4.5  # below this no type is believed: "other" (one lone cue is not enough)

_M = re.MULTILINE
_I = re.IGNORECASE


@dataclass(frozen=True, slots=True)
class Cue:
    """One piece of evidence for a type."""

    type: str
    weight: float
    label: str  # Dutch, shown as evidence
    pattern: re.Pattern[str] | None = None
    zone: str = "head"  # title | head | body
    min_count: int = 1
    test: Callable[[Document, str], bool] | None = None


def _line(words: str) -> re.Pattern[str]:
    """A line that is only this word/phrase (markdown/bold allowed)."""
    return re.compile(rf"^[\s#*>_]*(?:{words})[\s*_:.]*$", _M | _I)


def _rx(pattern: str, flags: int = _M | _I) -> re.Pattern[str]:
    return re.compile(pattern, flags)


def _short_pages(doc: Document, text: str) -> bool:
    """Slides: several pages with little text on each."""
    pages = text.split("\f")
    return len(pages) >= 3 and len(text) / len(pages) < 450


def _many_pages(doc: Document, text: str) -> bool:
    return text.count("\f") >= 9


def title_zone(text: str) -> str:
    lines = [line for line in text[:HEAD_CHARS].splitlines() if line.strip()]
    return "\n".join(lines[:TITLE_LINES])


_MONTHS = "januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december"


_EMAIL_HEADERS = _rx(
    r"\A(?:\s*\n)*(?:[^\n]*\n){0,3}?\s*(?:Van|From)\s*:.*\n(?:.*\n){0,3}?\s*(?:Verzonden|Sent|Date)\s*:"
)
# Outlook-style headers in any order ("Aan:" before "Van:", no "Verzonden:"): three of them in
# the first lines, one being "Onderwerp/Subject", is a mail header block, not a memo.
_MAIL_FIELDS_ANY_ORDER = _rx(
    r"\A(?:[^\n]*\n){0,4}?(?:\s*(?:Van|From|Aan|To|CC|Cc|Onderwerp|Subject|Verzonden|Sent)\s*:.*\n"
    r"(?:[^\n:]*\n){0,3}?){3}"
)
# Outlook address lists: "Jansen, P. (Pieter)" or "Jansen, Pieter <p.jansen@x.nl>" separated by ";".
_OUTLOOK_LIST = _rx(r"^\s*(?:Aan|To|CC|Cc|Van|From)\s*:[^\n]*[A-Z][\w'-]+, [A-Z][\w.]*[^\n;]*;")
# "Van: ... Datum:" is also how memos and notas start: weaker evidence of an e-mail.
_MEMO_OR_MAIL_HEADERS = _rx(
    r"\A(?:\s*\n)*(?:[^\n]*\n){0,3}?\s*(?:Van|From)\s*:.*\n(?:.*\n){0,3}?\s*Datum\s*:"
)

CUES: tuple[Cue, ...] = (
    # e-mail
    Cue("email", 10, "gelezen als e-mailbericht", test=lambda d, t: d.kind == "email"),
    Cue("email", 7, "e-mailkop (Van:/Verzonden:) bovenaan", _EMAIL_HEADERS),
    Cue("email", 4, "kop 'Van:'/'Datum:' bovenaan (e-mail of memo)", _MEMO_OR_MAIL_HEADERS),
    Cue(
        "email",
        3,
        "kopvelden Van/Aan/Onderwerp/CC in willekeurige volgorde",
        _MAIL_FIELDS_ANY_ORDER,
    ),
    Cue("email", 2, "Outlook-adreslijst ('Achternaam, V. (Voornaam);')", _OUTLOOK_LIST),
    Cue(
        "email",
        3,
        "geciteerd bericht ('Op … schreef …:', 'Oorspronkelijk bericht')",
        _rx(
            r"^[> \t]*(?:Op .{5,80} schreef .{1,80}:|On .{5,80} wrote:|"
            r"-{2,}\s*(?:Oorspronkelijk bericht|Original Message|Doorgestuurd bericht)\s*-{2,})\s*$"
        ),
        "body",
    ),
    Cue("email", 1, "regel 'Onderwerp:' of 'Subject:'", _rx(r"^\s*(?:Onderwerp|Subject)\s*:")),
    Cue("email", 1, "e-mailadres in de kop", _rx(r"[\w.-]+ ?@[\w-]+\.(?:nl|com|eu|org)\b")),
    # nota
    Cue(
        "nota",
        7,
        "regel 'nota' of 'notitie' bovenaan",
        _line(
            r"(?:ambtelijke )?(?:(?:beslis|informatie|advies|besluit|instemmings|ondertekenings|"
            r"achtergrond|spreek)?nota|notitie|memo)(?: [^\n.:;]{1,80})?"
        ),
    ),
    Cue(
        "nota",
        7,
        "titel 'Collegevoorstel/Collegeadvies/Adviesnota'",
        _rx(r"^[\s#*]*(?:Collegevoorstel|Collegeadvies|B&W-advies|B&W-voorstel|Adviesnota)\b"),
        "title",
    ),
    Cue(
        "nota",
        3,
        "koppen 'Beslispunten/Argumenten/Kanttekeningen/Portefeuillehouder'",
        _rx(r"^[\s#*]*(?:Beslispunten|Argumenten|Kanttekeningen|Portefeuillehouder)\b"),
        "body",
        2,
    ),
    Cue("nota", 4, "kop 'Geadviseerd besluit'", _rx(r"^[\s#*]*Geadviseerd besluit"), "body"),
    Cue(
        "nota",
        3,
        "'ter ondertekening/besluitvorming/informatie'",
        _line(
            r"ter (?:ondertekening|besluitvorming|informatie|advisering|beslissing|kennisname|accordering)"
        ),
    ),
    Cue(
        "nota",
        3,
        "openbaarmakingsvraag van een nota",
        _rx(r"bedoeld om openbaar gemaakt te worden"),
        "body",
    ),
    Cue(
        "nota",
        2,
        "kop 'Informatie die niet openbaar gemaakt kan worden'",
        _rx(r"^[\s#*]*Informatie die niet openbaar"),
        "body",
    ),
    Cue("nota", 1.5, "kop 'Kernpunten'", _rx(r"^[\s#*]*Kernpunten\b"), "body"),
    Cue("nota", 1, "kop 'Aanleiding'", _rx(r"^[\s#*]*(?:\d{1,2}\.?\s+)?Aanleiding[\s*]*$"), "body"),
    Cue(
        "nota",
        1,
        "'Aan:' een bewindspersoon (M../SG/DG)",
        _rx(r"^\s*Aan\s*:?\s*(?:de )?(?:M[A-Z]{2,6}|SG|pSG|DG\w*|minister|staatssecretaris)\b"),
    ),
    # kamerbrief
    Cue(
        "kamerbrief",
        6,
        "geadresseerd aan de Voorzitter van de Kamer",
        _rx(r"Voorzitter van de (?:Tweede|Eerste) Kamer"),
    ),
    Cue("kamerbrief", 3, "woord 'Kamerbrief' bovenaan", _rx(r"\bKamerbrief\b")),
    Cue(
        "kamerbrief",
        4,
        "adresblok 'Tweede/Eerste Kamer der Staten-Generaal'",
        _rx(
            r"^[\s*]*(?:Aan de |De )?(?:Voorzitter van de )?(?:Tweede|Eerste) Kamer der Staten-Generaal"
        ),
    ),
    Cue("kamerbrief", 2, "'uw Kamer' in de tekst", _rx(r"\buw Kamer\b"), "body"),
    Cue("kamerbrief", 2, "postadres Tweede Kamer", _rx(r"Postbus 20018")),
    Cue("kamerbrief", 2, "aanhef 'Geachte voorzitter'", _rx(r"^\s*Geachte [Vv]oorzitter\b"), "body"),
    Cue(
        "kamerbrief",
        1.5,
        "'vaste commissie voor …' / Kamercommissie",
        _rx(r"\bvaste (?:Kamer)?commissie voor\b|\bKamercommissie\b"),
        "body",
    ),
    Cue(
        "kamerbrief",
        1.5,
        "'Hierbij informeer/stuur ik u'",
        _rx(r"\bHierbij (?:informeer|stuur|zend|bied|ontvangt)|\binformeer ik u(?:w Kamer)?\b"),
        "body",
    ),
    # kamervragen
    Cue(
        "kamervragen",
        5,
        "'Vragen van het lid/de leden'",
        _rx(r"\bVragen van (?:het lid|de leden)\b"),
    ),
    Cue(
        "kamervragen",
        4,
        "'Aanhangsel (van de) Handelingen'",
        _rx(r"\bAanhangsel (?:van de )?Handelingen\b"),
        "body",
    ),
    Cue("kamervragen", 3, "regels 'Vraag n'", _rx(r"^\s*(?:\*\*)?Vraag\s+\d+"), "body", 2),
    Cue(
        "kamervragen",
        3,
        "regels 'Antwoord n'",
        _rx(r"^\s*(?:\*\*)?Antwoord\s+(?:op vraag\s+)?\d+"),
        "body",
        2,
    ),
    Cue(
        "kamervragen", 2, "'(ingezonden/ontvangen <datum>)'", _rx(r"\((?:ingezonden|ontvangen) \d")
    ),
    Cue("kamervragen", 1.5, "Kamervraagnummer (2024Z01234)", _rx(r"\b20\d\dZ\d{5}\b")),
    # verslag
    Cue(
        "verslag",
        5,
        "regel 'verslag' of 'notulen' bovenaan",
        _line(r"(?:concept[- ])?(?:verslag|notulen|actiepuntenlijst)(?: [^\n.:;]{1,80})?"),
    ),
    Cue(
        "verslag",
        3,
        "veld 'Aanwezig'/'Deelnemers'",
        _rx(r"^[\s*]*(?:Aanwezig(?:en)?|Deelnemers|Deelnemend)\b\s*[:\t]?"),
    ),
    Cue(
        "verslag",
        4,
        "titel 'Terugkoppeling/Samenvatting/Kort verslag' van een overleg",
        _rx(
            r"^[\s#*]*(?:Terugkoppeling|Samenvatting|Kort verslag|Aantekeningen|Notities|Impressie)"
            r"\b[^\n]{0,40}\b(?:overleg|vergadering|bijeenkomst|bespreking|gesprek|sessie|"
            r"werkbezoek|hoorzitting)"
        ),
        "title",
    ),
    Cue(
        "verslag",
        1.5,
        "regels 'Afgesproken:'/'Afspraak:'",
        _rx(r"^\s*[-•]?\s*(?:Afgesproken|Afspraak|Besproken|Conclusie)\s*:"),
        "body",
        2,
    ),
    Cue(
        "verslag",
        5,
        "kop '... - Verslag' of 'Gespreksverslag'",
        _rx(
            r"^[^\n]{2,80}\s[-–|:]\s*(?:verslag|notulen)\s*$|"
            r"^[\s#*]*(?:Gespreks|Telefoon|Bespreek|Overleg)(?:verslag|notitie)\b"
        ),
    ),
    Cue(
        "verslag", 2, "veld 'Afwezig'", _rx(r"^[\s*]*(?:Afwezig|Afgemeld|Met kennisgeving afwezig)")
    ),
    Cue(
        "verslag",
        1.5,
        "veld 'Vergaderdatum/-plaats'",
        _rx(r"^[\s*]*(?:Vergaderdatum|Vergaderplaats|Datum vergadering)"),
    ),
    Cue("verslag", 1.5, "actiepunten ('actie ...')", _rx(r"\(?\*{0,2}actie[: ]\s*\w+"), "body", 2),
    Cue(
        "verslag",
        2,
        "'Verslag van de vergadering'",
        _rx(
            # not an agenda item "3. Verslag van de vergadering van 20 maart"
            r"^(?![ \t]*\d{1,2}[.)]?[ \t])[^\n]*?\bverslag van (?:de|het) "
            r"(?:vergadering|overleg|bijeenkomst|bespreking|hoorzitting)\b"
        ),
    ),
    Cue(
        "verslag",
        2,
        "vergadering van een bestuur (Gedeputeerde Staten, college, raad, MT)",
        _rx(
            r"\b(?:vergadering|overleg|zitting) van (?:het |de )?(?:Gedeputeerde Staten|"
            r"college(?: van [BG]\w+)?|(?:gemeente|provinciale )?raad|Provinciale Staten|"
            r"dagelijks bestuur|algemeen bestuur|bestuur|directie|MT|managementteam|stuurgroep)\b"
        ),
    ),
    Cue(
        "verslag",
        1.5,
        "veld 'Verslag:'/'Notulist:'",
        _rx(r"^[\s*]*(?:Verslag|Notulist|Notulen|Verslaglegging)\s*:\s*\S"),
    ),
    # agenda
    Cue(
        "agenda", 6, "regel 'Agenda' bovenaan", _line(r"(?:concept[- ])?agenda(?: [^\n.:;]{1,80})?")
    ),
    Cue(
        "agenda",
        5,
        "woord 'agenda' in de titel ('Oproep en agenda', 'Vergaderagenda')",
        _rx(r"^(?![ \t]*\d{1,2}[.)]?[ \t])[^\n]*\b(?:agenda|vergaderagenda|conceptagenda)\b(?!punt)"),
        "title",
    ),
    Cue("agenda", 1, "agendapunt 'Opening'", _rx(r"^\s*(?:\d+\.?\s*)?Opening\b")),
    Cue("agenda", 4, "genummerde agendapunten zonder tekst eronder", test=agenda_list),
    Cue("agenda", 1, "agendapunt 'Sluiting'", _rx(r"^\s*(?:\d+\.?\s*)?Sluiting\b"), "body"),
    Cue("agenda", 1, "agendapunt 'Rondvraag'", _rx(r"^\s*(?:\d+\.?\s*)?Rondvraag\b"), "body"),
    Cue("agenda", 1, "veld 'Genodigden'", _rx(r"^\s*Genodigden\b")),
    # besluitenlijst
    Cue("besluitenlijst", 9, "regel 'Besluitenlijst' bovenaan", _rx(r"^[\s#*]*Besluitenlijst\b")),
    Cue(
        "besluitenlijst",
        7,
        "woord 'besluitenlijst' in de titel ('Openbare besluitenlijst')",
        _rx(r"\w[^\n]{0,40}\bbesluitenlijst\b"),
        "title",
    ),
    Cue(
        "besluitenlijst",
        2,
        "regels 'Besluit:' / 'Besloten'",
        _rx(r"^\s*[-•]?\s*(?:Besluit|Besloten wordt|Besloten)\s*:"),
        "body",
        2,
    ),
    # besluit (incl. Woo-besluit)
    Cue(
        "besluit",
        6,
        "'Besluit op (uw) Woo/Wob-verzoek'",
        _rx(r"\b(?:Besluit|besluit) op (?:uw )?(?:Woo|Wob)[- ]?verzoek|\bWoo-besluit\b"),
    ),
    Cue(
        "besluit",
        4,
        "verzoek onder de Wet open overheid / Wob (Woo-besluit in gewone taal)",
        _rx(
            r"\bverzoek\b[^.]{0,80}\b(?:valt onder|op grond van|in het kader van) (?:de )?"
            r"(?:Wet open overheid|Wet openbaarheid van bestuur|Woo|Wob)\b"
        ),
        "body",
    ),
    Cue("besluit", 3, "kop 'Uw Woo-verzoek'", _rx(r"^[\s#*]*Uw (?:Woo|Wob)-verzoek"), "body"),
    Cue(
        "besluit",
        2,
        "kop 'Verloop van de procedure'",
        _rx(r"^[\s#*]*Verloop van de procedure"),
        "body",
    ),
    Cue(
        "besluit",
        2,
        "bezwaarclausule",
        _rx(
            r"\bbezwaar(?:schrift| maken| indienen)\b|^[\s#*]*Bezwaar(?:clausule|mogelijkheid)?\s*$"
        ),
        "body",
    ),
    Cue("besluit", 1.5, "kop 'Wettelijk kader'", _rx(r"^[\s#*]*Wettelijk kader"), "body"),
    Cue(
        "besluit",
        2,
        "'Ik heb besloten' / 'besluit ik'",
        _rx(r"\b(?:ik|wij) (?:heb|hebben) besloten\b|\bbesluit (?:ik|wij)\b"),
        "body",
    ),
    Cue("besluit", 3, "titel 'Besluit'", _line(r"besluit|besluit van .{3,80}")),
    Cue(
        "besluit",
        4,
        "titel 'Besluit van de minister ... houdende'",
        _rx(r"^[\s#*]*Besluit van (?:de|het) [^\n]{3,200}?(?:houdende|tot)\b"),
    ),
    Cue("besluit", 2, "regel 'Besluit:' na de aanhef", _rx(r"^\s*Besluit(?:en)?\s*:\s*$"), "body"),
    Cue(
        "besluit",
        1.5,
        "inwerkingtreding",
        _rx(r"\b(?:treedt|treden) in werking\b|\bin werking (?:treedt|treden)\b"),
        "body",
    ),
    Cue(
        "besluit",
        3,
        "dictum 'besluit: vast te stellen / te wijzigen'",
        _rx(
            r"\bbesluit(?:en)?\s*:?\s*(?:\n\s*)?(?:[IVX]+\.\s*)?(?:vast te stellen|te wijzigen|"
            r"in te trekken|te bepalen|aan te wijzen)\b"
        ),
        "body",
    ),
    Cue(
        "besluit",
        2,
        "aanhef van een bestuursorgaan ('Het college van ...;')",
        _rx(
            r"^[\s*]*(?:Het college van burgemeester en wethouders|Burgemeester en wethouders|"
            r"(?:De|Het) (?:minister|staatssecretaris|raad|dagelijks bestuur|algemeen bestuur)|"
            r"Gedeputeerde Staten|Provinciale Staten|De burgemeester)\b[^\n]{0,80}[;,][ \t]*\n"
            # followed by the considerations, not by a signature
            r"(?:[ \t]*\n)*[ \t]*(?:gelet op|overwegende|gezien|gehoord|op voordracht|besluit)\b"
        ),
        "body",
    ),
    Cue(
        "besluit",
        2,
        "officiële bekendmaking (Gemeenteblad/Staatscourant/Provinciaal blad)",
        _rx(r"\b(?:GEMEENTEBLAD|STAATSCOURANT|PROVINCIAAL BLAD|WATERSCHAPSBLAD|Gemeenteblad|"
            r"Staatscourant|Provinciaal blad|Waterschapsblad)\b"),
        "title",
    ),
    Cue(
        "besluit",
        4,
        "titel '...besluit' / 'Beleidsregels' / 'Verordening' / 'Regeling'",
        _rx(
            r"^[\s#*]*(?:[A-Z]\w*besluit|Beleidsregels?|(?:[A-Z]\w*)?[Vv]erordening|Regeling|"
            r"Reglement|Aanwijzingsbesluit|Mandaatregeling)\b(?! op (?:uw )?(?:Woo|Wob))"
        ),
        "title",
    ),
    Cue("besluit", 6, "'Beslissing op (uw) bezwaar'", _rx(r"\bBeslissing op (?:uw |het )?bezwaar")),
    Cue("besluit", 1.5, "beroepsclausule", _rx(r"\bberoep (?:instellen|aantekenen)\b"), "body"),
    Cue("besluit", 1, "'Gelet op' aanhef", _rx(r"^\s*Gelet op\b"), "body"),
    # beschikking
    Cue("beschikking", 6, "woord 'Beschikking' bovenaan", _rx(r"\bBeschikking\b")),
    Cue(
        "beschikking",
        3,
        "subsidie/vergunning verleend of vastgesteld",
        _rx(
            r"\b(?:subsidieverlening|subsidievaststelling|verleen ik|ik verleen|verlenen wij|"
            r"wij verlenen|ken ik .{0,40}toe|vergunning verleend|stel ik .{0,40}vast|"
            r"(?:wij|ik) weigeren? (?:de|uw) (?:\w+)?vergunning)\b"
        ),
        "body",
    ),
    Cue("beschikking", 1, "'uw aanvraag'", _rx(r"\buw aanvraag\b"), "body"),
    Cue(
        "beschikking",
        5,
        "titel '(Naheffings)aanslag' / 'Beslissing over uw ...'",
        _rx(
            r"^[\s#*]*(?:(?:Naheffings|Voorlopige |Definitieve |Navorderings)?aanslag\b|"
            r"Aanslagbiljet\b|Beslissing (?:over|op|inzake) uw (?!bezwaar|Woo|Wob)\w)",
            _M | _I,
        ),
    ),
    # An individual decision shaped like a letter ("Geachte mevrouw", "Met vriendelijke groet"):
    # what makes it a decision is that it grants, refuses or fixes something for this person
    # and ends in an objection route with a term.
    Cue(
        "beschikking",
        5,
        "rechtsmiddelenclausule (bezwaar binnen zes weken) aan één persoon",
        test=personal_decision,
    ),
    Cue(
        "beschikking",
        3,
        "'Bent u het niet eens met dit besluit/deze beslissing?'",
        # the authority speaking to "u", not a citizen writing "ik ben het niet eens met ..."
        _rx(
            r"\b(?:bent u het|als u het|u bent het|u het|bent u) niet eens(?: bent| is)? met "
            r"(?:dit|deze|het|ons|mijn) (?:besluit|beslissing|beschikking|\w*aanslag)\b|"
            r"^[\s#*]*(?:Niet eens|Oneens) met (?:dit|deze|het|ons) (?:besluit|beslissing)\b"
        ),
        "body",
    ),
    Cue(
        "beschikking",
        3,
        "toekenning/afwijzing aan u ('U krijgt ... per maand', 'wij wijzen uw aanvraag af')",
        _rx(
            r"\bu krijgt (?:€|vanaf\b|met ingang van\b)|"
            r"\bu krijgt [^.\n]{0,60}\b(?:in bruikleen|toegekend|vergoed|per (?:maand|jaar|week))\b|"
            r"\b(?:wij|we|ik) (?:ken(?:nen)? u|wijzen? uw (?:aanvraag|verzoek) af|"
            r"verlen(?:en|g(?:en)?) uw)\b|\buw (?:aanvraag|verzoek) (?:wordt|is) (?:af|toe)gewezen\b|"
            r"\bu betaalt (?:een eigen bijdrage|vanaf\b|€)|\bu heeft (?:geen )?recht op\b|"
            r"\b(?:wij|ik) (?:geven|geef|leggen|leg) u (?:hierbij )?(?:een |de )?(?:aanwijzing|last onder "
            r"(?:dwangsom|bestuursdwang)|bestuurlijke boete|boete|waarschuwing)\b|"
            r"\b(?:stopt|eindigt|beëindigen wij|verlagen wij|verhogen wij) uw \w*(?:uitkering|toeslag|"
            r"bijstand|pensioen|budget|voorziening)\b"
        ),
        "body",
    ),
    # advies
    Cue(
        "advies",
        4,
        "woord 'Advies' in de titel",
        _rx(
            r"^[\s#*]*(?:Advies|Adviesrapport|Ongevraagd advies|Advies over|Wetgevingsadvies|"
            r"Eindadvies|Preadvies|Adviesbrief)\b"
        ),
        "title",  # not a slide or list line "Advies aan huis" further down
    ),
    Cue(
        "advies",
        4,
        "onderwerp 'Advies ...'",
        _rx(r"^[\s#*]*(?:Betreft|Onderwerp)\s*:?\s*(?:Advies|Ongevraagd advies)\b"),
    ),
    Cue(
        "advies",
        2,
        "'bied ik u het advies aan'",
        _rx(
            r"\b(?:bie(?:d|den) (?:ik|wij) u (?:hierbij )?(?:het|ons) advies|advies aan(?:geboden)?\b)"
        ),
        "body",
    ),
    Cue(
        "advies",
        3,
        "adviesorgaan (Raad voor/Adviesraad/Raad van State)",
        _rx(
            r"\b(?:Raad voor [A-Z]\w+|Adviesraad|Adviescollege|Raad van State|Afdeling advisering|Gezondheidsraad|Kiesraad|Onderwijsraad)"
        ),
    ),
    Cue(
        "advies",
        2,
        "kop 'Aanbevelingen' / 'adviseert'",
        _rx(r"^[\s#*\d.]*Aanbevelingen\b|\b(?:adviseert|adviseren wij|advies van de)\b"),
        "body",
    ),
    # rapport
    Cue(
        "rapport",
        5,
        "woord 'Rapport/Onderzoek/Evaluatie' in de titel",
        _rx(
            r"^[\s#*]*(?:Rapport|Eindrapport|Onderzoeksrapport|Evaluatie(?:rapport)?|Rapportage|Onderzoek naar)\b",
            _M,  # case-sensitive: a wrapped line "rapport van de NZa ..." is no title
        ),
    ),
    Cue("rapport", 3, "veld 'Rapportnummer'", _rx(r"^[\s*]*Rapportnummer\s*[:\t ]\s*\S")),
    Cue(
        "rapport",
        5,
        "titel 'Melding/Proces-verbaal/Inspectie/Verslag van bevindingen'",
        _rx(
            r"^[\s#*]*(?:Proces-verbaal|(?:Verslag|Rapport) van bevindingen|"
            r"Inspectie(?:rapport|verslag|bezoek)?|Rapportage|Incidentrapport|Bevindingen)\b"
        ),
        "title",
    ),
    # A "melding" is a report when an authority writes it up (Veilig Thuis, a datalek) and a
    # letter or a form when a citizen sends it: the title alone does not decide.
    Cue("rapport", 4.5, "titel 'Melding ...'", _rx(r"^[\s#*]*\w*[Mm]elding\b"), "title"),
    Cue(
        "rapport",
        5,
        "titel '...rapportage/...rapport' ('Voortgangsrapportage')",
        _rx(r"^[\s#*]*(?!Jaar)(?:[A-Z]\w*)?(?:rapportage|rapport|evaluatie|onderzoek)\b"),
        "title",
    ),
    Cue(
        "rapport",
        1.5,
        "kop 'Bevindingen'/'Waarnemingen'",
        _rx(r"^[\s#*\d.]*(?:Bevindingen|Waarnemingen|Constateringen)\s*:?\s*$"),
        "body",
    ),
    Cue(
        "rapport",
        1.5,
        "kop 'Samenvatting'",
        _rx(r"^[\s#*\d.]*(?:Samenvatting|Managementsamenvatting)\b"),
        "body",
    ),
    Cue("rapport", 1.5, "inhoudsopgave", _rx(r"^[\s#*]*(?:Inhoud|Inhoudsopgave)\s*$"), "body"),
    Cue("rapport", 1.5, "kop 'Conclusies'", _rx(r"^[\s#*\d.]*Conclusies?\b"), "body"),
    Cue(
        "rapport",
        1,
        "literatuurlijst/bronnen",
        _rx(r"^[\s#*\d.]*(?:Literatuur(?:lijst)?|Bronnen)\s*$"),
        "body",
    ),
    Cue("rapport", 1, "tien of meer pagina's", test=_many_pages),
    # jaarplan / jaarverslag
    Cue("jaarplan", 8, "titel 'Jaarplan'", _rx(r"\bJaarplan(?:ning)?\b(?: \d{4})?")),
    Cue(
        "jaarplan",
        8,
        "titel 'Werkplan/Jaarprogramma/Uitvoeringsprogramma <jaar>'",
        _rx(
            r"^[\s#*]*(?:Werkplan|Jaarwerkplan|Jaarprogramma|Uitvoeringsprogramma|Uitvoeringsplan|"
            r"Jaaragenda|Activiteitenplan)\b[^\n]{0,40}\b20\d\d\b"
        ),
        "title",
    ),
    Cue("jaarverslag", 8, "titel 'Jaarverslag'", _rx(r"\bJaarverslag\b(?: \d{4})?")),
    Cue("jaarverslag", 2, "'in het verslagjaar'", _rx(r"\bverslagjaar\b"), "body"),
    Cue(
        "jaarverslag",
        8,
        "titel 'Jaarrapportage/Jaarverantwoording/Jaarrekening'",
        _rx(
            r"\b(?:Jaarrapportage|Jaarverantwoording|Jaarbericht|Jaaroverzicht|Jaarrekening|"
            r"Jaarstukken|Verantwoording(?: over)? \d{4}|"
            r"Verslag over (?:het (?:jaar|kalenderjaar|verslagjaar) )?\d{4})\b"
        ),
        "title",
    ),
    # convenant
    Cue(
        "convenant",
        7,
        "woord 'Convenant' bovenaan",
        _rx(
            r"\b(?:Convenant|Samenwerkingsovereenkomst|Bestuursovereenkomst|Intentieverklaring|"
            r"Samenwerkingsafspraken|Afsprakenkader|Bestuursakkoord)\b"
        ),
    ),
    Cue(
        "convenant",
        3,
        "'komen (het volgende) overeen'",
        _rx(
            r"\b(?:komen|verklaren) (?:het volgende )?(?:overeen|:)|\bverklaren het volgende\b|"
            r"\bspreken (?:het volgende |met elkaar )?af\b"
        ),
        "body",
    ),
    Cue(
        "convenant",
        5,
        "titel '...afspraken/...overeenkomst/...akkoord' ('Prestatieafspraken')",
        _rx(r"^[\s#*]*[A-Z]\w+(?:afspraken|overeenkomst|akkoord)\b"),
        "title",
    ),
    Cue(
        "convenant",
        2,
        "'Partijen' / 'Ondergetekenden'",
        _rx(r"^[\s#*]*(?:Partijen|De ondergetekenden|Ondergetekenden)\b"),
        "body",
    ),
    Cue(
        "convenant",
        2,
        "'Aldus overeengekomen/ondertekend'",
        _rx(
            r"\bAldus (?:overeengekomen|ondertekend|vastgesteld en ondertekend)\b|"
            r"^\s*(?:Ondertekend|Getekend|Overeengekomen) te [A-Z]"
        ),
        "body",
    ),
    # brief (generic letter)
    Cue("brief", 3, "aanhef 'Geachte ...'", _rx(r"^\s*(?:Hoog)?[Gg]eachte\b"), "body"),
    Cue(
        "brief",
        4,
        "woord 'Raadsinformatiebrief/Informatiebrief'",
        _rx(r"^[\s#*]*(?:Raadsinformatiebrief|Raadsbrief|Informatiebrief|Collegebrief)\b"),
    ),
    Cue(
        "brief",
        2,
        "slot 'Met vriendelijke groet' / 'Hoogachtend'",
        _rx(r"^\s*(?:Met vriendelijke groet(?:en)?|Hoogachtend|Met hartelijke groet)"),
        "body",
    ),
    Cue("brief", 1, "veld 'Betreft'", _rx(r"^[\s*]*Betreft\b")),
    # Salutation + closing alone do not make a "brief": beschikkingen and besluiten are letters
    # too. What marks a letter *to* government: the writer's place-and-date line and a
    # first-person act (objecting, complaining, giving a view).
    Cue(
        "brief",
        2,
        "'Hierbij maak ik bezwaar / dien ik een klacht in' (eigen handeling)",
        _rx(
            r"\b(?:hierbij )?(?:maak|maken) (?:ik|wij) (?:bezwaar|melding)\b|"
            r"\b(?:dien|dienen) (?:ik|wij) (?:hierbij )?(?:een |mijn |onze )?"
            r"(?:klacht|bezwaar(?:schrift)?|zienswijze)\b|"
            r"\bwil(?:len)? (?:ik|wij) (?:een klacht|bezwaar|mijn zienswijze|onze zienswijze)\b"
        ),
        "body",
    ),
    Cue(
        "brief",
        2,
        "regel 'Plaats, datum' ('Groningen, 2 juni 2023')",
        _rx(rf"^\s*[A-Z][\w'-]+(?:[ -][\w'-]+){{0,3}}, \d{{1,2}} (?:{_MONTHS}) \d{{4}}\s*$"),
    ),
    Cue(
        "brief",
        5,
        "titel 'Klacht/Bezwaarschrift/Zienswijze' (post van een burger)",
        _rx(
            r"^[\s#*]*(?:Klacht(?:formulier|brief)?|Klaagschrift|Bezwaarschrift|"
            r"Zienswijze|Pro[- ]forma bezwaar)\b"
        ),
        "title",
    ),
    Cue(
        "brief",
        2,
        "eerste persoon van een bewoner ('ik woon', 'mijn buren')",
        _rx(
            r"\b(?:ik woon|wij wonen|we wonen|mijn (?:woning|huis|buren|buurman|buurvrouw|straat|tuin)|"
            r"onze (?:woning|buren|buurman|buurvrouw|straat|wijk|tuin)|"
            r"ik heb (?:al |het personeel |hen |hem |haar )?(?:meerdere|diverse|verschillende) keren)\b"
        ),
        "body",
    ),
    Cue("brief", 0.5, "veld 'Ons kenmerk'", _rx(r"^[\s*]*(?:Ons kenmerk|Onze referentie)\b")),
    # presentatie
    Cue(
        "presentatie",
        5,
        "woord 'Presentatie' bovenaan",
        _rx(r"^[\s#*]*Presentatie\b|\bPowerPoint\b"),
    ),
    Cue(
        "presentatie",
        3,
        "dia-nummers ('Dia 1', 'Slide 2')",
        _rx(r"^\s*(?:Dia|Slide|Sheet)\s+\d+\b"),
        "body",
        2,
    ),
    Cue(
        "presentatie",
        2,
        "vier of meer dia-nummers",
        _rx(r"^\s*(?:Dia|Slide|Sheet)\s+\d+\s*$"),
        "body",
        4,
    ),
    Cue("presentatie", 3, "veel pagina's met weinig tekst", test=_short_pages),
    Cue("presentatie", 3, "korte opsommingsregels zonder lopende tekst", test=slide_layout),
    Cue(
        "presentatie",
        2,
        "slotdia 'Vragen?' / 'Dank voor uw aandacht'",
        _rx(r"^\s*(?:Vragen\s*\?|Vragen en discussie|Dank voor (?:uw|jullie) aandacht!?)\s*$"),
        "body",
    ),
    # other: positive evidence for documents that are none of the types (forms, chat exports).
    Cue("other", 5, "formulier: vooral velden 'Label: waarde'", test=form_layout),
    Cue("other", 6, "chatexport (regels met tijd en spreker)", test=chat_export),
    Cue(
        "other",
        2,
        "formulierkenmerken ('Meldingnummer', 'ontvangen via webformulier')",
        _rx(
            r"\b(?:Meldingsnummer|Meldingnummer|Formuliernummer|Registratienummer melding)\b|"
            r"\b(?:ontvangen|ingediend|verzonden) via (?:het |de )?(?:web)?(?:formulier|www\.|"
            r"website|app)\b"
        ),
    ),
)
