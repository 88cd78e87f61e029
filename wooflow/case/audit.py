"""Append-only audit log: every review action, judgement and scope change, with time and actor.

A Woo decision can be challenged (bezwaar); the body must be able to show who decided what and
when. Rows are only ever inserted, never updated or deleted.
"""

from __future__ import annotations

import getpass
import json
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any

from wooflow.store.repos import audit as audit_rows


def now() -> str:
    """UTC timestamp, ISO 8601 to the second."""
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat()


def default_actor() -> str:
    """The login name of whoever runs wooflow (reviewer identity in the audit log)."""
    try:
        return getpass.getuser()
    except Exception:  # no login name in some containers
        return "onbekend"


@dataclass(frozen=True, slots=True)
class AuditEntry:
    id: int
    at: str
    actor: str
    action: str
    doc_id: int | None
    target: str | None
    detail: dict[str, Any]

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "at": self.at,
            "actor": self.actor,
            "action": self.action,
            "doc_id": self.doc_id,
            "target": self.target,
            "detail": self.detail,
        }


def log(
    conn: Any,
    actor: str,
    action: str,
    doc_id: int | None = None,
    target: str | None = None,
    detail: dict[str, Any] | None = None,
    **more: Any,
) -> None:
    """Record one action (call inside the transaction that makes the change)."""
    detail = {**(detail or {}), **more}
    audit_rows.append(conn, now(), actor, action, doc_id, target, json.dumps(detail, ensure_ascii=False, default=str))


def entries(
    conn: Any, doc_id: int | None = None, action: str | None = None
) -> list[AuditEntry]:
    """The log, oldest first, optionally for one document or one kind of action."""
    return [
        AuditEntry(
            id=r["id"],
            at=r["at"],
            actor=r["actor"],
            action=r["action"],
            doc_id=r["doc_id"],
            target=r["target"],
            detail=json.loads(r["detail"]),
        )
        for r in audit_rows.rows(conn, doc_id, action)
    ]
