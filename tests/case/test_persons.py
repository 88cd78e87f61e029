from __future__ import annotations

import pytest

from wooflow.case.persons import parse_name


@pytest.mark.parametrize(
    ("text", "category", "key"),
    [
        ("Sanne Kuipers", "person", "kuipers|s"),
        ("S. Kuipers", "person", "kuipers|s"),
        ("mevr. S. Kuipers", "person", "kuipers|s"),
        ("s.kuipers@minvws.nl", "email", "kuipers|s"),
        ("sanne.kuipers@minvws.nl", "email", "kuipers|s"),
        ("Jan van der Berg", "person", "vanderberg|j"),
        ("j.vanderberg@x.nl", "email", "vanderberg|j"),
        ("j.vandenberg@x.nl", "email", "vandenberg|j"),
        ("minister Hugo de Jonge", "person", "dejonge|h"),
        ("Kuipers", "person", "kuipers|"),
        ("Émile Noël", "person", "noel|e"),
    ],
)
def test_person_keys(text: str, category: str, key: str) -> None:
    parts = parse_name(text, category)
    assert parts is not None and parts.key == key


def test_unusable_forms() -> None:
    assert parse_name("info@minvws.nl", "email") is None
    assert parse_name("dhr.", "person") is None
