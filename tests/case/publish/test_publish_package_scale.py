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
    real = package.atomic_write_json

    def counted(path: Path, value: object, **kw: object) -> None:
        if Path(path) == journal:
            writes.append(1)
        real(path, value, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(package, "atomic_write_json", counted)
    cfg = ProcessConfig(case_number=meta.case_number)
    summary = process_mod.ProcessSummary(out_dir=tmp / "out", case_dir=tmp)
    process_mod._write_package(view, numbers, meta, lambda s: s, pkg, cfg, summary, lambda *a: None)
    return len(writes), json.loads(journal.read_text(encoding="utf-8"))["files"]


def test_journal_written_a_fixed_number_of_times(tmp_path: Path, case_meta: CaseMeta,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    meta = replace(case_meta, organisation=None)
    few, few_files = _journal_writes(tmp_path / "a", meta, 3, monkeypatch)
    many, many_files = _journal_writes(tmp_path / "b", meta, 40, monkeypatch)
    assert few == many and few > 0
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


@pytest.mark.parametrize("ensure_ascii", [True, False])
@pytest.mark.parametrize("indent", [1, 2])
def test_json_written_as_made_is_json_dumps(tmp_path: Path, ensure_ascii: bool, indent: int) -> None:
    """The resume state, the journal and the numbering are written as ``json.dump`` makes them
    (``json.dumps`` with an indent first makes a list of every piece): the same bytes."""
    value = {
        "detected": list(range(0, 3000, 7)), "leeg": {}, "lijst": [], "niets": None, "ja": True, "x": 1.5,
        "redacted": {f"{i:06d} - brief über “€” \"x\"\t\n{i}.pdf": {"fp": f"{i:064x}", "pages": i % 5}
                     for i in range(300)},
        "out": "/pad/naar/pakket ç", "files": sorted(f"{i:06d} - ñ.xml" for i in range(50)),
    }
    path = tmp_path / "state.json"
    package.atomic_write_json(path, value, indent=indent, ensure_ascii=ensure_ascii)
    assert path.read_bytes() == json.dumps(value, indent=indent, ensure_ascii=ensure_ascii).encode("utf-8")
    assert [p.name for p in tmp_path.iterdir()] == ["state.json"]  # no temporary file left


def test_state_and_numbering_files_unchanged(tmp_path: Path) -> None:
    """``_State.save`` and ``Numbering.save`` write what they wrote with ``json.dumps``."""
    from wooflow.case.publish import inventory

    state = process_mod._State(tmp_path)
    state.data["detected"] = list(range(40))
    state.data["redacted"] = {f"{i:06d} - ç.pdf": {"fp": f"{i:064x}", "pages": 2} for i in range(30)}
    state.save()
    assert (tmp_path / process_mod.STATE_FILE).read_bytes() == json.dumps(state.data, indent=1).encode("utf-8")
    numbering = inventory.Numbering(tmp_path)
    numbering.numbers = {f"/bron/ç{i}.pdf@{i:012x}": 40 - i for i in range(40)}
    numbering.save()
    data = {"version": 1, "numbers": dict(sorted(numbering.numbers.items(), key=lambda kv: kv[1]))}
    assert numbering.path.read_bytes() == json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8")
