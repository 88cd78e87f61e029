"""Unit tests per recognizer: checksums, notations, sidecodes, mailboxes."""

from __future__ import annotations

import re

import pytest

from wooflow.detect.recognizers import REGISTRY
from wooflow.detect.recognizers.bsn import BsnRecognizer, elfproef
from wooflow.detect.recognizers.email import EmailRecognizer, is_functional, name_from_local
from wooflow.detect.recognizers.iban import IbanRecognizer, iban_valid
from wooflow.detect.recognizers.phone import PhoneRecognizer
from wooflow.detect.recognizers.plate import SIDECODES, PlateRecognizer


def _texts(findings, action="redact"):
    return [f.text for f in findings if f.action == action]


@pytest.mark.parametrize("bsn,ok", [("111222333", True), ("123456782", True), ("123456789", False),
                                    ("000000000", False), ("1234567", False)])
def test_elfproef(bsn: str, ok: bool) -> None:
    # 8 digits count with a leading zero, as BSNs printed without it do.
    assert elfproef(bsn) is ok


def test_bsn_recognizer_context_and_checksum() -> None:
    r = BsnRecognizer()
    found = r.analyze("BSN 111.222.333 en kenmerk 123456782, nummer 123456789.")
    assert [f.text for f in found] == ["111.222.333"]
    assert found[0].ground == "5.1.1e" and found[0].score > 0.9


@pytest.mark.parametrize("iban,ok", [("NL91ABNA0417164300", True), ("NL91 ABNA 0417 1643 00", True),
                                     ("NL91ABNA0417164301", False), ("DE89370400440532013000", True),
                                     ("GB82WEST12345698765432", True), ("NL12ABNA12", False)])
def test_iban_mod97(iban: str, ok: bool) -> None:
    assert iban_valid(iban) is ok


def test_iban_recognizer_trims_trailing_word() -> None:
    text = "Rekening NL91 ABNA 0417 1643 00 TNV Jansen"
    assert _texts(IbanRecognizer().analyze(text)) == ["NL91 ABNA 0417 1643 00"]


@pytest.mark.parametrize("number", ["070 123 4567", "06-12345678", "+31 (0)6 2345 6789", "0612 345 678",
                                    "+31612345678", "0031-6-41414141", "(070) 8176151", "020 - 555 5823",
                                    "06 87 65 43 21", "+48 601 234 567", "06 – 18 42 70 63", "06–41 28 90 37"])
def test_phone_notations_redacted(number: str) -> None:
    found = PhoneRecognizer().analyze(f"Bel mij op {number} graag.")
    assert _texts(found) == [number]


@pytest.mark.parametrize("number", ["14 038", "14020", "0800-8051", "0900 1234567"])
def test_general_numbers_kept(number: str) -> None:
    found = PhoneRecognizer().analyze(f"Bel {number} voor informatie.")
    assert _texts(found, "keep") == [number]


def test_phone_does_not_eat_dates_or_amounts() -> None:
    text = "Op 22-03-2021 kostte het € 1.234.567,00; zaak 2024-0001234."
    assert PhoneRecognizer().analyze(text) == []


@pytest.mark.parametrize("code", SIDECODES)
def test_all_plate_sidecodes(code: str) -> None:
    letters = iter("GJKLNPRSTXZBDF")
    plate = "".join(next(letters) if c == "X" else ("7" if c == "9" else "-") for c in code)
    found = PlateRecognizer().analyze(f"Voertuig {plate} stond er.")
    assert _texts(found) == [plate]


def test_plate_without_dashes_needs_context() -> None:
    assert PlateRecognizer().analyze("Code GJ479K is fout.") == []
    assert _texts(PlateRecognizer().analyze("kenteken GJ479K")) == ["GJ479K"]


def test_email_local_part_only_for_organisation_domain() -> None:
    found = EmailRecognizer().analyze("s.kuipers@minvws.nl en a.b@gmail.com en woo-verzoeken@minvws.nl")
    assert _texts(found) == ["s.kuipers", "a.b@gmail.com"]
    assert _texts(found, "keep") == ["woo-verzoeken@minvws.nl"]


@pytest.mark.parametrize("local,functional", [("info", True), ("griffie", True), ("noreply", True),
                                              ("secretariaat", True), ("postbus", True),
                                              ("functioneelbeheer", True), ("s.kuipers", False),
                                              ("jan.jansen", False), ("rwiersma", False)])
def test_functional_mailboxes(local: str, functional: bool) -> None:
    assert is_functional(local) is functional


def test_name_from_local_part() -> None:
    assert name_from_local("sanne.kuipers") == ("Sanne", "Kuipers")
    assert name_from_local("s.kuipers") == ("S", "Kuipers")
    assert name_from_local("info") == (None, None)


