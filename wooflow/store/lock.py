"""One writer per case: an OS file lock on ``<case>/zaak.lock`` held by a batch run.

``wooflow process`` and ``wooflow ingest`` take it for their whole run; a second run on the same
case stops at once with one clear line instead of racing the first into a UNIQUE-constraint
error. The lock is ``fcntl.flock`` on an open file: the kernel releases it when the process
ends, also after ``kill -9``, so a stale lock file never blocks a later run. Nested use within
one process (``process`` calling the ingest loop) shares the lock.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from wooflow.exceptions import CaseError

LOCK_NAME = "zaak.lock"
_held: dict[str, tuple[int, int]] = {}  # resolved lock path -> (fd, depth)


@contextmanager
def case_lock(case_dir: str | os.PathLike[str]) -> Iterator[None]:
    """Hold the case's writer lock; raises ``CaseError`` when another process holds it."""
    folder = Path(case_dir)
    folder.mkdir(parents=True, exist_ok=True)
    path = str((folder / LOCK_NAME).resolve())
    if path in _held:
        fd, depth = _held[path]
        _held[path] = (fd, depth + 1)
        try:
            yield
        finally:
            fd, depth = _held[path]
            _held[path] = (fd, depth - 1)
        return
    fd = _acquire(path, folder)
    _held[path] = (fd, 1)
    try:
        yield
    finally:
        del _held[path]
        os.close(fd)  # closing the descriptor releases the lock


def _acquire(path: str, folder: Path) -> int:
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as exc:
        raise CaseError(f"{folder}: kan zaakmap niet vergrendelen: {exc.strerror or exc}") from None
    try:
        import fcntl
    except ImportError:  # no flock (Windows): one writer is then the user's responsibility
        return fd
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        holder = _holder(fd)
        os.close(fd)
        raise CaseError(
            f"{folder}: deze zaak wordt al bewerkt door een andere wooflow-opdracht{holder};"
            " wacht tot die klaar is en start dan opnieuw"
        ) from None
    os.ftruncate(fd, 0)
    os.write(fd, f"{os.getpid()}\n".encode())
    return fd


def _holder(fd: int) -> str:
    try:
        pid = os.pread(fd, 32, 0).decode("ascii", "replace").strip()
    except OSError:
        return ""
    return f" (proces {pid})" if pid.isdigit() else ""
