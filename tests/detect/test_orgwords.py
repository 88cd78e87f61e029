"""Unit tests for names after organisation heads (wooflow/detect/orgwords.py)."""

from __future__ import annotations

from wooflow.detect import orgwords


def test_a_name_after_an_organisation_head_ends_at_a_tab() -> None:
    # 'doorgestuurd naar team Wmo<tab>MB': the handler's initials in the next cell of a register
    # row are no part of the team's name (h15 006)
    text = "11\t26-08\tmevr. Verbaan\tdoorgestuurd naar team Wmo\tMB\n"
    spans = orgwords.firm_spans({0: text}, set())[0]
    assert [text[a:b] for a, b in spans] == ["Wmo"]
    assert "MB" not in orgwords.case_organisation_words([text])
    spaced = "naar team Wmo Zuid terug"  # words joined by spaces still make one name
    assert [spaced[a:b] for a, b in orgwords.firm_spans({0: spaced}, set())[0]] == ["Wmo Zuid"]
