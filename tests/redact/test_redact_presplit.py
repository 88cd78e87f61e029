"""Regression: MuPDF moved the rest of a line left after a redaction inside one string."""

from __future__ import annotations

import re

import pymupdf

from wooflow.redact.presplit import _EI, DELIM, _Unsupported, rewrite, split_page_strings
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

    from wooflow.redact.presplit import _tokens

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


def _tokens_bytewise(data: bytes) -> list[tuple[str, bytes, bytes | None]]:
    """``presplit._tokens`` byte by byte, as it was before issue 15h: the reference the regex
    tokenizer is compared with."""
    out: list[tuple[str, bytes, bytes | None]] = []
    i, n = 0, len(data)
    while i < n:
        c = data[i : i + 1]
        if c in (b" ", b"\t", b"\r", b"\n", b"\x0c", b"\x00"):
            i += 1
        elif c == b"%":
            while i < n and data[i : i + 1] not in (b"\r", b"\n"):
                i += 1
        elif c == b"(":
            j, depth, value = i + 1, 1, bytearray()
            while j < n:
                ch = data[j]
                if ch == 0x5C:  # backslash
                    j += 1
                    esc = data[j : j + 1]
                    table = {b"n": 10, b"r": 13, b"t": 9, b"b": 8, b"f": 12}
                    if esc in table:
                        value.append(table[esc])
                        j += 1
                    elif esc in (b"\r", b"\n"):
                        j += 1
                        if esc == b"\r" and data[j : j + 1] == b"\n":
                            j += 1
                    elif esc.isdigit():
                        k = j
                        while k < n and k < j + 3 and data[k : k + 1] in b"01234567":
                            k += 1
                        value.append(int(data[j:k], 8) & 0xFF)
                        j = k
                    else:
                        value.extend(esc)
                        j += 1
                    continue
                if ch == 0x28:
                    depth += 1
                elif ch == 0x29:
                    depth -= 1
                    if depth == 0:
                        break
                value.append(ch)
                j += 1
            if depth:
                raise _Unsupported("unterminated string")
            out.append(("str", data[i : j + 1], bytes(value)))
            i = j + 1
        elif data[i : i + 2] == b"<<":
            out.append(("<<", b"<<", None))
            i += 2
        elif data[i : i + 2] == b">>":
            out.append((">>", b">>", None))
            i += 2
        elif c == b"<":
            j = data.find(b">", i)
            if j < 0:
                raise _Unsupported("unterminated hex string")
            hexdigits = re.sub(rb"[^0-9A-Fa-f]", b"", data[i + 1 : j])
            if len(hexdigits) % 2:
                hexdigits += b"0"
            out.append(("hex", data[i : j + 1], bytes.fromhex(hexdigits.decode())))
            i = j + 1
        elif c in (b"[", b"]", b"{", b"}"):
            out.append((c.decode(), c, None))
            i += 1
        else:
            j = i + 1 if c == b"/" else i
            while (
                j < n
                and data[j : j + 1] not in (b" ", b"\t", b"\r", b"\n", b"\x0c", b"\x00")
                and (data[j : j + 1] not in DELIM)
            ):
                j += 1
            if j == i:
                raise _Unsupported(f"unexpected byte {c!r}")
            raw = data[i:j]
            kind = (
                "name"
                if c == b"/"
                else ("num" if re.fullmatch(rb"[+-]?(\d+\.?\d*|\.\d+)", raw) else "op")
            )
            if kind == "op" and raw == b"ID":
                m = _EI.search(data, j + 1)
                if not m:
                    raise _Unsupported("inline image without EI")
                # BI ... ID <binary> EI is kept byte for byte, operands included.
                k = len(out) - 1
                while k >= 0 and out[k][1] != b"BI":
                    k -= 1
                if k < 0:
                    raise _Unsupported("ID without BI")
                head = b" ".join(t[1] for t in out[k:])
                del out[k:]
                out.append(("raw", head + b" ID" + data[j : m.end()], None))
                i = m.end()
                continue
            out.append((kind, raw, None))
            i = j
    return out


def _glyph_array_sliced(value: bytes, width: int) -> bytes:
    """``presplit._glyph_array`` as it was before session 11: one slice per glyph (the
    reference)."""
    pieces = [b"<" + value[k : k + width].hex().encode() + b">" for k in range(0, len(value), width)]
    return b"[" + b" ".join(pieces) + b"]"


def test_glyph_array_equals_one_slice_per_glyph():
    """Session 11 (15q): the TJ array from ``bytes.hex`` with a separator: the same bytes as a
    slice per glyph for every width and length, a last shorter group and no bytes included."""
    import random

    from wooflow.redact.presplit import _glyph_array

    rnd = random.Random(11)
    for _ in range(20000):
        width = rnd.choice((1, 2, 3, 4))
        value = bytes(rnd.randrange(256) for _ in range(rnd.randint(0, 13)))
        assert _glyph_array(value, width) == _glyph_array_sliced(value, width), (value, width)
    assert _glyph_array(b"", 2) == b"[]"
    assert _glyph_array(b"\x00\x41\x00", 2) == b"[<0041> <00>]"  # grouped from the left
    src = b"BT /F1 12 Tf (" + bytes(range(0x20, 0x28)) + b") Tj [(ab) -5 ()] TJ ET"
    assert b"[<20> <21> <22> <23> <24> <25> <26> <27>] TJ" in rewrite(src, {"F1": 1})
    assert b"[<6162> -5] TJ" in rewrite(src, {"F1": 2})
