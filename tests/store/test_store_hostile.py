"""Issue 12 in the store: non-UTF-8 file names, one writer per case, content left out recorded."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from wooflow.exceptions import CaseError
from wooflow.ingest import ReadContext
from wooflow.store import CaseStore, case_lock, ingest_paths

NO_OCR = ReadContext(ocr=False)


def _bad_name(folder: Path) -> Path:
    """A file whose name is not valid UTF-8 (as a Linux file system allows)."""
    raw = os.fsencode(folder) + b"/nota-\xff\xfe.txt"
    with open(raw, "wb") as fh:
        fh.write(b"Nota van Piet de Vries over de begroting.\n")
    return Path(os.fsdecode(raw))


@pytest.mark.skipif(sys.platform != "linux", reason="Linux file names are bytes")
def test_non_utf8_name_is_stored_with_replacement_and_the_batch_goes_on(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    _bad_name(src)
    (src / "zz-daarna.txt").write_text("Tweede document.\n", encoding="utf-8")
    with CaseStore(tmp_path / "zaak") as store:
        first = ingest_paths(store, [src], NO_OCR)
        again = ingest_paths(store, [src], NO_OCR)
        paths = sorted(r.path for r in store.list_documents())
    assert (first.stored, first.failed, again.skipped) == (2, 0, 2)  # resumable: found by its cleaned path
    assert paths[0].endswith("nota-\ufffd\ufffd.txt") and paths[1].endswith("zz-daarna.txt")
    paths[0].encode("utf-8")  # storable and printable


@pytest.mark.skipif(sys.platform != "linux", reason="Linux file names are bytes")
def test_ingest_cli_prints_a_non_utf8_name(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    _bad_name(src)
    (src / ".verborgen").write_text("x", encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, "-c", "from wooflow.cli import main; main()", "ingest", str(src), "--case",
         str(tmp_path / "zaak")],
        capture_output=True, check=False, env={**os.environ, "COLUMNS": "200"},
    )
    err = proc.stderr.decode("utf-8")
    assert proc.returncode == 0, err
    assert "Traceback" not in err
    assert ".verborgen: verborgen of tijdelijk bestand, niet ingelezen" in err


def test_second_writer_gets_one_dutch_line(tmp_path: Path) -> None:
    case = tmp_path / "zaak"
    holder = subprocess.Popen(
        [sys.executable, "-c",
         "import sys, time\nfrom wooflow.store import case_lock\n"
         f"with case_lock({str(case)!r}):\n    print('vast', flush=True)\n    time.sleep(30)\n"],
        stdout=subprocess.PIPE, text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "vast"
        with pytest.raises(CaseError) as info, case_lock(case):
            pass
        assert "wordt al bewerkt door een andere wooflow-opdracht" in str(info.value)
        assert f"proces {holder.pid}" in str(info.value)
    finally:
        holder.kill()
        holder.wait()
    with case_lock(case), case_lock(case):  # free again after kill -9; nested use in one process
        pass


def test_lost_attachment_is_a_failure_row_beside_the_stored_mail(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    (src / "mail.eml").write_text(
        "From: a@example.nl\nTo: b@example.nl\nSubject: x\nDate: Mon, 4 Mar 2024 10:15:00 +0100\n"
        'MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary="G"\n\n--G\nContent-Type: text/plain\n\n'
        "Tekst.\n--G\nContent-Type: application/pdf\nContent-Disposition: attachment; filename=\"a.pdf\"\n"
        "Content-Transfer-Encoding: base64\n\n!!!!\n--G--\n",
        encoding="utf-8",
    )
    with CaseStore(tmp_path / "zaak") as store:
        summary = ingest_paths(store, [src], NO_OCR)
        again = ingest_paths(store, [src], NO_OCR)
        failures = store.failures()
        assert (summary.stored, again.skipped) == (1, 1)
    assert [(Path(f.path).name, f.reason) for f in failures] == [("mail.eml#a.pdf", "empty")]
    assert failures[0].detail == "bijlage is leeg"  # Dutch reason for the inventory's "niet ingelezen" row
