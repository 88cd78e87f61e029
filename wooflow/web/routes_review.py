"""Write actions on one document: decide findings, redact, change a ground, bulk, undo, judge.

Every write runs in one transaction that first checks the version the form was rendered with
(:mod:`wooflow.case.locking`): a stale form is refused with a message naming who changed what,
so two reviewers never silently overwrite each other. Single and bulk actions are recorded for
undo (:mod:`wooflow.case.undo`), and the document becomes "in behandeling" (case-wide actions
change no status: see :func:`wooflow.case.workflow.reopen_if_done`).
"""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

from fastapi import FastAPI, Form, Request
from fastapi.responses import Response

from wooflow.case import accept, add, bulk, judge, locking, reject, reset_judgement, undo, workflow
from wooflow.case.audit import AuditEntry
from wooflow.case.judgement import REDACTING, _derived_grounds
from wooflow.exceptions import CaseError
from wooflow.store.repos import findings as finding_rows
from wooflow.understand import GROUND_LABELS
from wooflow.web import views
from wooflow.web.app import DocId, WebContext, redirect

CHANGE_LABELS = {
    "finding.accept": "geaccepteerd",
    "finding.reject": "afgewezen",
    "finding.add": "gelakt",
    "finding.change": "van grond of soort veranderd",
    "finding.undo": "teruggezet (ongedaan gemaakt)",
    "person.decide": "voor de hele zaak besloten (persoon)",
    "judgement.set": "vastgesteld",
    "judgement.reset": "weer automatisch gemaakt",
    "judgement.undo": "teruggezet (ongedaan gemaakt)",
}


class StaleWrite(CaseError):
    """The form was rendered before someone else's change."""


def stale_message(entry: AuditEntry, what: str) -> str:
    who = views.actor_label(entry.actor, entry.action)
    did = CHANGE_LABELS.get(entry.action, "gewijzigd")
    if entry.action == "judgement.set" and entry.target:
        did = f"op ‘{entry.target}’ gezet"
    at = views.local_time(entry.at)
    return (
        f"Niet opgeslagen: {who} heeft {what} intussen {did} (om {at}). Hieronder staat nu"
        " de actuele stand; kijk die na en beslis zo nodig opnieuw."
    )


def _version(value: str) -> int | None:
    """The version a form sent (None: the form sent none, e.g. a script)."""
    value = value.strip()
    return int(value) if value.isdigit() and len(value) < 19 else None


def _doc_url(doc_id: int, terug: str = "") -> str:
    """Back to the text view, or to the page view the form came from."""
    pages = f"/documenten/{doc_id}/paginas"
    if terug == pages or terug.startswith(pages + "?p="):
        return terug.split("#")[0]
    return f"/documenten/{doc_id}"


def _back(doc_id: int, terug: str, finding_id: int, **params: str) -> Response:
    """Back where the form was: the text view (anchor on the finding) or the page view (the
    finding marked by ``gekozen``: an anchor would scroll the page image out of view)."""
    url = _doc_url(doc_id, terug)
    if "/paginas" in url:
        return redirect(url, gekozen=str(finding_id), **params)
    return redirect(url, f"f-{finding_id}", **params)


def _toon(value: str) -> str:
    return "open" if value == "open" else ""


def _finding(case: object, finding_id: int, doc_id: int) -> dict[str, object]:
    row = finding_rows.get(case.conn, finding_id)  # type: ignore[attr-defined]
    if row is None or row["doc_id"] != doc_id:
        raise CaseError(f"bevinding {finding_id} hoort niet bij dit document")
    return dict(row)


