"""OCR-damaged dates and labels, round-5 date rules, and sections beyond the header zone."""

from __future__ import annotations

import datetime as dt

import pytest
from understand_helpers import make_doc

from wooflow.understand import analyze
from wooflow.understand.dates import find_dates, parse_date
from wooflow.understand.lines import MAX_LINES


@pytest.mark.parametrize(
    "text, expected",
    [
        ("l4 maart 2O24", dt.date(2024, 3, 14)),
        ("dinsdag l2 maart 2O24 16:47", dt.date(2024, 3, 12)),
        ("I5-O4-2O24", dt.date(2024, 4, 15)),
        ("3| mei 2o23", dt.date(2023, 5, 31)),
        ("12 rnaart 2024", dt.date(2024, 3, 12)),
        ("1 decernber 2023", dt.date(2023, 12, 1)),
    ],
)
def test_ocr_confusions_inside_dates(text: str, expected: dt.date) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    "text",
    ["Hotel Lola 2O24", "in 2O24", "Kamer 2O24 nr l2", "lO maart", "Ol-l3-2024", "Iol 2024"],
)
def test_ocr_repair_only_when_a_valid_date_results(text: str) -> None:
    assert find_dates(text) == []


def test_ocr_repair_keeps_offsets() -> None:
    text = "Datum: l4 maart 2O24."
    (hit,) = find_dates(text)
    assert text[hit.start : hit.end] == "l4 maart 2O24"


def test_letters_inside_words_are_not_digits() -> None:
    # "l" and "O" inside a word stay letters: "Hotel 12 maart 2024" is 12 March, not 112.
    (hit,) = find_dates("Hotel 12 maart 2024")
    assert hit.date == dt.date(2024, 3, 12) and hit.start == 6


def test_ocr_misread_labels_are_fields() -> None:
    text = "Gemeente X\n\nDaturn: l4 maart 2O24\nKenrnerk: BB/2024/0412\nBetreft: aanvraag\n\nTekst.\n"
    info = analyze(make_doc(text))
    assert info.date == "2024-03-14"
    assert info.kenmerk == "BB/2024/0412"


def test_meeting_date_from_title_block_not_next_meeting() -> None:
    text = (
        "Verslag overleg ketenpartners\n12 maart 2024, gemeentehuis\n\nAanwezig: A, B\n\n"
        "1. Opening\nWelkom.\n\n2. Sluiting\nHet volgende overleg is op 9 april 2024.\n"
    )
    assert analyze(make_doc(text)).date == "2024-03-12"


def test_next_meeting_is_skipped_for_the_meeting_date() -> None:
    text = (
        "Verslag\n\nBestuursoverleg\nLocatie: stadhuis\nAanwezig: A, B\n\n1. Opening\nWelkom.\n\n"
        "Het volgende overleg is op 9 april 2024.\nDe vergadering werd gehouden op 12 maart 2024.\n"
    )
    assert analyze(make_doc(text)).date == "2024-03-12"


def test_adopted_in_meeting_of() -> None:
    text = "Beleidsregels X\n\nArtikel 1\nx\n\nAldus vastgesteld in de vergadering van 16 januari 2024.\n"
    assert analyze(make_doc(text)).date == "2024-01-16"


def test_received_date_of_a_form() -> None:
    text = "Melding openbare ruimte\n\nMeldingnummer: MOR-1\nOntvangen op: 22-05-2024 08:41\nLocatie: x\n"
    info = analyze(make_doc(text))
    assert info.date == "2024-05-22"
    assert info.zaaknummer == "MOR-1"


def test_datum_beats_received_stamp() -> None:
    text = "Ontvangen op: 3 april 2024\n\nGemeente X\nDatum: 28 maart 2024\nBetreft: y\n\nTekst.\n"
    assert analyze(make_doc(text)).date == "2024-03-28"


def test_overleg_line_date_on_a_cover() -> None:
    text = "Programma Werk\nStand van zaken\nBestuurlijk overleg 3 oktober 2024\n\f- a\n- b\n"
    assert analyze(make_doc(text)).date == "2024-10-03"


def test_aanslagnummer_is_the_kenmerk() -> None:
    text = "Belastingdienst\n\nDagtekening 6 december 2023\nAanslagnummer 1234.56.782.T.42.0001\n\nx\n"
    assert analyze(make_doc(text)).kenmerk == "1234.56.782.T.42.0001"


