"""Nationality attached to a private person (wooflow/detect/nationality.py)."""

from __future__ import annotations

from wooflow.detect import nationality
from wooflow.detect.recognizers.base import Starts


def _spans(text: str, *names: str) -> Starts:
    return Starts([(text.find(n), text.find(n) + len(n)) for n in names])


def test_apposition_after_a_named_person() -> None:
    text = "Slachtoffer is Marek Nowicki (41),\nSlowaakse vrachtwagenchauffeur bij een transportbedrijf."
    found = nationality.attached(text, _spans(text, "Marek Nowicki"))
    assert [f.text for f in found] == ["Slowaakse"]
    assert found[0].action == "redact" and found[0].category == "special_category"


def test_nationality_near_the_person() -> None:
    text = "Op het adres staat ook Ilse Kramer ingeschreven (geb. 2 mei 1980, Duitse nationaliteit)."
    assert [f.text for f in nationality.attached(text, _spans(text, "Ilse Kramer"))] == ["Duitse"]


def test_policy_text_stays() -> None:
    text = ("Poolse arbeidsmigranten wonen vaak in Twente. De Duitse nationaliteit geeft recht op verblijf. "
            "Wethouder Jansen sprak met de Nederlandse ambassade.")
    assert nationality.attached(text, Starts([])) == []
    # after a named person, an organisation's name is no apposition ('Nederlandse Spoorwegen')
    text2 = "Jan Visser, Nederlandse Spoorwegen, belde gisteren."
    assert nationality.attached(text2, _spans(text2, "Jan Visser")) == []
