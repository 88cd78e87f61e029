"""analyze never crashes and its spans always point into the text (property-based)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from understand_helpers import make_doc

from wooflow.understand import analyze, find_redaction_codes, split_bundle

PIECES = st.sampled_from(
    [
        "Datum", "Datum:", "\n", "\f", "\t", " ", "Van:", "Aan", "Betreft", "Kenmerk", "Vraag 1 en 2",
        "Antwoord 1", "<sup>5.1.2e</sup>", "5.2", "10.2.e", "11.1", "7 februari 2024", "31-02-2024",
        "nota", "verslag", "Aanwezig\t", "(actie: x)", "**", "# ", "1 van 3", "Geachte", "€ 5.2",
        "Vraag 3 t/m 999999", "Pagina 0 van 0", "Bijlagen", "Verzonden:", "Onderwerp:", "-----Original Message-----",
    ]
)  # fmt: skip


@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(PIECES, st.text(max_size=12)), max_size=60))
def test_analyze_total_and_spans_valid(parts: list[str]) -> None:
    text = "".join(parts)
    out = analyze(make_doc(text)).to_json()
    assert out["type"]
    for mark in out["redaction_marks"]:
        assert text[mark["start"] : mark["end"]] == mark["text"]
    for sec in out["structure"]["sections"]:
        assert 0 <= sec["start"] <= sec["end"] <= len(text)
    segments = split_bundle(make_doc(text))
    assert segments[0].start_page == 0 and segments[-1].end_page == text.count("\f")


@given(st.text(max_size=200))
def test_codes_on_any_text(text: str) -> None:
    for c in find_redaction_codes(text):
        assert text[c.start : c.end] == c.raw and c.code


def test_empty_document() -> None:
    out = analyze(make_doc("")).to_json()
    assert out["type"] == "other" and out["date"] is None and out["redaction_codes"] == {}
