"""Structural type cues (wooflow.understand.layout) and the round-5 cues that use them.

The texts are written for these tests; none is copied from an evaluation corpus.
"""

from __future__ import annotations

from datetime import date

import pytest
from understand_helpers import make_doc

from wooflow.understand import classify
from wooflow.understand.layout import (
    chat_first_date,
    agenda_list,
    chat_export,
    form_layout,
    personal_decision,
    slide_layout,
)

LETTER_DECISION = (
    "Gemeente Ergens\n\nMevrouw P. Bos\nDorpsweg 2\n1234 AB Ergens\n\nDatum: 1 maart 2024\n"
    "Onderwerp: uw aanvraag\n\nGeachte mevrouw Bos,\n\nWij hebben uw aanvraag beoordeeld.\n\n"
    "Bent u het niet eens met dit besluit? Dan kunt u binnen zes weken na de datum van deze brief "
    "bezwaar maken.\n\nMet vriendelijke groet,\n\nnamens het college,\nA. Smit\n"
)


def test_personal_decision_needs_clause_and_one_addressee() -> None:
    assert personal_decision(make_doc(LETTER_DECISION), LETTER_DECISION)
    general = LETTER_DECISION.replace("Mevrouw P. Bos\n", "Aan de bewoners\n").replace(
        "Geachte mevrouw Bos", "Geachte bewoners"
    )
    assert not personal_decision(make_doc(general), general)
    no_term = LETTER_DECISION.replace("binnen zes weken na de datum van deze brief ", "")
    assert not personal_decision(make_doc(no_term), no_term)


def test_clause_in_a_later_sentence_does_not_count() -> None:
    text = "Geachte heer Jansen,\n\nU kunt binnen zes weken reageren. Over bezwaar leest u meer.\n"
    assert not personal_decision(make_doc(text), text)


def test_letter_that_says_it_is_no_decision_is_a_brief() -> None:
    text = (
        "Gemeente Ergens\n\nDe heer K. Smit\nKade 4\n\nDatum: 2 mei 2024\nOns kenmerk: X/1\n"
        "Betreft: werkzaamheden\n\nGeachte heer Smit,\n\nWij werken vanaf 1 juni aan de kade. "
        "Dit is geen besluit: u kunt binnen zes weken geen bezwaar maken tegen deze brief.\n\n"
        "Met vriendelijke groet,\n\nH. Bruin\n"
    )
    assert not personal_decision(make_doc(text), text)
    assert classify(make_doc(text)).type == "brief"


@pytest.mark.parametrize(
    "body",
    [
        "U krijgt € 180 per maand huurtoeslag.",
        "Wij wijzen uw aanvraag af, omdat uw inkomen te hoog is.",
        "U krijgt een rolstoel in bruikleen.",
        "Wij kennen u een persoonsgebonden budget toe.",
    ],
)
def test_letter_shaped_beschikking(body: str) -> None:
    text = LETTER_DECISION.replace("Wij hebben uw aanvraag beoordeeld.", body)
    result = classify(make_doc(text))
    assert result.type == "beschikking", result.scores
    assert result.scores["beschikking"] > result.scores.get("brief", 0) + 2


def test_woo_besluit_with_citizen_clause_stays_besluit() -> None:
    text = (
        "Datum: 4 april 2024\nBetreft: Besluit op uw Woo-verzoek\n\nGeachte heer Smit,\n\n"
        "Uw Woo-verzoek\nU vroeg om documenten.\n\nVerloop van de procedure\nx\n\n"
        "Ik heb besloten uw verzoek toe te wijzen.\n\nBent u het niet eens met dit besluit? "
        "Dan kunt u binnen zes weken bezwaar maken.\n\nMet vriendelijke groet,\n"
    )
    assert classify(make_doc(text)).type == "besluit"


