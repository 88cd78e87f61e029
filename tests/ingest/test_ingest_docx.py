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
