"""Evidence from the case and the document's own shapes: mandated signatories of a governing
body, firms named after persons, street names, units in brackets after a name, mailboxes
named with ordinary words, and 'van' as a preposition after an office."""

from __future__ import annotations

from array import array

from wooflow.detect import detect_case, detect_text
from wooflow.detect.namemodel import Reading
from wooflow.detect.recognizers.email import is_functional
from wooflow.detect.recognizers.person import PersonRecognizer


def _by_text(text: str) -> dict[str, str]:
    return {f.text: f.action for f in detect_text(text)}


def _redacted(text: str) -> set[str]:
    return {f.text for f in detect_text(text) if f.action == "redact"}


SIGNED = (
    "Wij hebben besloten uw aanvraag toe te kennen.\n\n"
    "Met vriendelijke groet,\n"
    "burgemeester en wethouders van Utrecht,\n"
    "namens dezen,\n\n"
    "J.A. Vredenburg\n"
    "afdelingsmanager Vergunningen, Toezicht en Handhaving\n"
)


def test_signatory_for_a_governing_body_stays_public() -> None:
    found = _by_text(SIGNED)
    assert found.get("J.A. Vredenburg") == "keep"
    provincial = SIGNED.replace("burgemeester en wethouders van Utrecht", "Gedeputeerde Staten van Gelderland")
    assert _by_text(provincial).get("J.A. Vredenburg") == "keep"


def test_a_name_without_the_body_above_is_still_redacted() -> None:
    plain = SIGNED.replace("burgemeester en wethouders van Utrecht,\nnamens dezen,\n", "")
    assert "J.A. Vredenburg" in _redacted(plain)


FIRM = (
    "De heer mr. R.J. Hoogstraten heeft namens cliënte bezwaar gemaakt.\n"
    "Afschrift: mr. R.J. Hoogstraten, Hoogstraten & Peters Advocaten, te Nijmegen.\n"
    "Een van de vervoerders, Van der Wal Transport B.V., heeft een terrein aangeboden. "
    "Jan van der Wal belde later.\n"
)


def test_a_persons_surname_inside_a_firm_name_is_not_propagated() -> None:
    red = _redacted(FIRM)
    assert "R.J. Hoogstraten" in red and "Jan van der Wal" in red
    starts = {f.start for f in detect_text(FIRM) if f.action == "redact"}
    assert FIRM.index("Hoogstraten & Peters") not in starts
    assert FIRM.index("Van der Wal Transport") not in starts


def test_sector_compound_after_a_name_is_a_firm() -> None:
    text = "Het ontwerp is gemaakt door Pieters Bouwtechniek uit Utrecht en goedgekeurd.\n"
    assert not any("Pieters" in t for t in _redacted(text))


STREET = {
    "a": "HOLTHUIS METAAL B.V.\nJosink Esweg 44 · 7545 PN Enschede · info@holthuis-metaal.nl\n",
    "b": "Dagelijks rijden er vrachtwagens via de Josink Esweg en de Haaksbergerstraat naar ons terrein.\n",
}


def test_a_street_the_case_writes_in_an_address_is_no_person() -> None:
    out = detect_case(STREET)
    assert not any(f.category == "person" and "Josink" in f.text for fs in out.values() for f in fs)


def _reading(spans: list[tuple[int, int, float]], tokens: list[tuple[int, int, float, str]]) -> Reading:
    return Reading(spans=spans, starts=array("q", [t[0] for t in tokens]), ends=array("q", [t[1] for t in tokens]),
                   probs=array("d", [t[2] for t in tokens]), types=[t[3] for t in tokens])