def test_form_layout() -> None:
    form = "Melding openbare ruimte\n\n" + "".join(
        f"{label}: {value}\n"
        for label, value in [
            ("Meldingnummer", "M-1"),
            ("Ontvangen op", "1-2-2024"),
            ("Categorie", "Afval"),
            ("Locatie", "Kade 4"),
            ("Omschrijving", "Zakken naast de container"),
            ("Foto", "ja"),
            ("Naam", "[naam]"),
            ("E-mail", "[e-mail]"),
            ("Status", "Open"),
        ]
    )
    assert form_layout(make_doc(form), form)
    assert classify(make_doc(form)).type == "other"
    letter = LETTER_DECISION
    assert not form_layout(make_doc(letter), letter)


def test_melding_title_alone_is_a_report_but_a_citizens_letter_wins() -> None:
    report = "Melding datalek\n\nOp 3 mei is een e-mail met persoonsgegevens verkeerd verzonden.\n"
    assert classify(make_doc(report)).type == "rapport"
    letter = (
        "Melding overlast\n\nGeachte heer, mevrouw,\n\nIk woon sinds twee jaar aan de Kade. "
        "Mijn buren draaien elke nacht harde muziek.\n\nMet vriendelijke groet,\n\nP. Bos\n"
    )
    assert classify(make_doc(letter)).type == "brief"


def test_chat_export() -> None:
    chat = "[09:01] Bos, Tim\nhoi\n\n[09:02] Smit, An\nhallo\n\n[09:05] Bos, Tim\nok\n"
    assert chat_export(make_doc(chat), chat)
    assert classify(make_doc(chat)).type == "other"
    whatsapp = "12-03-2024 10:02 - Jan: hoi\n12-03-2024 10:03 - Piet: ja\n12-03-2024 10:04 - Jan: ok\n"
    assert chat_export(make_doc(whatsapp), whatsapp)
    mail = "Van: A\nVerzonden: 12-03-2024 10:02\nAan: B\n\nTekst om 10:02 en 10:05.\n"
    assert not chat_export(make_doc(mail), mail)


def test_slide_layout_and_numbered_agenda() -> None:
    slides = (
        "Programma Werk\nStand van zaken\n- 412 gestart\n- 38% aan het werk\nWat gaat goed\n"
        "- Werkgevers\n- Korte lijnen\nKnelpunten\n- Vervoer\nVragen?\n"
    )
    assert slide_layout(make_doc(slides), slides)
    assert classify(make_doc(slides)).type == "presentatie"
    agenda = "".join(f"{i}. Punt {i}\n" for i in range(1, 10))
    assert not slide_layout(make_doc(agenda), agenda)


@pytest.mark.parametrize(
    "expected, text",
    [
        (
            "agenda",
            "Waterschap Ergens\n\nOproep en agenda voor de vergadering van het bestuur\n\n"
            "1. Opening\n2. Verslag van de vergadering van 20 maart 2024\n3. Rondvraag\n"
            "4. Sluiting\n",
        ),
        (
            "besluitenlijst",
            "Openbare besluitenlijst van het college van Ergens\nDatum vergadering: 3 maart 2024\n"
            "Aanwezig: het college\n\n1. Subsidie\nBesluit: vastgesteld.\n",
        ),
        (
            "verslag",
            "Terugkoppeling overleg ketenpartners\n12 maart 2024\n\nDeelnemers: gemeente, GGD\n\n"
            "1. Casussen\nAfgesproken: de GGD belt.\nAfgesproken: de gemeente zoekt een locatie.\n",
        ),
        (
            "besluit",
            "GEMEENTEBLAD\n\nBeleidsregels bijzondere bijstand Ergens 2024\n\n"
            "Het college van burgemeester en wethouders van Ergens;\n\ngelet op artikel 4:81 Awb;\n\n"
            "besluit vast te stellen de volgende beleidsregels:\n\nArtikel 1\nx\n",
        ),
        ("jaarverslag", "Jaarrapportage klachten 2023\nProvincie Ergens\n\nIn 2023 kwamen er 64.\n"),
        ("rapport", "Voortgangsrapportage jeugdhulp\n\nPeriode: januari tot juni\n\nHet gaat goed.\n"),
    ],
)
def test_round5_title_and_structure_cues(expected: str, text: str) -> None:
    result = classify(make_doc(text))
    assert result.type == expected, result.scores


