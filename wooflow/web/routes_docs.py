"""Document pages: the searchable list, one document under review, and its write actions."""

from __future__ import annotations

from fastapi import FastAPI, Form, Request
from fastapi.responses import HTMLResponse, PlainTextResponse, Response

from wooflow.case import (
    JUDGEMENTS,
    SearchFilters,
    count,
    judgement,
    locking,
    redactions,
    scope_by_query,
    search,
    set_scope,
    undo,
    workflow,
)
from wooflow.case.users import users as users_of
from wooflow.exceptions import CaseError
from wooflow.store.repos import selection as selection_rows
from wooflow.store.repos import workflow as workflow_rows
from wooflow.understand import GROUND_LABELS, TYPES
from wooflow.web import pageview, queries, views
from wooflow.web.app import DocId, WebContext, redirect

PAGE_SIZE = 50
FINDINGS_PAGE = 50  # findings listed per page of a document
TEXT_WINDOW = 30_000  # characters of text shown at once (cut at page breaks where possible)


def _filters(type_: str, van: str, tot: str, oordeel: str, scope: str) -> SearchFilters:
    return SearchFilters(
        date_from=van or None,
        date_to=tot or None,
        type=type_ or None,
        judgement=oordeel or None,
        in_scope={"in": True, "uit": False}.get(scope),
    )


def _doc_url(doc_id: int) -> str:
    return f"/documenten/{doc_id}"


