"""End to end on the real published examples in ../shared/examples, through wooflow.ingest."""

from __future__ import annotations

from pathlib import Path

import pytest

from wooflow.ingest import read_path
from wooflow.understand import analyze

EXPECTED = {
    "nota-kamervragen-ocw-2024.txt": ("nota", "2024-02-07", {}),
    "aanhangsel-antwoorden-vws-2024.txt": ("kamervragen", "2024-02-16", {}),
    "verslag-mt-vws-2021.md": ("verslag", "2021-03-22", {"5.1.2e": 18}),
    "advies-belang-kind-meeroudergezinnen-2024.pdf": ("advies", "2024-09-12", {}),
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_real_examples(shared: Path, name: str) -> None:
    doc = read_path(shared / name)
    out = analyze(doc).to_json()
    typ, date, codes = EXPECTED[name]
    assert (out["type"], out["date"], out["redaction_codes"]) == (typ, date, codes)
    assert out["title"]
    for mark in out["redaction_marks"]:
        assert doc.text[mark["start"] : mark["end"]] == mark["text"]
    for sec in out["structure"]["sections"]:
        assert 0 <= sec["start"] <= sec["end"] <= len(doc.text)


def test_advies_pdf_title_and_organisation(shared: Path) -> None:
    out = analyze(read_path(shared / "advies-belang-kind-meeroudergezinnen-2024.pdf")).to_json()
    assert out["title"] == "Het belang van het kind in meeroudergezinnen"
    assert out["organisation"] == "Raad voor Strafrechtstoepassing en Jeugdbescherming"


def test_docx_nota_through_ingest(tmp_path: Path) -> None:
    import docx

    d = docx.Document()
    d.add_paragraph("Ministerie van Financiën")
    table = d.add_table(rows=3, cols=2)
    rows = [
        ("Van", "Directie Begrotingszaken"),
        ("Datum", "3 april 2023"),
        ("Kenmerk", "2023-0000123"),
    ]
    for i, (label, value) in enumerate(rows):
        table.cell(i, 0).text, table.cell(i, 1).text = label, value
    d.add_paragraph("nota")
    d.add_paragraph("Voorjaarsnota 2023: laatste ronde")
    d.add_heading("Geadviseerd besluit", level=2)
    d.add_paragraph("Akkoord.")
    d.save(tmp_path / "nota.docx")
    out = analyze(read_path(tmp_path / "nota.docx")).to_json()
    assert (out["type"], out["date"], out["kenmerk"]) == ("nota", "2023-04-03", "2023-0000123")
    assert out["title"] == "Voorjaarsnota 2023: laatste ronde"
    assert out["sender"] == "Directie Begrotingszaken"
    assert [s["heading"] for s in out["structure"]["sections"]] == ["Geadviseerd besluit"]
