"""Tables: personal columns are redacted in rows about a person, organisation rows keep theirs."""

from __future__ import annotations

from wooflow.detect import detect_text
from wooflow.detect.tables import header_category, tables

REGISTER = (
    "Bij het huisbezoek waren de volgende personen aanwezig:\n\n"
    "Naam                          Geb.datum    Nationaliteit   Document\n"
    "Kowalczyk, Przemysław         04-11-1987   Poolse          CGZ 412877\n"
    "Wrona-Dąbek, Agnieszka        22-05-1992   Poolse          DAJ 093154\n"
    "Szymański, Łukasz             30-01-1999   Poolse          -\n"
)

EXPORT = (
    "zaaknr\taanvrager\torganisatie\ttelefoon\tadres_aanvrager\tbehandelaar\n"
    "ONTH-1\tPeters, Jan\t\t06-12873340\tKerkstraat 41, 5211 KE\tMvdL\n"
    "ONTH-2\tVerhagen, Piet\tSlagerij Verhagen Den Bosch B.V.\t073-6131477\tHinthamerstraat 88, 5211 MS\tMvdL\n"
    "ONTH-3\tOukili, Samira\t\t06-41028871\tVerwersstraat 12, 5211 HV\tRB\n"
)


def _redacted(text: str) -> set[str]:
    return {f.text for f in detect_text(text) if f.action == "redact"}


def test_header_words_name_the_column() -> None:
    assert header_category("Geb.datum") == "birthdate"
    assert header_category("adres_aanvrager") == "address"
    assert header_category("Nationaliteit") == "nationality"
    assert header_category("Naam") is None
    assert header_category("Functie") is None


def test_a_space_aligned_register_is_read_as_a_table() -> None:
    [tab] = tables(REGISTER)
    assert tab.header == ("Naam", "Geb.datum", "Nationaliteit", "Document")
    assert [c.text for c in tab.rows[0]] == ["Kowalczyk, Przemysław", "04-11-1987", "Poolse", "CGZ 412877"]


def test_personal_columns_of_person_rows_are_redacted() -> None:
    red = _redacted(REGISTER)
    assert {"04-11-1987", "22-05-1992", "30-01-1999"} <= red
    assert {"CGZ 412877", "DAJ 093154"} <= red
    assert "Poolse" in red
    assert "-" not in red  # an empty cell is not a value


def test_organisation_rows_keep_their_fixed_line_and_address() -> None:
    findings = detect_text(EXPORT)
    red = {f.text for f in findings if f.action == "redact"}
    assert "06-12873340" in red and "06-41028871" in red  # residents' mobiles
    assert not any("073-6131477" in t for t in red)  # the butcher's shop line
    assert not any("Hinthamerstraat 88" in t for t in red)
    assert any("Kerkstraat 41" in t for t in red)
    kept = [f for f in findings if f.action == "keep" and "073-6131477" in f.text]
    assert kept and "organisatie (tabelrij)" in kept[0].reason


def test_prose_and_label_value_blocks_are_no_tables() -> None:
    text = ("Teamleider     P. Klomp            Gecontroleerde   G.J. van Ommen\n"
            "Inspecteur     R.A. Veldhuis       Adres            Zuidweg 12\n"
            "Rapportnummer  2645/18/0079        Postcode         8251 RV\n")
    assert not [f for f in detect_text(text) if f.recognizer == "table"]
    assert tables("Een gewone zin zonder kolommen.\nNog een zin.\n") == []


VISITS = (
    "Datum      Tijd  Gedetineerde     Reg.nr.  Bezoeker               Relatie       Nr. ID-bewijs  Paraaf\n"
    "02-10-2023 14:00 Pranoto, D.      8714406  Pranoto-Lie, S.        echtgenote    IRD8K41P2      ABL\n"
    "02-10-2023 15:30 Van Wijk, T.     9021187  Kerkhof, M.            moeder        NVL7H20T6      GS\n"
    "03-10-2023 10:00 El Khattabi, Y.  8866253  El Khattabi, N.        broer         IP3JR84W1      ABL\n"
)


def test_id_document_and_paraaf_columns_of_a_person_register() -> None:
    assert header_category("Nr. ID-bewijs") == "id_number"
    assert header_category("Paraaf") == "person"
    red = _redacted(VISITS)
    assert {"IRD8K41P2", "NVL7H20T6", "IP3JR84W1", "ABL", "GS"} <= red


