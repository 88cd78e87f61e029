"""Where a private person lives, written without a full address (address.residences): the
place must be attached to a person (a name or a reference to one person), not just be a place."""

from __future__ import annotations

import pytest

from wooflow.detect.recognizers import address
from wooflow.detect.recognizers.base import Starts


def _found(text: str, *names: str) -> list[str]:
    spans = Starts(sorted((text.find(n), text.find(n) + len(n)) for n in names))
    return [f.text for f in address.residences(text, spans)]


@pytest.mark.parametrize("text, place", [
    ("Gisteren is een 15-jarige jongen uit Lemmer aangehouden.", "Lemmer"),
    ("Er is een jongen van 14 uit\nHarderwijk naar huis gebracht.", "Harderwijk"),
    ("Zijn vrouw Magda is uit Kraków overgekomen.", "Kraków"),
    ("Hij woont bij zijn vader in Willemstad.", "Willemstad"),
    ("Contacten: de klas en oma in Dalfsen die chemo krijgt.", "Dalfsen"),
    ("Een inwoner uit Ommen belde over de geluidsoverlast.", "Ommen"),
])
def test_place_after_a_person_reference(text: str, place: str) -> None:
    assert _found(text) == [place]


def test_place_attached_to_a_named_person() -> None:
    text = "Bekend: Kevin Smeets (2003, Brunssum). En Lies Kok (bloemen, Urk). Piet Dam, woont aan de Havenstraat."
    assert _found(text, "Kevin Smeets", "Lies Kok", "Piet Dam") == ["Brunssum", "Urk", "Havenstraat"]


def test_wrapped_line_between_name_and_place() -> None:
    text = "Hij woont bij zijn vriendin, Sara Aziz,\nin Zoetermeer."
    assert _found(text, "Sara Aziz") == ["Zoetermeer"]


@pytest.mark.parametrize("text", [
    "Inwoners uit Lemmer kunnen zich melden bij het wijkteam.",  # a group, not a person
    "In document 4 staat dat een bewoner van de huidige locatie in Joure is opgenomen.",  # the site's place
    "De brand in Lemmer is onder controle; de weg uit Harderwijk is open.",  # policy text
])
def test_place_not_attached_to_a_person_stays(text: str) -> None:
    assert _found(text) == []


@pytest.mark.parametrize("text, number", [
    ("Haar buurvrouw, mevrouw K. Bos (nr. 41), heeft dezelfde klachten.", "nr. 41"),
    ("Mijn buurman meneer Dekker op\nnummer 12 heeft ook gebeld.", "nummer 12"),
    ("De eigenaar van nummer 7, P. Smit, heeft schade gemeld.", "nummer 7"),
])
def test_neighbours_number_across_initials_and_a_line_end(text: str, number: str) -> None:
    assert _found(text) == [number]


def test_street_in_a_register_cell_after_a_name() -> None:
    text = "14  02-04-2026  klacht J. Kramer, Lindelaan  deels openbaar\n"
    assert _found(text, "J. Kramer") == ["Lindelaan"]


def test_one_resident_with_street_and_place() -> None:
    text = "Aanwezig:\nKees Mulder          bewoner Molendijk, Ochten\n\n5. Bewoners Molendijk. Mulder vraagt"
    assert _found(text) == ["Molendijk", "Ochten"]  # not the plural heading: a group names no household


def test_home_address_takes_its_place_after_in() -> None:
    found = address.AddressRecognizer().analyze("Ze woont aan de Molenweg 31 in Kolhorn, vlak bij de zwemplek.")
    assert [(f.text, f.action) for f in found] == [("Molenweg 31 in Kolhorn", "redact")]
