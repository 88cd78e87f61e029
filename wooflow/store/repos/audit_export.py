"""Reads of the package's audit log (:mod:`wooflow.case.publish.auditcsv`). Portable SQL."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any


def roles(conn: Any) -> dict[str, str]:
    """username -> role of every account, removed ones included (the log names them too)."""
    return {str(r[0]): str(r[1]) for r in conn.execute("SELECT username, role FROM case_users")}


def entries(conn: Any) -> Iterator[Any]:
    """Every audit entry (at, actor, action, doc_id, detail), oldest first."""
    yield from conn.execute("SELECT at, actor, action, doc_id, detail FROM case_audit ORDER BY id")
