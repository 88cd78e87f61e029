"""Accounts on a case (``case_users``) and their login sessions (``case_sessions``)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any


@contextmanager
def unit(conn: Any) -> Iterator[Any]:
    """A transaction on a bare connection (joins one already open): for the web's per-request
    connection, which is not a store's."""
    if conn.in_transaction:
        yield conn
        return
    conn.execute("BEGIN")
    try:
        yield conn
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


def exists(conn: Any, name: str) -> bool:
    return conn.execute("SELECT 1 FROM case_users WHERE username=?", (name,)).fetchone() is not None


def insert(conn: Any, name: str, role: str, pw_hash: str, created_by: str, at: str) -> None:
    conn.execute(
        "INSERT INTO case_users(username, role, pw_hash, created_by, created_at) VALUES (?,?,?,?,?)",
        (name, role, pw_hash, created_by, at),
    )


def set_password(conn: Any, name: str, pw_hash: str) -> None:
    conn.execute("UPDATE case_users SET pw_hash=? WHERE username=?", (pw_hash, name))
    conn.execute("DELETE FROM case_sessions WHERE username=?", (name,))


def set_role(conn: Any, name: str, role: str) -> None:
    conn.execute("UPDATE case_users SET role=? WHERE username=?", (role, name))


def deactivate(conn: Any, name: str) -> None:
    conn.execute("UPDATE case_users SET active=0 WHERE username=?", (name,))
    conn.execute("DELETE FROM case_sessions WHERE username=?", (name,))


def rows(conn: Any, active_only: bool = True) -> list[tuple[str, str, bool]]:
    sql = "SELECT username, role, active FROM case_users"
    if active_only:
        sql += " WHERE active=1"
    return [(r[0], r[1], bool(r[2])) for r in conn.execute(sql + " ORDER BY username")]


def any_active(conn: Any) -> bool:
    """Is there an active account? False also when the tables were never made."""
    try:
        return conn.execute("SELECT 1 FROM case_users WHERE active=1 LIMIT 1").fetchone() is not None
    except sqlite3.OperationalError:
        return False
    except Exception as exc:  # PostgreSQL: undefined table
        if type(exc).__name__ == "UndefinedTable":
            return False
        raise


def credentials(conn: Any, name: str) -> tuple[str, str, str] | None:
    """(username, role, password hash) of an active account."""
    row = conn.execute(
        "SELECT username, role, pw_hash FROM case_users WHERE username=? AND active=1", (name,)
    ).fetchone()
    return None if row is None else (row[0], row[1], row[2])


def add_session(conn: Any, token_hash: str, name: str, csrf: str, now: str, expires: str) -> None:
    """Store a new session, dropping expired ones (in the caller's transaction)."""
    conn.execute("DELETE FROM case_sessions WHERE expires_at < ?", (now,))
    conn.execute(
        "INSERT INTO case_sessions(token_hash, username, csrf, created_at, expires_at) VALUES (?,?,?,?,?)",
        (token_hash, name, csrf, now, expires),
    )


def drop_session(conn: Any, token_hash: str) -> None:
    conn.execute("DELETE FROM case_sessions WHERE token_hash=?", (token_hash,))


def session(conn: Any, token_hash: str) -> tuple[str, str, str, str] | None:
    """(username, role, csrf, expires_at) of a session of an active account."""
    row = conn.execute(
        "SELECT u.username, u.role, s.csrf, s.expires_at FROM case_sessions s JOIN case_users u"
        " ON u.username = s.username WHERE s.token_hash=? AND u.active=1",
        (token_hash,),
    ).fetchone()
    return None if row is None else (row[0], row[1], row[2], row[3])
