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


def _free(lept: object, pix: int) -> None:
    import ctypes

    lept.pixDestroy(ctypes.byref(ctypes.c_void_p(pix)))  # type: ignore[attr-defined]


def test_the_pix_made_from_the_pixels_is_the_pngs_pix() -> None:
    """Issue 15p: the engine gets a Pix made from the pixels instead of a PNG leptonica decodes;
    its header fields and every byte of its memory (row padding included) are the PNG's."""
    import numpy as np

    libs = tessapi._load()
    assert libs is not None
    lept = libs[1]
    rnd = np.random.default_rng(15)
    images = [img for _name, img in _images()]
    for _ in range(120):
        h, w = int(rnd.integers(1, 70)), int(rnd.integers(1, 70))
        images.append(Image.fromarray(rnd.integers(0, 256, (h, w), dtype=np.uint8)))
        images.append(Image.fromarray(rnd.integers(0, 256, (h, w, 3), dtype=np.uint8)))
    images.append(np.full((9, 11), 7, dtype=np.uint8))  # a numpy array, as the verifier passes
    for img in images:
        prepared = tessapi._prepared(img)
        assert prepared is not None
        ref, direct = tessapi._pix_from_png(lept, prepared), tessapi._pix_direct(lept, prepared)
        assert ref and direct
        try:
            assert tessapi.pix_fields(lept, direct) == tessapi.pix_fields(lept, ref), prepared.size
        finally:
            _free(lept, ref)
            _free(lept, direct)


def test_a_direct_pix_that_differs_sends_every_image_through_the_png(monkeypatch: pytest.MonkeyPatch) -> None:
    """The first image of a process is made both ways and compared; if they ever differ (another
    leptonica), the PNG is used from then on and the answers stay the program's."""
    import ctypes

    libs = tessapi._load()
    assert libs is not None
    lept = libs[1]
    real = tessapi._pix_direct

    def off_by_one(lept_: object, image: Image.Image) -> int | None:
        pix = real(lept_, image)
        if pix:
            data = lept.pixGetData(pix)
            ctypes.memset(data, (ctypes.c_ubyte.from_address(data).value + 1) % 256, 1)
        return pix

    monkeypatch.setattr(tessapi, "_pix_direct", off_by_one)
    monkeypatch.setattr(tessapi, "_direct", None)
    img = _images()[0][1]
    assert tessapi.image_to_string(img, "nld", "--psm 6") == pytesseract.image_to_string(img, lang="nld",
                                                                                         config="--psm 6")  # fmt: skip
    assert tessapi._direct is False
    monkeypatch.setattr(tessapi, "_direct", None)
    monkeypatch.setattr(tessapi, "_pix_direct", real)
    tessapi.image_to_string(img, "nld", "--psm 6")
    assert tessapi._direct is True


def test_the_verifier_reads_a_name_in_a_picture_through_the_direct_pix(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """A redacted name left in a picture is read by the verifier's bitmap OCR, which now gets
    its Pix from the pixels: the leak is reported, the clean file passes."""
    from wooflow.model import Finding
    from wooflow.redact.verify import verify_pdf

    name = "Marieke Brouwer"
    text = f"Behandelaar: {name}\nDe aanvraag is ontvangen en wordt behandeld.\n"
    start = text.index(name)
    finding = Finding(start, start + len(name), name, "person", "redact", "5.1.2e", 1.0, "test", "test")
    kept = "Behandelaar: [5.1.2e]\nDe aanvraag is ontvangen en wordt behandeld.\n"

    def write(path, picture: str) -> None:  # type: ignore[no-untyped-def]
        doc = pymupdf.open()
        page = doc.new_page(width=420, height=300)
        page.insert_text((40, 60), kept, fontsize=11, fontname="helv")
        shot = _page(picture, 16, 200).convert("RGB")
        page.insert_image(pymupdf.Rect(40, 120, 360, 240), stream=tessapi._encode_png(shot))
        doc.save(path)

    tessapi._direct = None
    write(tmp_path / "lek.pdf", f"Contact: {name}")
    report = verify_pdf(tmp_path / "lek.pdf", [finding], text, raise_on_failure=False)
    assert tessapi._direct is True and report.ocr_images == 1
    assert any(leak.where == "ocr" for leak in report.leaks), report.leaks
    write(tmp_path / "schoon.pdf", "Contact: de afdeling")
    assert not verify_pdf(tmp_path / "schoon.pdf", [finding], text, raise_on_failure=False).leaks
