"""The machine interface of ../shared/docs/CONTRACT.md, driven as outside tests drive it: the
installed ``wooflow`` command in a subprocess, on the bundled examples."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "examples" / "documents"
TEXTS = sorted(p for p in DOCS.iterdir() if p.suffix in {".txt", ".md"})
WOOFLOW = [sys.executable, "-m", "wooflow"]
FINDING_KEYS = {"path", "start", "end", "text", "category", "action", "ground", "score", "reason"}
INFO_KEYS = {"path", "type", "date", "title", "kenmerk", "zaaknummer", "sender", "addressees",
             "redaction_codes"}
TYPES = {"nota", "kamerbrief", "kamervragen", "verslag", "agenda", "besluitenlijst", "email",
         "besluit", "beschikking", "advies", "rapport", "jaarplan", "jaarverslag", "convenant",
         "brief", "presentatie", "other"}


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*WOOFLOW, *args], capture_output=True, text=True, cwd=ROOT, timeout=300)


def text_of(path: Path) -> str:
    out = subprocess.run([*WOOFLOW, "text", str(path)], capture_output=True, cwd=ROOT, timeout=300)
    assert out.returncode == 0, out.stderr
    return out.stdout.decode("utf-8")


@pytest.mark.parametrize("path", TEXTS, ids=lambda p: p.name)
def test_text_of_a_text_file_is_the_file_exactly(path: Path) -> None:
    assert text_of(path) == path.read_bytes().decode("utf-8")


def test_text_of_a_pdf_has_pages_split_by_form_feeds() -> None:
    text = text_of(DOCS / "advies-belang-kind-meeroudergezinnen-2024.pdf")
    assert text.count("\f") >= 10
    assert "meeroudergezin" in text.lower()


def test_detect_jsonl_offsets_point_into_the_printed_text() -> None:
    paths = [DOCS / "mail-01-conceptnota.eml", DOCS / "verslag-vaccinatielocaties.docx", *TEXTS]
    out = run("detect", *map(str, paths), "--format", "jsonl")
    assert out.returncode == 0, out.stderr
    rows = [json.loads(line) for line in out.stdout.splitlines() if line.strip()]
    texts = {str(p): text_of(p) for p in paths}
    assert rows
    for row in rows:
        assert FINDING_KEYS <= set(row)
        assert texts[row["path"]][row["start"]:row["end"]] == row["text"]
        assert row["action"] in {"redact", "keep"}
        # "5.1.2e", "5.1.1e", "5.2": no dot before the letter
        assert row["ground"] is None or re.fullmatch(r"\d+(\.\d+)*[a-i]?", row["ground"])
    redacted = {r["text"] for r in rows if r["action"] == "redact"}
    kept = {r["text"] for r in rows if r["action"] == "keep"}
    assert {"Marloes Verhoeven-Tan", "06-41 27 83 90", "marloes.verhoeven"} <= redacted
    assert "Parnassusplein 5" in kept
    assert not any("Eerdmans" in t or "Helder" in t for t in redacted)


def test_info_json_has_the_contract_fields() -> None:
    out = run("info", *map(str, TEXTS), "--format", "json")
    assert out.returncode == 0, out.stderr
    infos = {Path(i["path"]).name: i for i in json.loads(out.stdout)}
    for info in infos.values():
        assert INFO_KEYS <= set(info)
        assert info["type"] in TYPES
    assert infos["nota-kamervragen-ocw-2024.txt"]["type"] == "nota"
    assert infos["nota-kamervragen-ocw-2024.txt"]["date"] == "2024-02-07"
    assert infos["verslag-mt-vws-2021.md"]["redaction_codes"] == {"5.1.2e": 18}


def test_redact_keeps_names_and_formats(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    for name in ("nota-kopie-duplicaat.txt", "mail-01-conceptnota.eml"):
        shutil.copyfile(DOCS / name, src / name)
    out = run("redact", str(src / "nota-kopie-duplicaat.txt"), str(src / "mail-01-conceptnota.eml"),
              "--out", str(tmp_path / "out"))
    assert out.returncode == 0, out.stderr
    redacted = (tmp_path / "out" / "nota-kopie-duplicaat.txt").read_text(encoding="utf-8")
    assert "Verhoeven" not in redacted and "5.1.2e" in redacted and "Minister Helder" in redacted
    assert list((tmp_path / "out").glob("mail-01-conceptnota*.pdf"))


def test_bad_input_gives_one_line_and_the_batch_goes_on(tmp_path: Path) -> None:
    empty = tmp_path / "leeg.pdf"
    empty.write_bytes(b"")
    broken = DOCS / "kapot-bestand.pdf"
    good = DOCS / "nota-kamervragen-ocw-2024.txt"
    for command in (["detect", "--format", "jsonl"], ["info", "--format", "json"]):
        out = run(*command[:1], str(broken), str(empty), str(good), *command[1:])
        assert out.returncode != 0
        assert "Traceback" not in out.stderr
        assert len([line for line in out.stderr.splitlines() if line.strip()]) == 2, out.stderr
        assert "kapot-bestand.pdf" in out.stderr and "leeg.pdf" in out.stderr
        assert "nota-kamervragen" in out.stdout