def test_signature_is_no_governing_body_preamble() -> None:
    """'De minister van X,' above a signature is no 'aanhef' of a regulation."""
    text = "Geachte college,\n\nTekst.\n\nHoogachtend,\n\nde minister van Financiën,\n\nA. Bos\n"
    assert "besluit" not in classify(make_doc(text)).scores


def test_mail_thread_is_no_form() -> None:
    block = "Van: A\nVerzonden: 1 maart 2024\nAan: B\nOnderwerp: x\n\nOk.\n\n"
    thread = block * 4
    assert not form_layout(make_doc(thread), thread)


def test_woo_decision_is_no_individual_benefit_decision() -> None:
    text = (
        "Datum: 1 mei 2024\nBetreft: uw Woo-verzoek\n\nGeachte heer Smit,\n\nU vroeg om documenten.\n"
        "Bent u het niet eens met dit besluit? Dan kunt u binnen zes weken bezwaar maken.\n"
    )
    assert not personal_decision(make_doc(text), text)


@pytest.mark.parametrize(
    "expected, text",
    [
        (
            "nota",
            "Collegevoorstel\n\nOnderwerp: fietsagenda\nDatum: 1 maart 2024\n\nBeslispunten\n"
            "1. Vaststellen.\n\nArgumenten\n1.1 Past in het plan.\n\nKanttekeningen\nGeen.\n",
        ),
        ("jaarplan", "Werkplan 2025\nTeam Toezicht\n\n1. Inleiding\nDit doen wij in 2025.\n"),
        (
            "besluit",
            "Gemeente X\n\nDe heer T. Post\n\nOnderwerp: uw verzoek om informatie\n\n"
            "Geachte heer Post,\n\nUw verzoek valt onder de Wet open overheid. Wij maken de "
            "documenten openbaar.\n\nBent u het niet eens met dit besluit? Dan kunt u binnen "
            "zes weken bezwaar maken.\n\nMet vriendelijke groet,\n",
        ),
        (
            "beschikking",
            "Provincie X\n\nStichting Y\nt.a.v. het bestuur\n\nOnderwerp: subsidie\n\n"
            "Geacht bestuur,\n\nWij verlenen u een subsidie van € 1.000.\n\nAls u het niet eens "
            "bent met dit besluit, kunt u binnen zes weken een bezwaarschrift indienen.\n\n"
            "Hoogachtend,\n",
        ),
    ],
)
def test_round6_cues(expected: str, text: str) -> None:
    result = classify(make_doc(text))
    assert result.type == expected, result.scores


def test_werkplan_needs_a_year() -> None:
    text = "Werkplan\n\nWij gaan aan de slag.\n"
    assert "jaarplan" not in classify(make_doc(text)).scores


def test_citizens_objection_quoting_the_clause_is_a_brief() -> None:
    text = (
        "P. de Wit\nLindelaan 4\n\nGemeente Ergens\nPostbus 1\n\nErgens, 3 maart 2024\n\n"
        "Onderwerp: bezwaar\n\nGeachte heer, mevrouw,\n\nIk ben het niet eens met het besluit van "
        "1 februari. In uw brief staat dat ik binnen zes weken bezwaar kan maken. Hierbij maak ik "
        "bezwaar tegen dat besluit.\n\nMet vriendelijke groet,\n\nP. de Wit\n"
    )
    assert not personal_decision(make_doc(text), text)
    result = classify(make_doc(text))
    assert result.type == "brief", result.scores
    assert "beschikking" not in result.scores


