from __future__ import annotations

import json
import zipfile

import pytest

from wooflow.case.publish.package import MANIFEST, ZIP_NAME, Package, atomic_write, verify_manifest
from wooflow.exceptions import CaseError


def test_manifest_hashes_zip_and_rerun_removes_stale_files(tmp_path):
    pkg = Package(tmp_path)
    pkg.write("a.pdf", b"%PDF-a", "document")
    pkg.write("b.xml", b"<x/>", "metadata")
    manifest = pkg.finish("W-1", {"documenten": 2})
    assert [f["path"] for f in manifest["files"]] == ["a.pdf", "b.xml"]
    assert verify_manifest(tmp_path) == []
    with zipfile.ZipFile(tmp_path / ZIP_NAME) as zf:
        assert sorted(zf.namelist()) == ["a.pdf", "b.xml", MANIFEST]
    (tmp_path / "a.pdf").write_bytes(b"tampered")
    assert verify_manifest(tmp_path) == ["a.pdf: hash of grootte klopt niet"]

    again = Package(tmp_path)
    again.write("b.xml", b"<y/>", "metadata")
    again.finish("W-1", {"documenten": 1})
    assert not (tmp_path / "a.pdf").exists()
    data = json.loads((tmp_path / MANIFEST).read_text())
    assert data["case_number"] == "W-1" and data["counts"] == {"documenten": 1}
    assert data["package_version"] == 1


def test_no_paths_outside_the_package(tmp_path):
    pkg = Package(tmp_path)
    for bad in ("../x", "/etc/x", MANIFEST, "a/../../x"):
        with pytest.raises(CaseError):
            pkg.write(bad, b"", "x")


def test_atomic_write_leaves_no_temporaries(tmp_path):
    atomic_write(tmp_path / "sub" / "f.bin", b"1")
    atomic_write(tmp_path / "sub" / "f.bin", b"2")
    assert [p.name for p in (tmp_path / "sub").iterdir()] == ["f.bin"]
    assert (tmp_path / "sub" / "f.bin").read_bytes() == b"2"
