"""The persons page: one decision per person for the whole case (propagated by the case API)."""

from __future__ import annotations

from collections import defaultdict

from fastapi import FastAPI, Form, Request
from fastapi.responses import HTMLResponse, Response

from wooflow.case import findings, persons, set_decision
from wooflow.web.app import WebContext, redirect
from wooflow.web.views import anchor, fold

MAX_SHOWN = 500


def register(app: FastAPI, ctx: WebContext) -> None:
    @app.get("/personen", response_class=HTMLResponse, name="persons")
    def persons_page(request: Request, naam: str = "", beslissing: str = "") -> Response:
        with ctx.case() as case:
            people = persons(case)
            docs: dict[str, set[int]] = defaultdict(set)
            for r in findings(case):
                if r.person_key:
                    docs[r.person_key].add(r.doc_id)
            names = {r.doc_id: r.name for r in case.records()}
        counts = {d: sum(1 for p in people if p.decision == d) for d in ("undecided", "redact", "keep")}
        if naam.strip():
            want = fold(naam.strip())
            people = [p for p in people if any(want in fold(f) for f in [p.display, *p.forms])]
        if beslissing:
            people = [p for p in people if p.decision == beslissing]
        return ctx.render(
            request,
            "persons.html",
            people=people[:MAX_SHOWN],
            matched=len(people),
            counts=counts,
            docs={k: sorted(v) for k, v in docs.items()},
            names=names,
            naam=naam,
            beslissing=beslissing,
        )

    @app.post("/personen/besluit", name="decide")
    def decide(key: str = Form(...), decision: str = Form(...), naam: str = Form(""),
               beslissing: str = Form("")) -> Response:
        with ctx.case() as case:
            person = set_decision(case, key, decision)
        what = "wordt overal gelakt" if decision == "redact" else "blijft overal openbaar"
        return redirect("/personen", f"p-{anchor(person.key)}", naam=naam, beslissing=beslissing,
                        melding=f"{person.display} {what}.")

