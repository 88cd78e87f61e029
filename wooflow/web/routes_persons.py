"""The persons page: one decision per person for the whole case (propagated by the case API)."""

from __future__ import annotations

from fastapi import FastAPI, Form, Request
from fastapi.responses import HTMLResponse, Response

from wooflow.case import locking, person_edit, set_decision
from wooflow.case.persons import find_person, persons_uncounted, with_counts
from wooflow.web import queries
from wooflow.web.app import WebContext, redirect
from wooflow.web.routes_review import StaleWrite, _version, stale_message
from wooflow.web.views import anchor, clamp_page, fold, page_count, page_of

PAGE_SIZE = 100
DOCS_SHOWN = 20


def register(app: FastAPI, ctx: WebContext) -> None:
    @app.get("/personen", response_class=HTMLResponse, name="persons")
    def persons_page(
        request: Request, naam: str = "", beslissing: str = "", pagina: int = 1
    ) -> Response:
        pagina = clamp_page(pagina)
        with ctx.case(request) as case:
            people = persons_uncounted(case)  # counted below: only the page shown
            counts = {
                d: sum(1 for p in people if p.decision == d)
                for d in ("undecided", "redact", "keep")
            }
            if naam.strip():
                want = fold(naam.strip())
                people = [p for p in people if any(want in fold(f) for f in [p.display, *p.forms])]
            if beslissing:
                people = [p for p in people if p.decision == beslissing]
            pagina = max(1, pagina)
            shown = with_counts(case, page_of(people, pagina, PAGE_SIZE))
            docs = queries.person_documents(case, [p.key for p in shown], limit=DOCS_SHOWN)
            names = queries.names(case, {d for ds in docs.values() for d in ds})
            keep_open = queries.keep_open_by_person(case, [p.key for p in shown])
            marked = person_edit.not_persons(case)
            versions = locking.person_versions(case, [p.key for p in shown])
        return ctx.render(
            request,
            "persons.html",
            people=shown,
            matched=len(people),
            page=pagina,
            pages=page_count(len(people), PAGE_SIZE),
            counts=counts,
            docs=docs,
            docs_shown=DOCS_SHOWN,
            names=names,
            keep_open=keep_open,
            naam=naam,
            beslissing=beslissing,
            not_persons=marked,
            person_versions=versions,
        )

    @app.post("/personen/besluit", name="decide")
    def decide(
        request: Request,
        key: str = Form(...),
        decision: str = Form(...),
        naam: str = Form(""),
        beslissing: str = Form(""),
        pagina: str = Form(""),
        versie: str = Form(""),
    ) -> Response:
        with ctx.case(request) as case, case.transaction():  # check and decide in one transaction
            entry = locking.newer(case, locking.person_version(case, key), _version(versie))
            if entry is not None:
                raise StaleWrite(stale_message(entry, f"“{find_person(case, key).display}”"))
            person = set_decision(case, key, decision)
        what = "wordt overal gelakt" if decision == "redact" else "blijft overal openbaar"
        return redirect(
            "/personen",
            f"p-{anchor(person.key)}",
            naam=naam,
            beslissing=beslissing,
            pagina=pagina,
            melding=f"{person.display} {what}.",
        )