def test_sections_beyond_the_header_zone() -> None:
    filler = "Een gewone zin in de lopende tekst van het rapport.\n" * (MAX_LINES + 500)
    text = "Rapport\n\nSamenvatting\nKort.\n\n" + filler + "\nConclusies\nKlaar.\n"
    heads = [s["heading"] for s in analyze(make_doc(text)).structure["sections"]]
    assert heads[0] == "Samenvatting"
    assert heads[-1] == "Conclusies"


def test_sender_on_behalf_of_the_college_under_the_closing() -> None:
    text = (
        "Gemeente X\n\nGeachte mevrouw Bos,\n\nTekst.\n\nMet vriendelijke groet,\n"
        "namens het college van burgemeester en wethouders van Deventer,\n\nM. Hoek\nconsulent\n"
    )
    assert analyze(make_doc(text)).sender == (
        "het college van burgemeester en wethouders van Deventer"
    )


def test_sender_collective_body_above_its_officers() -> None:
    text = (
        "Beleidsregels X\n\nArtikel 1\nx\n\nBurgemeester en wethouders van Apeldoorn,\n"
        "de secretaris,                    de burgemeester,\n"
    )
    assert analyze(make_doc(text)).sender == "Burgemeester en wethouders van Apeldoorn"


def test_addressee_minister_is_not_the_sender() -> None:
    text = (
        "Autoriteit X\n\nDe Minister van Justitie en Veiligheid\nPostbus 1\n\nDatum: 6 juni 2024\n"
        "Onderwerp: Advies over y\n\nGeachte heer Van Weel,\n\nTekst.\n\nHoogachtend,\n"
        "Autoriteit X,\n\nmr. A. Wolf\n"
    )
    assert analyze(make_doc(text)).sender == "Autoriteit X"


def test_mandate_sentence_is_no_on_behalf_signature() -> None:
    text = (
        "Mandaatbesluit X 2024\n\nDe Minister van Financiën,\n\nBesluit:\n\nArtikel 1\n"
        "De directeur-generaal van de Dienst wordt mandaat verleend om\n"
        "namens de minister te beslissen op verzoeken om informatie op grond van de Woo,\n"
        "voor zover die de dienst betreffen.\n\nDe Minister van Financiën,\nnamens deze,\n"
        "de secretaris-generaal,\n\nA. Bos\n"
    )
    assert analyze(make_doc(text)).sender == "De Minister van Financiën"


def test_genre_title_beats_letterhead_and_date_line_is_no_continuation() -> None:
    text = "Auditdienst Rijk\n\nAuditrapport informatiebeveiliging 2023\n\nInhoud\n1. Inleiding\n"
    assert analyze(make_doc(text)).title == "Auditrapport informatiebeveiliging 2023"
    agenda = (
        "Waterschap X\n\nOproep en agenda voor de vergadering van het bestuur\n"
        "woensdag 15 mei 2024, 14.00 uur\n\n1. Opening\n"
    )
    assert analyze(make_doc(agenda)).title == "Oproep en agenda voor de vergadering van het bestuur"


def test_body_signing_above_a_name_at_the_end() -> None:
    text = "Agenda\n\n1. Opening\n2. Sluiting\n\nDe dijkgraaf,\nTamara Eggink\n"
    assert analyze(make_doc(text)).sender == "De dijkgraaf"
    text = "Advies\n\nDe commissie adviseert x.\n\nDe commissie bezwaarschriften,\n\nmr. E.J. Dekker, voorzitter\n"
    assert analyze(make_doc(text)).sender == "De commissie bezwaarschriften"
    # a sentence broken at a comma in the body is no signature
    text = "Verslag\n\nDe gemeente heeft,\nGelet op de stukken, besloten.\n\n" + "Tekst.\n" * 80
    assert analyze(make_doc(text)).sender is None


def test_besluit_van_title_below_a_publication_header_gives_kenmerk() -> None:
    text = (
        "PROVINCIAAL BLAD\nOfficiële uitgave van de provincie Utrecht\n\n"
        "Besluit van Gedeputeerde Staten van Utrecht van 5 maart 2024, nr. 829EA5F3, tot aanwijzing\n"
        "van de Lekdijk\n\nGedeputeerde Staten van Utrecht,\n\ngelet op x;\n\nbesluiten:\n"
    )
    info = analyze(make_doc(text))
    assert info.kenmerk == "829EA5F3"
    assert info.date == "2024-03-05"


