"""A team's or service's mailbox named by its display name ('Team OOV <oov@doetinchem.nl>') is
kept with that name (issue 10, kept public); a person's display name never is."""

from __future__ import annotations

from wooflow.detect import detect_text


def _redacted(text: str, part: str) -> bool:
    s = text.index(part)
    return any(f.action == "redact" and f.start < s + len(part) and s < f.end for f in detect_text(text))


def test_team_mailbox_named_by_its_display_name() -> None:
    text = ("Van: Groenendijk, Mees <m.groenendijk@hhnk.nl>\n"
            "CC: Zwemwater HHNK <zwemwater@hhnk.nl>; Team OOV <oov@doetinchem.nl>\n"
            "Aan: Werkgeversservicepunt Drenthe <wsp.drenthe@uwv.nl>\n"
            "CC: DGMI EU-coördinatie <eu-coordinatie@minienw.nl>\n"
            "Onderwerp: blauwalg\n")
    for team in ("Zwemwater HHNK <zwemwater@hhnk.nl>", "Team OOV <oov@doetinchem.nl>",
                 "Werkgeversservicepunt Drenthe <wsp.drenthe@uwv.nl>",
                 "DGMI EU-coördinatie <eu-coordinatie@minienw.nl>"):
        assert not _redacted(text, team), team
    assert _redacted(text, "Groenendijk, Mees")
    assert _redacted(text, "m.groenendijk")


def test_person_display_name_is_never_a_team() -> None:
    text = ("Aan: Jan Jansen <jan.jansen@gemeente.nl>; Van Dam Kees <kees.vandam@gemeente.nl>\n"
            "CC: Kuipers, S. <skuipers@gemeente.nl>; Team Bakker <bakker@gemeente.nl>\n"
            "CC: Przemysław Wójtowicz <p.wojtowicz@bouwbedrijf-stroobos.nl>\n"
            "Op 2 mei schreef Mei-Ling Tjoa <m.tjoa@utrecht.nl>:\n"
            "Onderwerp: overleg\n")
    # unlisted names spelling their own local part are persons, not teams
    assert _redacted(text, "p.wojtowicz")
    assert _redacted(text, "Mei-Ling Tjoa")
    assert _redacted(text, "m.tjoa")
    assert _redacted(text, "jan.jansen")
    assert _redacted(text, "kees.vandam")
    assert _redacted(text, "skuipers")
    assert _redacted(text, "bakker@")


def test_a_persons_display_name_that_spells_the_local_part_makes_it_personal() -> None:
    from wooflow.detect import detect_text

    found = detect_text("Van: De Boer <deboer@gemeente.nl>\nOnderwerp: vergunning\n")
    assert not any(f.action == "keep" and "deboer" in f.text for f in found)
    assert any(f.action == "redact" and f.text == "deboer" for f in found)
    kept = detect_text("Aan: Klantcontact <klantcontact@ede.nl>\n")
    assert any(f.action == "keep" and "klantcontact" in f.text for f in kept)
