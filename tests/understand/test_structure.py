from __future__ import annotations

from understand_helpers import RESOURCES, make_doc

from wooflow.understand import analyze
from wooflow.understand.structure import email_parts, qa_pairs


def test_qa_pairs_on_aanhangsel_with_merged_questions(shared) -> None:
    text = (shared / "aanhangsel-antwoorden-vws-2024.txt").read_text("utf-8")
    pairs = analyze(make_doc(text)).structure["qa_pairs"]
    assert [p["numbers"] for p in pairs] == [[1, 2], [3], [4], [5], [6, 7], [8], [9]]
    assert all(p["question"] and p["answer"] for p in pairs)
    six = pairs[4]
    assert text[six["question"]["start"] :].startswith("Vraag 6 en 7")
    assert text[six["answer"]["start"] :].startswith("Antwoord 6 en 7")
    assert six["question"]["text"].startswith("Zijn er plannen")
    assert pairs[-1]["answer"]["text"] == "Ja."


def test_qa_ranges_and_answer_covering_separate_questions() -> None:
    text = "Vraag 1\nA?\n\nVraag 2\nB?\n\nAntwoord 1 en 2\nC.\n\nVraag 3 t/m 5\nD?\n\nAntwoord 3 t/m 5\nE.\n"
    pairs = qa_pairs(text)
    assert [p["numbers"] for p in pairs] == [[1], [2], [3, 4, 5]]
    assert pairs[0]["answer"] == pairs[1]["answer"] and pairs[0]["answer"]["text"] == "C."


def test_minutes_attendees_absentees_items_actions(shared) -> None:
    text = (shared / "verslag-mt-vws-2021.md").read_text("utf-8")
    s = analyze(make_doc(text)).structure
    assert len(s["attendees"]) == 6 and s["attendees"][0] == "5.1.2e (WDGV + VGP)"
    assert "5.1.2e (BPZ, verslag)" in s["attendees"]  # comma inside brackets does not split
    assert s["absentees"] == ["PDC-19"]
    assert [i["heading"] for i in s["agenda_items"]][:3] == [
        "0. Inzet ambtelijke experts (i.a.v. DCo en 5.1.2e)",
        "1. Opening en actualiteiten",
        "a. Actualiteiten directies",
    ]
    assert [a["owner"] for a in s["action_points"]] == ["allen"]


def test_minutes_of_a_council_committee() -> None:
    s = analyze(make_doc((RESOURCES / "notulen-commissie.txt").read_text("utf-8"))).structure
    assert s["attendees"] == [
        "de heer B. Kok (VVD)",
        "mevrouw C. Dijkstra (GroenLinks)",
        "de heer D. Mol (D66)",
    ]
    assert s["absentees"] == ["de heer E. Prins (CDA)"]
    assert s["action_points"][0]["owner"].startswith("griffie")


def test_nota_sections(shared) -> None:
    text = (shared / "nota-kamervragen-ocw-2024.txt").read_text("utf-8")
    secs = analyze(make_doc(text)).structure["sections"]
    assert [s["heading"] for s in secs] == [
        "Aanleiding", "Geadviseerd besluit", "Kernpunten", "Toelichting",
        "Informatie die niet openbaar gemaakt kan worden",
    ]  # fmt: skip
    assert text[secs[1]["start"] : secs[1]["end"]].strip().endswith("Ondertekening Kamerbrief.")


def test_email_thread_parts() -> None:
    text = (RESOURCES / "email-engels.txt").read_text("utf-8")
    parts = email_parts(text)
    first, second = parts["messages"]
    assert first["headers"]["subject"] == "RE: reactie op verzoek ANP"
    assert first["headers"]["date"].startswith("Thursday, November 23, 2023")
    body = text[first["body_start"] : first["body_end"]]
    assert "Akkoord met de tekst" in body and "Graag jouw akkoord" not in body
    assert text[first["signature_start"] :].startswith("Groet,")
    assert second["quoted"] and parts["quoted_start"] == second["header_start"]


def test_outlook_quote_separator_and_signature() -> None:
    text = (
        "Van: A\nVerzonden: 1 maart 2024\nAan: B\nOnderwerp: x\n\nTekst.\n\nMet vriendelijke groet,\n\nA\n"
        "-----Oorspronkelijk bericht-----\nVan: B\nVerzonden: 28 februari 2024\nAan: A\nOnderwerp: x\n\nVraag.\n"
    )
    parts = email_parts(text)
    first = parts["messages"][0]
    assert text[first["body_start"] : first["body_end"]].strip().endswith("A")
    assert text[parts["quoted_start"] :].startswith("-----Oorspronkelijk bericht-----")
    assert text[first["signature_start"] : first["signature_end"]].startswith(
        "Met vriendelijke groet"
    )


def test_known_headings_without_blank_lines_as_in_docx() -> None:
    text = "nota\nTitel van de nota\nAanleiding\nU vroeg x.\nGeadviseerd besluit\nAkkoord.\n"
    secs = analyze(make_doc(text)).structure["sections"]
    assert [s["heading"] for s in secs] == ["Aanleiding", "Geadviseerd besluit"]
    runs_on = "**Bestuursondersteuning en\nAdvies**\n\nAanleiding\nx\n"
    assert [s["heading"] for s in analyze(make_doc(runs_on)).structure["sections"]] == [
        "Aanleiding"
    ]


def test_agenda_items_and_lettered_parts_without_blank_lines() -> None:
    agenda = "Agenda\n\nOverleg x\n\nDatum: 1 maart 2024\nLocatie: zaal 3\n\n1. Opening\n2. Begroting 2025\n3. Rondvraag\n"
    s = analyze(make_doc(agenda)).structure
    assert [i["heading"] for i in s["agenda_items"]] == [
        "1. Opening",
        "2. Begroting 2025",
        "3. Rondvraag",
    ]
    nota = "nota\n\nTitel\n\nToelichting\na. Financiën\nDe kosten zijn laag.\nb. Planning\nKlaar in mei.\n"
    secs = analyze(make_doc(nota)).structure["sections"]
    assert [(x["heading"], x["level"]) for x in secs] == [
        ("Toelichting", 2),
        ("a. Financiën", 3),
        ("b. Planning", 3),
    ]
    listed = "Bijlagen\n\n1. Conceptbrief\n2. Reactienota\n\nAanleiding\nx\n"
    assert [x["heading"] for x in analyze(make_doc(listed)).structure["sections"]] == ["Aanleiding"]