@pytest.mark.parametrize(
    "expected, text",
    [
        (
            "beschikking",
            "Gemeente X\nParkeren\n\nNAHEFFINGSAANSLAG PARKEERBELASTING\n\nAanslagnummer: 1\n"
            "Dagtekening: 21-08-2024\n\nU heeft geen parkeerbelasting betaald. U betaalt € 79.\n"
            "Betaal uw aanslag binnen een maand.\n\nBent u het niet eens met deze "
            "naheffingsaanslag? U kunt binnen zes weken bezwaar maken.\n",
        ),
        (
            "beschikking",
            "UWV\n\nMevrouw S. Bulut\n\nBeslissing over uw Ziektewet-uitkering\n\n"
            "Beste mevrouw Bulut,\n\nDaarom stopt uw uitkering op 27 februari 2024.\n\n"
            "Bent u het niet eens met deze beslissing?\nDan kunt u bezwaar maken. Dit moet binnen "
            "6 weken na de datum van deze brief.\n\nMet vriendelijke groet,\n\nUWV\n",
        ),
        (
            "convenant",
            "Prestatieafspraken 2024-2027\n\nPartijen:\n1. de gemeente;\n2. de corporatie;\n\n"
            "spreken het volgende af:\n\n1. Nieuwbouw\nx\n\nOndertekend te Groningen op 1 mei 2024.\n",
        ),
        ("jaarverslag", "De Nationale ombudsman\n\nVerslag over 2023\n\nVoorwoord\nIn 2023 x.\n"),
        (
            "nota",
            "Beslisnota bij Kamerbrief over x\n\nAan: Minister\nVan: Directie Y\nDatum: 1 mei 2024\n\n"
            "1. Aanleiding\nx\n\n3. Kernpunten\n- y\n",
        ),
        (
            "presentatie",
            "Energie in de wijk\nInformatieavond\n\fWaarom?\nKlimaat\n\fWat doen we?\nWarmtenet\n"
            "\fWat betekent dit?\nAdvies aan huis\n\fVragen en discussie\n",
        ),
    ],
)
def test_round7_cues(expected: str, text: str) -> None:
    result = classify(make_doc(text))
    assert result.type == expected, result.scores


def test_advice_line_on_a_later_slide_is_no_advice_title() -> None:
    from wooflow.understand.classify import fired_cues

    text = "Energie\nAvond\n\fWaarom?\nKlimaat\n\fAdvies aan huis\nGratis\n"
    labels = [c.label for c in fired_cues(make_doc(text))]
    assert "woord 'Advies' in de titel" not in labels


def test_appeal_on_a_decision_on_objection_is_no_objection_clause() -> None:
    text = (
        "Geachte heer Smit,\n\nBeslissing op uw bezwaar. Tegen deze beslissing op bezwaar kunt u "
        "binnen zes weken beroep instellen bij de rechtbank.\n"
    )
    assert not personal_decision(make_doc(text), text)


@pytest.mark.parametrize(
    "expected, text",
    [
        (
            "agenda",
            "Commissie Bestuur\n\nDatum: 16 september 2024\nTijd: 19.30 uur\n\n1. Opening\n"
            "2. Vaststelling van de agenda\n3. Raadsvoorstel begroting\n4. Sluiting\n",
        ),
        (
            "email",
            "Onderwerp: RE: planning\nDatum: 3 oktober 2023 om 15:10\nVan: d@x.nl\nAan: e@y.nl\n\n"
            "Dank.\n\n> Op 2 oktober 2023 om 11:04 schreef e@y.nl:\n> Kan het later?\n",
        ),
        (
            "beschikking",
            "Gemeente X\n\nKinderdagverblijf Y\nt.a.v. de directie\n\nBetreft: aanwijzing\n\n"
            "Geachte directie,\n\nBesluit\nWij geven u een aanwijzing: u moet binnen vier weken "
            "voldoen aan de ratio.\n\nBezwaar\nTegen dit besluit kunt u binnen zes weken bezwaar "
            "maken.\n\nHoogachtend,\n",
        ),
        (
            "kamerbrief",
            "De Voorzitter van de Tweede Kamer\nder Staten-Generaal\n\nBetreft: reactie\n"
            "Ons kenmerk 1\n\nGeachte voorzitter,\n\nDe vaste commissie voor VWS vroeg mij te "
            "reageren op het\nrapport van de NZa.\n\nHoogachtend,\n",
        ),
        (
            "rapport",
            "Ombudsman X\n\nOnderzoek op eigen initiatief\n\nWachten op een woning\n\n"
            "Rapportnummer: RA1\n\nAanbevelingen\n1. Informeer.\n",
        ),
    ],
)
def test_round8_cues(expected: str, text: str) -> None:
    result = classify(make_doc(text))
    assert result.type == expected, result.scores


