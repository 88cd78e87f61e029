"""Work around MuPDF's redaction shifting the rest of a line (upstream bug, MuPDF 1.2x/PyMuPDF 2.0).

When ``apply_redactions`` removes glyphs from the middle of one PDF string (``(Geheim Jansen hier)
Tj``), the advance of the first removed glyph is lost and the rest of the line moves left by that
glyph's width, partly under the black box (see pymupdf/PyMuPDF issues 2957, 3278). Glyphs that are
separate elements of a ``TJ`` array are removed correctly. So before redacting a page, every
text-showing operator of its content streams (and of the Form XObjects it draws) is rewritten to
an equivalent ``TJ`` array with one string per glyph. The rendering is identical by the PDF
specification; this is checked by comparing every character's position before and after, and the
page is restored when anything differs or a string's encoding is not known to be 1 or 2 bytes.

Written by hand because no library available here rewrites content streams at the glyph level.
"""

from __future__ import annotations

import re

import pymupdf

WS = b" \t\r\n\x0c\x00"
DELIM = b"()<>[]{}/%"
_EI = re.compile(rb"[\s\x00]EI(?=[\s\x00]|$)")


class _Unsupported(Exception):
    """A construct this rewriter does not handle; the page is left as it was."""


_TOKEN = re.compile(
    rb"(?P<ws>[ \t\r\n\x0c\x00]+)"
    rb"|(?P<comment>%[^\r\n]*)"
    rb"|(?P<str>\((?P<body>[^\\()]*)\))"  # a literal without escape or nested parenthesis
    rb"|(?P<dict><<|>>)"
    rb"|(?P<hex><(?P<digits>[^>]*)>)"
    rb"|(?P<bracket>[\[\]{}])"
    rb"|(?P<word>/?[^ \t\r\n\x0c\x00()<>\[\]{}/%]+|/)"
)
_NUM = re.compile(rb"[+-]?(\d+\.?\d*|\.\d+)")
_NOT_HEX = re.compile(rb"[^0-9A-Fa-f]")


def _tokens(data: bytes) -> list[tuple[str, bytes, bytes | None]]:
    """(kind, raw, value) tokens: str, hex, num, name, op, [, ], <<, >>, raw (an inline image).

    One regular expression per token; a literal string with an escape or a nested parenthesis
    is read by ``_literal`` (byte by byte). The same tokens as the byte-by-byte tokenizer it
    replaced (kept as the reference in tests/redact/test_redact_presplit.py)."""
    out: list[tuple[str, bytes, bytes | None]] = []
    append = out.append
    match = _TOKEN.match
    i, n = 0, len(data)
    while i < n:
        m = match(data, i)
        if m is None:
            if data[i : i + 1] == b"(":
                tok, i = _literal(data, i)
                append(tok)
                continue
            raise _Unsupported(f"unexpected byte {data[i : i + 1]!r}")
        kind = m.lastgroup
        j = m.end()
        if kind == "word":
            raw = m.group()
            if raw[:1] == b"/":
                append(("name", raw, None))
            elif _NUM.fullmatch(raw):
                append(("num", raw, None))
            elif raw == b"ID":
                i = _inline_image(data, j, out)
                continue
            else:
                append(("op", raw, None))
        elif kind == "str" or kind == "body":
            append(("str", m.group("str"), m.group("body")))
        elif kind == "hex" or kind == "digits":
            hexdigits = _NOT_HEX.sub(b"", m.group("digits"))
            if len(hexdigits) % 2:
                hexdigits += b"0"
            append(("hex", m.group("hex"), bytes.fromhex(hexdigits.decode())))
        elif kind == "dict":
            raw = m.group()
            append((raw.decode(), raw, None))
        elif kind == "bracket":
            raw = m.group()
            append((raw.decode(), raw, None))
        i = j
    return out


def _literal(data: bytes, i: int) -> tuple[tuple[str, bytes, bytes | None], int]:
    """The literal string starting at ``data[i] == "("``, escapes and nesting read byte by byte."""
    n = len(data)
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
    return ("str", data[i : j + 1], bytes(value)), j + 1


def _inline_image(data: bytes, j: int, out: list[tuple[str, bytes, bytes | None]]) -> int:
    """``BI ... ID <binary> EI`` as one raw token (operands included), kept byte for byte; the
    offset after it."""
    m = _EI.search(data, j + 1)
    if not m:
        raise _Unsupported("inline image without EI")
    k = len(out) - 1
    while k >= 0 and out[k][1] != b"BI":
        k -= 1
    if k < 0:
        raise _Unsupported("ID without BI")
    head = b" ".join(t[1] for t in out[k:])
    del out[k:]
    out.append(("raw", head + b" ID" + data[j : m.end()], None))
    return m.end()


def _glyph_array(value: bytes, width: int) -> bytes:
    """``value`` as a TJ array of hex strings of ``width`` bytes each (the last one shorter when
    the length is not a multiple), e.g. ``[<48> <61>]``; ``[]`` for no bytes.

    ``bytes.hex`` with a separator every ``width`` bytes counted from the left gives the same
    groups as slicing ``value[k : k + width]`` (one C call instead of a bytes object per glyph;
    ``_glyph_array_sliced`` in tests/redact/test_redact_presplit.py is the reference)."""
    if not value:
        return b"[]"
    return b"[<" + value.hex(" ", -width).replace(" ", "> <").encode("ascii") + b">]"


