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
from wooflow.store.location import CaseLocation, parse_location

LOCK_NAME = "zaak.lock"
_held: dict[str, tuple[int, int]] = {}  # resolved lock path -> (fd, depth)


@contextmanager
def case_lock(case_dir: str | os.PathLike[str] | CaseLocation) -> Iterator[None]:
    """Hold the case's writer lock; raises ``CaseError`` when another process holds it."""
    location = parse_location(case_dir)
    if location.url is not None:
        with _pg_lock(location):
            yield
        return
    folder = location.folder
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


_PG_LOCK_KEY = (4242, 2)  # (class, object) of the advisory lock "one batch run on this case"


@contextmanager
def _pg_lock(location: CaseLocation) -> Iterator[None]:
    key = str(location.url)
    if key in _held:
        fd, depth = _held[key]
        _held[key] = (fd, depth + 1)
        try:
            yield
        finally:
            fd, depth = _held[key]
            _held[key] = (fd, depth - 1)
        return
    from wooflow.store.postgres import connect

    conn = connect(key)
    try:
        row = conn.execute("SELECT pg_try_advisory_lock(?, ?)", _PG_LOCK_KEY).fetchone()
        if not row[0]:
            raise CaseError(
                f"{location}: deze zaak wordt al bewerkt door een andere wooflow-opdracht;"
                " wacht tot die klaar is en start dan opnieuw"
            )
        _held[key] = (-1, 1)
        try:
            yield
        finally:
            del _held[key]
    finally:
        conn.close()  # ending the session releases the advisory lock
