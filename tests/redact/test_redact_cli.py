"""`wooflow redact` and `wooflow verify` on a small real case: text, PDF, e-mail, a broken file."""

from __future__ import annotations

import json
from email.message import EmailMessage
from pathlib import Path

import pymupdf
import pytest
from redact_fixtures import NAMES, findings_for_names
from typer.testing import CliRunner

from wooflow.cli import app
from wooflow.ingest import read_path

runner = CliRunner()


def _write_findings(path: Path, docs: list[Path], names: list[str]) -> None:
    with path.open("w", encoding="utf-8") as fh:
        for doc_path in docs:
            doc = read_path(doc_path)
            for finding in findings_for_names(doc, names):
                fh.write(json.dumps(finding.to_json(str(doc_path))) + "\n")


@pytest.fixture()
def case(tmp_path: Path, pitfall_pdf: Path) -> dict[str, Path]:
    src = tmp_path / "in"
    src.mkdir()
    txt = src / "notitie.txt"
    txt.write_text(
        "Overleg met Sanne Kuipers en Ahmed Yilmaz over de begroting.\n", encoding="utf-8"
    )
    mail = EmailMessage()
    mail["From"] = "Sanne Kuipers <s.kuipers@example.nl>"
    mail["To"] = "Ahmed Yilmaz <a.yilmaz@example.nl>"
    mail["Subject"] = "Begroting"
    mail["Date"] = "Mon, 04 Mar 2024 10:15:00 +0100"
    mail.set_content(
        "Beste Ahmed,\n\nHierbij de cijfers voor de begroting.\n\nGroet, Sanne Kuipers\n"
    )
    eml = src / "bericht.eml"
    eml.write_bytes(bytes(mail))
    pdf = src / "pitfalls.pdf"
    pdf.write_bytes(pitfall_pdf.read_bytes())
    broken = src / "kapot.pdf"
    broken.write_bytes(b"%PDF-1.7\n garbage")
    findings = tmp_path / "findings.jsonl"
    _write_findings(findings, [txt, eml, pdf], NAMES + ["Ahmed", "s.kuipers", "a.yilmaz"])
    return {
        "txt": txt,
        "eml": eml,
        "pdf": pdf,
        "broken": broken,
        "findings": findings,
        "out": tmp_path / "out",
    }


def test_redact_writes_one_output_per_input_and_fails_on_the_broken_one(case):
    result = runner.invoke(
        app,
        [
            "redact",
            str(case["txt"]),
            str(case["eml"]),
            str(case["pdf"]),
            str(case["broken"]),
            "--out",
            str(case["out"]),
            "--findings",
            str(case["findings"]),
        ],
    )
    assert result.exit_code != 0
    assert "kapot.pdf" in result.stderr and len(result.stderr.strip().splitlines()) == 1
    out = case["out"]
    assert sorted(p.name for p in out.iterdir()) == [
        "bericht.eml.pdf",
        "notitie.txt",
        "pitfalls.pdf",
    ]
    assert (out / "notitie.txt").read_text(
        encoding="utf-8"
    ) == "Overleg met 5.1.2e en 5.1.2e over de begroting.\n"
    mail = pymupdf.open(out / "bericht.eml.pdf")
    text = "".join(p.get_text() for p in mail)
    mail.close()
    assert (
        "Kuipers" not in text
        and "Ahmed" not in text
        and "begroting" in text
        and "Onderwerp" in text
    )
    assert "controle geslaagd" in result.stdout


def test_verify_command(case, tmp_path):
    runner.invoke(
        app,
        [
            "redact",
            str(case["pdf"]),
            "--out",
            str(case["out"]),
            "--findings",
            str(case["findings"]),
        ],
    )
    ok = runner.invoke(
        app,
        [
            "verify",
            str(case["out"] / "pitfalls.pdf"),
            "--findings",
            str(case["findings"]),
            "--original",
            str(case["pdf"]),
        ],
    )
    assert ok.exit_code == 0, ok.stderr
    assert "controle geslaagd" in ok.stdout
    # The unredacted original fails, with exit code 5 (LeakError).
    bad = runner.invoke(app, ["verify", str(case["pdf"]), "--findings", str(case["findings"])])
    assert bad.exit_code == 5
    assert "LEK" in bad.stderr and "Kuipers" not in bad.stderr  # never repeat the leaked content


def test_mismatched_findings_are_refused(case, tmp_path):
    wrong = tmp_path / "wrong.jsonl"
    wrong.write_text(
        json.dumps(
            {
                "path": str(case["txt"]),
                "start": 0,
                "end": 5,
                "text": "Sanne",
                "category": "person",
                "action": "redact",
                "ground": "5.1.2e",
                "score": 1.0,
                "reason": "",
            }
        )
        + "\n"
    )
    result = runner.invoke(
        app, ["redact", str(case["txt"]), "--out", str(case["out"]), "--findings", str(wrong)]
    )
    assert result.exit_code != 0 and "past niet" in result.stderr
    assert not (case["out"] / "notitie.txt").exists()


def test_redact_detects_when_no_findings_are_given(case):
    detect = pytest.importorskip("wooflow.detect")
    if not hasattr(detect, "Detector") and not hasattr(detect, "detect_text"):
        pytest.skip("detection not available yet")
    result = runner.invoke(app, ["redact", str(case["txt"]), "--out", str(case["out"])])
    assert result.exit_code == 0, result.stderr
    assert (case["out"] / "notitie.txt").exists()


def test_committed_resources_redact_and_verify_through_the_cli(tmp_path):
    from redact_fixtures import RESOURCES

    inputs = [RESOURCES / "pitfalls.pdf", RESOURCES / "scan.pdf"]
    findings = tmp_path / "f.jsonl"
    _write_findings(findings, inputs, NAMES + ["Willem Smit"])
    out = tmp_path / "out"
    args = ["redact", *map(str, inputs), "--out", str(out), "--findings", str(findings)]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.stderr
    assert sorted(p.name for p in out.iterdir()) == ["pitfalls.pdf", "scan.pdf"]
    assert result.stdout.count("controle geslaagd") == 2
