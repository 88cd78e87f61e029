"""Case-wide consistency: persons, not strings, are propagated across documents."""

from __future__ import annotations

from wooflow.detect import Detector, detect_case, detect_text

MAIL = (
    "Van: Sanne Kuipers <s.kuipers@minvws.nl>\n"
    "Aan: Bouchra el Idrissi\n\n"
    "Hoi Bouchra,\n\nMinister Kuipers wil een spreeklijn.\n\nGroet,\nSanne\n"
)
MEMO = "Kuipers heeft de nota opgesteld. S. Kuipers belt morgen. Sanne is er vrijdag niet."
BRIEF = "De minister, Kuipers, sprak met het lid Eerdmans (JA21). Later sprak Eerdmans opnieuw."


def _by_text(findings):
    out: dict[str, set[str]] = {}
    for f in findings:
        out.setdefault(f.text, set()).add(f.action)
    return out


def test_person_redacted_in_every_form_and_document() -> None:
    res = detect_case({"mail": MAIL, "memo": MEMO})
    memo = _by_text(res["memo"])
    assert memo["S. Kuipers"] == {"redact"}
    assert memo["Sanne"] == {"redact"}
    assert memo["Kuipers"] == {"redact"}  # the civil servant: nearest full mention in the case
    mail = _by_text(res["mail"])
    assert "s.kuipers" in mail and mail["s.kuipers"] == {"redact"}


def test_minister_with_same_surname_stays_public_by_context() -> None:
    res = detect_case({"mail": MAIL, "memo": MEMO})
    minister = [f for f in res["mail"] if f.text == "Kuipers"]
    assert minister and all(f.action == "keep" for f in minister)
    assert "minister" in minister[0].reason


def test_public_person_stays_public_everywhere() -> None:
    res = detect_case({"brief": BRIEF, "notitie": "Eerdmans stelde vragen over de uitslag."})
    assert {f.action for f in res["notitie"] if f.text == "Eerdmans"} == {"keep"}
    assert {f.action for f in res["brief"] if "Eerdmans" in f.text} == {"keep"}


def test_detect_text_is_a_single_document_case() -> None:
    assert detect_text(MEMO) == Detector().detect_case({"x": MEMO})["x"]


def test_overlaps_are_merged_and_spans_exact() -> None:
    text = "Ik woon op Dorpsstraat 12, 1234 AB Ergens. Mail: jan.jansen@gmail.com"
    findings = detect_text(text)
    for a, b in zip(findings, findings[1:]):
        assert a.end <= b.start
    for f in findings:
        assert text[f.start : f.end] == f.text


def test_place_and_word_not_propagated() -> None:
    res = detect_case({
        "a": "Aanwezig: Wim van Tiel (bewoner), Marieke Groen",
        "b": "Gemeente Tiel stuurt de stukken naar GroenLinks. Groot deel is klaar.",
    })
    assert [f for f in res["b"] if f.action == "redact"] == []


def test_common_word_person_is_never_propagated() -> None:
    from wooflow.detect.consistency import build_registry
    from wooflow.detect.names import NameParts
    from wooflow.detect.recognizers.person import Mention

    door = Mention(0, 4, "Door", 0.93, "naam in kopregel", NameParts(first="Door", initials=None, surname=None,
                                                                      tokens=["Door"]), strong=True)
    pieter = Mention(10, 23, "Pieter de Wit", 0.93, "naam", NameParts(first="Pieter", initials=None, surname="de Wit",
                                                                     tokens=["Pieter", "de", "Wit"]), strong=True)
    reg = build_registry({"a": [door, pieter]}, {}, {"a": "Door      Pieter de Wit"})
    assert "Door" not in reg.redacted_first and "door" not in reg.redacted
    assert "de wit" in reg.redacted and "Pieter" in reg.redacted_first


def test_no_propagation_into_an_organisation_name() -> None:
    res = detect_case({"a": "Van: Jan van Dijk\nGroet, Jan van Dijk",
                       "b": "Stichting Van Dijk\nT.a.v. het bestuur. Van Dijk belde."})
    b = res["b"]
    assert [(f.start, f.action) for f in b if f.category == "person"] == [(b[0].start, "redact")]
    assert b[0].start > len("Stichting Van Dijk")


def test_the_same_full_name_as_a_kept_office_holder_is_that_holder() -> None:
    # heldout19 013: signatories introduced with their office, then signing with initials only
    from wooflow.detect import Detector

    text = ("Partijen:\n1. Waterschap Rijn en IJssel, vertegenwoordigd door heemraad drs. M.A. (Maaike) "
            "Hendriksen-ter Maat, hierna: het waterschap;\n2. de gemeente Oost Gelre, vertegenwoordigd door "
            "wethouder A.G.J. (Ton) Stortelder, hierna: de gemeente.\n\nContactpersoon: J.P. Stortelder, "
            "afdeling Vergunningen.\n\nOndertekend:\n\nM.A. Hendriksen-ter Maat          A.G.J. Stortelder\n")
    found = [(f.text, f.action) for f in Detector().detect_case({0: text})[0] if f.category == "person"]
    assert ("M.A. Hendriksen-ter Maat", "keep") in found and ("A.G.J. Stortelder", "keep") in found
    assert ("J.P. Stortelder", "redact") in found  # other initials: someone else


def test_a_double_surnames_own_part_names_the_same_person() -> None:
    # heldout18 004: the chair is introduced in full and then called by her own surname
    from wooflow.detect import detect_text

    text = ("Aanwezig:\nTjitske Oostra-Greidanus (arts infectieziektebestrijding, voorzitter)\n\n"
            "1. Opening\nOostra opent het overleg.\n")
    assert ("Oostra", "redact") in {(f.text, f.action) for f in detect_text(text)}


def test_a_double_surname_whose_tail_looks_like_a_noun_is_a_name() -> None:
    # heldout20 005: 'Schuiling' (a listed surname) reads as 'schuil-ing' in a compound
    from wooflow.detect import detect_text, lexicon

    assert lexicon.double_surname("Lubbelink-Schuiling") and not lexicon.double_surname("Noord-Holland")
    text = "G.W. (Gert) Lubbelink-Schuiling\nDedemsvaartseweg-Noord 58\n\nGeachte heer Lubbelink-Schuiling,\n"
    redacted = {f.text for f in detect_text(text) if f.action == "redact"}
    assert {"G.W. (Gert) Lubbelink-Schuiling", "Lubbelink-Schuiling"} <= redacted


def test_a_demonym_before_a_name_is_context_and_diacritics_keep_a_given_name() -> None:
    # heldout20 007: 'de Duitser Jürgen Wallraff' (the list holds 'Jurgen')
    from wooflow.detect import detect_text, lexicon

    assert lexicon.is_first_name("Jürgen")
    for text, name in [("schipper is de Duitser Jürgen Wallraff, ligt nu in de boot.\n", "Jürgen Wallraff"),
                       ("de Belg Jan Jansen belde.\n", "Jan Jansen")]:
        assert (name, "redact") in {(f.text, f.action) for f in detect_text(text)}


def test_a_role_noun_compound_before_a_name_is_context() -> None:
    # CoNLL-2002 ned.testa: 'de Amerikaanse Nobelprijswinnaar Stanley B. Prusiner'
    from wooflow.detect import detect_text

    text = "publiceerde de Amerikaanse Nobelprijswinnaar Stanley B. Prusiner een studie.\n"
    assert ("Stanley B. Prusiner", "redact") in {(f.text, f.action) for f in detect_text(text)}
