"""The overview's and document page's aggregate queries agree with the case API."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from wooflow.case import Case, findings, judgements, persons, set_scope
from wooflow.web import queries


def test_case_counts_match_the_case_api(case_dir: Path, ids: dict[str, int]) -> None:
    with Case(case_dir) as case:
        set_scope(case, [ids["verslag.txt"]], False, "buiten periode")
        c = queries.case_counts(case)
        judged = judgements(case)
        recs = findings(case)
        people = persons(case)
        records = case.records()
    assert c.total == len(records) == 3
    assert c.in_scope == 2
    assert c.by_judgement == Counter(j.judgement for j in judged)
    assert c.by_type == Counter(r.type or "other" for r in records)
    assert sum(c.findings.values()) == len(recs)
    assert c.findings["keep"] == 1 and c.findings["proposed"] == len(recs) - 1
    assert c.persons == len(people)
    assert c.persons_undecided == sum(1 for p in people if p.decision == "undecided")
    # in scope and not dubbel: the nota and the kept minutes; both still have proposals
    assert (c.to_review, c.reviewed, c.percent) == (2, 0, 0)


def test_progress_moves_when_proposals_are_decided(case_dir: Path, ids: dict[str, int]) -> None:
    from wooflow.case import reject

    with Case(case_dir) as case:
        nota = ids["nota-overleg.txt"]
        assert queries.open_doc_ids(case, [nota]) == {nota}
        for r in findings(case, nota):
            if r.status == "proposed" and r.finding.action == "redact":
                reject(case, r.id)
        assert queries.open_doc_ids(case, [nota]) == set()
        assert queries.case_counts(case).reviewed == 1
        assert queries.next_open(case, nota) != nota


def test_neighbours_duplicates_and_names(case_dir: Path, ids: dict[str, int]) -> None:
    with Case(case_dir) as case:
        dup = next(j for j in judgements(case) if j.judgement == "dubbel")
        first, last = min(case.doc_ids()), max(case.doc_ids())
        assert queries.neighbours(case, first) == (None, first + 1)
        assert queries.neighbours(case, last) == (last - 1, None)
        assert queries.duplicates_of(case, dup.duplicate_of) == [dup.doc_id]
        assert queries.duplicate_targets(case, case.doc_ids()) == {dup.doc_id: dup.duplicate_of}
        assert queries.names(case, [ids["verslag.txt"]]) == {ids["verslag.txt"]: "verslag.txt"}
        assert queries.children(case, first) == []
        assert queries.thread_members(case, None, first) == []
        docs = queries.person_documents(case, ["devries|k"])
        assert docs["devries|k"] and set(docs["devries|k"]) <= set(case.doc_ids())
        assert "case.init" in queries.audit_actions(case)
