"""`process` on hostile input (issue 12): odd names, dropped content, hidden files, a second
run on the same case, file modes, telemetry."""

from __future__ import annotations

import os
import re
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from wooflow.case.publish.config import ProcessConfig
from wooflow.case.publish.package import default_case_dir
from wooflow.case.publish.process import process
from wooflow.exceptions import CaseError
from wooflow.model import Finding


class NameDetector:
    def detect_case(self, texts: dict[int, str]) -> dict[int, list[Finding]]:
        return {
            k: [Finding(m.start(), m.end(), m.group(), "person", "redact", "5.1.2e", 0.95, "regex", "test")
                for m in re.finditer(r"Piet de Vries", t)]
            for k, t in texts.items()
        }


CFG = ProcessConfig(case_number="W-12", verify_ocr=False, workers=1)
BROKEN_MAIL = (
    "From: a@example.nl\nTo: b@example.nl\nSubject: x\nDate: Mon, 4 Mar 2024 10:15:00 +0100\n"
    'MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary="G"\n\n--G\nContent-Type: text/plain\n\n'
    "Tekst van Piet de Vries.\n--G\nContent-Type: application/pdf\n"
    'Content-Disposition: attachment; filename="bijlage.pdf"\nContent-Transfer-Encoding: base64\n\n!!!!\n--G--\n'
)


@pytest.fixture
def inbox(tmp_path: Path) -> Path:
    src = tmp_path / "in"
    src.mkdir()
    with open(os.fsencode(src) + b"/nota-\xff.txt", "wb") as fh:
        fh.write(b"Nota van Piet de Vries over de begroting.\n")
    (src / "mail.eml").write_text(BROKEN_MAIL, encoding="utf-8")
    (src / "~$concept.docx").write_bytes(b"lock file")
    return src


@pytest.mark.skipif(sys.platform != "linux", reason="Linux file names are bytes")
def test_process_survives_odd_names_and_reports_dropped_content(inbox: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    s = process([inbox], out, CFG, detector=NameDetector())
    assert s.published == 2
    assert any(p.endswith("nota-\ufffd.txt") for p in (r.name for r in _records(out)))
    assert [(Path(p).name, r) for p, r, _ in s.failures] == [("mail.eml#bijlage.pdf", "empty")]
    assert s.exit_code == 2  # content was dropped
    assert s.notes and "~$concept.docx: verborgen of tijdelijk bestand" in s.notes[0]
    modes = {stat.S_IMODE(p.stat().st_mode) for p in out.iterdir() if p.is_file()}
    assert len(modes) == 1 and modes.pop() & 0o044  # one mode, readable by others
    again = process([inbox], out, CFG, detector=NameDetector())  # a re-run still says so
    assert again.exit_code == 2 and len(again.failures) == 1


def _records(out: Path):  # type: ignore[no-untyped-def]
    from wooflow.case import Case

    with Case.open(default_case_dir(out)) as case:
        return case.records()


def test_second_process_on_a_case_stops_with_one_line(inbox: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    holder = subprocess.Popen(  # another process is busy with the case (a first `process` run)
        [sys.executable, "-c",
         "import time\nfrom wooflow.store import case_lock\n"
         f"with case_lock({str(default_case_dir(out))!r}):\n    print('vast', flush=True)\n    time.sleep(60)\n"],
        stdout=subprocess.PIPE, text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "vast"
        with pytest.raises(CaseError, match="wordt al bewerkt door een andere wooflow-opdracht"):
            process([inbox], out, CFG, detector=NameDetector())
    finally:
        holder.kill()
        holder.wait()
    assert process([inbox], out, CFG, detector=NameDetector()).published == 2  # free after the kill


def test_cli_prints_failures_and_exits_non_zero(inbox: Path, tmp_path: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-c", "from wooflow.cli import main; main()", "process", str(inbox), "--out",
         str(tmp_path / "out"), "-q"],
        capture_output=True, check=False, timeout=300,
    )
    err = proc.stderr.decode("utf-8")
    assert proc.returncode == 2, err
    assert "Traceback" not in err
    assert re.search(r"mail\.eml#bijlage\.pdf: empty: bijlage is leeg", err)
    assert "let op: " in err and "~$concept.docx" in err


def test_telemetry_of_onnxruntime_is_off() -> None:
    import wooflow  # noqa: F401

    assert os.environ.get("ORT_DISABLE_TELEMETRY") == "1"
