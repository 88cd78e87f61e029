"""Type cues for decisions, advice, reports, plans, agreements, letters, slides and "other".

The second half of the cue table (see ``cues.py``); documented in docs/UNDERSTANDING.md.
"""

from __future__ import annotations

import re

from wooflow.understand.cuebase import Cue, line_rx, many_pages, rx, short_pages
from wooflow.understand.layout import chat_export, form_layout, personal_decision, slide_layout

_MONTHS = "januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december"

DECISION_CUES: tuple[Cue, ...] = (
    # besluit (incl. Woo-besluit)
    Cue(
        "besluit",
        6,
        "'Besluit op (uw) Woo/Wob-verzoek'",
        rx(r"\b(?:Besluit|besluit) op (?:uw )?(?:Woo|Wob)[- ]?verzoek|\bWoo-besluit\b"),
    ),
    Cue(
        "besluit",
        4,
        "verzoek onder de Wet open overheid / Wob (Woo-besluit in gewone taal)",
        rx(
            r"\bverzoek\b[^.]{0,80}\b(?:valt onder|op grond van|in het kader van) (?:de )?"
            r"(?:Wet open overheid|Wet openbaarheid van bestuur|Woo|Wob)\b"
        ),
        "body",
    ),
    Cue("besluit", 3, "kop 'Uw Woo-verzoek'", rx(r"^[\s#*]*Uw (?:Woo|Wob)-verzoek"), "body"),
    Cue(
        "besluit",
        2,
        "kop 'Verloop van de procedure'",
        rx(r"^[\s#*]*Verloop van de procedure"),
        "body",
    ),
    Cue(
        "besluit",
        2,
        "bezwaarclausule",
        rx(
            r"\bbezwaar(?:schrift| maken| indienen)\b|^[\s#*]*Bezwaar(?:clausule|mogelijkheid)?\s*$"
        ),
        "body",
    ),
    Cue("besluit", 1.5, "kop 'Wettelijk kader'", rx(r"^[\s#*]*Wettelijk kader"), "body"),
    Cue(
        "besluit",
        2,
        "'Ik heb besloten' / 'besluit ik'",
        rx(r"\b(?:ik|wij) (?:heb|hebben) besloten\b|\bbesluit (?:ik|wij)\b"),
        "body",
    ),
    Cue("besluit", 3, "titel 'Besluit'", line_rx(r"besluit|besluit van .{3,80}")),
    Cue(
        "besluit",
        4,
        "titel 'Besluit van de minister ... houdende'",
        rx(r"^[\s#*]*Besluit van (?:de|het) [^\n]{3,200}?(?:houdende|tot)\b"),
    ),
    Cue("besluit", 2, "regel 'Besluit:' na de aanhef", rx(r"^\s*Besluit(?:en)?\s*:\s*$"), "body"),
    Cue(
        "besluit",
        1.5,
        "inwerkingtreding",
        rx(r"\b(?:treedt|treden) in werking\b|\bin werking (?:treedt|treden)\b"),
        "body",
    ),
    Cue(
        "besluit",
        3,
        "dictum 'besluit: vast te stellen / te wijzigen'",
        rx(
            r"\bbesluit(?:en)?\s*:?\s*(?:\n\s*)?(?:[IVX]+\.\s*)?(?:vast te stellen|te wijzigen|"
            r"in te trekken|te bepalen|aan te wijzen)\b"
        ),
        "body",
    ),
    Cue(
        "besluit",
        2,
        "aanhef van een bestuursorgaan ('Het college van ...;')",
        rx(
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
        rx(r"\b(?:GEMEENTEBLAD|STAATSCOURANT|PROVINCIAAL BLAD|WATERSCHAPSBLAD|Gemeenteblad|"
            r"Staatscourant|Provinciaal blad|Waterschapsblad)\b"),
        "title",
    ),
    Cue(
        "besluit",
        4,
        "titel '...besluit' / 'Beleidsregels' / 'Verordening' / 'Regeling'",
        rx(
            r"^[\s#*]*(?:[A-Z]\w*besluit|Beleidsregels?|(?:[A-Z]\w*)?[Vv]erordening|Regeling|"
            r"Reglement|Aanwijzingsbesluit|Mandaatregeling)\b(?! op (?:uw )?(?:Woo|Wob))"
        ),
        "title",
    ),
    Cue("besluit", 6, "'Beslissing op (uw) bezwaar'", rx(r"\bBeslissing op (?:uw |het )?bezwaar")),
    Cue("besluit", 1.5, "beroepsclausule", rx(r"\bberoep (?:instellen|aantekenen)\b"), "body"),
    Cue("besluit", 1, "'Gelet op' aanhef", rx(r"^\s*Gelet op\b"), "body"),
    # beschikking
    Cue("beschikking", 6, "woord 'Beschikking' bovenaan", rx(r"\bBeschikking\b")),
    Cue(
        "beschikking",
        3,
        "subsidie/vergunning verleend of vastgesteld",
        rx(
            r"\b(?:subsidieverlening|subsidievaststelling|verleen ik|ik verleen|verlenen wij|"
            r"wij verlenen|ken ik .{0,40}toe|vergunning verleend|stel ik .{0,40}vast|"
            r"(?:wij|ik) weigeren? (?:de|uw) \w*vergunning)\b"
        ),
        "body",
    ),
    Cue("beschikking", 1, "'uw aanvraag'", rx(r"\buw aanvraag\b"), "body"),
    Cue(
        "beschikking",
        5,
        "titel 'Omgevingsvergunning/Vergunning/Ontheffing'",
        rx(r"^[\s#*]*(?:Omgevingsvergunning|Vergunning|Ontheffing|Subsidiebeschikking)\b(?! aan\b)"),
        "title",
    ),
    Cue("beschikking", 2, "veld 'Aanvrager'", rx(r"^[\s*]*Aanvrager\s*[:\t]\s*\S")),
    Cue(
        "beschikking",
        5,
        "titel '(Naheffings)aanslag' / 'Beslissing over uw ...'",
        rx(
            r"^[\s#*]*(?:(?:Naheffings|Voorlopige |Definitieve |Navorderings)?aanslag\b|"
            r"Aanslagbiljet\b|Beslissing (?:over|op|inzake) uw (?!bezwaar|Woo|Wob)\w)",
            re.MULTILINE | re.IGNORECASE,
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
        rx(
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
        rx(
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
        rx(
            r"^[\s#*]*(?:Advies|Adviesrapport|Ongevraagd advies|Advies over|Wetgevingsadvies|"
            r"Eindadvies|Preadvies|Adviesbrief)\b"
        ),
        "title",  # not a slide or list line "Advies aan huis" further down
    ),
    Cue(
        "advies",
        4,
        "onderwerp 'Advies ...'",
        rx(r"^[\s#*]*(?:Betreft|Onderwerp)\s*:?\s*(?:Advies|Ongevraagd advies)\b"),
    ),
    Cue(
        "advies",
        2,
        "'bied ik u het advies aan'",
        rx(
            r"\b(?:bie(?:d|den) (?:ik|wij) u (?:hierbij )?(?:het|ons) advies|advies aan(?:geboden)?\b)"
        ),
        "body",
    ),
    Cue(
        "advies",
        3,
        "adviesorgaan (Raad voor/Adviesraad/Raad van State)",
        rx(
            r"\b(?:Raad voor [A-Z]\w+|Adviesraad|Adviescollege|Raad van State|Afdeling advisering|Gezondheidsraad|K"
            r"iesraad|Onderwijsraad)"
        ),
    ),
    Cue(
        "advies",
        2,
        "kop 'Aanbevelingen' / 'adviseert'",
        rx(r"^[\s#*\d.]*Aanbevelingen\b|\b(?:adviseert|adviseren wij|advies van de)\b"),
        "body",
    ),
    # rapport
    Cue(
        "rapport",
        5,
        "woord 'Rapport/Onderzoek/Evaluatie' in de titel",
        rx(
            r"^[\s#*]*(?:Rapport|Eindrapport|Onderzoeksrapport|Evaluatie(?:rapport)?|Rapportage|Onderzoek naar)\b",
            re.MULTILINE,  # case-sensitive: a wrapped line "rapport van de NZa ..." is no title
        ),
    ),
    Cue("rapport", 3, "veld 'Rapportnummer'", rx(r"^[\s*]*Rapportnummer\s*[:\t ]\s*\S")),
    Cue(
        "rapport",
        5,
        "titel 'Melding/Proces-verbaal/Inspectie/Verslag van bevindingen'",
        rx(
            r"^[\s#*]*(?:Proces-verbaal|(?:Verslag|Rapport) van bevindingen|"
            r"Inspectie(?:rapport|verslag|bezoek)?|Rapportage|Incidentrapport|Bevindingen)\b"
        ),
        "title",
    ),
    # A "melding" is a report when an authority writes it up (Veilig Thuis, a datalek) and a
    # letter or a form when a citizen sends it: the title alone does not decide.
    Cue("rapport", 4.5, "titel 'Melding ...'", rx(r"^[\s#*]*\w*[Mm]elding\b"), "title"),
    Cue(
        "rapport",
        5,
        "titel '...rapportage/...rapport' ('Voortgangsrapportage')",
        rx(r"^[\s#*]*(?!Jaar)(?:[A-Z]\w*)?(?:rapportage|rapport|evaluatie|onderzoek)\b"),
        "title",
    ),
    Cue(
        "rapport",
        1.5,
        "kop 'Bevindingen'/'Waarnemingen'",
        rx(r"^[\s#*\d.]*(?:Bevindingen|Waarnemingen|Constateringen)\s*:?\s*$"),
        "body",
    ),
    Cue(
        "rapport",
        1.5,
        "kop 'Samenvatting'",
        rx(r"^[\s#*\d.]*(?:Samenvatting|Managementsamenvatting)\b"),
        "body",
    ),
    Cue("rapport", 1.5, "inhoudsopgave", rx(r"^[\s#*]*(?:Inhoud|Inhoudsopgave)\s*$"), "body"),
    Cue("rapport", 1.5, "kop 'Conclusies'", rx(r"^[\s#*\d.]*Conclusies?\b"), "body"),
    Cue(
        "rapport",
        1,
        "literatuurlijst/bronnen",
        rx(r"^[\s#*\d.]*(?:Literatuur(?:lijst)?|Bronnen)\s*$"),
        "body",
    ),
    Cue("rapport", 1, "tien of meer pagina's", test=many_pages),
    # jaarplan / jaarverslag
    Cue("jaarplan", 8, "titel 'Jaarplan'", rx(r"\bJaarplan(?:ning)?\b(?: \d{4})?")),
    Cue(
        "jaarplan",
        8,
        "titel 'Werkplan/Jaarprogramma/Uitvoeringsprogramma <jaar>'",
        rx(
            r"^[\s#*]*(?:Werkplan|Jaarwerkplan|Jaarprogramma|Uitvoeringsprogramma|Uitvoeringsplan|"
            r"Jaaragenda|Activiteitenplan)\b[^\n]{0,40}\b20\d\d\b"
        ),
        "title",
    ),
    Cue("jaarverslag", 8, "titel 'Jaarverslag'", rx(r"\bJaarverslag\b(?: \d{4})?")),
    Cue("jaarverslag", 2, "'in het verslagjaar'", rx(r"\bverslagjaar\b"), "body"),
    Cue(
        "jaarverslag",
        8,
        "titel 'Jaarrapportage/Jaarverantwoording/Jaarrekening'",
        rx(
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
        rx(
            r"\b(?:Convenant|Samenwerkingsovereenkomst|Bestuursovereenkomst|Intentieverklaring|"
            r"Samenwerkingsafspraken|Afsprakenkader|Bestuursakkoord)\b"
        ),
    ),
    Cue(
        "convenant",
        3,
        "'komen (het volgende) overeen'",
        rx(
            r"\b(?:komen|verklaren) (?:het volgende )?(?:overeen|:)|\bverklaren het volgende\b|"
            r"\bspreken (?:het volgende |met elkaar )?af\b"
        ),
        "body",
    ),
    Cue(
        "convenant",
        5,
        "titel '...afspraken/...overeenkomst/...akkoord' ('Prestatieafspraken')",
        rx(r"^[\s#*]*[A-Z]\w+(?:afspraken|overeenkomst|akkoord)\b"),
        "title",
    ),
    Cue(
        "convenant",
        2,
        "'Partijen' / 'Ondergetekenden'",
        rx(r"^[\s#*]*(?:Partijen|De ondergetekenden|Ondergetekenden)\b"),
        "body",
    ),
    Cue(
        "convenant",
        2,
        "'Aldus overeengekomen/ondertekend'",
        rx(
            r"\bAldus (?:overeengekomen|ondertekend|vastgesteld en ondertekend)\b|"
            r"^\s*(?:Ondertekend|Getekend|Overeengekomen) te [A-Z]"
        ),
        "body",
    ),
    # brief (generic letter)
    Cue("brief", 3, "aanhef 'Geachte ...'", rx(r"^\s*(?:Hoog)?[Gg]eachte\b"), "body"),
    Cue(
        "brief",
        4,
        "woord 'Raadsinformatiebrief/Informatiebrief'",
        rx(r"^[\s#*]*(?:Raadsinformatiebrief|Raadsbrief|Informatiebrief|Collegebrief)\b"),
    ),
    Cue(
        "brief",
        2,
        "slot 'Met vriendelijke groet' / 'Hoogachtend'",
        rx(r"^\s*(?:Met vriendelijke groet(?:en)?|Hoogachtend|Met hartelijke groet)"),
        "body",
    ),
    Cue("brief", 1, "veld 'Betreft'", rx(r"^[\s*]*Betreft\b")),
    # Salutation + closing alone do not make a "brief": beschikkingen and besluiten are letters
    # too. What marks a letter *to* government: the writer's place-and-date line and a
    # first-person act (objecting, complaining, giving a view).
    Cue(
        "brief",
        2,
        "'Hierbij maak ik bezwaar / dien ik een klacht in' (eigen handeling)",
        rx(
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
        rx(rf"^\s*[A-Z][\w'-]+(?:[ -][\w'-]+){{0,3}}, \d{{1,2}} (?:{_MONTHS}) \d{{4}}\s*$"),
    ),
    Cue(
        "brief",
        5,
        "titel 'Klacht/Bezwaarschrift/Zienswijze' (post van een burger)",
        rx(
            r"^[\s#*]*(?:Klacht(?:formulier|brief)?|Klaagschrift|Bezwaarschrift|"
            r"Zienswijze|Pro[- ]forma bezwaar)\b"
        ),
        "title",
    ),
    Cue(
        "brief",
        2,
        "eerste persoon van een bewoner ('ik woon', 'mijn buren')",
        rx(
            r"\b(?:ik woon|wij wonen|we wonen|mijn (?:woning|huis|buren|buurman|buurvrouw|straat|tuin)|"
            r"onze (?:woning|buren|buurman|buurvrouw|straat|wijk|tuin)|"
            r"ik heb (?:al |het personeel |hen |hem |haar )?(?:meerdere|diverse|verschillende) keren)\b"
        ),
        "body",
    ),
    Cue("brief", 0.5, "veld 'Ons kenmerk'", rx(r"^[\s*]*(?:Ons kenmerk|Onze referentie)\b")),
    # presentatie
    Cue(
        "presentatie",
        5,
        "woord 'Presentatie' bovenaan",
        rx(r"^[\s#*]*Presentatie\b|\bPowerPoint\b"),
    ),
    Cue(
        "presentatie",
        3,
        "dia-nummers ('Dia 1', 'Slide 2')",
        rx(r"^\s*(?:Dia|Slide|Sheet)\s+\d+\b"),
        "body",
        2,
    ),
    Cue(
        "presentatie",
        2,
        "vier of meer dia-nummers",
        rx(r"^\s*(?:Dia|Slide|Sheet)\s+\d+\s*$"),
        "body",
        4,
    ),
    Cue("presentatie", 3, "veel pagina's met weinig tekst", test=short_pages),
    Cue("presentatie", 3, "korte opsommingsregels zonder lopende tekst", test=slide_layout),
    Cue(
        "presentatie",
        2,
        "slotdia 'Vragen?' / 'Dank voor uw aandacht'",
        rx(r"^\s*(?:Vragen\s*\?|Vragen en discussie|Dank voor (?:uw|jullie) aandacht!?)\s*$"),
        "body",
    ),
    # other: positive evidence for documents that are none of the types (forms, chat exports).
    Cue("other", 5, "formulier: vooral velden 'Label: waarde'", test=form_layout),
    Cue("other", 6, "chatexport (regels met tijd en spreker)", test=chat_export),
    Cue(
        "other",
        5,
        "persbericht ('Persbericht', 'Noot voor de redactie')",
        rx(r"^[\s#*]*(?:Persbericht|Nieuwsbericht)\b|^[\s#*]*Noot voor de redactie\b"),
    ),
    Cue(
        "other",
        2,
        "formulierkenmerken ('Meldingnummer', 'ontvangen via webformulier')",
        rx(
            r"\b(?:Meldingsnummer|Meldingnummer|Formuliernummer|Registratienummer melding)\b|"
            r"\b(?:ontvangen|ingediend|verzonden) via (?:het |de )?(?:web)?(?:formulier|www\.|"
            r"website|app)\b"
        ),
    ),
)
