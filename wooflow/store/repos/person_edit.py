"""Person corrections of :mod:`wooflow.case.person_edit`: form links (``case_person_links``),
person rows and the findings that move between persons. Portable SQL (SQLite and PostgreSQL):
upserts through :func:`wooflow.store.dialect.upsert_sql`."""

from __future__ import annotations

import json
from typing import Any

from wooflow.store.dialect import upsert_sql

P_ALL = ("key", "display", "decision", "forms", "decided_by", "decided_at")  # case_persons
LINK_COLS = ("form", "person_key", "kind", "note", "actor", "at")  # case_person_links, in table order


def links(conn: Any) -> dict[str, str]:
    """Folded form -> person key ('' = not a person)."""
    return {str(r[0]): str(r[1]) for r in conn.execute("SELECT form, person_key FROM case_person_links")}


def person(conn: Any, key: str) -> Any:
    return conn.execute("SELECT * FROM case_persons WHERE key=?", (key,)).fetchone()


def person_exists(conn: Any, key: str) -> bool:
    return conn.execute("SELECT 1 FROM case_persons WHERE key=?", (key,)).fetchone() is not None


def person_snapshot(conn: Any, key: str) -> list[Any] | None:
    """The person's row (columns ``P_ALL``) as a list, for undo."""
    row = conn.execute(f"SELECT {', '.join(P_ALL)} FROM case_persons WHERE key=?", (key,)).fetchone()
    return list(row) if row else None


def link_snapshot(conn: Any, form: str) -> list[Any] | None:
    row = conn.execute("SELECT * FROM case_person_links WHERE form=?", (form,)).fetchone()
    return list(row) if row else None


def findings_of(conn: Any, key: str) -> list[Any]:
    """(id, doc_id, text, action, status, source) of a person's findings."""
    return list(conn.execute(
        "SELECT id, doc_id, text, action, status, source FROM case_findings WHERE person_key=?", (key,)
    ).fetchall())


def last_undo_since(conn: Any, username: str, top: int) -> Any:
    """The user's newest undo entry after id ``top`` (id, payload), or None."""
    return conn.execute(
        "SELECT id, payload FROM case_undo WHERE username=? AND id>? ORDER BY id DESC LIMIT 1",
        (username, top),
    ).fetchone()


def set_undo_payload(conn: Any, undo_id: int, payload: str) -> None:
    conn.execute("UPDATE case_undo SET payload=? WHERE id=?", (payload, undo_id))


def top_undo(conn: Any) -> int:
    return int(conn.execute("SELECT COALESCE(MAX(id), 0) FROM case_undo").fetchone()[0])


def put_link(conn: Any, row: tuple[Any, ...] | list[Any]) -> None:
    """Insert or replace a form link (columns ``LINK_COLS``)."""
    conn.execute(upsert_sql("case_person_links", LINK_COLS, "form"), tuple(row))


def drop_link(conn: Any, form: str) -> None:
    conn.execute("DELETE FROM case_person_links WHERE form=?", (form,))


def put_person(conn: Any, row: list[Any]) -> None:
    """Insert or replace a person row (columns ``P_ALL``)."""
    conn.execute(upsert_sql("case_persons", P_ALL, "key"), tuple(row))


def new_person(conn: Any, key: str, display: str, forms: list[str]) -> None:
    """An undecided person with these forms (replacing a row with the same key)."""
    conn.execute(upsert_sql("case_persons", ("key", "display", "decision", "forms"), "key"),
                 (key, display, "undecided", json.dumps(forms, ensure_ascii=False)))


def drop_person(conn: Any, key: str) -> None:
    conn.execute("DELETE FROM case_persons WHERE key=?", (key,))


def set_forms(conn: Any, key: str, forms: list[str], display: str | None = None) -> None:
    text = json.dumps(forms, ensure_ascii=False)
    if display is None:
        conn.execute("UPDATE case_persons SET forms=? WHERE key=?", (text, key))
    else:
        conn.execute("UPDATE case_persons SET forms=?, display=? WHERE key=?", (text, display, key))


def move_findings(conn: Any, from_key: str, to_key: str) -> None:
    conn.execute("UPDATE case_findings SET person_key=? WHERE person_key=?", (to_key, from_key))


def move_finding_ids(conn: Any, ids: list[int], to_key: str) -> None:
    conn.executemany("UPDATE case_findings SET person_key=? WHERE id=?", [(to_key, i) for i in ids])


def make_not_a_person(conn: Any, key: str, reason: str, actor: str, at: str) -> None:
    """A person's findings stop being person findings: propagated redactions go, the rest become
    decided keep-public items (a reviewer's own additions stay), the person row goes."""
    conn.execute("DELETE FROM case_findings WHERE person_key=? AND source='propagation'", (key,))
    conn.execute(
        "UPDATE case_findings SET action='keep', ground=NULL, status='accepted', reason=?,"
        " reviewer=?, reviewed_at=? WHERE person_key=? AND status != 'added'",
        (reason, actor, at, key),
    )
    conn.execute("UPDATE case_findings SET person_key=NULL WHERE person_key=?", (key,))
    conn.execute("DELETE FROM case_persons WHERE key=?", (key,))


def not_persons(conn: Any) -> list[Any]:
    """The forms marked "geen persoon" (form, note, actor, at), newest first."""
    return list(conn.execute(
        "SELECT form, note, actor, at FROM case_person_links WHERE kind='notperson' ORDER BY at DESC, form"
    ))