def register(app: FastAPI, ctx: WebContext) -> None:
    def check_finding(case: object, finding_id: int, text: str, versie: str) -> None:
        entry = locking.newer(case, locking.finding_version(case, finding_id), _version(versie))  # type: ignore[arg-type]
        if entry is not None:
            raise StaleWrite(stale_message(entry, f"“{text}”"))

    @app.post("/documenten/{doc_id}/bevindingen/{finding_id}/accepteren", name="accept")
    def accept_finding(
        request: Request,
        doc_id: DocId,
        finding_id: DocId,
        toon: str = Form("alle"),
        versie: str = Form(""),
        terug: str = Form(""),
    ) -> Response:
        with ctx.case(request) as case, case.transaction():
            row = _finding(case, finding_id, doc_id)
            check_finding(case, finding_id, str(row["text"]), versie)
            label = f"accepteren van “{row['text']}”"
            with undo.recording(case, label, [doc_id], [row["person_key"]], doc_id):  # type: ignore[list-item]
                rec = accept(case, finding_id, doc_id)
            workflow.touch(case, doc_id)
        if rec.finding.action == "keep":
            msg = f"Akkoord: “{rec.finding.text}” blijft openbaar."
        else:
            msg = f"Gelakt: “{rec.finding.text}” ({rec.finding.ground})."
            if rec.person_key:
                msg += " Deze persoon wordt in de hele zaak gelakt."
        return _back(doc_id, terug, finding_id, toon=_toon(toon), melding=msg)

    @app.post("/documenten/{doc_id}/bevindingen/{finding_id}/afwijzen", name="reject")
    def reject_finding(
        request: Request,
        doc_id: DocId,
        finding_id: DocId,
        toon: str = Form("alle"),
        versie: str = Form(""),
        terug: str = Form(""),
    ) -> Response:
        with ctx.case(request) as case, case.transaction():
            row = _finding(case, finding_id, doc_id)
            check_finding(case, finding_id, str(row["text"]), versie)
            with undo.recording(case, f"afwijzen van “{row['text']}”", [doc_id], doc_id=doc_id):
                rec = reject(case, finding_id, doc_id)
            workflow.touch(case, doc_id)
            ground = finding_rows.covering_ground(case.conn, doc_id, finding_id, rec.finding.start,
                                                  rec.finding.end, REDACTING)
            covering = None if ground is None else {"ground": ground}
            same = None
            if covering is None and rec.finding.category == "person":  # the redactor redacts every
                same = finding_rows.same_text_ground(  # occurrence of a redacted name form
                    case.conn, doc_id, finding_id, rec.finding.text, REDACTING)
        if same is not None:
            msg = (
                f"Afgewezen: “{rec.finding.text}”. Let op: dezelfde naam is elders in dit document"
                f" gelakt ({same}); bij het lakken wordt elke vindplaats van die naam gelakt, dus deze"
                " ook. Wijs die ook af als de naam hier leesbaar moet blijven."
            )
        elif covering is not None:
            msg = (
                f"Afgewezen: “{rec.finding.text}”. Let op: deze tekst valt ook onder een andere"
                f" lakking ({covering['ground']}) en blijft dus gelakt."
            )
        elif rec.finding.action == "keep":
            msg = f"Afgewezen: “{rec.finding.text}” is geen openbaar te houden gegeven."
        else:
            msg = f"Niet gelakt: “{rec.finding.text}” blijft leesbaar."
        return _back(doc_id, terug, finding_id, toon=_toon(toon), melding=msg)

    @app.post("/documenten/{doc_id}/bevindingen/{finding_id}/wijzigen", name="change")
    def change_finding(
        request: Request,
        doc_id: DocId,
        finding_id: DocId,
        ground: str = Form(""),
        category: str = Form(""),
        overal: str = Form(""),
        versie: str = Form(""),
        terug: str = Form(""),
    ) -> Response:
        if category and category not in views.CATEGORIES:
            raise CaseError("kies een soort uit de lijst")
        with ctx.case(request) as case, case.transaction():
            row = _finding(case, finding_id, doc_id)
            check_finding(case, finding_id, str(row["text"]), versie)
            everywhere = overal == "ja"
            docs = [doc_id]
            if everywhere:
                docs = sorted({r["doc_id"] for r in bulk.same_redactions(case, finding_id)})
            label = f"grond/soort van “{row['text']}” wijzigen"
            with undo.recording(case, label, docs, doc_id=doc_id):
                changed = bulk.change(case, finding_id, ground or None, category or None, everywhere)
            workflow.touch(case, doc_id)
        what = f"{len(changed)} keer" if everywhere else "hier"
        msg = f"“{row['text']}” {what} gewijzigd"
        if ground:
            msg += f": grond {ground}"
        if category:
            msg += f", soort {views.category_label(category)}"
        return _back(doc_id, terug, finding_id, melding=msg + ".")

    @app.post("/documenten/{doc_id}/lakken", name="add")
    def add_redaction(
        request: Request,
        doc_id: DocId,
        start: int = Form(...),
        end: int = Form(...),
        category: str = Form(""),
        ground: str = Form(""),
        reason: str = Form(""),
        expected: str = Form(""),
        terug: str = Form(""),
    ) -> Response:
        if not ground:
            raise CaseError("kies een weigeringsgrond voor deze lakking")
        if ground not in GROUND_LABELS:
            raise CaseError(f"onbekende weigeringsgrond {ground}")
        with ctx.case(request) as case, case.transaction():
            text = case.text(doc_id)
            span = " ".join(text[start:end].split()) if 0 <= start < end <= len(text) else None
            if expected and span is not None and span != " ".join(expected.split()):
                # the browser's selection and the stored text disagree: refuse rather than guess
                raise CaseError("de selectie komt niet overeen met de tekst; selecteer opnieuw")
            cat = category if category in views.CATEGORIES else views.guess_category(span or "")
            label = f"lakken van “{span or ''}”"
            with undo.recording(case, label, [doc_id], doc_id=doc_id):
                rec = add(case, doc_id, start, end, cat, ground, reason.strip() or "handmatig toegevoegd")
            workflow.touch(case, doc_id)
        return _back(
            doc_id,
            terug,
            rec.id,
            melding=f"Gelakt ({rec.finding.ground}, {views.category_label(cat)}): “{rec.finding.text}”.",
        )

    @app.post("/documenten/{doc_id}/openbaar-akkoord", name="bulk_keep")
    def bulk_keep(
        request: Request, doc_id: DocId, soort: str = Form(""), persoon: str = Form(""),
        toon: str = Form(""),
    ) -> Response:
        with ctx.case(request) as case, case.transaction():
            case.record(doc_id)
            what = "dit document"
            if soort:
                what += f", soort {views.category_label(soort)}"
            label = f"alle ‘blijft openbaar’ van {what} accepteren"
            with undo.recording(case, label, [doc_id], doc_id=doc_id):
                ids = bulk.accept_keep(case, doc_id, soort or None, persoon or None)
            if ids:
                workflow.touch(case, doc_id)
        return redirect(  # back to the same view: "alleen voorgestelde" stays so
            _doc_url(doc_id),
            "h-bevindingen",
            toon="open" if toon == "open" else "",
            melding=f"{len(ids)} gegevens blijven openbaar (akkoord). Ongedaan maken kan met ‘Ongedaan maken’.",
        )

    @app.post("/openbaar-akkoord", name="bulk_keep_case")
    def bulk_keep_case(
        request: Request, soort: str = Form(""), persoon: str = Form("")
    ) -> Response:
        """Every open "blijft openbaar" item of one person or one category in the whole case."""
        if not (soort or persoon):
            raise CaseError("kies een persoon of een soort")
        with ctx.case(request) as case, case.transaction():
            rows = bulk.keep_public_items(case, None, soort or None, persoon or None)
            docs = sorted({r["doc_id"] for r in rows})
            who = rows[0]["text"] if rows else persoon
            what = f"soort {views.category_label(soort)}" if soort else f"persoon {who}"
            label = f"alle ‘blijft openbaar’ van {what} accepteren"
            with undo.recording(case, label, docs):  # no status change: see workflow.reopen_if_done
                ids = bulk.accept_keep(case, None, soort or None, persoon or None)
        target = "/personen" if persoon else "/"
        return redirect(
            target,
            melding=f"{len(ids)} keer ‘blijft openbaar’ geaccepteerd in {len(docs)} document"
            f"{'en' if len(docs) != 1 else ''} ({what}). Ongedaan maken kan op een documentpagina.",
        )

    @app.post("/ongedaan-maken", name="undo")
    def undo_last(request: Request) -> Response:
        with ctx.case(request) as case:
            label, doc_id = undo.undo_last(case)
            if doc_id is not None:
                with case.transaction():
                    workflow.touch(case, doc_id)
        target = _doc_url(doc_id) if doc_id is not None else "/"
        if doc_id is not None:  # undone from the page view: back to the same page
            ref = urlsplit(request.headers.get("referer") or "")
            pages = f"/documenten/{doc_id}/paginas"
            if ref.netloc == request.headers.get("host", "") and ref.path == pages:
                p = parse_qs(ref.query).get("p", [""])[0]
                target = pages + (f"?p={p}" if p.isdigit() and len(p) < 7 else "")
        return redirect(target, melding=f"Ongedaan gemaakt: {label}.")

    @app.post("/documenten/{doc_id}/oordeel", name="judge")
    def set_judgement(
        request: Request,
        doc_id: DocId,
        value: str = Form(...),
        explanation: str = Form(""),
        link: str = Form(""),
        duplicate_of: str = Form(""),
        grounds: list[str] | None = Form(None),  # noqa: B008
        versie: str = Form(""),
    ) -> Response:
        chosen = [g for g in grounds or [] if g in GROUND_LABELS]
        with ctx.case(request) as case, case.transaction():
            entry = locking.newer(case, locking.judgement_version(case, doc_id), _version(versie))
            if entry is not None:
                raise StaleWrite(stale_message(entry, "het oordeel over dit document"))
            if value == "auto":
                j = reset_judgement(case, doc_id)
            else:
                dup = duplicate_of.strip()
                if value == "dubbel" and not dup:
                    raise CaseError("vul bij ‘dubbel’ het nummer van het behouden document in")
                dup_id = ctx.numbers.doc_of(dup) if dup else None
                if dup and dup_id is None:
                    raise CaseError(
                        f"dubbel van: er is geen document met inventarisnummer {dup[:20]}"
                    )
                if value == "reeds openbaar" and not link.strip():
                    raise CaseError("vul bij ‘reeds openbaar’ de vindplaats (link) in")
                if value == "niet openbaar" and not chosen:
                    derived = "; ".join(_derived_grounds(case, [doc_id]).get(doc_id, []))
                    hint = f" (de lakkingen in dit document gebruiken {derived})" if derived else ""
                    raise CaseError(
                        "kies bij ‘niet openbaar’ zelf de weigeringsgrond(en) onder"
                        f" ‘Weigeringsgronden’{hint}"
                    )
                if value == "openbaar":
                    n = finding_rows.count_redacting(case.conn, doc_id, REDACTING)
                    if n:
                        raise CaseError(
                            f"dit document heeft {n} lakking{'en' if n != 1 else ''}: het kan niet"
                            " helemaal openbaar; kies ‘deels openbaar’ of maak de lakkingen eerst"
                            " ongedaan"
                        )
                with undo.recording(case, f"oordeel ‘{value}’", [doc_id], doc_id=doc_id):
                    j = judge(
                        case,
                        doc_id,
                        value,
                        explanation=explanation.strip(),
                        link=link.strip() or None,
                        duplicate_of=dup_id,
                        grounds=chosen or None,
                    )
            workflow.touch(case, doc_id)
        return redirect(_doc_url(doc_id), "oordeel", melding=f"Oordeel: {j.judgement}.")

    @app.post("/documenten/{doc_id}/status", name="doc_status")
    def set_status(request: Request, doc_id: DocId, status: str = Form(...), volgende: str = Form("")) -> Response:
        """Set a document's status; with ``volgende`` (after "beoordeeld") go on to that document."""
        with ctx.case(request) as case:
            new = workflow.set_status(case, doc_id, status, request.state.user)
            nxt = int(volgende) if volgende.isdigit() and len(volgende) < 19 else None
            if nxt is not None:
                try:
                    case.record(nxt)
                except CaseError:
                    nxt = None
        if nxt is not None:
            label = ctx.numbers.label(doc_id)
            return redirect(f"/documenten/{nxt}?toon=open", melding=f"Document {label}: {new}.")
        return redirect(_doc_url(doc_id), "status", melding=f"Status: {new}.")
