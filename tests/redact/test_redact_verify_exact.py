"""The verifier's faster readings give exactly what the readings they replaced gave (issue 15e).

Each reference below is the code as it was before the change, kept here to compare with.
"""

from __future__ import annotations

import random
import re
import unicodedata

import pymupdf

from wooflow.redact.render import render_text_pdf
from wooflow.redact.verify_deep import _bad_chars, raw_text, strings_in, strings_text

# --- references: the code before 15e ------------------------------------------------------------

_LIT_ESC = {b"n": b"\n", b"r": b"\r", b"t": b"\t", b"b": b"\b", b"f": b"\f"}


def _ref_decode_literal(body: bytes) -> bytes:
    out = bytearray()
    i, n = 0, len(body)
    while i < n:
        c = body[i : i + 1]
        if c == b"\\" and i + 1 < n:
            nxt = body[i + 1 : i + 2]
            m = re.match(rb"[0-7]{1,3}", body[i + 1 : i + 4])
            if m:
                out.append(int(m.group(), 8) & 0xFF)
                i += 1 + len(m.group())
                continue
            out += _LIT_ESC.get(nxt, b"" if nxt in b"\r\n" else nxt)
            i += 2
            continue
        out += c
        i += 1
    return bytes(out)


def _ref_bytes_text(raw: bytes) -> str:
    if raw.startswith(b"\xfe\xff"):
        return raw[2:].decode("utf-16-be", "replace")
    if raw.startswith(b"\xff\xfe"):
        return raw[2:].decode("utf-16-le", "replace")
    if raw.startswith(b"\xef\xbb\xbf"):
        return raw[3:].decode("utf-8", "replace")
    return raw.decode("latin-1")


_REF_STRING = re.compile(rb"\((?:\\.|[^\\()]|\((?:\\.|[^\\()])*\))*\)|<([0-9A-Fa-f\s]*)>", re.S)
_REF_TJ = re.compile(rb"\[((?:[^\[\]]|\\[\[\]])*)\]\s*TJ", re.S)


def _ref_strings_in(data: bytes) -> list[str]:
    out: list[str] = []
    for m in _REF_STRING.finditer(data):
        tok = m.group(0)
        if tok.startswith(b"("):
            out.append(_ref_bytes_text(_ref_decode_literal(tok[1:-1])))
        else:
            hexs = re.sub(rb"\s", b"", m.group(1) or b"")
            if len(hexs) % 2:
                hexs += b"0"
            try:
                out.append(_ref_bytes_text(bytes.fromhex(hexs.decode())))
            except ValueError:
                pass
    for m in _REF_TJ.finditer(data):
        pieces = [
            _ref_bytes_text(_ref_decode_literal(s.group(0)[1:-1]))
            for s in _REF_STRING.finditer(m.group(1))
            if s.group(0).startswith(b"(")
        ]
        if len(pieces) > 1:
            out.append("".join(pieces))
    return out


def _ref_bad_chars(text: str) -> int:
    return sum(
        ch == "\ufffd" or 0xE000 <= ord(ch) <= 0xF8FF or (unicodedata.category(ch) == "Cc" and ch not in "\t\n\r")
        for ch in text
    )


# --- the tests -----------------------------------------------------------------------------------

_TOKENS = [b"(", b")", b"<", b">", b"[", b"]", b"\\", b"TJ", b"Tj", b" ", b"\n", b"\r", b"\t", b"\x0b", b"\x0c",
           b"0", b"7", b"41", b"4A", b"f", b"g", b"\xfe\xff", b"\xff\xfe", b"\xef\xbb\xbf", b"\\n", b"\\101",
           b"\\1234", b"\\\r\n", b"\\(", b"\\)", b"\\[", b"Jan", b"Jansen", b"-250", b"/F1 12 Tf", b"\xe9",
           b"<00", b"4a61>", b"(a)(b)", b"[(J)-20(an)]TJ", b"[<004A>12<0061>]TJ", b"<<", b">>", b"%"]  # fmt: skip


def test_strings_in_equals_the_old_reading_on_random_pdf_bytes() -> None:
    rnd = random.Random(15)
    for _ in range(20000):
        data = b"".join(rnd.choice(_TOKENS) for _ in range(rnd.randint(0, 40)))
        assert strings_in(data) == _ref_strings_in(data), data


def test_strings_in_equals_the_old_reading_on_a_real_file() -> None:
    text = "Geachte heer Jansen,\n\nBel 06-12345678 of mail j.jansen@example.nl.\tÉén ½ € ﬁ Ωμέγα 漢字\n" * 30
    doc = pymupdf.open("pdf", render_text_pdf(text).data)
    page = doc[0]
    page.insert_text((72, 72), "(Jan) [de] <Vries> \\ TJ", fontname="helv")  # literal strings
    doc.set_metadata({"title": "Jan Jansen", "author": "\u00e9\u00e9n"})
    data = doc.tobytes(garbage=0, deflate=False)
    pieces = [data]
    for xref in range(1, doc.xref_length()):
        pieces.append(doc.xref_object(xref, compressed=False).encode("latin-1", "replace"))
        if doc.xref_is_stream(xref):
            pieces.append(doc.xref_stream(xref) or b"")
    doc.close()
    assert any(b"TJ" in p for p in pieces)
    for p in pieces:
        assert strings_in(p) == _ref_strings_in(p)


