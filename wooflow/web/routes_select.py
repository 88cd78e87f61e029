"""Multi-select on the document page: one action on several findings at once.

A plain form (works without JavaScript): each finding row has a checkbox ``kies`` (value
``ID:VERSIE``, the version it was rendered with) tied to the form by its ``form`` attribute;
"alles op deze pagina" (``pagina_alle`` with the page's ``ID:VERSIE`` list in ``pagina_ids``)
and one checkbox per category (``soort_alle``: every finding of that category in the
document, only proposals when the page shows only those) select more. The buttons accept,
reject, or change the ground (``actie``). One transaction, one undo step, every finding in the
audit log; a finding someone changed since the page was rendered refuses the whole action
with a message naming who.
"""

from __future__ import annotations

from fastapi import FastAPI, Form, Request
from fastapi.responses import Response

from wooflow.case import locking, selection, undo, workflow
from wooflow.exceptions import CaseError
from wooflow.web import views
from wooflow.web.app import DocId, WebContext, redirect
from wooflow.web.routes_review import StaleWrite, _version, stale_message

ACTION_WORDS = {"accept": "lakken / akkoord", "reject": "niet lakken", "ground": "grond wijzigen"}


def _pairs(values: list[str]) -> dict[int, int | None]:
    """``ID:VERSIE`` values (ids may also come alone: then no version check) -> {id: version}."""
    out: dict[int, int | None] = {}
    for value in values:
        for item in value.replace(",", " ").split():
            fid, _, ver = item.partition(":")
            if not fid.isdigit() or len(fid) > 18:
                raise CaseError("de selectie is ongeldig; laad de pagina opnieuw")
            out[int(fid)] = _version(ver)
    return out


def _message(out: selection.Outcome, ground: str) -> str:
    parts = []
    if out.redacted:
        parts.append(f"{len(out.redacted)} gelakt")
    if out.kept:
        parts.append(f"{len(out.kept)} blijven openbaar (akkoord)")
    if out.rejected:
        parts.append(f"{len(out.rejected)} niet gelakt")
    if out.changed:
        parts.append(f"{len(out.changed)} naar grond {ground}")
    text = ", ".join(parts) if parts else "niets gewijzigd"
    if out.skipped:
        n = len(out.skipped)
        it, was = ("het", "stond") if n == 1 else ("ze", "stonden")
        text += f"; {n} overgeslagen (daar past deze actie niet bij of {it} {was} al zo)"
    if out.persons:
        n = len(out.persons)
        text += f"; {n} {'persoon wordt' if n == 1 else 'personen worden'} in de hele zaak gelakt"
    return f"Selectie: {text}."


def register(app: FastAPI, ctx: WebContext) -> None:
    @app.post("/documenten/{doc_id}/selectie", name="select_apply")
    def apply_selection(
        request: Request,
        doc_id: DocId,
        actie: str = Form(""),
        ground: str = Form(""),
        kies: list[str] | None = Form(None),  # noqa: B008
        pagina_alle: str = Form(""),
        pagina_ids: str = Form(""),
        soort_alle: list[str] | None = Form(None),  # noqa: B008
        toon: str = Form("alle"),
        pagina: str = Form(""),
    ) -> Response:
        if actie not in selection.ACTIONS:
            raise CaseError("kies wat er met de selectie moet gebeuren")
        seen = _pairs(kies or [])
        if pagina_alle == "ja":
            seen.update({k: v for k, v in _pairs([pagina_ids]).items() if k not in seen})
        cats = [c for c in soort_alle or [] if c in views.CATEGORIES]
        with ctx.case(request) as case, case.transaction():
            rows = selection.resolve(case, doc_id, seen, cats, proposed_only=toon != "alle")
            current = locking.finding_versions(case, doc_id, seen)
            for fid, ver in seen.items():
                entry = locking.newer(case, current.get(fid, 0), ver)
                if entry is not None:
                    text = next((r["text"] for r in rows if r["id"] == fid), "")
                    raise StaleWrite(stale_message(entry, f"“{text}”") + " Er is niets van de selectie opgeslagen.")
            keys = [r["person_key"] for r in rows]
            label = f"selectie: {ACTION_WORDS[actie]} ({len(rows)} bevindingen)"
            with undo.recording(case, label, [doc_id], keys, doc_id):
                out = selection.apply(case, doc_id, rows, actie, ground or None)
            if out.done:
                workflow.touch(case, doc_id)
        first = next(iter([*out.redacted, *out.kept, *out.rejected, *out.changed, *out.skipped]), None)
        page = pagina if pagina.isdigit() and len(pagina) < 7 and pagina != "1" else ""
        return redirect(
            f"/documenten/{doc_id}",
            f"f-{first}" if first is not None else "h-bevindingen",
            toon="open" if toon == "open" else "",
            pagina=page,
            melding=_message(out, ground),
        )
