"""Tesseract in the process reads what the tesseract program reads (pytesseract's answers)."""

from __future__ import annotations

import os
import shutil

import pymupdf
import pytesseract
import pytest
from PIL import Image

from wooflow.ingest import tessapi

pytestmark = pytest.mark.skipif(shutil.which("tesseract") is None, reason="tesseract not installed")


def _page(text: str, size: float = 11, dpi: int = 200) -> Image.Image:
    doc = pymupdf.open()
    page = doc.new_page(width=320, height=120)
    page.insert_textbox(pymupdf.Rect(10, 10, 310, 110), text, fontsize=size, fontname="helv")
    pix = page.get_pixmap(dpi=dpi, colorspace=pymupdf.csGRAY)
    return Image.frombytes("L", (pix.width, pix.height), pix.samples)


def _images() -> list[tuple[str, Image.Image]]:
    gray = _page("Van: Jan de Vries\nAan: p.jansen@minvws.nl\nTelefoon 06-12345678, IBAN NL91ABNA0417164300")
    rgba = gray.convert("RGBA")
    rgba.putalpha(200)
    return [
        ("gray", gray),
        ("small", _page("Geachte heer Bakker,", 7, 150)),
        ("rgb", gray.convert("RGB")),
        ("rgba", rgba),
        ("turned", gray.rotate(90, expand=True, fillcolor=255)),
        ("blank", Image.new("L", (200, 60), 255)),
    ]


def test_in_process_answers_equal_the_programs() -> None:
    assert tessapi._load() is not None, "libtesseract should load where the program is installed"
    images = _images()
    # two rounds in changing order: an engine that is reused must not remember earlier images
    cases = [(name, img, 6) for name, img in images] + [("gray", images[0][1], 3), ("turned", images[4][1], 11)]
    for round_ in (cases, list(reversed(cases))[:3]):
        for name, img, psm in round_:
            cfg = f"--psm {psm}"
            ours_text = tessapi.image_to_string(img, "nld", cfg)
            assert ours_text == pytesseract.image_to_string(img, lang="nld", config=cfg), (name, psm)
            ours = tessapi.image_to_data(img, "nld", cfg)
            theirs = pytesseract.image_to_data(img, lang="nld", config=cfg, output_type=pytesseract.Output.DICT)
            assert ours == theirs, (name, psm)
    assert "Vries" in tessapi.image_to_string(images[0][1], "nld", "--psm 6")


def test_images_the_api_does_not_take_go_to_the_program(monkeypatch: pytest.MonkeyPatch) -> None:
    img = _page("Kenmerk 2024-0042")
    jpeg = img.copy()
    jpeg.format = "JPEG"  # pytesseract re-encodes such an image as JPEG: left to it
    assert tessapi._png(jpeg) is None
    assert tessapi._png(img.convert("1")) is None
    calls: list[str] = []
    real = pytesseract.image_to_string

    def counted(*args: object, **kwargs: object) -> str:
        calls.append("cli")
        return str(real(*args, **kwargs))

    monkeypatch.setattr(pytesseract, "image_to_string", counted)
    assert "2024" in tessapi.image_to_string(jpeg, "nld", "--psm 6")
    assert calls == ["cli"]
    monkeypatch.setenv("WOOFLOW_OCR_CLI", "1")
    tessapi.image_to_string(img, "nld", "--psm 6")
    assert calls == ["cli", "cli"]
    monkeypatch.delenv("WOOFLOW_OCR_CLI")
    tessapi.image_to_string(img, "nld", "--psm 6")
    assert calls == ["cli", "cli"]


def test_a_forked_child_reads_with_its_own_engine() -> None:
    img = _page("Memo van Fatima Bakker")
    want = tessapi.image_to_string(img, "nld", "--psm 6")  # the parent holds an idle engine
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child
        try:
            os.close(read)
            ok = not tessapi._free and tessapi.image_to_string(img, "nld", "--psm 6") == want
            os.write(write, b"1" if ok else b"0")
        finally:
            os._exit(0)
    os.close(write)
    got = os.read(read, 1)
    os.waitpid(pid, 0)
    assert got == b"1"
