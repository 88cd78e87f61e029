from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from wooflow.exceptions import CaseError
from wooflow.ingest import read_path
from wooflow.model import sha256_bytes
from wooflow.store import CaseStore

RESOURCES = Path(__file__).resolve().parents[1] / "resources" / "ingest" / "good"


def test_roundtrip_pdf_with_pages_and_words(tmp_path: Path) -> None:
    doc = read_path(RESOURCES / "nota.pdf")
    with CaseStore(tmp_path) as store:
        doc_id = store.add_document(doc)
        back = store.get_document(doc_id)
    assert back.text == doc.text and back.pages == doc.pages and back.words == doc.words
    assert (back.path, back.name, back.kind, back.sha256) == (
        doc.path,
        doc.name,
        doc.kind,
        doc.sha256,
    )
    blob = tmp_path / "blobs" / doc.sha256
    assert blob.read_bytes() == (RESOURCES / "nota.pdf").read_bytes()


def test_children_stored_with_parent_and_bytes(tmp_path: Path) -> None:
    doc = read_path(RESOURCES / "mail.eml")
    with CaseStore(tmp_path) as store:
        doc_id = store.add_document(doc)
        back = store.get_document(doc_id)
        rows = store.list_documents()
        assert list(store.iter_document_ids()) == [doc_id]
        assert len(list(store.iter_document_ids(include_children=True))) == 2
    assert back.fields == doc.fields and back.warnings == doc.warnings
    child = back.children[0]
    assert child.path.endswith("mail.eml#nota.pdf") and child.parent_path == doc.path
    assert child.data is not None and sha256_bytes(child.data) == child.sha256
    assert child.words == doc.children[0].words
    assert [r.parent_id for r in rows] == [None, doc_id]


def test_add_is_idempotent(tmp_path: Path) -> None:
    doc = read_path(RESOURCES / "bundel.zip")
    with CaseStore(tmp_path) as store:
        first = store.add_document(doc)
        assert store.add_document(read_path(RESOURCES / "bundel.zip")) == first
        assert store.count_documents() == len(doc.walk())
    with CaseStore(tmp_path) as store:  # and across connections
        assert store.add_document(doc) == first
        assert store.count_documents() == len(doc.walk())


def test_same_content_other_path_is_another_document(tmp_path: Path) -> None:
    a = read_path(RESOURCES / "notities.md")
    b = read_path(RESOURCES / "notities.md")
    b.path = "elders/notities.md"
    with CaseStore(tmp_path) as store:
        assert store.add_document(a) != store.add_document(b)
        assert len(list((tmp_path / "blobs").iterdir())) == 1  # one blob per content


def test_failed_insert_leaves_nothing(tmp_path: Path) -> None:
    doc = read_path(RESOURCES / "mail.eml")
    doc.children.append(doc.children[0])  # duplicate child path+hash violates UNIQUE
    with CaseStore(tmp_path) as store:
        with pytest.raises(sqlite3.IntegrityError):
            store.add_document(doc)
        assert store.count_documents() == 0


def test_failures_recorded_and_replaced(tmp_path: Path) -> None:
    with CaseStore(tmp_path) as store:
        store.record_failure("a.pdf", "corrupt", "kapot")
        store.record_failure("a.pdf", "encrypted", "wachtwoord")
        store.record_failure("b.zip", "zip-bomb", "bom")
        got = [(f.path, f.reason, f.detail) for f in store.failures()]
    assert got == [("a.pdf", "encrypted", "wachtwoord"), ("b.zip", "zip-bomb", "bom")]


def test_transaction_rolls_back(tmp_path: Path) -> None:
    with CaseStore(tmp_path) as store:
        with pytest.raises(RuntimeError):
            with store.transaction():
                store.conn.execute(
                    "INSERT INTO failures(path, reason, detail, time) VALUES ('x','y','z','t')"
                )
                with store.transaction():  # nested joins the outer one
                    pass
                raise RuntimeError("boom")
        assert store.failures() == []


def test_ensure_schema_once(tmp_path: Path) -> None:
    sql = "CREATE TABLE judgements (doc_id INTEGER REFERENCES documents(id), verdict TEXT);"
    with CaseStore(tmp_path) as store:
        store.ensure_schema("case", sql)
        store.ensure_schema("case", sql)  # no error: recorded, not re-run
        store.conn.execute("INSERT INTO judgements VALUES (NULL, 'openbaar')")
        with pytest.raises(CaseError):
            store.ensure_schema("kapot", "CREATE TABLE (")


def test_wal_and_foreign_keys(tmp_path: Path) -> None:
    with CaseStore(tmp_path) as store:
        assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert store.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1


def test_unknown_document(tmp_path: Path) -> None:
    with CaseStore(tmp_path) as store, pytest.raises(CaseError):
        store.get_document(42)


def test_not_a_database(tmp_path: Path) -> None:
    (tmp_path / "case.sqlite").write_bytes(b"dit is geen database" * 100)
    with pytest.raises(CaseError):
        CaseStore(tmp_path)
