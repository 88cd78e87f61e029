"""Review writes with several people: locking, status, assignment, bulk, undo, grounds."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

from tests.web.conftest import finding, make_client
from wooflow.case import Case, accept, add, findings, judgement, reject, workflow
from wooflow.case.judgement import REDACTING
from wooflow.case.persons import find_person
from wooflow.store.repos import workflow as workflow_rows


def _msg(resp: Any) -> dict[str, str]:
    assert resp.status_code == 303, resp.text
    return {k: v[0] for k, v in parse_qs(urlsplit(resp.headers["location"]).query).items()}


def _doc(case_dir: Path, name: str = "nota-overleg.txt") -> int:
    with Case(case_dir) as case:
        return next(r.doc_id for r in case.records() if r.name == name)


def _finding(case_dir: Path, doc: int, category: str) -> Any:
    with Case(case_dir) as case:
        return next(r for r in findings(case, doc) if r.finding.category == category)


def _form_version(html: str, action: str) -> str:
    m = re.search(re.escape(f'action="{action}"') + r'.*?name="versie" value="(\d+)"', html, re.S)
    assert m, action
    return m[1]


def test_a_stale_write_is_refused_naming_who_changed_what(case_dir: Path) -> None:
    doc = _doc(case_dir)
    phone = _finding(case_dir, doc, "phone")
    base = f"/documenten/{doc}/bevindingen/{phone.id}"
    with make_client(case_dir, "anna") as anna, make_client(case_dir, "bert") as bert:
        page_a = anna.get(f"/documenten/{doc}").text
        page_b = bert.get(f"/documenten/{doc}").text  # bert's page, rendered before anna acts
        r = anna.post(base + "/accepteren", data={"versie": _form_version(page_a, base + "/accepteren")})
        assert "Gelakt" in _msg(r)["melding"]
        r = bert.post(base + "/afwijzen", data={"versie": _form_version(page_b, base + "/afwijzen")},
                      headers={"referer": f"http://127.0.0.1/documenten/{doc}"})
        fout = _msg(r)["fout"]
        assert fout.startswith("Niet opgeslagen: anna heeft “06-12345678” intussen geaccepteerd")
        assert _finding(case_dir, doc, "phone").status == "accepted"
        # with the fresh page bert can decide again
        fresh = bert.get(f"/documenten/{doc}").text
        r = bert.post(base + "/afwijzen", data={"versie": _form_version(fresh, base + "/afwijzen")})
        assert "melding" in _msg(r)
        assert _finding(case_dir, doc, "phone").status == "rejected"


def test_a_stale_change_of_ground_is_refused(case_dir: Path) -> None:
    """bert changes the ground on a page rendered before anna rejected the redaction."""
    doc = _doc(case_dir)
    phone = _finding(case_dir, doc, "phone")
    base = f"/documenten/{doc}/bevindingen/{phone.id}"
    with make_client(case_dir, "anna") as anna, make_client(case_dir, "bert") as bert:
        page_a, page_b = anna.get(f"/documenten/{doc}").text, bert.get(f"/documenten/{doc}").text
        _msg(anna.post(base + "/accepteren", data={"versie": _form_version(page_a, base + "/accepteren")}))
        stale = _form_version(page_b, base + "/wijzigen")
        r = bert.post(base + "/wijzigen", data={"ground": "5.1.2i", "versie": stale})
        assert _msg(r)["fout"].startswith("Niet opgeslagen: anna heeft “06-12345678” intussen geaccepteerd")
        assert _finding(case_dir, doc, "phone").finding.ground == "5.1.2e"


def test_a_stale_person_decision_is_refused(case_dir: Path) -> None:
    """bert decides on a persons page rendered before anna decided the same person."""
    key = next(r.person_key for r in _all(case_dir) if r.finding.text == "Jan Jansen")
    with make_client(case_dir, "anna") as anna, make_client(case_dir, "bert") as bert:
        page_a, page_b = anna.get("/personen").text, bert.get("/personen").text
        va, vb = _person_version(page_a, key), _person_version(page_b, key)
        assert va == vb
        assert "overal gelakt" in _msg(anna.post("/personen/besluit", data={"key": key, "decision": "redact",
                                                                          "versie": va}))["melding"]  # fmt: skip
        r = bert.post("/personen/besluit", data={"key": key, "decision": "keep", "versie": vb})
        assert _msg(r)["fout"].startswith("Niet opgeslagen: anna heeft “Jan Jansen” intussen voor de hele"
                                          " zaak besloten (persoon)")  # fmt: skip
        with Case(case_dir) as case:
            assert find_person(case, key).decision == "redact"
        fresh = _person_version(bert.get("/personen").text, key)  # the fresh page: bert may decide
        assert int(fresh) > int(vb)
        assert "openbaar" in _msg(bert.post("/personen/besluit", data={"key": key, "decision": "keep",
                                                                      "versie": fresh}))["melding"]  # fmt: skip
    with Case(case_dir) as case:
        assert find_person(case, key).decision == "keep"


def _person_version(html: str, key: str) -> str:
    m = re.search(re.escape(f'name="key" value="{key}">') + r'<input type="hidden" name="versie" value="(\d+)"', html)
    assert m, key
    return m[1]


def test_a_stale_judgement_is_refused(case_dir: Path) -> None:
    doc = _doc(case_dir)
    action = f"/documenten/{doc}/oordeel"
    with make_client(case_dir, "anna") as anna, make_client(case_dir, "bert") as bert:
        va = _form_version(anna.get(f"/documenten/{doc}").text, action)
        vb = _form_version(bert.get(f"/documenten/{doc}").text, action)
        _msg(anna.post(action, data={"value": "reeds openbaar", "link": "https://example.org/x",
                                     "versie": va}))
        r = bert.post(action, data={"value": "deels openbaar", "versie": vb})
        assert "anna heeft het oordeel over dit document intussen op ‘reeds openbaar’ gezet" in _msg(r)["fout"]
    with Case(case_dir) as case:
        assert judgement(case, doc).judgement == "reeds openbaar"


def test_judgement_messages_ask_instead_of_guessing(client: Any, case_dir: Path) -> None:
    doc = _doc(case_dir)
    phone = _finding(case_dir, doc, "phone")
    client.post(f"/documenten/{doc}/bevindingen/{phone.id}/accepteren")
    fout = _msg(client.post(f"/documenten/{doc}/oordeel", data={"value": "niet openbaar"}))["fout"]
    assert "kies bij ‘niet openbaar’ zelf de weigeringsgrond" in fout and "5.1.2e" in fout
    assert "--" not in fout
    fout = _msg(client.post(f"/documenten/{doc}/oordeel", data={"value": "openbaar"}))["fout"]
    assert "1 lakking" in fout and "deels openbaar" in fout
    fout = _msg(client.post(f"/documenten/{doc}/oordeel", data={"value": "reeds openbaar"}))["fout"]
    assert "vindplaats" in fout and "--link" not in fout
    r = client.post(f"/documenten/{doc}/oordeel", data={"value": "niet openbaar", "grounds": "5.1.2i"})
    assert _msg(r)["melding"] == "Oordeel: niet openbaar."


def test_status_progress_and_my_work(case_dir: Path) -> None:
    doc = _doc(case_dir)
    with make_client(case_dir, "coord") as coord:
        assert "0 van 2 documenten beoordeeld (0%)" in coord.get("/").text
        r = coord.post("/toewijzen", data={"username": "bert", "q": "overleg"})
        assert _msg(r)["melding"] == "3 documenten toegewezen aan bert."
        r = coord.post("/toewijzen", data={"username": "anna", "doc": str(doc)})
        assert _msg(r)["melding"] == "1 document toegewezen aan anna."
    with make_client(case_dir, "anna") as anna:
        work = anna.get("/mijn-werk").text
        assert f'href="/documenten/{doc}"' in work and "0 van 1 documenten beoordeeld" in work
        r = anna.post(f"/documenten/{doc}/status", data={"status": "beoordeeld"})
        assert "voorstellen open" in _msg(r)["fout"]
        with Case(case_dir) as case:
            open_ids = [r.id for r in findings(case, doc) if r.status == "proposed"]
        for fid in open_ids:
            anna.post(f"/documenten/{doc}/bevindingen/{fid}/afwijzen")
        assert "in behandeling" in anna.get(f"/documenten/{doc}").text
        r = anna.post(f"/documenten/{doc}/status", data={"status": "beoordeeld"})
        assert _msg(r)["melding"] == "Status: beoordeeld."
        r = anna.post(f"/documenten/{doc}/status", data={"status": "gecontroleerd"})
        assert "iemand anders" in _msg(r)["fout"]
        assert "1 van 1 documenten beoordeeld (100%)" in anna.get("/mijn-werk").text
    with make_client(case_dir, "bert") as bert:
        r = bert.post(f"/documenten/{doc}/status", data={"status": "gecontroleerd"})
        assert _msg(r)["melding"] == "Status: gecontroleerd."
        assert "1 van 2 documenten beoordeeld (50%)" in bert.get("/").text
        assert "1 van 2 documenten beoordeeld (50%)" in bert.get("/documenten").text


def test_bulk_accept_keep_public_and_undo(case_dir: Path) -> None:
    doc = _doc(case_dir)
    with make_client(case_dir, "anna") as anna:
        page = anna.get(f"/documenten/{doc}").text
        assert "Alle 1 ‘blijft openbaar’ accepteren" in page
        assert 'name="toon" value="open"' in anna.get(f"/documenten/{doc}?toon=open").text
        r = anna.post(f"/documenten/{doc}/openbaar-akkoord", data={"toon": "open"})
        assert _msg(r)["melding"].startswith("1 gegevens blijven openbaar")
        assert _msg(r)["toon"] == "open"  # back to "alleen voorgestelde", where it was posted
        keep = _finding(case_dir, doc, "person")
        with Case(case_dir) as case:
            kept = [x for x in findings(case, doc) if x.finding.action == "keep"]
        assert kept and all(x.status == "accepted" for x in kept)
        page = anna.get(f"/documenten/{doc}").text
        assert "Ongedaan maken: alle ‘blijft openbaar’ van dit document accepteren" in page
        r = anna.post("/ongedaan-maken")
        assert _msg(r)["melding"].startswith("Ongedaan gemaakt")
        with Case(case_dir) as case:
            assert all(x.status == "proposed" for x in findings(case, doc) if x.finding.action == "keep")
        assert keep.status == "proposed"
        assert "niets om ongedaan te maken" in _msg(anna.post("/ongedaan-maken"))["fout"]


def test_undo_of_an_accept_through_the_web(case_dir: Path) -> None:
    doc = _doc(case_dir)
    person = _finding(case_dir, doc, "person")
    with make_client(case_dir, "anna") as anna:
        anna.post(f"/documenten/{doc}/bevindingen/{person.id}/accepteren")
        with Case(case_dir) as case:
            spread = [r for r in findings(case) if r.finding.text == "Jan Jansen" and r.doc_id != doc]
        assert spread and all(r.status == "accepted" for r in spread)
        _msg(anna.post("/ongedaan-maken"))
        with Case(case_dir) as case:
            assert next(r for r in findings(case, doc) if r.id == person.id).status == "proposed"
            assert not [r for r in findings(case) if r.source == "propagation"]
            assert judgement(case, doc).judgement == "openbaar"


def test_change_ground_and_category_of_a_redaction(case_dir: Path) -> None:
    doc = _doc(case_dir)
    phone = _finding(case_dir, doc, "phone")
    with make_client(case_dir, "anna") as anna:
        r = anna.post(f"/documenten/{doc}/bevindingen/{phone.id}/wijzigen",
                      data={"ground": "5.1.2i", "category": "other"})
        assert "grond 5.1.2i" in _msg(r)["melding"]
        changed = _finding(case_dir, doc, "other")
        assert changed.id == phone.id and changed.finding.ground == "5.1.2i"
        with Case(case_dir) as case:
            assert judgement(case, doc).grounds == ["5.1.2i"]
            assert workflow.status(case, doc) == "in behandeling"


def test_a_selection_needs_a_ground_and_gets_a_guessed_category(case_dir: Path) -> None:
    doc = _doc(case_dir)
    with Case(case_dir) as case:
        text = case.text(doc)
    start = text.index("gemeente")
    end = start + len("gemeente")
    with make_client(case_dir, "anna") as anna:
        r = anna.post(f"/documenten/{doc}/lakken", data={"start": start, "end": end})
        assert "kies een weigeringsgrond" in _msg(r)["fout"]
        r = anna.post(f"/documenten/{doc}/lakken",
                      data={"start": start, "end": end, "ground": "5.1.2i", "expected": "gemeente"})
        assert "overig" in _msg(r)["melding"]
    with Case(case_dir) as case:
        added = [r for r in findings(case, doc) if r.status == "added"]
        assert [(r.finding.category, r.finding.ground) for r in added] == [("other", "5.1.2i")]
        assert not case.conn.execute("SELECT 1 FROM case_persons WHERE display='gemeente'").fetchone()


def test_rejecting_a_span_still_covered_says_so(case_dir: Path) -> None:
    doc = _doc(case_dir)
    with Case(case_dir) as case:
        text = case.text(doc)
    person = _finding(case_dir, doc, "person")
    with make_client(case_dir, "anna") as anna:
        anna.post(f"/documenten/{doc}/lakken", data={
            "start": text.index("Van: Jan"), "end": text.index("Van: Jan") + 14,
            "ground": "5.1.2e", "category": "other"})
        r = anna.post(f"/documenten/{doc}/bevindingen/{person.id}/afwijzen")
        assert "blijft dus gelakt" in _msg(r)["melding"]


def test_rejecting_a_name_redacted_elsewhere_in_the_document_says_so(case_dir: Path, tmp_path: Path) -> None:
    """The redactor redacts every occurrence of a redacted name form in a document: rejecting
    one occurrence while another stays redacted does not keep it readable, and the message says so."""
    from wooflow.case import record_findings

    source = tmp_path / "twee-keer.txt"
    source.write_text("Overleg met Piet Pieters.\nPiet Pieters belt morgen terug.\n", encoding="utf-8")
    with Case(case_dir) as case:
        case.add_paths([source])
        doc = next(r.doc_id for r in case.records() if r.name == "twee-keer.txt")
        text = case.text(doc)
        first, second = text.index("Piet Pieters"), text.rindex("Piet Pieters")
        record_findings(case, {doc: [finding(text, "Piet Pieters", "person"),
                                     finding(text, "Piet Pieters", "person", nth=1)]})  # fmt: skip
        ids = {r.finding.start: r.id for r in findings(case, doc)}
        accept(case, ids[first], doc, propagate=False)
    with make_client(case_dir, "anna") as anna:
        r = anna.post(f"/documenten/{doc}/bevindingen/{ids[second]}/afwijzen")
        msg = _msg(r)["melding"]
        assert "dezelfde naam is elders in dit document gelakt (5.1.2e)" in msg and "blijft leesbaar" not in msg
        r = anna.post(f"/documenten/{doc}/bevindingen/{ids[first]}/afwijzen")  # both rejected: readable
        assert _msg(r)["melding"] == "Niet gelakt: “Piet Pieters” blijft leesbaar."


def test_a_large_document_is_paged(case_dir: Path) -> None:
    from wooflow.case import record_findings
    from wooflow.model import Finding

    doc = _doc(case_dir)
    with Case(case_dir) as case:
        text = case.text(doc)
        many = [Finding(i, i + 1, text[i], "other", "redact", "5.1.2e", 0.5, "test", "t")
                for i in range(0, min(len(text), 500), 2) if not text[i].isspace()]
        record_findings(case, {doc: many})
    with make_client(case_dir, "anna") as anna:
        page1 = anna.get(f"/documenten/{doc}").text
        assert "pagina 1 van" in page1 and "50 van" in page1
        assert page1.count('class="finding ') == 50
        page2 = anna.get(f"/documenten/{doc}?pagina=2").text
        assert "pagina 2 van" in page2


def test_one_number_everywhere_the_inventory_number(case_dir: Path) -> None:
    import json

    from wooflow.case.publish.source import record_key

    with Case(case_dir) as case:
        recs = {r.name: r for r in case.records()}
    nota, verslag = recs["nota-overleg.txt"], recs["verslag.txt"]
    # numbers the publication gave earlier are kept (here: made up, to tell them from ids)
    (case_dir / "inventaris-nummers.json").write_text(json.dumps({"version": 1, "numbers": {
        record_key(nota): 7, record_key(verslag): 12}}), encoding="utf-8")
    with make_client(case_dir, "anna") as anna:
        page = anna.get(f"/documenten/{nota.doc_id}").text
        assert '<span class="invnr" title="inventarisnummer">0007</span>' in page
        listing = anna.get("/documenten").text
        assert f'href="/documenten/{nota.doc_id}">0007 · ' in listing
        assert f'href="/documenten/{verslag.doc_id}">0012 · ' in listing
        # the third document has no number yet: it gets the next one, as publishing would
        assert "0013 · " in listing
        r = anna.post(f"/documenten/{nota.doc_id}/oordeel",
                      data={"value": "dubbel", "duplicate_of": "12"})
        assert "melding" in _msg(r)
        with Case(case_dir) as case:
            assert judgement(case, nota.doc_id).duplicate_of == verslag.doc_id
        r = anna.post(f"/documenten/{nota.doc_id}/oordeel",
                      data={"value": "dubbel", "duplicate_of": "99"})
        assert "geen document met inventarisnummer 99" in _msg(r)["fout"]
        audit = anna.get("/audit", params={"document": "0007"}).text
        assert "<td>oordeel vastgesteld</td>" in audit and "<td>zaak aangemaakt</td>" not in audit
        assert "dubbel van: 0012" in audit
        assert ">0007</a>" in audit


def test_search_finds_a_dutch_compound_by_its_first_part(client: Any) -> None:
    html = client.get("/documenten", params={"q": "vaccinatie"}).text
    assert "3 documenten gevonden" in html
    assert "<mark>vaccinatielocaties</mark>" in html


def test_bulk_keep_public_by_person_and_by_category_in_the_whole_case(case_dir: Path) -> None:
    doc = _doc(case_dir)
    with make_client(case_dir, "anna") as anna:
        people = anna.get("/personen").text
        assert "1× ‘blijft openbaar’ accepteren" in people
        key = next(r.person_key for r in _all(case_dir) if r.finding.action == "keep")
        r = anna.post("/openbaar-akkoord", data={"persoon": key})
        assert _msg(r)["melding"].startswith("1 keer ‘blijft openbaar’ geaccepteerd in 1 document")
        _msg(anna.post("/ongedaan-maken"))
        assert all(x.status == "proposed" for x in _all(case_dir) if x.finding.action == "keep")
        overview = anna.get("/").text
        assert "persoonsnaam (1)" in overview
        r = anna.post("/openbaar-akkoord", data={"soort": "person"})
        assert "(soort persoonsnaam)" in _msg(r)["melding"]
        assert all(x.status == "accepted" for x in _all(case_dir) if x.finding.action == "keep")
        assert "kies een persoon" in _msg(anna.post("/openbaar-akkoord", data={}))["fout"]
    with Case(case_dir) as case:  # a case-wide decision is no work on the document: still "nieuw"
        assert workflow.status(case, doc) == "nieuw"


def _all(case_dir: Path) -> list[Any]:
    with Case(case_dir) as case:
        return findings(case)


def test_preflight_lists_what_stands_in_the_way(case_dir: Path) -> None:
    doc = _doc(case_dir)
    phone = _finding(case_dir, doc, "phone")
    with make_client(case_dir, "anna") as anna:
        page = anna.get("/publiceren").text
        assert "Documenten met open voorstellen: 2" in page
        assert "Documenten nog niet beoordeeld: 2" in page
        anna.post(f"/documenten/{doc}/bevindingen/{phone.id}/accepteren")
        with Case(case_dir) as case:  # a script judged it "openbaar" despite the redaction
            from wooflow.case import judge

            judge(case, doc, "openbaar")
        page = anna.get("/publiceren").text
        assert "‘Openbaar’ terwijl er lakkingen zijn: 1" in page
        assert f'href="/documenten/{doc}">0001</a>' in page
        with Case(case_dir) as case:  # and "niet openbaar" on the grounds of its redactions only
            judge(case, doc, "niet openbaar")
        page = anna.get("/publiceren").text
        assert "‘Niet openbaar’ zonder zelf gekozen grond: 1" in page
        assert "‘Openbaar’ terwijl er lakkingen zijn: 0" in page


def test_preflight_lists_a_rejection_of_what_stays_redacted_elsewhere(case_dir: Path) -> None:
    """The restlekcontrole would block the package: said before building, with the document."""
    doc = _doc(case_dir)
    with make_client(case_dir, "coord") as coord:
        assert "Hier ‘niet lakken’, elders gelakt: 0" in coord.get("/publiceren").text
        coord.post("/zoeken-lakken", data={"q": "de gemeente", "ground": "5.1.2i", "category": "other",
                                           "aantal": "3"})  # fmt: skip
        here = next(r for r in _all(case_dir) if r.doc_id == doc and r.finding.text.lower() == "de gemeente")
        _msg(coord.post(f"/documenten/{doc}/bevindingen/{here.id}/afwijzen"))
        page = coord.get("/publiceren").text
        assert "Hier ‘niet lakken’, elders gelakt: 1" in page and "pakket krijgt geen zip" in page
        _msg(coord.post(f"/documenten/{doc}/bevindingen/{here.id}/accepteren"))  # redacted after all
        assert "Hier ‘niet lakken’, elders gelakt: 0" in coord.get("/publiceren").text
    with Case(case_dir) as case:  # a person: the name rejected, the e-mail (same person) redacted
        jan, mail = (next(r for r in findings(case, doc) if r.finding.text == t) for t in ("Jan Jansen", "j.jansen"))
        assert jan.person_key == mail.person_key == "jansen|j"
        reject(case, jan.id, doc)
        assert workflow_rows.rejected_but_redacted_elsewhere(case.conn, REDACTING) == []  # nothing redacted
        accept(case, mail.id, doc, propagate=False)
        assert workflow_rows.rejected_but_redacted_elsewhere(case.conn, REDACTING) == [doc]
        # the same text redacted in the same document: the redactor covers it there too
        add(case, doc, jan.finding.start, jan.finding.end, "person", "5.1.2e", "hier toch")
        assert workflow_rows.rejected_but_redacted_elsewhere(case.conn, REDACTING) == []


def test_done_and_on_to_the_next_of_my_work(case_dir: Path) -> None:
    with Case(case_dir) as case:
        mine = [d for d in workflow.under_review(case)]
    assert len(mine) == 2
    first, second = mine
    with make_client(case_dir, "coord") as coord:
        coord.post("/toewijzen", data={"username": "anna", "doc": [str(d) for d in mine]})
    with make_client(case_dir, "anna") as anna:
        html = anna.get(f"/documenten/{first}").text
        assert 'id="done-next">Beoordeeld, volgende in mijn werk' in html
        assert f'name="volgende" value="{second}"' in html
        assert f'id="next-mine" href="/documenten/{second}?toon=open"' in html
        with Case(case_dir) as case:
            for r in findings(case, first):
                if r.status == "proposed":
                    anna.post(f"/documenten/{first}/bevindingen/{r.id}/afwijzen")
        r = anna.post(f"/documenten/{first}/status", data={"status": "beoordeeld", "volgende": str(second)})
        assert r.headers["location"].startswith(f"/documenten/{second}?toon=open&")
        assert _msg(r)["melding"].endswith(": beoordeeld.")
        html = anna.get(f"/documenten/{second}").text  # the first is done: nothing after this one
        assert "done-next" not in html and "next-mine" not in html
        r = anna.post(f"/documenten/{first}/status", data={"status": "in behandeling", "volgende": "99999"})
        assert _msg(r)["melding"] == "Status: in behandeling."  # an unknown next: stay here
    with make_client(case_dir, "bert") as bert:  # nothing assigned to bert: no "mijn werk" buttons
        assert "done-next" not in bert.get(f"/documenten/{first}").text


def test_a_form_with_more_than_a_thousand_fields_is_read(case_dir: Path) -> None:
    """Starlette's default of 1,000 form fields refused big assignments with a bare HTTP 400."""
    from wooflow.web import auth

    doc = _doc(case_dir)
    with make_client(case_dir, "coord") as coord:
        csrf = coord.headers.pop("X-CSRF-Token")  # as a browser posts it: a form field
        data = {"csrf": csrf, "username": "anna", "doc": [str(doc)] * 1500}
        assert _msg(coord.post("/toewijzen", data=data))["melding"] == "1 document toegewezen aan anna."
        many = {"csrf": csrf, "username": "anna", "doc": [str(doc)] * (auth.MAX_FORM_FIELDS + 1)}
        refused = _msg(coord.post("/toewijzen", data=many))["fout"]
        assert refused.startswith("dit formulier heeft meer dan 50.000 velden")
        coord.headers["X-CSRF-Token"] = csrf  # the header path: FastAPI's own parsing, same limit
        del many["csrf"]
        assert "50.000 velden" in _msg(coord.post("/toewijzen", data=many))["fout"]


