"""Work division: "mijn werk" (the documents assigned to me) and assigning documents."""

from __future__ import annotations

from fastapi import FastAPI, Form, Request
from fastapi.responses import HTMLResponse, Response

from wooflow.case import matching_ids, workflow
from wooflow.case.users import users as users_of
from wooflow.exceptions import CaseError
from wooflow.web import views
from wooflow.web.app import WebContext, redirect
from wooflow.web.routes_docs import _filters

PAGE_SIZE = 100


def register(app: FastAPI, ctx: WebContext) -> None:
    @app.get("/mijn-werk", response_class=HTMLResponse, name="my_work")
    def my_work(request: Request, pagina: int = 1) -> Response:
        me = request.state.user.username
        with ctx.case(request) as case:
            ids = sorted(workflow.work_of(case, me), key=ctx.numbers.label)  # inventory order
            pagina = min(views.clamp_page(pagina), views.page_count(len(ids), PAGE_SIZE))
            shown = views.page_of(ids, pagina, PAGE_SIZE)
            states = workflow.under_review(case)  # once for every status and progress bar here
            st = {i: states[i][0] for i in shown if i in states}
            missing = [i for i in shown if i not in states]  # out of scope or dubbel
            if missing:
                st.update(workflow.statuses(case, missing))
            open_n = workflow.open_counts(case, shown)
            records = {i: case.record(i) for i in shown}
            mine = workflow.progress_of(states, ids)
            everyone = [
                (u, workflow.progress_of(states, workflow.work_of(case, u.username)))
                for u in users_of(case.conn)
                if u.can_write
            ]
            todo = next(  # the next of mine under review that is not finished
                (i for i in ids if i in states and states[i][0] in (workflow.NEW, workflow.BUSY)), None
            )
        return ctx.render(
            request,
            "work.html",
            ids=shown,
            total=len(ids),
            page=pagina,
            pages=views.page_count(len(ids), PAGE_SIZE),
            doc_status=st,
            open_counts=open_n,
            records=records,
            mine=mine,
            everyone=everyone,
            next_todo=todo,
        )

    @app.post("/toewijzen", name="assign")
    def assign(
        request: Request,
        username: str = Form(""),
        doc: list[str] | None = Form(None),  # noqa: B008
        q: str = Form(""),
        type: str = Form(""),
        van: str = Form(""),
        tot: str = Form(""),
        oordeel: str = Form(""),
        scope: str = Form(""),
        terug: str = Form(""),
    ) -> Response:
        """Assign listed documents (``doc``) or every result of a search to a reviewer."""
        who = username.strip() or None
        with ctx.case(request) as case:
            if doc:
                ids = [int(d) for d in doc if d.isdigit() and len(d) < 19]
            else:
                filters = _filters(type, van, tot, oordeel, scope)
                if not (q or type or van or tot or oordeel or scope):
                    raise CaseError("zoek of filter eerst: zonder zoekvraag zou dit alle documenten raken")
                ids = matching_ids(case, views.compound_query(q), filters)
            for i in ids:
                case.record(i)
            n = workflow.assign(case, ids, who)
        msg = f"{n} document{'en' if n != 1 else ''} " + (
            f"toegewezen aan {who}." if who else "niet meer toegewezen."
        )
        target = terug if terug.startswith("/") and not terug.startswith("//") else "/documenten"
        params = {} if doc else {"q": q, "type": type, "van": van, "tot": tot, "oordeel": oordeel, "scope": scope}
        return redirect(target, **params, melding=msg)