def test_unit_in_brackets_after_a_name_is_no_model_candidate() -> None:
    # the model reads 'BenU Areaalbeheer' as a name (it did in a Teams export): in brackets right
    # after a name the rules found, two words are the person's unit, not a second person
    text = "[26-06-2025 07:44] Hakkert, Nienke (BenU Areaalbeheer)\nDank voor de melding.\n"
    s, e = text.index("BenU"), text.index(")")
    rec = PersonRecognizer()
    rule = [m for m in rec.mentions(text) if m.text == "Hakkert, Nienke"]
    assert rule
    reading = _reading([(s, e, 0.84)], [(s, s + 4, 0.8, "PER"), (s + 5, e, 0.8, "PER")])
    assert not [m for m in rec._apply_model(text, rule, reading) if m.text == "BenU Areaalbeheer"]
    called = "Verhoeven, A.C.M. (Ad Jan) belde.\n"  # a span in brackets after no rule mention passes
    cs, ce = called.index("Ad"), called.index(")")
    r2 = _reading([(cs, ce, 0.9)], [(cs, cs + 2, 0.9, "PER"), (cs + 3, ce, 0.9, "PER")])
    assert [m for m in rec._apply_model(called, [], r2) if m.text == "Ad Jan"]


def test_street_or_neighbourhood_read_by_the_model_is_no_candidate() -> None:
    # the model read these as names in policy text (Goes, Nijmegen, Drenthe registers): a word
    # ending in a street or neighbourhood ending (data/cues/streetish_endings.txt) is a place
    rec = PersonRecognizer()
    for text, span in (("Op de kruising Oranjeweg / Ringbaan-West is het druk.\n", "Oranjeweg"),
                       ("Over Kolpingbuurt zijn zorgen van omwonenden.\n", "Kolpingbuurt"),
                       ("26-0815\tanoniem\tHunebedpad Borger\tcamping\n", "Hunebedpad Borger")):
        s = text.index(span)
        e = s + len(span)
        reading = _reading([(s, e, 0.9)], [(s, e, 0.9, "PER")])
        assert not [m for m in rec._apply_model(text, [], reading) if m.text == span], span
    # a listed surname with such an ending stays a candidate ('Verlaan', 'Westerveld')
    named = "Het plan is besproken met Verlaan van de provincie.\n"
    s = named.index("Verlaan")
    r2 = _reading([(s, s + 7, 0.9)], [(s, s + 7, 0.9, "PER")])
    assert [m for m in rec._apply_model(named, [], r2) if m.text == "Verlaan"]


def test_a_functional_mailbox_is_no_person_use_of_the_words_inside_it() -> None:
    # 'basisschool De Ark' names a school; 'parkeren@' elsewhere in the case is a function's
    # mailbox, so the 'ark' inside it is no person's name and 'De Ark' stays an organisation
    case = {
        "a": "Op 2 september werd een 11-jarige leerling van basisschool De Ark op de kruising Oranjeweg /\n"
             "Ringbaan-West aangereden door een bestelbus. Het meisje liep een gebroken bekken op.\n\n"
             "Antwoord 4\nJa. Wethouder R. (Rien) Meulmeester gaat met Veilig Verkeer Nederland, De Ark en CBS "
             "Het Kompas in gesprek. Ook de\nouderraad wordt betrokken; de voorzitter, Annette Goedbloed, heeft "
             "al laten weten mee te willen doen.\n",
        "b": "Vragen over de vergunning? Mail naar parkeren@sittard-geleen.nl of bel 14 046.\n",
    }
    out = detect_case(case)
    assert not any(f.action == "redact" and "Ark" in f.text for fs in out.values() for f in fs)
    # a person's mailbox still counts: 'Ark' inside 'p.vanark@' keeps 'De Ark' open to a person reading
    from wooflow.detect import orgusage
    _, locals_ = orgusage._domain_labels([case["b"], "Mail p.vanark@example.nl.\n"])
    assert locals_ == {"p.vanark"}