@pytest.mark.parametrize("name,cls", sorted(REGISTRY.items()))
def test_recognizers_declare_themselves(name: str, cls: type) -> None:
    """Presidio-style declaration: entities, category, ground and at least one pattern."""
    assert cls.NAME == name and cls.ENTITIES and cls.CATEGORY and cls.PATTERNS
    assert cls.GROUND is None or re.fullmatch(r"5\.\d\.\d[a-i]?", cls.GROUND)
    for p in cls.PATTERNS:
        re.compile(p)


@pytest.mark.parametrize("text", [
    "Het contactonderzoek is afgerond en er zijn geen nieuwe besmettingen gevonden.",
    "Bij de bewoners is geen tuberculose vastgesteld.",
])
def test_negated_health_statement_is_not_flagged(text: str) -> None:
    from wooflow.detect.recognizers.special_category import SpecialCategoryRecognizer

    assert SpecialCategoryRecognizer().analyze(text) == []


def test_legionella_in_water_pipes_is_no_health_data() -> None:
    from wooflow.detect.recognizers.special_category import SpecialCategoryRecognizer

    assert SpecialCategoryRecognizer().analyze("Zijn de douches al gecontroleerd op legionella?") == []


@pytest.mark.parametrize(("text", "ground"), [
    ("Hij vertelde dat zijn zoon een huurachterstand van drie maanden heeft.", "5.1.2e"),
    ("Uit de vragenlijst blijkt dat zij eerder is veroordeeld voor oplichting.", "5.1.2e"),
    ("Zij vertelde dat haar man sinds januari aan de dialyse moet.", "5.1.1d"),
])
def test_special_statement_ground_follows_its_kind(text: str, ground: str) -> None:
    """Financial situation and criminal records are withheld under 5.1.2e, health under 5.1.1d."""
    from wooflow.detect.recognizers.special_category import SpecialCategoryRecognizer

    found = SpecialCategoryRecognizer().analyze(text)
    assert [f.ground for f in found] == [ground]
    assert found[0].text.startswith(("zijn zoon", "zij eerder", "haar man"))


@pytest.mark.parametrize("text,number", [
    ("Mw. Mathoera toonde een Nederlands paspoort (NWP84R1J7).", "NWP84R1J7"),
    ("legitimeerde zich met een Pools identiteitsbewijs (nr. CGZ 412877).", "CGZ 412877"),
    ("Legitimatie:     identiteitskaart nr. IYR8K2LP4\n", "IYR8K2LP4"),
    ("Het is Lotte Schreuders, studentnummer\n1047735, MSc Food Technology.", "1047735"),
    ("Personeelsnummer:        P017734", "P017734"),
    ("Hij heeft een gehandicaptenparkeerkaart (nummer GPK-0392-8815), maar", "GPK-0392-8815"),
])
def test_identity_documents_and_passes_name_their_number(text: str, number: str) -> None:
    from wooflow.detect.recognizers.idnumber import IdNumberRecognizer

    assert _texts(IdNumberRecognizer().analyze(text)) == [number]


def test_registration_numbers_of_cases_and_words_after_a_document_are_no_identifier() -> None:
    from wooflow.detect.recognizers.idnumber import IdNumberRecognizer

    for text in ("Registratienummer:   THOR-2024-08813", "registratienummer INK-2025-048213]",
                 "sinds 2019 een rijbewijs B", "paspoort NEDERLAND"):
        assert IdNumberRecognizer().analyze(text) == [], text


def test_a_year_in_brackets_after_a_private_persons_name_is_the_year_of_birth() -> None:
    from wooflow.detect import detect_text

    found = detect_text("Mijn kinderen Elif (2015) en Emir Öztürk (2018) gingen naar de opvang.")
    assert {f.text for f in found if f.category == "birthdate" and f.action == "redact"} == {"2015", "2018"}
    cited = detect_text("Zie Vonk (2019) over dit onderwerp; minister Hugo de Jonge (2020) zei het ook.")
    assert not [f for f in cited if f.category == "birthdate"]


def test_a_fixed_number_on_the_line_of_an_organisations_website_is_the_organisations() -> None:
    from wooflow.detect import detect_text

    text = ("Met vriendelijke groet,\n\nJoost Kerkhofs\nWijkconsulent Woensel\nWoonbedrijf\n"
            "Kanaalstraat 2 | 5611 CT Eindhoven\n040 243 33 33 | www.woonbedrijf.com\n")
    found = {f.text: f.action for f in detect_text(text) if f.category == "phone"}
    assert found == {"040 243 33 33": "keep"}
    mine = {f.text: f.action for f in detect_text("Joost Kerkhofs | 040 243 33 17 | www.woonbedrijf.com\n")
            if f.category == "phone"}
    assert mine == {"040 243 33 17": "redact"}  # a person named on the line: the person's number


LETTERHEAD = (
    "Staatstoezicht op de Mijnen\n\n> Retouradres Postbus 24037 2490 AA Den Haag\n\n"
    "De heer H.J. Drijfhout\nZuidwending 142\n9644 TB Veendam\n\n"
    "                                                        Henri Faasdreef 312\n"
    "                                                        2492 JP Den Haag\n"
    "                                                        T 070 379 84 00\n"
    "                                                        www.sodm.nl\n\n"
    "Datum   27 november 2026\n"
)


