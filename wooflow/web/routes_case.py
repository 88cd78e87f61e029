"""Case-level pages: the overview (request, deadlines, counts, progress) and the audit log."""

from __future__ import annotations

import csv
import io
from datetime import date
from typing import Any

from fastapi import FastAPI, Form, Request
from fastapi.responses import HTMLResponse, Response

from wooflow.case import REQUESTER_KINDS, audit_log, workflow
from wooflow.exceptions import CaseError
from wooflow.web import queries, views
from wooflow.web.app import WebContext, redirect

AUDIT_PAGE = 100
ACTION_LABELS = {
    "case.init": "zaak aangemaakt",
    "case.update": "zaakgegevens gewijzigd",
    "case.extend": "termijn verdaagd",
    "case.suspend": "termijn opgeschort",
    "case.end_suspension": "opschorting beëindigd",
    "findings.detect": "detectie uitgevoerd",
    "policy.apply": "acceptatiebeleid toegepast",
    "finding.accept": "bevinding geaccepteerd",
    "finding.reject": "bevinding afgewezen",
    "finding.add": "lakking toegevoegd",
    "person.decide": "besluit over persoon",
    "judgement.set": "oordeel vastgesteld",
    "judgement.reset": "oordeel weer afgeleid",
    "scope.in": "binnen het verzoek",
    "scope.out": "buiten het verzoek",
    "dedupe": "ontdubbeling uitgevoerd",
    "finding.change": "grond of soort gewijzigd",
    "finding.undo": "bevinding teruggezet (ongedaan)",
    "judgement.undo": "oordeel teruggezet (ongedaan)",
    "person.undo": "persoonsbesluit teruggezet (ongedaan)",
    "undo": "ongedaan gemaakt",
    "doc.status": "status van document",
    "doc.assign": "documenten toegewezen",
    "user.add": "gebruiker aangemaakt",
    "user.password": "wachtwoord gewijzigd",
    "user.role": "rol gewijzigd",
    "user.remove": "gebruiker verwijderd",
    "user.login": "ingelogd",
    "area.add": "vlak gelakt (getekend)",
    "area.remove": "getekend vlak verwijderd",
    "area.undo": "getekend vlak teruggezet (ongedaan)",
    "person.merge": "personen samengevoegd",
    "person.split": "vorm van persoon afgesplitst",
    "person.notperson": "geen persoon",
    "person.restore": "weer een persoon (ongedaan)",
    "search.redact": "zoeken en lakken in de hele zaak",
    "package.build": "publicatiepakket gemaakt",
}
DETAIL_LABELS = {
    "previous": "was",
    "text": "tekst",
    "category": "soort",
    "ground": "grond",
    "grounds": "gronden",
    "previous_ground": "vorige grond",
    "previous_category": "vorige soort",
    "decision": "besluit",
    "explanation": "toelichting",
    "link": "vindplaats",
    "duplicate_of": "dubbel van",
    "set_by": "vastgesteld door",
    "start": "begin",
    "end": "einde",
    "role": "rol",
    "documents": "documenten",
    "new": "nieuw",
    "accepted": "geaccepteerd",
    "propagated": "elders gelakt",
    "findings": "bevindingen",
    "bulk": "in één keer",
    "selectie": "via selectie (meerdere tegelijk)",
    "wat": "wat",
    "status": "status",
    "note": "notitie",
    "reason": "reden",
    "pagina": "pagina",
    "soort": "soort",
    "forms": "vormen",
    "into": "samengevoegd in",
    "form": "vorm",
    "query": "zoekterm",
    "count": "aantal",
    "keuze": "keuze",
}


def _date(value: str, what: str) -> date | None:
    if not value.strip():
        return None
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise CaseError(f"{what}: {value!r} is geen datum (JJJJ-MM-DD)") from None


def _doc_filter(ctx: WebContext, document: str) -> int | None:
    """The document an inventory number in a filter names (-1: no such number: no rows)."""
    if not document.strip():
        return None
    found = ctx.numbers.doc_of(document)
    return -1 if found is None else found


def _numbered(ctx: WebContext, detail: dict[str, Any]) -> dict[str, Any]:
    """Document ids in audit details as inventory numbers (the one number people see)."""
    out = dict(detail)
    if isinstance(out.get("duplicate_of"), int):
        out["duplicate_of"] = ctx.numbers.label(out["duplicate_of"])
    if isinstance(out.get("documents"), list):
        out["documents"] = [ctx.numbers.label(d) if isinstance(d, int) else d for d in out["documents"]]
    return out


