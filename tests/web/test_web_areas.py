"""Drawing a box on the page image (an area redaction: signature, photo, stamp)."""

from __future__ import annotations

import re
from pathlib import Path

from tests.web.conftest import make_client
from wooflow.case import Case, judgement
from wooflow.case.areas import areas, redaction_areas


def _form(pdf_doc: int, **over: str) -> dict[str, str]:
    data = {"p": "1", "x0": "60", "y0": "75", "x1": "250", "y1": "100", "ground": "5.1.2e",
            "kind": "handtekening"}  # fmt: skip
    data.update(over)
    return data


def test_drawing_an_area_stores_shows_and_undoes_it(case_dir: Path, pdf_doc: int) -> None:
    with make_client(case_dir, "anna") as c:
        html = c.get(f"/documenten/{pdf_doc}/paginas").text
        assert 'id="area-form"' in html and "Trek met de muis een rechthoek" in html
        r = c.post(f"/documenten/{pdf_doc}/vlakken", data=_form(pdf_doc))
        assert r.status_code == 303 and "Vlak+gelakt" in r.headers["location"]
        with Case(case_dir) as case:
            (a,) = areas(case, pdf_doc)
            assert (a.page, a.x0, a.y0, a.x1, a.y1, a.ground, a.actor) == (0, 60, 75, 250, 100, "5.1.2e", "anna")
            assert judgement(case, pdf_doc).judgement == "deels openbaar"
            assert redaction_areas(case)[pdf_doc][0].label == "5.1.2e"
        html = c.get(f"/documenten/{pdf_doc}/paginas").text
        assert re.search(r'class="box area".*?<rect x="60.0" y="75.0" width="190.0" height="25.0"/>', html, re.S)
        assert f'id="vlak-{a.id}"' in html
        assert "class=\"box area\"" not in c.get(f"/documenten/{pdf_doc}/paginas?p=2").text
        audit = c.get("/audit").text
        assert "vlak gelakt (getekend)" in audit and ">area.add<" not in audit
        r = c.post("/ongedaan-maken")
        assert "Ongedaan+gemaakt" in r.headers["location"]
        with Case(case_dir) as case:
            assert areas(case, pdf_doc) == []


def test_removing_an_area_and_bad_areas(case_dir: Path, pdf_doc: int) -> None:
    with make_client(case_dir, "anna") as c:
        c.post(f"/documenten/{pdf_doc}/vlakken", data=_form(pdf_doc, x0="900", x1="-5", y1="2000"))
        with Case(case_dir) as case:
            (a,) = areas(case, pdf_doc)
        assert a.x0 == 0 and a.y1 <= 842 and a.x1 <= 612  # clipped to the page
        r = c.post(f"/documenten/{pdf_doc}/vlakken/{a.id}/verwijderen")
        assert "Vlak+verwijderd" in r.headers["location"]
        for bad, words in [
            (_form(pdf_doc, ground=""), "kies+een+weigeringsgrond"),
            (_form(pdf_doc, x1="61", y1="76"), "te+klein"),
            (_form(pdf_doc, x0="abc"), "trek+een+rechthoek"),
            (_form(pdf_doc, p="7"), "pagina+7+bestaat+niet"),
            (_form(pdf_doc, kind="kat"), "onbekende+soort"),
        ]:
            r = c.post(f"/documenten/{pdf_doc}/vlakken", data=bad)
            assert r.status_code == 303 and words in r.headers["location"], (bad, r.headers["location"])
        with Case(case_dir) as case:
            assert areas(case, pdf_doc) == []


def test_areas_are_for_writers_and_pdfs_only(case_dir: Path, pdf_doc: int, ids: dict[str, int]) -> None:
    with make_client(case_dir, "vera") as c:
        assert c.post(f"/documenten/{pdf_doc}/vlakken", data=_form(pdf_doc)).status_code == 403
        assert 'id="area-form"' not in c.get(f"/documenten/{pdf_doc}/paginas").text
    with make_client(case_dir, None) as c:
        r = c.post(f"/documenten/{pdf_doc}/vlakken", data=_form(pdf_doc))
        assert r.status_code in (303, 403) and "inloggen" in r.headers.get("location", "/inloggen")
    with make_client(case_dir, "anna") as c:
        r = c.post(f"/documenten/{ids['nota-overleg.txt']}/vlakken", data=_form(pdf_doc))
        assert "als+tekst+gepubliceerd" in r.headers["location"]


def test_undo_from_the_page_view_returns_there(case_dir: Path, pdf_doc: int) -> None:
    with make_client(case_dir, "anna") as c:
        c.post(f"/documenten/{pdf_doc}/vlakken", data=_form(pdf_doc, p="2"))
        r = c.post("/ongedaan-maken", headers={"referer": f"http://127.0.0.1/documenten/{pdf_doc}/paginas?p=2"})
        assert r.headers["location"].startswith(f"/documenten/{pdf_doc}/paginas?p=2&melding=Ongedaan")
