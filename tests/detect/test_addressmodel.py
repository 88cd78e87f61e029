"""The address combiner (wooflow/detect/addressmodel.py): its data, a clear case each way, and
the override mechanism with its Dutch reason."""

from __future__ import annotations

import pytest

from wooflow.detect import Detector, addressmodel, resolver


def _redacted(findings: list, text: str, value: str) -> bool:
    start = text.index(value)
    end = start + len(value)
    return any(f.action == "redact" and f.start < end and start < f.end for f in findings)


def test_packaged_combiner_loads_with_its_margins() -> None:
    model = addressmodel.model()
    assert model is not None
    _, low, high = model
    assert 0.0 < low < 0.5 < high < 1.0


def test_home_address_after_woonachtig_is_redacted() -> None:
    text = "Verzoeker, de heer P. Jansen, woonachtig aan de Kastanjelaan 12, 3512 AB Utrecht, vraagt om inzage.\n"
    findings = Detector().detect(text)
    assert _redacted(findings, text, "Kastanjelaan 12")


def test_postbus_in_letterhead_stays_public() -> None:
    text = ("Ministerie van Volksgezondheid, Welzijn en Sport\nPostbus 20401, 2500 EK Den Haag\n"
            "www.rijksoverheid.nl\n\nGeachte heer Jansen,\n\nHierbij ontvangt u ons besluit.\n")
    findings = Detector().detect(text)
    assert not _redacted(findings, text, "Postbus 20401, 2500 EK Den Haag")


def test_place_candidates_name_places_and_streets_alone() -> None:
    text = "Ze woont aan de Dorpsstraat 31 in Kolhorn. Bewoner van de Kogerstraat.\n"
    found = {f.text for f in addressmodel.place_candidates(text, [])}
    assert {"Kolhorn", "Kogerstraat"} <= found
    assert "Dorpsstraat" not in found  # a street with a house number is the address recognizer's


@pytest.fixture()
def sure_home() -> object:
    """A combiner that reads every candidate as a home (p ~ 0.99), margins 0.2 / 0.8."""
    addressmodel.use((resolver.Combiner(5.0, (), 0.5), 0.2, 0.8))
    yield
    addressmodel.use(None)


def test_confident_combiner_overrides_with_a_reason_from_evidence(sure_home: object) -> None:
    # no rule reads this place as a residence ('(Gaanderen, 2004)'); the combiner does
    text = "Uit het dossier van vorig jaar, Ricardo Pelgrim (Gaanderen, 2004), blijkt dat.\n"
    findings = Detector().detect(text)
    place = [f for f in findings if f.text == "Gaanderen"]
    assert place and place[0].action == "redact" and place[0].ground == "5.1.2e"
    assert "adresbeslisser" in place[0].reason
    assert "persoon" in place[0].reason  # rendered from the evidence that fired, not 'model'
