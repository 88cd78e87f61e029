"""Accounts, sessions, document status and progress, assignment, locking, bulk and undo."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

import pytest

from wooflow.case import (
    Case,
    accept,
    bulk,
    findings,
    judge,
    judgement,
    locking,
    record_findings,
    reject,
    undo,
    users,
    workflow,
)
from wooflow.exceptions import CaseError
from wooflow.model import Finding

TEXT = "Van: Jan Jansen. Minister De Jonge opende. Bel 06-12345678. Groet, Jan Jansen."


def _f(text: str, needle: str, category: str, action: str = "redact", nth: int = 0) -> Finding:
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    return Finding(start, start + len(needle), needle, category, action,
                   "5.1.2e" if action == "redact" else None, 0.8, "test", "test")


@pytest.fixture
def doc(case: Case, add_text: Callable[..., int]) -> int:
    doc_id = add_text("nota.txt", TEXT)
    record_findings(case, {doc_id: [
        _f(TEXT, "Jan Jansen", "person"),
        _f(TEXT, "Jan Jansen", "person", nth=1),
        _f(TEXT, "De Jonge", "person", action="keep"),
        _f(TEXT, "06-12345678", "phone"),
        _f(TEXT, "Minister", "other", action="keep"),
    ]})
    users.add_user(case, "anna", "reviewer", "wachtwoord-1")
    users.add_user(case, "bert", "reviewer", "wachtwoord-2")
    return doc_id


def _as(case: Case, name: str) -> Case:
    return Case(case.dir, actor=name)


def test_accounts_hash_passwords_and_sessions_carry_csrf(case: Case, doc: int) -> None:
    row = case.conn.execute("SELECT pw_hash FROM case_users WHERE username='anna'").fetchone()
    assert row[0].startswith("$argon2id$") and "wachtwoord-1" not in row[0]
    assert users.verify(case.conn, "anna", "wachtwoord-1") == users.User("anna", "reviewer")
    assert users.verify(case.conn, "anna", "fout") is None
    assert users.verify(case.conn, "niemand", "wachtwoord-1") is None
    token, csrf = users.start_session(case.conn, "anna")
    found = users.session_user(case.conn, token)
    assert found == (users.User("anna", "reviewer"), csrf)
    stored = [r[0] for r in case.conn.execute("SELECT token_hash FROM case_sessions")]
    assert token not in stored  # only the hash is kept
    users.deactivate(case, "anna")
    assert users.session_user(case.conn, token) is None
    assert users.verify(case.conn, "anna", "wachtwoord-1") is None


def test_bad_accounts_are_refused_in_dutch(case: Case, doc: int) -> None:
    with pytest.raises(CaseError, match="bestaat al"):
        users.add_user(case, "anna", "reviewer", "wachtwoord-3")
    with pytest.raises(CaseError, match="minstens"):
        users.add_user(case, "carla", "reviewer", "kort")
    with pytest.raises(CaseError, match="onbekende rol"):
        users.add_user(case, "carla", "baas", "wachtwoord-3")
    with pytest.raises(CaseError, match="ongeldige gebruikersnaam"):
        users.add_user(case, "Carla Smit", "reviewer", "wachtwoord-3")
    with pytest.raises(CaseError, match="gereserveerd"):
        users.add_user(case, "wooflow", "reviewer", "wachtwoord-3")


def test_status_and_progress_need_a_person_to_finish_a_document(case: Case, doc: int) -> None:
    anna = users.User("anna", "reviewer")
    # no open redaction left does not make it "beoordeeld": nobody declared it done
    for r in findings(case, doc):
        reject(case, r.id, doc)
    assert workflow.status(case, doc) == "nieuw"
    assert workflow.progress(case).text() == "0 van 1 documenten beoordeeld (0%)"
    with case.transaction():
        workflow.touch(case, doc)
    assert workflow.status(case, doc) == "in behandeling"
    workflow.set_status(case, doc, "beoordeeld", anna)
    assert workflow.progress(case).done == 1
    with pytest.raises(CaseError, match="iemand anders"):
        workflow.set_status(case, doc, "gecontroleerd", anna)
    workflow.set_status(case, doc, "gecontroleerd", users.User("bert", "reviewer"))
    assert workflow.status(case, doc) == "gecontroleerd"
    # new detection brings an open proposal: the document is being worked on again
    record_findings(case, {doc: [_f(TEXT, "Groet", "other")]})
    assert workflow.status(case, doc) == "in behandeling"
    assert workflow.progress(case).done == 0


def test_beoordeeld_refused_while_proposals_are_open(case: Case, doc: int) -> None:
    with pytest.raises(CaseError, match="5 voorstellen open"):
        workflow.set_status(case, doc, "beoordeeld", users.User("anna", "reviewer"))


def test_assignment_and_work(case: Case, doc: int) -> None:
    assert workflow.assign(case, [doc], "anna") == 1
    assert workflow.work_of(case, "anna") == [doc]
    assert workflow.assignees(case, [doc]) == {doc: "anna"}
    workflow.assign(case, [doc], None)
    assert workflow.work_of(case, "anna") == []
    with pytest.raises(CaseError, match="bestaat niet"):
        workflow.assign(case, [doc], "niemand")


def test_finding_versions_move_with_every_change_including_person_decisions(
    case: Case, doc: int
) -> None:
    recs = findings(case, doc)
    first, second = (r for r in recs if r.finding.text == "Jan Jansen")
    v0 = locking.finding_versions(case, doc)
    assert v0[first.id] == locking.finding_version(case, first.id)
    accept(_as(case, "anna"), first.id, doc)  # person decision: the other occurrence moves too
    v1 = locking.finding_versions(case, doc)
    assert v1[first.id] > v0[first.id] and v1[second.id] > v0[second.id]
    entry = locking.newer(case, v1[second.id], v0[second.id])
    assert entry is not None and entry.actor == "anna"
    assert locking.newer(case, v1[second.id], v1[second.id]) is None
    j0 = locking.judgement_version(case, doc)
    judge(case, doc, "deels openbaar")
    assert locking.judgement_version(case, doc) > j0


def test_bulk_keep_and_undo(case: Case, doc: int) -> None:
    anna = _as(case, "anna")
    with anna.transaction(), undo.recording(anna, "alle openbaar", [doc], doc_id=doc):
        ids = bulk.accept_keep(anna, doc)
    assert len(ids) == 2
    assert {r.status for r in findings(case, doc) if r.finding.action == "keep"} == {"accepted"}
    assert undo.last_label(case, "anna") == "alle openbaar"
    assert undo.last_label(case, "bert") is None
    label, where = undo.undo_last(anna)
    assert (label, where) == ("alle openbaar", doc)
    assert {r.status for r in findings(case, doc) if r.finding.action == "keep"} == {"proposed"}
    with pytest.raises(CaseError, match="niets"):
        undo.undo_last(anna)


def test_undo_of_a_person_accept_removes_the_propagation(case: Case, doc: int) -> None:
    anna = _as(case, "anna")
    first = next(r for r in findings(case, doc) if r.finding.text == "Jan Jansen")
    with anna.transaction(), undo.recording(anna, "accept", [doc], [first.person_key], doc):
        accept(anna, first.id, doc)
    assert judgement(case, doc).judgement == "deels openbaar"
    undo.undo_last(anna)
    assert {r.status for r in findings(case, doc) if r.finding.category == "person"
            and r.finding.action == "redact"} == {"proposed"}
    person = case.conn.execute("SELECT decision FROM case_persons WHERE key=?",
                               (first.person_key,)).fetchone()
    assert person[0] == "undecided"
    assert judgement(case, doc).judgement == "openbaar"


def test_undo_refuses_when_someone_changed_the_rows_since(case: Case, doc: int) -> None:
    anna, bert = _as(case, "anna"), _as(case, "bert")
    phone = next(r for r in findings(case, doc) if r.finding.category == "phone")
    with anna.transaction(), undo.recording(anna, "accept", [doc], doc_id=doc):
        accept(anna, phone.id, doc)
    reject(bert, phone.id, doc)
    with pytest.raises(undo.StaleUndo, match="bert"):
        undo.undo_last(anna)
    assert next(r for r in findings(case, doc) if r.id == phone.id).status == "rejected"


def test_change_ground_one_or_everywhere(case: Case, doc: int) -> None:
    names = [r for r in findings(case, doc) if r.finding.text == "Jan Jansen"]
    bulk.change(case, names[0].id, ground="5.1.2i")
    got = {r.id: r.finding.ground for r in findings(case, doc)}
    assert got[names[0].id] == "5.1.2i" and got[names[1].id] == "5.1.2e"
    changed = bulk.change(case, names[0].id, ground="5.1.1d", category="special_category",
                          everywhere=True)
    assert sorted(changed) == sorted(r.id for r in names)
    after = [r for r in findings(case, doc) if r.id in changed]
    assert {(r.finding.ground, r.finding.category) for r in after} == {("5.1.1d", "special_category")}
    assert judgement(case, doc).grounds == ["5.1.1d"]
    with pytest.raises(CaseError, match="onbekende weigeringsgrond"):
        bulk.change(case, names[0].id, ground="9.9")


def test_people_tables_survive_a_plain_connection(case: Case, doc: int) -> None:
    from wooflow.store import open_connection

    conn = open_connection(case.dir)  # the folder names the case (PostgreSQL: via database.url)
    assert users.has_users(conn)
    conn.close()
