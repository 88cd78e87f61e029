"""Type cues for messages, memos, Kamer documents and meetings (the first half of the table).

Every type has a list of cues (a regular expression in a zone of the document, or a fact the
reader knows such as ``kind == "email"``, or a structural test from ``layout.py``), each with a
weight. The rest of the table (decisions, advice, reports, plans, agreements, letters, slides,
other) is in ``cues_decisions.py``; ``CUES`` here is the whole table in order. Kept apart from the
scoring in ``classify.py`` so it can be read and audited (evaluation/understand/cue_audit.py) on
its own. Documented in docs/UNDERSTANDING.md.
"""

from __future__ import annotations

from wooflow.understand.cuebase import (
    BODY_CHARS,
    HEAD_CHARS,
    MIN_SCORE,
    TAIL_CHARS,
    TYPES,
    Cue,
    line_rx,
    rx,
    title_zone,
)
from wooflow.understand.cues_decisions import DECISION_CUES
from wooflow.understand.layout import agenda_list

__all__ = ["BODY_CHARS", "CUES", "HEAD_CHARS", "MIN_SCORE", "TAIL_CHARS", "TYPES", "Cue", "title_zone"]


_EMAIL_HEADERS = rx(
    r"\A(?:\s*\n)*(?:[^\n]*\n){0,3}?\s*(?:Van|From)\s*:.*\n(?:.*\n){0,3}?\s*(?:Verzonden|Sent|Date)\s*:"
)
# Outlook-style headers in any order ("Aan:" before "Van:", no "Verzonden:"): three of them in
# the first lines, one being "Onderwerp/Subject", is a mail header block, not a memo.
_MAIL_FIELDS_ANY_ORDER = rx(
    r"\A(?:[^\n]*\n){0,4}?(?:\s*(?:Van|From|Aan|To|CC|Cc|Onderwerp|Subject|Verzonden|Sent)\s*:.*\n"
    r"(?:[^\n:]*\n){0,3}?){3}"
)
# Outlook address lists: "Jansen, P. (Pieter)" or "Jansen, Pieter <p.jansen@x.nl>" separated by ";".
_OUTLOOK_LIST = rx(r"^\s*(?:Aan|To|CC|Cc|Van|From)\s*:[^\n]*[A-Z][\w'-]+, [A-Z][\w.]*[^\n;]*;")
# "Van: ... Datum:" is also how memos and notas start: weaker evidence of an e-mail.
_MEMO_OR_MAIL_HEADERS = rx(
    r"\A(?:\s*\n)*(?:[^\n]*\n){0,3}?\s*(?:Van|From)\s*:.*\n(?:.*\n){0,3}?\s*Datum\s*:"
)

