"""Hostile input (issue 12): container limits, lost MIME parts and PDF pages, no raw internals."""

from __future__ import annotations

import io
import warnings
import zipfile
from pathlib import Path

import pytest

from wooflow.exceptions import CorruptDocument, LimitExceeded, ZipBomb
from wooflow.ingest import ReadContext, read_bytes, read_path
from wooflow.store.batch import dropped_content

HEAD = "From: Jan Jansen <jan@example.nl>\nTo: Piet <piet@example.nl>\nSubject: {s}\n" \
       "Date: Mon, 4 Mar 2024 10:15:00 +0100\nMessage-ID: <{s}@example.nl>\nMIME-Version: 1.0\n"


def _docx(extra: dict[str, bytes]) -> bytes:
    """A minimal valid .docx plus extra members."""
    import docx

    buf = io.BytesIO()
    d = docx.Document()
    d.add_paragraph("Nota over de begroting.")
    d.save(buf)
    src = zipfile.ZipFile(io.BytesIO(buf.getvalue()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for info in src.infolist():
            zf.writestr(info, src.read(info))
        for name, data in extra.items():
            zf.writestr(name, data)
    return out.getvalue()


def test_docx_with_an_image_bomb_is_refused_before_python_docx() -> None:
    bomb = _docx({"word/media/image1.png": b"\0" * (200 << 20)})  # 200 MiB of zeros, ~200 KiB packed
    assert len(bomb) < 1 << 20
    with pytest.raises(ZipBomb, match="zipbom: word/media/image1.png"):
        read_bytes(bomb, "nota.docx")


def test_docx_over_the_expanded_limit_is_refused() -> None:
    import os

    data = _docx({"word/media/foto.jpg": os.urandom(3 << 20)})  # incompressible: no ratio alarm
    with pytest.raises(LimitExceeded, match="uitgepakte grootte"):
        read_bytes(data, "nota.docx", ctx=ReadContext(max_total_bytes=2 << 20))
    assert "begroting" in read_bytes(data, "nota.docx").text  # the default limit reads it


def test_huge_png_is_one_dutch_line_and_no_pillow_warning(tmp_path: Path) -> None:
    from PIL import Image

    path = tmp_path / "groot.png"
    Image.new("1", (13000, 13000)).save(path)  # 169 million pixels, a few KiB on disk
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a DecompressionBombWarning would fail the test
        with pytest.raises(LimitExceeded) as info:
            read_path(path)
    assert "13000×13000 pixels" in info.value.detail and "WOOFLOW_MAX_PIXELS" in info.value.detail


def test_pixel_limit_is_configurable(tmp_path: Path) -> None:
    from PIL import Image

    path = tmp_path / "klein.png"
    Image.new("L", (400, 300), 255).save(path)
    with pytest.raises(LimitExceeded, match="400×300"):
        read_path(path, ReadContext(max_pixels=100_000, ocr=False))
    assert read_path(path, ReadContext(ocr=False)).page_count == 1


def test_tiff_frames_are_limited(tmp_path: Path) -> None:
    from PIL import Image

    path = tmp_path / "stapel.tif"
    frames = [Image.new("L", (40, 40), 255) for _ in range(4)]
    frames[0].save(path, save_all=True, append_images=frames[1:])
    with pytest.raises(LimitExceeded, match="meer dan 3 pagina's"):
        read_path(path, ReadContext(max_frames=3, ocr=False))


def _nested(levels: int) -> bytes:
    body = "Content-Type: text/plain\n\nbinnenste tekst\n"
    for i in range(levels):
        body = f'Content-Type: multipart/mixed; boundary="b{i}"\n\n--b{i}\n{body}\n--b{i}--\n'
    return (HEAD.format(s="diep") + body).encode()


@pytest.mark.parametrize("levels", [60, 2000])
def test_deep_mime_nesting_is_a_limit(levels: int) -> None:
    with pytest.raises(LimitExceeded, match="te diep genest") as info:
        read_bytes(_nested(levels), "diep.eml")
    assert "recursion" not in info.value.detail
    assert "binnenste tekst" in read_bytes(_nested(5), "ok.eml").text


def test_broken_mime_boundary_keeps_the_text_and_says_so() -> None:
    mail = HEAD.format(s="grens") + (
        'Content-Type: multipart/mixed; boundary="GRENS"\n\n--ANDERS\nContent-Type: text/plain\n\n'
        "Dit is de tekst over de begroting.\n--ANDERS--\n"
    )
    doc = read_bytes(mail.encode(), "grens.eml")
    assert "tekst over de begroting" in doc.text
    lost = [dropped_content(w) for w in doc.warnings]
    assert lost and lost[0] is not None and lost[0][1] == "incomplete"
    assert "MIME-structuur beschadigd" in lost[0][2]


def test_garbage_base64_attachments_are_dropped_content() -> None:
    mail = HEAD.format(s="b64") + (
        'Content-Type: multipart/mixed; boundary="G"\n\n--G\nContent-Type: text/plain\n\nHier is de tekst.\n'
        '--G\nContent-Type: application/pdf\nContent-Disposition: attachment; filename="a.pdf"\n'
        "Content-Transfer-Encoding: base64\n\n!!!!@@@@ geen base64 ~~~~\n"
        '--G\nContent-Type: application/octet-stream\nContent-Disposition: attachment; filename="b.docx"\n'
        "Content-Transfer-Encoding: base64\n\n%%%%^^^^\n--G--\n"
    )
    doc = read_bytes(mail.encode(), "b64.eml")
    lost = sorted(x for x in map(dropped_content, doc.warnings) if x)
    assert [(p, r) for p, r, _ in lost] == [("b64.eml#a.pdf", "corrupt"), ("b64.eml#b.docx", "empty")]


def _pdf(pages: int) -> bytes:
    import pymupdf

    doc = pymupdf.open()
    for n in range(pages):
        doc.new_page().insert_text((72, 72), f"Pagina {n + 1} over de begroting.")
    return doc.tobytes(garbage=0, deflate=False, use_objstms=0)


def test_repaired_pdf_that_lost_pages_names_file_and_pages() -> None:
    data = _pdf(30)
    cut = data[: len(data) // 3] + data[2 * len(data) // 3 :]  # the middle third is gone
    doc = read_bytes(cut, "kapot.pdf")
    lost = [x for x in map(dropped_content, doc.warnings) if x]
    assert len(lost) == 1
    path, reason, detail = lost[0]
    assert (path, reason) == ("kapot.pdf", "incomplete")
    assert "van de 30 pagina's" in detail and "pagina 1" in detail


def test_intact_pdf_has_no_warning() -> None:
    assert read_bytes(_pdf(3), "heel.pdf").warnings == []


def test_library_crash_message_has_no_python_internals(monkeypatch: pytest.MonkeyPatch) -> None:
    import wooflow.ingest.text

    def boom(*args: object) -> None:
        raise ValueError("Exceeds the limit (4300 digits) for integer string conversion")

    monkeypatch.setattr(wooflow.ingest.text, "read_text", boom)
    with pytest.raises(CorruptDocument) as info:
        read_bytes(b"gewone tekst", "a.txt")
    assert "4300" not in info.value.detail and "ValueError" not in info.value.detail
