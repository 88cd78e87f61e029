from __future__ import annotations

from pathlib import Path

import pytest
from ingest_helpers import assert_offsets

from wooflow.exceptions import CorruptDocument, EmptyDocument, EncryptedDocument
from wooflow.ingest import read_bytes, read_path

SHARED_PDF = (
    Path(__file__).resolve().parents[3]
    / "shared"
    / "examples"
    / "advies-belang-kind-meeroudergezinnen-2024.pdf"
)


def test_text_pdf_pages_words_offsets(good: Path) -> None:
    doc = read_path(good / "nota.pdf")
    assert doc.kind == "pdf" and len(doc.pages) == 2
    assert doc.text.count("\f") == 1
    first, second = doc.text.split("\f")
    assert first.startswith("Nota aan de minister, pagina 1\n")
    assert "Jan de Vries (tel. 06-12345678) vraagt om inzage." in first
    assert second.startswith("Nota aan de minister, pagina 2")
    assert not any(p.ocr for p in doc.pages)
    assert_offsets(doc)
    # the word "Vries" on page 2 sits where it was drawn (baseline y=130, x>=72)
    start = doc.text.index("Vries", doc.pages[1].start)
    word = next(w for w in doc.words if w.start == start)
    assert word.page == 1 and word.end - word.start == 5
    assert 72 < word.x0 < 200 and 115 < word.y0 < word.y1 < 135


def test_ligatures_expanded(good: Path) -> None:
    doc = read_path(good / "nota.pdf")
    assert "De financiën zijn op orde." in doc.text
    assert "\ufb01" not in doc.text


def test_wrong_extension_pdf_read_by_content(good: Path) -> None:
    doc = read_path(good / "rapport-als-txt.txt")
    assert doc.kind == "pdf" and doc.text.startswith("Nota aan de minister")


def test_child_keeps_bytes_and_parent(good: Path) -> None:
    data = (good / "nota.pdf").read_bytes()
    doc = read_bytes(data, "nota.pdf", parent_path="mail.eml")
    assert doc.path == "mail.eml#nota.pdf" and doc.parent_path == "mail.eml"
    assert doc.data == data


@pytest.mark.parametrize(
    ("name", "error"),
    [
        ("leeg.pdf", EmptyDocument),
        ("kapot.pdf", CorruptDocument),
        ("afgekapt.pdf", CorruptDocument),
        ("versleuteld.pdf", EncryptedDocument),
        ("tekst-als-pdf.pdf", CorruptDocument),
    ],
)
def test_bad_pdfs(bad: Path, name: str, error: type[Exception]) -> None:
    with pytest.raises(error) as info:
        read_path(bad / name)
    assert info.value.path == str(bad / name)  # type: ignore[attr-defined]
    assert "\n" not in str(info.value)


def test_truncated_near_end_is_corrupt(good: Path) -> None:
    data = (good / "nota.pdf").read_bytes()
    with pytest.raises(CorruptDocument, match="afgekapt"):
        read_bytes(data[:-40], "x.pdf")


@pytest.mark.skipif(not SHARED_PDF.exists(), reason="../shared not present")
def test_real_report() -> None:
    doc = read_path(SHARED_PDF)
    assert len(doc.pages) == 62 and doc.text.count("\f") == 61
    assert "Het belang van het kind" in doc.text
    assert_offsets(doc)
