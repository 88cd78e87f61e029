"""Issue 12 in the case: linear span checks, the same propagation as the regex scan, a policy
that repairs a half-done run, scope that follows content, no Python internals in messages."""

from __future__ import annotations

import random
import re

import pytest

from wooflow.case import AcceptancePolicy, Case, apply_policy, findings, persons, run_detection
from wooflow.case.persons import _Form, _matches, _runs
from wooflow.case.scope import set_scope
from wooflow.case.spans import SpanSet
from wooflow.model import Finding


class RegexDetector:
    """Person names and BSNs by pattern: real offsets, no model."""

    PATTERNS = ((r"Piet Jansen", "person", 0.95), (r"\b\d{9}\b", "bsn", 0.6))

    def detect_case(self, texts: dict[int, str]) -> dict[int, list[Finding]]:
        return {
            key: [
                Finding(m.start(), m.end(), m.group(), cat, "redact", "5.1.2e", score, "regex", "test")
                for pat, cat, score in self.PATTERNS for m in re.finditer(pat, text)
            ]
            for key, text in texts.items()
        }


def test_spanset_agrees_with_the_pairwise_check() -> None:
    rng = random.Random(7)
    for _ in range(200):
        spans: list[tuple[int, int]] = []
        ss = SpanSet()
        for _ in range(rng.randint(0, 30)):
            s = rng.randint(0, 100)
            e = s + rng.randint(1, 8)
            q = (rng.randint(0, 100), 0)
            q = (q[0], q[0] + rng.randint(1, 8))
            assert ss.overlaps(*q) == any(cs < q[1] and q[0] < ce for cs, ce in spans)
            spans.append((s, e))
            ss.add(s, e)
        rebuilt = SpanSet(spans)
        assert rebuilt.spans() == ss.spans()
        starts = [s for s, _ in ss.spans()]
        assert starts == sorted(starts)


@pytest.mark.parametrize(
    ("literal", "kind", "text"),
    [
        ("Kuipers", "surname", "Kuipers, S.Kuipers en Kuipersstraat; (Kuipers) KuipersKuipers Kuipers."),
        ("Kuipers", "name", "Kuipers, S.Kuipers en Kuipersstraat; (Kuipers) KuipersKuipers Kuipers"),
        ("S. Kuipers", "name", "S. Kuipers en S.Kuipers en dhr. S. Kuipers, S.  Kuipers"),
        ("S.Kuipers", "name", "S.Kuipers en S. Kuipers en XS.Kuipers en S.Kuipersen"),
        ("Jan Jan", "name", "Jan Jan Jan Jan"),  # overlapping occurrences: the regex yields two
        ("Jan Bergman", "name", "Jan Bergman, Jan Bergmans, Jan de Bergman, Jan  Bergman, jan Bergman"),
        ("s.kuipers", "local", "mail S.Kuipers@x.nl en s.kuipers @ y.nl, xs.kuipers@z.nl, s.kuipers.x@q"),
        ("O'Brien", "name", "O'Brien en o'brien en O'Briens en O'Brien."),
        ("'t Hart", "name", "dhr. 't Hart en 't Hart"),  # starts with a non-word character: the regex
        ("Noël", "name", "Noël en Noëlle en Noe\u0308l"),
    ],
)
def test_word_run_lookup_finds_what_the_regex_finds(literal: str, kind: str, text: str) -> None:
    form = _Form(literal, "person", False, kind)
    runs = _runs(text, {form.key} if form.key else set())
    expected = [(m.start(), m.end()) for m in form.regex.finditer(text)]
    assert _matches(form, text, runs) == expected
    assert expected or literal == "Noël"


def test_policy_rerun_repairs_persons_left_undecided(case: Case, add_text) -> None:
    """An older version committed accepted findings first and decided persons one by one; a kill
    in between left persons undecided for good. The policy now derives them from the stored state."""
    d1 = add_text("d1.txt", "Nota van Piet Jansen over de begroting.")
    d2 = add_text("d2.txt", "Later schreef Piet nog iets; Jansen was er niet.")
    run_detection(case, RegexDetector())
    with case.transaction() as conn:  # the state such a kill left behind
        conn.execute("UPDATE case_findings SET status='accepted', reviewer='beleid' WHERE text='Piet Jansen'")
    assert {p.key: p.decision for p in persons(case)}["jansen|p"] == "undecided"
    assert apply_policy(case, AcceptancePolicy(min_score=0.9)) == 0  # nothing proposed is left
    assert {p.key: p.decision for p in persons(case)}["jansen|p"] == "redact"
    found = {r.finding.text: r.status for r in findings(case, d2)}
    assert found == {"Piet": "accepted", "Jansen": "accepted"}  # propagated to the other document
    assert {r.finding.text for r in findings(case, d1)} == {"Piet Jansen"}


def test_policy_is_one_transaction(case: Case, add_text, monkeypatch: pytest.MonkeyPatch) -> None:
    add_text("d1.txt", "Nota van Piet Jansen, BSN 123456782.")
    run_detection(case, RegexDetector())
    import importlib

    persons_mod = importlib.import_module("wooflow.case.persons")  # the package exports a function of that name

    def crash(*args: object, **kw: object) -> int:
        raise RuntimeError("stroom uitgevallen")

    monkeypatch.setattr(persons_mod, "decide_persons", crash)
    with pytest.raises(RuntimeError):
        apply_policy(case, AcceptancePolicy(min_score=0.9))
    assert {r.status for r in findings(case)} == {"proposed"}  # nothing half done


def test_copy_of_an_out_of_scope_document_stays_out(case: Case, add_text, make_doc) -> None:
    first = add_text("a.txt", "Interne notitie over iets anders dan het verzoek.")
    set_scope(case, [first], False, "buiten het verzoek")
    case.add_document(make_doc("kopie.txt", "Interne notitie over iets anders dan het verzoek."))
    case.add_document(make_doc("ander.txt", "Interne  notitie over iets ANDERS dan het verzoek."))  # same normalised
    case.add_document(make_doc("echt.txt", "Een notitie die wel bij het verzoek hoort."))
    from wooflow.case.index import index_new

    index_new(case)
    scope = {r.name: (r.in_scope, r.scope_reason) for r in case.records()}
    assert scope["kopie.txt"][0] is False and f"document {first}" in scope["kopie.txt"][1]
    assert scope["ander.txt"][0] is False
    assert scope["echt.txt"][0] is True


def test_grounds_with_thousands_of_digits_sort_without_error() -> None:
    from wooflow.case.judgement import join_grounds

    huge = "5.1." + "9" * 5000 + "e"
    joined = join_grounds(["5.1.2e", huge, "5.2"])  # used to raise "Exceeds the limit (4300 digits)"
    assert set(joined.split("; ")) == {"5.1.2e", huge, "5.2"}


def test_config_with_a_huge_number_is_one_dutch_line(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from wooflow.case.publish.config import load_config
    from wooflow.exceptions import ConfigError

    for body in ("[publish]\nworkers = " + "9" * 5000 + "\n", '[publish]\nworkers = "veel"\n'):
        path = tmp_path / "c.toml"
        path.write_text(body, encoding="utf-8")
        with pytest.raises(ConfigError) as info:
            load_config(path)
        assert "4300" not in str(info.value) and "int()" not in str(info.value)
