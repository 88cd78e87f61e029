"""OCR's confusions in a scanned letter are read repaired, and findings cover the garbled
characters exactly (wooflow/detect/ocrtext.py)."""

from __future__ import annotations

from wooflow.detect import Detector
from wooflow.detect.capitals import recase_cells
from wooflow.detect.ocrtext import repair

LETTER = (
    "R.J. (Rick) Wolterink\n"
    "Kerkstraat  l2O\n"
    "7l3l  CW  Lichtenvoorde\n"
    "te1. O6-5l 43 8O 27\n"
    "e-mai1: rickwo1terink©hotrnai1.corn\n"
    "\n"
    "Geachte heer/rnevrouw,\n"
    "\n"
    "Op 19 augustus 2O26 kreeg ik uw brief. Mijn BSN is 2O458l9l6, geboren l4-O6-l99O te Winterswijk.\n"
    "Het k1opt dat ik daarna in behande1ing ben gegaan. Mijn reclasseringswerker rnevrouw Hu1shof kan dat\n"
    "bevestigen.\n"
    "\n"
    "Met vriende1ijke groet,\n"
    "\n"
    "Rick Wo1terink\n"
    "\n"
    "Aanvraagnr.       3l284O77\n"
    "Aanvrager         WOLTERINK, RICK JOHANNES\n"
    "Geb.datum         l4-O6-l99O\n"
)


def _redacted(text: str) -> dict[str, str]:
    return {f.text: f.category for f in Detector().detect(text) if f.action == "redact"}


def test_repair_reads_the_letters_and_maps_every_character_back() -> None:
    fixed = repair(LETTER)
    assert fixed is not None
    shadow = fixed.text
    assert "Kerkstraat 120\n7131 CW Lichtenvoorde" in shadow
    assert "tel. 06-51 43 80 27" in shadow
    assert "rickwolterink@hotmail.com" in shadow
    assert "mevrouw Hulshof" in shadow and "Rick Wolterink" in shadow
    assert "Wolterink, Rick Johannes" in shadow
    assert len(fixed.pos) == len(shadow) + 1 and fixed.pos[-1] == len(LETTER)
    assert list(fixed.pos) == sorted(set(fixed.pos))
    start = shadow.index("rickwolterink@hotmail.com")
    a, b = fixed.span(start, start + len("rickwolterink@hotmail.com"))
    assert LETTER[a:b] == "rickwo1terink©hotrnai1.corn"


def test_garbled_values_are_redacted_as_written() -> None:
    found = _redacted(LETTER)
    assert found.get("rickwo1terink©hotrnai1.corn") == "email"
    assert found.get("O6-5l 43 8O 27") == "phone"
    assert found.get("2O458l9l6") == "bsn"
    assert found.get("l4-O6-l99O") == "birthdate"
    assert found.get("Kerkstraat  l2O\n7l3l  CW  Lichtenvoorde") == "address"
    assert found.get("Rick Wo1terink") == "person"
    assert found.get("Hu1shof") == "person"
    assert found.get("WOLTERINK, RICK JOHANNES") == "person"
    for f in Detector().detect(LETTER):
        assert LETTER[f.start : f.end] == f.text


def test_clean_text_is_never_repaired() -> None:
    clean = (
        "Geachte mevrouw Hulshof,\n\nOp 19 augustus 2026 ontvingen wij uw brief over de kern van Arnhem.\n"
        "Bel 06-51 43 80 27 of mail naar info@gemeente.nl. Zuurstof O2, vitamine B12, de A1 en de 1e ronde.\n"
        "Aanvrager         WOLTERINK, RICK JOHANNES\nMet vriendelijke groet,\n\nJan de Vries\n"
    )
    assert repair(clean) is None
    # one garbled word is no evidence of a scanned text
    assert repair(clean.replace("augustus", "augustus l2")) is None


def test_rn_is_read_as_m_only_where_the_m_form_is_the_known_word() -> None:
    text = "Hu1shof 2O24 vriende1ijke l4-O6-l99O: rnevrouw, de kern van Arnhem, Doorn, modern, Siprna, Bernard"
    fixed = repair(text)
    assert fixed is not None
    assert "mevrouw, de kern van Arnhem, Doorn, modern, Sipma, Bernard" in fixed.text


