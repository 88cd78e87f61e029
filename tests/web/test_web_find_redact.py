"""Find and redact across the case: count, confirm, redact every occurrence, undo."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote_plus

import pytest

from tests.web.conftest import make_client
from wooflow.case import Case, accept, findings, judgement, judgements, workflow
from wooflow.case.find_redact import plan
from wooflow.case.users import User


def test_count_confirm_redact_and_undo(case_dir: Path, ids: dict[str, int]) -> None:
    with make_client(case_dir, "anna") as c:
        page = c.get("/zoeken-lakken", params={"q": "de gemeente", "ground": "5.1.2i"}).text
        # "De gemeente" (verslag, verslag-kopie) and "de gemeente" (nota): whole words, any case
        assert "“de gemeente”: 3 keer in 3 documenten" in page
        assert "Ja, 3 keer lakken met 5.1.2i" in page and 'name="aantal" value="3"' in page
        assert "<mark>De gemeente</mark> zoekt" in page
        r = c.post("/zoeken-lakken", data={"q": "de gemeente", "ground": "5.1.2i", "category": "other",
                                           "aantal": "3"})  # fmt: skip
        assert "3 keer gelakt (5.1.2i) in 3 documenten" in unquote_plus(r.headers["location"])
        with Case(case_dir) as case:
            added = [r for r in findings(case) if r.source == "manual"]
            assert len(added) == 3 and {r.finding.ground for r in added} == {"5.1.2i"}
            assert {r.status for r in added} == {"added"}
            assert judgement(case, ids["nota-overleg.txt"]).judgement == "deels openbaar"
        again = c.get("/zoeken-lakken", params={"q": "De Gemeente"}).text
        assert "0 keer in 0 documenten" in again and "3 keer staat het al onder een lakking" in again
        r = c.post("/ongedaan-maken")
        assert "zoeken en lakken" in unquote_plus(r.headers["location"])
        with Case(case_dir) as case:
            assert not [r for r in findings(case) if r.source == "manual"]


def test_a_case_wide_redaction_reopens_finished_documents_only(case_dir: Path, ids: dict[str, int]) -> None:
    """Nobody opened the nota: it stays "nieuw"; the verslag was beoordeeld and gets a new
    redaction: back to "in behandeling" (the change must be reviewed again)."""
    nota = ids["nota-overleg.txt"]
    with Case(case_dir) as case:
        verslag = next(j.duplicate_of for j in judgements(case) if j.duplicate_of)  # the one kept
        for r in findings(case, verslag, status="proposed"):
            accept(case, r.id, verslag)
        workflow.set_status(case, verslag, workflow.DONE, User("anna", "reviewer"))
        assert workflow.statuses(case, [nota, verslag]) == {nota: "nieuw", verslag: "beoordeeld"}
    with make_client(case_dir, "coord") as c:
        r = c.post("/zoeken-lakken", data={"q": "de gemeente", "ground": "5.1.2i", "category": "other",
                                           "aantal": "3"})  # fmt: skip
        assert "3 keer gelakt" in unquote_plus(r.headers["location"])
    with Case(case_dir) as case:
        assert workflow.statuses(case, [nota, verslag]) == {nota: "nieuw", verslag: "in behandeling"}


def test_a_changed_count_and_bad_input_are_refused(case_dir: Path) -> None:
    with make_client(case_dir, "anna") as c:
        r = c.post("/zoeken-lakken", data={"q": "planning", "ground": "5.1.2e", "aantal": "7"})
        assert "intussen veranderd (3 in plaats van 7)" in unquote_plus(r.headers["location"])
        r = c.post("/zoeken-lakken", data={"q": "planning", "ground": "", "aantal": "3"})
        assert "kies een weigeringsgrond" in unquote_plus(r.headers["location"])
        r = c.post("/zoeken-lakken", data={"q": "bestaatnergens", "ground": "5.1.2e"})
        assert "staat nergens" in unquote_plus(r.headers["location"])
        assert "zoek op minstens 2 tekens" in c.get("/zoeken-lakken", params={"q": "x"}).text
    with make_client(case_dir, "vera") as c:
        assert c.post("/zoeken-lakken", data={"q": "planning", "ground": "5.1.2e"}).status_code == 403
        assert "Ja, " not in c.get("/zoeken-lakken", params={"q": "planning"}).text


def test_whole_words_only(case_dir: Path) -> None:
    with Case(case_dir) as case:
        found = plan(case, "Jansen")
        # two in each minutes; in the nota "Jan Jansen" and "j.jansen" are already redacted
        assert (found.count, found.documents, found.already) == (4, 2, 2)
        assert plan(case, "Janse").count == 0


def test_candidates_from_the_index_miss_nothing(case_dir: Path) -> None:
    """The index gives the candidates (the longest word); a stop word PostgreSQL leaves out of
    its index falls back to scanning the texts: the count is that of an exact search."""
    import re

    with Case(case_dir) as case:
        texts = [case.text(d) for d in case.doc_ids()]
        for query in ("de", "het overleg", "De Jonge", "planning"):
            pattern = re.compile(r"(?<!\w)" + r"\s+".join(map(re.escape, query.split())) + r"(?!\w)", re.I)
            exact = sum(len(pattern.findall(t)) for t in texts)
            found = plan(case, query)
            assert exact > 0 and found.count + found.already == exact, query


def test_a_word_in_too_many_documents_is_refused_with_the_count(
    case_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A very common word is not scanned in every text: the page says how many documents and
    asks for a narrower search (the limit is 2,500 documents; here lowered to 2)."""
    from wooflow.case import find_redact

    monkeypatch.setattr(find_redact, "MAX_DOCUMENTS", 2)
    with make_client(case_dir, "anna") as c:
        page = c.get("/zoeken-lakken", params={"q": "de"}).text
        assert "“de” kan in 3 documenten staan: te veel om in één keer te zoeken en te lakken" in page
        assert "(hoogstens 2 documenten)" in page and "Ja, " not in page
        r = c.post("/zoeken-lakken", data={"q": "de", "ground": "5.1.2e", "aantal": "9"})
        assert "kan in 3 documenten staan" in unquote_plus(r.headers["location"])
        monkeypatch.setattr(find_redact, "MAX_DOCUMENTS", 3)
        assert "keer in 3 documenten" in c.get("/zoeken-lakken", params={"q": "de"}).text
