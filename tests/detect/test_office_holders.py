"""Office holders read as private persons (issue 10, kept public): abbreviated and water-board
offices, an office in the next column, board seats of a named public authority, motion
submitters. Each test also holds a private person in the same shape, who must stay redacted."""

from __future__ import annotations

from wooflow.detect import detect_text, publicrole


def _redacted(text: str, part: str) -> bool:
    s = text.index(part)
    return any(f.action == "redact" and f.start < s + len(part) and s < f.end for f in detect_text(text))


def test_abbreviated_offices_in_a_chat_stay_public() -> None:
    text = ("Deelnemers: Burg. Bremer (+31 6 21 84 30 57), Weth. Eelman (+31 6 51 09 77 42), "
            "Arjan Dekker (+31 6 43 18 26 90)\n"
            "14-01-2027 06:55 - Burg. Bremer: Dank. Ik wil om 8 uur een beleidsteam.\n"
            "14-01-2027 08:34 - Weth. Eelman: Net gebeld met Rederij Doeksen.\n")
    assert not _redacted(text, "Burg. Bremer")
    assert not _redacted(text, "Weth. Eelman")
    assert not _redacted(text, "08:34 - Weth. Eelman")
    assert _redacted(text, "Arjan Dekker")


def test_water_board_office_opening_a_sentence() -> None:
    text = ("2. Peilbesluit polder Bergambacht-Noord\n"
            "Hoogheemraad Schouten licht de stand van zaken toe. Mevrouw Schoutens-Brink uit Bergambacht "
            "vraagt naar de kwel onder haar woning.\n"
            "De kade is in mei geïnspecteerd. Heemraad Van Dam heeft de resultaten toegelicht.")
    assert not _redacted(text, "Hoogheemraad Schouten")
    assert not _redacted(text, "Heemraad Van Dam")
    assert _redacted(text, "Schoutens-Brink")


def test_office_in_the_next_column() -> None:
    text = ("Bestuur en projectteam Waterschap Rivierenland\n"
            "Jan Willem Schuurman           heemraad, portefeuillehouder dijkversterking\n"
            "Rik Hoogendoorn                 omgevingsmanager\n")
    assert publicrole.role_after(text, text.index("Schuurman") + len("Schuurman")) == "heemraad"
    assert not _redacted(text, "Jan Willem Schuurman")
    assert _redacted(text, "Rik Hoogendoorn")
    # a surname in the next column is no office, also when it is an office word ('Koning')
    register = "Informatie per 23/10/2020\n\nGedetineerde   Koning, J. de\nGeboortedatum 16/10/1999\n"
    assert publicrole.role_after(register, register.index("Gedetineerde") + len("Gedetineerde")) is None
    assert _redacted(register, "Koning, J. de")


def test_board_seat_of_a_named_public_authority() -> None:
    text = ("Bestuurslid mr. C.G. Olthof-Ramdin van de ACM heeft het onderzoek toegelicht.\n"
            "Bestuurslid mr. P.J. Hendriksen van de tennisvereniging heeft het onderzoek gelezen.\n"
            "Bestuurder Marij Dautzenberg-Keulers (lid dagelijks bestuur, watersysteem) komt op 3 december.\n")
    assert not _redacted(text, "C.G. Olthof-Ramdin")
    assert _redacted(text, "P.J. Hendriksen")
    assert not _redacted(text, "Marij Dautzenberg-Keulers")


def test_motion_submitters_are_council_members() -> None:
    text = ("De opvang is geregeld (motie M-2026-41 van de fracties CDA en GroenLinks, ingediend door\n"
            "Rients Bouma en Esther Postma-Ameling).\n\n"
            "De klacht over de opvang is ingediend door\nPiet Jansen en Anna de Vries.\n\n"
            "Ingediend door:\nR. Bakker, VVD\nA. Smeets-Pelzer, Heerlen Leeft!\n")
    assert not _redacted(text, "Rients Bouma")
    assert not _redacted(text, "Esther Postma-Ameling")
    assert _redacted(text, "Piet Jansen")
    assert _redacted(text, "Anna de Vries")
    assert not _redacted(text, "A. Smeets-Pelzer")


def test_portfolio_table_cell_motion_and_wrapped_role_list() -> None:
    text = ("Ter info: wethouder openbare ruimte K. van Elst en bewoner P. van Ommen.\n"
            "De wethouder zorg belde gisteren Jan Snoeken.\n"
            "De wethouder ruimtelijke ordening, Karin Versluis-Hoek, is geïnformeerd.\n"
            "Minister voor Klimaat en Groene Groei| J.H. Verhoef   |\n"
            "Wij verwijzen naar de motie Tuzcu/Van der Ploeg (M2025-17).\n"
            "Aanwezig: burgemeester Schuurmans, wethouders Korkmaz-de Vries,\nDe Haan, Tromp en Van Baar.\n")
    for public in ("K. van Elst", "Karin Versluis-Hoek", "J.H. Verhoef", "Van der Ploeg", "Van Baar"):
        assert not _redacted(text, public), public
    assert _redacted(text, "P. van Ommen")
    assert _redacted(text, "Jan Snoeken")


