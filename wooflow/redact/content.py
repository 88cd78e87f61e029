"""A small PDF content-stream tokenizer and filter: hidden layers out, marked-content properties out.

Two things a reader never sees but an extractor reads live in content streams:

- content in a hidden optional-content layer (``/OC /MC0 BDC ... EMC``, or a Form XObject or
  image with an ``/OC`` entry): MuPDF does not paint or extract it, so it never reaches
  detection; once the catalog's ``/OCProperties`` is dropped every viewer would show it. It is
  removed, not hidden.
- marked-content properties (``/Span << /ActualText (...) /Alt (...) /E (...) >> BDC``): text
  that replaces what the glyphs show in extraction. ``BDC`` with properties becomes ``BMC``.

The tokenizer knows PDF syntax (strings with nested parentheses and escapes, hex strings,
dictionaries, arrays, comments, inline images); it is not a full interpreter.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

WHITESPACE = b"\x00\t\n\x0c\r "
DELIMS = b"()<>[]{}/%"


@dataclass(slots=True)
class Token:
    kind: str  # "op", "name", "str", "num", "dict", "array", "inline"
    raw: bytes


def _skip_ws(data: bytes, i: int) -> int:
    n = len(data)
    while i < n:
        c = data[i]
        if c in WHITESPACE:
            i += 1
        elif c == 0x25:  # % comment
            while i < n and data[i] not in b"\r\n":
                i += 1
        else:
            break
    return i


def _literal_end(data: bytes, i: int) -> int:
    """Index after the literal string starting at data[i] == '('."""
    depth, n = 0, len(data)
    while i < n:
        c = data[i]
        if c == 0x5C:  # backslash
            i += 2
            continue
        if c == 0x28:
            depth += 1
        elif c == 0x29:
            depth -= 1
            if depth == 0:
                return i + 1
        i += 1
    return n


def _object_end(data: bytes, i: int) -> tuple[int, str]:
    """End of one object starting at ``i`` and its kind (nested dicts and arrays included)."""
    n = len(data)
    c = data[i]
    if c == 0x28:
        return _literal_end(data, i), "str"
    if data.startswith(b"<<", i):
        return _nested_end(data, i + 2, b">>"), "dict"
    if c == 0x3C:
        j = data.find(b">", i)
        return (n if j < 0 else j + 1), "str"
    if c == 0x5B:
        return _nested_end(data, i + 1, b"]"), "array"
    if c == 0x2F:
        j = i + 1
        while j < n and data[j] not in WHITESPACE and data[j] not in DELIMS:
            j += 1
        return j, "name"
    j = i
    while j < n and data[j] not in WHITESPACE and data[j] not in DELIMS:
        j += 1
    if j == i:  # a stray delimiter (")", ">", "}"): take it alone
        return i + 1, "op"
    word = data[i:j]
    return j, ("num" if re.fullmatch(rb"[+\-]?(\d+\.?\d*|\.\d+)", word) else "op")


def _nested_end(data: bytes, i: int, close: bytes) -> int:
    n = len(data)
    while True:
        i = _skip_ws(data, i)
        if i >= n:
            return n
        if data.startswith(close, i):
            return i + len(close)
        i, _ = _object_end(data, i)


def tokenize(data: bytes) -> list[Token]:
    """Tokens of a content stream; an inline image (BI ... ID data EI) is one token."""
    out: list[Token] = []
    i, n = 0, len(data)
    while True:
        i = _skip_ws(data, i)
        if i >= n:
            return out
        j, kind = _object_end(data, i)
        if kind == "op" and data[i:j] == b"BI":
            k = data.find(b"ID", j)
            k = n if k < 0 else k + 2
            m = re.compile(rb"[\x00\t\n\x0c\r ]EI(?=[\x00\t\n\x0c\r /\[<(]|$)").search(data, k + 1)
            j = n if m is None else m.end()
            kind = "inline"
        out.append(Token(kind, data[i:j]))
        i = j


Resolver = Callable[[str, str], int]  # (resource category, name) -> xref or 0
Judge = Callable[[bytes, int], bool]  # (inline /OC operand or b"", xref) -> hidden?


def filter_content(
    data: bytes,
    resolve: Resolver,
    hidden: Judge,
    xobject_hidden: Callable[[int], bool],
) -> tuple[bytes, int, int]:
    """Content without hidden optional content and without marked-content properties.

    Returns the new stream, the number of hidden sections/XObject calls dropped and the number
    of property lists dropped.
    """
    tokens = tokenize(data)
    out: list[bytes] = []
    operands: list[Token] = []
    dropped = props = 0
    skip_depth = 0  # > 0 while inside a hidden marked-content section
    for tok in tokens:
        if tok.kind == "inline":
            if not skip_depth:
                out.append(tok.raw)
            operands = []
            continue
        if tok.kind != "op":
            operands.append(tok)
            continue
        op = tok.raw
        if skip_depth:
            if op in (b"BMC", b"BDC"):
                skip_depth += 1
            elif op == b"EMC":
                skip_depth -= 1
            operands = []
            continue
        if op == b"BDC" and len(operands) >= 2:
            tag, prop = operands[-2], operands[-1]
            if tag.raw == b"/OC":
                xref = resolve("Properties", prop.raw[1:].decode("latin-1")) if prop.kind == "name" else 0
                if hidden(prop.raw if prop.kind == "dict" else b"", xref):
                    skip_depth = 1
                    dropped += 1
                    operands = []
                    continue
            out.append(tag.raw + b" BMC")
            props += 1
            operands = []
            continue
        if op == b"Do" and operands and operands[-1].kind == "name":
            xref = resolve("XObject", operands[-1].raw[1:].decode("latin-1"))
            if xref and xobject_hidden(xref):
                dropped += 1
                operands = []
                continue
        out.append(b" ".join([*(t.raw for t in operands), op]))
        operands = []
    if operands:  # trailing operands without an operator (broken stream): keep them as they were
        out.append(b" ".join(t.raw for t in operands))
    return b"\n".join(out) + b"\n", dropped, props
