"""Persons: occurrences with context, merge, split a form off, "geen persoon" (with undo)."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote_plus

from tests.web.conftest import finding, make_client
from wooflow.case import Case, findings, persons, record_findings
from wooflow.case.person_edit import not_persons
from wooflow.case.persons import assign_keys


def _add(case_dir: Path, ids: dict[str, int]) -> None:
    """Piet Pietersen (a second person) and 'GGD' taken for a person, on the nota/verslag."""
    with Case(case_dir) as case:
        nota, verslag = ids["nota-overleg.txt"], ids["verslag.txt"]
        record_findings(case, {
            nota: [finding(case.text(nota), "Piet Pietersen", "person", score=0.7)],
            verslag: [finding(case.text(verslag), "GGD", "person", score=0.5)],
        })  # fmt: skip


def _keys(case_dir: Path) -> dict[str, str]:
    with Case(case_dir) as case:
        return {p.display: p.key for p in persons(case)}


def test_person_page_lists_occurrences_with_context(case_dir: Path, ids: dict[str, int]) -> None:
    with make_client(case_dir, "anna") as c:
        keys = _keys(case_dir)
        html = c.get("/personen").text
        assert '<a href="/personen/persoon?key=jansen%7Cj">Jan Jansen</a>' in html
        page = c.get("/personen/persoon", params={"key": keys["Jan Jansen"]}).text
        assert "minister Van: <mark>Jan Jansen</mark> &lt;j.jansen@minvws.nl&gt; Datum" in page
        assert re.search(rf'href="/documenten/{ids["nota-overleg.txt"]}#f-\d+"', page)
        assert "Samenvoegen met" in page and "Geen persoon…" in page
    with make_client(case_dir, "vera") as c:
        page = c.get("/personen/persoon", params={"key": keys["Jan Jansen"]}).text
        assert "Samenvoegen met" not in page and "Vindplaatsen" in page
        assert c.post("/personen/samenvoegen", data={"key": "a", "met": "b"}).status_code == 403


def test_merge_confirms_with_counts_then_moves_everything(case_dir: Path, ids: dict[str, int]) -> None:
    _add(case_dir, ids)
    keys = _keys(case_dir)
    jan, piet = keys["Jan Jansen"], keys["Piet Pietersen"]
    with make_client(case_dir, "anna") as c:
        c.post("/personen/besluit", data={"key": jan, "decision": "redact"})
        confirm = c.get("/personen/samenvoegen", params={"key": jan, "met": piet}).text
        assert "Piet Pietersen samenvoegen met Jan Jansen?" in confirm
        assert "1 vindplaats in 1 document verhuizen mee" in confirm
        assert "Ja, samenvoegen (1 vindplaatsen)" in confirm
        r = c.post("/personen/samenvoegen", data={"key": jan, "met": piet})
        assert "samengevoegd" in unquote_plus(r.headers["location"])
        with Case(case_dir) as case:
            by_key = {p.key: p for p in persons(case)}
            assert piet not in by_key and "Piet Pietersen" in by_key[jan].forms
            moved = [r for r in findings(case) if r.finding.text == "Piet Pietersen"]
            assert moved and all(r.person_key == jan and r.status == "accepted" for r in moved)
            assign_keys(case)  # a later detection run keeps the merge
            assert {r.person_key for r in findings(case) if r.finding.text == "Piet Pietersen"} == {jan}
        r = c.post("/ongedaan-maken")
        assert "Ongedaan+gemaakt" in r.headers["location"], unquote_plus(r.headers["location"])
        with Case(case_dir) as case:
            by_key = {p.key: p for p in persons(case)}
            assert piet in by_key and "Piet Pietersen" not in by_key[jan].forms
            assert {r.person_key for r in findings(case) if r.finding.text == "Piet Pietersen"} == {piet}
            assign_keys(case)
            assert piet in {p.key for p in persons(case)}
        assert "niet gevonden" in unquote_plus(
            c.post("/personen/samenvoegen", data={"key": jan, "met": "niemand|x"}).headers["location"])


def test_split_a_form_off(case_dir: Path, ids: dict[str, int]) -> None:
    jan = _keys(case_dir)["Jan Jansen"]
    with make_client(case_dir, "anna") as c:
        r = c.post("/personen/afsplitsen", data={"key": jan, "form": "j.jansen"})
        assert r.status_code == 303 and "aparte+persoon" in r.headers["location"]
        with Case(case_dir) as case:
            by_display = {p.display: p for p in persons(case)}
            assert by_display["j.jansen"].decision == "undecided" and by_display["j.jansen"].key != jan
            assert "j.jansen" not in by_display["Jan Jansen"].forms
            assign_keys(case)
            assert "j.jansen" in {p.display for p in persons(case)}
        r = c.post("/personen/afsplitsen", data={"key": jan, "form": "Piet"})
        assert "geen+vorm" in r.headers["location"]


def test_not_a_person_keeps_it_public_and_writes_it_down(case_dir: Path, ids: dict[str, int]) -> None:
    _add(case_dir, ids)
    ggd = _keys(case_dir)["GGD"]
    with make_client(case_dir, "anna") as c:
        confirm = c.get("/personen/geen-persoon", params={"key": ggd}).text
        assert "“GGD” is geen persoon?" in confirm and "1 vindplaats in 1 document" in confirm
        r = c.post("/personen/geen-persoon", data={"key": ggd, "toelichting": "een organisatie"})
        assert "blijven+openbaar" in r.headers["location"]
        with Case(case_dir) as case:
            (row,) = [r for r in findings(case) if r.finding.text == "GGD"]
            assert (row.finding.action, row.status, row.person_key) == ("keep", "accepted", None)
            assert "een organisatie" in row.finding.reason
            assert "GGD" not in {p.display for p in persons(case)}
            assign_keys(case)  # stays no person after detection
            assert "GGD" not in {p.display for p in persons(case)}
            (marked,) = not_persons(case)
            assert (marked["form"], marked["note"], marked["actor"]) == ("ggd", "een organisatie", "anna")
        page = c.get("/personen").text
        assert "Geen persoon" in page and "een organisatie" in page
        assert "geen persoon" in c.get("/audit").text
        c.post("/ongedaan-maken")
        with Case(case_dir) as case:
            (row,) = [r for r in findings(case) if r.finding.text == "GGD"]
            assert (row.finding.action, row.status, row.person_key) == ("redact", "proposed", ggd)
            assert not_persons(case) == []
