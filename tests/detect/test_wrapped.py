"""A name wrapped over two lines of a paragraph is read as one name; headings, short lines and
table rows keep their line ends."""

from __future__ import annotations

from wooflow.detect.detector import detect_text
from wooflow.detect.wrapped import soften

PARA = (
    "Over de Kamervragen over wachtlijsten is overleg gevoerd met Zorginstituut Nederland. Iris Kok neemt\n"
    "contact op met de betrokken partijen en stuurt voor het eind van de week een voorstel rond. Volgens Koen\n"
    "Brouwer is de planning haalbaar, mits de financiering rond is. Het lid Eerdmans heeft in het debat\n"
    "toegezegd de Kamer voor de zomer te informeren over de voortgang van het programma en de kosten.\n"
)


def test_a_name_wrapped_in_a_paragraph_is_joined_with_the_same_offsets() -> None:
    shadow = soften(PARA)
    assert len(shadow) == len(PARA)
    assert "Volgens Koen Brouwer is" in shadow
    # only that line end: the others are not inside a name
    assert sum(a != b for a, b in zip(PARA, shadow, strict=True)) == 1


def test_the_wrapped_name_is_one_redacted_finding_with_the_original_text() -> None:
    found = [f for f in detect_text(PARA) if f.category == "person" and f.action == "redact"]
    assert "Koen\nBrouwer" in [f.text for f in found]
    assert not [f for f in found if f.text == "Koen"]


def test_an_initial_and_particle_at_the_line_end_join_the_surname() -> None:
    text = (
        "Namens de vereniging van omwonenden en een aantal andere bezwaarmakers. De heer R. van\n"
        "Leeuwen verklaart geen familie te zijn van de eigenaar van het perceel aan de dijk, en vraagt\n"
        "om een nieuwe meting van het geluid bij de woningen aan de noordzijde van het gebied.\n"
    )
    assert "R. van Leeuwen verklaart" in soften(text)


def test_a_heading_before_a_paragraph_keeps_its_line_end() -> None:
    text = (
        "3. Voortgang Koepelhal en Burgemeester Brokxlaan\n"
        "Raaijmakers licht de planning toe. De herinrichting van de Burgemeester Brokxlaan loopt drie\n"
        "maanden uit door een vondst van vervuilde grond bij de oude Wagenmakerij, zo meldt de projectleider.\n"
    )
    assert soften(text) == text


def test_short_lines_and_table_rows_keep_their_line_ends() -> None:
    letter = "Met vriendelijke groet,\nJan Jansen\nBeleidsmedewerker\n"
    table = (
        "Naam melder          Pieter Hendriks        Datum melding 12-03-2024 Koen\n"
        "Brouwer is de behandelaar van dit dossier en neemt contact op met de melder.\n"
    )
    assert soften(letter) == letter
    assert soften(table) == table


def test_a_surname_with_a_particle_opens_the_next_line() -> None:
    from wooflow.detect import detect_text

    line = "Over het debat over de zorgpremie is overleg gevoerd met Zorginstituut Nederland. Yasmina van Dijk neemt\n"
    text = (line + "contact op met de betrokken partijen en stuurt voor het eind van de week een voorstel rond. Volgens Thijs\n"
            "van Dijk is de planning haalbaar, mits de financiering rond is. Het lid Dijk (SP) heeft in het debat gevraagd\n"
            "of de planning haalbaar is en wat de gevolgen zijn voor de regio en de uitvoering van de regeling in 2027.\n")
    red = {f.text for f in detect_text(text) if f.action == "redact" and f.category == "person"}
    assert "Thijs\nvan Dijk" in red
