"""Persons of a case (``case_persons``: key, display name, decision, forms seen) and the
finding columns that tie findings to them (``case_findings.person_key``)."""

from __future__ import annotations

from typing import Any


def decision(conn: Any, key: str) -> str | None:
    row = conn.execute("SELECT decision FROM case_persons WHERE key=?", (key,)).fetchone()
    return None if row is None else str(row["decision"])


def decided_at(conn: Any, key: str) -> str | None:
    row = conn.execute("SELECT decided_at FROM case_persons WHERE key=?", (key,)).fetchone()
    return None if row is None else row["decided_at"]


def person_findings(conn: Any, categories: tuple[str, ...]) -> list[Any]:
    """(id, doc_id, start, text, category, action, person_key) of findings that can name a person."""
    marks = ", ".join("?" for _ in categories)
    return list(conn.execute(
        "SELECT id, doc_id, start, text, category, action, person_key FROM case_findings"
        f" WHERE category IN ({marks})", categories,
    ).fetchall())


def person_findings_after(conn: Any, categories: tuple[str, ...], after: int, limit: int) -> list[Any]:
    """The next ``limit`` rows of :func:`person_findings` with an id above ``after``, by id: the
    case-wide person pass pages through them instead of holding every person finding."""
    marks = ", ".join("?" for _ in categories)
    return list(conn.execute(
        "SELECT id, doc_id, start, text, category, action, person_key FROM case_findings"
        f" WHERE id > ? AND category IN ({marks}) ORDER BY id LIMIT ?", (after, *categories, limit),
    ).fetchall())


def forms_and_displays(conn: Any) -> list[Any]:
    return list(conn.execute("SELECT key, forms, display FROM case_persons"))


def set_finding_keys(conn: Any, changed: list[tuple[str | None, int]]) -> None:
    """(person_key, finding id) pairs."""
    conn.executemany("UPDATE case_findings SET person_key=? WHERE id=?", changed)


def insert(conn: Any, key: str, display: str, decision: str, forms_json: str) -> None:
    conn.execute("INSERT INTO case_persons(key, display, decision, forms) VALUES (?,?,?,?)",
                 (key, display, decision, forms_json))


def update_forms(conn: Any, key: str, forms_json: str, display: str) -> None:
    conn.execute("UPDATE case_persons SET forms=?, display=? WHERE key=?", (forms_json, display, key))


def finding_counts(conn: Any) -> dict[str, tuple[int, int]]:
    """person_key -> (findings, documents)."""
    return {
        r["person_key"]: (int(r["n"]), int(r["d"]))
        for r in conn.execute(
            "SELECT person_key, COUNT(*) AS n, COUNT(DISTINCT doc_id) AS d FROM case_findings"
            " WHERE person_key IS NOT NULL GROUP BY person_key"
        )
    }


def all_rows(conn: Any) -> list[Any]:
    return list(conn.execute("SELECT * FROM case_persons ORDER BY display"))


def findings_of(conn: Any, key: str) -> list[Any]:
    """(id, doc_id, status, action) of a person's findings: the state before a decision."""
    return list(conn.execute(
        "SELECT id, doc_id, status, action FROM case_findings WHERE person_key=?", (key,)
    ).fetchall())


def redact_findings(conn: Any, key: str, actor: str, at: str, prev_at: str | None) -> None:
    """Redact a person's findings; a span rejected by hand stays rejected unless the previous
    person decision (timestamp ``prev_at``) rejected it."""
    conn.execute(
        "UPDATE case_findings SET action='redact', status='accepted', reviewer=?,"
        " reviewed_at=? WHERE person_key=? AND (status IN ('proposed', 'accepted')"
        " OR (status='rejected' AND reviewed_at IS ?))",
        (actor, at, key, prev_at),
    )


def keep_findings(conn: Any, key: str, actor: str, at: str) -> None:
    conn.execute(
        "UPDATE case_findings SET status='rejected', reviewer=?, reviewed_at=?"
        " WHERE person_key=? AND action='redact' AND status IN ('proposed', 'accepted')",
        (actor, at, key),
    )


def set_decision(conn: Any, key: str, decision: str, actor: str | None, at: str | None) -> None:
    conn.execute("UPDATE case_persons SET decision=?, decided_by=?, decided_at=? WHERE key=?",
                 (decision, actor, at, key))


def add_propagated(conn: Any, doc_id: int, start: int, end: int, text: str, category: str, reason: str,
                   key: str, actor: str, at: str) -> None:
    """An accepted redaction of another form of a redacted person, found by propagation."""
    conn.execute(
        'INSERT INTO case_findings(doc_id, start, "end", text, category, action,'
        " ground, score, recognizer, reason, status, source, person_key,"
        " reviewer, reviewed_at, created_at) VALUES"
        " (?,?,?,?,?, 'redact', '5.1.2e', 1.0, 'propagation', ?, 'accepted',"
        " 'propagation', ?, ?, ?, ?)",
        (doc_id, start, end, text, category, reason, key, actor, at, at),
    )
