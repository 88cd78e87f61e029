"""Session 8 (helper 10j): evidence from layout and wording that the blind Woo batches showed
missing: a role word on the line above a name, a title line under a signature, paraaf columns,
addresses of buildings and businesses, where a private person lives, system user names.
All texts are invented."""

from __future__ import annotations

from wooflow.detect import detect_text


def _actions(text: str) -> dict[str, str]:
    return {f.text: f.action for f in detect_text(text)}


def _assert_kept(text: str, *spans: str) -> None:
    found = _actions(text)
    for span in spans:
        assert found.get(span) == "keep", span


def _redacted(text: str) -> set[str]:
    return {f.text for f in detect_text(text) if f.action == "redact"}


def test_role_word_ending_the_line_above_keeps_the_name() -> None:
    text = ("De corporatie kan deze week geen wisselwoning aanbieden. Wethouder\n"
            "Van Rijn-Kooistra heeft gevraagd op de hoogte te blijven.\n")
    assert _actions(text).get("Van Rijn-Kooistra") == "keep"
    # a full stop ends the line above: no role before the name
    ended = text.replace("aanbieden. Wethouder\n", "aanbieden. Wethouder.\n")
    assert _actions(ended).get("Van Rijn-Kooistra") != "keep"


def test_title_line_under_a_signature() -> None:
    text = ("Met vriendelijke groet,\n\nFemke van den Brink\nWoordvoerder\nCBR | Postbus 5301 | 2280 HH Rijswijk\n")
    assert _actions(text).get("Femke van den Brink") == "keep"
    plain = text.replace("Woordvoerder", "Beleidsmedewerker")
    assert _actions(plain).get("Femke van den Brink") == "redact"


def test_burgemeester_abbreviated_and_party_ending_the_line() -> None:
    chat = "31-12-2025 21:05 - Burg. Van der Plas: Ik ben er vanaf 23.00.\n"
    assert "Van der Plas" not in _redacted(chat)
    motion = "Ingediend door:\nM. (Mirjam) Kleijnen, CDA\nR. Bakker, VVD\n"
    found = _actions(motion)
    assert found.get("R. Bakker") == "keep"


def test_paraaf_column_after_a_name() -> None:
    text = ("Paraaf          Naam                     Paraaf   Datum\n"
            "Juridisch adviseur   mr. M. Brzęczek        MB       07-11\n"
            "Afdelingshoofd       H. Dekker-Schouten     HDS      21-01\n"
            "Financiën            O. van 't Hull         OvtH     22-01\n")
    red = _redacted(text)
    assert {"MB", "HDS", "OvtH"} <= red


def test_addresses_of_buildings_businesses_and_blocks_stay_public() -> None:
    text = ("Er is een informatiebijeenkomst in de kantine van het bedrijf aan de Phoenixstraat 14.\n"
            "Al jaren overlast van Café ’t Zwarte Schaap (Peperstraat 23).\n"
            "De dijk wordt versterkt ter hoogte van de Waalbandijk 40-68.\n")
    _assert_kept(text, "Phoenixstraat 14", "Peperstraat 23", "Waalbandijk 40-68")
    own = "De inspecteur bezocht uw bedrijf aan de Haarweg 31 in Goor.\n"
    # 'uw bedrijf': a household's business (its place goes along: 'Haarweg 31 in Goor')
    assert any(r.startswith("Haarweg 31") for r in _redacted(own))


def test_where_a_private_person_lives() -> None:
    text = ("Het artikel noemt de heer Ravi Ramdin uit Almere, die al 14 maanden wacht.\n"
            "Ze zijn vannacht naar haar moeder in Blerick gegaan.\n"
            "Eén omwonende, mevrouw Verhagen van de Meerstraat, schreef een klacht.\n"
            "Mijn buurvrouw van nummer 79 heeft ook gebeld.\n")
    red = _redacted(text)
    assert {"Almere", "Blerick", "Meerstraat", "nummer 79"} <= red


def test_user_name_of_an_export() -> None:
    text = "Export: 04-11-2025 08:52, gebruiker tvdmeulen2, rapport KR-EXP-2025-1041\n"
    assert "tvdmeulen2" in _redacted(text)


def test_given_name_from_a_body() -> None:
    text = "Over het rapport: Gijs van het Ingenieursbureau zegt dat het concept klaar is.\n"
    assert "Gijs" in _redacted(text)
    assert "Van 't Hof" in _redacted("Aanwezig: T. van 't Hof (VNG)\nVerslag: Van 't Hof\n")


def test_office_footer_with_separators_stays_public() -> None:
    text = ("Met vriendelijke groet,\n\nFemke van den Brink\nAdviseur\n"
            "CBR | Lange Kleiweg 30 | 2288 GK Rijswijk\n"
            "Contact: klachten@cjib.nl | Pieter Stuyvesantweg 153 | 8937 AH Leeuwarden | 058 205 04 00\n")
    _assert_kept(text, "Lange Kleiweg 30", "8937 AH Leeuwarden")