def test_a_name_opening_with_a_place_adjective_is_no_person() -> None:
    # 'Veerse' is the adjective of Veere: 'Veerse Dam', 'Veerse Meer' are a dam and a lake
    text = ("Peil Veerse Meer stijgt 3 cm/uur. Geen direct gevaar.\n"
            "Zet ik pompen bij gemaal Veerse Dam bij? Anders loopt het water door naar het dorp.\n")
    found = [m.text for m in PersonRecognizer().mentions(text)]
    assert not any("Veerse" in t for t in found), found
    # a listed given name after it keeps a register's 'surname given name' order open
    from wooflow.detect.recognizers.person import _place_adjective
    assert _place_adjective("Veerse") and _place_adjective("Utrechtse")
    assert not _place_adjective("Driesse") and not _place_adjective("Rense")


def test_an_office_mailbox_behind_its_holders_name_is_kept() -> None:
    # the water board's 'dijkgraaf@' mailbox shown with the holder's own name: the office's address
    from wooflow.detect.recognizers.email import EmailRecognizer
    rec = EmailRecognizer()
    text = ("Deelnemers: Verhage, Pieter-Bas <pb.verhage@scheldestromen.nl>; "
            "Van den Broecke-Hack, Marianne <dijkgraaf@scheldestromen.nl>\n")
    found = {f.text: f.action for f in rec.analyze(text)}
    assert found.get("dijkgraaf@scheldestromen.nl") == "keep", found
    assert found.get("pb.verhage") == "redact", found
    # a display name that spells the local part keeps it a person's ('Dijkgraaf' is a surname too)
    spelled = {f.text: f.action for f in rec.analyze("Dijkgraaf, Jan <dijkgraaf@bouwbedrijf.nl>\n")}
    assert spelled.get("dijkgraaf") == "redact", spelled
    assert all(f.action == "redact" for f in rec.analyze("Mail Dijkgraaf via dijkgraaf@bouwbedrijf.nl\n"))


def test_a_mobile_number_in_the_next_field_is_no_cue_for_the_switchboard() -> None:
    # 'T 0592 32 55 55 | M 06 30 18 27 64': the '06' of the mobile number in the next field said
    # 'direct line' about the hospital's switchboard number
    text = ("Met vriendelijke groet,\n\nM. Lanjouw\nManager Facilitair Bedrijf\nWilhelmina Ziekenhuis Assen\n"
            "Europaweg-Zuid 1 | 9401 RK Assen | T 0592 32 55 55 | M 06 30 18 27 64\n")
    found = {f.text: f.action for f in detect_text(text) if f.category == "phone"}
    assert found.get("0592 32 55 55") == "keep", found
    assert found.get("06 30 18 27 64") == "redact", found


def test_waterworks_named_after_a_person_or_place_are_no_person() -> None:
    # a pumping station and a lock bear a name ('gemaal Colijn', 'Schutsluis Veere'), as a
    # swimming pool does ('zwembad De Kreek'): data/cues/facility_words.txt
    text = ("Bij het openen van pomp 2 van gemaal Colijn bleek in augustus dat de onderdelen versleten waren.\n"
            "Melding van de sluiswachter: de buitendeuren van de Schutsluis Veere sluiten niet meer.\n")
    found = [m.text for m in PersonRecognizer().mentions(text)]
    assert not any("Colijn" in t or "Veere" in t for t in found), found
    # a person in the same text stays one
    named = "Bij gemaal Colijn sprak Jan Colijn met de pers.\n"
    assert any(m.text == "Jan Colijn" for m in PersonRecognizer().mentions(named))


def test_mailbox_of_ordinary_words_is_functional() -> None:
    for local in ("spoorzone", "snelfietsroutes", "meldingen", "horeca", "evenementen.apeldoorn", "gerneente"):
        assert is_functional(local), local
    for local in ("annadevries", "jan.bakker", "skuipers", "p.visser", "sanne.kuipers", "hofland"):
        assert not is_functional(local), local


