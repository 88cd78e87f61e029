"""Helpers shared by the understand tests (a uniquely named module: tests/ is no package)."""

from __future__ import annotations

from pathlib import Path

from wooflow.model import Document

REPO = Path(__file__).resolve().parents[2]
RESOURCES = REPO / "tests" / "resources" / "understand"
SHARED = REPO.parent / "shared" / "examples"


def make_doc(text: str, kind: str = "text", name: str = "doc.txt", **fields: object) -> Document:
    return Document(path=name, name=name, kind=kind, sha256="", text=text, fields=dict(fields))
