"""Unit tests for the short-name rules (@mentions, initials, motion names)."""

from __future__ import annotations

from wooflow.detect import detect_text, shortnames
from wooflow.detect.recognizers.person import PersonRecognizer


def _mentions(text: str) -> list:
    return PersonRecognizer(use_model=False).mentions(text)


def test_at_mentions_skip_mail_addresses_and_accounts() -> None:
    found = [m.text for m in shortnames.at_mentions("mail a.visser@gouda.nl of @gemeentegouda, @Lotte")]
    assert found == ["Lotte"]


def test_person_initials_cover_tussenvoegsel_and_initials_forms() -> None:
    ms = _mentions("Van: Roos van der Linden\nCc: Hoogendoorn, P.L.\nAanwezig: Dragan Petrović")
    known = shortnames._person_initials(ms)
    assert {"RvdL", "RL", "PLH", "DP"} <= known


def test_initials_need_a_named_person_or_an_action_word() -> None:
    assert _mentions("De RVO en het CBS leveren cijfers; KV twijfelt.") == []
    assert [(m.text, m.reason) for m in _mentions("Actiepunt: KV belt de RVO.")] == [
        ("KV", "initialen als actiehouder")]


def test_mail_subject_prefixes_are_not_a_named_persons_initials() -> None:
    text = "Bijlage bij RE: Overleg\nVolgens Ruben Eikelenboom is het haalbaar. FW: agenda"
    found = {(f.text, f.action) for f in detect_text(text)}
    assert ("Ruben Eikelenboom", "redact") in found
    assert not {t for t, _ in found} & {"RE", "FW"}
    defined = "Ruben Eikelenboom (RE) belt morgen. RE stuurt de stukken."  # defined: initials again
    later = defined.rindex("RE")
    assert any(f.start <= later and f.end >= later + 2 and f.action == "redact" for f in detect_text(defined))


def test_motion_names_are_kept_as_public() -> None:
    ms = shortnames.motion_names("de motie-Ceder/Van der Staaij en het amendement-Dassen")
    assert [(m.text, m.public is not None) for m in ms] == [
        ("Ceder", True), ("Van der Staaij", True), ("Dassen", True)]


def test_first_initial_and_surname_and_slash_joined_owners() -> None:
    # 'R.J. Schellekens (RS, ...)': the first initial and the surname's; 'HS/RS' in an action
    # table are two owners (blind batch 9, 003)
    text = ("Aanwezig: ing. R.J. Schellekens (RS, technisch manager), H. Sprangers (HS)\n\n"
            "Nr | Actie | Wie | Datum\n17-01 | Notitie duiker | HS/RS | 01-06-2024\n")
    cell = text.index("HS/RS")
    redacted = {(f.start, f.text) for f in detect_text(text) if f.action == "redact"}
    assert (text.index("(RS") + 1, "RS") in redacted
    assert (cell, "HS") in redacted and (cell + 3, "RS") in redacted


def test_a_register_legend_makes_common_letters_a_persons_paraaf() -> None:
    from wooflow.detect.detector import detect_text

    rows = (
        "nr\tdatum\tmelder\tklacht\tbeh.\n"
        "1\t02-07\tP. Oudejans\ttaxi niet gekomen\tMB\n"
        "2\t09-07\tanoniem\tbusje reed door rood\tMB\n"
    )
    legend = "Legenda beh.: MB = M. Bennani (team Wmo)\n"
    with_legend = [f for f in detect_text(rows + "\n" + legend) if f.text == "MB"]
    assert len(with_legend) == 3 and all(f.action == "redact" for f in with_legend)
    # without the legend 'MB' stays what it usually is (megabyte, a body's abbreviation)
    assert not [f for f in detect_text(rows + "\nHet bestand is 5 MB groot.\n") if f.text == "MB"]


def test_a_common_abbreviation_in_a_column_of_paraafs_is_a_paraaf() -> None:
    from wooflow.detect import detect_text

    text = ("Aanwezig:\nThomas Ruijgrok, grondverwerver\nMehmet Yıldız, omgevingsmanager\n"
            "Marjolein Bakkenes, omgevingsmanager\n\nActies\n"
            "A1   contact over schuur Molendijk 41            TR   november 2026\n"
            "A2   bouwkundige nulmeting Sasdijk organiseren   MY   voor start heiwerk\n"
            "A3   oprichting klankbordgroep                   MB   december 2026\n")
    red = {f.text for f in detect_text(text) if f.action == "redact"}
    assert {"TR", "MY", "MB"} <= red
    assert "MB" not in {f.text for f in detect_text("Het bestand is 12 MB groot. Marjolein Bakkenes mailt het.")
                        if f.action == "redact"}


