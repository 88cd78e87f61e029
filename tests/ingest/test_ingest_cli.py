"""`wooflow text` and `wooflow ingest` as a user runs them (subprocess: real stdout bytes)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

RESOURCES = Path(__file__).resolve().parents[1] / "resources" / "ingest"
WOOFLOW = [sys.executable, "-c", "from wooflow.cli import main; main()"]


def run(*args: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([*WOOFLOW, *args], capture_output=True, timeout=120, check=False)


def test_text_prints_exact_bytes() -> None:
    path = RESOURCES / "good" / "brief-crlf.txt"
    result = run("text", str(path))
    assert result.returncode == 0
    assert result.stdout == path.read_bytes()  # \r\n kept, no newline added


def test_text_pdf_uses_form_feeds() -> None:
    from wooflow.ingest import read_path

    path = RESOURCES / "good" / "nota.pdf"
    result = run("text", str(path))
    assert result.returncode == 0
    assert result.stdout.decode("utf-8") == read_path(path).text
    assert result.stdout.count(b"\f") == 1


@pytest.mark.parametrize(
    ("name", "reason"),
    [("versleuteld.pdf", "encrypted"), ("zipbom.zip", "zip-bomb"), ("leeg.pdf", "empty")],
)
def test_text_bad_input_one_line(name: str, reason: str) -> None:
    path = RESOURCES / "bad" / name
    result = run("text", str(path))
    assert result.returncode != 0 and result.stdout == b""
    lines = result.stderr.decode().strip().splitlines()
    assert lines == [lines[0]] and lines[0].startswith(f"wooflow: {path}: {reason}: ")


def test_ingest_summary_failures_and_exit_code(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    for name in ("notities.md", "nota.pdf", "mail.eml"):
        shutil.copy(RESOURCES / "good" / name, src / name)
    shutil.copy(RESOURCES / "bad" / "versleuteld.pdf", src / "versleuteld.pdf")
    result = run("ingest", str(src), "--case", str(tmp_path / "zaak"))
    err = result.stderr.decode()
    assert result.returncode == 1
    assert f"wooflow: {src / 'versleuteld.pdf'}: encrypted: " in err
    assert "kapot.pdf: corrupt" in err  # the mail's broken attachment, as a warning
    assert "opgeslagen" in err and "Traceback" not in err
    assert (tmp_path / "zaak" / "case.sqlite").exists()
    # a second run skips what is stored; all good inputs now: exit 0
    (src / "versleuteld.pdf").unlink()
    again = run("ingest", str(src), "--case", str(tmp_path / "zaak"))
    assert again.returncode == 0, again.stderr.decode()
