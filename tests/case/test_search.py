from __future__ import annotations

import pytest

from wooflow.case import Case, SearchFilters, count, search, set_scope
from wooflow.case.search import parse
from wooflow.exceptions import CaseError

DOCS = {
    "nota.txt": "Nota aan de minister. De financiële gevolgen van de maatregel zijn groot.",
    "verslag.txt": "Verslag van de vergadering over de begroting. Actiepunt: budget herzien.",
    "brief.txt": "Brief over de vergaderingen van de stuurgroep en de gevolgen voor gemeenten.",
    "overig.txt": "Een bericht over het weer en de kantine.",
}


@pytest.fixture
def ids(case: Case, add_text) -> dict[str, int]:
    return {name: add_text(name, text) for name, text in DOCS.items()}


def names(hits) -> set[str]:
    return {h.name for h in hits}


def test_diacritics_folded(case: Case, ids) -> None:
    hits = search(case, "financiele")
    assert names(hits) == {"nota.txt"}
    assert "«financiële»" in hits[0].snippet  # highlighted in the ORIGINAL text
    s, e = hits[0].spans[0]
    assert DOCS["nota.txt"][s:e] == "financiële"


def test_stemming(case: Case, ids) -> None:
    assert names(search(case, "vergaderingen")) == {"verslag.txt", "brief.txt"}
    assert names(search(case, "vergadering")) == {"verslag.txt", "brief.txt"}


def test_phrase(case: Case, ids) -> None:
    assert names(search(case, '"financiele gevolgen"')) == {"nota.txt"}
    assert names(search(case, '"gevolgen financiele"')) == set()


def test_boolean_operators(case: Case, ids) -> None:
    assert names(search(case, "vergadering NOT begroting")) == {"brief.txt"}
    assert names(search(case, "vergadering -begroting")) == {"brief.txt"}
    assert names(search(case, "kantine OR budget")) == {"overig.txt", "verslag.txt"}
    assert names(search(case, "gevolgen AND (maatregel OF stuurgroep)")) == {"nota.txt", "brief.txt"}
    assert names(search(case, "gevolgen maatregel")) == {"nota.txt"}  # implicit AND


def test_prefix(case: Case, ids) -> None:
    assert names(search(case, "begro*")) == {"verslag.txt"}
    assert names(search(case, "stuur*")) == {"brief.txt"}
    hit = search(case, "financ*")[0]
    assert "«financiële»" in hit.snippet


def test_ranking_prefers_more_matches(case: Case, add_text) -> None:
    add_text("een.txt", "begroting " + "tekst " * 50)
    add_text("veel.txt", "begroting begroting begroting tekst")
    assert [h.name for h in search(case, "begroting")] == ["veel.txt", "een.txt"]


def test_bad_queries(case: Case, ids) -> None:
    for q in ("NOT begroting", "begroting AND", "(begroting", "begroting)"):
        with pytest.raises(CaseError):
            search(case, q)


def test_parse_translates_to_stems() -> None:
    assert parse("Vergaderingen").match == '"vergader"'
    assert parse('"financiële gevolgen"').match == '"financiel gevolg"'


def test_filters(case: Case, make_doc) -> None:
    mail = make_doc(
        "mail.eml", "Van: A\n\nOverleg over de begroting", kind="email",
        fields={"from": "Sanne Kuipers <s.kuipers@minvws.nl>", "to": ["Piet Jansen <p.jansen@minvws.nl>"],
                "date": "2024-01-05T10:00:00+00:00", "subject": "Begroting", "message_id": "<m1@x>"},
        children=[make_doc("bijlage.txt", "Bijlage bij de begroting")],
    )
    mail_id = case.add_document(mail)
    nota_id = case.add_document(make_doc("nota.txt", "Nota: begroting 1 maart 2024"))
    assert names(search(case, "begroting", SearchFilters(sender="kuipers"))) == {"mail.eml"}
    assert names(search(case, "begroting", SearchFilters(addressee="jansen"))) == {"mail.eml"}
    assert names(search(case, "begroting", SearchFilters(has_attachments=True))) == {"mail.eml"}
    assert names(search(case, "begroting", SearchFilters(type="email"))) == {"mail.eml"}
    assert names(search(case, "begroting", SearchFilters(date_from="2024-01-01", date_to="2024-01-31"))) == {"mail.eml"}
    assert count(case, "begroting") == 3
    set_scope(case, [nota_id], False, "buiten periode")
    assert names(search(case, "begroting", SearchFilters(in_scope=False))) == {"nota.txt"}
    assert names(search(case, "", SearchFilters(judgement="openbaar", in_scope=True))) == {"mail.eml", "bijlage.txt"}
    assert case.record(mail_id).has_attachments


def test_any_query_gives_results_or_a_clear_error(case: Case, ids) -> None:
    from hypothesis import given, settings
    from hypothesis import strategies as st

    alphabet = st.sampled_from(list('ab éë"()*- ') + ["AND ", "OR ", "NOT ", "NIET ", "begroting ", "financ"])

    @settings(max_examples=200, deadline=None)
    @given(st.lists(alphabet, max_size=12).map("".join))
    def check(q: str) -> None:
        try:
            hits = search(case, q)
        except CaseError:
            return
        assert all(h.doc_id in ids.values() for h in hits)

    check()
