"""Text redaction: each redacted span becomes its ground code, the way published texts read."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from wooflow.model import Finding

DEFAULT_GROUND = "5.1.2e"


@dataclass(frozen=True, slots=True)
class Span:
    """A merged redaction span; ``grounds`` keeps every code that contributed, in order."""

    start: int
    end: int
    grounds: tuple[str, ...]

    @property
    def label(self) -> str:
        """The code printed at the spot; several grounds are joined as published ("5.1.2e, 5.2")."""
        return ", ".join(self.grounds)


def ground_of(finding: Finding) -> str:
    """A redact finding without a ground is still redacted: privacy (5.1.2e) is the safe default."""
    return (finding.ground or DEFAULT_GROUND).strip() or DEFAULT_GROUND


def redact_spans(findings: Iterable[Finding], text_len: int | None = None) -> list[Span]:
    """Merge overlapping or touching redact spans; keep findings never redact anything.

    Touching spans merge too (end == start), so "Jan" + "Jansen" in a row give one code, not two
    codes glued together.
    """
    items = sorted(
        (f.start, min(f.end, text_len) if text_len is not None else f.end, ground_of(f))
        for f in findings
        if f.action == "redact"
    )
    merged: list[list] = []
    for start, end, ground in items:
        if end <= start:
            continue
        if merged and start <= merged[-1][1]:
            last = merged[-1]
            last[1] = max(last[1], end)
            if ground not in last[2]:
                last[2].append(ground)
        else:
            merged.append([start, end, [ground]])
    return [Span(s, e, tuple(g)) for s, e, g in merged]


def redact_text(text: str, findings: Iterable[Finding]) -> str:
    """Replace each redacted span by its ground code, right to left so offsets stay valid."""
    out = text
    for span in reversed(redact_spans(findings, len(text))):
        out = out[: span.start] + span.label + out[span.end :]
    return out
