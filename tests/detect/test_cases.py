"""Per-entity regression cases (tests/detect/cases/<category>.json), docdeid style.

Each case lists what must be found: a redact item must be covered by one redact finding of
that category; a keep item must not be touched by any redact finding and, unless its category
is 'organisation' (plain text that simply stays), must carry a keep finding of that category.
Cases marked ``known_failure`` are strict xfails: fixing one makes the suite say so.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from wooflow.detect import Detector
from wooflow.model import Finding

CASES = Path(__file__).parent / "cases"


def _load() -> list[pytest.param]:
    out = []
    for path in sorted(CASES.glob("*.json")):
        for i, case in enumerate(json.loads(path.read_text(encoding="utf-8"))):
            marks = []
            if case.get("known_failure"):
                marks.append(pytest.mark.xfail(reason=case["known_failure"], strict=True))
            out.append(pytest.param(case, id=f"{path.stem}-{i}", marks=marks))
    return out


@pytest.fixture(scope="module")
def detector() -> Detector:
    return Detector()


def _span(text: str, needle: str) -> tuple[int, int]:
    i = text.find(needle)
    assert i >= 0, f"case text lacks {needle!r}"
    return i, i + len(needle)


def _check(text: str, findings: list[Finding], item: dict) -> None:
    s, e = _span(text, item["text"])
    overlapping = [f for f in findings if f.start < e and s < f.end]
    redacts = [f for f in overlapping if f.action == "redact"]
    if item["action"] == "redact":
        covering = [f for f in redacts if f.start <= s and f.end >= e]
        assert covering, f"{item['text']!r} not redacted; found {[(f.text, f.action) for f in overlapping]}"
        assert any(f.category == item["category"] for f in covering), (
            f"{item['text']!r} redacted as {[f.category for f in covering]}, expected {item['category']}"
        )
        assert all(f.ground for f in covering) and all(f.reason for f in covering)
    else:
        assert not redacts, f"{item['text']!r} must stay public; redacted by {[(f.text, f.reason) for f in redacts]}"
        if item["category"] != "organisation":
            assert any(f.action == "keep" and f.category == item["category"] for f in overlapping), (
                f"{item['text']!r} has no keep finding of category {item['category']}"
            )


@pytest.mark.parametrize("case", _load())
def test_case(case: dict, detector: Detector) -> None:
    findings = detector.detect(case["text"])
    for item in case["expected"]:
        _check(case["text"], findings, item)
