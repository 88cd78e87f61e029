"""The page view: each page of a document as it will be published, with a box per finding.

``/documenten/N/paginas?p=K`` shows page K as an SVG: the page image (``.../pagina/K.png``,
rendered by PyMuPDF) with one rectangle per finding line, coloured by status and labelled
with the ground; each box links to its finding in the list beside the page, which shows the
evidence and the buttons to act on it (the same forms as the text view, with versions).
SVG attributes, not inline styles: the Content-Security-Policy allows no inline style.
"""

from __future__ import annotations

from fastapi import FastAPI, Form, Request
from fastapi.responses import HTMLResponse, Response

from wooflow.case import areas, locking, undo, workflow
from wooflow.exceptions import CaseError
from wooflow.understand import GROUND_LABELS
from wooflow.web import pageview, queries, views
from wooflow.web.app import DocId, WebContext, redirect


def _points(*values: str) -> tuple[float, float, float, float]:
    """Four coordinates from a form (PDF points; a comma as decimal sign is fine)."""
    out = []
    for v in values:
        try:
            x = float(v.strip().replace(",", "."))
        except ValueError:
            raise CaseError("trek een rechthoek over de pagina (of vul de vier maten in)") from None
        if x != x or abs(x) > 1e6:  # NaN or absurd
            raise CaseError("die maten passen niet op de pagina")
        out.append(x)
    return out[0], out[1], out[2], out[3]


def register(app: FastAPI, ctx: WebContext) -> None:
    source = pageview.PageSource()

    @app.get("/documenten/{doc_id}/pagina/{page}.png", name="page_png")
    def page_png(request: Request, doc_id: DocId, page: DocId) -> Response:
        with ctx.case(request) as case:
            data, _doc = source.get(case, doc_id)
        png = pageview.page_png(data, page - 1)
        return Response(png, media_type="image/png", headers={"Cache-Control": "private, max-age=300"})

    @app.get("/documenten/{doc_id}/paginas", response_class=HTMLResponse, name="pages")
    def pages(request: Request, doc_id: DocId, p: int = 1, gekozen: str = "") -> Response:
        with ctx.case(request) as case:
            rec = case.record(doc_id)
            if not pageview.has_pages(case, doc_id):
                raise CaseError(
                    "dit document wordt als tekst gepubliceerd; bekijk de gelakte tekst"
                )
            data, doc = source.get(case, doc_id)
            n_pages = pageview.page_count(data)
            p = min(views.clamp_page(p), n_pages)
            page = next((pg for pg in doc.pages if pg.number == p - 1), None)
            lo, hi = (page.start, page.end) if page else (0, len(doc.text))
            recs = queries.doc_findings(case, doc_id, lo=lo, hi=hi)
            boxes, unplaced = pageview.boxes(doc, recs, p - 1)
            width, height = pageview.page_size(doc, data, p - 1)
            versions = locking.finding_versions(case, doc_id, [r.id for r in recs])
            drawn = areas.areas(case, doc_id, p - 1)
            undo_label = undo.last_label(case, request.state.user.username)
        on_page = {b.finding.id for b in boxes}
        return ctx.render(
            request,
            "pages.html",
            doc=rec,
            page=p,
            pages=n_pages,
            width=width,
            height=height,
            boxes=boxes,
            findings=[r for r in recs if r.id in on_page or r in unplaced],
            unplaced={r.id for r in unplaced},
            versions=versions,
            grounds=GROUND_LABELS,
            undo_label=undo_label,
            rotation=page.rotation if page else 0,
            back_to=f"/documenten/{doc_id}/paginas?p={p}",
            chosen=int(gekozen) if gekozen.isdigit() and len(gekozen) < 19 else None,
            toon="alle",
            areas=drawn,
            area_kinds=areas.KINDS,
        )

    @app.post("/documenten/{doc_id}/vlakken", name="add_area")
    def add_area(
        request: Request,
        doc_id: DocId,
        p: int = Form(...),
        x0: str = Form(""),
        y0: str = Form(""),
        x1: str = Form(""),
        y1: str = Form(""),
        ground: str = Form(""),
        kind: str = Form("handtekening"),
    ) -> Response:
        rect = _points(x0, y0, x1, y1)
        with ctx.case(request) as case:
            if not pageview.has_pages(case, doc_id):
                raise CaseError("dit document wordt als tekst gepubliceerd: lak daar tekst")
            data, doc = source.get(case, doc_id)
            if not 1 <= p <= pageview.page_count(data):
                raise CaseError(f"pagina {p} bestaat niet in dit document")
            size = pageview.page_size(doc, data, p - 1)
            with case.transaction():
                a = areas.add_area(case, doc_id, p - 1, rect, ground, kind, page_size=size)
                workflow.touch(case, doc_id)
        msg = f"Vlak gelakt ({a.kind_label}, {a.ground}) op pagina {p}."
        return redirect(f"/documenten/{doc_id}/paginas?p={p}", melding=msg)  # no anchor: no jump

    @app.post("/documenten/{doc_id}/vlakken/{area_id}/verwijderen", name="remove_area")
    def remove_area(request: Request, doc_id: DocId, area_id: DocId) -> Response:
        with ctx.case(request) as case:
            a = areas.area(case, area_id)
            if a.doc_id != doc_id:
                raise CaseError(f"vlak {area_id} hoort niet bij dit document")
            with case.transaction():
                areas.remove_area(case, area_id)
                workflow.touch(case, doc_id)
        msg = f"Vlak verwijderd ({a.kind_label}, pagina {a.page + 1}): daar wordt niet meer gelakt."
        return redirect(f"/documenten/{doc_id}/paginas?p={a.page + 1}", melding=msg)
