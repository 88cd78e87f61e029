"""`wooflow detect` per CONTRACT.md: one JSON object per finding, offsets into the text."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from wooflow.cli import app

KEYS = {"path", "start", "end", "text", "category", "action", "ground", "score", "reason"}


def test_jsonl_contract_and_case_consistency(tmp_path: Path) -> None:
    a = tmp_path / "a.txt"
    b = tmp_path / "b.md"
    a.write_bytes("Van: Sanne Kuipers\r\nBel 06-12345678.\r\nMinister Helder las het.\n".encode())
    b.write_text("Kuipers schreef de nota; Helder tekende.\n", encoding="utf-8")
    res = CliRunner().invoke(app, ["detect", str(a), str(b), "--format", "jsonl"])
    assert res.exit_code == 0, res.output
    rows = [json.loads(line) for line in res.stdout.splitlines() if line.strip()]
    assert rows and all(KEYS <= set(r) for r in rows)
    texts = {str(a): a.read_bytes().decode(), str(b): b.read_text(encoding="utf-8")}
    for r in rows:
        assert texts[r["path"]][r["start"] : r["end"]] == r["text"]
        assert r["action"] in ("redact", "keep")
        assert (r["ground"] is None) == (r["action"] == "keep")
    in_b = {(r["text"], r["action"]) for r in rows if r["path"] == str(b)}
    assert ("Kuipers", "redact") in in_b and ("Helder", "keep") in in_b


def test_bad_input_reports_one_line_and_continues(tmp_path: Path) -> None:
    good = tmp_path / "ok.txt"
    good.write_text("Beste Jan Jansen,", encoding="utf-8")
    res = CliRunner().invoke(app, ["detect", str(tmp_path / "missing.txt"), str(good)])
    assert res.exit_code != 0
    assert any(json.loads(line)["path"] == str(good) for line in res.stdout.splitlines() if line.strip())
    assert "missing.txt" in res.stderr and len(res.stderr.strip().splitlines()) == 1


def test_table_format(tmp_path: Path) -> None:
    f = tmp_path / "t.txt"
    f.write_text("Beste Jan Jansen,", encoding="utf-8")
    res = CliRunner().invoke(app, ["detect", str(f), "--format", "table"])
    assert res.exit_code == 0 and "Jan Jansen" in res.stdout


def test_explain_prints_the_chain_per_finding(tmp_path) -> None:
    from typer.testing import CliRunner

    from wooflow.cli import app

    doc = tmp_path / "brief.txt"
    doc.write_text("Van: Sanne Kuipers\nAan: minister Helder\n\nDetentienummer 7744120\n", encoding="utf-8")
    res = CliRunner().invoke(app, ["detect", str(doc), "--explain"])
    assert res.exit_code == 0, res.output
    assert "'Sanne Kuipers': weglakken (automatisch)" in res.output
    assert "'7744120': weglakken" in res.output and "identificatienummer na 'detentienummer'" in res.output
    assert "'Helder': openbaar" in res.output
    assert "beleid: drempel voor person is 0.85" in res.output
