"""Pure helpers of the web UI: segmenting text at findings, escaping, progress."""

from __future__ import annotations

from wooflow.case import FindingRecord
from wooflow.model import Finding
from wooflow.web import views


def rec(
    fid: int,
    start: int,
    end: int,
    text: str,
    status: str = "proposed",
    action: str = "redact",
    doc_id: int = 1,
) -> FindingRecord:
    f = Finding(
        start,
        end,
        text[start:end],
        "person",
        action,
        "5.1.2e" if action == "redact" else None,
        0.8,
        "test",
        "why",
    )
    return FindingRecord(fid, doc_id, f, status, "detect", None, None, None)


def test_segments_cover_the_text_exactly_and_split_at_overlaps_and_page_breaks() -> None:
    text = "Jan Jansen belt.\fPagina twee: Jan."
    recs = [
        rec(1, 0, 10, text, "accepted"),
        rec(2, 4, 10, text, "proposed"),
        rec(3, 30, 33, text, "rejected"),
    ]
    segs = views.segments(text, recs)
    assert "".join(s.text for s in segs) == text
    assert all(text[s.start : s.start + len(s.text)] == s.text for s in segs)
    first, second = segs[0], segs[1]
    assert (first.text, first.status) == ("Jan ", "accepted")
    assert second.text == "Jansen" and {r.id for r in second.findings} == {1, 2}
    assert second.status == "accepted"  # a redaction wins over a proposal on the same span
    pb = [s for s in segs if s.page_break]
    assert len(pb) == 1 and pb[0].page_break == 2 and pb[0].text == "\f"
    assert [s.status for s in segs if s.text == "Jan" and s.start == 30] == ["rejected"]


def test_keep_findings_show_as_keep_unless_rejected() -> None:
    text = "minister De Jonge"
    keep = rec(1, 9, 17, text, "proposed", action="keep")
    assert views.display_status(keep) == "keep"
    assert views.display_status(rec(2, 9, 17, text, "rejected", action="keep")) == "rejected"


def test_text_html_escapes_and_keeps_carriage_returns() -> None:
    out = str(views.text_html("a <b>\r\nc & d\x00"))
    assert out == "a &lt;b&gt;&#13;\nc &amp; d&#xFFFD;"


def test_snippet_html_marks_hits_and_escapes_the_rest() -> None:
    snip = f"<script> {views.MARK_OPEN}overleg{views.MARK_CLOSE} & meer"
    assert str(views.snippet_html(snip)) == "&lt;script&gt; <mark>overleg</mark> &amp; meer"


def test_fold_and_anchor() -> None:
    assert views.fold("Müller-Éénhoorn") == "muller-eenhoorn"
    assert views.anchor("van dijk|j") == "van-dijk-j"


def test_detail_text_is_short_and_skips_empty_values() -> None:
    out = views.detail_text({"a": None, "b": "x", "c": list(range(10)), "d": ""})
    assert out == "b: x; c: 10 stuks"


def test_compound_query_lets_a_word_find_the_compounds_it_starts() -> None:
    assert views.compound_query("vaccinatie") == "(vaccinatie OR vaccinatie*)"
    assert views.compound_query('"vaccinatie plan" OF -griep de') == '"vaccinatie plan" OF -griep de'
    assert views.compound_query("vaccin* NIET (locatie)") == "vaccin* NIET ( (locatie OR locatie*) )"
