"""The ingest loop: idempotent re-runs, resume after an interruption, failures recorded."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from wooflow.ingest import ReadContext
from wooflow.store import CaseStore, batch, ingest_paths

RESOURCES = Path(__file__).resolve().parents[1] / "resources" / "ingest"
NO_OCR = ReadContext(ocr=False)  # OCR is covered in tests/ingest; keep these fast


def _copy(tmp_path: Path) -> Path:
    src = tmp_path / "in"
    shutil.copytree(RESOURCES / "good", src)
    for name in ("kapot.pdf", "zipbom.zip", "versleuteld.pdf"):
        shutil.copy(RESOURCES / "bad" / name, src / name)
    return src


def test_rerun_skips_everything(tmp_path: Path) -> None:
    src = _copy(tmp_path)
    with CaseStore(tmp_path / "zaak") as store:
        first = ingest_paths(store, [src], NO_OCR)
        count = store.count_documents()
        blobs = sorted(p.name for p in (tmp_path / "zaak" / "blobs").iterdir())
        again = ingest_paths(store, [src], NO_OCR)
        assert store.count_documents() == count
        assert sorted(p.name for p in (tmp_path / "zaak" / "blobs").iterdir()) == blobs
        reasons = sorted(f.reason for f in store.failures())
    assert (first.stored, first.skipped, first.failed) == (13, 0, 3)
    assert (again.stored, again.skipped, again.failed) == (0, 13, 3)
    # the three bad inputs, plus mail.eml's broken attachment (content left out is a failure row)
    assert reasons == ["corrupt", "corrupt", "encrypted", "zip-bomb"]


def test_resume_after_interrupt(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    src = _copy(tmp_path)
    real = batch.read_data
    calls = {"n": 0}

    def interrupted(*args, **kwargs):  # type: ignore[no-untyped-def]
        calls["n"] += 1
        if calls["n"] == 5:
            raise KeyboardInterrupt
        return real(*args, **kwargs)

    monkeypatch.setattr(batch, "read_data", interrupted)
    with CaseStore(tmp_path / "zaak") as store, pytest.raises(KeyboardInterrupt):
        ingest_paths(store, [src], NO_OCR)
    monkeypatch.setattr(batch, "read_data", real)
    with CaseStore(tmp_path / "zaak") as store:
        stored_before = len(list(store.iter_document_ids()))
        # sorted inputs: 3 stored and kapot.pdf failed before the 5th read was interrupted
        assert stored_before == 3 and [f.reason for f in store.failures()] == ["corrupt"]
        summary = ingest_paths(store, [src], NO_OCR)
        assert summary.skipped == 3 and summary.stored == 13 - 3 and summary.failed == 3
        paths = [r.path for r in store.list_documents() if r.parent_id is None]
    assert len(paths) == len(set(paths)) == 13


def test_changed_file_is_stored_again(tmp_path: Path) -> None:
    f = tmp_path / "notitie.txt"
    f.write_text("versie 1\n")
    with CaseStore(tmp_path / "zaak") as store:
        assert ingest_paths(store, [f]).stored == 1
        f.write_text("versie 2\n")
        assert ingest_paths(store, [f]).stored == 1
        texts = [store.get_document(i).text for i in store.iter_document_ids()]
    assert texts == ["versie 1\n", "versie 2\n"]


def test_failure_cleared_when_fixed(tmp_path: Path) -> None:
    f = tmp_path / "x.pdf"
    f.write_bytes(b"")
    with CaseStore(tmp_path / "zaak") as store:
        assert ingest_paths(store, [f]).failed == 1
        assert [x.reason for x in store.failures()] == ["empty"]
        shutil.copy(RESOURCES / "good" / "nota.pdf", f)
        assert ingest_paths(store, [f]).stored == 1
        assert store.failures() == []


def test_nested_bomb_recorded_under_the_input(tmp_path: Path) -> None:
    import zipfile

    outer = tmp_path / "buiten.zip"
    with zipfile.ZipFile(outer, "w", zipfile.ZIP_STORED) as zf:
        zf.write(RESOURCES / "bad" / "zipbom.zip", "binnen/bom.zip")
    with CaseStore(tmp_path / "zaak") as store:
        summary = ingest_paths(store, [outer], NO_OCR)
        failures = store.failures()
    assert summary.failed == 1
    assert [(f.path, f.reason) for f in failures] == [(str(outer), "zip-bomb")]
    assert failures[0].detail.startswith(f"{outer}#binnen/bom.zip: zipbom")


def test_packed_words_store_what_unpacked_words_store(tmp_path: Path) -> None:
    """Issue 15c: a worker sends the words back packed (ReadOutcome.pack); the store keeps the
    same words, children included, as from the Python objects."""
    import pickle

    from wooflow.store.batch import read_input, store_read

    mixed = Path(__file__).resolve().parents[1] / "resources" / "publish" / "mixed"
    paths = [mixed / "mail-1-notitie.eml", mixed / "scan-gespreksverslag.pdf", mixed / "bsn-notitie.txt"]
    plain, packed = CaseStore(tmp_path / "a"), CaseStore(tmp_path / "b")
    words = 0
    for path in paths:
        data = path.read_bytes()
        outcome = read_input(str(path), data)
        assert outcome.doc is not None and outcome.doc.walk()
        sent = pickle.loads(pickle.dumps(read_input(str(path), data).pack()))
        assert sent.packed is not None and all(not d.words for d in sent.doc.walk())
        a, b = store_read(plain, outcome), store_read(packed, sent)
        da, db = plain.get_document(a.doc_id), packed.get_document(b.doc_id)
        for x, y in zip(da.walk(), db.walk(), strict=True):
            assert x.words == y.words and x.pages == y.pages and x.text == y.text
        words += sum(len(d.words) for d in db.walk())
    assert words > 50  # the scan's OCR words (an e-mail's text has no word boxes)
    plain.close()
    packed.close()
