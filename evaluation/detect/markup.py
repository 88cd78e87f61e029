"""Inline gold markup for the detection corpus, and gold validation.

Hand-written and generated sources mark gold spans inline so that offsets never have to be
counted by hand: ``[[Sanne Kuipers]]`` (must be redacted, category person),
``[[s.kuipers|email]]`` (must be redacted, category email) and ``{{Helder}}`` /
``{{Parnassusplein 5|address}}`` (must stay public). ``render`` strips the markup and returns the
plain text plus the gold dict with Python code-point offsets into that text.
"""

from __future__ import annotations

import re
from itertools import pairwise
from typing import Any

CATEGORIES = (
    "person",
    "email",
    "phone",
    "bsn",
    "iban",
    "address",
    "postcode",
    "birthdate",
    "plate",
    "signature",
    "special_category",
)

# Ground per category: BSN is an absolute ground (5.1.1e), special categories 5.1.1d, the
# rest is privacy (5.1.2e).
GROUNDS = {"bsn": "5.1.1e", "special_category": "5.1.1d"}

_MARK = re.compile(
    r"\[\[(?P<r>[^\[\]|]+?)(?:\|(?P<rc>[a-z_]+))?\]\]|\{\{(?P<k>[^{}|]+?)(?:\|(?P<kc>[a-z_]+))?\}\}"
)


def render(source: str, genre: str, origin: str) -> tuple[str, dict[str, Any]]:
    """Strip inline markup; return (plain text, gold dict)."""
    out: list[str] = []
    redact: list[dict[str, Any]] = []
    keep: list[dict[str, Any]] = []
    pos = 0
    length = 0
    for m in _MARK.finditer(source):
        before = source[pos : m.start()]
        out.append(before)
        length += len(before)
        if m.group("r") is not None:
            text, cat = m.group("r"), m.group("rc") or "person"
            item = {
                "start": length,
                "end": length + len(text),
                "text": text,
                "category": cat,
                "ground": GROUNDS.get(cat, "5.1.2e"),
            }
            redact.append(item)
        else:
            text, cat = m.group("k"), m.group("kc") or "person"
            keep.append({"start": length, "end": length + len(text), "text": text, "category": cat})
        out.append(text)
        length += len(text)
        pos = m.end()
    out.append(source[pos:])
    text = "".join(out)
    if "[[" in text or "{{" in text or "]]" in text or "}}" in text:
        raise ValueError(f"unbalanced gold markup in {genre} source")
    gold = {"genre": genre, "origin": origin, "redact": redact, "keep": keep}
    validate(text, gold)
    return text, gold


def validate(text: str, gold: dict[str, Any]) -> list[str]:
    """Check offsets, categories and overlaps; raise ValueError listing every problem."""
    problems: list[str] = []
    if not isinstance(gold.get("genre"), str):
        problems.append("missing genre")
    spans: list[tuple[int, int, str]] = []
    for kind in ("redact", "keep"):
        for item in gold.get(kind, []):
            s, e, t, c = item["start"], item["end"], item["text"], item["category"]
            if not (0 <= s < e <= len(text)):
                problems.append(f"{kind} {t!r}: bad span {s}-{e}")
                continue
            if text[s:e] != t:
                problems.append(f"{kind} {t!r}: text at {s}-{e} is {text[s:e]!r}")
            if t != t.strip():
                problems.append(f"{kind} {t!r}: leading/trailing space")
            if c not in CATEGORIES:
                problems.append(f"{kind} {t!r}: unknown category {c!r}")
            if kind == "redact" and c == "bsn" and not elfproef(t):
                problems.append(f"bsn {t!r} fails the elfproef")
            if kind == "redact" and c == "iban" and not iban_ok(t):
                problems.append(f"iban {t!r} fails mod 97")
            if kind == "redact" and not item.get("ground"):
                problems.append(f"redact {t!r}: no ground")
            spans.append((s, e, t))
    spans.sort()
    for (_s1, e1, t1), (s2, _e2, t2) in pairwise(spans):
        if s2 < e1:
            problems.append(f"overlapping gold spans {t1!r} and {t2!r}")
    if problems:
        raise ValueError("; ".join(problems))
    return problems


def elfproef(text: str) -> bool:
    """BSN check: the weighted digit sum (9..2, last digit -1) is divisible by 11."""
    d = [int(c) for c in text if c.isdigit()]
    return len(d) == 9 and sum(x * w for x, w in zip(d, (9, 8, 7, 6, 5, 4, 3, 2, -1))) % 11 == 0


def iban_ok(text: str) -> bool:
    """ISO 13616 mod-97 check."""
    s = text.replace(" ", "").upper()
    return len(s) >= 15 and int("".join(str(int(c, 36)) for c in s[4:] + s[:4])) % 97 == 1
