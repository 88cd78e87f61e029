"""The audit log as it goes into the publication package (``auditlog.csv``).

The package is what gets published, so this copy says what was done and when, but not who by
name nor what was redacted: accounts become their role and a number ("beoordelaar 2"), the
automatic steps stay "wooflow (automatisch)", documents are named by their inventory number,
and the details keep only fields that hold no document text (status, ground, category,
decision, counts, page): a redacted name, a reviewer's note or a search string never gets in,
so nothing needs scrubbing (the package's scrubber is one regular expression over every
redacted form: far too slow for tens of thousands of log lines). The restlekcontrole checks
the file like any other. The full log with names stays in the case (``/audit.csv``).
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Mapping
from datetime import datetime
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from wooflow.case.case import Case

FILE_NAME = "auditlog.csv"
AUTOMATIC_ACTORS = frozenset({"detectie", "beleid", "propagatie", "dedupe", "wooflow (automatisch)"})


def _local(at: str) -> str:
    try:
        when = datetime.fromisoformat(at.replace("Z", "+00:00"))
    except ValueError:
        return at
    return when.astimezone().strftime("%d-%m-%Y %H:%M:%S").lstrip("0")


# detail fields that never hold document text or names (values are codes, statuses, numbers)
SAFE_KEYS = frozenset({
    "status", "previous", "ground", "previous_ground", "category", "previous_category",
    "decision", "bulk", "propagated", "count", "documents", "pagina", "soort", "new",
    "accepted", "gepubliceerd", "paginas", "voorgesteld", "zip", "findings", "set_by", "selectie",
})  # fmt: skip


def _detail(detail: Any) -> str:
    if not isinstance(detail, dict):
        return ""
    parts = []
    for key, value in detail.items():
        if key not in SAFE_KEYS:
            continue
        if isinstance(value, list):  # e.g. a person decision's former rows: their number
            value = len(value)
        if isinstance(value, dict) or (isinstance(value, str) and len(value) > 40):
            continue
        parts.append(f"{key}: {value}")
    return "; ".join(parts)[:500]


def to_csv(case: Case, numbers: Mapping[int, str], labels: Mapping[str, str] | None = None) -> bytes:
    """The case's audit log for the package (``;``-separated, UTF-8 with BOM).

    ``numbers``: document id -> inventory number; ``labels``: action -> Dutch label."""
    from wooflow.case.users import ROLE_LABELS
    from wooflow.store.repos import audit_export

    labels = labels or {}
    roles = audit_export.roles(case.conn)
    aliases: dict[str, str] = {}
    per_role: dict[str, int] = {}

    def who(actor: str) -> str:
        if actor in AUTOMATIC_ACTORS:
            return "wooflow (automatisch)"
        if actor not in aliases:
            role = ROLE_LABELS.get(roles.get(actor, ""), "medewerker")
            per_role[role] = per_role.get(role, 0) + 1
            aliases[actor] = f"{role} {per_role[role]}"
        return aliases[actor]

    out = io.StringIO()
    w = csv.writer(out, delimiter=";")
    w.writerow(["tijd", "wie", "handeling", "document (inventarisnummer)", "details", "tijd (UTC)"])
    for r in audit_export.entries(case.conn):
        try:
            detail = json.loads(r["detail"])
        except (TypeError, ValueError):
            detail = r["detail"]
        if r["action"].startswith("user."):
            detail = {}  # account names and roles are not the public's business
        elif r["action"].startswith("person.") and isinstance(detail, dict):
            # "previous" of a merge is a person key: only the decision goes along
            detail = {k: detail[k] for k in ("decision", "propagated") if k in detail}
        w.writerow([
            _local(r["at"]), who(str(r["actor"])), labels.get(r["action"], r["action"]),
            numbers.get(r["doc_id"], "") if r["doc_id"] is not None else "",
            _detail(detail), r["at"],
        ])  # fmt: skip
    return ("\ufeff" + out.getvalue()).encode("utf-8")


__all__ = ["FILE_NAME", "to_csv"]
