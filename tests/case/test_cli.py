"""The case commands end to end on real files, through the real CLI."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

from typer.testing import CliRunner

from wooflow.cli import app

runner = CliRunner()


def run(*args: str) -> str:
    result = runner.invoke(app, [str(a) for a in args])
    assert result.exit_code == 0, result.output + str(result.exception)
    return result.output


def test_case_commands(tmp_path: Path, write_eml) -> None:
    src = tmp_path / "bron"
    src.mkdir()
    (src / "nota.txt").write_text("Nota over de financiële gevolgen van de vergaderingen.\n", encoding="utf-8")
    (src / "kopie.txt").write_text("Nota over de financiële  gevolgen van de vergaderingen.\n", encoding="utf-8")
    write_eml(src / "mail.eml", sender="Sanne Kuipers <s.kuipers@minvws.nl>",
              to="Piet Jansen <p.jansen@minvws.nl>", subject="Kantine", when=datetime(2024, 1, 5, 9),
              msg_id="<k1@minvws.nl>", body="Het menu van de kantine voor volgende week.")
    zaak = tmp_path / "zaak"
    run("case", "init", zaak, "--request", "Alle stukken over de begroting", "--received", "2024-01-10",
        "--period-from", "2023-01-01", "--period-to", "2023-12-31", "--requester-kind", "journalist",
        "--organisation", "Ministerie van VWS", "--case-number", "WOO-1")
    assert "opgeslagen: 3" in run("case", "add", zaak, src)
    run("case", "extend", zaak, "--on", "2024-01-30")
    run("case", "suspend", zaak, "--from", "2024-02-01", "--to", "2024-02-08")
    shown = json.loads(run("case", "show", zaak, "--format", "json"))
    assert shown["deadlines"]["due"] == "2024-02-28"
    assert shown["info"]["requester_kind"] == "journalist" and shown["documents"] == 3

    found = json.loads(run("search", zaak, "financiele vergadering", "--format", "json"))
    assert found["total"] == 2 and "«financiële»" in found["hits"][0]["snippet"]
    mail = json.loads(run("search", zaak, "kantine", "--type", "email", "--format", "json"))
    assert [h["name"] for h in mail["hits"]] == ["mail.eml"]

    groups = json.loads(run("dedupe", zaak, "--format", "json"))
    assert len(groups) == 1 and groups[0]["duplicates"][0]["rule"] == "exact"

    assert "1 document(en) buiten" in run("scope", zaak, "--query", "kantine", "--out", "--reason", "ander onderwerp")
    out_scope = json.loads(run("search", zaak, "", "--scope", "out", "--format", "json"))
    assert [h["name"] for h in out_scope["hits"]] == ["mail.eml"]

    doc_id = found["hits"][0]["doc_id"]
    text = "Nota over de financiële gevolgen van de vergaderingen.\n"
    run("review", zaak, doc_id, "--add", "0", "4", "--category", "other", "--ground", "5.2")
    rows = json.loads(run("review", zaak, doc_id, "--format", "json"))
    assert rows[-1]["text"] == text[0:4] and rows[-1]["status"] == "added"
    assert "deels openbaar (5.2)" in run("judge", zaak, doc_id, "auto")
    assert "reeds openbaar" in run("judge", zaak, doc_id, "reeds-openbaar", "--link", "https://x.nl/1")
    log = json.loads(run("case", "audit", zaak, "--format", "json"))
    actions = [e["action"] for e in log]
    for a in ("case.init", "case.extend", "case.suspend", "dedupe", "scope.out", "finding.add", "judgement.set"):
        assert a in actions
    assert json.loads(run("persons", zaak, "--format", "json")) == []


def test_errors_are_one_line(tmp_path: Path) -> None:
    result = runner.invoke(app, ["case", "show", str(tmp_path / "geen")])
    assert result.exit_code != 0
    result = runner.invoke(app, ["case", "init", str(tmp_path / "z"), "--request", "x", "--received", "10-01-2024"])
    assert result.exit_code == 2


def test_suspend_names_documents(tmp_path: Path) -> None:
    src = tmp_path / "bron"
    src.mkdir()
    (src / "brief.txt").write_text("Brief aan de stichting over de subsidie.\n", encoding="utf-8")
    zaak = tmp_path / "zaak"
    run("case", "init", zaak, "--request", "Subsidie", "--received", "2024-01-10")
    run("case", "add", zaak, src)
    doc_id = json.loads(run("search", zaak, "stichting", "--format", "json"))["hits"][0]["doc_id"]
    run("case", "suspend", zaak, "--from", "2024-02-01", "--doc", doc_id, "--note", "zienswijze stichting")
    bad = runner.invoke(app, ["case", "suspend", str(zaak), "--from", "2024-02-01", "--doc", "999"])
    assert bad.exit_code != 0 and "onbekend document 999" in str(bad.exception)  # main() prints it
    log = json.loads(run("case", "audit", zaak, "--format", "json"))
    assert [e for e in log if e["action"] == "case.suspend"][0]["detail"]["documents"] == [doc_id]
