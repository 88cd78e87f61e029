"""HTML pages (.html, .htm): the readable text, as an HTML mail body is read.

A saved web page or an intranet export is a document a Woo request can bring; its markup is not
its content, so the text is produced by ``html_to_text`` (block elements on their own lines).
"""

from __future__ import annotations

import re

from wooflow.exceptions import EmptyDocument
from wooflow.ingest.base import ReadContext, new_document
from wooflow.ingest.email_common import html_to_text
from wooflow.ingest.text import decode_text
from wooflow.model import Document

_CHARSET = re.compile(rb"<meta[^>]+charset=[\"']?([A-Za-z0-9_-]+)", re.IGNORECASE)
_TITLE = re.compile(r"<title[^>]*>(.*?)</title>", re.IGNORECASE | re.DOTALL)


def _decode(data: bytes) -> str:
    m = _CHARSET.search(data[:4096])
    if m:
        try:
            return data.decode(m.group(1).decode("ascii"))
        except (LookupError, UnicodeDecodeError):
            pass
    return decode_text(data)[0]


def read_html(data: bytes, path: str, name: str, ctx: ReadContext) -> Document:
    source = _decode(data)
    text = html_to_text(source)
    if not text.strip():
        raise EmptyDocument(path, "HTML-pagina bevat geen tekst")
    doc = new_document(data, path, name, "html", text + "\n", ctx)
    title = _TITLE.search(source)
    if title and title.group(1).strip():
        doc.fields["html_title"] = " ".join(title.group(1).split())
    return doc
