"""Schools, centres and companies named after persons are no persons (issue 10, kept public);
a person labelled with a unit in a chat stays a person."""

from __future__ import annotations

from wooflow.detect import detect_text


def _redacted(text: str, part: str) -> bool:
    s = text.index(part)
    return any(f.action == "redact" and f.start < s + len(part) and s < f.end for f in detect_text(text))


def test_school_named_after_a_person() -> None:
    text = ("Vier projecten zijn in uitvoering, waaronder de uitbreiding van het Jan van Egmond Lyceum "
            "en de tijdelijke huisvesting van kindcentrum De Zaan. Jan van Dijk woont aan de Dorpsstraat.")
    assert not _redacted(text, "Egmond Lyceum")
    assert _redacted(text, "Jan van Dijk")


def test_institution_word_in_a_model_span() -> None:
    text = ("Eerlijk gezegd hebben we het zwaar. We zetten vanaf april een rekenspecialist van\n"
            "Marnix Onderwijscentrum in.\n"
            "Ik bel Transportbedrijf Houben voor de dranghekken.\n")
    assert not _redacted(text, "Marnix Onderwijscentrum")
    assert not _redacted(text, "Transportbedrijf Houben")


def test_unit_after_a_chat_speaker_stays_a_person() -> None:
    text = ("17-01-2024 22:43 - Femke Communicatie: persbericht staat klaar\n"
            "17-01-2024 22:44 - Kees Wijkteam: ik ga erheen\n")
    assert _redacted(text, "Femke Communicatie")
    assert _redacted(text, "Kees")
