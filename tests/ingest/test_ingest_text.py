from __future__ import annotations

from pathlib import Path

import pytest

from wooflow.exceptions import EmptyDocument
from wooflow.ingest import read_bytes, read_path
from wooflow.ingest.text import decode_text

SHARED = Path(__file__).resolve().parents[3] / "shared" / "examples"


def test_crlf_kept_exactly(good: Path) -> None:
    doc = read_path(good / "brief-crlf.txt")
    assert doc.text == (good / "brief-crlf.txt").read_bytes().decode("utf-8")
    assert "\r\n" in doc.text
    assert doc.kind == "text" and doc.fields["encoding"] == "utf-8"
    assert doc.path == str(good / "brief-crlf.txt") and doc.name == "brief-crlf.txt"


def test_cp1252_fallback(good: Path) -> None:
    doc = read_path(good / "oud-cp1252.txt")
    assert doc.text == "Café “De Zon” kost € 5,- per persoon.\n"
    assert doc.fields["encoding"] == "cp1252"


def test_latin1_last_resort() -> None:
    # 0x81 is undefined in cp1252, so only latin-1 can decode this.
    text, encoding = decode_text(b"caf\xe9 \x81")
    assert encoding == "latin-1" and text == "café \x81"


def test_bom_kept_as_code_point() -> None:
    doc = read_bytes("\ufeffHallo".encode("utf-8"), "bom.txt")
    assert doc.text == "\ufeffHallo"


def test_whitespace_only_is_empty() -> None:
    with pytest.raises(EmptyDocument):
        read_bytes(b" \r\n\t", "leeg.md")


def test_pasted_mail_in_txt_stays_text() -> None:
    data = b"From: a@example.nl\nTo: b@example.nl\nSubject: x\n\nTekst\n"
    doc = read_bytes(data, "notitie.txt")
    assert doc.kind == "text" and doc.text == data.decode()


@pytest.mark.skipif(not SHARED.exists(), reason="../shared not present")
@pytest.mark.parametrize("name", ["verslag-mt-vws-2021.md", "nota-kamervragen-ocw-2024.txt"])
def test_shared_examples_exact(name: str) -> None:
    path = SHARED / name
    assert read_path(path).text == path.read_bytes().decode("utf-8")
