"""The package stage at scale (issue 15p): it journals its files (``Package.expect``) a fixed
number of times, not once per document (the journal lists every file of the package, so
rewriting it per metadata file made the stage quadratic: 163 s of 330 at 10,000 documents); the
manifest is written entry by entry, byte for byte what ``json.dumps`` makes of it whole."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from wooflow.case.publish import package
from wooflow.case.publish import process as process_mod
from wooflow.case.publish.config import ProcessConfig
from wooflow.case.publish.records import CaseMeta, PublishRecord, ReviewCounts
from wooflow.case.publish.source import CaseView


def _journal_writes(tmp: Path, meta: CaseMeta, n: int, monkeypatch: pytest.MonkeyPatch) -> tuple[int, list[str]]:
    records = [PublishRecord(key=f"in/nota{i}.pdf", name=f"nota{i}.pdf", file_type="pdf", doc_type="nota",
                             judgement="openbaar", date=date(2023, 11, 1 + i % 28)) for i in range(n)]  # fmt: skip
    view = CaseView(meta=meta, records=records, doc_ids={}, statuses=(), review=ReviewCounts())
    numbers = {r.key: i + 1 for i, r in enumerate(records)}
    journal = tmp / "journal.json"
    pkg = package.Package(tmp / "out", journal=journal)
    writes: list[int] = []
    real = package.atomic_write

    def counted(path: Path, data: bytes) -> None:
        if Path(path) == journal:
            writes.append(1)
        real(path, data)

    monkeypatch.setattr(package, "atomic_write", counted)
    cfg = ProcessConfig(case_number=meta.case_number)
    summary = process_mod.ProcessSummary(out_dir=tmp / "out", case_dir=tmp)
    process_mod._write_package(view, numbers, meta, lambda s: s, pkg, cfg, summary, lambda *a: None)
    return len(writes), json.loads(journal.read_text(encoding="utf-8"))["files"]


def test_journal_written_a_fixed_number_of_times(tmp_path: Path, case_meta: CaseMeta,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    meta = replace(case_meta, organisation=None)
    few, few_files = _journal_writes(tmp_path / "a", meta, 3, monkeypatch)
    many, many_files = _journal_writes(tmp_path / "b", meta, 40, monkeypatch)
    assert few == many
    assert sum(f.endswith(".xml") for f in many_files) == 41  # every metadata file, the decision's too
    assert sum(f.endswith(".xml") for f in few_files) == 4


@pytest.mark.parametrize("n", [0, 1, 3, 250])
def test_manifest_written_entry_by_entry_is_json_dumps(tmp_path: Path, n: int) -> None:
    pkg = package.Package(tmp_path / "out")
    for i in range(n):
        pkg.write(f"{i:07d} - brief über “€” \"x\" \t.pdf", f"%PDF-{i}".encode(), "document")
    extra = {"draft": True, "besluit": "deels", "diwoo_controle": ["a\nb", "ç"], "restlekcontrole": {"lekken": 0}}
    manifest = pkg.finish("W-1", {"documenten": n, "per_beoordeling": {"openbaar": n}}, extra)
    plain = dict(manifest, files=list(manifest["files"]))
    assert (tmp_path / "out" / package.MANIFEST).read_bytes() == json.dumps(
        plain, ensure_ascii=False, indent=2).encode("utf-8")
    assert [f["path"] for f in manifest["files"]] == sorted(pkg.files)
    assert manifest["files"][1:2] == plain["files"][1:2]
