"""Plain text (.txt, .md and friends): the file's text exactly, newlines untouched.

Decoding tries UTF-8 first (with a BOM kept as the code point it is, so offsets match a byte-exact
decode), then cp1252 (Windows Dutch documents), then latin-1, which never fails.
"""

from __future__ import annotations

from wooflow.exceptions import EmptyDocument
from wooflow.ingest.base import ReadContext, new_document
from wooflow.model import Document

ENCODINGS = ("utf-8", "cp1252", "latin-1")


def decode_text(data: bytes) -> tuple[str, str]:
    """Text and the encoding that decoded it; UTF-16 only when a BOM says so."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError:
            pass
    for encoding in ENCODINGS:
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    raise AssertionError("latin-1 decodes every byte string")  # pragma: no cover


def read_text(data: bytes, path: str, name: str, ctx: ReadContext) -> Document:
    text, encoding = decode_text(data)
    if not text.strip():
        raise EmptyDocument(path, "tekstbestand bevat geen tekst")
    doc = new_document(data, path, name, "text", text, ctx)
    doc.fields["encoding"] = encoding
    return doc
