"""One person: occurrences with context, merge with another person, split a form off,
"geen persoon". Case-wide actions first show what they touch (a confirmation with counts);
each is undoable (``Ongedaan maken`` on the overview or a document page)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

from fastapi import FastAPI, Form, Request
from fastapi.responses import HTMLResponse, Response

from wooflow.case import find_person, locking, person_edit, undo
from wooflow.case.persons import persons_uncounted
from wooflow.case.text import fold
from wooflow.exceptions import CaseError
from wooflow.store.repos import person_page as person_reads
from wooflow.web.app import WebContext, redirect
from wooflow.web.views import anchor

CONTEXT = 50  # characters shown either side of an occurrence
SHOWN = 200  # occurrences listed on the page


@dataclass(frozen=True, slots=True)
class Occurrence:
    finding_id: int
    doc_id: int
    text: str
    before: str
    after: str
    status: str
    action: str


def occurrences(case: Any, key: str, limit: int = SHOWN) -> tuple[list[Occurrence], int]:
    """The first ``limit`` findings of a person with their context, and how many there are."""
    rows = person_reads.occurrences(case.conn, key)
    out: list[Occurrence] = []
    texts: dict[int, str] = {}
    for r in rows[:limit]:
        if r["doc_id"] not in texts:
            texts[r["doc_id"]] = case.text(r["doc_id"])
        t = texts[r["doc_id"]]
        before = " ".join(t[max(0, r["start"] - CONTEXT) : r["start"]].split())
        after = " ".join(t[r["end"] : r["end"] + CONTEXT].split())
        out.append(Occurrence(r["id"], r["doc_id"], r["text"], before, after, r["status"], r["action"]))
    return out, len(rows)


def _refuse_stale(case: Any, key: str, display: str, versie: str) -> None:
    """A merge, split or 'geen persoon' from a page older than the last edit of that person is
    refused, naming who changed it (optimistic locking, as for person decisions)."""
    from wooflow.web.routes_review import StaleWrite, _version, stale_message

    entry = locking.newer(case, locking.person_edit_version(case, key), _version(versie))
    if entry is not None:
        raise StaleWrite(stale_message(entry, f"“{display}”"))


def _url(key: str) -> str:
    return f"/personen/persoon?key={quote(key)}"


def register(app: FastAPI, ctx: WebContext) -> None:
    @app.get("/personen/persoon", response_class=HTMLResponse, name="person")
    def person_page(request: Request, key: str) -> Response:
        with ctx.case(request) as case:
            person = find_person(case, key)
            found, total = occurrences(case, person.key)
            per_form: dict[str, int] = {}
            for text in person_reads.texts(case.conn, person.key):
                per_form[fold(text)] = per_form.get(fold(text), 0) + 1
            others = [p for p in persons_uncounted(case) if p.key != person.key]  # names only
            undo_label = undo.last_label(case, request.state.user.username)
            version = locking.person_edit_version(case, person.key)
        return ctx.render(
            request, "person.html", person=person, found=found, total=total, shown=SHOWN,
            per_form={f: per_form.get(fold(f), 0) for f in person.forms}, others=others[:2000],
            undo_label=undo_label, versie=version,
        )  # fmt: skip

    @app.get("/personen/samenvoegen", response_class=HTMLResponse, name="merge_confirm")
    def merge_confirm(request: Request, key: str, met: str = "") -> Response:
        with ctx.case(request) as case:
            keep = find_person(case, key)
            if not met.strip():
                raise CaseError("kies de persoon om mee samen te voegen")
            other = find_person(case, met)
            if other.key == keep.key:
                raise CaseError("kies twee verschillende personen om samen te voegen")
            a, b = person_edit.impact(case, keep.key), person_edit.impact(case, other.key)
            versions = locking.person_edit_version(case, keep.key), locking.person_edit_version(case, other.key)
        return ctx.render(request, "person_confirm.html", action="samenvoegen", person=keep,
                          other=other, impact=b, keep_impact=a, versie=versions[0],
                          versie_met=versions[1])  # fmt: skip

    @app.post("/personen/samenvoegen", name="merge")
    def merge(request: Request, key: str = Form(...), met: str = Form(...), versie: str = Form(""),
              versie_met: str = Form("")) -> Response:
        with ctx.case(request) as case, case.transaction():  # check and merge in one transaction
            keep, other = find_person(case, key), find_person(case, met)
            _refuse_stale(case, keep.key, keep.display, versie)
            _refuse_stale(case, other.key, other.display, versie_met)
            moved = person_edit.merge(case, keep.key, other.key)
        msg = (f"{other.display} is samengevoegd met {keep.display}: {moved} vindplaats"
               f"{'en' if moved != 1 else ''} verhuisd.")  # fmt: skip
        if keep.decision in ("redact", "keep"):
            msg += " Het besluit over deze persoon geldt nu ook daar."
        return redirect(_url(keep.key), melding=msg)

    @app.post("/personen/afsplitsen", name="split")
    def split(request: Request, key: str = Form(...), form: str = Form(...), versie: str = Form("")) -> Response:
        with ctx.case(request) as case, case.transaction():
            person = find_person(case, key)
            _refuse_stale(case, person.key, person.display, versie)
            new_key = person_edit.split(case, person.key, form)
        return redirect(_url(new_key), melding=f"“{form}” is nu een aparte persoon (nog niet besloten).")

    @app.get("/personen/geen-persoon", response_class=HTMLResponse, name="notperson_confirm")
    def notperson_confirm(request: Request, key: str) -> Response:
        with ctx.case(request) as case:
            person = find_person(case, key)
            found = person_edit.impact(case, person.key)
            version = locking.person_edit_version(case, person.key)
        return ctx.render(request, "person_confirm.html", action="geen-persoon", person=person,
                          other=None, impact=found, keep_impact=None, versie=version)  # fmt: skip

    @app.post("/personen/geen-persoon", name="notperson")
    def notperson(request: Request, key: str = Form(...), toelichting: str = Form(""),
                  versie: str = Form("")) -> Response:
        with ctx.case(request) as case, case.transaction():
            person = find_person(case, key)
            _refuse_stale(case, person.key, person.display, versie)
            done = person_edit.not_a_person(case, person.key, toelichting)
        return redirect(
            "/personen", f"p-{anchor(person.key)}",
            melding=(f"“{person.display}” is geen persoon: {done.findings} vindplaats"
                     f"{'en' if done.findings != 1 else ''} in {done.documents} document"
                     f"{'en' if done.documents != 1 else ''} blijven openbaar (geaccepteerd)."
                     " Ongedaan maken kan op het overzicht."),
        )  # fmt: skip