def rewrite(data: bytes, code_len: dict[str, int | None]) -> bytes:
    """The content stream with every Tj, TJ, ' and " turned into a one-glyph-per-string TJ."""
    toks = _tokens(data)
    out: list[bytes] = []
    operands: list[tuple[str, bytes, bytes | None]] = []
    font: str | None = None
    stack: list[str | None] = []
    for tok in toks:
        kind, raw, _value = tok
        if kind != "op":
            operands.append(tok)
            continue
        op = raw
        width = code_len.get(font) if font is not None else None
        text_op = op in (b"Tj", b"TJ", b"'", b'"')
        if text_op and width:
            strings = [t for t in operands if t[0] in ("str", "hex")]
            if op == b"TJ":
                if not operands or operands[0][0] != "[" or operands[-1][0] != "]":
                    raise _Unsupported("TJ without array")
                items = []
                for t in operands[1:-1]:
                    if t[0] in ("str", "hex"):
                        assert t[2] is not None
                        items.append(_glyph_array(t[2], width)[1:-1])
                    elif t[0] == "num":
                        items.append(t[1])
                    else:
                        raise _Unsupported("odd TJ element")
                out.append(b"[" + b" ".join(i for i in items if i) + b"] TJ")
            else:
                if len(strings) != 1 or strings[0][2] is None:
                    raise _Unsupported("text operator without one string")
                arr = _glyph_array(strings[0][2], width)
                if op == b"'":
                    out.append(b"T* " + arr + b" TJ")
                elif op == b'"':
                    nums = [t[1] for t in operands if t[0] == "num"]
                    if len(nums) != 2:
                        raise _Unsupported('" without two numbers')
                    out.append(nums[0] + b" Tw " + nums[1] + b" Tc T* " + arr + b" TJ")
                else:
                    out.append(arr + b" TJ")
        else:
            out.append(b" ".join([t[1] for t in operands] + [raw]))
        if op == b"Tf":
            names = [t for t in operands if t[0] == "name"]
            font = names[-1][1][1:].decode("latin-1") if names else None
        elif op == b"q":
            stack.append(font)
        elif op == b"Q":
            font = stack.pop() if stack else font
        operands = []
    if operands:
        out.append(b" ".join(t[1] for t in operands))
    return b"\n".join(out) + b"\n"


def _code_lengths(page: pymupdf.Page) -> dict[int, dict[str, int | None]]:
    """Bytes per character code for each font name, per resource owner (0 = the page)."""
    out: dict[int, dict[str, int | None]] = {}
    for _xref, _ext, ftype, _base, name, encoding, referencer in page.get_fonts(full=True):
        if ftype == "Type0":
            width = 2 if str(encoding).startswith("Identity-") else None
        else:
            width = 1
        out.setdefault(referencer, {})[name] = width
    return out


WordBox = tuple[float, float, float, float, str, int, int, int]  # as get_text("words") gives them


def _char_positions(page: pymupdf.Page) -> list[WordBox]:
    """Every word with its box (MuPDF's words as they come): a moved glyph moves (or reshapes)
    the box of its word."""
    return list(page.get_text("words", flags=pymupdf.TEXT_PRESERVE_LIGATURES | pymupdf.TEXT_PRESERVE_WHITESPACE))


def _rounded(words: list[WordBox]) -> list[tuple[str, float, float, float, float]]:
    return [(w[4], round(w[0], 2), round(w[1], 2), round(w[2], 2), round(w[3], 2)) for w in words]


def _same_positions(a: list[WordBox], b: list[WordBox]) -> bool:
    """Every word the same, its box the same to 0.01 pt. Equal lists are that already (no
    rounding of every coordinate); otherwise the rounded words are compared."""
    return a == b or _rounded(a) == _rounded(b)


def split_page_strings(pdf: pymupdf.Document, page: pymupdf.Page) -> bool:
    """Rewrite the page's text strings glyph by glyph; True when done and proven equivalent."""
    lengths = _code_lengths(page)
    page_fonts = lengths.get(0, {})
    streams: list[tuple[int, dict[str, int | None]]] = [
        (x, page_fonts) for x in page.get_contents()
    ]
    for xref, _name, _invoker, _bbox in page.get_xobjects():
        if pdf.xref_get_key(xref, "Subtype")[1] == "/Form":
            streams.append((xref, {**page_fonts, **lengths.get(xref, {})}))
    if not streams:
        return False
    before = _char_positions(page)
    originals: list[tuple[int, bytes]] = []
    try:
        for xref, fonts in streams:
            data = pdf.xref_stream(xref)
            if data is None:
                continue
            new = rewrite(data, fonts)
            originals.append((xref, data))
            pdf.update_stream(xref, new)
    except (_Unsupported, ValueError, UnicodeDecodeError):
        _restore(pdf, originals)
        return False
    if not _same_positions(_char_positions(page), before):
        _restore(pdf, originals)
        return False
    return True


def _restore(pdf: pymupdf.Document, originals: list[tuple[int, bytes]]) -> None:
    for xref, data in originals:
        pdf.update_stream(xref, data)