def register(app: FastAPI, ctx: WebContext) -> None:
    @app.get("/", response_class=HTMLResponse, name="overview")
    def overview(request: Request) -> Response:
        with ctx.case(request) as case:
            counts = queries.case_counts(case)
            return ctx.render(
                request,
                "overview.html",
                info=case.info,
                deadlines=case.deadlines(),
                extended_on=case.extended_on(),
                suspensions=case.suspensions(),
                requester_kinds=REQUESTER_KINDS,
                counts=counts,
                progress=workflow.progress(case),
                keep_open=queries.keep_open_by_category(case),
                doc_statuses=workflow.DOC_STATUSES,
                failures=case.store.failures(),
            )

    @app.post("/zaak/gegevens", name="update_info")
    def update_info(
        request: Request,
        request_text: str = Form(..., alias="request"),
        received: str = Form(...),
        requester_kind: str = Form("burger"),
        period_from: str = Form(""),
        period_to: str = Form(""),
        organisation: str = Form(""),
        case_number: str = Form(""),
        title: str = Form(""),
    ) -> Response:
        with ctx.case(request) as case:
            changes: dict[str, Any] = {
                "request": request_text.strip(),
                "received": _date(received, "ontvangen"),
                "requester_kind": requester_kind,
                "period_from": _date(period_from, "periode vanaf"),
                "period_to": _date(period_to, "periode tot en met"),
                "organisation": organisation.strip(),
                "case_number": case_number.strip(),
                "title": title.strip(),
            }
            if changes["received"] is None:
                raise CaseError("de ontvangstdatum is verplicht")
            current = case.info.to_json()
            changed = {
                k: v
                for k, v in changes.items()
                if (v.isoformat() if isinstance(v, date) else v) != current.get(k)
            }
            if changed:
                case.update_info(**changed)
        return redirect("/", melding="Zaakgegevens opgeslagen." if changed else "Niets gewijzigd.")

    @app.post("/zaak/verdagen", name="extend")
    def extend(request: Request, on: str = Form(""), note: str = Form("")) -> Response:
        with ctx.case(request) as case:
            case.extend(_date(on, "verdaagd op"), note.strip())
        return redirect("/", "termijnen", melding="Beslistermijn met twee weken verdaagd.")

    @app.post("/zaak/opschorten", name="suspend")
    def suspend(
        request: Request, start: str = Form(...), end: str = Form(""), note: str = Form("")
    ) -> Response:
        with ctx.case(request) as case:
            begin = _date(start, "opgeschort vanaf")
            if begin is None:
                raise CaseError("vul de begindatum van de opschorting in")
            case.suspend(begin, _date(end, "opgeschort tot"), note.strip())
        return redirect("/", "termijnen", melding="Opschorting vastgelegd.")

    @app.post("/zaak/hervatten", name="resume")
    def resume(request: Request, on: str = Form(...)) -> Response:
        with ctx.case(request) as case:
            end = _date(on, "hervat op")
            if end is None:
                raise CaseError("vul de datum in waarop de termijn weer loopt")
            case.end_suspension(end)
        return redirect("/", "termijnen", melding="Opschorting beëindigd.")

    @app.get("/audit.csv", name="audit_csv")
    def audit_csv(request: Request, document: str = "", actie: str = "") -> Response:
        """The (filtered) log as CSV: local time, who, Dutch labels; Excel-friendly (; and BOM)."""
        with ctx.case(request) as case:
            doc_id = _doc_filter(ctx, document)
            entries = audit_log(case.conn, doc_id=doc_id, action=actie or None)
        out = io.StringIO()
        w = csv.writer(out, delimiter=";")
        w.writerow(["tijd", "wie", "handeling", "document (inventarisnummer)", "betreft", "details",
                    "tijd (UTC)"])
        for e in entries:
            w.writerow([
                views.local_time(e.at, with_seconds=True),
                views.actor_label(e.actor, e.action),
                ACTION_LABELS.get(e.action, e.action),
                ctx.numbers.label(e.doc_id),
                e.target or "",
                views.detail_text(_numbered(ctx, e.detail), DETAIL_LABELS),
                e.at,
            ])
        return Response(
            "\ufeff" + out.getvalue(),
            media_type="text/csv; charset=utf-8",
            headers={"Content-Disposition": 'attachment; filename="auditlog.csv"'},
        )

    @app.get("/audit", response_class=HTMLResponse, name="audit")
    def audit_page(
        request: Request, document: str = "", actie: str = "", pagina: int = 1
    ) -> Response:
        with ctx.case(request) as case:
            doc_id = _doc_filter(ctx, document)
            entries = audit_log(case.conn, doc_id=doc_id, action=actie or None)
            actions = queries.audit_actions(case)
        entries.reverse()  # newest first
        pagina = views.clamp_page(pagina)
        shown = views.page_of(entries, pagina, AUDIT_PAGE)
        return ctx.render(
            request,
            "audit.html",
            entries=shown,
            total=len(entries),
            page=pagina,
            pages=views.page_count(len(entries), AUDIT_PAGE),
            document=document,
            actie=actie,
            actions=actions,
            action_labels=ACTION_LABELS,
            detail_text=lambda d: views.detail_text(_numbered(ctx, d), DETAIL_LABELS),
        )
