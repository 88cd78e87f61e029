"""The page view: page images with boxes from the redactor's geometry, and acting on a box."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pymupdf

from tests.web.conftest import make_client
from wooflow.case import Case, findings


def test_page_view_draws_a_box_per_finding_from_the_word_boxes(case_dir: Path, pdf_doc: int) -> None:
    with make_client(case_dir, "anna") as c:
        doc_page = c.get(f"/documenten/{pdf_doc}").text
        assert f'href="/documenten/{pdf_doc}/paginas"' in doc_page
        html = c.get(f"/documenten/{pdf_doc}/paginas").text
        assert "pagina 1 van 2" in html
        assert f'<image href="/documenten/{pdf_doc}/pagina/1.png"' in html
        boxes = re.findall(r'<a href="#f-(\d+)" class="box st-(\w+)"', html)
        assert [s for _, s in boxes] == ["proposed", "keep", "proposed"]  # page 1: name, minister, phone
        assert ">5.1.2e</text>" in html and ">openbaar</text>" in html
        # the box sits where the word is on the page (PyMuPDF's own search agrees)
        with Case(case_dir) as case:
            data = case.document(pdf_doc, with_data=True).data or Path(case.record(pdf_doc).path).read_bytes()
        with pymupdf.open(stream=data, filetype="pdf") as pdf:
            hit = pdf[0].search_for("06-12345678")[0]
        m = re.search(r'aria-label="5.1.2e · voorgesteld: 06-12345678">\s*<title>.*?</title>\s*'
                      r'<rect x="([\d.]+)" y="([\d.]+)" width="([\d.]+)" height="([\d.]+)"', html, re.S)
        assert m
        x, y, w, h = map(float, m.groups())
        # the redactor boxes whole words: "06-12345678." includes the full stop
        assert abs(x - hit.x0) < 1.5 and hit.x1 - 1.5 < x + w < hit.x1 + 5 and y < hit.y1 and y + h > hit.y0
        png = c.get(f"/documenten/{pdf_doc}/pagina/1.png")
        assert png.status_code == 200 and png.content[:8] == b"\x89PNG\r\n\x1a\n"
        assert c.get(f"/documenten/{pdf_doc}/pagina/9.png").status_code == 404
        page2 = c.get(f"/documenten/{pdf_doc}/paginas?p=2").text
        assert re.findall(r'class="box st-(\w+)"', page2) == ["proposed"]  # the second phone


def test_acting_on_a_box_returns_to_the_page(case_dir: Path, pdf_doc: int) -> None:
    with Case(case_dir) as case:
        phone = next(r for r in findings(case, pdf_doc) if r.finding.category == "phone")
    with make_client(case_dir, "anna") as c:
        html = c.get(f"/documenten/{pdf_doc}/paginas").text
        m = re.search(rf'action="/documenten/{pdf_doc}/bevindingen/{phone.id}/accepteren">.*?'
                      r'name="terug" value="([^"]+)".*?name="versie" value="(\d+)"', html, re.S)
        assert m and m[1] == f"/documenten/{pdf_doc}/paginas?p=1"
        r = c.post(f"/documenten/{pdf_doc}/bevindingen/{phone.id}/accepteren",
                   data={"terug": m[1], "versie": m[2]})
        assert r.headers["location"].startswith(f"/documenten/{pdf_doc}/paginas?p=1&gekozen={phone.id}&melding=")
        html = c.get(f"/documenten/{pdf_doc}/paginas").text
        assert re.findall(r'class="box st-(\w+)"', html) == ["proposed", "keep", "accepted"]


def test_text_files_have_no_page_view(client: Any, ids: dict[str, int]) -> None:
    doc = ids["nota-overleg.txt"]
    assert "paginas" not in client.get(f"/documenten/{doc}").text
    r = client.get(f"/documenten/{doc}/paginas")
    assert r.status_code == 404 and "als tekst gepubliceerd" in r.text


def test_the_page_view_knows_the_redactors_text_files() -> None:
    """pageview keeps its own copy (importing the redactor loads PyMuPDF on a first page)."""
    from wooflow.redact.batch import TEXT_SUFFIXES
    from wooflow.web import pageview

    assert pageview.TEXT_SUFFIXES == TEXT_SUFFIXES


def test_a_document_page_does_not_load_the_redactor() -> None:
    """The first document page after a start waited seconds for PyMuPDF; it needs none of it."""
    import subprocess
    import sys

    code = (
        "import sys; from wooflow.web import pageview, routes_docs, views, queries;"
        " print('wooflow.redact' in sys.modules, 'pymupdf' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False", "False"]