def test_van_after_an_office_is_a_preposition() -> None:
    rec = PersonRecognizer()
    text = "Burgemeester van Rooborst sloot een mondelinge overeenkomst over de bouwvergunning.\n"
    assert not any(m.text.startswith("van ") for m in PersonRecognizer(use_model=False).mentions(text))
    named = "Het lid Van Dijk (CDA) vroeg om een debat.\n"
    assert any("Van Dijk" in m.text for m in rec.mentions(named))


CHAT = (
    "04-11-2025 06:12 - Marjan Kok: Goedemorgen allen. Burgemeester is op de hoogte.\n"
    "05-11-2025 07:31 - Joke van der Plas: Akkoord\n"
    "\nDeelnemers:\nMarjan Kok (crisiscoördinator)\nJoke van der Plas (burgemeester)\n"
)


def test_a_full_name_kept_in_a_role_is_kept_at_every_mention() -> None:
    found = [f for f in detect_text(CHAT) if f.text == "Joke van der Plas"]
    assert len(found) == 2 and all(f.action == "keep" for f in found)
    assert any(f.text == "Marjan Kok" and f.action == "redact" for f in detect_text(CHAT))


def test_submitters_with_their_party_and_a_council_member_stay_public() -> None:
    motion = ("De motie \"Laden langs de A12\" (Van Rossum, JA21; Meulenbelt, GroenLinks) is aangenomen.\n"
              "Cc: F. Wiersma, lid van de gemeenteraad\n")
    found = _by_text(motion)
    assert found.get("Van Rossum") != "redact" and found.get("Meulenbelt") != "redact"
    assert found.get("F. Wiersma") == "keep"


LETTERHEAD = (
    "TWENTSCHE METAALBEWERKING HOLTHUIS B.V.\n"
    "Josink Esweg 44 · 7545 PN Enschede · info@holthuis-metaal.nl\n\n"
    "Geacht college,\n\n"
    "1. Ons bedrijf is sinds 1968 gevestigd aan de Josink Esweg 44 (milieucategorie 4.1).\n"
)


def test_an_office_address_of_the_case_is_an_office_everywhere() -> None:
    found = [f for f in detect_text(LETTERHEAD) if f.text.startswith("Josink Esweg 44")]
    assert len(found) == 2 and all(f.action == "keep" for f in found)
    home = LETTERHEAD + "2. Een bewoner, woonachtig Josink Esweg 44, klaagde ook.\n"
    assert any(f.text.startswith("Josink Esweg 44") and f.action == "redact" for f in detect_text(home))


def test_an_address_after_a_firm_on_its_line_is_the_firms() -> None:
    text = ("Afschrift: mr. R.J. Hoogstraten, Hoogstraten & Peters Advocaten, Van Schaeck Mathonsingel 12, "
            "6512 AN Nijmegen\n")
    assert not any("Mathonsingel" in t for t in _redacted(text))
    private = "Afschrift: de heer R.J. Hoogstraten, Van Schaeck Mathonsingel 12, 6512 AN Nijmegen\n"
    assert any("Mathonsingel" in t for t in _redacted(private))


def test_a_one_line_footer_with_a_website_is_the_organisations() -> None:
    text = ("Met vriendelijke groet,\n\nErwin van Dam\nWijkconsulent\n"
            "Parteon | Vurehout 1, 1507 EC Zaandam | 075 750 76 00 | www.parteon.nl\n")
    red = _redacted(text)
    assert "Erwin van Dam" in red
    assert not any("Vurehout" in t or "075 750" in t for t in red)
    signature = "Erwin van Dam | Wijkconsulent | 075 750 76 12 | www.parteon.nl\n"
    assert any("075 750 76 12" in t for t in _redacted(signature))


def test_a_shop_named_with_a_surname_is_no_person() -> None:
    text = ("- Vishandel Visser krijgt een plek met water en stroom.\n"
            "- De heer Bakker vroeg waarom Bakkerij De Smid uit Bolsward geen plaats heeft.\n")
    red = _redacted(text)
    assert "Bakker" in red
    assert not any("Visser" in t or "Smid" in t for t in red)


