"""Readers: every format a Woo request brings becomes one ``Document`` with exact text offsets.

Public API: ``read_path``, ``read_bytes``, ``iter_inputs``, ``expand_paths``, ``IngestFailure``.
Formats are detected by content first and extension second (see ``sniff``). Readers raise the
``InputError`` subclasses of ``wooflow.exceptions`` with a one-line Dutch detail.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from wooflow.exceptions import InputError
from wooflow.ingest.base import ReadContext, child_path
from wooflow.ingest.dispatch import CONTAINER_KINDS, read_data, read_file
from wooflow.model import Document

__all__ = [
    "CONTAINER_KINDS",
    "IngestFailure",
    "ReadContext",
    "expand_paths",
    "is_container",
    "iter_inputs",
    "read_bytes",
    "read_path",
]

SKIP_NAMES = (".DS_Store", "Thumbs.db", "desktop.ini")


@dataclass(frozen=True, slots=True)
class IngestFailure:
    """An input that could not be read; the batch goes on."""

    path: str
    reason: str
    detail: str

    @classmethod
    def from_error(cls, exc: InputError, path: str | None = None) -> IngestFailure:
        """The failure of input ``path``; an error deep inside it (a bomb in a nested zip)
        names the inner path in the detail."""
        if path is None or exc.path == path:
            return cls(exc.path, exc.reason, exc.detail)
        return cls(path, exc.reason, f"{exc.path}: {exc.detail}")

    def line(self) -> str:
        return f"{self.path}: {self.reason}: {self.detail}"


def read_path(path: str | os.PathLike[str], ctx: ReadContext | None = None) -> Document:
    """Read one file; ``Document.path`` is the path as given."""
    return read_file(path, ctx)


def read_bytes(
    data: bytes, name: str, parent_path: str | None = None, ctx: ReadContext | None = None
) -> Document:
    """Read bytes that have no file of their own (an attachment, a zip member, an upload).

    With ``parent_path`` the document is a child known as ``parent_path#name`` and keeps its
    bytes in ``Document.data``.
    """
    if parent_path is None:
        return read_data(data, name, name, ctx or ReadContext())
    base = ctx or ReadContext()
    return read_data(data, child_path(parent_path, name), name, base.child(parent_path))


def is_container(doc: Document) -> bool:
    """A zip or mbox: its text is its children's texts; stages should work on the children."""
    return doc.kind in CONTAINER_KINDS


def _hidden(name: str) -> bool:
    return name.startswith((".", "~$")) or name in SKIP_NAMES


def expand_paths(
    paths: Iterable[str | os.PathLike[str]], on_skip: Callable[[str], None] | None = None
) -> Iterator[str]:
    """Files under ``paths`` in a stable order: folders recursed, sorted, hidden files skipped.

    A path that does not exist is passed through so that reading it reports the problem.
    ``on_skip`` hears of every hidden file or folder left out (``.x``, ``~$x.docx``), so the
    CLI can say so instead of dropping it silently.
    """
    for given in paths:
        shown = os.fspath(given)
        if not os.path.isdir(shown):
            yield shown
            continue
        found: list[tuple[tuple[str, ...], str]] = []
        for root, dirs, files in os.walk(shown):
            skipped = [os.path.join(root, d) for d in dirs if _hidden(d)]
            skipped += [os.path.join(root, n) for n in files if _hidden(n)]
            dirs[:] = sorted(d for d in dirs if not _hidden(d))
            rel = Path(root).relative_to(shown).parts
            found.extend(
                ((*rel, name), os.path.join(root, name)) for name in files if not _hidden(name)
            )
            if on_skip is not None:
                for path in sorted(skipped):
                    on_skip(path)
        for _key, path in sorted(found):
            yield path


def iter_inputs(
    paths: Iterable[str | os.PathLike[str]], ctx: ReadContext | None = None
) -> Iterator[Document | IngestFailure]:
    """Every input as a Document, or an IngestFailure saying why not; never stops early."""
    for path in expand_paths(paths):
        try:
            yield read_file(path, _fresh(ctx))
        except InputError as exc:
            yield IngestFailure.from_error(exc, path)


def _fresh(ctx: ReadContext | None) -> ReadContext:
    """A new budget per top-level file: limits hold per input, not per batch."""
    if ctx is None:
        return ReadContext()
    return ctx.fresh()
