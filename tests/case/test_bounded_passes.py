"""Case-wide passes read the case in bounded pages, with the same result as one read."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any

import pytest

from wooflow.case import Case, findings, record_findings
from wooflow.case.review import iter_findings
from wooflow.model import Finding
from wooflow.store.repos import findings as finding_rows
from wooflow.store.repos import persons as person_rows

persons_mod = importlib.import_module("wooflow.case.persons")  # the package exports a function "persons"


def _f(text: str, needle: str, category: str = "person", action: str = "redact") -> Finding:
    start = text.index(needle)
    return Finding(start, start + len(needle), needle, category, action, "5.1.2e", 0.8, "test", "test")


def _spy(monkeypatch: pytest.MonkeyPatch, module: Any, name: str, sizes: list[int]) -> None:
    real = getattr(module, name)

    def counted(*args: Any, **kw: Any) -> Any:
        rows = real(*args, **kw)
        sizes.append(len(rows))
        return rows

    monkeypatch.setattr(module, name, counted)


def test_person_keys_in_pages_see_the_whole_case(
    case: Case, add_text: Callable[..., int], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A lone surname in the first document joins the full name found only in the last one:
    the first pass over every page decides that before any finding is keyed."""
    texts = ["Gesprek met Kuipers over de begroting.", "Sanne belde terug.", "Overleg gepland.",
             "Minister Bakker en Kuipers spraken.", "Groet, Sanne Kuipers (s.kuipers@minvws.nl)"]
    ids = [add_text(f"d{i}.txt", t) for i, t in enumerate(texts)]
    record_findings(case, {
        ids[0]: [_f(texts[0], "Kuipers")],
        ids[1]: [_f(texts[1], "Sanne")],
        ids[3]: [_f(texts[3], "Bakker", action="keep"), _f(texts[3], "Kuipers")],
        ids[4]: [_f(texts[4], "Sanne Kuipers"), _f(texts[4], "s.kuipers@minvws.nl", "email")],
    }, persons=False)
    sizes: list[int] = []
    _spy(monkeypatch, person_rows, "person_findings_after", sizes)
    monkeypatch.setattr(persons_mod, "PERSON_PAGE", 2)
    persons_mod.assign_keys(case)
    assert sizes and max(sizes) <= 2 and sum(sizes) == 2 * 6  # two passes over 6 findings
    keys = {r.finding.text: r.person_key for r in findings(case)}
    assert keys["Kuipers"] == keys["Sanne"] == keys["Sanne Kuipers"] == keys["s.kuipers@minvws.nl"] == "kuipers|s"
    assert keys["Bakker"] == "bakker|"
    people = {p.key: p for p in persons_mod.persons(case)}
    assert people["kuipers|s"].display == "Sanne Kuipers"
    assert sorted(people["kuipers|s"].forms) == ["Kuipers", "Sanne", "Sanne Kuipers", "s.kuipers@minvws.nl"]
    assert people["bakker|"].decision == "keep"
    # a second run changes nothing
    persons_mod.assign_keys(case)
    assert {r.finding.text: r.person_key for r in findings(case)} == keys


def test_iter_findings_pages_by_document_in_the_same_order(
    case: Case, add_text: Callable[..., int], monkeypatch: pytest.MonkeyPatch
) -> None:
    results = {}
    for i in range(5):
        text = f"Bel 06-1234567{i} of mail jan{i}@x.nl, Jan Jansen{i}."
        doc = add_text(f"d{i}.txt", text)
        results[doc] = [_f(text, f"06-1234567{i}", "phone"), _f(text, f"jan{i}@x.nl", "email"),
                        _f(text, f"Jan Jansen{i}")]
    record_findings(case, results)
    sizes: list[int] = []
    _spy(monkeypatch, finding_rows, "rows_between", sizes)
    paged = [(r.id, r.doc_id, r.finding.start) for r in iter_findings(case, page_docs=2)]
    assert paged == [(r.id, r.doc_id, r.finding.start) for r in findings(case)]
    assert len(paged) == 15 and max(sizes) <= 6 and len(sizes) >= 3
    proposed = [r.id for r in iter_findings(case, status="proposed", page_docs=1)]
    assert proposed == [r.id for r in findings(case, status="proposed")]


