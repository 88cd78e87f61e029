"""The command line with a PostgreSQL URL wherever a case folder is accepted (CONTRACT.md's
``process`` unchanged, ``--case URL`` added), and the review app opened on the URL."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from typer.testing import CliRunner

from wooflow.cli import app

MIXED = Path(__file__).resolve().parents[1] / "resources" / "publish" / "mixed"


def test_ingest_process_show_user_and_serve_on_a_url(pg_url: str, tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    for name in ("nota-kamervragen-ocw-2024.txt", "bsn-notitie.txt"):
        shutil.copyfile(MIXED / name, inputs / name)
    runner = CliRunner()
    res = runner.invoke(app, ["ingest", str(inputs / "bsn-notitie.txt"), "--case", pg_url])
    assert res.exit_code == 0, res.output
    config = tmp_path / "woo.toml"
    config.write_text('[case]\nnumber = "WOO-PG-1"\n[publish]\nverify_ocr = false\n', encoding="utf-8")
    out = tmp_path / "out"
    res = runner.invoke(app, ["process", str(inputs), "--out", str(out), "--case", pg_url, "--config", str(config),
                              "--workers", "2", "--quiet"])  # a pool of 2 (issue 15c): workers never open the store
    assert res.exit_code == 0, res.output
    assert "WOO-PG-1" in res.output and (out / "inventaris.csv").is_file()
    assert len(list(out.glob("0*.pdf"))) == 2
    assert not any(out.rglob("*.sqlite"))  # the case is in the database, not beside the package
    res = runner.invoke(app, ["case", "show", pg_url, "--format", "json"])
    assert res.exit_code == 0, res.output
    shown = json.loads(res.output)
    assert shown["documents"] == 2 and shown["info"]["case_number"] == "WOO-PG-1"
    res = runner.invoke(app, ["user", "add", pg_url, "anna", "--role", "coordinator", "--password-stdin"],
                        input="geheim-wachtwoord\n")
    assert res.exit_code == 0, res.output
    res = runner.invoke(app, ["search", pg_url, "bsn", "--format", "json"])
    assert res.exit_code == 0, res.output

    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from fastapi.testclient import TestClient
    from wooflow.web import create_app

    with TestClient(create_app(pg_url), base_url="http://127.0.0.1", follow_redirects=False) as client:
        r = client.post("/inloggen", data={"username": "anna", "password": "geheim-wachtwoord"})
        assert r.status_code == 303
        page = client.get("/documenten")
        assert page.status_code == 200 and "bsn-notitie" in page.text
