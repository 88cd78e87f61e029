from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner
from understand_helpers import RESOURCES

from wooflow.cli import app

CONTRACT_KEYS = {
    "path",
    "type",
    "date",
    "title",
    "kenmerk",
    "zaaknummer",
    "sender",
    "addressees",
    "redaction_codes",
}


def test_info_json_contract_and_bad_input_continues(tmp_path: Path) -> None:
    bad = tmp_path / "kapot.pdf"
    bad.write_bytes(b"%PDF-1.4 garbage")
    good = RESOURCES / "besluit-wob-2019.txt"
    result = CliRunner().invoke(app, ["info", str(bad), str(good), "--format", "json"])
    assert result.exit_code != 0
    objs = json.loads(result.stdout)
    assert len(objs) == 1
    obj = objs[0]
    assert CONTRACT_KEYS <= set(obj)
    assert obj["path"] == str(good)
    assert obj["type"] == "besluit" and obj["date"] == "2019-07-17" and obj["kenmerk"] == "2619087"
    assert obj["redaction_codes"] == {"10.2e": 4, "11.1": 2}
    assert isinstance(obj["addressees"], list)
    err = result.stderr.strip().splitlines()
    assert len(err) == 1 and "kapot.pdf" in err[0]


def test_info_email_and_table(tmp_path: Path) -> None:
    mail = RESOURCES / "mail.eml"
    result = CliRunner().invoke(app, ["info", str(mail)])
    assert result.exit_code == 0, result.stderr
    (obj,) = json.loads(result.stdout)
    assert obj["type"] == "email" and obj["date"] and obj["sender"]
    table = CliRunner().invoke(app, ["info", str(mail), "--format", "table"])
    assert table.exit_code == 0 and "email" in table.stdout


def test_unknown_format_is_an_error() -> None:
    result = CliRunner().invoke(app, ["info", str(RESOURCES / "mail.eml"), "--format", "xml"])
    assert result.exit_code == 2


def test_info_on_a_folder_reads_its_files(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(
        "nota\n\nTitel\n\nAanleiding\nx\n\nGeadviseerd besluit\nja\n", "utf-8"
    )
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.txt").write_text(
        "Geachte heer,\n\nTekst.\n\nMet vriendelijke groet,\n\nA\n", "utf-8"
    )
    result = CliRunner().invoke(app, ["info", str(tmp_path)])
    assert result.exit_code == 0, result.stderr
    assert [(Path(o["path"]).name, o["type"]) for o in json.loads(result.stdout)] == [
        ("a.txt", "nota"),
        ("b.txt", "brief"),
    ]
