"""The store contract: the same tests on both stores (fixture ``case_location``: an SQLite case
folder and a PostgreSQL database on a throwaway loopback cluster)."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from wooflow.exceptions import CaseError
from wooflow.ingest import read_path
from wooflow.model import Document
from wooflow.store import CaseStore, case_lock, open_connection, parse_location
from wooflow.store.search_index import search_index

RESOURCES = Path(__file__).resolve().parents[1] / "resources" / "ingest" / "good"


def _doc(name: str, text: str) -> Document:
    data = text.encode()
    return Document(path=f"/bron/{name}", name=name, kind="text", sha256=hashlib.sha256(data).hexdigest(),
                    text=text, data=data)


def test_documents_pages_words_children_and_blobs_round_trip(case_location: str) -> None:
    pdf, mail = read_path(RESOURCES / "nota.pdf"), read_path(RESOURCES / "mail.eml")
    with CaseStore(case_location) as store:
        a, b = store.add_document(pdf), store.add_document(mail)
        back = store.get_document(a)
        assert (back.text, back.pages, back.words) == (pdf.text, pdf.pages, pdf.words)
        assert store.blob_path(pdf.sha256).read_bytes() == (RESOURCES / "nota.pdf").read_bytes()
        child = store.get_document(b).children[0]
        assert child.words == mail.children[0].words and child.data is not None
        assert list(store.iter_document_ids()) == [a, b]
        assert store.count_documents() == 3
        assert [r.parent_id for r in store.list_documents()] == [None, None, b]
    with CaseStore(case_location) as store:  # a second connection sees the same, add is idempotent
        assert store.add_document(read_path(RESOURCES / "nota.pdf")) == a
        assert store.find_document(pdf.path, pdf.sha256) == a


def test_failures_are_recorded_replaced_and_cleared(case_location: str) -> None:
    with CaseStore(case_location) as store:
        store.record_failure("/in/kapot.pdf", "corrupt", "eerste")
        store.record_failure("/in/kapot.pdf", "corrupt", "tweede")
        store.record_failure("/in/leeg.txt", "empty", "leeg")
        assert [(f.path, f.detail) for f in store.failures()] == [("/in/kapot.pdf", "tweede"), ("/in/leeg.txt", "leeg")]
        store.clear_failure("/in/kapot.pdf")
        assert [f.path for f in store.failures()] == ["/in/leeg.txt"]


def test_unit_of_work_rolls_back_as_a_whole_and_nests(case_location: str) -> None:
    with CaseStore(case_location) as store:
        with pytest.raises(RuntimeError), store.transaction():
            store.add_document(_doc("a.txt", "eerste"))
            with store.transaction():  # joins the outer one
                store.record_failure("/x", "corrupt", "d")
            raise RuntimeError("stop")
        assert store.count_documents() == 0 and store.failures() == []
        with store.transaction():
            store.add_document(_doc("b.txt", "tweede"))
    with CaseStore(case_location) as store:
        assert store.count_documents() == 1


def test_ensure_schema_creates_once_and_reruns_when_changed(case_location: str) -> None:
    v1 = "CREATE TABLE IF NOT EXISTS extra_t (id INTEGER PRIMARY KEY, score REAL, data BLOB, note TEXT);"
    v2 = v1 + "\nCREATE INDEX IF NOT EXISTS extra_t_note ON extra_t(note);"
    with CaseStore(case_location) as store:
        store.ensure_schema("extra", v1)
        store.ensure_schema("extra", v1)
        with store.transaction() as conn:
            new_id = conn.execute("INSERT INTO extra_t(score, data, note) VALUES (?, ?, ?) RETURNING id",
                                  (0.25, b"\x00\x01", "x")).fetchone()[0]
        store.ensure_schema("extra", v2)
        row = store.conn.execute("SELECT score, data, note FROM extra_t WHERE id = ?", (new_id,)).fetchone()
        assert (row["score"], bytes(row["data"]), row[2]) == (0.25, b"\x00\x01", "x")
        with pytest.raises(CaseError):
            store.ensure_schema("broken", "CREATE TABLE oops (")


def test_upsert_ignore_and_null_safe_comparison_behave_alike(case_location: str) -> None:
    from wooflow.store.dialect import upsert_sql

    with CaseStore(case_location) as store:
        store.ensure_schema("kv", "CREATE TABLE IF NOT EXISTS kv_t (k TEXT PRIMARY KEY, v TEXT, n INTEGER);")
        with store.transaction() as conn:
            conn.execute(upsert_sql("kv_t", ("k", "v", "n"), "k"), ("a", "1", None))
            conn.execute(upsert_sql("kv_t", ("k", "v", "n"), "k"), ("a", "2", 5))
            conn.execute("INSERT OR IGNORE INTO kv_t(k, v) VALUES (?, ?)", ("a", "3"))
            conn.execute("INSERT OR IGNORE INTO kv_t(k, v) VALUES (?, ?)", ("b", "%s 50%"))
        rows = [tuple(r) for r in store.conn.execute("SELECT k, v, n FROM kv_t ORDER BY k")]
        assert rows == [("a", "2", 5), ("b", "%s 50%", None)]
        assert store.conn.execute("SELECT k FROM kv_t WHERE n IS ?", (None,)).fetchone()[0] == "b"
        assert store.conn.execute("SELECT k FROM kv_t WHERE v LIKE '%50%'").fetchone()[0] == "b"


def test_search_index_finds_replaces_and_ranks(case_location: str) -> None:
    from wooflow.case.search import parse
    from wooflow.case.text import fold, stemmed_text

    with CaseStore(case_location) as store:
        store.ensure_schema("case", __import__("wooflow.case.db", fromlist=["SCHEMA"]).SCHEMA)
        index = search_index(store.conn)

        def body(text: str) -> str:
            return stemmed_text(text) if index.body_kind == "stemmed" else fold(text)

        texts = {1: "De vergaderingen van de stuurgroep over de begroting.",
                 2: "Financiële gevolgen van de begroting en nog eens begroting begroting.",
                 3: "Een brief zonder die woorden."}
        with store.transaction() as conn:
            for doc_id, text in texts.items():
                conn.execute("INSERT INTO case_doc(doc_id, path, name, kind, sha256, text_hash) VALUES (?,?,?,?,?,?)",
                             (doc_id, f"/{doc_id}", f"{doc_id}.txt", "text", "x", "h"))
                index.put(doc_id, body(text))

        def ids(query: str) -> list[int]:
            return [int(r["doc_id"]) for r in index.page(parse(query), "", [], 20, 0, True)]

        assert ids("begroting") == [2, 1]  # ranked: more occurrences first
        assert set(ids("vergadering")) == {1} and ids("financiele") == [2]
        assert ids("stuur*") == [1] and ids('"van de stuurgroep"') == [1]
        assert ids("begroting NOT stuurgroep") == [2] and set(ids("brief OR stuurgroep")) == {1, 3}
        assert index.count(parse("begroting")) == 2 and not index.has_match_past(parse("begroting"), 50)
        old = body(texts[3]) if index.needs_old_body else None
        with store.transaction():
            index.put(3, body("Nu wel over de begroting."), old)
        assert set(ids("begroting")) == {1, 2, 3} and ids("brief") == []


def test_location_names_and_folder_pointer(case_location: str, tmp_path: Path) -> None:
    loc = parse_location(case_location)
    with CaseStore(case_location) as store:
        folder = store.case_dir
        assert (folder / "blobs").is_dir()
    again = parse_location(folder)  # naming the files folder names the same case
    assert again.is_postgres == loc.is_postgres
    conn = open_connection(folder)
    try:
        assert conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0] == 0
    finally:
        conn.close()


def test_one_batch_run_per_case(case_location: str) -> None:
    with CaseStore(case_location):
        pass
    with case_lock(case_location):
        with case_lock(case_location):  # nested in one process: shared
            pass
        import subprocess
        import sys

        probe = ("import sys\nfrom wooflow.store import case_lock\nfrom wooflow.exceptions import CaseError\n"
                 "try:\n    with case_lock(sys.argv[1]):\n        sys.exit(0)\nexcept CaseError:\n    sys.exit(3)\n")
        held = subprocess.run([sys.executable, "-c", probe, case_location], check=False, timeout=60)
        assert held.returncode == 3
    free = subprocess.run([sys.executable, "-c", probe, case_location], check=False, timeout=60)
    assert free.returncode == 0