def register(app: FastAPI, ctx: WebContext) -> None:
    @app.get("/documenten", response_class=HTMLResponse, name="documents")
    def documents(
        request: Request,
        q: str = "",
        type: str = "",
        van: str = "",
        tot: str = "",
        oordeel: str = "",
        scope: str = "",
        pagina: int = 1,
    ) -> Response:
        filters = _filters(type, van, tot, oordeel, scope)
        pagina = views.clamp_page(pagina)
        error = None
        with ctx.case(request) as case:
            try:
                wide = views.compound_query(q)
                total = count(case, wide, filters)
                hits = search(
                    case,
                    wide,
                    filters,
                    limit=PAGE_SIZE,
                    offset=(pagina - 1) * PAGE_SIZE,
                    marks=(views.MARK_OPEN, views.MARK_CLOSE),
                )
            except CaseError as exc:  # a malformed query is the user's to fix, shown inline
                total, hits, error = 0, [], str(exc)
            ids = [h.doc_id for h in hits]
            records = {i: case.record(i) for i in ids}
            pending = queries.open_doc_ids(case, ids)
            kept = queries.duplicate_targets(case, ids)
            kept_names = queries.names(case, kept.values())
            doc_status = workflow.statuses(case, ids) if ids else {}
            assigned = workflow.assignees(case, ids)
            prog = workflow.progress(case)
            reviewers = [u for u in users_of(case.conn) if u.can_write]
        return ctx.render(
            request,
            "documents.html",
            hits=hits,
            records=records,
            kept=kept,
            pending=pending,
            kept_names=kept_names,
            total=total,
            page=pagina,
            pages=views.page_count(total, PAGE_SIZE),
            query={
                "q": q,
                "type": type,
                "van": van,
                "tot": tot,
                "oordeel": oordeel,
                "scope": scope,
            },
            types=TYPES,
            judgement_values=JUDGEMENTS,
            search_error=error,
            doc_status=doc_status,
            assigned=assigned,
            progress=prog,
            reviewers=reviewers,
        )

    @app.get("/documenten/{doc_id}", response_class=HTMLResponse, name="document")
    def document(
        request: Request, doc_id: DocId, toon: str = "alle", pagina: int = 1, deel: int = 1
    ) -> Response:
        with ctx.case(request) as case:
            rec = case.record(doc_id)
            text = case.text(doc_id)
            # Only what this page shows is built: the findings in the text window and one page
            # of the list; counts come from SQL (a document may hold 20,000 findings).
            counts = queries.finding_counts(case, doc_id)
            total = sum(counts.values()) if toon == "alle" else counts.get("proposed", 0)
            pagina = min(views.clamp_page(pagina), views.page_count(total, FINDINGS_PAGE))
            windows = views.text_windows(text, TEXT_WINDOW)
            deel = min(views.clamp_page(deel), len(windows))
            lo, hi = windows[deel - 1]
            in_window = queries.doc_findings(case, doc_id, lo=lo, hi=hi)
            listed = queries.doc_findings(
                case, doc_id, proposed_only=toon != "alle", limit=FINDINGS_PAGE,
                offset=(pagina - 1) * FINDINGS_PAGE,
            )
            keep_open = queries.keep_open_categories(case, doc_id)
            select_counts = selection_rows.category_counts(case.conn, doc_id, toon != "alle")
            j = judgement(case, doc_id)
            versions = locking.finding_versions(case, doc_id, [r.id for r in listed])
            j_version = locking.judgement_version(case, doc_id)
            d_version = locking.document_version(case, doc_id)
            doc_status = workflow.status(case, doc_id)
            status_row = {"reviewed_by": workflow_rows.reviewed_by(case.conn, doc_id)}
            assignee = workflow.assignees(case, [doc_id]).get(doc_id)
            reviewers = [u for u in users_of(case.conn) if u.can_write]
            undo_label = undo.last_label(case, request.state.user.username)
            with_pages = pageview.has_pages(case, doc_id)
            duplicates = queries.duplicates_of(case, doc_id)
            children = queries.children(case, doc_id)
            thread = queries.thread_members(case, rec.thread_id, doc_id)
            prev_id, next_id = queries.neighbours(case, doc_id)
            next_open = queries.next_open(case, doc_id)
            me = request.state.user
            next_mine = workflow.next_todo(case, me.username, doc_id, ctx.numbers.label) if me.can_write else None
            related = [*duplicates, *children, *thread]
            if rec.parent_id is not None:
                related.append(rec.parent_id)
            if j.duplicate_of is not None:
                related.append(j.duplicate_of)
            names = queries.names(case, related)
            dates = {i: case.record(i).date for i in thread}
        segs = views.segments(text, in_window, lo, hi)
        return ctx.render(
            request,
            "document.html",
            doc=rec,
            text_length=len(text),
            segments=segs,
            findings=listed,
            findings_total=total,
            page=pagina,
            pages=views.page_count(total, FINDINGS_PAGE),
            part=deel,
            parts=len(windows),
            versions=versions,
            j_version=j_version,
            d_version=d_version,
            doc_status=doc_status,
            reviewed_by=status_row["reviewed_by"] if status_row else None,
            doc_statuses=workflow.DOC_STATUSES,
            assignee=assignee,
            reviewers=reviewers,
            keep_open=sum(keep_open.values()),
            undo_label=undo_label,
            with_pages=with_pages,
            back_to="",
            selectable=True,
            categories_in_doc=sorted(keep_open),
            select_counts=select_counts,
            counts={s: counts.get(s, 0) for s in views.STATUS_LABELS},
            toon=toon,
            judgement=j,
            judgement_values=JUDGEMENTS,
            grounds=GROUND_LABELS,
            duplicates=duplicates,
            children=children,
            thread=thread,
            dates=dates,
            names=names,
            prev_id=prev_id,
            next_id=next_id,
            next_open=next_open,
            next_mine=next_mine,
        )

    @app.get("/documenten/{doc_id}/gelakt", response_class=PlainTextResponse, name="redacted")
    def redacted(request: Request, doc_id: DocId) -> Response:
        """The text as it will be published (each redaction replaced by its ground code)."""
        from wooflow.redact import redact_text

        with ctx.case(request) as case:
            text = case.text(doc_id)
            out = redact_text(text, redactions(case, doc_id))
        return PlainTextResponse(out, headers={"Content-Disposition": "inline"})

    @app.post("/documenten/scope", name="scope_bulk")
    def scope_bulk(
        request: Request,
        q: str = Form(""),
        type: str = Form(""),
        van: str = Form(""),
        tot: str = Form(""),
        oordeel: str = Form(""),
        scope: str = Form(""),
        in_scope: str = Form(...),
        reason: str = Form(""),
    ) -> Response:
        """Every document matching a search in or out of the request (``scope_by_query``)."""
        back_to = {"q": q, "type": type, "van": van, "tot": tot, "oordeel": oordeel, "scope": scope}
        if not any(back_to.values()):
            raise CaseError("zoek of filter eerst: zonder zoekvraag zou dit alle documenten raken")
        inside = in_scope == "in"
        if not inside and not reason.strip():
            raise CaseError("geef een reden waarom deze documenten buiten het verzoek vallen")
        with ctx.case(request) as case:
            filters = _filters(type, van, tot, oordeel, scope)
            ids = scope_by_query(case, views.compound_query(q), inside, reason.strip(), filters)
        where = "binnen" if inside else "buiten"
        return redirect(
            "/documenten",
            **back_to,
            melding=f"{len(ids)} documenten {where} het verzoek geplaatst.",
        )

    @app.post("/documenten/{doc_id}/scope", name="scope")
    def set_doc_scope(
        request: Request, doc_id: DocId, in_scope: str = Form(...), reason: str = Form("")
    ) -> Response:
        inside = in_scope == "in"
        if not inside and not reason.strip():
            raise CaseError("geef een reden waarom het document buiten het verzoek valt")
        with ctx.case(request) as case, case.transaction():
            set_scope(case, [doc_id], inside, reason.strip())
            workflow.touch(case, doc_id)
        return redirect(
            _doc_url(doc_id),
            "scope",
            melding="Binnen het verzoek." if inside else "Buiten het verzoek geplaatst.",
        )