def test_postcode_letters_are_no_initials() -> None:
    text = ("Voor akkoord, de secretaris, S. Vermeulen (paraaf SV); overleg met AL en SV.\n"
            "Hoogheemraadschap van Delfland · Phoenixstraat 32 · 2611 AL Delft · Postbus 3061 · "
            "015 260 81 08 · www.hhdelfland.nl\n")
    red = _redacted(text)
    assert "S. Vermeulen" in red
    assert not any(t in red for t in ("Phoenixstraat 32", "2611 AL Delft", "015 260 81 08"))


def test_each_part_of_a_contact_line_has_its_own_label() -> None:
    text = ("Gemeente Zaltbommel\nBezoekadres: Hogeweg 2, 5301 LK Zaltbommel\n"
            "T 0418 68 15 00 (algemeen) | D 0418 68 17 43 | M 06 2731 8845\nwww.zaltbommel.nl\n")
    red = _redacted(text)
    assert "0418 68 17 43" in red and "06 2731 8845" in red
    assert "0418 68 15 00" not in red


def test_an_addressee_block_keeps_its_home_address() -> None:
    text = ("Maatschap Van den Heuvel-Verhoeven\nT.a.v. de heer A.J.M. van den Heuvel\nHeibloemseweg 9\n"
            "5421 XB Gemert\n\nGeachte heer Van den Heuvel,\n\nUw aanvraag voor de melkveehouderij op de "
            "locatie Heibloemseweg 9 te Gemert is ontvangen.\n")
    assert any(t.startswith("Heibloemseweg 9\n") for t in _redacted(text))


def test_a_given_name_that_names_a_body_in_the_case_is_no_person() -> None:
    from wooflow.detect.names import NameParts
    from wooflow.detect.orgwords import case_organisation_words, drop_organisation_mentions
    from wooflow.detect.recognizers.person import Mention

    text = "Radio Roxy stelt ambities bij. Voor de bulletins wil Roxy aankloppen bij een nieuwsdienst.\n"
    words = case_organisation_words([text])
    assert "Roxy" in words
    alone = Mention(53, 57, "Roxy", 0.72, "voornaam (namenlijst)", NameParts("Roxy", None, None, ["Roxy"]))
    full = Mention(0, 9, "Roxy Jans", 0.92, "voornaam + achternaam", NameParts("Roxy", None, "Jans", ["Roxy", "Jans"]))
    kept = drop_organisation_mentions({0: [alone, full]}, words)[0]
    assert alone not in kept and full in kept


def test_one_head_scan_serves_organisation_words_and_firm_spans() -> None:
    from wooflow.detect import orgwords

    texts = {"a": "De Vereniging Hendrick de Keyser en de Directie Consulaire Zaken en Visumbeleid.\n",
             "b": "Zwiers Kunststoffen B.V. schreef aan Stichting Het Groene Hart over Zwiers Kunststoffen.\n",
             "c": "Geen organisatie hier, alleen Jan Jansen.\n"}
    heads = {k: orgwords.head_names(t) for k, t in texts.items()}
    assert heads["a"] and heads["b"] and not heads["c"]
    for k, t in texts.items():
        assert [(s, e) for s, e, _ in heads[k]] == [(m.start(1), m.end(1)) for m in orgwords._heads().finditer(t)]
    words = orgwords.case_organisation_words(texts.values())
    assert orgwords.case_organisation_words(texts.values(), heads.values()) == words
    assert {"Hendrick", "Keyser", "Consulaire", "Visumbeleid"} <= words
    firms = orgwords.case_firms(texts.values())
    assert orgwords.firm_spans(dict(texts), firms, heads) == orgwords.firm_spans(dict(texts), firms)
    assert orgwords.firm_spans(dict(texts), set(), heads) == orgwords.firm_spans(dict(texts), set())


class _Doubtful:
    """A combiner that doubts every candidate (as the fold combiners did for 'Kees Broere')."""

    threshold = 0.5

    def probability(self, x: list[float]) -> float:
        return 0.1


