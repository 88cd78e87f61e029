"""Shared checks for the ingest tests."""

from __future__ import annotations

from wooflow.model import Document


def assert_offsets(doc: Document) -> None:
    """Every word points at its own non-blank characters inside its page's span."""
    pages = {p.number: p for p in doc.pages}
    for w in doc.words:
        chunk = doc.text[w.start : w.end]
        assert chunk and not any(c.isspace() for c in chunk), (w, chunk)
        page = pages[w.page]
        assert page.start <= w.start and w.end <= page.end
        assert 0 <= w.x0 <= w.x1 <= page.width + 1 and 0 <= w.y0 <= w.y1 <= page.height + 1
    for a, b in zip(doc.pages, doc.pages[1:], strict=False):
        assert doc.text[a.end] == "\f" and b.start == a.end + 1
