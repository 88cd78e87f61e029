from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from wooflow.exceptions import CorruptDocument, EncryptedDocument, LimitExceeded, ZipBomb
from wooflow.ingest import ReadContext, read_bytes, read_path


def _zip(members: dict[str, bytes], method: int = zipfile.ZIP_DEFLATED) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", method) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return out.getvalue()


def test_nested_zip_members_are_children(good: Path) -> None:
    doc = read_path(good / "bundel.zip")
    base = str(good / "bundel.zip")
    paths = [d.path for d in doc.walk()]
    assert paths == [
        base,
        f"{base}#stukken/nota.pdf",
        f"{base}#stukken/lees-mij.txt",
        f"{base}#binnen.zip",
        f"{base}#binnen.zip#diep.txt",
    ]
    deep = doc.walk()[-1]
    assert deep.text == "Diep genest bestand.\n" and deep.parent_path == f"{base}#binnen.zip"
    assert deep.name == "diep.txt" and deep.data == b"Diep genest bestand.\n"
    assert doc.text == "\f".join(c.text for c in doc.children)


def test_zip_bomb_from_central_directory(bad: Path) -> None:
    with pytest.raises(ZipBomb, match="zipbom"):
        read_path(bad / "zipbom.zip")


def test_zip_bomb_caught_while_streaming() -> None:
    """A header that lies about the expanded size never expands past it (zipfile stops at the
    declared size, the CRC then fails, our own byte count is the second guard)."""
    data = bytearray(_zip({"nullen.txt": b"\0" * (4 << 20)}))
    central = data.find(b"PK\x01\x02")
    data[central + 24 : central + 28] = (1000).to_bytes(4, "little")  # declared size: 1000
    local = data.find(b"PK\x03\x04")
    data[local + 22 : local + 26] = (1000).to_bytes(4, "little")
    with pytest.raises(CorruptDocument, match="nullen.txt: corrupt"):
        read_bytes(bytes(data), "liegt.zip")


def test_nested_bomb_fails_the_whole_archive(bad: Path) -> None:
    outer = _zip(
        {"a.txt": b"ok\n", "bom.zip": (bad / "zipbom.zip").read_bytes()}, zipfile.ZIP_STORED
    )
    with pytest.raises(ZipBomb):
        read_bytes(outer, "buiten.zip")


def test_limits_depth_members_total() -> None:
    data = _zip({"a.txt": b"a\n"})
    for _ in range(3):
        data = _zip({"x.zip": data})
    assert read_bytes(data, "diep.zip").walk()[-1].text == "a\n"
    with pytest.raises(LimitExceeded, match="diep"):
        read_bytes(data, "diep.zip", ctx=ReadContext(max_depth=2))
    many = _zip({f"{i}.txt": b"x\n" for i in range(20)})
    with pytest.raises(LimitExceeded):
        read_bytes(many, "veel.zip", ctx=ReadContext(max_members=10))
    with pytest.raises(LimitExceeded):
        read_bytes(many, "groot.zip", ctx=ReadContext(max_total_bytes=30))


def test_encrypted(bad: Path) -> None:
    with pytest.raises(EncryptedDocument):
        read_path(bad / "versleuteld.zip")


def test_corrupt_member_is_warning_not_failure(bad: Path) -> None:
    data = _zip({"goed.txt": b"goed\n", "kapot.pdf": (bad / "kapot.pdf").read_bytes()})
    doc = read_bytes(data, "gemengd.zip")
    assert [c.name for c in doc.children] == ["goed.txt"]
    assert len(doc.warnings) == 1 and "gemengd.zip#kapot.pdf: corrupt" in doc.warnings[0]


def test_truncated_zip(bad: Path) -> None:
    with pytest.raises(CorruptDocument):
        read_path(bad / "kapot.zip")
