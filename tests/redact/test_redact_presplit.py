"""Regression: MuPDF moved the rest of a line left after a redaction inside one string."""

from __future__ import annotations

import pymupdf

from wooflow.redact.presplit import rewrite, split_page_strings


def _line_positions(page: pymupdf.Page) -> dict[str, float]:
    return {w[4]: round(w[0], 2) for w in page.get_text("words")}


def test_text_after_a_box_stays_in_place():
    pdf = pymupdf.open()
    page = pdf.new_page()
    page.insert_text((72, 100), "Geheim Jansen hier en daar", fontsize=12)
    before = _line_positions(page)
    assert split_page_strings(pdf, page)
    rect = pymupdf.Rect(page.search_for("Jansen")[0])
    page.add_redact_annot(rect)
    page.apply_redactions(text=pymupdf.PDF_REDACT_TEXT_REMOVE)
    after = _line_positions(page)
    assert "Jansen" not in after
    for word in ("Geheim", "hier", "en", "daar"):
        assert after[word] == before[word], word


def test_rewrite_handles_all_text_operators():
    src = b"BT /F1 12 Tf 1 0 0 1 72 700 Tm (ab\\051c) Tj [(de) -120 <6667>] TJ (h) ' 1 2 (i) \" ET"
    out = rewrite(src, {"F1": 1})
    assert b"[<61> <62> <29> <63>] TJ" in out
    assert b"[<64> <65> -120 <66> <67>] TJ" in out
    assert b"T* [<68>] TJ" in out
    assert b"1 Tw 2 Tc T* [<69>] TJ" in out


def test_unknown_encoding_is_left_alone():
    src = b"BT /F9 12 Tf (abc) Tj ET"
    assert b"(abc) Tj" in rewrite(src, {"F9": None})
