"""The embedded default store: one SQLite file ``case.sqlite`` in the case folder.

The on-disk format is unchanged from earlier versions (existing cases open as they are). The
connection runs in autocommit mode with explicit transactions (``BEGIN IMMEDIATE`` takes the
writer lock at once); WAL lets readers (the web UI) read while a batch writes.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

DB_NAME = "case.sqlite"


def connect(folder: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(folder / DB_NAME, isolation_level=None, timeout=30.0)
    conn.row_factory = sqlite3.Row
    return conn


def configure(conn: sqlite3.Connection) -> None:
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=NORMAL")
    conn.execute("PRAGMA foreign_keys=ON")
