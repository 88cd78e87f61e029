"""Per-format choices of `wooflow redact`: output names, matching findings to documents."""

from __future__ import annotations

import json

import pytest

from wooflow.exceptions import InputError
from wooflow.model import Document, Finding
from wooflow.redact.batch import (
    FindingsMismatch,
    check_findings,
    findings_for,
    load_findings,
    output_name,
    unique_path,
)


def _doc(name: str, kind: str, parent: str | None = None) -> Document:
    path = f"{parent}#{name}" if parent else f"in/{name}"
    return Document(path, name, kind, "0" * 64, "Jan Jansen", parent_path=parent)


@pytest.mark.parametrize(
    ("name", "kind", "parent", "expected"),
    [
        ("notitie.txt", "text", None, "notitie.txt"),
        ("verslag.md", "text", None, "verslag.md"),
        ("advies.pdf", "pdf", None, "advies.pdf"),
        ("bericht.eml", "email", None, "bericht.eml.pdf"),
        ("verslag.docx", "docx", None, "verslag.docx.pdf"),
        ("scan.png", "image", None, "scan.png.pdf"),
        ("bijlage.pdf", "pdf", "in/bericht.eml", "bericht_bijlage.pdf"),
        ("sub/a.txt", "text", "in/map.zip", "map_a.txt"),
    ],
)
def test_output_names(name, kind, parent, expected):
    assert output_name(_doc(name, kind, parent)) == expected


def test_same_names_do_not_overwrite(tmp_path):
    taken: set[str] = set()
    first = unique_path(tmp_path, "a.pdf", taken)
    second = unique_path(tmp_path, "A.pdf", taken)
    assert first.name == "a.pdf" and second.name == "A-2.pdf"


def test_findings_are_matched_by_path_then_name(tmp_path):
    f = {"start": 0, "end": 3, "text": "Jan", "category": "person", "action": "redact",
         "ground": "5.1.2e", "score": 1.0, "reason": ""}  # fmt: skip
    lines = [
        json.dumps({**f, "path": "in/notitie.txt"}),
        "",
        json.dumps({**f, "path": "elders/x.pdf"}),
    ]
    path = tmp_path / "f.jsonl"
    path.write_text("\n".join(lines), encoding="utf-8")
    grouped = load_findings(path)
    assert len(findings_for(_doc("notitie.txt", "text"), grouped)) == 1
    assert len(findings_for(_doc("x.pdf", "pdf"), grouped)) == 1  # by file name
    assert findings_for(_doc("y.pdf", "pdf"), grouped) == []


def test_bad_findings_file_is_an_input_error(tmp_path):
    path = tmp_path / "f.jsonl"
    path.write_text('{"start": 5, "end": 2}\n', encoding="utf-8")
    with pytest.raises(InputError, match="regel 1"):
        load_findings(path)


def test_findings_must_match_the_text():
    doc = _doc("notitie.txt", "text")
    check_findings(doc, [Finding(0, 3, "Jan", "person", "redact", "5.1.2e", 1, "t", "")])
    with pytest.raises(FindingsMismatch):
        check_findings(doc, [Finding(0, 3, "Piet"[:3], "person", "redact", "5.1.2e", 1, "t", "")])
