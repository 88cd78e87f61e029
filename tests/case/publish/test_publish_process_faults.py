"""Fault injection: a redactor that fails to black out must never reach the package."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path
from types import SimpleNamespace

import pytest

import wooflow.redact.batch
from wooflow.case.publish.config import ProcessConfig
from wooflow.case.publish.process import process
from wooflow.exceptions import LeakError

MIXED = Path(__file__).resolve().parents[2] / "resources" / "publish" / "mixed"


def test_leaking_redaction_is_withheld(tmp_path, monkeypatch):
    inputs = tmp_path / "in"
    inputs.mkdir()
    shutil.copyfile(MIXED / "bsn-notitie.txt", inputs / "bsn-notitie.txt")

    def broken_redact_pdf(source, doc, findings, out_path, **_options):
        Path(out_path).write_bytes(source)  # "forgets" to redact: the BSN stays in the PDF
        return SimpleNamespace(pages=1)

    monkeypatch.setattr(wooflow.redact.batch, "redact_pdf", broken_redact_pdf)
    out = tmp_path / "out"
    summary = process([inputs], out, ProcessConfig(case_number="W-LEK", verify_ocr=False))
    assert summary.leaks == 1 and summary.exit_code == LeakError.exit_code
    assert summary.published == 0 and len(summary.withheld) == 1
    assert "111222333" not in summary.withheld[0]  # the message names the problem, not the secret
    assert not list(out.glob("0*.pdf")) and not list(out.glob("0*.xml"))
    rows = list(csv.DictReader(io.StringIO((out / "inventaris.csv").read_text(encoding="utf-8-sig"))))
    assert rows[0]["Bestandsnaam publicatie"] == ""
    assert "Publicatie tegengehouden" in rows[0]["Toelichting"]
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["counts"]["tegengehouden"] == 1
    assert all(not f["path"].startswith("0") for f in manifest["files"])


def test_invalid_organisation_is_a_config_error(tmp_path):
    from wooflow.exceptions import ConfigError

    inputs = tmp_path / "in"
    inputs.mkdir()
    shutil.copyfile(MIXED / "nota-kamervragen-ocw-2024.txt", inputs / "nota.txt")
    with pytest.raises(ConfigError):
        process([inputs], tmp_path / "out", ProcessConfig(organisation="ministerie van Toverkunst", verify_ocr=False))


def test_invalid_metadata_stops_the_run_before_the_package_changes(tmp_path, monkeypatch):
    from wooflow.case.publish import diwoo
    from wooflow.exceptions import ValidationError

    inputs = tmp_path / "in"
    inputs.mkdir()
    shutil.copyfile(MIXED / "nota-kamervragen-ocw-2024.txt", inputs / "nota.txt")
    out = tmp_path / "out"
    cfg = ProcessConfig(case_number="W-XSD", verify_ocr=False)
    process([inputs], out, cfg)
    before = (out / "manifest.json").read_bytes()
    monkeypatch.setattr(diwoo, "LANGUAGE_NLD", "http://example.org/taal/klingon")
    with pytest.raises(ValidationError, match="DiWoo"):
        process([inputs], out, cfg)
    assert (out / "manifest.json").read_bytes() == before
