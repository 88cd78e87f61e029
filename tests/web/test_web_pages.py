"""The pages render what the case API says (in-process with FastAPI's TestClient)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from wooflow.case import Case, findings, judgements


def test_overview_shows_request_deadlines_counts_and_progress(client: Any) -> None:
    page = client.get("/")
    assert page.status_code == 200
    html = page.text
    assert "Alle documenten over vaccinatielocaties in 2024." in html
    assert "WOO-TEST-1" in html
    # received 2024-04-02 + 4 weeks = 2024-04-30 (a Tuesday, no holiday)
    assert "2024-04-30" in html
    assert re.search(r"dubbel</a></td><td class=\"num\">1<", html)
    assert "1 van 2 documenten beoordeeld" in html or "0 van 2 documenten beoordeeld" in html
    assert 'lang="nl"' in html


def test_document_list_search_highlights_and_links_duplicates(
    client: Any, ids: dict[str, int]
) -> None:
    html = client.get("/documenten", params={"q": "begroting"}).text
    assert "<mark>begroting</mark>" in html
    assert "nota-overleg.txt" not in html  # the nota does not mention it
    dup = client.get("/documenten", params={"oordeel": "dubbel"}).text
    with Case(Path(client.app.state.web.case_dir)) as case:
        j = next(j for j in judgements(case) if j.judgement == "dubbel")
    assert f'href="/documenten/{j.duplicate_of}"' in dup
    assert "1 document." in dup


def test_document_list_filters_and_bad_query(client: Any) -> None:
    assert "0 documenten" in client.get("/documenten", params={"van": "2030-01-01"}).text
    bad = client.get("/documenten", params={"q": "overleg AND"})
    assert bad.status_code == 200 and "operator" in bad.text


def test_document_page_shows_findings_with_their_why(client: Any, ids: dict[str, int]) -> None:
    doc = ids["nota-overleg.txt"]
    html = client.get(f"/documenten/{doc}").text
    assert "naam in kopregel &#39;Van&#39;" in html or "naam in kopregel 'Van'" in html
    assert "72%" in html and "publieke functie (minister)" in html
    assert 'class="f st-proposed"' in html and 'class="f st-keep"' in html
    assert 'class="pb"' in html  # the form feed is a page break
    assert "&#13;" in html  # CR kept so offsets in the browser match the text
    # the segments carry code-point offsets: the text after the emoji starts where Python says
    with Case(Path(client.app.state.web.case_dir)) as case:
        text = case.text(doc)
    start = text.index("Piet Pietersen")
    assert re.search(r'data-s="(\d+)">[^<]*Piet Pietersen', html)
    seg_start = int(re.search(r'data-s="(\d+)">([^<]*)Piet Pietersen', html)[1])
    prefix = re.search(r'data-s="\d+">([^<]*)Piet Pietersen', html)[1]
    assert seg_start + len(prefix) == start


def test_only_open_findings_filter(client: Any, ids: dict[str, int]) -> None:
    doc = ids["nota-overleg.txt"]
    html = client.get(f"/documenten/{doc}", params={"toon": "open"}).text
    assert html.count('class="finding st-') == 4  # 3 proposed redactions + 1 proposed keep


def test_unknown_document_is_a_404_page(client: Any) -> None:
    page = client.get("/documenten/999")
    assert page.status_code == 404 and "bestaat niet" in page.text


def test_redacted_text_replaces_accepted_spans_by_their_ground(
    client: Any, ids: dict[str, int]
) -> None:
    doc = ids["nota-overleg.txt"]
    with Case(Path(client.app.state.web.case_dir)) as case:
        phone = next(r for r in findings(case, doc) if r.finding.category == "phone")
    client.post(f"/documenten/{doc}/bevindingen/{phone.id}/accepteren")
    out = client.get(f"/documenten/{doc}/gelakt").text
    assert "06-12345678" not in out and "op 5.1.2e." in out


def test_persons_page_lists_forms_documents_and_decisions(client: Any, ids: dict[str, int]) -> None:
    html = client.get("/personen").text
    assert "Jan Jansen" in html and "j.jansen" in html
    assert f'href="/documenten/{ids["nota-overleg.txt"]}"' in html
    assert "nog niet besloten" in html
    only = client.get("/personen", params={"naam": "karin"}).text
    assert "Karin de Vries" in only and "Jan Jansen" not in only
    kept = client.get("/personen", params={"beslissing": "keep"}).text
    assert "De Jonge" in kept and "Karin de Vries" not in kept


def test_audit_page_lists_and_filters(client: Any, ids: dict[str, int]) -> None:
    html = client.get("/audit").text
    assert "<td>zaak aangemaakt</td>" in html and "<td>tester</td>" in html
    doc = ids["nota-overleg.txt"]
    with Case(Path(client.app.state.web.case_dir)) as case:
        fid = findings(case, doc)[0].id
    client.post(f"/documenten/{doc}/bevindingen/{fid}/afwijzen")
    only = client.get("/audit", params={"document": doc}).text
    assert "<td>bevinding afgewezen</td>" in only and "<td>coord</td>" in only
    assert "<td>zaak aangemaakt</td>" not in only


def test_static_files_and_security_headers(client: Any) -> None:
    css = client.get("/static/app.css")
    js = client.get("/static/review.js")
    assert css.status_code == 200 and js.status_code == 200
    page = client.get("/")
    assert "script-src 'self'" in page.headers["content-security-policy"]
    assert page.headers["x-frame-options"] == "DENY"
    assert "<script>" not in page.text and "style=" not in page.text  # CSP: no inline code


def test_bad_input_gets_a_dutch_answer_not_json(client: Any, ids: dict[str, int]) -> None:
    page = client.get("/documenten", params={"pagina": "twee"})
    assert page.status_code == 400 and "vul dit in of verbeter het: het paginanummer" in page.text
    doc = ids["nota-overleg.txt"]
    resp = client.post(
        f"/documenten/{doc}/lakken",
        data={"start": "x", "end": "3"},
        headers={"referer": f"http://127.0.0.1/documenten/{doc}"},
    )
    assert resp.status_code == 303 and resp.headers["location"].startswith(
        f"/documenten/{doc}?fout="
    )


def test_document_text_and_findings_are_escaped(client: Any, case_dir: Path) -> None:
    from wooflow.case import add
    from wooflow.model import Document, sha256_bytes

    evil = 'Zie <script>alert("x")</script> en <b onclick="x()">Evi Kwaad</b>.'
    data = evil.encode()
    with Case(case_dir) as case:
        doc = case.add_document(
            Document(
                path="/nergens/evil.txt",
                name="evil.txt",
                kind="text",
                sha256=sha256_bytes(data),
                text=evil,
                data=data,
            )
        )
        start = evil.index("<script>")
        add(case, doc, start, start + len("<script>"), "other", "5.1.2e")
    for url in (f"/documenten/{doc}", "/documenten?q=alert"):
        page = client.get(url)
        assert page.status_code == 200
        assert "<script>alert" not in page.text and "<b onclick" not in page.text
    assert "&lt;script&gt;" in client.get(f"/documenten/{doc}").text
    plain = client.get(f"/documenten/{doc}/gelakt")  # plain text, never sniffed as HTML
    assert plain.headers["content-type"].startswith("text/plain")
    assert plain.headers["x-content-type-options"] == "nosniff"
