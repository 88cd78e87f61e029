"""The package stage's large files are written as they are made: what they hold in memory does
not follow the number of inventory rows (issue 15m). No timings: counts of rows held and
Python heap peaks."""

from __future__ import annotations

import dataclasses
import io
import tracemalloc
import zipfile

import docx
import pymupdf

from wooflow.case.publish import decision, inventory
from wooflow.case.publish.inventory import Numbering, build_rows


def _rows(records, case_meta, tmp_path, n):
    base = build_rows(records, Numbering(tmp_path).assign(records), case_meta)
    return [
        dataclasses.replace(base[i % len(base)], number=i + 1, document_id=f"{i + 1:04d}",
                            name=f"document {i} over de verkiezingsuitslag.pdf")
        for i in range(n)
    ]  # fmt: skip


def test_besluit_docx_holds_one_inventory_row_at_a_time(tmp_path, case_meta, records, monkeypatch):
    """While the rows are read, the Word document never holds the rows written before (it
    did: python-docx's table held every row as an lxml tree, ~20 KiB per row)."""
    made = []
    real_document = docx.Document

    def recording(*args, **kwargs):
        doc = real_document(*args, **kwargs)
        made.append(doc)
        return doc

    monkeypatch.setattr(docx, "Document", recording)
    rows = _rows(records, case_meta, tmp_path, 60)
    held = []

    def stream():
        for row in rows:
            if made and made[-1].tables:
                held.append(len(made[-1].tables[-1]._tbl.tr_lst))
            yield row

    md = decision.render_markdown(case_meta, records)
    data = decision.to_docx(md, stream(), case_meta)
    assert held and max(held) <= 2  # the header row and at most the row being written
    table = docx.Document(io.BytesIO(data)).tables[-1]
    assert len(table.rows) == len(rows) + 1
    assert [table.cell(i + 1, 0).text for i in range(len(rows))] == [r.document_id for r in rows]
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        assert zf.testzip() is None


def test_inventory_pdf_heap_does_not_grow_with_the_rows(tmp_path, case_meta, records, monkeypatch):
    """Written to a file, the inventory PDF's Python heap peak is the same for 60 and 240 rows:
    the HTML of one page's rows and one chunk of pages at a time (before, every row's HTML
    and the whole uncompressed PDF were held)."""
    monkeypatch.setattr(inventory, "CHUNK_PAGES", 1)
    inventory.write_pdf(_rows(records, case_meta, tmp_path, 2), case_meta, tmp_path / "warm.pdf")
    peaks = {}
    for n in (60, 240):
        rows = _rows(records, case_meta, tmp_path, n)
        tracemalloc.start()
        try:
            inventory.write_pdf(rows, case_meta, tmp_path / f"{n}.pdf")
            peaks[n] = tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()
        doc = pymupdf.open(tmp_path / f"{n}.pdf")
        text = "".join(page.get_text() for page in doc)
        assert all(f"document {i} over" in text for i in range(n))
        assert f"pagina {doc.page_count} van {doc.page_count}" in doc[-1].get_text()
    assert peaks[240] < peaks[60] + 150_000, peaks


def test_inventory_pdf_in_chunks_is_the_pdf_in_one_go(tmp_path, case_meta, records, monkeypatch):
    """Pages drawn in chunks give the same pages (size, text, page numbers) as one chunk."""
    rows = _rows(records, case_meta, tmp_path, 70)
    whole = pymupdf.open("pdf", inventory.to_pdf(rows, case_meta))
    monkeypatch.setattr(inventory, "CHUNK_PAGES", 1)
    chunked = pymupdf.open("pdf", inventory.to_pdf(rows, case_meta))
    assert whole.page_count == chunked.page_count > 2
    for a, b in zip(whole, chunked, strict=True):
        assert a.rect == b.rect
        assert a.get_text() == b.get_text()
