from __future__ import annotations

from wooflow.case import Case, search
from wooflow.case.index import IndexRow, insert_rows, optimize_index


def test_reindex_replaces_contentless_fts_row(case: Case, add_text) -> None:
    doc_id = add_text("a.txt", "Tekst over de begroting.")
    rec = case.record(doc_id)
    row = IndexRow(doc_id, None, rec.path, rec.name, rec.kind, rec.sha256, case.text(doc_id),
                   type="nota", title="Stikstofnota")
    with case.transaction() as conn:
        insert_rows(conn, [row])
    assert [h.doc_id for h in search(case, "stikstofnota")] == [doc_id]
    row.title = "Energienota"
    with case.transaction() as conn:
        insert_rows(conn, [row])
    optimize_index(case)
    assert search(case, "stikstofnota") == []
    assert [h.doc_id for h in search(case, "energienota")] == [doc_id]
    assert [h.doc_id for h in search(case, "begroting")] == [doc_id]
    assert case.record(doc_id).type == "nota"


def test_open_indexes_documents_stored_meanwhile(case: Case, make_doc) -> None:
    case.store.add_document(make_doc("later.txt", "Later ingelezen nota over stikstof."))
    again = Case.open(case.dir)
    assert [h.name for h in search(again, "stikstof")] == ["later.txt"]
    again.close()
