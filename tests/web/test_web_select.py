"""Multi-select on the document page: one action on several findings, as a plain form post."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

from wooflow.case import Case, audit_log, findings, persons

from .conftest import make_client


def _case(client: Any) -> Case:
    return Case(Path(client.app.state.web.case_dir))


def _query(resp: Any) -> dict[str, str]:
    assert resp.status_code == 303, resp.text
    return {k: v[0] for k, v in parse_qs(urlsplit(resp.headers["location"]).query).items()}


def _boxes(html: str) -> dict[str, str]:
    """The page's selection checkboxes: finding text -> value (ID:VERSIE)."""
    box = r'name="kies" value="([0-9]+:[0-9]+)" form="selectie"[^>]*aria-label="Selecteren: ([^"]+)"'
    found = re.findall(box, html)
    return {text: value for value, text in found}


def _statuses(client: Any, doc: int) -> dict[str, str]:
    with _case(client) as case:
        return {r.finding.text: r.status for r in findings(case, doc)}


def test_ticked_findings_are_accepted_together_and_undone_together(client: Any, ids: dict[str, int]) -> None:
    doc = ids["nota-overleg.txt"]
    html = client.get(f"/documenten/{doc}").text
    assert 'id="selectie"' in html and "Meerdere tegelijk" in html
    boxes = _boxes(html)
    assert set(boxes) == {"Jan Jansen", "j.jansen", "De Jonge", "06-12345678"}
    chosen = [boxes["Jan Jansen"], boxes["06-12345678"]]
    resp = client.post(f"/documenten/{doc}/selectie", data={"kies": chosen, "actie": "accept", "pagina": "1"})
    msg = _query(resp)["melding"]
    assert msg.startswith("Selectie: 2 gelakt") and "1 persoon wordt in de hele zaak gelakt" in msg
    first = chosen[0].split(":")[0]
    assert resp.headers["location"].endswith(f"#f-{first}")  # back at the first one, in its list
    st = _statuses(client, doc)
    assert st["Jan Jansen"] == st["06-12345678"] == "accepted"
    assert st["j.jansen"] == "accepted"  # the same person: redacted with it, as one accept does
    assert st["De Jonge"] == "proposed"
    with _case(client) as case:
        assert next(p for p in persons(case) if p.key == "jansen|j").decision == "redact"
        entries = [e for e in audit_log(case.conn, doc_id=doc) if e.action == "finding.accept"]
        assert len(entries) == 2 and all(e.detail.get("selectie") for e in entries)
        assert all(e.actor == "coord" for e in entries)
    page = client.get(f"/documenten/{doc}").text
    assert "Ongedaan maken: selectie: lakken / akkoord (2 bevindingen)" in page
    resp = client.post("/ongedaan-maken")
    assert "selectie" in _query(resp)["melding"]
    st = _statuses(client, doc)
    assert st["Jan Jansen"] == st["06-12345678"] == st["j.jansen"] == "proposed"
    with _case(client) as case:
        assert next(p for p in persons(case) if p.key == "jansen|j").decision == "undecided"


def test_everything_on_the_page_without_javascript(client: Any, ids: dict[str, int]) -> None:
    """No box ticked, only "alles op deze pagina": the form's own list of the page's findings."""
    doc = ids["nota-overleg.txt"]
    html = client.get(f"/documenten/{doc}").text
    page_ids = re.search(r'name="pagina_ids" value="([^"]*)"', html)
    assert page_ids is not None and len(page_ids.group(1).split()) == 4
    resp = client.post(f"/documenten/{doc}/selectie",
                       data={"pagina_alle": "ja", "pagina_ids": page_ids.group(1), "actie": "reject"})
    msg = _query(resp)["melding"]
    assert "3 niet gelakt" in msg and "1 overgeslagen" in msg  # "De Jonge" is a keep-public item
    st = _statuses(client, doc)
    assert st == {"Jan Jansen": "rejected", "j.jansen": "rejected", "06-12345678": "rejected",
                  "De Jonge": "proposed"}


def test_a_category_changes_ground_in_the_whole_document(client: Any, ids: dict[str, int]) -> None:
    doc = ids["nota-overleg.txt"]
    html = client.get(f"/documenten/{doc}").text
    assert 'name="soort_alle" value="person"' in html
    resp = client.post(f"/documenten/{doc}/selectie",
                       data={"soort_alle": "person", "actie": "ground", "ground": "5.1.2i"})
    msg = _query(resp)["melding"]
    assert "1 naar grond 5.1.2i" in msg and "1 overgeslagen" in msg
    with _case(client) as case:
        by_text = {r.finding.text: r for r in findings(case, doc)}
        assert by_text["Jan Jansen"].finding.ground == "5.1.2i"
        assert by_text["Jan Jansen"].status == "accepted"  # a changed proposal is decided
        assert by_text["06-12345678"].finding.ground == "5.1.2e"  # not a person: untouched
        assert by_text["De Jonge"].finding.action == "keep"
    # no ground chosen: refused in Dutch, nothing changed
    resp = client.post(f"/documenten/{doc}/selectie", data={"soort_alle": "phone", "actie": "ground"})
    assert "kies de nieuwe weigeringsgrond" in _query(resp)["fout"]


def test_a_stale_selection_is_refused_as_a_whole(case_dir: Path, ids: dict[str, int]) -> None:
    doc = ids["nota-overleg.txt"]
    with make_client(case_dir, "anna") as anna, make_client(case_dir, "bert") as bert:
        boxes = _boxes(bert.get(f"/documenten/{doc}").text)
        phone_id = boxes["06-12345678"].split(":")[0]
        assert anna.post(f"/documenten/{doc}/bevindingen/{phone_id}/afwijzen").status_code == 303
        resp = bert.post(f"/documenten/{doc}/selectie",
                         data={"kies": [boxes["j.jansen"], boxes["06-12345678"]], "actie": "accept"})
        fout = _query(resp)["fout"]
        assert "anna" in fout and "06-12345678" in fout and "niets van de selectie" in fout
        st = _statuses(anna, doc)
        assert st["j.jansen"] == "proposed" and st["06-12345678"] == "rejected"


def test_bad_selections_are_refused(client: Any, ids: dict[str, int]) -> None:
    doc = ids["nota-overleg.txt"]
    with _case(client) as case:
        karin = next(r for r in findings(case) if r.finding.text == "Karin de Vries")
    other, foreign = karin.doc_id, f"{karin.id}:0"
    resp = client.post(f"/documenten/{doc}/selectie", data={"kies": foreign, "actie": "accept"})
    assert "hoort niet bij dit document" in _query(resp)["fout"]
    resp = client.post(f"/documenten/{doc}/selectie", data={"actie": "accept"})
    assert "vink ze aan" in _query(resp)["fout"]
    resp = client.post(f"/documenten/{doc}/selectie", data={"kies": "abc", "actie": "accept"})
    assert "ongeldig" in _query(resp)["fout"]
    resp = client.post(f"/documenten/{doc}/selectie", data={"kies": foreign, "actie": "wissen"})
    assert "kies wat er" in _query(resp)["fout"]
    assert _statuses(client, other)["Karin de Vries"] == "proposed"


def test_a_viewer_sees_no_checkboxes(case_dir: Path, ids: dict[str, int]) -> None:
    with make_client(case_dir, "vera") as vera:
        html = vera.get(f"/documenten/{ids['nota-overleg.txt']}").text
    assert 'name="kies"' not in html and 'id="selectie"' not in html
