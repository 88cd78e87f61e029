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


def test_package_folder_refuses_a_case_and_strangers(tmp_path):
    from wooflow.case.publish.package import check_package_dir, default_case_dir
    from wooflow.cli.cmd_serve import case_folder

    out = tmp_path / "out"
    assert default_case_dir(out) == tmp_path / "out.zaak"
    check_package_dir(out, default_case_dir(out))  # missing: fine
    out.mkdir()
    check_package_dir(out, default_case_dir(out))  # empty: fine
    with pytest.raises(CaseError, match="ligt in de pakketmap"):
        check_package_dir(out, out / "zaak")
    (out / "case").mkdir()
    (out / "case" / "case.sqlite").write_bytes(b"")
    with pytest.raises(CaseError, match="bevat een zaak"):
        check_package_dir(out, default_case_dir(out))
    (out / "case" / "case.sqlite").unlink()
    (out / "case").rmdir()
    (out / "notities.txt").write_text("intern", encoding="utf-8")
    with pytest.raises(CaseError, match="notities.txt"):
        check_package_dir(out, default_case_dir(out))
    # a previous wooflow package (manifest + its files) and interrupted writes are fine
    (out / "notities.txt").unlink()
    pkg = Package(out)
    pkg.write("inventaris.csv", b"ID\r\n", "inventaris")
    pkg.finish("W-1", {})
    (out / ".tmp-abc").write_bytes(b"x")
    check_package_dir(out, default_case_dir(out))
    assert not (out / ".tmp-abc").exists()
    # `wooflow serve OUT` finds the case beside the package
    (tmp_path / "out.zaak").mkdir()
    (tmp_path / "out.zaak" / "case.sqlite").write_bytes(b"")
    assert case_folder(out) == tmp_path / "out.zaak"


def test_journal_lets_an_interrupted_run_resume(tmp_path):
    from wooflow.case.publish.package import JOURNAL, check_package_dir

    out, case = tmp_path / "out", tmp_path / "zaak"
    case.mkdir()
    pkg = Package(out, journal=case / JOURNAL)
    pkg.expect(["0001 - a.pdf"])
    (out / "0001 - a.pdf").write_bytes(b"%PDF")  # written by a worker, then the run stopped
    check_package_dir(out, case)  # no manifest yet, but the case wrote it: resumable
    other = tmp_path / "ander"
    other.mkdir()
    with pytest.raises(CaseError):
        check_package_dir(out, other)  # another case did not write it


def test_legacy_case_inside_the_package_is_moved_beside_it(tmp_path):
    from wooflow.case.publish.package import move_legacy_case

    out = tmp_path / "out"
    (out / "case" / "blobs").mkdir(parents=True)
    (out / "case" / "case.sqlite").write_bytes(b"db")
    assert move_legacy_case(out) == tmp_path / "out.zaak"
    assert (tmp_path / "out.zaak" / "case.sqlite").read_bytes() == b"db" and not (out / "case").exists()
    (out / "case").mkdir()
    (out / "case" / "case.sqlite").write_bytes(b"tweede")
    assert move_legacy_case(out) is None  # never over an existing case


def test_finish_removes_what_this_case_wrote_but_did_not_publish(tmp_path):
    from wooflow.case.publish.package import JOURNAL

    out, case = tmp_path / "out", tmp_path / "zaak"
    case.mkdir()
    pkg = Package(out, journal=case / JOURNAL)
    pkg.expect(["0001 - a.pdf"])
    (out / "0001 - a.pdf").write_bytes(b"%PDF rejected by the verifier")
    pkg.write("inventaris.csv", b"ID\r\n", "inventaris")
    pkg.finish("W-1", {})
    assert not (out / "0001 - a.pdf").exists() and (out / "inventaris.csv").is_file()
