"""Regression: MuPDF moved the rest of a line left after a redaction inside one string."""

from __future__ import annotations

import pymupdf

from wooflow.redact.presplit import rewrite, split_page_strings
from wooflow.redact.render import render_text_pdf


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


def test_same_positions_decides_as_the_rounded_comparison():
    """Issue 15e: equal word lists are accepted without rounding; any other pair is decided by
    the rounded words, as before."""
    import random

    from wooflow.redact.presplit import _rounded, _same_positions

    rnd = random.Random(5)
    for _ in range(3000):
        a = [(rnd.choice([10.0, 10.004, 10.006, 11.0]), 20.0, rnd.choice([30.0, 30.001]), 40.0,
              rnd.choice(["Jan", "Jansen"]), 0, 0, i) for i in range(rnd.randint(0, 4))]  # fmt: skip
        b = [w if rnd.random() < 0.7 else (rnd.choice([10.0, 10.004, 10.006]), *w[1:4], rnd.choice(["Jan", "Jansen"]),
             rnd.randint(0, 1), 0, w[7]) for w in a]  # fmt: skip
        if rnd.random() < 0.1:
            b = b[:-1]
        assert _same_positions(a, b) == (_rounded(a) == _rounded(b))


_PIECES = [b" ", b"\n", b"\r\n", b"\x00", b"\t", b"(", b")", b"(Jan)", b"(a\\)b)", b"(a(b)c)", b"(\\101\\n)", b"(\\\r\n)",
           b"<", b">", b"<0041>", b"<00 4>", b"<zz>", b"<<", b">>", b"[", b"]", b"{", b"}", b"/F1", b"/", b"/a/b",
           b"12", b"-3.5", b".5", b"+", b"Tj", b"TJ", b"'", b'"', b"BT", b"ET", b"% note\n", b"%", b"BI", b"ID",
           b" \x01\x02 EI ", b"EI", b"q", b"Q", b"1.2.3", b"\\"]  # fmt: skip


def _tokens_or_error(fn, data: bytes) -> object:  # type: ignore[no-untyped-def]
    from wooflow.redact.presplit import _Unsupported

    try:
        return fn(data)
    except _Unsupported:
        return "unsupported"


def test_the_regex_tokenizer_gives_the_bytewise_tokens() -> None:
    """Issue 15h: one regular expression per token instead of a loop per byte; the same tokens
    (or the same refusal) for random content-stream soup and real pages."""
    import random

    from wooflow.redact.presplit import _tokens, _tokens_bytewise

    rnd = random.Random(15)
    for _ in range(20000):
        data = b"".join(rnd.choice(_PIECES) for _ in range(rnd.randint(0, 30)))
        assert _tokens_or_error(_tokens, data) == _tokens_or_error(_tokens_bytewise, data), data
    doc = pymupdf.open("pdf", render_text_pdf("Geachte heer Jansen, (zie bijlage) \\ 50% ½ Ωμέγα\n" * 60).data)
    page = doc[0]
    page.insert_text((72, 72), "(Jan) [de] <Vries> \\ TJ", fontname="helv")
    total = 0
    for xref in page.get_contents():
        data = doc.xref_stream(xref)
        assert _tokens(data) == _tokens_bytewise(data)
        total += len(_tokens(data))
    assert total > 100