MESSAGE_CUES: tuple[Cue, ...] = (
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
        rx(
            r"^[> \t]*(?:Op .{5,80} schreef .{1,80}:|On .{5,80} wrote:|"
            r"-{2,}\s*(?:Oorspronkelijk bericht|Original Message|Doorgestuurd bericht)\s*-{2,})\s*$"
        ),
        "body",
    ),
    Cue("email", 1, "regel 'Onderwerp:' of 'Subject:'", rx(r"^\s*(?:Onderwerp|Subject)\s*:")),
    Cue("email", 1, "e-mailadres in de kop", rx(r"[\w.-]+ ?@[\w-]+\.(?:nl|com|eu|org)\b")),
    # nota
    Cue(
        "nota",
        7,
        "regel 'nota' of 'notitie' bovenaan",
        line_rx(
            r"(?:ambtelijke )?(?:(?:beslis|informatie|advies|besluit|instemmings|ondertekenings|"
            r"achtergrond|spreek|bespreek|discussie|college|b&w-|bestuurs|directie|mt-)?nota|"
            r"notitie|memo)(?: [^\n.:;]{1,80})?"
        ),
    ),
    Cue(
        "nota",
        7,
        "titel 'Collegevoorstel/Collegeadvies/Adviesnota'",
        rx(r"^[\s#*]*(?:Collegevoorstel|Collegeadvies|B&W-advies|B&W-voorstel|Adviesnota)\b"),
        "title",
    ),
    Cue(
        "nota",
        3,
        "koppen 'Beslispunten/Argumenten/Kanttekeningen/Portefeuillehouder'",
        rx(r"^[\s#*]*(?:Beslispunten|Argumenten|Kanttekeningen|Portefeuillehouder)\b"),
        "body",
        2,
    ),
    Cue("nota", 4, "kop 'Geadviseerd besluit'", rx(r"^[\s#*]*Geadviseerd besluit"), "body"),
    Cue(
        "nota",
        3,
        "'ter ondertekening/besluitvorming/informatie'",
        line_rx(
            r"ter (?:ondertekening|besluitvorming|informatie|advisering|beslissing|kennisname|accordering)"
        ),
    ),
    Cue(
        "nota",
        3,
        "openbaarmakingsvraag van een nota",
        rx(r"bedoeld om openbaar gemaakt te worden"),
        "body",
    ),
    Cue(
        "nota",
        2,
        "kop 'Informatie die niet openbaar gemaakt kan worden'",
        rx(r"^[\s#*]*Informatie die niet openbaar"),
        "body",
    ),
    Cue("nota", 1.5, "kop 'Kernpunten'", rx(r"^[\s#*]*Kernpunten\b"), "body"),
    Cue("nota", 1, "kop 'Aanleiding'", rx(r"^[\s#*]*(?:\d{1,2}\.?\s+)?Aanleiding[\s*]*$"), "body"),
    Cue(
        "nota",
        1,
        "'Aan:' een bewindspersoon (M../SG/DG)",
        rx(r"^\s*Aan\s*:?\s*(?:de )?(?:M[A-Z]{2,6}|SG|pSG|DG\w*|minister|staatssecretaris)\b"),
    ),
    # kamerbrief
    Cue(
        "kamerbrief",
        6,
        "geadresseerd aan de Voorzitter van de Kamer",
        rx(r"Voorzitter van de (?:Tweede|Eerste) Kamer"),
    ),
    Cue("kamerbrief", 3, "woord 'Kamerbrief' bovenaan", rx(r"\bKamerbrief\b")),
    Cue(
        "kamerbrief",
        4,
        "adresblok 'Tweede/Eerste Kamer der Staten-Generaal'",
        rx(
            r"^[\s*]*(?:Aan de |De )?(?:Voorzitter van de )?(?:Tweede|Eerste) Kamer der Staten-Generaal"
        ),
    ),
    Cue("kamerbrief", 2, "'uw Kamer' in de tekst", rx(r"\buw Kamer\b"), "body"),
    Cue("kamerbrief", 2, "postadres Tweede Kamer", rx(r"Postbus 20018")),
    Cue("kamerbrief", 2, "aanhef 'Geachte voorzitter'", rx(r"^\s*Geachte [Vv]oorzitter\b"), "body"),
    Cue(
        "kamerbrief",
        1.5,
        "'vaste commissie voor …' / Kamercommissie",
        rx(r"\bvaste (?:Kamer)?commissie voor\b|\bKamercommissie\b"),
        "body",
    ),
    Cue(
        "kamerbrief",
        1.5,
        "'Hierbij informeer/stuur ik u'",
        rx(r"\bHierbij (?:informeer|stuur|zend|bied|ontvangt)|\binformeer ik u(?:w Kamer)?\b"),
        "body",
    ),
    # kamervragen
    Cue(
        "kamervragen",
        5,
        "'Vragen van het lid/de leden'",
        rx(r"\bVragen van (?:het lid|de leden)\b"),
    ),
    Cue(
        "kamervragen",
        4,
        "'Aanhangsel (van de) Handelingen'",
        rx(r"\bAanhangsel (?:van de )?Handelingen\b"),
        "body",
    ),
    Cue("kamervragen", 3, "regels 'Vraag n'", rx(r"^\s*(?:\*\*)?Vraag\s+\d+"), "body", 2),
    Cue(
        "kamervragen",
        3,
        "regels 'Antwoord n'",
        rx(r"^\s*(?:\*\*)?Antwoord\s+(?:op vraag\s+)?\d+"),
        "body",
        2,
    ),
    Cue(
        "kamervragen", 2, "'(ingezonden/ontvangen <datum>)'", rx(r"\((?:ingezonden|ontvangen) \d")
    ),
    Cue("kamervragen", 1.5, "Kamervraagnummer (2024Z01234)", rx(r"\b20\d\dZ\d{5}\b")),
    # verslag
    Cue(
        "verslag",
        5,
        "regel 'verslag' of 'notulen' bovenaan",
        line_rx(r"(?:concept[- ])?(?:verslag|notulen|actiepuntenlijst)(?: [^\n.:;]{1,80})?"),
    ),
    Cue(
        "verslag",
        3,
        "veld 'Aanwezig'/'Deelnemers'",
        rx(r"^[\s*]*(?:Aanwezig(?:en)?|Deelnemers|Deelnemend)\b\s*[:\t]?"),
    ),
    Cue(
        "verslag",
        4,
        "titel 'Terugkoppeling/Samenvatting/Kort verslag' van een overleg",
        rx(
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
        rx(r"^\s*[-•]?\s*(?:Afgesproken|Afspraak|Besproken|Conclusie)\s*:"),
        "body",
        2,
    ),
    Cue(
        "verslag",
        5,
        "kop '... - Verslag' of 'Gespreksverslag'",
        rx(
            r"^[^\n]{2,80}\s[-–|:]\s*(?:verslag|notulen)\s*$|"
            r"^[\s#*]*(?:Gespreks|Telefoon|Bespreek|Overleg)(?:verslag|notitie)\b"
        ),
    ),
    Cue(
        "verslag", 2, "veld 'Afwezig'", rx(r"^[\s*]*(?:Afwezig|Afgemeld|Met kennisgeving afwezig)")
    ),
    Cue(
        "verslag",
        1.5,
        "veld 'Vergaderdatum/-plaats'",
        rx(r"^[\s*]*(?:Vergaderdatum|Vergaderplaats|Datum vergadering)"),
    ),
    Cue("verslag", 1.5, "actiepunten ('actie ...')", rx(r"\(?\*{0,2}actie[: ]\s*\w+"), "body", 2),
    Cue(
        "verslag",
        2,
        "'Verslag van de vergadering'",
        rx(
            # not an agenda item "3. Verslag van de vergadering van 20 maart"
            r"^(?![ \t]*\d{1,2}[.)]?[ \t])[^\n]*?\bverslag van (?:de|het) "
            r"(?:vergadering|overleg|bijeenkomst|bespreking|hoorzitting)\b"
        ),
    ),
    Cue(
        "verslag",
        2,
        "vergadering van een bestuur (Gedeputeerde Staten, college, raad, MT)",
        rx(
            r"\b(?:vergadering|overleg|zitting) van (?:het |de )?(?:Gedeputeerde Staten|"
            r"college(?: van [BG]\w+)?|(?:gemeente|provinciale )?raad|Provinciale Staten|"
            r"dagelijks bestuur|algemeen bestuur|bestuur|directie|MT|managementteam|stuurgroep)\b"
        ),
    ),
    Cue(
        "verslag",
        1.5,
        "veld 'Verslag:'/'Notulist:'",
        rx(r"^[\s*]*(?:Verslag|Notulist|Notulen|Verslaglegging)\s*:\s*\S"),
    ),
    # agenda
    Cue(
        "agenda", 6, "regel 'Agenda' bovenaan", line_rx(r"(?:concept[- ])?agenda(?: [^\n.:;]{1,80})?")
    ),
    Cue(
        "agenda",
        5,
        "woord 'agenda' in de titel ('Oproep en agenda', 'Vergaderagenda')",
        rx(r"^(?![ \t]*\d{1,2}[.)]?[ \t])[^\n]*\b(?:agenda|vergaderagenda|conceptagenda)\b(?!punt)"),
        "title",
    ),
    Cue("agenda", 1, "agendapunt 'Opening'", rx(r"^\s*(?:\d+\.?\s*)?Opening\b")),
    Cue("agenda", 4, "genummerde agendapunten zonder tekst eronder", test=agenda_list),
    Cue("agenda", 1, "agendapunt 'Sluiting'", rx(r"^\s*(?:\d+\.?\s*)?Sluiting\b"), "body"),
    Cue("agenda", 1, "agendapunt 'Rondvraag'", rx(r"^\s*(?:\d+\.?\s*)?Rondvraag\b"), "body"),
    Cue("agenda", 1, "veld 'Genodigden'", rx(r"^\s*Genodigden\b")),
    # besluitenlijst
    Cue("besluitenlijst", 9, "regel 'Besluitenlijst' bovenaan", rx(r"^[\s#*]*Besluitenlijst\b")),
    Cue(
        "besluitenlijst",
        7,
        "woord 'besluitenlijst' in de titel ('Openbare besluitenlijst')",
        rx(r"\bbesluitenlijst\b"),
        "title",
    ),
    Cue(
        "besluitenlijst",
        2,
        "regels 'Besluit:' / 'Besloten'",
        rx(r"^\s*[-•]?\s*(?:Besluit|Besloten wordt|Besloten)\s*:"),
        "body",
        2,
    ),
)

CUES: tuple[Cue, ...] = MESSAGE_CUES + DECISION_CUES
