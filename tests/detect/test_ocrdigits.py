"""OCR letter-for-digit confusions inside digit runs are read as digits, offsets unchanged."""

from __future__ import annotations

from wooflow.detect import Detector
from wooflow.detect.ocrdigits import fix


def test_fix_maps_only_letters_next_to_digits_in_long_runs() -> None:
    assert fix("nummer (06-2O118735), dat") == "nummer (06-20118735), dat"
    assert fix("geb. 17-O4-1971, wonend") == "geb. 17-04-1971, wonend"
    assert fix("M 06 3l 52 77 08") == "M 06 31 52 77 08"
    for text in ("I 2024 Olga lol 100 IJ", "Loket 2024 open", "Oost 12"):
        assert fix(text) == text
    text = "Tel. O342 47 18 09"
    assert len(fix(text)) == len(text)


def test_misread_phone_and_birthdate_are_redacted_as_written() -> None:
    text = "Bel Marten op zijn mobiele nummer (06-2O118735).\nGerrit Jan Vos, geb. 17-O4-1971, wonend te Ede."
    found = {f.text: f for f in Detector().detect(text) if f.action == "redact"}
    assert "06-2O118735" in found and found["06-2O118735"].category == "phone"
    assert "17-O4-1971" in found and found["17-O4-1971"].category == "birthdate"


def test_single_confusions_outside_digit_runs() -> None:
    cases = {
        "lngrid Bakker": "Ingrid Bakker",
        "Brinkhorst-0lde Heuvel": "Brinkhorst-Olde Heuvel",
        "Snipperlingsdijk l14": "Snipperlingsdijk 114",
        "XK-3l8-V": "XK-318-V",
        "sinds l968 gevestigd": "sinds 1968 gevestigd",
        "0ns bedrijf": "Ons bedrijf",
    }
    for text, shadow in cases.items():
        assert fix(text) == shadow
    for plain in ("lekker llama", "het lijstje", "l.v.m. de wet", "Jan 0 keer", "Hoofdstuk Ib"):
        assert fix(plain) == plain


def test_an_ocr_name_is_found_through_the_shadow() -> None:
    from wooflow.detect import detect_text

    text = "Van: lngrid Bakker-Veenstra\nAan: team\n\nBeste collega,\n\nGroet,\nlngrid\n"
    red = {f.text for f in detect_text(text) if f.action == "redact"}
    assert "lngrid Bakker-Veenstra" in red


def test_a_postcode_with_a_letter_for_a_digit() -> None:
    assert fix("ZANDVLIETSEDIJK 7, 464l RE OSSENDRECHT") == "ZANDVLIETSEDIJK 7, 4641 RE OSSENDRECHT"
    assert fix("8O23 BN Zwolle") == "8023 BN Zwolle"
    assert fix("OLIE EN gas") == "OLIE EN gas"  # no digits: no postcode
