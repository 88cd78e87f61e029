"""Compact word storage: one BLOB per page instead of one row per word.

A 60-page report has ~25,000 words; a row each would dominate the database and the ingest time.
Each word packs to 40 bytes (four float64 box coordinates, two int32 offsets), so boxes survive a
round trip exactly.
"""

from __future__ import annotations

import struct

from wooflow.model import Word

_WORD = struct.Struct("<4d2i")


def pack_words(words: list[Word]) -> bytes:
    return b"".join(_WORD.pack(w.x0, w.y0, w.x1, w.y1, w.start, w.end) for w in words)


def unpack_words(page: int, blob: bytes) -> list[Word]:
    return [Word(page, *row) for row in _WORD.iter_unpack(blob)]
