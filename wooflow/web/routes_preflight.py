"""Before publishing: what still stands in the way; then a coordinator builds the package
(the same code path as ``wooflow process``, see :mod:`wooflow.web.publishing`) and downloads
its zip."""

from __future__ import annotations

import re
from collections.abc import Callable

from fastapi import FastAPI, Request
from fastapi.responses import FileResponse, HTMLResponse, Response

from wooflow.case import workflow
from wooflow.case.judgement import REDACTING
from wooflow.store.repos import areas as area_rows
from wooflow.store.repos import workflow as workflow_rows
from wooflow.web.app import WebContext, redirect
from wooflow.web.auth import COORDINATOR_ONLY, Forbidden

SHOWN = 50
_BLOCKED = re.compile(r"restlekcontrole: (\d+) - ")


def linked_lines(lines: list[str], doc_of: Callable[[str], int | None]) -> list[tuple[str, int | None]]:
    """The build's lines, each with the document it names (a blocked file of the restlekcontrole,
    "restlekcontrole: 0033 - bijlage.pdf: …", names its inventory number), else None."""
    out: list[tuple[str, int | None]] = []
    for line in lines:
        m = _BLOCKED.match(line)
        out.append((line, doc_of(m.group(1)) if m else None))
    return out



def register(app: FastAPI, ctx: WebContext) -> None:
    @app.get("/publiceren", response_class=HTMLResponse, name="preflight")
    def preflight(request: Request) -> Response:
        with ctx.case(request) as case:
            conn = case.conn
            checks = []

            states = workflow.under_review(case)  # one query for the open and the unfinished
            checks.append((
                "Documenten met open voorstellen",
                "Beslis elk voorstel (lakken, niet lakken, of akkoord: blijft openbaar).",
                [d for d, (_st, has_open) in states.items() if has_open],
            ))
            checks.append((
                "‘Openbaar’ terwijl er lakkingen zijn",
                "Zo'n document wordt als ‘deels openbaar’ gepubliceerd; kies dat oordeel of maak"
                " de lakkingen ongedaan.",
                workflow_rows.public_with_redactions(conn, REDACTING) + area_rows.public_with_areas(conn),
            ))
            checks.append((
                "‘Niet openbaar’ zonder zelf gekozen grond",
                "Kies bij het oordeel de weigeringsgrond(en); nu worden de gronden van de lakkingen gebruikt.",
                workflow_rows.withheld_without_grounds(conn),
            ))
            checks.append((
                "Hier ‘niet lakken’, elders gelakt",
                "Een persoon of gegeven is in deze documenten afgewezen, maar elders in de zaak gelakt:"
                " de restlekcontrole vindt het dan leesbaar terug en het pakket krijgt geen zip. Kies"
                " hier alsnog ‘Lakken’, of laat de persoon overal openbaar (Personen).",
                workflow_rows.rejected_but_redacted_elsewhere(conn, REDACTING),
            ))
            checks.append((
                "Documenten nog niet beoordeeld",
                "Een beoordelaar rondt elk document af met ‘Document beoordeeld’.",
                sorted(d for d, (s, _o) in states.items() if s not in (workflow.DONE, workflow.CHECKED)),
            ))
            undecided = workflow_rows.count_undecided_persons(conn)
            progress = workflow.progress_of(states)
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
            build_lines=linked_lines(ctx.builder.build.lines, ctx.numbers.doc_of),
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