def test_given_name_of_a_correspondent_in_a_public_role() -> None:
    text = ("Van:            Haddouchi, Nadia <n.haddouchi@rotterdam.nl>\n"
            "Aan:            Stuivenberg, Joost <j.stuivenberg@rotterdam.nl>\n"
            "Onderwerp: vragen NRC\n\nHierbij de reactie.\n\nMet vriendelijke groet,\n\n"
            "Nadia Haddouchi\nWoordvoerder wethouder Ravensberg | Directie Communicatie\n\n"
            "Aan: Haddouchi, Nadia <n.haddouchi@rotterdam.nl>\nOnderwerp: RE: vragen NRC\n\n"
            "Hoi Nadia,\n\nInhoudelijk klopt de tekst. Groet, Joost\n")
    assert not _redacted(text, "Hoi Nadia")
    assert _redacted(text, "Groet, Joost")


def test_chat_speaker_with_surname_initial_in_a_role_is_the_full_name() -> None:
    text = ("Deelnemers: Ellen Wolters-Hendrix (+31 6 51 44 02 87), Ellen Smit (+31 6 22 70 93 15)\n"
            "16-03-26 07:58 - Ellen W (burg): Goedemorgen. Ik wil vandaag een spoedsluiting.\n"
            "16-03-26 08:02 - Ellen Smit: Ik bereid het besluit voor.\n")
    assert not _redacted(text, "Ellen Wolters-Hendrix")
    assert _redacted(text, "Ellen Smit (")


def test_second_signatory_of_a_governing_body() -> None:
    body = ("Middelburg, 14 mei 2024\n\nGedeputeerde Staten van Zeeland,\n"
            "A.M. van der Hoek-Vermeulen, voorzitter\ndrs. K. Dees, secretaris\n")
    assert not _redacted(body, "K. Dees")
    closing = "Met vriendelijke groet,\n\nP. Jansen, adviseur\nK. de Vries, jurist\n"
    assert _redacted(closing, "K. de Vries")


def test_names_listed_after_an_alderman_with_a_particle_are_not_his_title() -> None:
    # 'Weth. Van 't Zand, Marjolein OOV, ...': the 'van ...' is the alderman's surname, the
    # names after the comma are further list items, not the complement of his title
    text = ("14-09-2026 05:41 - Kees AC Bz heeft Burg. Roelse-Kodde, Weth. Van 't Zand, Marjolein Verhage, "
            "Bram Oudijk toegevoegd\n"
            "14-09-2026 05:47 - Burg. Roelse-Kodde: Dank. Ik ben om 06.15 in het stadhuis.\n")
    assert not _redacted(text, "Roelse-Kodde")
    assert not _redacted(text, "Van 't Zand")
    assert _redacted(text, "Marjolein Verhage")
    assert _redacted(text, "Bram Oudijk")


def test_an_attendance_line_of_aldermen_over_three_lines() -> None:
    text = ("Aanwezig\n"
            "Wethouders: A.M. (Ans) Vromans-Luijk (Roosendaal, voorzitter), Yasmina Boutaleb (Bergen op Zoom), "
            "Ruud van Gastel\n"
            "(Halderberge), Cor Hagenaars (Moerdijk), Thijs Oerlemans (Steenbergen),\n"
            "Mieke de Bruijn-Nuijten (Woensdrecht)\n"
            "Ambtelijk: Pieter Smulders (beleidsadviseur), Karin de Wit (secretaris)\n")
    for alderman in ("Vromans-Luijk", "Yasmina Boutaleb", "Ruud van Gastel", "Cor Hagenaars", "Mieke de Bruijn"):
        assert not _redacted(text, alderman), alderman
    assert _redacted(text, "Pieter Smulders")
    assert _redacted(text, "Karin de Wit")


def test_a_list_that_is_no_list_fails_fast() -> None:
    from wooflow.detect import publicrole

    # linear, not exponential: 'Aaaa en ' 15 times took 10 s with the former pattern
    assert publicrole.LIST_TAIL.fullmatch("Aaaa en " * 2000 + "(x") is None
    assert publicrole.LIST_TAIL.fullmatch("Aaaa  (b)  en  " * 2000 + "(x") is None


def test_offices_of_the_caribbean_netherlands() -> None:
    text = ("Aanwezig: gezaghebber E.R. Martis-Janga (voorzitter), secretaris R.M. Coffie.\n"
            "Eilandsraadslid Nina den Heyer heeft vragen gesteld; Karin Jansen (beleidsmedewerker) zoekt het uit.\n\n"
            "Commissioner Heyliger-Sorton visited on Monday. Island Council member Reginald Every told me about "
            "the fund, and my neighbour Rita Hassell saw it too.\n")
    for holder in ("Martis-Janga", "Nina den Heyer", "Heyliger-Sorton", "Reginald Every"):
        assert not _redacted(text, holder), holder
    assert _redacted(text, "Karin Jansen")
    assert _redacted(text, "Rita Hassell")