def test_minutes_with_text_under_items_are_no_bare_agenda() -> None:
    text = (
        "MT-overleg\n\nAanwezig: A, B\n\n1. Opening\nDe voorzitter opent.\n\n2. Begroting\n"
        "Besproken is de begroting.\nActie: A\n\n3. Rondvraag\nGeen.\n"
    )
    assert not agenda_list(make_doc(text), text)


def test_wrapped_lowercase_line_is_no_report_title() -> None:
    from wooflow.understand.classify import fired_cues

    text = "Geachte voorzitter,\n\nU vroeg te reageren op het\nrapport van de NZa over wachttijden.\n"
    labels = [c.label for c in fired_cues(make_doc(text))]
    assert "woord 'Rapport/Onderzoek/Evaluatie' in de titel" not in labels


@pytest.mark.parametrize(
    "expected, text",
    [
        (
            "beschikking",
            "Omgevingsdienst X\n\nAanvrager: Bouwbedrijf Y B.V.\nZaaknummer: Z-1\n\nOmgevingsvergunning\n\n"
            "Wij hebben uw aanvraag ontvangen.\n\nBesluit\nWij verlenen de omgevingsvergunning.\n\n"
            "Belanghebbenden kunnen binnen zes weken bezwaar maken.\n",
        ),
        (
            "beschikking",
            "DUO\n\nBesluit over uw studiefinanciering\n\nBeste Noor de Wit,\n\nU krijgt een "
            "basisbeurs van € 302 per maand.\n\nBent u het niet eens met dit besluit?\nDan kunt u "
            "binnen 6 weken bezwaar maken.\n",
        ),
        (
            "other",
            "PERSBERICHT\n\nProvincie investeert in fietspaden\n\nArnhem, 3 juli 2024 - De provincie "
            "investeert 12 miljoen.\n\nNoot voor de redactie\nBel de voorlichter.\n",
        ),
    ],
)
def test_round10_cues(expected: str, text: str) -> None:
    result = classify(make_doc(text))
    assert result.type == expected, result.scores


def test_beste_with_a_first_name_is_one_addressee() -> None:
    text = "Beste Noor,\n\nDan kunt u binnen 6 weken na de datum van deze brief bezwaar maken.\n"
    assert personal_decision(make_doc(text), text)
    plural = "Beste bewoners,\n\nDan kunt u binnen 6 weken na de datum van deze brief bezwaar maken.\n"
    assert not personal_decision(make_doc(plural), plural)


def test_chat_export_is_dated_by_its_first_message() -> None:
    text = (
        'Chatgeschiedenis "Crisisteam" (geëxporteerd 04-10-2023 23:58)\n\n'
        "[03-10-23 21:14:07] Thijs: storing bevestigd\n"
        "[03-10-23 21:15:30] Noor: ik bel de burgemeester\n"
        "[04-10-23 00:02:11] Thijs: opgelost\n"
    )
    assert chat_first_date(text) == date(2023, 10, 3)
    whatsapp = "".join(f"14-08-2024 22:0{k} - Kees: bericht {k}\n" for k in range(3))
    assert chat_first_date(whatsapp) == date(2024, 8, 14)
    signal = "".join(f"[ma 14-08-2023 06:1{k}] Mirte: bericht\n" for k in range(3))
    assert chat_first_date(signal) == date(2023, 8, 14)


def test_one_time_stamp_in_a_letter_is_no_chat() -> None:
    assert chat_first_date("Geachte heer,\n[03-10-23 21:14] zie bijlage\nMet vriendelijke groet") is None
    assert chat_first_date("".join("[31-02-23 10:00] X: y\n" for _ in range(3))) is None