def test_a_letterhead_block_with_switchboard_and_website_is_the_offices() -> None:
    from wooflow.detect import detect_text

    found = {f.text.split("\n")[0]: f.action for f in detect_text(LETTERHEAD)}
    assert found["Henri Faasdreef 312"] == "keep" and found["070 379 84 00"] == "keep"
    assert found["Zuidwending 142"] == "redact"  # the addressee's home address stays redacted
    signature = ("Met vriendelijke groet,\n\nBaukje Mercera\nSenior beleidsmedewerker\n"
                 "Ministerie van Volksgezondheid, Welzijn en Sport\nParnassusplein 5 | 2511 VX Den Haag\n"
                 "M 0620 275 787\nT (070) 8176151\n")
    phones = {f.text: f.action for f in detect_text(signature) if f.category == "phone"}
    assert phones["(070) 8176151"] == "redact"  # a person's block: the T line is the direct line


def test_the_neighbours_above_give_away_their_house_number() -> None:
    from wooflow.detect import detect_text

    found = detect_text("Er is ongedierte en de bovenburen (nummer 8) klagen over stank.")
    assert [(f.text, f.action) for f in found if f.category == "address"] == [("nummer 8", "redact")]


def test_a_number_the_case_keeps_as_a_switchboard_is_kept_everywhere() -> None:
    # heldout19 007: the LBIO's number in its letterhead, and again after 'Behandeld door' in
    # the same letter, in the other letter after a handler's name: one number, one decision
    from wooflow.detect import Detector

    letterhead = ("LBIO\nPostbus 7223\n2701 AE Zoetermeer\nBezoekadres: Boerhaavelaan 5, 2713 HA Zoetermeer\n"
                  "T 079 345 86 00 (maandag tot en met vrijdag, 9.00-12.30 uur)\nwww.lbio.nl\n\n"
                  "Geachte heer Mulderij,\n\nHierbij ontvangt u de beschikking.\n")
    other = ("Dossiernummer:    2027-017734\nBehandeld door:   mevrouw N. Sahin, team Inning\n"
             "Telefoon:         079 345 86 00\n\nU kunt mij ook bellen op 079 345 12 34.\n")
    found = Detector().detect_case({"a": letterhead, "b": other})
    phones = {(k, f.text): f.action for k, fs in found.items() for f in fs if f.category == "phone"}
    assert phones[("a", "079 345 86 00")] == "keep"
    assert phones[("b", "079 345 86 00")] == "keep"
    assert phones[("b", "079 345 12 34")] == "redact"  # another number keeps its own verdict


def test_a_private_webmail_address_with_a_function_stem_inside_a_name_is_private() -> None:
    # heldout17 010: 'kuiPERS' held the press mailbox's stem; a number after a name is the name's
    from wooflow.detect import detect_text

    found = {f.text: f.action for f in detect_text("mail naar a.kuipers1972@gmail.com i.p.v. info@gemeente.nl\n")}
    assert found["a.kuipers1972@gmail.com"] == "redact" and found["info@gemeente.nl"] == "keep"


def test_a_user_id_in_an_export_header_is_a_persons() -> None:
    # heldout17 010 / heldout19 010: system exports name the account that made them
    from wooflow.detect import detect_text

    for text, user in [("Periode: 2026 | geëxporteerd door: mhvdveen4 | 07-10-2026 09:12\n", "mhvdveen4"),
                       ("Registratieplicht | export d.d. 08-02-2027 10:31 door lvdmeulen\n", "lvdmeulen")]:
        assert user in {f.text for f in detect_text(text) if f.action == "redact"}
    # the bare 'door' before ordinary words and names of things stays prose
    prose = "De stoep is onbegaanbaar door wortels en door spoelen; opgevolgd door onderkoopman Jansen.\n"
    assert not [f for f in detect_text(prose) if f.reason.startswith("gebruikersnaam")]


def test_abbreviated_id_labels_and_tax_assessments() -> None:
    from wooflow.detect import detect_text

    for text, number in [("Aanslagnummer   7012.4483.9906\n", "7012.4483.9906"),
                         ("gespreksverslag chauffeur (personeelsnr. AR-207316)\n", "AR-207316")]:
        assert (number, "redact") in {(f.text, f.action) for f in detect_text(text)}


def test_a_service_desks_mailbox_is_functional() -> None:
    # heldout20 002: the display name is a compound ending in the unit's word, the local part its head
    from wooflow.detect import detect_text

    text = "CC:             Calamiteitenloket HDSR <calamiteiten@hdsr.nl>; Oudemans, Pieter <poudemans@hdsr.nl>\n"
    found = {f.text: f.action for f in detect_text(text)}
    assert found.get("Calamiteitenloket HDSR <calamiteiten@hdsr.nl>") == "keep" and found.get("poudemans") == "redact"
