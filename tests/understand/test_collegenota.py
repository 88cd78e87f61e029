"""A collegenota: typed nota by its title, written by the unit in its header, and the head of
its decision ("Het college besluit:") is no signature."""

from __future__ import annotations

from understand_helpers import make_doc

from wooflow.understand import analyze

NOTA = """Collegenota gemeente Zwolle

Onderwerp:           Verlenging pilot deelscooters
Registratienummer:   2025/0042117
Datum vergadering:   14 januari 2025
Portefeuillehouder:  wethouder R. Bosman
Afdeling:            Mobiliteit en Openbare Ruimte

1. Besluitpunten
Het college besluit:
1. de pilot met een jaar te verlengen;
2. de raad te informeren.

2. Toelichting
De pilot loopt sinds maart en heeft 4.000 gebruikers.
"""


def test_collegenota_is_a_nota_by_its_unit() -> None:
    info = analyze(make_doc(NOTA))
    assert info.type == "nota"
    assert info.sender == "Mobiliteit en Openbare Ruimte"
    assert info.kenmerk == "2025/0042117"


def test_decision_head_is_no_signature() -> None:
    letter = "Geachte heer,\n\nWij hebben uw verzoek ontvangen.\n\nHet college besluit:\n1. toe te kennen.\n"
    assert analyze(make_doc(letter)).sender is None
