"""Properties that must hold for any input: valid, ordered, non-overlapping spans."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from wooflow.detect import Detector

DET = Detector({"detect": {"use_model": False}})
WORDS = st.sampled_from([
    "Jan", "Jansen", "de", "van der", "Berg", "Minister", "Helder", "06-12345678", "BSN", "111222333",
    "Dorpsstraat", "12", "1234 AB", "Tiel", "mevrouw", "Aan:", "Van:", "\n", ",", ".", "(JA21)",
    "s.kuipers@minvws.nl", "NL91ABNA0417164300", "geboren op", "12-03-1985", "ziek", "hij", "Postbus",
    "T", "070 340 79 11", "het lid", "Eerdmans", "Groen", "Kuipers, Sanne", "[12:03]", "JvdB", "—",
])


@settings(max_examples=60, deadline=None)
@given(st.lists(WORDS, max_size=40))
def test_findings_are_valid_spans(words: list[str]) -> None:
    text = " ".join(words)
    findings = DET.detect(text)
    last_end = 0
    for f in findings:
        assert text[f.start : f.end] == f.text
        assert f.start >= last_end, "findings overlap after merging"
        last_end = f.end
        assert (f.ground is None) == (f.action == "keep")
        assert f.reason


@settings(max_examples=25, deadline=None)
@given(st.text(max_size=300))
def test_arbitrary_text_never_crashes(text: str) -> None:
    for f in DET.detect(text):
        assert text[f.start : f.end] == f.text
