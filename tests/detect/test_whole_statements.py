"""Session 13 (helper 10s): a special-category statement covers its whole sentence up to the
names and codes around it; persons whose name the lists do not confirm, found by the list they
stand in, the street after them or an English label."""

from __future__ import annotations

from wooflow.detect import detect_text


def _redacted(text: str) -> set[int]:
    out: set[int] = set()
    for f in detect_text(text):
        if f.action == "redact":
            out.update(range(f.start, f.end))
    return out


def _covered(text: str, part: str) -> bool:
    """At least 90 % of the non-space characters of ``part`` redacted (the scorer's rule)."""
    red = _redacted(text)
    i = text.index(part)
    chars = [j for j in range(i, i + len(part)) if not text[j].isspace()]
    return sum(j in red for j in chars) >= 0.9 * len(chars)


def test_a_statement_covers_the_coordinated_rest_of_its_sentence() -> None:
    text = ("Geachte heer,\n\nMijn moeder woont op afdeling 2. Zij heeft sinds januari overal jeuk en wondjes, "
            "maar pas in februari is het vastgesteld. Met vriendelijke groet.\n")
    assert _covered(text, "Zij heeft sinds januari overal jeuk en wondjes")


def test_a_table_cell_is_the_statements_sentence() -> None:
    text = "Nr\tMelder\tOmschrijving\n12\tbewoner\tmoeder (91) zit in rolstoel\tafgehandeld\n"
    assert _covered(text, "moeder (91) zit in rolstoel")
    assert not _covered(text, "afgehandeld")


def test_a_statement_does_not_grow_over_names_and_codes_in_its_sentence() -> None:
    text = ("Kim van de GGD heeft gebeld, zij heeft sinds maart longkanker en krijgt chemotherapie in het "
            "ziekenhuis.\n")
    red = _redacted(text)
    assert _covered(text, "zij heeft sinds maart longkanker en krijgt chemotherapie in het ziekenhuis")
    assert not any(j in red for j in range(text.index("GGD"), text.index("GGD") + 3))
    assert not _covered(text, "Kim van de GGD heeft gebeld")


def test_a_name_in_a_list_after_a_name_with_its_role_in_brackets() -> None:
    text = ("Aanwezig\nVervoerregio: Rob Zandstra (concessiemanager), Fenna Stolwijk (beleidsadviseur "
            "toegankelijkheid), Milan Doornhof (verslag)\n")
    persons = [f.text for f in detect_text(text) if f.category == "person" and f.action == "redact"]
    assert "Milan Doornhof" in persons


def test_a_street_after_van_de_is_no_part_of_the_name() -> None:
    text = ("Een bewoner stuurde filmpjes. Mevrouw\nAnnemiek Rensink van de Terborgseweg gaf aan dat zij "
            "door de herrie niet kan slapen.\n")
    persons = [f.text for f in detect_text(text) if f.category == "person" and f.action == "redact"]
    assert "Annemiek Rensink" in persons


def test_handled_by_labels_a_name() -> None:
    # (English letters of the Caribbean Netherlands: 'Handled by' is 'Behandeld door'; in a long
    # letter the model alone does not carry an unlisted name in the header)
    text = "Our reference: PES-ES/2026-0947\nHandled by: Shanelle Granger, +599 416 3311 ext. 227\nDate: today\n"
    persons = [(f.text, f.reason) for f in detect_text(text) if f.category == "person" and f.action == "redact"]
    assert any(name == "Shanelle Granger" and "Handled by" in why for name, why in persons)


def test_a_register_row_with_a_statement_before_an_organisation_stays_a_persons_row() -> None:
    # the statement grows to 'dyslexie en ADHD, stage'; what is left of the cell opens with an
    # organisation's name, which must not make the row an organisation's (its birth year stays)
    text = ("nr\tdatum\tleerling\tgeb.jr\tschool\treden (samenvatting)\tbesluit\n"
            "1\t04-09-2025\tDaan Vermeij\t2013\tOBS De Singel\thuwelijk oom in Suriname\ttoegekend\n"
            "2\t06-11-2025\tJesse Hoogenboom\t2009\tLentiz Schiedam\tdyslexie en ADHD, stage Gemeentewerken "
            "Schiedam\ttoegekend\n"
            "3\t11-09-2025\tMila Kraaijenbrink\t2015\tCBS De Schakel\tverhuizing naar Delft\ttoegekend\n")
    years = [f.text for f in detect_text(text) if f.category == "birthdate" and f.action == "redact"]
    assert "2009" in years
