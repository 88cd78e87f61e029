"""Writes from the web UI: each POST goes through the case API, is audited and redirects."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

from wooflow.case import Case, audit_log, findings, judgement, persons


def _case(client: Any) -> Case:
    return Case(Path(client.app.state.web.case_dir))


def _message(resp: Any) -> dict[str, str]:
    assert resp.status_code == 303, resp.text
    return {k: v[0] for k, v in parse_qs(urlsplit(resp.headers["location"]).query).items()}


def _finding(client: Any, doc: int, category: str) -> Any:
    with _case(client) as case:
        return next(r for r in findings(case, doc) if r.finding.category == category)


def test_accept_finding_redacts_the_person_case_wide(client: Any, ids: dict[str, int]) -> None:
    doc = ids["nota-overleg.txt"]
    name = _finding(client, doc, "person")
    resp = client.post(f"/documenten/{doc}/bevindingen/{name.id}/accepteren")
    assert resp.headers["location"].endswith(f"#f-{name.id}")
    assert "hele zaak" in _message(resp)["melding"]
    with _case(client) as case:
        assert findings(case, doc)[0].status == "accepted"
        jansen = next(p for p in persons(case) if p.key == "jansen|j")
        assert jansen.decision == "redact"
        # propagation found "Jan Jansen" in the minutes too
        others = [r for r in findings(case) if r.doc_id != doc and r.finding.text == "Jan Jansen"]
        assert others and all(r.status == "accepted" for r in others)
        assert judgement(case, doc).judgement == "deels openbaar"
        actions = [e.action for e in audit_log(case.conn, doc_id=doc)]
        assert "finding.accept" in actions
        assert (
            case.conn.execute("SELECT actor FROM case_audit ORDER BY id DESC").fetchone()[0]
            == "coord"
        )


def test_reject_finding(client: Any, ids: dict[str, int]) -> None:
    doc = ids["nota-overleg.txt"]
    phone = _finding(client, doc, "phone")
    resp = client.post(f"/documenten/{doc}/bevindingen/{phone.id}/afwijzen")
    assert "blijft leesbaar" in _message(resp)["melding"]
    assert _finding(client, doc, "phone").status == "rejected"


def test_finding_of_another_document_is_refused(client: Any, ids: dict[str, int]) -> None:
    phone = _finding(client, ids["nota-overleg.txt"], "phone")
    other = ids["verslag.txt"]
    resp = client.post(
        f"/documenten/{other}/bevindingen/{phone.id}/accepteren",
        headers={"referer": f"http://127.0.0.1/documenten/{other}"},
    )
    assert "hoort niet bij" in _message(resp)["fout"]
    assert _finding(client, ids["nota-overleg.txt"], "phone").status == "proposed"


def test_add_redaction_by_offsets_checks_the_selected_text(
    client: Any, ids: dict[str, int]
) -> None:
    doc = ids["nota-overleg.txt"]
    with _case(client) as case:
        text = case.text(doc)
    start = text.index("Piet Pietersen")
    end = start + len("Piet Pietersen")
    wrong = client.post(
        f"/documenten/{doc}/lakken",
        data={
            "start": start + 1,
            "end": end,
            "category": "person",
            "ground": "5.1.2e",
            "expected": "Piet Pietersen",
        },
    )
    assert "selectie" in _message(wrong)["fout"]
    outside = client.post(
        f"/documenten/{doc}/lakken",
        data={"start": 5, "end": 10_000, "category": "person", "ground": "5.1.2e"},
    )
    assert "buiten de tekst" in _message(outside)["fout"]
    bad_ground = client.post(
        f"/documenten/{doc}/lakken",
        data={"start": start, "end": end, "category": "person", "ground": "9.9"},
    )
    assert "weigeringsgrond" in _message(bad_ground)["fout"]
    ok = client.post(
        f"/documenten/{doc}/lakken",
        data={
            "start": start,
            "end": end,
            "category": "person",
            "ground": "5.1.2e",
            "expected": "Piet  Pietersen",
            "reason": "oud-medewerker",
        },
    )
    assert "Gelakt (5.1.2e" in _message(ok)["melding"]
    with _case(client) as case:
        added = [r for r in findings(case, doc) if r.status == "added"]
    assert len(added) == 1
    assert (added[0].finding.text, added[0].finding.reason) == ("Piet Pietersen", "oud-medewerker")


def test_judgement_forms(client: Any, ids: dict[str, int]) -> None:
    doc = ids["nota-overleg.txt"]
    url = f"/documenten/{doc}/oordeel"
    no_link = client.post(url, data={"value": "reeds openbaar"})
    assert "vindplaats" in _message(no_link)["fout"]
    ok = client.post(
        url,
        data={
            "value": "reeds openbaar",
            "link": "https://open.overheid.nl/x",
            "explanation": "al gepubliceerd",
        },
    )
    assert _message(ok)["melding"] == "Oordeel: reeds openbaar."
    with _case(client) as case:
        j = judgement(case, doc)
    assert (j.judgement, j.link, j.explanation, j.set_by) == (
        "reeds openbaar",
        "https://open.overheid.nl/x",
        "al gepubliceerd",
        "reviewer",
    )
    client.post(url, data={"value": "niet openbaar", "grounds": ["5.2", "5.1.2i"]})
    with _case(client) as case:
        assert judgement(case, doc).grounds == ["5.1.2i", "5.2"]
    client.post(url, data={"value": "dubbel", "duplicate_of": str(ids["verslag.txt"])})
    with _case(client) as case:
        assert judgement(case, doc).duplicate_of == ids["verslag.txt"]
    client.post(url, data={"value": "auto"})
    with _case(client) as case:
        assert judgement(case, doc).set_by == "auto"


def test_scope_out_needs_a_reason(client: Any, ids: dict[str, int]) -> None:
    doc = ids["nota-overleg.txt"]
    assert (
        "reden"
        in _message(client.post(f"/documenten/{doc}/scope", data={"in_scope": "uit"}))["fout"]
    )
    client.post(f"/documenten/{doc}/scope", data={"in_scope": "uit", "reason": "buiten de periode"})
    with _case(client) as case:
        rec = case.record(doc)
    assert (rec.in_scope, rec.scope_reason) == (False, "buiten de periode")
    assert "buiten verzoek" in client.get("/documenten", params={"scope": "uit"}).text


def test_person_decision_propagates_and_can_be_reversed(client: Any, ids: dict[str, int]) -> None:
    resp = client.post("/personen/besluit", data={"key": "devries|k", "decision": "redact"})
    assert resp.headers["location"].split("#")[1] == "p-devries-k"
    with _case(client) as case:
        karin = [r for r in findings(case) if r.person_key == "devries|k"]
    assert len(karin) >= 2 and all(r.status == "accepted" for r in karin)
    client.post("/personen/besluit", data={"key": "devries|k", "decision": "keep"})
    with _case(client) as case:
        p = next(p for p in persons(case) if p.key == "devries|k")
        assert p.decision == "keep"
        assert all(r.status == "rejected" for r in findings(case) if r.person_key == "devries|k")
        assert [e.action for e in audit_log(case.conn, action="person.decide")] == [
            "person.decide"
        ] * 2


def test_case_info_and_deadline_forms(client: Any) -> None:
    data = {
        "request": "Alle documenten over vaccinatielocaties.",
        "received": "2024-04-02",
        "requester_kind": "journalist",
        "case_number": "WOO-TEST-1",
        "title": "Vaccinatielocaties",
        "organisation": "Ministerie van VWS",
        "period_from": "2024-01-01",
        "period_to": "2024-03-31",
    }
    assert (
        _message(client.post("/zaak/gegevens", data=data))["melding"] == "Zaakgegevens opgeslagen."
    )
    assert _message(client.post("/zaak/gegevens", data=data))["melding"] == "Niets gewijzigd."
    bad = client.post(
        "/zaak/gegevens",
        data={**data, "period_from": "april"},
        headers={"referer": "http://127.0.0.1/"},
    )
    assert "geen datum" in _message(bad)["fout"]
    client.post("/zaak/verdagen", data={"on": "2024-04-20"})
    client.post(
        "/zaak/opschorten", data={"start": "2024-04-22", "end": "2024-04-29", "note": "zienswijze"}
    )
    with _case(client) as case:
        assert case.info.organisation == "Ministerie van VWS"
        d = case.deadlines()
    assert d.extended and d.suspended_days == 7
    again = client.post("/zaak/verdagen", data={"on": "2024-04-21"})
    assert "al verdaagd" in _message(again)["fout"]


def test_a_suspension_without_an_end_is_ended_by_resuming(client: Any) -> None:
    r = client.post("/zaak/opschorten", data={"start": "2024-04-22", "note": "zienswijze gevraagd"})
    assert _message(r)["melding"] == "Opschorting vastgelegd."
    early = client.post("/zaak/hervatten", data={"on": "2024-04-20"})
    assert "einddatum ligt voor begindatum" in _message(early)["fout"]
    assert "geen datum" in _message(client.post("/zaak/hervatten", data={"on": "morgen"}))["fout"]
    assert _message(client.post("/zaak/hervatten", data={"on": "2024-05-02"}))["melding"] == "Opschorting beëindigd."
    with _case(client) as case:
        assert case.deadlines().suspended_days == 10
    assert "er loopt geen opschorting" in _message(client.post("/zaak/hervatten", data={"on": "2024-05-03"}))["fout"]


def test_cross_site_posts_and_foreign_hosts_are_refused(client: Any, ids: dict[str, int]) -> None:
    doc = ids["nota-overleg.txt"]
    phone = _finding(client, doc, "phone")
    url = f"/documenten/{doc}/bevindingen/{phone.id}/accepteren"
    assert client.post(url, headers={"origin": "http://evil.example"}).status_code == 403
    assert client.post(url, headers={"sec-fetch-site": "cross-site"}).status_code == 403
    assert client.post(url, headers={"referer": "http://evil.example/x"}).status_code == 403
    assert client.post(url, headers={"origin": "null"}).status_code == 403
    assert client.get("/", headers={"host": "evil.example"}).status_code == 400
    assert _finding(client, doc, "phone").status == "proposed"
    same = client.post(url, headers={"origin": "http://127.0.0.1", "sec-fetch-site": "same-origin"})
    assert same.status_code == 303
    assert _finding(client, doc, "phone").status == "accepted"


def test_scope_in_bulk_by_search(client: Any, ids: dict[str, int]) -> None:
    page = client.get("/documenten", params={"q": "begroting"}).text
    assert "Alle 2 resultaten binnen of buiten het verzoek plaatsen" in page
    assert "resultaten binnen of buiten" not in client.get("/documenten").text
    resp = client.post(
        "/documenten/scope",
        data={"q": "begroting", "in_scope": "uit", "reason": "gaat over de GGD"},
    )
    msg = _message(resp)
    assert (
        msg["melding"] == "2 documenten buiten het verzoek geplaatst." and msg["q"] == "begroting"
    )
    with _case(client) as case:
        out = {r.doc_id: r.scope_reason for r in case.records(in_scope=False)}
    assert out == {
        ids["verslag.txt"]: "gaat over de GGD",
        ids["verslag-kopie.txt"]: "gaat over de GGD",
    }
    everything = client.post("/documenten/scope", data={"in_scope": "uit", "reason": "x"})
    assert "zoek of filter eerst" in _message(everything)["fout"]
