"""Work division and the one definition of progress: a status per document, and assignments.

Status of a document (``DOC_STATUSES``):

- ``nieuw``: nobody has worked on it yet;
- ``in behandeling``: someone decided something in it, or it was reopened;
- ``beoordeeld``: a reviewer declared it done, with no proposal left open;
- ``gecontroleerd``: a second person checked it after that (optional per case).

A document that was marked done but has open proposals again (new detection) counts as
``in behandeling``: "beoordeeld" never just means "no open proposal", and never hides one.
Progress counts the documents under review (in scope, not "dubbel") that are beoordeeld or
gecontroleerd; every screen and report should use :func:`progress`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from wooflow.case import audit
from wooflow.case.users import ensure_schema
from wooflow.exceptions import CaseError

if TYPE_CHECKING:
    from wooflow.case.case import Case
    from wooflow.case.users import User

NEW, BUSY, DONE, CHECKED = "nieuw", "in behandeling", "beoordeeld", "gecontroleerd"
DOC_STATUSES = (NEW, BUSY, DONE, CHECKED)
_OPEN = "SELECT DISTINCT doc_id FROM case_findings WHERE status='proposed'"


def _marks(ids: list[int]) -> str:
    return ",".join(str(int(i)) for i in ids) or "NULL"


def open_counts(case: Case, doc_ids: Iterable[int]) -> dict[int, int]:
    """Open proposals (redactions and keep-public items alike) per document."""
    ids = list(doc_ids)
    out: dict[int, int] = {}
    for i in range(0, len(ids), 900):
        chunk = ids[i : i + 900]
        out.update(
            case.conn.execute(
                f"SELECT doc_id, COUNT(*) FROM case_findings WHERE status='proposed'"
                f" AND doc_id IN ({_marks(chunk)}) GROUP BY doc_id"
            ).fetchall()
        )
    return out


def statuses(case: Case, doc_ids: Iterable[int] | None = None) -> dict[int, str]:
    """The effective status of each document (all documents when ``doc_ids`` is None)."""
    ensure_schema(case.store)
    where = "" if doc_ids is None else f" WHERE d.doc_id IN ({_marks(list(doc_ids))})"
    rows = case.conn.execute(
        "SELECT d.doc_id, s.status, o.doc_id IS NOT NULL FROM case_doc d"
        " LEFT JOIN case_doc_status s ON s.doc_id = d.doc_id"
        f" LEFT JOIN ({_OPEN}) o ON o.doc_id = d.doc_id" + where
    )
    out: dict[int, str] = {}
    for doc_id, stored, has_open in rows:
        st = stored or NEW
        if st in (DONE, CHECKED) and has_open:
            st = BUSY
        out[int(doc_id)] = st
    return out


def status(case: Case, doc_id: int) -> str:
    case.record(doc_id)
    return statuses(case, [doc_id])[doc_id]


@dataclass(frozen=True, slots=True)
class Progress:
    """Documents under review (in scope, not "dubbel") per status."""

    total: int
    by_status: Counter[str]

    @property
    def done(self) -> int:
        return self.by_status[DONE] + self.by_status[CHECKED]

    @property
    def percent(self) -> int:
        # rounded down: 2031 of 2037 is 99%, never a 100% that is not there
        return (100 * self.done) // self.total if self.total else 100

    def text(self) -> str:
        return f"{self.done} van {self.total} documenten beoordeeld ({self.percent}%)"


def progress(case: Case, doc_ids: Iterable[int] | None = None) -> Progress:
    """Progress of the case (or of some documents, e.g. one reviewer's work)."""
    ensure_schema(case.store)
    where = "" if doc_ids is None else f" AND doc_id IN ({_marks(list(doc_ids))})"
    ids = [
        r[0]
        for r in case.conn.execute(
            "SELECT doc_id FROM case_doc WHERE in_scope=1 AND judgement != 'dubbel'" + where
        )
    ]
    st = statuses(case, ids) if ids else {}
    return Progress(len(ids), Counter(st.values()))


def touch(case: Case, doc_id: int) -> None:
    """Record that someone worked on a document: it is (again) ``in behandeling``.

    Call inside the transaction of the change. A document marked done goes back to
    ``in behandeling``: a change after the check must be checked again.
    """
    case.conn.execute(
        "INSERT INTO case_doc_status(doc_id, status, actor, at) VALUES (?,?,?,?)"
        " ON CONFLICT(doc_id) DO UPDATE SET status=excluded.status, actor=excluded.actor,"
        " at=excluded.at, reviewed_by=NULL",
        (doc_id, BUSY, case.actor, audit.now()),
    )


def set_status(case: Case, doc_id: int, new: str, user: User) -> str:
    """Mark a document ``beoordeeld``, ``gecontroleerd`` or reopen it (``in behandeling``)."""
    ensure_schema(case.store)
    if new not in (BUSY, DONE, CHECKED):
        raise CaseError(f"onbekende status {new!r}")
    case.record(doc_id)
    with case.transaction() as conn:
        row = conn.execute(
            "SELECT status, reviewed_by FROM case_doc_status WHERE doc_id=?", (doc_id,)
        ).fetchone()
        current = statuses(case, [doc_id])[doc_id]
        reviewed_by = row["reviewed_by"] if row else None
        if new == DONE:
            n = open_counts(case, [doc_id]).get(doc_id, 0)
            if n:
                raise CaseError(
                    f"nog {n} voorstel{'len' if n != 1 else ''} open in dit document;"
                    " beslis die eerst, dan kan het document op beoordeeld"
                )
            reviewed_by = user.username
        elif new == CHECKED:
            if current != DONE:
                raise CaseError("alleen een beoordeeld document kan gecontroleerd worden")
            if reviewed_by == user.username:
                raise CaseError(
                    "de controle doet iemand anders dan wie het document beoordeelde"
                )
        conn.execute(
            "INSERT INTO case_doc_status(doc_id, status, reviewed_by, actor, at) VALUES (?,?,?,?,?)"
            " ON CONFLICT(doc_id) DO UPDATE SET status=excluded.status,"
            " reviewed_by=excluded.reviewed_by, actor=excluded.actor, at=excluded.at",
            (doc_id, new, reviewed_by if new != BUSY else None, user.username, audit.now()),
        )
        audit.log(conn, user.username, "doc.status", doc_id, new, previous=current)
    return new


def assign(case: Case, doc_ids: Iterable[int], username: str | None) -> int:
    """Give documents to a reviewer (``None``: take them back). Returns how many changed."""
    ensure_schema(case.store)
    ids = sorted(set(doc_ids))
    if username is not None:
        row = case.conn.execute(
            "SELECT role FROM case_users WHERE username=? AND active=1", (username,)
        ).fetchone()
        if row is None:
            raise CaseError(f"gebruiker {username!r} bestaat niet in deze zaak")
        if row["role"] == "viewer":
            raise CaseError(f"{username} is meelezer en kan geen documenten beoordelen")
    now = audit.now()
    with case.transaction() as conn:
        if username is None:
            conn.execute(f"DELETE FROM case_assign WHERE doc_id IN ({_marks(ids)})")
        else:
            conn.executemany(
                "INSERT INTO case_assign(doc_id, username, assigned_by, assigned_at) VALUES (?,?,?,?)"
                " ON CONFLICT(doc_id) DO UPDATE SET username=excluded.username,"
                " assigned_by=excluded.assigned_by, assigned_at=excluded.assigned_at",
                [(i, username, case.actor, now) for i in ids],
            )
        audit.log(conn, case.actor, "doc.assign", target=username or "",
                  documents=ids if len(ids) <= 50 else len(ids))
    return len(ids)


def assignees(case: Case, doc_ids: Iterable[int]) -> dict[int, str]:
    ensure_schema(case.store)
    ids = list(doc_ids)
    return dict(
        case.conn.execute(
            f"SELECT doc_id, username FROM case_assign WHERE doc_id IN ({_marks(ids)})"
        ).fetchall()
    )


def work_of(case: Case, username: str) -> list[int]:
    """The documents assigned to ``username``, in id order."""
    ensure_schema(case.store)
    return [
        r[0]
        for r in case.conn.execute(
            "SELECT doc_id FROM case_assign WHERE username=? ORDER BY doc_id", (username,)
        )
    ]
