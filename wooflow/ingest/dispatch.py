"""Route bytes to the reader their content calls for, and keep one error style for all readers."""

from __future__ import annotations

import importlib
import os
from pathlib import PurePath

from wooflow.exceptions import CorruptDocument, InputError, LimitExceeded, UnsupportedFormat
from wooflow.ingest.base import ReadContext, Reader, base_name, child_path
from wooflow.ingest.sniff import sniff
from wooflow.model import Document

# kind -> (module, function); imported on first use so that `wooflow text note.txt` does not pay
# for PyMuPDF, and so container readers can import this module without a cycle.
READERS: dict[str, tuple[str, str]] = {
    "text": ("wooflow.ingest.text", "read_text"),
    "pdf": ("wooflow.ingest.pdf", "read_pdf"),
    "image": ("wooflow.ingest.image", "read_image"),
    "email": ("wooflow.ingest.email_eml", "read_eml"),
    "mbox": ("wooflow.ingest.email_mbox", "read_mbox"),
    "msg": ("wooflow.ingest.email_msg", "read_msg"),
    "docx": ("wooflow.ingest.docx", "read_docx"),
    "zip": ("wooflow.ingest.archive", "read_zip"),
    "html": ("wooflow.ingest.html", "read_html"),
}
CONTAINER_KINDS = frozenset({"zip", "mbox"})


def reader_for(kind: str) -> Reader:
    module, func = READERS[kind]
    return getattr(importlib.import_module(module), func)  # type: ignore[no-any-return]


def extension(name: str) -> str:
    return PurePath(base_name(name)).suffix.lower()


def read_data(data: bytes, path: str, name: str, ctx: ReadContext) -> Document:
    """Read ``data`` known as ``path``; every failure is an InputError naming ``path``."""
    if ctx.depth > ctx.max_depth:
        raise LimitExceeded(path, f"te diep genest (meer dan {ctx.max_depth} niveaus)")
    try:
        kind = sniff(data, extension(name))
    except InputError as exc:
        raise type(exc)(path, exc.detail) from None
    try:
        return reader_for(kind)(data, path, base_name(name), ctx)
    except InputError:
        raise
    except (MemoryError, RecursionError) as exc:
        raise LimitExceeded(
            path, f"te groot of te diep om te lezen ({type(exc).__name__})"
        ) from None
    except Exception:  # a library choking on malformed input must not stop the batch
        raise CorruptDocument(
            path, f"onleesbaar: de inhoud klopt niet met het formaat ({kind}); het bestand is waarschijnlijk beschadigd"
        ) from None


def read_child(data: bytes, member: str, parent: str, ctx: ReadContext) -> Document:
    """A member of a container or an attachment, one level deeper than ``ctx``."""
    return read_data(data, child_path(parent, member), member, ctx.child(parent))


def load_file(path: str) -> bytes:
    """The bytes of a regular file, or one InputError saying why not (a FIFO would block)."""
    if os.path.isdir(path):
        raise InputError(path, "is een map, geen bestand")
    if os.path.exists(path) and not os.path.isfile(path):
        raise UnsupportedFormat(path, "geen gewoon bestand (apparaat, pipe of socket)")
    try:
        with open(path, "rb") as fh:
            return fh.read()
    except FileNotFoundError:
        raise InputError(path, "bestand bestaat niet") from None
    except OSError as exc:
        raise InputError(path, f"kan bestand niet lezen: {exc.strerror or exc}") from None


def read_file(path: str | os.PathLike[str], ctx: ReadContext | None = None) -> Document:
    shown = os.fspath(path)
    return read_data(load_file(shown), shown, shown, ctx or ReadContext())
