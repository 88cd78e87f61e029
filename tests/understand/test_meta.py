from __future__ import annotations

from understand_helpers import RESOURCES, make_doc

from wooflow.understand import analyze


def info(text: str, **kw: object) -> dict:
    return analyze(make_doc(text, **kw)).to_json()


def test_document_date_not_any_date(shared) -> None:
    # The nota mentions 22 november 2023 and 18-11-2023 in its text; its own date is the Datum field.
    out = info((shared / "nota-kamervragen-ocw-2024.txt").read_text("utf-8"))
    assert out["date"] == "2024-02-07"
    assert out["date_source"] == "Datum"


def test_date_sources_in_priority_order() -> None:
    assert (
        info("Den Haag, 7 februari 2024\n\nIn 2023 (22-11-2023) gebeurde x.")["date"]
        == "2024-02-07"
    )
    assert info("Vergaderdatum: 3 mrt. 2022\nAanwezig: x")["date"] == "2022-03-03"
    assert (
        info(
            "Van: a\nVerzonden: donderdag 23 november 2023 14:02\nAan: b\nOnderwerp: x\n\nVoor 1 december 2023 graag."
        )["date"]
        == "2023-11-23"
    )
    email = info(
        "Van: a\n\nbody 1-1-2020", kind="email", date="2021-03-22T12:00:00+01:00", subject="Overleg"
    )
    assert (email["date"], email["title"]) == ("2021-03-22", "Overleg")
    assert info("Geen datum hier, alleen tekst over 2023.")["date"] is None


def test_labels_in_three_layouts() -> None:
    colon = info("Datum: 22-11-2023\nOns kenmerk: BPZ/3141592\nBetreft: Aanvraag x\n")
    tab = info("Datum\t2023-11-22\nKenmerk\tBPZ/3141592\nOnderwerp\tAanvraag x\n")
    own = info(
        "Datum\n\n22 november 2023\n\nOnze referentie\n\nBPZ/3141592\n\nBetreft\nAanvraag x\n"
    )
    for out in (colon, tab, own):
        assert (out["date"], out["kenmerk"], out["title"]) == (
            "2023-11-22",
            "BPZ/3141592",
            "Aanvraag x",
        )


def test_empty_label_value_is_not_the_next_label(shared) -> None:
    out = info((shared / "nota-kamervragen-ocw-2024.txt").read_text("utf-8"))
    assert out["kenmerk"] is None and out["sender"] is None  # "Van" and "Referentie" are empty
    assert out["addressees"] == ["MOCW"]
    assert out["organisation"] == "Ministerie van Onderwijs, Cultuur en Wetenschap"
    assert out["unit"] == "Bestuursondersteuning en Advies"
    assert out["attachments"] == ["Beantwoording Kamervragen"]


def test_publication_flag_deadline_references_cc() -> None:
    text = (
        "Aan: MinVWS\nCc: SG, pSG\nVan: DGV\nDatum: 3 okt. 2022\nUw kenmerk: 2022-123\n"
        "Deze nota is bedoeld om openbaar gemaakt te worden: Nee\n"
        "Zie Kamerstuk 29 362, nr. 290 en Kamerstukken II 2021/22, 35925-XVI, nr. 12.\n"
        "Graag reactie uiterlijk 10 oktober 2022.\n"
    )
    out = info(text)
    assert out["publication_flag"] is False
    assert out["deadline"] == "2022-10-10"
    assert out["cc"] == ["SG", "pSG"]
    refs = {(r["kind"], r["value"]) for r in out["references"]}
    assert ("kamerstuk", "29 362 nr. 290") in refs
    assert ("uw_kenmerk", "2022-123") in refs
    assert info("bedoeld om openbaar gemaakt te worden: Ja")["publication_flag"] is True
    assert info("Een tekst.")["publication_flag"] is None


def test_kamerbrief_sender_addressee_and_organisation() -> None:
    out = info((RESOURCES / "kamerbrief-aanbieding.txt").read_text("utf-8"))
    assert out["type"] == "kamerbrief"
    assert out["kenmerk"] == "3814552-1061234-MEVA"
    assert out["sender"] == "de minister voor Medische Zorg"
    assert out["addressees"] == ["de Voorzitter van de Tweede Kamer"]
    assert out["organisation"] == "Ministerie van Volksgezondheid, Welzijn en Sport"
    assert {"kind": "kamerstuk", "value": "29 247 nr. 412"} in out["references"]


def test_kamervragen_answer_metadata(shared) -> None:
    out = info((shared / "aanhangsel-antwoorden-vws-2024.txt").read_text("utf-8"))
    assert out["type"] == "kamervragen"
    assert out["date"] == "2024-02-16"  # (ontvangen ...) of the answers, not (ingezonden ...)
    assert out["sender"] == "Minister Helder"
    assert out["title"].startswith("Vragen van het lid Eerdmans (JA21) aan de Minister-President")
    assert "aanlei-" not in out["title"] and "(ingezonden" not in out["title"]
    assert {"kind": "aanhangsel", "value": "Aanhangsel Handelingen 2023-2024 nr. 1047"} in out[
        "references"
    ]


def test_email_attachments_from_reader_fields() -> None:
    doc_fields = {
        "from": "a@x.nl",
        "to": ["b@x.nl", "c@x.nl"],
        "attachments": ["nota.pdf", "brief.docx"],
    }
    out = info("Van: a@x.nl\n\nZie bijlagen.", kind="email", **doc_fields)
    assert out["attachments"] == ["nota.pdf", "brief.docx"]
    assert out["addressees"] == ["b@x.nl", "c@x.nl"] and out["sender"] == "a@x.nl"


