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
