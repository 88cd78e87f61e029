"""Public roles (wooflow/detect/publicrole.py) through the whole detector."""

from __future__ import annotations


def test_a_street_named_after_an_office_is_no_role_line() -> None:
    # heldout19 005: the requester's address under her name; 'Burgemeester' opens the street
    from wooflow.detect import detect_text

    text = ("Mevrouw A.F. Zwaneveld\nBurgemeester Colijnstraat 22\n2201 EK Noordwijk\n\n"
            "Geachte mevrouw Zwaneveld,\n\nOp 2 maart 2027 heeft u een verzoek gedaan.\n")
    red = {f.text for f in detect_text(text) if f.category == "person" and f.action == "redact"}
    assert {"A.F. Zwaneveld", "Zwaneveld"} <= red


def test_a_mandated_member_of_staff_signing_for_the_college_is_redacted() -> None:
    # heldout19 009: 'namens dezen' with a staff function below (a teamleider stays public)
    from wooflow.detect import detect_text

    def signer(function: str) -> str:
        text = ("Met vriendelijke groet,\n\nburgemeester en wethouders van Bergen op Zoom,\nnamens dezen,\n\n"
                f"Roel Vermunt\n{function}\n")
        return {f.text: f.action for f in detect_text(text) if f.category == "person"}["Roel Vermunt"]

    assert signer("beleidsadviseur openbare ruimte") == "redact"
    assert signer("medewerker Inning") == "redact"
    assert signer("teamleider Ruimte") == "keep"


def test_english_names_of_dutch_offices_and_university_heads_are_public_roles() -> None:
    from wooflow.detect import detect_text

    text = ("We have informed the State Secretary, Ms. Terweij-Sluiter, of the investigation.\n"
            "Ze wil alleen met rector Bosscha-Hettinga praten, of met rector magnificus prof. dr. ir. T. Bruggink.\n")
    kept = {f.text for f in detect_text(text) if f.category == "person" and f.action == "keep"}
    assert {"Terweij-Sluiter", "Bosscha-Hettinga", "T. Bruggink"} <= kept