def test_bad_chars_equals_the_old_count_for_every_code_point() -> None:
    every = [chr(c) for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF]
    assert [ch for ch in every if _bad_chars(ch)] == [ch for ch in every if _ref_bad_chars(ch)]
    assert _bad_chars("".join(every)) == _ref_bad_chars("".join(every)) == 65 - 3 + 6400 + 1


def _joined(data: bytes) -> str | None:
    found = strings_in(data)
    return "\n".join(found) if found else None


_HEX_TOKENS = [b"<0041>", b"<00", b"4a>", b"<>", b"<feff0041>", b"<FEFF>", b"<ef>", b"<EFBB>", b"<ff>", b"<fe>",
               b"<abc>", b"<0 041>", b"<00\n41>", b"<e0>", b"<0a0d>", b"[", b"]", b"TJ", b" ", b"-250", b"Tj",
               b"<<", b">>", b"/F0 10 Tf", b"<0f>", b"<1e>", b"<fF0041>", b"\n", b"(",
               b"(J)", b"(an)", b"()", b"(\\(x)", b"(\xfe\xffab)", b"(a\n\xefb)", b"(\xe9)", b"(a(b)c)", b")",
               b"[(J)(an)]TJ", b"[(J)-20<0041>(an)]TJ", b"[(\xfeJ)(an)]TJ", b"[(J)(\\)an)]TJ"]  # fmt: skip


def test_strings_text_equals_the_joined_strings_on_random_bytes() -> None:
    rnd = random.Random(16)
    for tokens in (_TOKENS, _HEX_TOKENS, _HEX_TOKENS[:28], _HEX_TOKENS[28:]):
        for _ in range(20000):
            data = b"".join(rnd.choice(tokens) for _ in range(rnd.randint(0, 40)))
            assert strings_text(data) == _joined(data), data


def test_raw_text_is_the_old_join_on_a_rendered_and_a_hand_written_file() -> None:
    def old_raw_text(doc: pymupdf.Document) -> str:
        parts: list[str] = []
        for xref in range(1, doc.xref_length()):
            obj = doc.xref_object(xref, compressed=False)
            parts.append(obj)
            parts.extend(strings_in(obj.encode("latin-1", "replace")))
            if doc.xref_is_stream(xref):
                data = doc.xref_stream(xref) or b""
                sub = doc.xref_get_key(xref, "Subtype")[1]
                if sub in ("/Image",) or doc.xref_get_key(xref, "Type")[1] == "/XRef":
                    continue
                if sub.startswith("/Type1") or sub in ("/CIDFontType0C", "/OpenType") or \
                        doc.xref_get_key(xref, "Length1")[0] != "null":
                    continue
                parts.append(data.decode("latin-1"))
                parts.extend(strings_in(data))
        return "\n".join(parts)

    text = "Geachte heer Jansen,\n\nBel 06-12345678 of mail j.jansen@example.nl. Één ½ € ﬁ Ωμέγα 漢字\n" * 30
    doc = pymupdf.open("pdf", render_text_pdf(text).data)
    assert raw_text(doc)[0] == old_raw_text(doc)
    doc[0].insert_text((72, 72), "(Jan) [de] <Vries> \\ TJ", fontname="helv")
    doc.set_metadata({"title": "Jan Jansen", "author": "\u00e9\u00e9n"})
    doc = pymupdf.open("pdf", doc.tobytes())
    assert raw_text(doc)[0] == old_raw_text(doc)
    assert "Vries" in raw_text(doc)[0]


def test_crop_outside_decides_as_the_rect_comparison() -> None:
    """Issue 15h: rebuild's "anything outside the page?" with float comparisons instead of two
    Rect objects per bbox-log entry: the same answer on random logs and on real pages."""
    from wooflow.redact.rebuild import _all_inside

    def old(log: list[tuple[str, tuple[float, float, float, float]]], outside: pymupdf.Rect) -> bool:
        return all(pymupdf.Rect(r).is_empty or pymupdf.Rect(r) in outside for _kind, r in log)

    rnd = random.Random(17)
    outside = pymupdf.Rect(-1, -1, 596, 843)
    values = [-50.0, -1.0, -0.5, 0.0, 1.0, 300.0, 595.0, 596.0, 596.5, 842.0, 843.0, 900.0, float("nan"), float("inf")]
    for _ in range(20000):
        log = [("fill-text", tuple(rnd.choice(values) for _ in range(4))) for _ in range(rnd.randint(0, 4))]
        assert _all_inside(log, outside) == old(log, outside), log  # type: ignore[arg-type]
    doc = pymupdf.open("pdf", render_text_pdf("Jan Jansen woont hier.\n" * 80).data)
    page = doc[0]
    log = page.get_bboxlog()
    assert log and _all_inside(log, outside) and old(log, outside)
    page.insert_text((700, 100), "buiten de pagina", fontname="helv")
    log = page.get_bboxlog()
    assert not _all_inside(log, outside) and not old(log, outside)
