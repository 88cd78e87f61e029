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
import tempfile
import zipfile
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from wooflow.exceptions import CaseError

MANIFEST = "manifest.json"
ZIP_NAME = "publicatie.zip"
PACKAGE_VERSION = 1


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

    def __post_init__(self) -> None:
        self.out_dir = Path(self.out_dir)
        self.out_dir.mkdir(parents=True, exist_ok=True)

    def write(self, rel: str, data: bytes, kind: str) -> Path:
        if rel in (MANIFEST, ZIP_NAME) or rel.startswith(("/", "..")) or "/../" in rel:
            raise CaseError(f"ongeldige bestandsnaam in pakket: {rel}")
        path = self.out_dir / rel
        atomic_write(path, data)
        self.files[rel] = PackageFile(rel, kind, hashlib.sha256(data).hexdigest(), len(data))
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

    def finish(self, case_number: str, counts: dict[str, Any], extra: dict[str, Any] | None = None) -> dict[str, Any]:
        """Remove stale files of a previous run, write manifest.json and the zip; return the
        manifest."""
        from wooflow import __version__

        for rel in self.previous_files() - set(self.files):
            stale = self.out_dir / rel
            if stale.is_file() and stale.resolve().is_relative_to(self.out_dir.resolve()):
                stale.unlink()
        manifest: dict[str, Any] = {
            "package_version": PACKAGE_VERSION,
            "generator": f"wooflow {__version__}",
            "case_number": case_number,
            "created": datetime.now(timezone.utc).replace(microsecond=0).isoformat(),
            "counts": counts,
            "files": [f.to_json() for f in sorted(self.files.values(), key=lambda f: f.path)],
        }
        if extra:
            manifest.update(extra)
        data = json.dumps(manifest, ensure_ascii=False, indent=2).encode("utf-8")
        atomic_write(self.out_dir / MANIFEST, data)
        self._zip()
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
