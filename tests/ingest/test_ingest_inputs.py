"""iter_inputs over a folder with every format, broken files included; format sniffing."""

from __future__ import annotations

from pathlib import Path

import pytest

from wooflow.exceptions import CorruptDocument, EmptyDocument, InputError, UnsupportedFormat
from wooflow.ingest import IngestFailure, expand_paths, iter_inputs, read_bytes, read_path
from wooflow.ingest.sniff import sniff
from wooflow.model import Document

EXPECTED_FAILURES = {
    "afgekapt.pdf": "corrupt",
    "kapot.docx": "corrupt",
    "kapot.eml": "malformed-mail",
    "kapot.pdf": "corrupt",
    "kapot.zip": "corrupt",
    "leeg.pdf": "empty",
    "leeg.txt": "empty",
    "onbekend.bin": "unsupported",
    "tekst-als-pdf.pdf": "corrupt",
    "versleuteld.pdf": "encrypted",
    "versleuteld.zip": "encrypted",
    "zipbom.zip": "zip-bomb",
}


def test_bad_folder_one_failure_each_batch_goes_on(bad: Path, good: Path) -> None:
    results = list(iter_inputs([bad, good / "notities.md"]))
    failures = [r for r in results if isinstance(r, IngestFailure)]
    docs = [r for r in results if isinstance(r, Document)]
    assert {Path(f.path).name: f.reason for f in failures} == EXPECTED_FAILURES
    assert [d.name for d in docs] == ["notities.md"]  # after all failures: batch not stopped
    for f in failures:
        assert f.detail and "\n" not in f.detail and "Traceback" not in f.detail


def test_good_folder_every_format(good: Path) -> None:
    kinds = {}
    for result in iter_inputs([good]):
        assert isinstance(result, Document), result
        kinds[result.name] = result.kind
    assert kinds == {
        "brief-crlf.txt": "text",
        "bundel.zip": "zip",
        "html-mail.eml": "email",
        "mail.eml": "email",
        "nota.pdf": "pdf",
        "notities.md": "text",
        "oud-cp1252.txt": "text",
        "outlook.msg": "email",
        "postvak.mbox": "mbox",
        "rapport-als-txt.txt": "pdf",
        "scan.pdf": "pdf",
        "scan.png": "image",
        "verslag.docx": "docx",
    }


def test_expand_paths_sorted_and_skips_hidden(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "a").mkdir()
    (tmp_path / ".git").mkdir()
    for rel in ("b/2.txt", "b/1.txt", "a/z.txt", "c.txt", ".verborgen", ".git/x", "~$lock.docx"):
        (tmp_path / rel).write_text("x")
    got = [Path(p).relative_to(tmp_path).as_posix() for p in expand_paths([tmp_path])]
    assert got == ["a/z.txt", "b/1.txt", "b/2.txt", "c.txt"]


def test_missing_file_and_folder_as_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="bestaat niet"):
        read_path(tmp_path / "weg.pdf")
    with pytest.raises(InputError, match="map"):
        read_path(tmp_path)


@pytest.mark.parametrize(
    ("data", "ext", "kind"),
    [
        (b"%PDF-1.7\n...", ".txt", "pdf"),
        (b"\x89PNG\r\n\x1a\n....", ".pdf.bak", "image"),
        (b"From: a@b.nl\nSubject: x\n\nbody", "", "email"),
        (b"From a@b.nl Mon Mar  4 10:15:00 2024\nFrom: a@b.nl\nSubject: x\n\nb", "", "mbox"),
        (b"gewone tekst", ".log", "text"),
        (b"gewone tekst", "", "text"),
        (b"garbage", ".eml", "email"),
    ],
)
def test_sniff(data: bytes, ext: str, kind: str) -> None:
    assert sniff(data, ext) == kind


@pytest.mark.parametrize(
    ("data", "name", "error"),
    [
        (b"", "x.txt", EmptyDocument),
        (b"tekst", "x.png", CorruptDocument),
        (b"tekst", "x.docx", CorruptDocument),
        (b"\x00\x01binary\x00", "x.dat", UnsupportedFormat),
        (b"tekst", "x.doc", UnsupportedFormat),
    ],
)
def test_read_bytes_errors_name_the_path(data: bytes, name: str, error: type[InputError]) -> None:
    with pytest.raises(error) as info:
        read_bytes(data, name, parent_path="bundel.zip")
    assert info.value.path == f"bundel.zip#{name}"


def test_xlsx_is_unsupported_not_corrupt(tmp_path: Path) -> None:
    import openpyxl

    wb = openpyxl.Workbook()
    wb.active["A1"] = "x"
    wb.save(tmp_path / "lijst.xlsx")
    with pytest.raises(UnsupportedFormat, match="Excel"):
        read_path(tmp_path / "lijst.xlsx")


def test_library_crash_becomes_corrupt(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fault injection: whatever a reader library throws on bad input, the batch gets one
    clear CorruptDocument, never a traceback."""
    import wooflow.ingest.text as text_reader

    def boom(*_args: object) -> None:
        raise ValueError("onverwacht\ntweede regel")

    monkeypatch.setattr(text_reader, "read_text", boom)
    with pytest.raises(CorruptDocument) as info:
        read_bytes(b"tekst", "x.txt")
    # one Dutch line without the library's own text (issue 12: no Python internals shown)
    assert info.value.detail.startswith("onleesbaar") and "\n" not in info.value.detail
    assert "ValueError" not in info.value.detail and "onverwacht" not in info.value.detail


def test_binary_named_txt_is_unsupported() -> None:
    with pytest.raises(UnsupportedFormat, match="binair"):
        read_bytes(b"MZ\x90\x00\x03\x00\x00\x00" * 20, "programma.txt")


def test_html_page_read_as_text() -> None:
    page = (
        b'<!DOCTYPE html><html><head><meta charset="windows-1252"><title>Besluit  Woo</title>'
        b"<style>p{color:red}</style></head><body><h1>Besluit</h1><p>Caf\xe9 &amp; co</p></body>"
        b"</html>"
    )
    for name in ("pagina.html", "pagina"):
        doc = read_bytes(page, name)
        assert doc.kind == "html" and doc.text == "Besluit\n\nCafé & co\n"
        assert doc.fields["html_title"] == "Besluit Woo"
    assert read_bytes(page, "pagina.txt").kind == "text"  # .txt stays its own text
