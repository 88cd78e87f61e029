"""Content-addressed copies of original files: ``blobs/<sha256>``, written atomically.

A crash mid-write leaves only a temporary file (never a half blob under its final name), so a
blob that exists is complete.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


class BlobStore:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.root.mkdir(parents=True, exist_ok=True)

    def path(self, sha256: str) -> Path:
        if len(sha256) != 64 or any(c not in "0123456789abcdef" for c in sha256):
            raise ValueError(f"not a sha256: {sha256!r}")
        return self.root / sha256

    def has(self, sha256: str) -> bool:
        return self.path(sha256).exists()

    def put(self, sha256: str, data: bytes) -> Path:
        target = self.path(sha256)
        if target.exists():
            return target
        fd, tmp = tempfile.mkstemp(dir=self.root, prefix=".tmp-")
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, target)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        return target

    def get(self, sha256: str) -> bytes:
        return self.path(sha256).read_bytes()

    def clean_temporaries(self) -> None:
        """Remove leftovers of writes interrupted by a crash."""
        for tmp in self.root.glob(".tmp-*"):
            tmp.unlink(missing_ok=True)
