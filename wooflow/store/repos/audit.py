"""The append-only audit log (``case_audit``): rows are inserted, never updated or deleted."""

from __future__ import annotations

from typing import Any


def append(conn: Any, at: str, actor: str, action: str, doc_id: int | None, target: str | None,
           detail_json: str) -> None:
    conn.execute(
        "INSERT INTO case_audit(at, actor, action, doc_id, target, detail) VALUES (?,?,?,?,?,?)",
        (at, actor, action, doc_id, target, detail_json),
    )


def rows(conn: Any, doc_id: int | None = None, action: str | None = None) -> list[Any]:
    """Log rows, oldest first, optionally for one document or one kind of action."""
    sql = "SELECT * FROM case_audit WHERE 1=1"
    args: list[Any] = []
    if doc_id is not None:
        sql += " AND doc_id = ?"
        args.append(doc_id)
    if action is not None:
        sql += " AND action = ?"
        args.append(action)
    return list(conn.execute(sql + " ORDER BY id", args))


# -- versions for optimistic locking: the id of the last audit entry that changed a thing --------


def entry(conn: Any, entry_id: int) -> Any:
    return conn.execute("SELECT * FROM case_audit WHERE id=?", (entry_id,)).fetchone()


def finding_keys(conn: Any, doc_id: int) -> dict[int, str | None]:
    """finding id -> person key of a document's findings."""
    return {int(r[0]): r[1] for r in conn.execute("SELECT id, person_key FROM case_findings WHERE doc_id=?",
                                                   (doc_id,))}


def finding_doc_and_key(conn: Any, finding_id: int) -> tuple[int, str | None] | None:
    row = conn.execute("SELECT doc_id, person_key FROM case_findings WHERE id=?", (finding_id,)).fetchone()
    return None if row is None else (int(row["doc_id"]), row["person_key"])


def finding_versions(conn: Any, doc_id: int) -> dict[int, int]:
    """finding id -> last ``finding.*`` entry of a document's findings."""
    return {
        int(r[0]): int(r[1])
        for r in conn.execute(
            "SELECT CAST(target AS INTEGER), MAX(id) FROM case_audit WHERE doc_id=?"
            " AND action LIKE 'finding.%' GROUP BY target",
            (doc_id,),
        )
    }


def person_versions(conn: Any, keys: list[str]) -> dict[str, int]:
    """person key -> last ``person.decide`` entry."""
    out: dict[str, int] = {}
    for i in range(0, len(keys), 500):
        chunk = keys[i : i + 500]
        for r in conn.execute(
            f"SELECT target, MAX(id) FROM case_audit WHERE action='person.decide'"
            f" AND target IN ({','.join('?' * len(chunk))}) GROUP BY target",
            chunk,
        ):
            out[str(r[0])] = int(r[1])
    return out


def finding_version(conn: Any, doc_id: int, finding_id: int) -> int:
    v = conn.execute(
        "SELECT MAX(id) FROM case_audit WHERE doc_id=? AND target=? AND action LIKE 'finding.%'",
        (doc_id, str(finding_id)),
    ).fetchone()[0]
    return int(v or 0)


def person_version(conn: Any, key: str) -> int:
    v = conn.execute("SELECT MAX(id) FROM case_audit WHERE action='person.decide' AND target=?", (key,)).fetchone()[0]
    return int(v or 0)


def person_edit_version(conn: Any, key: str) -> int:
    """Last entry that decided, merged into, split or set aside the person ``key``."""
    v = conn.execute("SELECT MAX(id) FROM case_audit WHERE target=? AND action IN"
                     " ('person.decide', 'person.merge', 'person.split', 'person.notperson')", (key,)).fetchone()[0]
    return int(v or 0)


def judgement_version(conn: Any, doc_id: int) -> int:
    v = conn.execute("SELECT MAX(id) FROM case_audit WHERE doc_id=? AND action LIKE 'judgement.%'",
                     (doc_id,)).fetchone()[0]
    return int(v or 0)


def document_version(conn: Any, doc_id: int) -> int:
    v = conn.execute("SELECT MAX(id) FROM case_audit WHERE doc_id=?", (doc_id,)).fetchone()[0]
    return int(v or 0)
