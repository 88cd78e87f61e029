"""Chat display names (wooflow/detect/chatnames.py): a first name with a role or organisation
tag is one piece of personal data; an office holder's display name stays public."""

from __future__ import annotations

import pytest

from wooflow.detect import Detector, chatnames
from wooflow.detect.names import NameParts
from wooflow.detect.recognizers.person import Mention
from wooflow.model import Finding

CHAT = """WhatsApp-chat met "Beleidsteam storm"
Deelnemers:
Burg. Hoekstra +31 6 11 22 33 44
Wethouder Bakker +31 6 22 33 44 55
Femke boa Handhaving +31 6 33 44 55 66
Gijs (brandweer) +31 6 44 55 66 77
Mo OOV +31 6 55 66 77 88

03-02-2026 09:01 - Femke boa Handhaving: Boom op de Stationsweg, weg afgezet.
03-02-2026 09:04 - Burg. Hoekstra: Dank. @Gijs (brandweer) kunnen jullie ruimen?
03-02-2026 09:06 - Gijs (brandweer): Ploeg rijdt. Femke kun jij de omleiding regelen?
03-02-2026 09:10 - Femke boa Handhaving: Doe ik. Mo kun jij het besluit maken?
03-02-2026 09:11 - Mo OOV: Ja.
03-02-2026 09:12 - Wethouder Bakker: Ik bel de pers.
03-02-2026 09:20 - Gijs (brandweer): Weg is vrij.
03-02-2026 09:21 - Mo OOV: Besluit staat klaar.
03-02-2026 09:25 - Burg. Hoekstra: Top.
"""


@pytest.fixture(scope="module")
def findings() -> list[Finding]:
    return Detector().detect_case({"chat": CHAT})["chat"]


def _redacted(findings: list[Finding], start: int, end: int) -> bool:
    return any(f.action == "redact" and f.start <= start and f.end >= end for f in findings)


def _touched(findings: list[Finding], start: int, end: int) -> bool:
    return any(f.action == "redact" and f.start < end and f.end > start for f in findings)


def test_display_name_with_tag_is_redacted_whole_everywhere(findings: list[Finding]) -> None:
    for name in ("Femke boa Handhaving", "Gijs (brandweer)"):
        i = CHAT.find(name)
        assert i >= 0
        while i >= 0:
            assert _redacted(findings, i, i + len(name)), (name, i)
            i = CHAT.find(name, i + 1)


def test_given_name_of_a_participant_alone(findings: list[Finding]) -> None:
    i = CHAT.find("Mo kun jij")
    assert _redacted(findings, i, i + len("Mo"))


def test_given_name_opening_another_name_is_left_to_its_own_rules() -> None:
    text = ("01-02-2026 10:00 - Jan OOV: Start.\n01-02-2026 10:05 - Jan OOV: Jan, bel jij?\n"
            "Persmoment bij het gemeentehuis, Jan Deckersstraat 6.\n")
    opener = Mention(19, 22, "Jan", 0.9, "voornaam", NameParts(first="Jan", initials=None, surname=None,
                                                                tokens=["Jan"]))
    found = chatnames.display_names(text, [opener])
    alone = [f.start for f in found if f.text == "Jan"]
    assert alone == [text.index("Jan, bel")]  # not 'Jan Deckersstraat'


def test_office_holder_display_name_stays_public(findings: list[Finding]) -> None:
    for name in ("Burg. Hoekstra", "Wethouder Bakker"):
        i = CHAT.find(name)
        while i >= 0:
            assert not _touched(findings, i, i + len(name)), name
            i = CHAT.find(name, i + 1)
