"""Area redactions: a box a reviewer drew on a page (a signature, a photo, a stamp).

A span redaction follows the words of a finding; an area is just a rectangle on a page, in the
same unrotated page coordinates as the redactor's word boxes (PDF points, origin top-left).
The redactor blacks it out like any other box (text, image pixels and line art under it go)
and prints the ground on it. Words of the text layer that the area touches are redacted whole,
as findings of their own (category ``area``), so the verifier knows they must be gone and
does not count them as lost public text.

After the output is written, :func:`check_areas` reads the published file back: no text may
remain under an area and the rendered area must be (almost) all black, whatever was there.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from wooflow.model import Document, Finding

AREA_CATEGORY = "area"
MIN_SIDE = 2.0  # points: a smaller box is a slip of the mouse, not an area
DARK = 80  # a pixel at or below this in every channel counts as blacked out
MIN_DARK_SHARE = 0.6  # the printed ground (white) may take the rest
CHECK_ZOOM = 2.0


@dataclass(frozen=True, slots=True)
class Area:
    """One drawn box on one page (0-based page index), with the ground printed on it."""

    page: int
    x0: float
    y0: float
    x1: float
    y1: float
    label: str

    def __post_init__(self) -> None:
        if self.page < 0:
            raise ValueError("page before the first")
        if self.x1 - self.x0 < MIN_SIDE or self.y1 - self.y0 < MIN_SIDE:
            raise ValueError("area too small")


def words_under(doc: Document, areas: Sequence[Area]) -> list[Finding]:
    """A redaction finding for every text-layer word an area touches (whole words)."""
    out: list[Finding] = []
    seen: set[tuple[int, int]] = set()
    for area in areas:
        for w in doc.words:
            if w.page != area.page or (w.start, w.end) in seen or w.end <= w.start:
                continue
            if min(w.x1, area.x1) - max(w.x0, area.x0) <= 0 or min(w.y1, area.y1) - max(w.y0, area.y0) <= 0:
                continue
            text = doc.text[w.start : w.end]
            if not text.strip():
                continue
            seen.add((w.start, w.end))
            out.append(
                Finding(w.start, w.end, text, AREA_CATEGORY, "redact", area.label, 1.0,
                        "area", "onder een getekend vlak")  # fmt: skip
            )
    return out


def check_areas(path: str | os.PathLike[str], areas: Iterable[Area]) -> list[str]:
    """Problems (Dutch, one line each) of the published file at ``path`` under the areas:
    text left under an area, or an area that is not blacked out when rendered."""
    import pymupdf

    areas = list(areas)
    if not areas:
        return []
    problems: list[str] = []
    with pymupdf.open(os.fspath(path)) as pdf:
        for area in areas:
            where = f"vlak op pagina {area.page + 1}"
            if area.page >= pdf.page_count:
                problems.append(f"{where}: die pagina ontbreekt in het gepubliceerde bestand")
                continue
            page = pdf[area.page]
            rect = pymupdf.Rect(area.x0, area.y0, area.x1, area.y1)
            shown = rect * page.rotation_matrix  # what a reader sees of it
            inner = pymupdf.Rect(rect.x0 + 0.5, rect.y0 + 0.5, rect.x1 - 0.5, rect.y1 - 0.5)
            left = [
                w[4] for w in page.get_text("words")
                if pymupdf.Rect(w[:4]).intersects(inner) and w[4] not in area.label.split()
            ]
            if left:
                problems.append(f"{where}: er staat nog tekst onder: {' '.join(left)[:80]}")
            pix = page.get_pixmap(matrix=pymupdf.Matrix(CHECK_ZOOM, CHECK_ZOOM), clip=shown, alpha=False)
            share = dark_share(pix.samples, pix.n)
            if share < MIN_DARK_SHARE:
                problems.append(f"{where}: niet zwart gemaakt ({share:.0%} zwart)")
    return problems


def dark_share(samples: bytes, channels: int) -> float:
    """Share of pixels whose every colour channel is at most ``DARK``."""
    n = len(samples) // channels if channels else 0
    if not n:
        return 1.0
    dark = 0
    for i in range(0, n * channels, channels):
        if max(samples[i : i + channels]) <= DARK:
            dark += 1
    return dark / n


__all__ = ["AREA_CATEGORY", "Area", "check_areas", "dark_share", "words_under"]