def test_person_decisions_are_applied_through_the_documents_not_the_persons(
    case: Case, add_text: Callable[..., int]
) -> None:
    """``apply_person_decision`` per batch of documents reads only those documents' findings
    (issue 15p): on the person_key index it read every finding of each decided person in the
    whole case per batch, quadratic in the case size. Same statuses as before."""
    text = "Gesprek met Sanne Kuipers en Piet Bakker."
    ids = [add_text(f"d{i}.txt", text) for i in range(6)]
    record_findings(case, {d: [_f(text, "Sanne Kuipers"), _f(text, "Piet Bakker")] for d in ids}, persons=False)
    persons_mod.assign_keys(case)
    keys = {r.finding.text: r.person_key for r in findings(case)}
    with case.transaction() as conn:
        person_rows.set_decision(conn, keys["Sanne Kuipers"], "redact", "tester", "2024-01-01")
        for i in range(400):  # a case's persons: SQLite then weighs the person_key index as in a real case
            person_rows.insert(conn, f"persoon{i}|", f"Persoon {i}", "redact", "[]")
    statements: list[tuple[str, tuple[Any, ...]]] = []

    class Spy:
        def execute(self, sql: str, args: tuple[Any, ...]) -> Any:
            statements.append((sql, args))
            return case.conn.execute(sql, args)

    with case.transaction():
        # a batch of 500 ids, as settle_persons sends (a short list kept SQLite on the doc index)
        batch = ids[:3] + list(range(10**6, 10**6 + 497))
        finding_rows.apply_person_decision(Spy(), batch, "redact", "accepted", "", "2024-01-02")
    accepted = {(r.doc_id, r.finding.text) for r in findings(case) if r.status == "accepted"}
    assert accepted == {(d, "Sanne Kuipers") for d in ids[:3]}
    if case.location.is_postgres:
        return  # the plan below is SQLite's
    (sql, args), = statements
    plan = " ".join(str(tuple(r)) for r in case.conn.execute("EXPLAIN QUERY PLAN " + sql, args))
    assert "case_findings_doc" in plan and "case_findings_person" not in plan


def test_derived_grounds_read_row_by_row_as_from_one_list(case: Case, add_text: Callable[..., int]) -> None:
    """The judgement refresh reads the redacting findings' grounds one row at a time (issue
    15p: one list of every redacting finding was ~300 MiB at 100,000 documents); each distinct
    ground text is normalised once. Same grounds per document as normalising every row."""
    from collections import defaultdict

    from wooflow.store.repos import judgements as judgement_rows

    judgement = importlib.import_module("wooflow.case.judgement")  # the package exports a function "judgement"

    text = "Sanne Kuipers belde met Piet Bakker over 06-12345678."
    ids = [add_text(f"d{i}.txt", text) for i in range(4)]
    variants = ["5.1.2e", "5.1.2.e", "5.1.2 e", "5.1.1d", "5.1.2.E"]

    def found(i: int, needle: str, ground: str) -> Finding:
        return Finding(text.index(needle), text.index(needle) + len(needle), needle, "person", "redact", ground,
                       0.9, "test", "test")  # fmt: skip

    record_findings(case, {d: [found(i, "Sanne Kuipers", variants[i]), found(i, "Piet Bakker", variants[i + 1])]
                           for i, d in enumerate(ids)}, persons=False)  # fmt: skip
    with case.transaction() as conn:
        conn.execute("UPDATE case_findings SET status='accepted'")
    rows = judgement_rows.redacting_grounds(case.conn, None)
    assert not isinstance(rows, list)
    reference: dict[int, set[str]] = defaultdict(set)
    for doc_id, ground in list(rows):
        reference[doc_id].add(judgement.normalise_ground(ground))
    expected = {k: sorted(v, key=judgement.ground_order) for k, v in reference.items()}
    assert judgement._derived_grounds(case, None) == expected
    assert expected[ids[0]] == ["5.1.2e"] and expected[ids[2]] == ["5.1.1d", "5.1.2e"]