def test_paraaf_initials_with_a_small_particle_are_a_persons() -> None:
    # stamps and margin notes of OCR'd documents (h11 010, h12 007, h13 008, h15 008): the
    # particle written small is the shape of a person's paraaf, wherever it stands
    text = ("[scan, ontvangen postkamer 03-09-2026, paraaf KvdB]\n"
            "Zorgplan ontvangen, foutief op 'onvolledig' gezet door MvO.\n"
            "Naar taxatie HvdV voor vaststelling. AdJ\n")
    red = {f.text for f in detect_text(text) if f.action == "redact"}
    assert {"KvdB", "MvO", "HvdV", "AdJ"} <= red


def test_bodies_and_references_with_particle_shape_stay_public() -> None:
    text = ("Het advies gaat door naar RvS en de RvdK; zie MvT, p. 35. Stemmen van PvdA en PvdD.\n"
            "Ons kenmerk: 2023/1188/HvR\nHet dossier van de GvW ligt bij de GvW zelf.\n")
    found = {m.text for m in shortnames.particle_initials(text, _mentions(text))}
    assert not found & {"RvS", "RvdK", "MvT", "PvdA", "PvdD", "HvR", "GvW"}
    # the same letters outside a reference number and without an article are a paraaf
    assert [m.text for m in shortnames.particle_initials("Gezien, paraaf HvR en GvW.", [])] == ["HvR", "GvW"]


def test_particle_initials_of_a_public_office_holder_are_not_redacted() -> None:
    ms = _mentions("Wethouder Jan de Groot (JdG) opent de vergadering. JdG stelt voor om ...")
    public = [m for m in ms if m.public is not None]
    found = shortnames.particle_initials("JdG stelt voor", ms)
    assert public and not found


def test_dotted_initials_with_an_age_name_a_person() -> None:
    text = "00:21 - Ruud (politie): 2 aanhoudingen Voorstraat: D.K. (17) en Jesse van Rijn (19)."
    red = {f.text for f in detect_text(text) if f.action == "redact"}
    assert "D.K." in red
    assert not shortnames.noun_initials("Zie bijlage B. (12) en art. 3 lid 2 (5).")


def test_initials_in_non_ascii_capitals() -> None:
    text = ("Aanwezig: Ş. Yıldırım, M. Kaya\n\nNr   Actie                    Wie     Gereed\n"
            "1    Meetrapport delen        ŞY/MK   23-01\n")
    cell = text.index("ŞY/MK")
    red = {(f.start, f.text) for f in detect_text(text) if f.action == "redact"}
    assert (cell, "ŞY") in red and (cell + 3, "MK") in red


def test_a_common_abbreviation_signing_off_or_slash_joined_is_a_persons_paraaf() -> None:
    # 'TB' (terabyte) and 'MB' (megabyte) are usually units; the initials of a named person at the
    # end of a finished sentence (an e-mail's sign-off, h10 001) or joined by a slash to another
    # person's initials (joint owners, h13 002) are that person's
    mail = ("Van: Brouwer, Thijs <t.brouwer@apeldoorn.nl>\nAan: Wesselink, Rianne\n\n"
            "Rianne, wil jij de adviezen opvragen? De organisator heeft een nieuwe contactpersoon, zie onder. TB\n")
    assert "TB" in {f.text for f in detect_text(mail) if f.action == "redact"}
    units = "Van: Brouwer, Thijs\n\nDe schijf is 2 TB\ngroot. De back-up is 4 TB.\n"
    assert "TB" not in {f.text for f in detect_text(units) if f.action == "redact"}
    owners = ("Aanwezig:\nReinier Kuipers-Mulder (concessiemanager)\nMarit Bakkenes (beleidsmedewerker)\n\n"
              "Acties\n26-14  twee varianten avonddienst uitwerken     RKM / MB     5 nov\n")
    cell = owners.index("RKM / MB")
    red = {(f.start, f.text) for f in detect_text(owners) if f.action == "redact"}
    assert (cell, "RKM") in red and (cell + 6, "MB") in red
    assert "MB" not in {f.text for f in detect_text("Marit Bakkenes stuurt 5 MB / 2 MB aan bijlagen.")
                        if f.action == "redact"}


def test_a_paraaf_with_the_surnames_next_letter_is_the_named_persons() -> None:
    # heldout16 001: 'J. Kranendonk   JKr' in a PARAFEN row; heldout19 011: 'J. Scholten (JSc)'
    from wooflow.detect import detect_text

    text = ("Teamleider Klantbeleid          J. Kranendonk          JKr     15-10\n"
            "Zie ook de notitie van J. Scholten (JSc) van vorige week.\n")
    covered = {i for f in detect_text(text) if f.action == "redact" for i in range(f.start, f.end)}
    for paraaf in ("JKr", "JSc"):
        at = text.index(paraaf)
        assert set(range(at, at + 3)) <= covered, paraaf
