"""Case consistency must not turn an exclamation into a person ('Oei.' vs Mr Oei)."""

from __future__ import annotations

import wooflow.detect as wd


def _persons(texts: dict[int, str]) -> dict[int, list[str]]:
    out = wd.Detector().detect_case(texts)
    return {k: [f.text for f in v if f.category == "person" and f.action == "redact"]
            for k, v in out.items()}


def test_interjection_at_sentence_start_is_no_case_person() -> None:
    got = _persons({
        1: "Aanwezig: R. Oei, J. Tan\nOei meldt dat de audit klaar is.",
        2: "14-08-2024 22:11 - Jantine Hofstede: Oei. ik denk ik, per ongeluk.\n"
           "Oei meldt dat hij later komt.",
    })
    assert got[2].count("Oei") == 1  # 'Oei meldt' is the person, 'Oei.' is not
    assert "R. Oei" in got[1]
