"""Before publishing: what still stands in the way (read only; building the package is not here
yet, see docs/WEB.md)."""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, Response

from wooflow.case import workflow
from wooflow.case.judgement import REDACTING
from wooflow.web.app import WebContext

SHOWN = 50


def register(app: FastAPI, ctx: WebContext) -> None:
    @app.get("/publiceren", response_class=HTMLResponse, name="preflight")
    def preflight(request: Request) -> Response:
        with ctx.case(request) as case:
            conn = case.conn
            under_review = (
                "SELECT doc_id FROM case_doc WHERE in_scope=1 AND judgement != 'dubbel'"
            )
            checks = []

            def ids(sql: str) -> list[int]:
                return [int(r[0]) for r in conn.execute(sql)]

            checks.append((
                "Documenten met open voorstellen",
                "Beslis elk voorstel (lakken, niet lakken, of akkoord: blijft openbaar).",
                ids(f"SELECT DISTINCT doc_id FROM case_findings WHERE status='proposed'"
                    f" AND doc_id IN ({under_review}) ORDER BY doc_id"),
            ))
            checks.append((
                "‘Openbaar’ terwijl er lakkingen zijn",
                "Zo'n document wordt als ‘deels openbaar’ gepubliceerd; kies dat oordeel of maak"
                " de lakkingen ongedaan.",
                ids(f"SELECT j.doc_id FROM case_judgements j WHERE j.judgement='openbaar' AND EXISTS"
                    f" (SELECT 1 FROM case_findings f WHERE f.doc_id=j.doc_id AND f.action='redact'"
                    f" AND f.status IN {REDACTING}) ORDER BY j.doc_id"),
            ))
            checks.append((
                "‘Niet openbaar’ zonder zelf gekozen grond",
                "Kies bij het oordeel de weigeringsgrond(en); nu worden de gronden van de lakkingen gebruikt.",
                ids("SELECT doc_id FROM case_judgements WHERE judgement='niet openbaar'"
                    " AND (grounds IS NULL OR grounds='[]') ORDER BY doc_id"),
            ))
            statuses = workflow.statuses(case, ids(under_review))
            checks.append((
                "Documenten nog niet beoordeeld",
                "Een beoordelaar rondt elk document af met ‘Document beoordeeld’.",
                sorted(d for d, s in statuses.items() if s not in (workflow.DONE, workflow.CHECKED)),
            ))
            undecided = int(conn.execute(
                "SELECT COUNT(*) FROM case_persons WHERE decision='undecided'"
            ).fetchone()[0])
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
