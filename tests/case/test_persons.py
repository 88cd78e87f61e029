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


def test_word_runs_of_a_few_persons_equal_the_full_scan(monkeypatch: pytest.MonkeyPatch) -> None:
    """The regex shortcut for one decision finds the same positions as visiting every word."""
    import importlib

    p = importlib.import_module("wooflow.case.persons")  # the package exports a function "persons"

    text = (
        "Jan Bergman, JAN BERGMAN en jan. Bergman; Bergman-Jansen, Bergmann, A.Jansen en a. jansen"
        " (Jansen) Éva Öz  éva   öz, xJan, Jan_Bergman\nJan\nBergman ANNA anna-Marie jan" + " -" * 80 + " Bergman"
        + " Jan" + "x" * 90 + " Bergman"
    )
    wanted = {("jan", "bergman"), ("bergman",), ("a", "jansen"), ("jansen",), ("éva", "öz"), ("anna",),
              ("jan",)}
    fast = p._runs(text, wanted)
    monkeypatch.setattr(p, "_FEW_WORDS", 0)
    slow = p._runs(text, wanted)
    assert dict(fast) == dict(slow)
    # not Jan_Bergman nor "Janxxx… Bergman"; "jan - - … Bergman" are consecutive word runs
    assert len(fast[("jan", "bergman")]) == 5 and fast[("jan", "bergman")][:2] == [0, 13]
    assert fast[("éva", "öz")] and len(fast[("anna",)]) == 2
