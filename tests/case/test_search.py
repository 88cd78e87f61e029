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


def _snippet_reference(text, q, width=30, marks=("«", "»")):
    """The snippet as it was made before the window was chosen on the word list (every token's
    offsets taken first): the reference for the cheaper version."""
    from wooflow.case.search import SNIPPET_SCAN_CHARS
    from wooflow.case.text import WORD_RE, fold, stem, term

    scan = text[:SNIPPET_SCAN_CHARS]
    words = WORD_RE.findall(scan)
    if not words:
        return "", []
    memo = {}
    for word in set(words):
        f = fold(word)
        t = stem(f)
        memo[word] = t in q.stems or any(f.startswith(p) or t.startswith(p) for p in q.prefixes)
    hits = [i for i, w in enumerate(words) if memo[w]]
    toks = [(m.start(), m.end(), m.group()) for m in WORD_RE.finditer(scan)]
    if not hits:
        first = toks[:width]
        return scan[first[0][0] : first[-1][1]].replace("\n", " ") + (" …" if len(words) > width else ""), []
    best_start, best_count, j = hits[0], 0, 0
    for i, h in enumerate(hits):
        while hits[j] < h - width + 1:
            j += 1
        count = len({term(toks[k][2]) for k in hits[j : i + 1]})
        if count > best_count:
            best_count, best_start = count, hits[j]
    lo = max(0, best_start - width // 4)
    hi = min(len(toks), lo + width)
    spans = [(toks[k][0], toks[k][1]) for k in hits if lo <= k < hi]
    parts = []
    pos = toks[lo][0]
    for s, e in spans:
        parts.append(scan[pos:s] + marks[0] + scan[s:e] + marks[1])
        pos = e
    parts.append(scan[pos : toks[hi - 1][1]])
    out = " ".join("".join(parts).split())
    return ("… " if lo > 0 else "") + out + (" …" if hi < len(toks) else ""), spans


def test_snippet_equals_the_reference_on_random_texts() -> None:
    import random

    from wooflow.case.search import parse, snippet

    rng = random.Random(4)
    vocab = ["Financiële", "financiele", "vergadering", "vergaderingen", "nota", "Nota's", "de", "het",
             "stuurgroep", "stuur", "overleg", "begroting", "begrotingsoverleg", "ideeën", "x", "2024", "Ö"]
    queries = ["financiele", "vergadering nota", '"de vergadering"', "stuur*", "begroting OR overleg",
               "nota NOT het", "ideeen", "verga*", "2024"]
    for _ in range(400):
        words = rng.choices(vocab, k=rng.randint(0, 120))
        text = "".join(w + rng.choice([" ", "\n", ", ", ". ", "  "]) for w in words)
        q = parse(rng.choice(queries))
        width = rng.choice([5, 30])
        seen: dict[str, bool] = {}
        assert snippet(text, q, width=width, seen=seen) == _snippet_reference(text, q, width=width)
