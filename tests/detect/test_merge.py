"""Overlap resolution: a public person's keep never swallows another person's redaction."""

from __future__ import annotations

from wooflow.detect.merge import merge
from wooflow.model import Finding


def _f(text: str, part: str, action: str, category: str = "person", start: int | None = None) -> Finding:
    s = text.index(part) if start is None else start
    return Finding(s, s + len(part), part, category, action, None if action == "keep" else "5.1.2e", 0.9,
                   "person", "publieke functie (burgemeester)" if action == "keep" else "naam")


def test_keep_overlapping_other_person_is_split() -> None:
    text = "Aanwezig: burgemeester Snijders, Pieter van der Wal (GGD)"
    out = merge(text, [_f(text, "Snijders, Pieter van", "keep"), _f(text, "Pieter van der Wal", "redact")])
    assert [(f.text, f.action) for f in out] == [("Snijders", "keep"), ("Pieter van der Wal", "redact")]


def test_keep_covering_other_person_does_not_win() -> None:
    text = "burgemeester Snijders en Pieter Wal"
    keep = Finding(13, len(text), text[13:], "person", "keep", None, 0.9, "person", "publieke functie")
    out = merge(text, [keep, _f(text, "Pieter Wal", "redact")])
    assert ("Pieter Wal", "redact") in [(f.text, f.action) for f in out]
    assert all(not (f.action == "keep" and f.start < text.index("Pieter") + 10 and f.end > text.index("Pieter"))
               for f in out)


def test_keep_of_same_person_wins() -> None:
    text = "minister Jan de Vries zei"
    out = merge(text, [_f(text, "Jan de Vries", "keep"), _f(text, "de Vries", "redact")])
    assert [(f.text, f.action) for f in out] == [("Jan de Vries", "keep")]


def test_office_address_keep_covers_postcode() -> None:
    text = "Postbus 20350, 2500 EJ Den Haag"
    out = merge(text, [_f(text, text, "keep", "address"), _f(text, "2500 EJ Den Haag", "redact", "postcode")])
    assert [(f.category, f.action) for f in out] == [("address", "keep")]
