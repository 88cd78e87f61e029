"""Organisations, buildings and facilities read as persons (issue 10, session 13, helper 10o).

The texts follow blind batch 19 and batch 17 (evaluation/heldout19, heldout17), where a youth
prison ('directeur Teylingereind', the case writes 'JJI Teylingereind'), a drinking-water company
('Sandra Kamphuis (medewerker Vitens, ...)'), a region ('directeur Veiligheidsregio Gooi en
Vechtstreek'), a firm ('Hoffmann Bedrijfsrecherche') and an office on a contact line ('Contact:
TU Delft, Mekelweg 5, ...') were redacted as persons and a home address. The evidence is the
case's own text; a word the case also writes as a person's name stays a person."""

from __future__ import annotations

from wooflow.detect import Detector, detect_case, detect_text, orgusage


def _redacted(findings) -> list[str]:
    return [f.text for f in findings if f.action == "redact"]


def test_a_body_named_by_its_kind_elsewhere_in_the_case_is_no_person() -> None:
    besluit = (
        "Betreft   besluit op uw Woo-verzoek over brandincidenten in JJI Teylingereind\n\n"
        "Inventarislijst\n"
        "3   10-09-2025  brief inspectie aan directeur Teylingereind        openbaar\n"
    )
    assert not [t for t in _redacted(detect_text(besluit)) if "Teylingereind" in t]


def test_the_body_after_a_role_in_brackets_is_an_organisation() -> None:
    minutes = (
        "Verslag overleg beregeningsverbod\n\nAanwezig\n"
        "Sandra Kamphuis (medewerker Vitens, drinkwaterwinning Herikerberg)\n"
        "B. Holtrop (directeur Veiligheidsregio Gooi en Vechtstreek)\n\n"
        "- Een agrariër uit Diepenheim, de heer Ter Avest, vraagt waarom Vitens wel mag blijven\n"
        "  onttrekken.\n"
    )
    redacted = _redacted(detect_case({"v": minutes})["v"])
    assert not [t for t in redacted if "Vitens" in t or "Vechtstreek" in t]
    assert "Sandra Kamphuis" in redacted and "B. Holtrop" in redacted


def test_a_role_bracket_never_makes_a_given_name_or_a_relative_an_organisation() -> None:
    texts = {"a": "Aanwezig\nKees Bos (vader Sanne)\nJan Smit (moeder Jansen)\nPiet Vos (medewerker Vitens)\n"}
    mentions = {k: Detector().person.mentions(t) for k, t in texts.items()}  # type: ignore[union-attr]
    words = orgusage.organisation_words(texts, mentions)
    assert "Vitens" in words
    assert "Sanne" not in words and "Jansen" not in words


def test_a_firm_named_after_a_person_with_a_sector_word() -> None:
    nota = ("Bijlagen:       1. rapport Hoffmann Bedrijfsrecherche (vertrouwelijk)\n\n"
            "Het college heeft besloten een extern onderzoek te laten uitvoeren door Hoffmann "
            "Bedrijfsrecherche.\n")
    assert not [t for t in _redacted(detect_text(nota)) if "Hoffmann" in t]


def test_a_name_written_with_initials_stays_a_person_beside_its_shop() -> None:
    # 'Slagerij Verhagen' names the shop, but 'Verhagen, P.' is its owner: no organisation evidence
    row = ("ONTH-24-00032\t03-01-2024\tVerhagen, P.\tSlagerij Verhagen Den Bosch B.V.\t17095532\n"
           "ONTH-24-00033\t04-01-2024\tBakker, J.\tBakkerij Bakker\t17095533\n")
    texts = {"r": row}
    mentions = {k: Detector().person.mentions(t) for k, t in texts.items()}  # type: ignore[union-attr]
    words = orgusage.organisation_words(texts, mentions)
    assert "Verhagen" not in words and "Bakker" not in words


def test_an_acronym_organisation_before_a_contact_line_is_an_office() -> None:
    text = ("Het overzicht bevat geen namen.\n\n"
            "Contact: TU Delft, Mekelweg 5, 2628 CC Delft, T 015 278 91 11, socialeveiligheid@tudelft.nl\n")
    assert _redacted(detect_text(text)) == []
    home = "Contactgegevens melder: mevrouw J. de Vries, Mekelweg 5, 2628 CC Delft, 06 12 34 56 78\n"
    assert any("Mekelweg 5" in t for t in _redacted(detect_text(home)))


def test_a_shop_named_after_its_owner_keeps_its_name_and_the_owner_stays_private() -> None:
    # the person 'Klaas Visser' is not carried into the shop's own name after its kind
    letter = (
        "Indeling weekmarkt\n"
        " 2 | Vishandel Visser & Zn. B.V.             | vis en schaaldieren\n\n"
        "- Vishandel Visser krijgt een plek met aansluiting op water en stroom. Dhr. Klaas Visser (eigenaar)\n"
        "  heeft ingestemd.\n"
    )
    findings = detect_case({"b": letter})["b"]
    redacted = [(f.start, f.text) for f in findings if f.action == "redact"]
    assert any(t == "Klaas Visser" for _, t in redacted)
    shop = [letter.index("Vishandel Visser &") + 10, letter.index("Vishandel Visser krijgt") + 10]
    assert not [s for s, t in redacted if t == "Visser" and s in shop]
    assert orgusage.kind_spans("Woningstichting Den Helder is onderweg") == [(16, 26)]


