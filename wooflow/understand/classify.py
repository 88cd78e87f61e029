"""Document type: a transparent weighted-cue classifier.

Every type has a list of cues (``cues.py``), each with a weight. The type with the highest sum
wins; the cues that fired are the evidence. Explainable beats opaque here: a Woo coordinator can
see why a document was called a "nota" and a developer can fix a wrong call by adding one cue.
The cue table is documented in docs/UNDERSTANDING.md.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass

from wooflow.model import Document
from wooflow.understand.cues import (
    BODY_CHARS,
    CUES,
    HEAD_CHARS,
    MIN_SCORE,
    TAIL_CHARS,
    TYPES,
    Cue,
    title_zone,
)

__all__ = ["CUES", "TYPES", "Cue", "TypeResult", "classify", "decide", "fired_cues"]


@dataclass(frozen=True, slots=True)
class TypeResult:
    type: str
    score: float
    evidence: tuple[str, ...]
    scores: dict[str, float]


def fired_cues(doc: Document, text: str | None = None) -> list[Cue]:
    """The cues whose evidence is present in the document, in table order."""
    text = doc.text if text is None else text
    head = text[:HEAD_CHARS]
    title = title_zone(text)
    body = (
        text
        if len(text) <= BODY_CHARS + TAIL_CHARS
        else text[:BODY_CHARS] + "\n" + text[-TAIL_CHARS:]
    )
    out: list[Cue] = []
    for cue in CUES:
        if cue.test is not None:
            hit = cue.test(doc, text)
        else:
            assert cue.pattern is not None
            zone = title if cue.zone == "title" else head if cue.zone == "head" else body
            if cue.min_count > 1:
                hit = len(cue.pattern.findall(zone, 0, len(zone))) >= cue.min_count
            else:
                hit = cue.pattern.search(zone) is not None
        if hit:
            out.append(cue)
    return out


def decide(cues: Iterable[Cue]) -> TypeResult:
    """The type with the highest total of the given cues (or ``other``), its score and evidence."""
    totals: dict[str, float] = {}
    fired: dict[str, list[str]] = {}
    for cue in cues:
        totals[cue.type] = totals.get(cue.type, 0.0) + cue.weight
        fired.setdefault(cue.type, []).append(f"{cue.label} (+{cue.weight:g})")
    ranked = sorted(totals.items(), key=lambda kv: (-kv[1], TYPES.index(kv[0])))
    if not ranked or ranked[0][1] < MIN_SCORE:
        best = ranked[0][1] if ranked else 0.0
        evidence = (f"geen type haalt de drempel {MIN_SCORE:g} (hoogste {best:g})",)
        return TypeResult("other", round(1.0 - best / MIN_SCORE / 2, 3), evidence, totals)
    best_type, best = ranked[0]
    runner = ranked[1][1] if len(ranked) > 1 else 0.0
    # Strength of the evidence times the margin over the runner-up.
    score = (1.0 - math.exp(-best / 4.0)) * (best / (best + runner))
    return TypeResult(best_type, round(score, 3), tuple(fired[best_type]), totals)


def classify(doc: Document, text: str | None = None) -> TypeResult:
    """The type with the highest cue total; its score in [0, 1]; the cues that fired."""
    return decide(fired_cues(doc, text))
