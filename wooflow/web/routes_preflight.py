"""Before publishing: what still stands in the way (read only; building the package is not here
yet, see docs/WEB.md)."""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, Response

from wooflow.case import workflow
from wooflow.case.judgement import REDACTING
from wooflow.store.repos import workflow as workflow_rows
from wooflow.web.app import WebContext

SHOWN = 50


def register(app: FastAPI, ctx: WebContext) -> None:
    @app.get("/publiceren", response_class=HTMLResponse, name="preflight")
    def preflight(request: Request) -> Response:
        with ctx.case(request) as case:
            conn = case.conn
            checks = []

            checks.append((
                "Documenten met open voorstellen",
                "Beslis elk voorstel (lakken, niet lakken, of akkoord: blijft openbaar).",
                workflow_rows.open_under_review(conn),
            ))
            checks.append((
                "‘Openbaar’ terwijl er lakkingen zijn",
                "Zo'n document wordt als ‘deels openbaar’ gepubliceerd; kies dat oordeel of maak"
                " de lakkingen ongedaan.",
                workflow_rows.public_with_redactions(conn, REDACTING),
            ))
            checks.append((
                "‘Niet openbaar’ zonder zelf gekozen grond",
                "Kies bij het oordeel de weigeringsgrond(en); nu worden de gronden van de lakkingen gebruikt.",
                workflow_rows.withheld_without_grounds(conn),
            ))
            statuses = workflow.statuses(case, workflow_rows.under_review(conn, None))
            checks.append((
                "Documenten nog niet beoordeeld",
                "Een beoordelaar rondt elk document af met ‘Document beoordeeld’.",
                sorted(d for d, s in statuses.items() if s not in (workflow.DONE, workflow.CHECKED)),
            ))
            undecided = workflow_rows.count_undecided_persons(conn)
            progress = workflow.progress(case)
        rows = [(title, hint, sorted(found, key=ctx.numbers.label)) for title, hint, found in checks]
        return ctx.render(
            request,
            "preflight.html",
            checks=rows,
            shown=SHOWN,
            undecided=undecided,
            progress=progress,
            ready=not any(found for _t, _h, found in rows) and not undecided,
        )
