"""Building blocks of the type cue tables: the Cue record, zones, regex helpers.

The cue tables themselves are in ``cues.py`` (messages, memos, meetings) and
``cues_decisions.py`` (decisions, advice, reports, plans, agreements, letters, slides, other);
see docs/UNDERSTANDING.md.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from wooflow.model import Document

TYPES = (
    "nota", "kamerbrief", "kamervragen", "verslag", "agenda", "besluitenlijst", "email",
    "besluit", "beschikking", "advies", "rapport", "jaarplan", "jaarverslag", "convenant",
    "brief", "presentatie", "other",
)  # fmt: skip

HEAD_CHARS = 2500  # the letterhead, title block and header fields
BODY_CHARS = 30_000  # body cues look at the first 30k characters ...
TAIL_CHARS = 8_000  # ... and the last 8k (closings, signatures, bezwaarclausule)
TITLE_LINES = 3  # the "title" zone: the first non-blank lines (the document's own name)
MIN_SCORE = 4.5  # below this no type is believed: "other" (one lone cue is not enough)

_M = re.MULTILINE
_I = re.IGNORECASE


@dataclass(frozen=True, slots=True)
class Cue:
    """One piece of evidence for a type."""

    type: str
    weight: float
    label: str  # Dutch, shown as evidence
    pattern: re.Pattern[str] | None = None
    zone: str = "head"  # title | head | body
    min_count: int = 1
    test: Callable[[Document, str], bool] | None = None


def line_rx(words: str) -> re.Pattern[str]:
    """A line that is only this word/phrase (markdown/bold allowed)."""
    return re.compile(rf"^[\s#*>_]*(?:{words})[\s*_:.]*$", _M | _I)


def rx(pattern: str, flags: int = _M | _I) -> re.Pattern[str]:
    return re.compile(pattern, flags)


def short_pages(doc: Document, text: str) -> bool:
    """Slides: several pages with little text on each."""
    pages = text.split("\f")
    return len(pages) >= 3 and len(text) / len(pages) < 450


def many_pages(doc: Document, text: str) -> bool:
    return text.count("\f") >= 9


def title_zone(text: str) -> str:
    lines = [line for line in text[:HEAD_CHARS].splitlines() if line.strip()]
    return "\n".join(lines[:TITLE_LINES])
