"""Find and redact across the case: a search string and a ground, a confirmation with the
count, then a redaction on every occurrence (undoable). See :mod:`wooflow.case.find_redact`."""

from __future__ import annotations

from fastapi import FastAPI, Form, Request
from fastapi.responses import HTMLResponse, Response

from wooflow.case import find_redact, undo, workflow
from wooflow.exceptions import CaseError
from wooflow.understand import GROUND_LABELS
from wooflow.web import views
from wooflow.web.app import WebContext, redirect


def register(app: FastAPI, ctx: WebContext) -> None:
    @app.get("/zoeken-lakken", response_class=HTMLResponse, name="find_redact")
    def find_page(request: Request, q: str = "", ground: str = "", category: str = "") -> Response:
        found = None
        problem = None
        with ctx.case(request) as case:
            if q.strip():
                try:
                    found = find_redact.plan(case, q)
                except CaseError as exc:
                    problem = str(exc)
            undo_label = undo.last_label(case, request.state.user.username)
        guess = views.guess_category(q) if q.strip() else "other"
        return ctx.render(
            request, "find_redact.html", q=q, ground=ground, category=category or guess,
            found=found, problem=problem, grounds=GROUND_LABELS, undo_label=undo_label,
        )  # fmt: skip

    @app.post("/zoeken-lakken", name="find_redact_do")
    def find_do(
        request: Request,
        q: str = Form(...),
        ground: str = Form(""),
        category: str = Form("other"),
        aantal: str = Form(""),
    ) -> Response:
        if category not in views.CATEGORIES:
            raise CaseError("kies een soort uit de lijst")
        expected = int(aantal) if aantal.isdigit() and len(aantal) < 10 else None
        with ctx.case(request) as case:
            done = find_redact.redact_everywhere(case, q, ground, category, expected)
            with case.transaction():  # a document nobody opened stays "nieuw"
                workflow.reopen_if_done(case, done.spans)
        return redirect(
            "/zoeken-lakken",
            melding=(f"“{done.query}” is {done.count} keer gelakt ({ground}) in {done.documents}"
                     f" document{'en' if done.documents != 1 else ''}. Ongedaan maken kan hier."),
        )  # fmt: skip
