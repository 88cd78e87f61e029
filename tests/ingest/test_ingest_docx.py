from __future__ import annotations

from pathlib import Path

import pytest

from wooflow.exceptions import CorruptDocument
from wooflow.ingest import read_path


def test_docx_parts_in_order(good: Path) -> None:
    doc = read_path(good / "verslag.docx")
    assert doc.kind == "docx"
    assert doc.text == (
        "Ministerie van VWS - Verslag\n\n"
        "Aanwezig: Jan de Vries en Piet Jansen.\n"
        "Naam\tTelefoon\n"
        "Piet Jansen\t06-87654321\n"
        "Actiepunt: besluit voor 1 april 2024.\n\n"
        "Pagina-voettekst: niet openbaar\n\n"
        "Opmerkingen:\n"
        "K. Bakker: Namen weglakken?\n"
    )
    assert doc.fields["docx_author"] == "K. Bakker"
    assert doc.fields["docx_title"] == "Verslag overleg"


def test_broken_docx(bad: Path) -> None:
    with pytest.raises(CorruptDocument):
        read_path(bad / "kapot.docx")


def test_tracked_changes_insertions_read_deletions_warned() -> None:
    import io

    import docx
    from docx.oxml.ns import qn
    from lxml import etree

    from wooflow.ingest import read_bytes

    d = docx.Document()
    p = d.add_paragraph("Vast ")
    for tag, text_tag, text in (("w:ins", "w:t", "ingevoegd"), ("w:del", "w:delText", " weg")):
        change = etree.SubElement(p._p, qn(tag))
        change.set(qn("w:id"), "1")
        change.set(qn("w:author"), "K. Bakker")
        run = etree.SubElement(change, qn("w:r"))
        etree.SubElement(run, qn(text_tag)).text = text
    tabbed = d.add_paragraph("a")
    tabbed.add_run().add_tab()
    tabbed.add_run("b")
    out = io.BytesIO()
    d.save(out)
    doc = read_bytes(out.getvalue(), "wijzigingen.docx")
    assert doc.text == "Vast ingevoegd\na\tb\n"
    assert len(doc.warnings) == 1 and "1 bijgehouden verwijdering" in doc.warnings[0]
