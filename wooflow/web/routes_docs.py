"""Document pages: the searchable list, one document under review, and its write actions."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, Form, Request
from fastapi.responses import HTMLResponse, PlainTextResponse, Response

from wooflow.case import (
    JUDGEMENTS,
    SearchFilters,
    accept,
    add,
    count,
    findings,
    judge,
    judgement,
    redactions,
    reject,
    reset_judgement,
    scope_by_query,
    search,
    set_scope,
)
from wooflow.exceptions import CaseError
from wooflow.understand import GROUND_LABELS, TYPES
from wooflow.web import queries, views
from wooflow.web.app import WebContext, redirect

PAGE_SIZE = 50


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
        pagina = max(1, pagina)
        error = None
        with ctx.case() as case:
            try:
                total = count(case, q, filters)
                hits = search(
                    case,
                    q,
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
        )

    @app.get("/documenten/{doc_id}", response_class=HTMLResponse, name="document")
    def document(request: Request, doc_id: int, toon: str = "alle") -> Response:
        with ctx.case() as case:
            rec = case.record(doc_id)
            text = case.text(doc_id)
            recs = findings(case, doc_id)
            j = judgement(case, doc_id)
            duplicates = queries.duplicates_of(case, doc_id)
            children = queries.children(case, doc_id)
            thread = queries.thread_members(case, rec.thread_id, doc_id)
            prev_id, next_id = queries.neighbours(case, doc_id)
            next_open = queries.next_open(case, doc_id)
            related = [*duplicates, *children, *thread]
            if rec.parent_id is not None:
                related.append(rec.parent_id)
            if j.duplicate_of is not None:
                related.append(j.duplicate_of)
            names = queries.names(case, related)
            dates = {i: case.record(i).date for i in thread}
        shown = recs if toon == "alle" else [r for r in recs if r.status == "proposed"]
        return ctx.render(
            request,
            "document.html",
            doc=rec,
            text_length=len(text),
            segments=views.segments(text, recs),
            findings=shown,
            counts={s: sum(1 for r in recs if r.status == s) for s in views.STATUS_LABELS},
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
        )

    @app.get("/documenten/{doc_id}/gelakt", response_class=PlainTextResponse, name="redacted")
    def redacted(doc_id: int) -> Response:
        """The text as it will be published (each redaction replaced by its ground code)."""
        from wooflow.redact import redact_text

        with ctx.case() as case:
            text = case.text(doc_id)
            out = redact_text(text, redactions(case, doc_id))
        return PlainTextResponse(out, headers={"Content-Disposition": "inline"})

    @app.post("/documenten/{doc_id}/bevindingen/{finding_id}/accepteren", name="accept")
    def accept_finding(doc_id: int, finding_id: int, toon: str = Form("alle")) -> Response:
        with ctx.case() as case:
            rec = accept(case, finding_id, doc_id)
        msg = f"Geaccepteerd: “{rec.finding.text}”."
        if rec.person_key and rec.finding.action == "redact":
            msg += " Deze persoon wordt in de hele zaak gelakt."
        return redirect(_doc_url(doc_id), f"f-{finding_id}", toon=_toon(toon), melding=msg)

    @app.post("/documenten/{doc_id}/bevindingen/{finding_id}/afwijzen", name="reject")
    def reject_finding(doc_id: int, finding_id: int, toon: str = Form("alle")) -> Response:
        with ctx.case() as case:
            rec = reject(case, finding_id, doc_id)
        return redirect(
            _doc_url(doc_id),
            f"f-{finding_id}",
            toon=_toon(toon),
            melding=f"Afgewezen: “{rec.finding.text}” blijft leesbaar.",
        )

    @app.post("/documenten/{doc_id}/lakken", name="add")
    def add_redaction(
        doc_id: int,
        start: int = Form(...),
        end: int = Form(...),
        category: str = Form("person"),
        ground: str = Form("5.1.2e"),
        reason: str = Form(""),
        expected: str = Form(""),
    ) -> Response:
        if ground not in GROUND_LABELS:
            raise CaseError(f"onbekende weigeringsgrond {ground!r}")
        with ctx.case() as case:
            text = case.text(doc_id)
            span = " ".join(text[start:end].split()) if 0 <= start < end <= len(text) else None
            if expected and span is not None and span != " ".join(expected.split()):
                # the browser's selection and the stored text disagree: refuse rather than guess
                raise CaseError("de selectie komt niet overeen met de tekst; selecteer opnieuw")
            rec = add(
                case, doc_id, start, end, category, ground, reason.strip() or "handmatig toegevoegd"
            )
        return redirect(
            _doc_url(doc_id),
            f"f-{rec.id}",
            melding=f"Gelakt ({rec.finding.ground}): “{rec.finding.text}”.",
        )

    @app.post("/documenten/{doc_id}/oordeel", name="judge")
    def set_judgement(
        doc_id: int,
        value: str = Form(...),
        explanation: str = Form(""),
        link: str = Form(""),
        duplicate_of: str = Form(""),
        grounds: list[str] | None = Form(None),  # noqa: B008
    ) -> Response:
        with ctx.case() as case:
            if value == "auto":
                j = reset_judgement(case, doc_id)
            else:
                dup = duplicate_of.strip()
                if dup and not dup.isdigit():
                    raise CaseError("dubbel van: vul het nummer van het behouden document in")
                j = judge(
                    case,
                    doc_id,
                    value,
                    explanation=explanation.strip(),
                    link=link.strip() or None,
                    duplicate_of=int(dup) if dup else None,
                    grounds=[g for g in grounds or [] if g in GROUND_LABELS] or None,
                )
        return redirect(_doc_url(doc_id), "oordeel", melding=f"Oordeel: {j.judgement}.")

    @app.post("/documenten/scope", name="scope_bulk")
    def scope_bulk(
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
        with ctx.case() as case:
            ids = scope_by_query(
                case, q, inside, reason.strip(), _filters(type, van, tot, oordeel, scope)
            )
        where = "binnen" if inside else "buiten"
        return redirect(
            "/documenten",
            **back_to,
            melding=f"{len(ids)} documenten {where} het verzoek geplaatst.",
        )

    @app.post("/documenten/{doc_id}/scope", name="scope")
    def set_doc_scope(doc_id: int, in_scope: str = Form(...), reason: str = Form("")) -> Response:
        inside = in_scope == "in"
        if not inside and not reason.strip():
            raise CaseError("geef een reden waarom het document buiten het verzoek valt")
        with ctx.case() as case:
            set_scope(case, [doc_id], inside, reason.strip())
        return redirect(
            _doc_url(doc_id),
            "scope",
            melding="Binnen het verzoek." if inside else "Buiten het verzoek geplaatst.",
        )


def _toon(value: Any) -> str:
    return "open" if value == "open" else ""
