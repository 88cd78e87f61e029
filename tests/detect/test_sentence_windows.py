"""The name model is asked about the sentence around an unsure name, not its whole paragraph."""

from __future__ import annotations

from wooflow.detect.personcues import _sentence_windows


def test_window_is_the_sentence_around_the_point() -> None:
    text = ("Het overleg begon laat. Daarna sprak Groot Wassink met de wethouder. "
            "Dhr. Jansen bleef. Het eindigde om vijf uur.\nVolgende regel.")
    p = text.index("Groot")
    (s, e), = _sentence_windows(text, [p])
    assert text[s:e].strip() == "Daarna sprak Groot Wassink met de wethouder."


def test_abbreviations_and_initials_do_not_end_a_sentence() -> None:
    text = "Gesproken met dhr. J. de Vries en mw. A. Bakker over Groot Wassink. Einde."
    p = text.index("Groot")
    (s, e), = _sentence_windows(text, [p])
    assert s == 0 and text[s:e].strip().endswith("Groot Wassink.")


def test_points_in_one_sentence_share_one_window() -> None:
    text = "Aanwezig waren Piet Hein en Groot Wassink. Daarna niets."
    ws = _sentence_windows(text, [text.index("Piet"), text.index("Groot")])
    assert len(ws) == 1
