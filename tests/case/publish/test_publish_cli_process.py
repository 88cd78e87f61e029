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


def test_process_refuses_a_folder_with_other_files_in_dutch(tmp_path):
    inputs = tmp_path / "in"
    inputs.mkdir()
    shutil.copyfile(MIXED / "nota-kamervragen-ocw-2024.txt", inputs / "nota.txt")
    out = tmp_path / "out"
    out.mkdir()
    (out / "intern.docx").write_bytes(b"niet publiceren")
    result = CliRunner().invoke(app, ["process", str(inputs), "--out", str(out), "--quiet"])
    # main() turns the CaseError into its one Dutch line and exit status 4
    assert getattr(result.exception, "exit_code", None) == 4 and "intern.docx" in str(result.exception)
    assert "kies een lege map voor --out" in str(result.exception)
    assert not (tmp_path / "out.zaak").exists()  # refused before anything was written


def test_import_command_reports_unmatched_files(tmp_path):
    files = tmp_path / "docs"
    files.mkdir()
    shutil.copyfile(MIXED / "nota-kamervragen-ocw-2024.txt", files / "000123 nota.txt")
    (files / "zonder-id.txt").write_text("x", encoding="utf-8")
    report = tmp_path / "rapport.csv"
    report.write_text("ID,Matter,Document,Beoordeling,Beoordelingsgrond\n000123,W-9,nota.txt,openbaar,\n",
                      encoding="utf-8")  # fmt: skip
    result = CliRunner().invoke(app, ["import", str(report), "--files", str(files), "--case", str(tmp_path / "z")])
    assert result.exit_code == 2, result.output
    assert "zonder-id.txt: geen rij in het productierapport" in result.output
    assert "1 rijen, 1 met bestand, 0 zonder bestand" in result.output


def test_old_layout_case_is_moved_out_of_the_package(tmp_path):
    inputs = tmp_path / "in"
    inputs.mkdir()
    shutil.copyfile(MIXED / "nota-kamervragen-ocw-2024.txt", inputs / "nota.txt")
    out = tmp_path / "out"
    first = CliRunner().invoke(app, ["process", str(inputs), "--out", str(out), "--quiet"])
    assert first.exit_code == 0, first.output
    shutil.move(str(tmp_path / "out.zaak"), str(out / "case"))  # what older versions wrote
    again = CliRunner().invoke(app, ["process", str(inputs), "--out", str(out), "--quiet"])
    assert again.exit_code == 0, again.output
    assert "zaak verplaatst uit de pakketmap" in again.output
    assert (tmp_path / "out.zaak" / "case.sqlite").is_file() and not (out / "case").exists()


def test_process_workers_and_executor_options(tmp_path, monkeypatch):
    inputs = tmp_path / "in"
    inputs.mkdir()
    shutil.copyfile(MIXED / "bsn-notitie.txt", inputs / "bsn-notitie.txt")
    bad = CliRunner().invoke(app, ["process", str(inputs), "--out", str(tmp_path / "o"), "--executor", "spark"])
    assert bad.exit_code == 2 and "local" in bad.output
    seen = {}
    from wooflow.case.publish import execute

    real = execute.make_executor

    def spy(kind="local", workers=0, scheduler=None):
        seen.update(kind=kind, workers=workers, scheduler=scheduler)
        return real(kind, workers, scheduler)

    monkeypatch.setattr(execute, "make_executor", spy)
    from wooflow.case.publish import process as process_module

    monkeypatch.setattr(process_module, "make_executor", spy)
    ok = CliRunner().invoke(app, ["process", str(inputs), "--out", str(tmp_path / "o"), "--workers", "1", "-q"])
    assert ok.exit_code == 0, ok.output
    assert seen == {"kind": "local", "workers": 1, "scheduler": None}
    assert len(list((tmp_path / "o").glob("0*.pdf"))) == 1
