"""``wooflow process`` as CONTRACT.md describes it, driven in-process."""

from __future__ import annotations

import shutil
from pathlib import Path

from typer.testing import CliRunner

from wooflow.cli import app

MIXED = Path(__file__).resolve().parents[2] / "resources" / "publish" / "mixed"


def test_process_command_writes_the_contract_files(tmp_path):
    inputs = tmp_path / "in"
    inputs.mkdir()
    for name in ("nota-kamervragen-ocw-2024.txt", "bsn-notitie.txt", "kapot.pdf"):
        shutil.copyfile(MIXED / name, inputs / name)
    templates = tmp_path / "tpl" / "grounds"
    templates.mkdir(parents=True)
    (templates / "5.1.1e.md.j2").write_text("Eigen motivering BSN ({{ aantal }}).", encoding="utf-8")
    config = tmp_path / "woo.toml"
    config.write_text('[case]\nnumber = "WOO-CLI-7"\n[publish]\nverify_ocr = false\n', encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(
        app, ["process", str(inputs), "--out", str(out), "--config", str(config),
              "--templates", str(tmp_path / "tpl"), "--quiet"],
    )  # fmt: skip
    assert result.exit_code == 2, result.output  # the broken PDF
    assert "kapot.pdf: corrupt" in result.output
    assert "WOO-CLI-7" in result.output and "Gepubliceerde documenten" in result.output
    for name in ("inventaris.csv", "inventaris.xlsx", "manifest.json", "besluit.docx", "besluit.pdf"):
        assert (out / name).is_file()
    assert len(list(out.glob("*.xml"))) == 3  # two documents and the decision
    assert len(list(out.glob("0*.pdf"))) == 2
    import docx

    letter = "\n".join(p.text for p in docx.Document(str(out / "besluit.docx")).paragraphs)
    assert "Eigen motivering BSN (1)." in letter

    (inputs / "kapot.pdf").unlink()
    again = CliRunner().invoke(app, ["process", str(inputs), "--out", str(out), "--config", str(config), "-q"])
    assert again.exit_code == 0, again.output


def test_process_without_inputs_or_case_is_refused(tmp_path):
    result = CliRunner().invoke(app, ["process", "--out", str(tmp_path / "o")])
    assert result.exit_code != 0
