"""The reviewer's web app for one case folder: FastAPI, server-rendered Jinja2, forms first.

Every page works without JavaScript; static/review.js only adds conveniences (selecting text
to redact, jumping from a highlight to its finding). Every write is a POST that calls the case
API (which runs it in a transaction and writes the audit log) and answers with a 303 redirect,
so a reload never repeats an action.

The case database connection is opened per request, in the thread that handles it: sqlite3
connections must not cross threads, and opening a case costs a few milliseconds.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import urlencode, urlsplit

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, PlainTextResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates

from wooflow.case import Case
from wooflow.exceptions import WooflowError
from wooflow.web import views

HERE = Path(__file__).parent
LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "::1")
SAFE_METHODS = ("GET", "HEAD", "OPTIONS")


class WebContext:
    """What the route modules share: the case folder, the templates, the reviewer's name."""

    def __init__(self, case_dir: Path, actor: str | None) -> None:
        self.case_dir = case_dir
        self.actor = actor
        self.templates = Jinja2Templates(directory=str(HERE / "templates"))
        env = self.templates.env
        env.globals.update(
            CATEGORIES=views.CATEGORIES,
            STATUS_LABELS=views.STATUS_LABELS,
            SOURCE_LABELS=views.SOURCE_LABELS,
            DECISION_LABELS=views.DECISION_LABELS,
            JUDGEMENT_SLUGS=views.JUDGEMENT_SLUGS,
            SET_BY_LABELS=views.SET_BY_LABELS,
            TYPE_LABELS=views.TYPE_LABELS,
            category_label=views.category_label,
            ground_label=views.ground_label,
            display_status=views.display_status,
            anchor=views.anchor,
        )
        env.filters.update(text_html=views.text_html, snippet_html=views.snippet_html)

    @contextmanager
    def case(self) -> Iterator[Case]:
        case = Case(self.case_dir, actor=self.actor)
        try:
            yield case
        finally:
            case.close()

    def render(
        self, request: Request, name: str, status_code: int = 200, **ctx: Any
    ) -> HTMLResponse:
        ctx.setdefault("melding", request.query_params.get("melding"))
        ctx.setdefault("fout", request.query_params.get("fout"))
        return self.templates.TemplateResponse(request, name, ctx, status_code=status_code)


def redirect(path: str, anchor: str = "", **params: Any) -> RedirectResponse:
    """303 See Other back to a page, with a message (melding/fout) in the query string."""
    query = urlencode({k: v for k, v in params.items() if v not in (None, "")})
    url = path + (f"?{query}" if query else "") + (f"#{anchor}" if anchor else "")
    return RedirectResponse(url, status_code=303)


def back(request: Request, fallback: str) -> str:
    """The page a form was posted from (same origin only), else ``fallback``."""
    ref = request.headers.get("referer")
    if ref:
        parts = urlsplit(ref)
        if parts.netloc == request.headers.get("host", ""):
            return parts.path or fallback
    return fallback


def _origin_ok(request: Request) -> bool:
    """Same-origin check for writes: enough against cross-site form posts to a local tool."""
    site = request.headers.get("sec-fetch-site")
    if site is not None and site not in ("same-origin", "none"):
        return False
    host = request.headers.get("host", "")
    origin = request.headers.get("origin")
    if origin is not None:
        return origin != "null" and urlsplit(origin).netloc == host
    referer = request.headers.get("referer")
    if referer is not None:
        return urlsplit(referer).netloc == host
    return True  # no browser involved (curl, scripts): nothing to forge


def _host_ok(request: Request, allowed: set[str] | None) -> bool:
    """Refuse foreign Host headers (DNS rebinding) when bound to a loopback address."""
    if allowed is None:
        return True
    host = request.headers.get("host", "")
    name = host.rsplit(":", 1)[0] if not host.endswith("]") else host
    return name.strip("[]") in allowed


def create_app(
    case_dir: Path | str,
    actor: str | None = None,
    allowed_hosts: Iterable[str] | None = LOOPBACK_HOSTS,
) -> FastAPI:
    """The review app for the case in ``case_dir`` (indexes documents stored since).

    ``allowed_hosts``: Host header names accepted (None: any, for a server bound elsewhere).
    ``actor``: the reviewer's name in the audit log (default: the login name).
    """
    from wooflow.web import routes_case, routes_docs, routes_persons

    case_dir = Path(case_dir)
    Case.open(case_dir, actor=actor).close()  # fail early on a bad folder; index new documents
    ctx = WebContext(case_dir, actor)
    allowed = set(allowed_hosts) if allowed_hosts is not None else None
    app = FastAPI(title="wooflow beoordeling", docs_url=None, redoc_url=None, openapi_url=None)
    app.state.web = ctx

    @app.middleware("http")
    async def guard(request: Request, call_next: Any) -> Response:
        if not _host_ok(request, allowed):
            return PlainTextResponse("Onbekende host; open de app via 127.0.0.1.", status_code=400)
        if request.method not in SAFE_METHODS and not _origin_ok(request):
            return PlainTextResponse(
                "Geweigerd: dit formulier komt niet van deze beoordelingsapp.", status_code=403
            )
        response: Response = await call_next(request)
        response.headers.setdefault("X-Frame-Options", "DENY")
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "same-origin")
        response.headers.setdefault(
            "Content-Security-Policy",
            "default-src 'self'; style-src 'self'; script-src 'self'; img-src 'self' data:;"
            " form-action 'self'; frame-ancestors 'none'",
        )
        return response

    @app.exception_handler(WooflowError)
    async def case_error(request: Request, exc: WooflowError) -> Response:
        if request.method == "POST":
            return redirect(back(request, "/"), fout=str(exc))
        return ctx.render(request, "error.html", status_code=404, message=str(exc))

    @app.exception_handler(RequestValidationError)
    async def bad_input(request: Request, exc: RequestValidationError) -> Response:
        fields = sorted({str(e.get("loc", ["", "?"])[-1]) for e in exc.errors()})
        message = "ongeldige of ontbrekende invoer: " + ", ".join(fields)
        if request.method == "POST":
            return redirect(back(request, "/"), fout=message)
        return ctx.render(request, "error.html", status_code=400, message=message)

    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")
    routes_case.register(app, ctx)
    routes_docs.register(app, ctx)
    routes_persons.register(app, ctx)
    return app