def _hidden(html: str, action: str, name: str) -> str:
    form = html[html.index(f'action="{action}"'):]
    form = form[: form.index("</form>")]
    m = re.search(rf'name="{name}" value="(\d*)"', form)
    assert m, (action, name)
    return m[1]


def test_a_stale_geen_persoon_or_split_is_refused(case_dir: Path) -> None:
    """bert sets a person aside, or splits off a form, from a page rendered before anna decided
    that person: refused, naming anna; from a fresh page it goes through."""
    key = next(r.person_key for r in _all(case_dir) if r.finding.text == "Jan Jansen")
    with make_client(case_dir, "anna") as anna, make_client(case_dir, "bert") as bert:
        confirm = bert.get("/personen/geen-persoon", params={"key": key}).text
        stale = _hidden(confirm, "/personen/geen-persoon", "versie")
        va = _person_version(anna.get("/personen").text, key)
        _msg(anna.post("/personen/besluit", data={"key": key, "decision": "redact", "versie": va}))
        r = bert.post("/personen/geen-persoon", data={"key": key, "toelichting": "", "versie": stale})
        assert _msg(r)["fout"].startswith("Niet opgeslagen: anna heeft “Jan Jansen” intussen")
        with Case(case_dir) as case:
            assert find_person(case, key).decision == "redact"
        r = bert.post("/personen/afsplitsen", data={"key": key, "form": "Jan Jansen", "versie": stale})
        assert _msg(r)["fout"].startswith("Niet opgeslagen: anna heeft “Jan Jansen” intussen")
        fresh = _hidden(bert.get("/personen/geen-persoon", params={"key": key}).text,
                        "/personen/geen-persoon", "versie")
        assert int(fresh) > int(stale or 0)
        assert "geen persoon" in _msg(bert.post("/personen/geen-persoon",
                                                data={"key": key, "toelichting": "test", "versie": fresh}))["melding"]
