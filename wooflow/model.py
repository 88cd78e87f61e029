"""The one document model that flows through the pipeline: ingest -> understand -> detect ->
review -> publish.

Offsets: ``Document.text`` is the text ``wooflow text`` prints. Every later stage (findings,
word boxes, structure) refers to it by Python string offsets (code points). Pages of a PDF are
joined by a form feed (``\\f``).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class Word:
    """A word on a page with its box, in PDF points, origin top-left (PyMuPDF convention)."""

    page: int  # 0-based page index
    x0: float
    y0: float
    x1: float
    y1: float
    start: int  # offsets into Document.text
    end: int

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ValueError("word end before start")


@dataclass(frozen=True, slots=True)
class Page:
    number: int  # 0-based
    width: float
    height: float
    start: int  # offsets into Document.text
    end: int
    ocr: bool = False  # text came from OCR of a page image
    rotation: int = 0


@dataclass(slots=True)
class Document:
    """One document. E-mail attachments and zip members are ``children``.

    ``path`` is what the user gave (or ``parent#member`` for a child); ``kind`` is the reader
    family: text, pdf, image, email, docx. ``fields`` holds structured metadata a reader knows
    for certain (e-mail headers: from, to, cc, date, subject, message_id, in_reply_to,
    references). ``data`` keeps the original bytes of a child (no file on disk of its own) so
    later stages can render or redact it.
    """

    path: str
    name: str
    kind: str
    sha256: str
    text: str
    pages: list[Page] = field(default_factory=list)
    words: list[Word] = field(default_factory=list)
    fields: dict[str, Any] = field(default_factory=dict)
    children: list[Document] = field(default_factory=list)
    parent_path: str | None = None
    data: bytes | None = None
    warnings: list[str] = field(default_factory=list)

    @property
    def page_count(self) -> int:
        return max(1, len(self.pages))

    def walk(self) -> list[Document]:
        """This document and all its descendants, parents first."""
        out = [self]
        for child in self.children:
            out.extend(child.walk())
        return out


def sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


ACTIONS = ("redact", "keep")


@dataclass(frozen=True, slots=True)
class Finding:
    """One detected entity. Immutable and self-explaining (category, ground, score, why).

    ``action`` "keep" marks an entity that must stay public (a minister, an office address),
    with the reason. ``start``/``end`` are offsets into ``Document.text``.
    """

    start: int
    end: int
    text: str
    category: str
    action: str
    ground: str | None
    score: float
    recognizer: str
    reason: str

    def __post_init__(self) -> None:
        if not 0 <= self.start < self.end:
            raise ValueError(f"bad span {self.start}-{self.end}")
        if self.end - self.start != len(self.text):
            raise ValueError("text length does not match span")
        if self.action not in ACTIONS:
            raise ValueError(f"unknown action {self.action!r}")
        if not 0.0 <= self.score <= 1.0:
            raise ValueError("score outside [0, 1]")

    def to_json(self, path: str | None = None) -> dict[str, Any]:
        """The CONTRACT.md shape (plus ``recognizer``)."""
        out: dict[str, Any] = {}
        if path is not None:
            out["path"] = path
        out.update(
            start=self.start,
            end=self.end,
            text=self.text,
            category=self.category,
            action=self.action,
            ground=self.ground,
            score=round(self.score, 4),
            reason=self.reason,
            recognizer=self.recognizer,
        )
        return out

    @classmethod
    def from_json(cls, obj: dict[str, Any]) -> Finding:
        return cls(
            start=int(obj["start"]),
            end=int(obj["end"]),
            text=str(obj["text"]),
            category=str(obj["category"]),
            action=str(obj["action"]),
            ground=obj.get("ground"),
            score=float(obj.get("score", 1.0)),
            recognizer=str(obj.get("recognizer", "manual")),
            reason=str(obj.get("reason", "")),
        )
