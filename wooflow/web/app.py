"""The reviewer's web app for one case folder: FastAPI, server-rendered Jinja2, forms first.

Every page works without JavaScript; static/review.js only adds conveniences (selecting text
to redact, jumping from a highlight to its finding). Every write is a POST that calls the case
API (which runs it in a transaction and writes the audit log) and answers with a 303 redirect,
so a reload never repeats an action.

The case database connection is opened per request, in the thread that handles it: sqlite3
connections must not cross threads, and opening a case costs a few milliseconds.

Nobody sees anything without logging in with an account on this case (``wooflow user add``);
see :mod:`wooflow.web.auth` for sessions, CSRF and roles.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import urlencode, urlsplit

from fastapi import Depends, FastAPI, Request
from fastapi import Path as PathParam
from fastapi.exception_handlers import http_exception_handler
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, PlainTextResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.exceptions import HTTPException as StarletteHTTPException

from wooflow.case import Case
from wooflow.case.users import ensure_schema, has_users
from wooflow.exceptions import CaseError, WooflowError
from wooflow.store import CaseLocation, parse_location, resolve_location
from wooflow.web import views

HERE = Path(__file__).parent
MAX_ID = 2**63 - 1  # SQLite INTEGER; a larger id in a URL is simply "not found"
DocId = Annotated[int, PathParam(ge=0, le=MAX_ID)]
LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "::1")
SAFE_METHODS = ("GET", "HEAD", "OPTIONS")


class WebContext:
    """What the route modules share: the case folder, the templates, the login limiter."""

    def __init__(self, case_dir: Path, location: CaseLocation | None = None) -> None:
        from wooflow.web.auth import LoginLimiter
        from wooflow.web.numbers import InventoryNumbers

        self.case_dir = case_dir  # the case folder (PostgreSQL: the case's files folder)
        self.location = location or parse_location(case_dir)
        self.limiter = LoginLimiter()
        self.numbers = InventoryNumbers(case_dir)
        self.builder: Any = None  # wooflow.web.publishing.Builder, set by create_app
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
            actor_label=views.actor_label,
            local_time=views.local_time,
            DOC_STATUS_SLUGS=views.DOC_STATUS_SLUGS,
            num=self.numbers.label,
        )
        env.filters.update(text_html=views.text_html, snippet_html=views.snippet_html)

    @contextmanager
    def case(self, request: Request) -> Iterator[Case]:
        """The case, acting as the logged-in user (the audit log names them)."""
        user = getattr(request.state, "user", None)
        case = Case(self.location, actor=user.username if user else None)
        try:
            self.numbers.refresh(case)
        except BaseException:
            case.close()
            raise
        try:
            yield case
        finally:
            case.close()

    def render(
        self, request: Request, name: str, status_code: int = 200, **ctx: Any
    ) -> HTMLResponse:
        ctx.setdefault("melding", request.query_params.get("melding"))
        ctx.setdefault("fout", request.query_params.get("fout"))
        ctx.setdefault("user", getattr(request.state, "user", None))
        ctx.setdefault("csrf", getattr(request.state, "csrf", ""))
        return self.templates.TemplateResponse(request, name, ctx, status_code=status_code)


def redirect(path: str, anchor: str = "", **params: Any) -> RedirectResponse:
    """303 See Other back to a page, with a message (melding/fout) in the query string."""
    query = urlencode({k: v for k, v in params.items() if v not in (None, "")})
    sep = "&" if "?" in path else "?"
    url = path + (f"{sep}{query}" if query else "") + (f"#{anchor}" if anchor else "")
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


# Form and query fields by the name a person sees on the screen (for "vul dit in" messages).
FIELD_LABELS = {
    "start": "begin",
    "end": "einde",
    "value": "het oordeel",
    "in_scope": "binnen of buiten het verzoek",
    "decision": "het besluit",
    "key": "de persoon",
    "on": "de datum",
    "received": "de ontvangstdatum",
    "request": "het verzoek",
    "status": "de status",
    "pagina": "het paginanummer",
    "deel": "het deel",
    "p": "het paginanummer",
}

NO_USERS = (
    "Deze zaak heeft nog geen gebruikers. Maak eerst een coördinator aan:"
    " wooflow user add {folder} NAAM --role coordinator"
)


def create_app(
    case_dir: Path | str,
    allowed_hosts: Iterable[str] | None = LOOPBACK_HOSTS,
    publish_config: Path | str | None = None,
) -> FastAPI:
    """The review app for the case in ``case_dir`` (indexes documents stored since).

    ``allowed_hosts``: Host header names accepted (None: any, for a server bound elsewhere).
    ``publish_config``: the settings file (TOML) a package built from the browser uses, as
    ``wooflow process --config`` (None: the defaults).
    The case must have at least one account (``wooflow user add``), else CaseError.
    """
    from wooflow.web import (
        auth,
        routes_case,
        routes_docs,
        routes_find,
        routes_pages,
        routes_person_edit,
        routes_persons,
        routes_preflight,
        routes_review,
        routes_select,
        routes_users,
        routes_work,
    )

    location = resolve_location(case_dir)
    with Case.open(location) as case:  # fail early on a bad folder; index new documents
        ensure_schema(case.store)
        if not has_users(case.conn):
            raise CaseError(NO_USERS.format(folder=location))
        location = case.location
    ctx = WebContext(location.folder, location)
    from wooflow.web.publishing import Builder

    ctx.builder = Builder(location.folder, Path(publish_config) if publish_config is not None else None)
    allowed = set(allowed_hosts) if allowed_hosts is not None else None
    app = FastAPI(
        title="wooflow beoordeling",
        docs_url=None,
        redoc_url=None,
        openapi_url=None,
        dependencies=[Depends(auth.authenticate), Depends(auth.check_csrf)],
        form_limits={"max_fields": auth.MAX_FORM_FIELDS},
    )
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

    auth.register(app, ctx)

    @app.exception_handler(WooflowError)
    async def case_error(request: Request, exc: WooflowError) -> Response:
        message = views.plain(str(exc))
        if request.method == "POST":
            return redirect(back(request, "/"), fout=message)
        return ctx.render(request, "error.html", status_code=404, message=message)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        if exc.status_code == 400 and "fields" in str(exc.detail).lower():  # FastAPI's own parse
            return redirect(back(request, "/"), fout=auth.TOO_MANY_FIELDS)
        return await http_exception_handler(request, exc)

    @app.exception_handler(OverflowError)
    async def too_large(request: Request, exc: OverflowError) -> Response:
        message = "dat nummer bestaat niet in deze zaak"
        if request.method == "POST":
            return redirect(back(request, "/"), fout=message)
        return ctx.render(request, "error.html", status_code=404, message=message)

    @app.exception_handler(RequestValidationError)
    async def bad_input(request: Request, exc: RequestValidationError) -> Response:
        if any(e.get("loc", ("",))[0] == "path" for e in exc.errors()):
            return ctx.render(
                request, "error.html", status_code=404, message="die pagina bestaat niet"
            )
        fields = sorted(
            {FIELD_LABELS.get(str(e.get("loc", ["", "?"])[-1]), "een veld") for e in exc.errors()}
        )
        message = "vul dit in of verbeter het: " + ", ".join(fields)
        if request.method == "POST":
            return redirect(back(request, "/"), fout=message)
        return ctx.render(request, "error.html", status_code=400, message=message)

    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")
    routes_case.register(app, ctx)
    routes_docs.register(app, ctx)
    routes_review.register(app, ctx)
    routes_select.register(app, ctx)
    routes_pages.register(app, ctx)
    routes_find.register(app, ctx)
    routes_person_edit.register(app, ctx)  # before /personen/... of routes_persons
    routes_persons.register(app, ctx)
    routes_work.register(app, ctx)
    routes_users.register(app, ctx)
    routes_preflight.register(app, ctx)
    return app
