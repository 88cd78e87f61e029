"""Area redactions (a drawn box: signature, photo, stamp) in the published PDF, read back."""

from __future__ import annotations

import pymupdf
import pytest

from wooflow.ingest import read_path
from wooflow.redact.areas import Area, check_areas, dark_share, words_under
from wooflow.redact.batch import redact_to_pdf
from wooflow.redact.verify import VerificationFailed

SIGNATURE = pymupdf.Rect(72, 200, 232, 260)


def _signed_letter(path):
    """A letter with a 'signature' image (a scribble in dark ink) and a typed name under it."""
    pdf = pymupdf.open()
    page = pdf.new_page(width=595, height=842)
    page.insert_text((72, 100), "Met vriendelijke groet,", fontsize=11)
    pix = pymupdf.Pixmap(pymupdf.csRGB, pymupdf.IRect(0, 0, 160, 60), False)
    pix.clear_with(255)
    for x in range(10, 150):  # a diagonal stroke of ink
        y = 10 + (x * 37) % 40
        for dy in range(4):
            pix.set_pixel(x, y + dy, (20, 20, 120))
    page.insert_image(SIGNATURE, pixmap=pix)
    page.insert_text((80, 240), "Handtekening", fontsize=10)  # text inside the area
    page.insert_text((72, 300), "Afdeling Vergunningen", fontsize=11)
    pdf.save(path)
    pdf.close()
    return read_path(path)


def _inked(path, rect):
    with pymupdf.open(path) as pdf:
        pix = pdf[0].get_pixmap(clip=rect, alpha=False)
        return dark_share(pix.samples, pix.n)


def test_an_area_is_blacked_out_and_checked(tmp_path):
    doc = _signed_letter(tmp_path / "brief.pdf")
    area = Area(0, SIGNATURE.x0, SIGNATURE.y0, SIGNATURE.x1, SIGNATURE.y1, "5.1.2e")
    assert [f.text for f in words_under(doc, [area])] == ["Handtekening"]
    out = tmp_path / "uit.pdf"
    report, verified = redact_to_pdf(doc, [], out, areas=[area])
    assert verified is not None and verified.ok
    with pymupdf.open(out) as pdf:
        text = pdf[0].get_text()
        assert "Handtekening" not in text
        assert "Afdeling Vergunningen" in text and "Met vriendelijke groet" in text
        # the image under the area is gone: nothing of the blue ink is left anywhere
        pix = pdf[0].get_pixmap(alpha=False)
        s, n = pix.samples, pix.n
        blue = sum(1 for i in range(0, len(s), n) if s[i + 2] > 100 and s[i] < 60)
        assert blue == 0
    assert _inked(out, SIGNATURE) > 0.6
    assert check_areas(out, [area]) == []
    assert any(b.label == "5.1.2e" and b.rect == SIGNATURE for b in report.boxes)


def test_the_check_finds_an_area_left_standing(tmp_path):
    doc = _signed_letter(tmp_path / "brief.pdf")
    src = tmp_path / "brief.pdf"
    area = Area(0, SIGNATURE.x0, SIGNATURE.y0, SIGNATURE.x1, SIGNATURE.y1, "5.1.2e")
    problems = check_areas(src, [area])  # the original: text and ink under the area
    assert any("tekst onder" in p for p in problems) and any("niet zwart" in p for p in problems)
    assert check_areas(src, []) == []
    assert doc.pages


def test_a_failed_area_check_withholds_the_file(tmp_path, monkeypatch):
    doc = _signed_letter(tmp_path / "brief.pdf")
    area = Area(0, SIGNATURE.x0, SIGNATURE.y0, SIGNATURE.x1, SIGNATURE.y1, "5.1.2e")
    import wooflow.redact.batch as batch

    monkeypatch.setattr(batch, "check_areas", lambda path, areas: ["vlak op pagina 1: niet zwart"])
    out = tmp_path / "uit.pdf"
    with pytest.raises(VerificationFailed):
        redact_to_pdf(doc, [], out, areas=[area])
    assert not out.exists()


def test_a_slip_of_the_mouse_is_no_area():
    with pytest.raises(ValueError):
        Area(0, 10, 10, 11, 50, "5.1.2e")
