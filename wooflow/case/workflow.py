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
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from wooflow.case import audit
from wooflow.case.users import ensure_schema
from wooflow.exceptions import CaseError
from wooflow.store.repos import workflow as workflow_rows

if TYPE_CHECKING:
    from wooflow.case.case import Case
    from wooflow.case.users import User

NEW, BUSY, DONE, CHECKED = "nieuw", "in behandeling", "beoordeeld", "gecontroleerd"
DOC_STATUSES = (NEW, BUSY, DONE, CHECKED)
def open_counts(case: Case, doc_ids: Iterable[int]) -> dict[int, int]:
    """Open proposals (redactions and keep-public items alike) per document."""
    return workflow_rows.open_counts(case.conn, list(doc_ids))


def statuses(case: Case, doc_ids: Iterable[int] | None = None) -> dict[int, str]:
    """The effective status of each document (all documents when ``doc_ids`` is None)."""
    ensure_schema(case.store)
    rows = workflow_rows.stored_statuses(case.conn, None if doc_ids is None else list(doc_ids))
    out: dict[int, str] = {}
    for doc_id, stored, has_open in rows:
        out[int(doc_id)] = _effective(stored, has_open)
    return out


def _effective(stored: str | None, has_open: bool) -> str:
    st = stored or NEW
    return BUSY if st in (DONE, CHECKED) and has_open else st


def under_review(case: Case) -> dict[int, tuple[str, bool]]:
    """Every document under review (in scope, not "dubbel"): its effective status and whether
    a proposal is still open, from one query."""
    from wooflow.store.repos import review_state

    ensure_schema(case.store)
    return {d: (_effective(st, has_open), has_open) for d, st, has_open in review_state.under_review(case.conn)}


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
    return progress_of(under_review(case), doc_ids)


def progress_of(states: dict[int, tuple[str, bool]], doc_ids: Iterable[int] | None = None) -> Progress:
    """:func:`progress` from the states of :func:`under_review` (read once for several)."""
    if doc_ids is not None:
        wanted = set(doc_ids)
        states = {d: v for d, v in states.items() if d in wanted}
    return Progress(len(states), Counter(st for st, _open in states.values()))


def touch(case: Case, doc_id: int) -> None:
    """Record that someone worked on a document: it is (again) ``in behandeling``.

    Call inside the transaction of the change. A document marked done goes back to
    ``in behandeling``: a change after the check must be checked again.
    """
    workflow_rows.touch(case.conn, doc_id, BUSY, case.actor, audit.now())


def reopen_if_done(case: Case, doc_ids: Iterable[int]) -> list[int]:
    """A case-wide change to what is published (find and redact across the case): documents
    already ``beoordeeld`` or ``gecontroleerd`` go back to ``in behandeling`` (the change must
    be reviewed again); ``nieuw`` and ``in behandeling`` keep their status. Returns the
    documents reopened. Call inside the transaction of the change.

    A case-wide action is the coordinator's decision about the case, not work on a document:
    it never makes a document nobody opened ``in behandeling`` (the team table would show
    every document started before anyone looked at one). Accepting "blijft openbaar" items
    case-wide changes nothing in the publication and calls nothing here.
    """
    ids = list(doc_ids)
    if not ids:
        return []
    ensure_schema(case.store)
    reopened = [d for d, stored, _open in workflow_rows.stored_statuses(case.conn, ids) if stored in (DONE, CHECKED)]
    for doc_id in reopened:
        touch(case, doc_id)
    return reopened


def set_status(case: Case, doc_id: int, new: str, user: User) -> str:
    """Mark a document ``beoordeeld``, ``gecontroleerd`` or reopen it (``in behandeling``)."""
    ensure_schema(case.store)
    if new not in (BUSY, DONE, CHECKED):
        raise CaseError(f"onbekende status {new!r}")
    case.record(doc_id)
    with case.transaction() as conn:
        reviewed_by = workflow_rows.reviewed_by(conn, doc_id)
        current = statuses(case, [doc_id])[doc_id]
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
        workflow_rows.set_status(conn, doc_id, new, reviewed_by if new != BUSY else None, user.username,
                                 audit.now())
        audit.log(conn, user.username, "doc.status", doc_id, new, previous=current)
    return new


def assign(case: Case, doc_ids: Iterable[int], username: str | None) -> int:
    """Give documents to a reviewer (``None``: take them back). Returns how many changed."""
    ensure_schema(case.store)
    ids = sorted(set(doc_ids))
    if username is not None:
        role = workflow_rows.active_role(case.conn, username)
        if role is None:
            raise CaseError(f"gebruiker {username!r} bestaat niet in deze zaak")
        if role == "viewer":
            raise CaseError(f"{username} is meelezer en kan geen documenten beoordelen")
    now = audit.now()
    with case.transaction() as conn:
        if username is None:
            workflow_rows.unassign(conn, ids)
        else:
            workflow_rows.assign(conn, ids, username, case.actor, now)
        audit.log(conn, case.actor, "doc.assign", target=username or "",
                  documents=ids if len(ids) <= 50 else len(ids))
    return len(ids)


def assignees(case: Case, doc_ids: Iterable[int]) -> dict[int, str]:
    ensure_schema(case.store)
    return workflow_rows.assignees(case.conn, list(doc_ids))


def work_of(case: Case, username: str) -> list[int]:
    """The documents assigned to ``username``, in id order."""
    ensure_schema(case.store)
    return workflow_rows.work_of(case.conn, username)


def next_todo(case: Case, username: str, doc_id: int, order: Callable[[int], Any]) -> int | None:
    """The next of ``username``'s documents still to do (nieuw or in behandeling, under review)
    after ``doc_id`` in ``order`` (the inventory order), wrapping around; never ``doc_id``."""
    ids = work_of(case, username)
    if not ids:
        return None
    review = set(workflow_rows.under_review(case.conn, ids))
    todo = [i for i, st in statuses(case, [i for i in ids if i in review]).items()
            if st in (NEW, BUSY) and i != doc_id]
    if not todo:
        return None
    here = order(doc_id)
    todo.sort(key=order)
    return next((i for i in todo if order(i) > here), todo[0])