PARAFEN = (
    "| Functie                          | Naam                 | Paraaf | Datum      |\n"
    "| Beleidsmedewerker                | Sanne Oudshoorn      | SO     | 02-06-2025 |\n"
    "| Afdelingshoofd                   | Pieter van Loon      | PvL    | 02-06-2025 |\n"
    "| Gedeputeerde                     | H.W. Stolk-Vermeer   | HSV    | 03-06-2025 |\n"
)


def test_a_row_naming_a_public_office_is_kept_with_its_paraaf() -> None:
    red = _redacted(PARAFEN)
    assert {"Sanne Oudshoorn", "Pieter van Loon", "SO", "PvL"} <= red
    assert "H.W. Stolk-Vermeer" not in red and "HSV" not in red



COMPLAINTS = (
    "nr\tdatum\tmelder\ttelefoon\tadres\tchauffeur/voertuig\n"
    "1\t02-07\tmevr. G. Hoogenboom\t070-327 45 18\tVlietzoom 23\tV-731-BT\n"
    "2\t09-07\tAhmed el Khayari\t06-41028871\tPrinses Mariannelaan 171\tchauffeur Dennis\n"
    "3\t15-07\tJ.W. Kasteleijn\t06-22 71 48 06\tDamlaan 8\tdiverse\n"
    "4\t22-07\tWilma Schotanus\t06-19 53 88 27\tKniplaan 5\tVLR-77-K\n"
)


def test_a_cell_is_labelled_by_its_content_where_the_column_holds_more_than_its_header() -> None:
    found = {f.text: f for f in detect_text(COMPLAINTS) if f.action == "redact"}
    assert found["V-731-BT"].category == "plate"  # the column holds plates: a kenteken column
    # ... and the driver's first name in it is a person, from the capital on
    assert found["Dennis"].category == "person" and "chauffeur Dennis" not in found
    # lower-case words in a digit column are no value ('diverse' drivers)
    assert "diverse" not in found


def test_an_email_address_in_a_phone_column_is_an_email_address() -> None:
    from wooflow.detect.tables import Cell, _cell_value

    assert _cell_value(Cell(10, 45, "n.haasnoot@leidschendam-voorburg.nl", 3), "phone") == (10, "email")
    assert _cell_value(Cell(10, 23, "070-327 45 18", 3), "phone") == (10, "phone")


HANDLED = (
    "meldnr\tmelder\tsoort\tomschrijving\tbeh.\n"
    "SM-1\tJ.A.M. van Hooijdonk\tparticulier\tkelder 40 cm water\tJtH\n"
    "SM-2\tFatima Ouaali\tparticulier\twater in woonkamer\tJtH\n"
    "SM-3\tP. Schoenmakers\traadslid\tvraag namens bewoners over het gemaal\tJtH\n"
    "SM-4\tH. Bastiaansen-Oomen\tparticulier\ttuin en garage\tRvdB\n"
    "\nBehandeld door J. ten Hove en R. van den Berg (team schadeafhandeling).\n"
)


def test_the_handlers_paraaf_in_a_row_about_an_office_holder_stays_redacted() -> None:
    found = detect_text(HANDLED)
    handler = [f for f in found if f.text == "JtH" and f.start > HANDLED.index("SM-3")][0]
    assert handler.action == "redact"  # the handler's recurring initials are not the raadslid's paraaf
    assert any(f.text == "P. Schoenmakers" and f.action == "keep" for f in found)


def test_a_reporting_office_in_a_register_row_does_not_make_its_subject_public() -> None:
    # heldout17 010: the reporter column says 'raadslid'; the row is about a private person
    from wooflow.detect import detect_text

    text = ("nr\tdatum\tmelder\tomschrijving\tbetrokkene\tgegevens\n"
            "DL-08\t24-04\tJ. Tiemersma (Wmo)\tmail naar verkeerd adres\tdhr. A. Kuijpers\trolstoel\n"
            "DL-09\t13-05\traadslid\tvraag van raadslid Gea Hofstee bevatte naam\tmevr. F. Boonstra\tklacht\n"
            "DL-10\t28-05\tjeugdconsulent\ttas gestolen uit auto\tdhr. P. Zuidhof\tjeugdhulp\n")
    actions = {f.text: f.action for f in detect_text(text) if f.category == "person"}
    assert actions.get("F. Boonstra") == "redact"