def test_markdown_table_header_block() -> None:
    text = "| | |\n|---|---|\n| **Van** | DG Energie |\n| **Datum** | 14 maart 2023 |\n| **Onderwerp** | Verlenging x |\n"
    out = info(text)
    assert (out["date"], out["title"], out["sender"]) == (
        "2023-03-14",
        "Verlenging x",
        "DG Energie",
    )


def test_dd_date_and_signatory_after_closing() -> None:
    assert (
        info("Besluitenlijst van de ministerraad d.d. 14 april 2023\n\n1. x\nBesluit: ja.")["date"]
        == "2023-04-14"
    )
    letter = "Betreft: bezwaar\n\nGeachte heer,\n\nTekst.\n\nMet vriendelijke groet,\n\nK. Jansen\n"
    assert info(letter)["sender"] == "K. Jansen"
    redacted = "Betreft: x\n\nGeachte heer,\n\nMet vriendelijke groet,\n\n5.1.2e\n"
    assert info(redacted)["sender"] is None  # a redaction mark is no signatory


def test_docinfo_json_round_trip(shared) -> None:
    import json

    from wooflow.understand import DocInfo

    info_obj = analyze(make_doc((shared / "verslag-mt-vws-2021.md").read_text("utf-8")))
    back = DocInfo.from_json(json.loads(json.dumps(info_obj.to_json())))
    assert back.to_json() == info_obj.to_json()


def test_pdf_title_property_unless_junk() -> None:
    body = "12 maart 2024\n\nTekst van het stuk zonder kop."
    assert info(body, pdf_title="Evaluatie Woo-pilot")["title"] == "Evaluatie Woo-pilot"
    assert (
        info(body, pdf_title="Microsoft Word - nota v3.docx")["title"]
        != "Microsoft Word - nota v3.docx"
    )


def test_outlook_last_first_names_stay_one_person() -> None:
    out = info(
        "Van: Jansen, Ruud\nVerzonden: vr 3-11-2023 09:14\nAan: Mulder, Lotte\nCC: A; B\nOnderwerp: x\n\ny"
    )
    assert out["addressees"] == ["Mulder, Lotte"] and out["cc"] == ["A", "B"]
    assert out["sender"] == "Jansen, Ruud" and out["date"] == "2023-11-03"


def test_staatscourant_besluit_title_date_and_number() -> None:
    text = (
        "Besluit van de minister van Financiën van 12 mei 2022, nr. WJZ/22123456, houdende\n"
        "wijziging van de Regeling x\n\nGelet op artikel 7;\n\nBesluit:\n\nArtikel I\nx\n"
    )
    out = info(text)
    assert (out["type"], out["date"], out["kenmerk"]) == ("besluit", "2022-05-12", "WJZ/22123456")
    assert out["title"].endswith("houdende wijziging van de Regeling x")


def test_reference_ends_before_place_and_date() -> None:
    out = info("Gezondheidsraad\n\nAdvies\n\nVaccinatie\n\nNr. 2023/12, Den Haag, 10 juli 2023\n")
    assert (out["kenmerk"], out["date"], out["title"]) == ("2023/12", "2023-07-10", "Vaccinatie")


def test_title_line_with_a_date_and_titled_signatory() -> None:
    out = info("Verslag Bestuursraad 14 november 2022\n\nAanwezig: SG, pSG\n\n1. Opening\n")
    assert (out["type"], out["date"], out["title"]) == (
        "verslag",
        "2022-11-14",
        "Verslag Bestuursraad 14 november 2022",
    )
    letter = "Betreft: Beslissing op uw bezwaar\n\nGeachte heer,\n\nMet vriendelijke groet,\n\nmr. A. Dekker\n"
    out = info(letter)
    assert (out["type"], out["sender"]) == ("besluit", "mr. A. Dekker")


def test_birthdate_is_never_the_document_date() -> None:
    form = "Gemeente Groningen – Aanvraag parkeervergunning\n\n1. Gegevens\nGeboortedatum: 16/07/1959\n"
    assert info(form)["date"] is None
    submitted = "Aanvraag x\nIngediend via MijnGroningen op 8-8-2023\n\nGeboortedatum: 16/07/1959\n"
    assert info(submitted)["date"] == "2023-08-08"
    assert info("geboren 5 mei 1980\n\ntekst")["date"] is None


def test_contact_blocks_and_section_headings_are_no_title() -> None:
    text = (
        "Ministerie van Financiën\n\nnota\n\nAan: Minister\nVan: directeur X\nDatum: 6 november 2023\n\n"
        "Inlichtingen bij\nGeertje Terpstra\ng.terpstra@minfin.nl\n\nBezoekadres\nKorte Voorhout 7\n\n"
        "Aanleiding\nHet lid vroeg x.\n"
    )
    assert info(text)["title"] is None


def test_mandate_signature_and_reference_needs_a_digit() -> None:
    letter = (
        "Betreft Besluit op uw Woo-verzoek\n\nGeachte heer,\n\nTekst.\n\n"
        "De minister van Financiën,\nnamens deze,\n\nde directeur Juridische Zaken\n"
    )
    assert info(letter)["sender"] == "De minister van Financiën"
    table = "Actiepuntenlijst projectgroep\n\nNr.\tActie\tWie\tGereed\n1\tPlanning\tHR\tmei\n"
    assert info(table)["kenmerk"] is None
