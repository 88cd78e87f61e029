"""Render plain text to a PDF with PyMuPDF, one text line per PDF line, like a published PDF.

Form feeds force a new page; long texts flow over pages of ``LINES_PER_PAGE`` lines. Optional
"Pagina n van m" footers and a running header on continuation pages mimic real letters.
"""

from __future__ import annotations

import pymupdf

LINES_PER_PAGE = 48
FONT_SIZE = 9.5


def paginate(text: str, lines_per_page: int = LINES_PER_PAGE) -> list[list[str]]:
    pages: list[list[str]] = []
    for chunk in text.split("\f"):
        lines = chunk.rstrip("\n").split("\n")
        for i in range(0, max(1, len(lines)), lines_per_page):
            pages.append(lines[i : i + lines_per_page])
    return pages


def add_pages(
    pdf: pymupdf.Document,
    text: str,
    footer: bool = False,
    running_header: str | None = None,
    lines_per_page: int = LINES_PER_PAGE,
    stamp: str | None = None,
) -> int:
    """Append ``text`` as pages to ``pdf``; returns the number of pages added."""
    pages = paginate(text, lines_per_page)
    for n, lines in enumerate(pages, start=1):
        page = pdf.new_page(width=595, height=842)
        y = 60.0
        if running_header and n > 1:
            for hl in running_header.split("\n"):
                page.insert_text((60, y), hl, fontsize=FONT_SIZE, fontname="helv")
                y += FONT_SIZE * 1.4
            y += FONT_SIZE
        for line in lines:
            if line.strip():
                page.insert_text(
                    (60, y), line.replace("\t", "    "), fontsize=FONT_SIZE, fontname="helv"
                )
            y += FONT_SIZE * 1.4
        if footer:
            page.insert_text(
                (460, 810), f"Pagina {n} van {len(pages)}", fontsize=8, fontname="helv"
            )
        if stamp:
            page.insert_text((60, 825), stamp, fontsize=8, fontname="helv")
    return len(pages)


def text_to_pdf(text: str, footer: bool = False, running_header: str | None = None) -> bytes:
    pdf = pymupdf.open()
    add_pages(pdf, text, footer, running_header)
    return finish(pdf)


def finish(pdf: pymupdf.Document) -> bytes:
    """Bytes without a creation date or random file id, so regenerating changes nothing."""
    fixed = "D:20240101000000+00'00'"
    pdf.set_metadata({"producer": "wooflow evaluation", "creationDate": fixed, "modDate": fixed})
    data = pdf.tobytes(garbage=3, deflate=True, no_new_id=True)
    pdf.close()
    return data