def test_recase_cells_reads_capitals_values_and_keeps_firms_and_acronyms() -> None:
    assert recase_cells("Aanvrager   HAILE, T.G.     V-nr 1") == "Aanvrager   Haile, T.G.     V-nr 1"
    cell = "Adres  KERKSTRAAT 120, 7131 CW LICHTENVOORDE"
    assert recase_cells(cell) == "Adres  Kerkstraat 120, 7131 CW Lichtenvoorde"
    for same in ("Organisatie  HALLO LOGISTIEK B.V., KvK 1", "RDW | bezwaar WOK/APK", "bij het CJIB en de IND"):
        assert recase_cells(same) == same


def test_birth_label_keeps_the_days_first_digit() -> None:
    # 'geboortedatum' may take words after it ('geboortedatum aanvrager'); it took the 0 of '07'
    for text in ("Geboortedatum 07-03-1968\n", "Geboortedatum         17-03-1968\n",
                 "geboortedatum aanvrager 27/11/1992\n"):
        dates = [f.text for f in Detector().detect(text) if f.category == "birthdate"]
        assert dates == [text.split()[-1]]


def test_account_in_the_name_of_a_person_or_hers_is_personal() -> None:
    form = ("KvK-nummer bedrijf:     01047735\nRelatienummer BIJ12:     200-091021\n"
            "Rekeningnummer:          NL75 RABO 3741 1771 55 t.n.v. T. Sipma\n")
    prose = "Ik heb de helpdesk al vier keer gebeld.\n\nWilt u betalen op haar rekening NL85 RABO 0312 7481 56?\n"
    office = "Gemeente Ede\nPostbus 9022, 6710 HK Ede\nIBAN NL85 RABO 0312 7481 56 t.n.v. Gemeente Ede\n"
    assert _redacted(form).get("NL75 RABO 3741 1771 55") == "iban"
    assert _redacted(prose).get("NL85 RABO 0312 7481 56") == "iban"
    assert "NL85 RABO 0312 7481 56" not in _redacted(office)


def test_name_does_not_run_into_an_organisation_after_van() -> None:
    text = "Mevrouw Lotte Vermeer van VluchtelingenWerk in Assen helpt mij met deze brief."
    assert _redacted(text) == {"Lotte Vermeer": "person"}


def test_split_address_is_one_address_in_a_scanned_text() -> None:
    text = LETTER + "Mail ook naar ingrid.bakker-veenstra @ minlnv,nl\n"
    fixed = repair(text)
    assert fixed is not None and "ingrid.bakker-veenstra@minlnv.nl" in fixed.text
    assert "ingrid.bakker-veenstra" in _redacted(text)


def test_printed_v_number_and_short_birth_label() -> None:
    found = _redacted("Onderwerp: nareis, V-nummer 2814 093 617\nAanvrager  T. Haile   V-nr 2814093617\n"
                      "Geb.datum         14-06-1990\n")
    assert found.get("2814 093 617") == "id_number" and found.get("2814093617") == "id_number"
    assert found.get("14-06-1990") == "birthdate"
    assert _redacted("Klantnummer 7730 4415 82\n").get("7730 4415 82") == "id_number"
    assert _redacted("registratienummer 412 877 3\n").get("412 877 3") == "id_number"


def test_an_ibans_check_digits_and_a_words_leading_zero_are_repaired() -> None:
    from wooflow.detect import ocrtext

    text = ("Geachte heer/rnevrouw,\n\nSinds rnaart 2O26 heb ik de pacht betaa1d, a1 is de schuur nog steeds\n"
            "niet hersteld. lk wi1 het bedrag terug op NL4O ABNA 8995 3649 7l t.n.v. W.J.M. van 0verve1d.\n"
            "U kunt rnij be11en op O6-l2 34 56 78.\n\nMet vriende1ijke groet,\nW.J.M. van 0verve1d\n"
            "lBAN staat hierboven.\n")
    fixed = ocrtext.repair(text)
    assert fixed is not None
    assert "NL40 ABNA 8995 3649 71" in fixed.text
    assert "van Overveld" in fixed.text and "IBAN staat" in fixed.text
