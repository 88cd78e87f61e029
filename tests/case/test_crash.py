"""kill -9 at each stage of `process`, then a plain re-run: the package equals an uninterrupted run's.

The run is a subprocess; ``WOOFLOW_KILL_AT=<point>`` (wooflow/case/faults.py) makes it SIGKILL
itself at that point. Compared: the list of package files, the inventory, the DiWoo XML, the
text left in every redacted PDF, the manifest's counts, and in the case the persons' decisions
and every finding's span, status and action. By default three points run (the acceptance
policy halfway, detection, redaction with two workers); ``WOOFLOW_CRASH_ALL=1`` runs all seven.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
import time
import uuid
from pathlib import Path
from typing import Any

import pytest

from wooflow.case.publish.package import default_case_dir

MIXED = Path(__file__).resolve().parents[1] / "resources" / "publish" / "mixed"
FILES = ("bsn-notitie.txt", "mail-1-notitie.eml", "mail-2-reactie.eml", "nota-kamervragen-ocw-2024.txt",
         "verslag-mt-vws-2021.md")
ALL_POINTS = ("ingest", "detect", "dedupe", "persons", "policy", "redact", "package")
POINTS = ALL_POINTS if os.environ.get("WOOFLOW_CRASH_ALL") else ("persons", "detect", "redact")
RUN = """
import sys
from wooflow.case.publish.config import ProcessConfig
from wooflow.case.publish.process import process
s = process([sys.argv[1]], sys.argv[2], ProcessConfig(case_number="W-CRASH", verify_ocr=False, workers=2,
            redact_proposed=False))
sys.exit(s.exit_code)
"""


def _run(inputs: Path, out: Path, kill_at: str | None = None, token: str = "") -> int:
    env = dict(os.environ)
    env.pop("WOOFLOW_KILL_AT", None)
    if kill_at:
        env["WOOFLOW_KILL_AT"] = kill_at
    env["WOOFLOW_TEST_TOKEN"] = token
    return subprocess.run([sys.executable, "-c", RUN, str(inputs), str(out)], env=env, check=False,
                          capture_output=True, timeout=300).returncode


def _snapshot(out: Path) -> dict[str, Any]:
    import pymupdf

    snap: dict[str, Any] = {"files": sorted(p.name for p in out.iterdir() if p.name != "case")}
    snap["inventaris.csv"] = (out / "inventaris.csv").read_text(encoding="utf-8-sig")
    for xml in sorted(out.glob("*.xml")):
        snap[xml.name] = xml.read_text(encoding="utf-8")
    for pdf in sorted(out.glob("0*.pdf")):
        with pymupdf.open(pdf) as doc:
            snap[pdf.name] = [page.get_text() for page in doc]
    snap["counts"] = json.loads((out / "manifest.json").read_text(encoding="utf-8"))["counts"]
    conn = sqlite3.connect(default_case_dir(out) / "case.sqlite")
    snap["persons"] = sorted(conn.execute("SELECT key, decision FROM case_persons"))
    snap["findings"] = sorted(conn.execute(
        "SELECT d.path, f.start, f.end, f.status, f.action, f.person_key FROM case_findings f"
        " JOIN documents d ON d.id = f.doc_id"
    ))
    conn.close()
    return snap


def _processes_with(token: str) -> list[int]:
    """Processes (the run and its forked workers) whose environment carries ``token``."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                env = (entry / "environ").read_bytes()
            except OSError:
                continue
            if f"WOOFLOW_TEST_TOKEN={token}".encode() in env:
                found.append(int(entry.name))
    return found


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("crash") / "in"
    folder.mkdir()
    for name in FILES:
        shutil.copyfile(MIXED / name, folder / name)
    return folder


@pytest.fixture(scope="module")
def baseline(inputs: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    out = tmp_path_factory.mktemp("base") / "out"
    assert _run(inputs, out) == 0
    return _snapshot(out)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="SIGKILL and /proc")
@pytest.mark.parametrize("point", POINTS)
def test_rerun_after_kill_gives_the_same_package(point: str, inputs: Path, baseline: dict[str, Any],
                                                  tmp_path: Path) -> None:
    out = tmp_path / "out"
    token = uuid.uuid4().hex
    assert _run(inputs, out, point, token) == -9  # the kill point was reached
    deadline = time.monotonic() + 5
    while _processes_with(token) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert _processes_with(token) == []  # no redaction worker lives on after its parent
    assert _run(inputs, out) == 0
    again = _snapshot(out)
    assert again == baseline
    persons = dict(again["persons"])
    assert "undecided" not in {d for k, d in persons.items() if any(
        f[5] == k and f[3] == "accepted" for f in again["findings"])}
