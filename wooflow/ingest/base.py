"""Shared pieces of the readers: the read context (limits, nesting) and document construction.

The context travels through nested reads (zip in zip, mail with attachments) so that limits on
depth, member count and expanded size hold for the whole tree, not per level.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field, replace
from typing import Protocol

from wooflow.model import Document, sha256_bytes

DEFAULT_MAX_DEPTH = 5
DEFAULT_MAX_MEMBERS = 10_000
DEFAULT_MAX_TOTAL_BYTES = 1 << 30  # 1 GiB expanded, summed over the whole tree
DEFAULT_MAX_RATIO = 100.0  # uncompressed : compressed, per member
# Small members (a 20 KiB file of spaces) legitimately pack better than 100:1; the ratio test only
# applies to members that expand beyond this size, which is where a bomb does its damage.
RATIO_MIN_SIZE = 1 << 20
# Pixels of one image or one page rendered for OCR: 100 million is an A0 drawing at ~250 dpi
# (~100 MB as grey, ~300 MB as RGB while Pillow decodes); larger is refused, not decoded.
DEFAULT_MAX_PIXELS = 100_000_000
DEFAULT_MAX_FRAMES = 500  # pages of a multi-page TIFF
DEFAULT_MAX_MIME_DEPTH = 50  # multipart inside multipart inside ... of one e-mail


def _env_int(name: str, default: int) -> int:
    """A limit from the environment (``WOOFLOW_MAX_*``), so memory is bounded by configuration."""
    try:
        value = int(os.environ.get(name, ""))
    except ValueError:
        return default
    return value if value > 0 else default


@dataclass(slots=True)
class Budget:
    """Counters shared by every level of one top-level read."""

    members: int = 0
    expanded: int = 0


@dataclass(slots=True)
class ReadContext:
    """Limits and nesting state for one read; children get a copy one level deeper."""

    max_depth: int = field(default_factory=lambda: _env_int("WOOFLOW_MAX_DEPTH", DEFAULT_MAX_DEPTH))
    max_members: int = field(default_factory=lambda: _env_int("WOOFLOW_MAX_MEMBERS", DEFAULT_MAX_MEMBERS))
    max_total_bytes: int = field(
        default_factory=lambda: _env_int("WOOFLOW_MAX_EXPANDED_BYTES", DEFAULT_MAX_TOTAL_BYTES)
    )
    max_ratio: float = DEFAULT_MAX_RATIO
    ocr: bool = True
    depth: int = 0
    parent_path: str | None = None
    budget: Budget = field(default_factory=Budget)
    max_pixels: int = field(default_factory=lambda: _env_int("WOOFLOW_MAX_PIXELS", DEFAULT_MAX_PIXELS))
    max_frames: int = field(default_factory=lambda: _env_int("WOOFLOW_MAX_FRAMES", DEFAULT_MAX_FRAMES))
    max_mime_depth: int = DEFAULT_MAX_MIME_DEPTH

    def child(self, parent_path: str) -> ReadContext:
        """The context of a member or attachment: one level deeper, same shared budget."""
        return replace(self, depth=self.depth + 1, parent_path=parent_path)

    def fresh(self) -> ReadContext:
        """The same limits with a new budget, for the next top-level input."""
        return replace(self, depth=0, parent_path=None, budget=Budget())


_SURROGATE = re.compile("[\ud800-\udfff]")


def clean_text(text: str) -> str:
    """``text`` with every lone surrogate replaced by U+FFFD, one code point for one.

    File names that are not valid UTF-8 reach Python as surrogate escapes (``\\udcff``); they
    cannot be encoded for SQLite, a terminal or JSON files, so stored and shown paths, names and
    texts carry U+FFFD instead. Offsets stay valid because the length does not change."""
    if _SURROGATE.search(text) is None:
        return text
    return _SURROGATE.sub("\ufffd", text)


class Reader(Protocol):
    def __call__(self, data: bytes, path: str, name: str, ctx: ReadContext) -> Document: ...


def child_path(parent_path: str, member: str) -> str:
    """``parent#member``: the path a child document is known by (inventory, findings)."""
    return f"{parent_path}#{member}"


def base_name(name: str) -> str:
    """Last component of a member or file name, whatever separator the source used."""
    return os.path.basename(name.replace("\\", "/").rstrip("/")) or name


def new_document(
    data: bytes,
    path: str,
    name: str,
    kind: str,
    text: str,
    ctx: ReadContext,
) -> Document:
    """A Document for ``data``; children keep their bytes since they have no file of their own."""
    parent_path = ctx.parent_path
    return Document(
        path=path,
        name=name,
        kind=kind,
        sha256=sha256_bytes(data),
        text=text,
        parent_path=parent_path,
        data=data if parent_path is not None else None,
    )
