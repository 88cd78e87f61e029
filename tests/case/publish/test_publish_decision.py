from __future__ import annotations

import io

import docx
import pymupdf
import pytest

from wooflow.case.publish import decision
from wooflow.case.publish.inventory import Numbering, build_rows
from wooflow.case.publish.records import PublishRecord
from wooflow.exceptions import ConfigError


def _md(case_meta, records, **kw):
    return decision.render_markdown(case_meta, records, **kw)


def test_letter_follows_the_order_of_a_woo_decision(case_meta, records):
    md = _md(case_meta, records)
    heads = ["Datum: 1 februari 2024", "## Uw Woo-verzoek", "## Verloop van de procedure",
             "## Wettelijk kader", "## Inventarisatie documenten", "## Zienswijzen", "## Besluit",
             "## Motivering", "## Bezwaarclausule", "# Bijlage 1"]  # fmt: skip
    positions = [md.index(h) for h in heads]
    assert positions == sorted(positions)
    assert "> Alle correspondentie over de verkiezingsuitslag" in md
    assert "verdaagd tot en met 9 januari 2024" in md
    assert "zes weken" in md
    assert "gedeeltelijk toe te wijzen" in md


def test_one_motivation_per_ground_actually_used(case_meta, records):
    md = _md(case_meta, records)
    motivering = md[md.index("## Motivering") : md.index("## Wijze")]
    assert motivering.count("### ") == 3  # 5.1.2e, 5.1.2i, 5.2 in the order of the law
    order = [motivering.index(w) for w in ("persoonlijke levenssfeer", "Goed functioneren", "beleidsopvattingen")]
    assert order == sorted(order)
    assert "e-mailadressen en namen" in motivering
    assert "5.1.1e" not in md  # not used, not motivated, not quoted in the annex
    annex = md[md.index("# Bijlage 1") :]
    assert "zakelijke weergave" in annex and "e. de eerbiediging" in annex


def test_decision_kinds(case_meta):
    def rec(j, **kw):
        return PublishRecord(key=j, name=j, file_type="txt", judgement=j, **kw)

    assert decision.decide([]) == "niets"
    assert decision.decide([rec("openbaar"), rec("reeds openbaar")]) == "geheel"
    assert decision.decide([rec("niet openbaar", grounds=("5.2",))]) == "niet"
    md = _md(case_meta, [])
    assert "geen documenten zijn aangetroffen" in md and "## Motivering" not in md


def test_requester_is_never_named(case_meta, records):
    md = _md(case_meta, records)
    assert "journalist" not in md  # the kind is kept in the case, not printed


def test_template_override_per_ground(tmp_path, case_meta, records):
    (tmp_path / "grounds").mkdir()
    (tmp_path / "grounds" / "5.1.2e.md.j2").write_text("EIGEN TEKST voor {{ aantal }} document(en).", encoding="utf-8")
    md = _md(case_meta, records, templates=tmp_path)
    assert "EIGEN TEKST voor 1 document(en)." in md
    assert "beleidsopvattingen" in md  # other grounds still from the package
    (tmp_path / "grounds" / "5.2.md.j2").write_text("{{ onbekend }}", encoding="utf-8")
    with pytest.raises(ConfigError):
        _md(case_meta, records, templates=tmp_path)
    with pytest.raises(ConfigError):
        _md(case_meta, records, templates=tmp_path / "bestaat-niet")


def test_docx_and_pdf_hold_letter_and_inventory(tmp_path, case_meta, records):
    md = _md(case_meta, records)
    rows = build_rows(records, Numbering(tmp_path).assign(records), case_meta)
    d = docx.Document(io.BytesIO(decision.to_docx(md, rows, case_meta)))
    texts = [p.text for p in d.paragraphs]
    assert "Uw Woo-verzoek" in texts and "Bezwaarclausule" in texts
    assert d.tables and d.tables[-1].rows[0].cells[0].text == "Documentnummer"
    assert len(d.tables[-1].rows) == len(rows) + 1
    pdf = pymupdf.open("pdf", decision.to_pdf(md, rows, case_meta))
    full = "".join(p.get_text() for p in pdf)
    assert "Besluit op uw Woo-verzoek" in full and "Inventarislijst" in full
    assert pdf[-1].rect.width > pdf[-1].rect.height  # the annex is landscape


def test_blocks_parser():
    md = "# T\n\nDatum: x\nBetreft: y\n\nregel een\nregel twee\n\n- a\n- b\n> q\n## S"
    assert decision.blocks(md) == [
        ("h1", "T"), ("meta", "Datum: x"), ("meta", "Betreft: y"), ("p", "regel een regel twee"),
        ("li", "a"), ("li", "b"), ("quote", "q"), ("h2", "S"),
    ]  # fmt: skip


def test_concept_notice_while_findings_await_review(case_meta, records):
    assert "CONCEPT" not in _md(case_meta, records)
    md = _md(case_meta, records, pending=4)
    assert md.index("CONCEPT: 4 gevonden gegevens") < md.index("Datum:")


def _library_rows_docx(md, rows, case_meta, monkeypatch=None) -> bytes:
    """The besluit with the rows written by python-docx's own add_row/cells/text into the whole
    document in memory, as before the rows were streamed and copied."""
    from docx.shared import Pt

    from wooflow.case.publish.inventory import PDF_COLUMNS, human_cell

    doc, table = decision.letter_docx(md, case_meta)
    for row in rows:
        for cell, attr in zip(table.add_row().cells, PDF_COLUMNS, strict=False):
            cell.text = human_cell(row, attr)
            for run in cell.paragraphs[0].runs:
                run.font.size = Pt(8)
    if not rows:
        doc.add_paragraph("Geen documenten aangetroffen.")
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def _document_xml(data: bytes) -> bytes:
    import zipfile

    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return zf.read("word/document.xml")


def test_docx_rows_are_the_librarys_rows(tmp_path, case_meta, records, monkeypatch):
    """The copied-row table (linear) writes exactly the XML of add_row + cell.text (quadratic):
    also for cells with tabs, line breaks, markup characters, edge spaces and empty cells."""
    import dataclasses

    md = _md(case_meta, records)
    rows = build_rows(records, Numbering(tmp_path).assign(records), case_meta)
    odd = ["a\tb", "regel\neen\r\ntwee", " spatie ", "<&>\"'", "", "ẞ Łódź 名前 🙂", "x" * 300]
    rows = rows + [
        dataclasses.replace(rows[0], number=900 + i, name=text, explanation=text[::-1], file_type=text or "pdf")
        for i, text in enumerate(odd)
    ]
    ours = decision.to_docx(md, rows, case_meta)
    theirs = _library_rows_docx(md, rows, case_meta, monkeypatch)
    assert _document_xml(ours) == _document_xml(theirs)
    table = docx.Document(io.BytesIO(ours)).tables[-1]
    assert len(table.rows) == len(rows) + 1
    assert _document_xml(decision.to_docx(md, [], case_meta)) == _document_xml(
        _library_rows_docx(md, [], case_meta, monkeypatch)
    )