def test_organisation_lines_are_no_titles() -> None:
    text = "Rekenkamer Eindhoven\n\nGrip op het sociaal domein\nOnderzoek naar de sturing\n\nx.\n"
    assert analyze(make_doc(text)).title == "Grip op het sociaal domein"


def test_ministry_name_over_two_signature_lines() -> None:
    text = (
        "Geachte voorzitter,\n\nTekst.\n\nHoogachtend,\n\nde staatssecretaris van Volksgezondheid,\n"
        "Welzijn en Sport,\n\nM. van Ooijen\n"
    )
    assert analyze(make_doc(text)).sender == (
        "de staatssecretaris van Volksgezondheid, Welzijn en Sport"
    )
    text = (
        "Geachte voorzitter,\n\nTekst.\n\nDe minister van Binnenlandse Zaken en\n"
        "Koninkrijksrelaties,\n\nH. de Jonge\n"
    )
    assert analyze(make_doc(text)).sender == (
        "De minister van Binnenlandse Zaken en Koninkrijksrelaties"
    )


def test_unit_and_address_lines_are_no_titles() -> None:
    text = (
        "Gemeente X\nTeam Inkomen\n\nMevrouw F. Yilmaz\nTarweweg 20\n6534 AM Nijmegen\n\n"
        "Datum: 6 juni 2024\n\nUw aanvraag Participatiewet\n\nGeachte mevrouw Yilmaz,\n\nx\n"
    )
    assert analyze(make_doc(text)).title == "Uw aanvraag Participatiewet"


def test_a_list_of_case_numbers_gives_no_zaaknummer() -> None:
    text = "Overzicht\n\nZ-2023-00112\tParkpop\nZ-2023-00139\tSubsidie\n"
    assert analyze(make_doc(text)).zaaknummer is None
    assert analyze(make_doc("Brief\n\nOns zaaknummer staat hier: Z-2023-00112.\n")).zaaknummer == (
        "Z-2023-00112"
    )


def test_slide_deck_date_from_its_title_block() -> None:
    text = (
        "Programma X\nVoortgang\nBestuurlijk Overleg VNG, 4 juni 2024\n\f• 66 proeftuinen\n"
        "• 2 miljard\n\fLessen\n• Bewoners betrekken\n• Regie\n\fVervolg\n• Wet\n• Ronde 2025\n"
    )
    info = analyze(make_doc(text))
    assert info.type == "presentatie"
    assert info.date == "2024-06-04"


def test_press_release_dateline_title_and_signed_without_place() -> None:
    text = (
        "PERSBERICHT\n\nProvincie investeert 12 miljoen in snelfietspaden\n\n"
        "Arnhem, 3 juli 2024 - De provincie investeert in drie routes.\n"
    )
    info = analyze(make_doc(text))
    assert info.date == "2024-07-03"
    assert info.title == "Provincie investeert 12 miljoen in snelfietspaden"
    text = "CONVENANT X\n\nPartijen\n\nAldus overeengekomen en in viervoud ondertekend op 2 februari 2024.\n"
    assert analyze(make_doc(text)).date == "2024-02-02"


def test_sentence_starting_with_the_authority_is_no_signature() -> None:
    text = (
        "Omgevingsvergunning\n\nBurgemeester en wethouders van Gouda hebben op 12 februari 2024 "
        "uw aanvraag ontvangen voor het\nbouwen van zes appartementen.\n"
    )
    assert analyze(make_doc(text)).sender is None


def test_wrapped_first_paragraph_is_no_title() -> None:
    text = (
        "No. W04.23.00187/I\n's-Gravenhage, 6 december 2023\n\n"
        "Bij Kabinetsmissive van 14 september 2023, no.2023001912, heeft Uwe Majesteit, op voordracht van\n"
        "de Minister bij de Afdeling advisering aanhangig gemaakt het voorstel van wet.\n"
    )
    assert analyze(make_doc(text)).title is None


def test_year_range_is_no_house_number() -> None:
    text = "Prestatieafspraken 2024-2027\ngemeente X en corporatie Y\n\nPartijen spreken af.\n"
    assert analyze(make_doc(text)).title.startswith("Prestatieafspraken 2024-2027")
