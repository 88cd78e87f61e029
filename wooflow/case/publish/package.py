"""The publication package: a folder of files, a manifest with SHA-256 of each, and a zip.

Every file is written to a temporary name and moved into place with os.replace, so a crash
or an interrupt never leaves a half-written PDF that looks complete. Files a previous run
wrote (listed in its manifest) but this run no longer produces are removed, so a re-run after
review gives the same folder as a fresh run.
"""

from __future__ import annotations

import hashlib
import json
import os
import secrets
import tempfile
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, overload

from wooflow.exceptions import CaseError

MANIFEST = "manifest.json"
ZIP_NAME = "publicatie.zip"
PACKAGE_VERSION = 1
JOURNAL = "pakket-bestanden.json"  # in the case folder: what this case wrote into its package
CASE_SUFFIX = ".zaak"


def atomic_write(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` via a temporary file in the same folder and os.replace."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".tmp-", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def atomic_write_with(path: Path, produce: Callable[[Path], None]) -> None:
    """Like ``atomic_write``, but ``produce(tmp)`` writes the file at ``tmp`` (a temporary
    name in the same folder, created empty): a large file is never held in memory whole."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".tmp-", dir=path.parent)
    os.close(fd)
    try:
        produce(Path(tmp))
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def atomic_write_json(path: Path, value: Any, *, indent: int, ensure_ascii: bool = True) -> None:
    """``atomic_write(path, json.dumps(value, indent=indent, ensure_ascii=ensure_ascii)
    .encode("utf-8"))``, the same bytes, written as they are made: ``json.dumps`` with an indent
    first makes a list of every piece of the text (a million small strings for the resume state
    or the journal of a case of 100,000 documents)."""

    def produce(tmp: Path) -> None:
        with open(tmp, "w", encoding="utf-8", newline="") as fh:
            json.dump(value, fh, indent=indent, ensure_ascii=ensure_ascii)

    atomic_write_with(path, produce)


def sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


@dataclass(slots=True)
class PackageFile:
    path: str  # relative to the package folder, "/" separated
    kind: str  # besluit, inventaris, document, metadata, rapport
    sha256: str
    size: int

    def to_json(self) -> dict[str, Any]:
        return {"path": self.path, "kind": self.kind, "sha256": self.sha256, "size": self.size}


@dataclass
class Package:
    """Collects the files of one package in ``out_dir`` and finishes with manifest and zip."""

    out_dir: Path
    files: dict[str, PackageFile] = field(default_factory=dict)
    journal: Path | None = None  # JOURNAL in the case folder; None: no bookkeeping

    def __post_init__(self) -> None:
        self.out_dir = Path(self.out_dir)
        self.out_dir.mkdir(parents=True, exist_ok=True)
        self._expected: set[str] = set(_journal_files(self.journal, self.out_dir)) if self.journal else set()

    def expect(self, rels: list[str]) -> None:
        """Record in the case folder that these files are about to be written into the package,
        so that a run interrupted before the manifest can be resumed into the same folder."""
        new = set(rels) - self._expected
        if not new or self.journal is None:
            return
        self._expected |= new
        body = {"out": str(self.out_dir.resolve()), "files": sorted(self._expected)}
        atomic_write_json(self.journal, body, indent=1, ensure_ascii=False)

    def write(self, rel: str, data: bytes, kind: str) -> Path:
        _check_rel(rel)
        self.expect([rel])
        path = self.out_dir / rel
        atomic_write(path, data)
        self.files[rel] = PackageFile(rel, kind, hashlib.sha256(data).hexdigest(), len(data))
        return path

    def write_with(self, rel: str, produce: Callable[[Path], None], kind: str) -> Path:
        """``write`` for a file that ``produce(tmp)`` writes at a temporary path: the package
        stage of a large case streams its inventory and decision to disk."""
        _check_rel(rel)
        self.expect([rel])
        path = self.out_dir / rel
        atomic_write_with(path, produce)
        self.add_existing(rel, kind)
        return path

    def add_existing(self, rel: str, kind: str) -> None:
        """Register a file already written into the folder (e.g. a redacted PDF)."""
        path = self.out_dir / rel
        self.files[rel] = PackageFile(rel, kind, sha256_file(path), path.stat().st_size)

    def previous_files(self) -> set[str]:
        try:
            old = json.loads((self.out_dir / MANIFEST).read_text(encoding="utf-8"))
            return {str(f["path"]) for f in old.get("files", [])}
        except (OSError, ValueError, TypeError, KeyError):
            return set()

    def finish(
        self, case_number: str, counts: dict[str, Any], extra: dict[str, Any] | None = None, make_zip: bool = True
    ) -> dict[str, Any]:
        """Remove stale files of a previous run, write manifest.json and the zip (without
        ``make_zip`` an old zip is removed: a blocked package has none); return the manifest."""
        from wooflow import __version__

        # stale: listed by the previous manifest, or written by this case (e.g. a PDF the leak
        # verifier rejected after it was written) but not part of this package
        for rel in (self.previous_files() | self._expected) - set(self.files) - {MANIFEST, ZIP_NAME}:
            stale = self.out_dir / rel
            if stale.is_file() and stale.resolve().is_relative_to(self.out_dir.resolve()):
                stale.unlink()
        listing = _Listing(sorted(self.files.values(), key=lambda f: f.path))
        manifest: dict[str, Any] = {
            "package_version": PACKAGE_VERSION,
            "generator": f"wooflow {__version__}",
            "case_number": case_number,
            "created": datetime.now(timezone.utc).replace(microsecond=0).isoformat(),
            "counts": counts,
            "files": listing,
        }
        if extra:
            manifest.update(extra)
        atomic_write_with(self.out_dir / MANIFEST, lambda tmp: write_manifest(manifest, tmp))
        if make_zip:
            self._zip()
        else:
            (self.out_dir / ZIP_NAME).unlink(missing_ok=True)
        return manifest

    def _zip(self) -> None:
        fd, tmp = tempfile.mkstemp(prefix=".tmp-", suffix=".zip", dir=self.out_dir)
        os.close(fd)
        try:
            with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=6) as zf:
                for rel in sorted(self.files):
                    zf.write(self.out_dir / rel, rel)
                zf.write(self.out_dir / MANIFEST, MANIFEST)
            os.replace(tmp, self.out_dir / ZIP_NAME)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise


class _Listing(Sequence[dict[str, Any]]):
    """The manifest's ``files``: one entry made when it is read (a case of 100,000 documents
    has 200,000 files; their entries as dicts and the manifest's text at once were ~150 MiB)."""

    def __init__(self, files: list[PackageFile]) -> None:
        self.files = files

    def __len__(self) -> int:
        return len(self.files)

    @overload
    def __getitem__(self, i: int) -> dict[str, Any]: ...

    @overload
    def __getitem__(self, i: slice) -> list[dict[str, Any]]: ...

    def __getitem__(self, i: int | slice) -> dict[str, Any] | list[dict[str, Any]]:
        if isinstance(i, slice):
            return [f.to_json() for f in self.files[i]]
        return self.files[i].to_json()


def write_manifest(manifest: dict[str, Any], path: Path) -> None:
    """``json.dumps(manifest, ensure_ascii=False, indent=2)`` in UTF-8 into ``path``, with the
    ``files`` entries written one at a time: the rest of the manifest is made with one marker
    entry in their place (a string no entry can be: it is a fresh random token), which is then
    replaced by the entries as ``json.dumps`` indents them at that depth."""
    files = manifest.get("files", [])
    if not files:
        path.write_bytes(json.dumps({**manifest, "files": []}, ensure_ascii=False, indent=2).encode("utf-8"))
        return
    token = f"wooflow-files-{secrets.token_hex(16)}"
    text = json.dumps({**manifest, "files": [token]}, ensure_ascii=False, indent=2)
    before, after = text.split(f'    "{token}"', 1)
    with open(path, "wb") as fh:
        fh.write(before.encode("utf-8"))
        for i, entry in enumerate(files):
            item = json.dumps(entry, ensure_ascii=False, indent=2).replace("\n", "\n    ")
            fh.write(((",\n    " if i else "    ") + item).encode("utf-8"))
        fh.write(after.encode("utf-8"))


def _check_rel(rel: str) -> None:
    if rel in (MANIFEST, ZIP_NAME) or rel.startswith(("/", "..")) or "/" in rel or "\\" in rel:
        raise CaseError(f"ongeldige bestandsnaam in pakket: {rel}")


def _journal_files(journal: Path | None, out_dir: Path) -> list[str]:
    """Files the case's journal says it wrote into ``out_dir`` (none when it names another)."""
    if journal is None or not journal.is_file():
        return []
    try:
        body = json.loads(journal.read_text(encoding="utf-8"))
        if Path(body["out"]) != Path(out_dir).resolve():
            return []
        return [str(f) for f in body["files"]]
    except (OSError, ValueError, TypeError, KeyError):
        return []


def default_case_dir(out_dir: str | os.PathLike[str]) -> Path:
    """The case folder that goes with a package folder: its sibling ``<out>.zaak``."""
    out = Path(os.path.abspath(out_dir))
    return out.with_name(out.name + CASE_SUFFIX)


def _is_wooflow_manifest(path: Path) -> bool:
    try:
        body = json.loads(path.read_text(encoding="utf-8"))
        return str(body.get("generator", "")).startswith("wooflow") and isinstance(body.get("files"), list)
    except (OSError, ValueError, AttributeError):
        return False


def move_legacy_case(out_dir: Path) -> Path | None:
    """Move a case that an older wooflow kept inside the package (``OUT/case``) to ``OUT.zaak``,
    when that folder does not exist yet; returns the new place (None when nothing was moved).
    A rename in the same parent folder: nothing is copied, nothing can be half moved."""
    old, new = Path(out_dir) / "case", default_case_dir(out_dir)
    if not (old / "case.sqlite").is_file() or new.exists():
        return None
    os.replace(old, new)
    return new


def check_package_dir(out_dir: Path, case_dir: Path) -> None:
    """Refuse a package folder that holds anything but a previous wooflow package of this case.

    A package folder is what gets uploaded or shared: the case (all original text, the original
    files) must never be in it, nor any other file, which would be published with it."""
    out, cdir = Path(out_dir), Path(case_dir)
    out_r, cdir_r = out.resolve(), cdir.resolve()
    if cdir_r == out_r or cdir_r.is_relative_to(out_r):
        raise CaseError(
            f"de zaakmap {cdir} ligt in de pakketmap {out}: een pakket bevat alleen te publiceren "
            f"bestanden; kies met --case een zaakmap buiten {out} (standaard {default_case_dir(out)})"
        )
    if out_r.is_relative_to(cdir_r) and cdir.exists():
        raise CaseError(f"de pakketmap {out} ligt in de zaakmap {cdir}; kies een andere --out")
    if not out.exists():
        return
    if not out.is_dir():
        raise CaseError(f"{out} is geen map")
    for db in (out / "case.sqlite", out / "case" / "case.sqlite"):
        if db.exists():
            raise CaseError(
                f"{out} bevat een zaak ({db}); een pakketmap bevat alleen te publiceren bestanden. "
                f"Verplaats de zaakmap naar {default_case_dir(out)} (of geef --case) en kies een lege map voor --out"
            )
    known: set[str] = set(_journal_files(cdir / JOURNAL, out))
    manifest = out / MANIFEST
    if manifest.is_file() and _is_wooflow_manifest(manifest):
        known |= {MANIFEST, ZIP_NAME} | Package(out).previous_files()
    strangers = []
    for entry in sorted(out.iterdir()):
        if entry.name.startswith(".tmp-") and entry.is_file():
            continue  # left by an interrupted write; removed below
        if entry.is_dir() or entry.name not in known:
            strangers.append(entry.name + ("/" if entry.is_dir() else ""))
    if strangers:
        more = f" en nog {len(strangers) - 5}" if len(strangers) > 5 else ""
        raise CaseError(
            f"{out} bevat bestanden die niet bij een wooflow-pakket van deze zaak horen "
            f"({', '.join(strangers[:5])}{more}); alles in de pakketmap wordt gepubliceerd: "
            "kies een lege map voor --out"
        )
    for entry in out.glob(".tmp-*"):
        entry.unlink(missing_ok=True)


def verify_manifest(out_dir: Path) -> list[str]:
    """Problems found when checking every file in the manifest against its hash and size."""
    out_dir = Path(out_dir)
    manifest = json.loads((out_dir / MANIFEST).read_text(encoding="utf-8"))
    problems = []
    for f in manifest["files"]:
        path = out_dir / f["path"]
        if not path.is_file():
            problems.append(f"{f['path']}: ontbreekt")
        elif path.stat().st_size != f["size"] or sha256_file(path) != f["sha256"]:
            problems.append(f"{f['path']}: hash of grootte klopt niet")
    return problems