def _doubted(text: str, names: list[tuple[str, str, float]]) -> list[bool]:
    """Decide model-only full names ('Given Surname', the word after it, the model's p) with a
    combiner that doubts everything; per name: kept or not."""
    from wooflow.detect import resolver
    from wooflow.detect.names import NameParts
    from wooflow.detect.recognizers.person import Mention

    spans, tokens, mentions = [], [], []
    for name, after, p in names:
        s = text.index(name + after)
        e = s + len(name)
        given, surname = name.split()
        spans.append((s, e, p))
        tokens += [(s, s + len(given), p, "PER"), (s + len(given) + 1, e, p, "PER")]
        mentions.append(Mention(s, e, name, 0.85 * p, "naam volgens namenmodel",
                                NameParts(given, None, surname, [given, surname]), recognizer="person-model"))
    reading = _reading(spans, tokens)
    resolver.use(_Doubtful())  # type: ignore[arg-type]
    try:
        kept = resolver.decide(text, mentions, reading)
    finally:
        resolver.use(None)
    return [m in kept for m in mentions]


def test_the_combiner_does_not_overrule_a_sure_model_on_a_full_name() -> None:
    text = "Correspondent Kees Broere in de Volkskrant meldt dat Karel Doormanlaan is afgesloten.\n"
    assert _doubted(text, [("Kees Broere", " in de", 0.9), ("Karel Doormanlaan", " is af", 0.9)]) == [True, False]


def test_the_combiner_does_not_overrule_a_fairly_sure_model_on_a_full_name() -> None:
    # 'Zonet Daan Rietveld van WaU kunnen spreken' (woo-real-dev 007): the model reads the full
    # name at p 0.63 and the combiner doubted it; below p 0.6 the combiner decides
    text = "Zonet Daan Rietveld van WaU kunnen spreken.\nOok Bram Visser belde.\n"
    assert _doubted(text, [("Daan Rietveld", " van WaU", 0.63), ("Bram Visser", " belde", 0.55)]) == [True, False]


def test_a_firm_the_case_writes_with_its_legal_form_is_that_firm_elsewhere() -> None:
    # heldout11 001: 'Zwiers Kunststoffen B.V.' in a subject line; 'bij Zwiers Kunststoffen' in
    # a worker's mail is the firm (the model reads it as a person at p 0.97); its director
    # 'H.J. Zwiers' is a person of his own
    from pathlib import Path

    docs = Path(__file__).resolve().parents[2] / "evaluation" / "heldout11" / "docs"
    path = docs / "001_uwv_emailthread_collectief_ontslag_emmen.txt"
    text = path.read_text(encoding="utf-8")
    found = detect_case({"001": text})["001"]
    redacted = [f for f in found if f.action == "redact"]
    firm = [i for i in range(len(text)) if text.startswith("Zwiers Kunststoffen", i)]
    assert len(firm) >= 3
    assert not any(f.start < i + 19 and i < f.end for f in redacted for i in firm)
    assert any(f.text == "H.J. Zwiers" for f in redacted)


def test_a_firm_name_never_reaches_across_a_table_cell() -> None:
    from wooflow.detect.orgwords import case_firms

    row = "ONTH-24-00090\tEl Azzouzi, Bilal\tBilal's Broodjeszaak V.O.F.\t91488201\n"
    assert case_firms([row]) == {"Bilal's Broodjeszaak"}  # not 'Bilal Bilal's Broodjeszaak'
    found = detect_case({"r": row})["r"]
    given = row.index("Bilal")  # the given name in the name cell stays a person's
    assert any(f.start <= given and given + 5 <= f.end and f.action == "redact" for f in found)
    assert case_firms(["bij Sjeng Brouwers Horeca B.V. te Maastricht"]) == {"Sjeng Brouwers Horeca"}
    assert case_firms(["de firma Jansen B.V."]) == set()  # a firm named only after a person
