"""Zip archives, read recursively with limits that hold for the whole tree.

Checks happen twice: on the central directory (declared sizes and ratios, member count, total)
before anything is expanded, and again while streaming each member, because a crafted archive
can declare small sizes and still expand without end. A bomb fails the whole archive; an
encrypted or broken member is a warning unless no member is readable.
"""

from __future__ import annotations

import io
import zipfile

from wooflow.exceptions import (
    CorruptDocument,
    EmptyDocument,
    EncryptedDocument,
    InputError,
    LimitExceeded,
    ZipBomb,
)
from wooflow.ingest.base import RATIO_MIN_SIZE, ReadContext, child_path, new_document
from wooflow.model import Document

CHUNK = 1 << 16
SKIP_PREFIXES = ("__MACOSX/",)
SKIP_NAMES = (".DS_Store", "Thumbs.db", "desktop.ini")


def _member_name(info: zipfile.ZipInfo) -> str:
    # Zip files from Windows tools often store cp437-misread names; zipfile already decodes
    # with the UTF-8 flag when set, so we only normalise separators.
    return info.filename.replace("\\", "/").lstrip("/")


def _skipped(name: str) -> bool:
    base = name.rsplit("/", 1)[-1]
    return name.startswith(SKIP_PREFIXES) or base in SKIP_NAMES or base.startswith("~$")


def _ratio_exceeded(expanded: int, packed: int, ctx: ReadContext) -> bool:
    return expanded > RATIO_MIN_SIZE and expanded > ctx.max_ratio * max(packed, 1)


def _check_directory(infos: list[zipfile.ZipInfo], path: str, ctx: ReadContext) -> None:
    total = 0
    for info in infos:
        if _ratio_exceeded(info.file_size, info.compress_size, ctx):
            raise ZipBomb(
                path,
                f"zipbom: {_member_name(info)} pakt uit tot {info.file_size} bytes "
                f"(verhouding {info.file_size // max(info.compress_size, 1)}:1, max "
                f"{ctx.max_ratio:.0f}:1)",
            )
        total += info.file_size
    if ctx.budget.members + len(infos) > ctx.max_members:
        raise LimitExceeded(path, f"meer dan {ctx.max_members} bestanden in archief")
    if ctx.budget.expanded + total > ctx.max_total_bytes:
        raise LimitExceeded(
            path, f"uitgepakte grootte {total} bytes boven de grens van {ctx.max_total_bytes}"
        )


def check_container(data: bytes, path: str, ctx: ReadContext, label: str = "Word-document") -> None:
    """Zip limits for a format that is a zip inside (.docx): checked on the central directory
    before a library expands anything. zipfile never yields more than a member's declared size,
    so the declared sizes bound what the library can unpack."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            infos = [i for i in zf.infolist() if not i.is_dir()]
    except (zipfile.BadZipFile, OSError, EOFError, ValueError) as exc:
        raise CorruptDocument(path, f"beschadigd {label}: {exc}") from None
    _check_directory(infos, path, ctx)
    ctx.budget.expanded += sum(i.file_size for i in infos)


def _extract(zf: zipfile.ZipFile, info: zipfile.ZipInfo, path: str, ctx: ReadContext) -> bytes:
    """Stream one member, enforcing its declared size, the ratio and the shared budget."""
    chunks: list[bytes] = []
    size = 0
    with zf.open(info) as fh:
        while True:
            chunk = fh.read(CHUNK)
            if not chunk:
                break
            size += len(chunk)
            ctx.budget.expanded += len(chunk)
            if size > info.file_size:
                raise ZipBomb(path, f"zipbom: {_member_name(info)} is groter dan opgegeven")
            if _ratio_exceeded(size, info.compress_size, ctx):
                raise ZipBomb(path, f"zipbom: {_member_name(info)} overschrijdt verhouding")
            if ctx.budget.expanded > ctx.max_total_bytes:
                raise LimitExceeded(path, f"uitgepakte grootte boven {ctx.max_total_bytes} bytes")
            chunks.append(chunk)
    return b"".join(chunks)


def read_zip(data: bytes, path: str, name: str, ctx: ReadContext) -> Document:
    from wooflow.ingest.dispatch import read_child

    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError, EOFError, ValueError) as exc:
        raise CorruptDocument(path, f"beschadigd zip-archief: {exc}") from None
    doc = new_document(data, path, name, "zip", "", ctx)
    encrypted = 0
    with zf:
        infos = [i for i in zf.infolist() if not i.is_dir() and not _skipped(_member_name(i))]
        if not infos:
            raise EmptyDocument(path, "zip-archief bevat geen bestanden")
        _check_directory(infos, path, ctx)
        for info in infos:
            member = _member_name(info)
            ctx.budget.members += 1
            if info.flag_bits & 0x1:
                encrypted += 1
                doc.warnings.append(
                    f"{child_path(path, member)}: encrypted: bestand in archief is versleuteld"
                )
                continue
            try:
                payload = _extract(zf, info, path, ctx)
            except (ZipBomb, LimitExceeded):
                raise
            except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError) as exc:
                doc.warnings.append(f"{child_path(path, member)}: corrupt: {exc}")
                continue
            try:
                doc.children.append(read_child(payload, member, path, ctx))
            except (ZipBomb, LimitExceeded):
                raise  # a bomb or limit anywhere in the tree fails the whole archive
            except InputError as exc:
                doc.warnings.append(f"{exc.path}: {exc.reason}: {exc.detail}")
    if encrypted == len(infos):
        raise EncryptedDocument(path, "alle bestanden in het zip-archief zijn versleuteld")
    if not doc.children:
        raise CorruptDocument(path, f"geen leesbaar bestand in het archief ({doc.warnings[0]})")
    doc.text = "\f".join(child.text for child in doc.children)
    doc.fields["members"] = len(infos)
    return doc