def test_a_name_ends_before_van_and_a_firm_or_a_body() -> None:
    def persons(text: str) -> list[str]:
        return [f.text for f in detect_text(text) if f.category == "person" and f.action == "redact"]

    assert persons("Onze advocaat, mr. S.A. Nijhuis van Nysingh advocaten, is bereid tot overleg.") == ["S.A. Nijhuis"]
    assert persons("Voor de volledigheid: Joost van DGMo heeft laten weten dat het niet hoeft.") == ["Joost"]
    assert "Joost van Dijk" in persons("Gesprek met Joost van Dijk over de planning.")
    assert persons("Van: Wijngaarden, A. van (Annemieke)") == ["Wijngaarden, A. van (Annemieke)"]


def test_a_partnership_is_a_firm_and_its_partner_stays_private() -> None:
    text = ("Op 2 april heeft uw gemachtigde, mr. R. Peeters van Peeters & Van Kempen Advocaten te Uden, "
            "bezwaar gemaakt.\n\nAfschrift: mr. R. Peeters, Peeters & Van Kempen Advocaten, Marktstraat 14, Uden\n")
    redacted = [(f.start, f.text) for f in detect_text(text) if f.action == "redact"]
    firm = [i for i in range(len(text)) if text.startswith("Peeters & Van Kempen", i)]
    assert [t for _, t in redacted if t == "R. Peeters"] == ["R. Peeters", "R. Peeters"]
    assert not [s for s, _ in redacted if any(f <= s < f + 30 for f in firm)]
    # one name before a trade is a sole trader's: no firm span ('h.o.d.n. Timmerhuis Interieurbouw')
    assert orgusage.kind_spans("h.o.d.n. Timmerhuis Interieurbouw\n") == []


def test_a_legal_form_is_no_initials() -> None:
    text = "De iepen zijn onderzocht door Boomadvies Van der Voort B.V. Bij vijf bomen is iepziekte vastgesteld.\n"
    assert not [f.text for f in detect_text(text) if f.category == "person" and "Bij" in f.text]


def test_capitals_before_a_capitalised_word_name_a_body_not_a_persons_initials() -> None:
    chat = ("[26-06-2025 09:00] Hakkert, Nienke (BenU)\n"
            "NH Nieuws belt: verslaggever wil een reactie. Gedeputeerde wordt geïnterviewd door NH Nieuws.\n")
    findings = detect_case({"c": chat})["c"]
    assert not [f for f in findings if f.action == "redact" and f.text == "NH"]
    assert "Hakkert, Nienke" in [f.text for f in findings if f.action == "redact"]


def test_a_site_named_after_its_kind_on_the_next_line_of_prose_or_after_locatie() -> None:
    letter = ("Het college heeft besloten tot de nieuwbouw van het zwembad en de sporthal in sportpark\n"
              "De Braak, zoals toegezegd in de commissie.\n")
    assert not [t for t in _redacted(detect_text(letter)) if "Braak" in t]
    mail = ("Onderwerp: scabiës BrabantZorg locatie De Pompe – stand van zaken\n\n"
            "Mijn moeder woont op afdeling 2 van De Pompe, kamer 2.14.\n")
    assert not [t for t in _redacted(detect_text(mail)) if "Pompe" in t]


def test_a_heading_that_ends_in_a_kind_word_names_no_body_on_the_next_line() -> None:
    minutes = ("Aanwezig\nAukje Tuinstra-Posthuma (hygiënist)\n\n3. Hygiëne op school\n"
               "Tuinstra-Posthuma heeft op 5 oktober de school bezocht.\n")
    redacted = _redacted(detect_case({"m": minutes})["m"])
    assert redacted.count("Tuinstra-Posthuma") == 1 and "Aukje Tuinstra-Posthuma" in redacted


def test_a_number_in_a_switchboards_shape_stays_public() -> None:
    from wooflow.detect.recognizers.phone import switchboard_shape

    assert switchboard_shape("045 570 64 00") and switchboard_shape("071 526 91 11")
    assert switchboard_shape("072 582 82 82") and switchboard_shape("0411 618 618")
    assert not switchboard_shape("050 - 317 4211")  # a direct line whose last group ends in 11
    assert not switchboard_shape("055 580 29 14") and not switchboard_shape("06 11 11 11 00")
    letter = ("Behandeld door  Jorien Hakvoort\nTelefoon        088 042 42 42 (vraag naar mevrouw Hakvoort)\n\n"
              "Geachte heer Van den Heuvel,\n")
    phones = {f.text: f.action for f in detect_text(letter) if f.category == "phone"}
    assert phones == {"088 042 42 42": "keep"}
    signature = "Met vriendelijke groet,\n\nMarco de Wit\nadviseur\nT 055 580 29 14 | M 06 41 83 20 57\n"
    assert {f.text: f.action for f in detect_text(signature) if f.category == "phone"} == {
        "055 580 29 14": "redact", "06 41 83 20 57": "redact"}
