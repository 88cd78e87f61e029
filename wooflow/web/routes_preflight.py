"""Before publishing: what still stands in the way; then a coordinator builds the package
(the same code path as ``wooflow process``, see :mod:`wooflow.web.publishing`) and downloads
its zip."""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.responses import FileResponse, HTMLResponse, Response

from wooflow.case import workflow
from wooflow.case.judgement import REDACTING
from wooflow.store.repos import workflow as workflow_rows
from wooflow.web.app import WebContext, redirect
from wooflow.web.auth import COORDINATOR_ONLY, Forbidden

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
                workflow_rows.public_with_redactions(conn, REDACTING) + _public_with_areas(case),
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
            build=ctx.builder.build,
            package_dir=ctx.builder.out,
            zip_ready=ctx.builder.zip_path.is_file() and ctx.builder.build.state != "running",
        )

    @app.post("/publiceren/pakket", name="build_package")
    def build_package(request: Request) -> Response:
        if ctx.builder.start(request.state.user.username):
            return redirect("/publiceren", "pakket", melding="Het pakket wordt gemaakt; deze pagina ververst vanzelf.")
        return redirect("/publiceren", "pakket", fout="er wordt al een pakket gemaakt; wacht tot het klaar is")

    @app.get("/publiceren/publicatie.zip", name="download_package")
    def download_package(request: Request) -> Response:
        if not request.state.user.is_coordinator:
            raise Forbidden(COORDINATOR_ONLY)
        path = ctx.builder.zip_path
        if ctx.builder.build.state == "running" or not path.is_file():
            return redirect("/publiceren", "pakket", fout="er is (nog) geen pakket om te downloaden")
        return FileResponse(path, media_type="application/zip", filename="publicatie.zip")


def _public_with_areas(case: object) -> list[int]:
    """Documents judged "openbaar" that have a drawn area (published as "deels openbaar")."""
    return [
        int(r[0])
        for r in case.conn.execute(  # type: ignore[attr-defined]
            "SELECT DISTINCT j.doc_id FROM case_judgements j JOIN case_areas a ON a.doc_id = j.doc_id"
            " WHERE j.judgement='openbaar' AND a.status='active' ORDER BY j.doc_id"
        )
    ]
