"""Login, sessions, CSRF and roles for the review app.

- Every route except the login page needs a session: a random token in an HttpOnly,
  SameSite=Strict cookie (Secure when served over https); the case database keeps only its
  SHA-256 (``wooflow.case.users``). Without one, a page redirects to the login page.
- Every write (POST) carries the session's CSRF token, as the form field ``csrf`` (every form
  has it) or the ``X-CSRF-Token`` header; without it: 403. The same-origin check of
  ``app.py`` stays as a second line.
- Roles: a viewer cannot write (403 with a Dutch message); case data, deadlines, scope by
  search and assigning work are for coordinators.
- Login attempts are rate limited per user name and per client address (in memory).
"""

from __future__ import annotations

import hmac
import threading
import time
from collections import defaultdict, deque
from typing import TYPE_CHECKING, Any

from fastapi import FastAPI, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from wooflow.case import users
from wooflow.exceptions import CaseError

if TYPE_CHECKING:
    from wooflow.web.app import WebContext

COOKIE = "wooflow_sessie"
LOGIN_PATH = "/inloggen"
PUBLIC_PATHS = frozenset({LOGIN_PATH})
COORDINATOR_POSTS = ("/zaak/", "/documenten/scope", "/toewijzen", "/gebruikers/", "/publiceren/")
VIEWER_REFUSED = "U bent meelezer in deze zaak: u kunt alles bekijken, maar niets wijzigen."
COORDINATOR_ONLY = "Dit kan alleen een coördinator van deze zaak doen."
CSRF_REFUSED = (
    "Geweigerd: het formulier is verlopen of komt niet van deze beoordelingsapp."
    " Laad de pagina opnieuw en probeer het nog eens."
)


class NotLoggedIn(Exception):
    """No valid session: go to the login page."""


class Forbidden(Exception):
    """Logged in, but this user may not do this (message in Dutch)."""


class LoginLimiter:
    """At most ``per_name`` failed logins per user name and ``per_client`` per address in
    ``window`` seconds; then refused until the oldest failure leaves the window."""

    def __init__(self, per_name: int = 5, per_client: int = 20, window: float = 900.0) -> None:
        self.per_name, self.per_client, self.window = per_name, per_client, window
        self._fails: dict[str, deque[float]] = defaultdict(deque)
        self._lock = threading.Lock()

    def _trim(self, key: str, now: float) -> deque[float]:
        q = self._fails[key]
        while q and q[0] <= now - self.window:
            q.popleft()
        return q

    def wait(self, name: str, client: str) -> int:
        """Seconds until another attempt is allowed (0: go ahead)."""
        now = time.monotonic()
        with self._lock:
            waits = []
            for key, limit in ((f"n:{name}", self.per_name), (f"c:{client}", self.per_client)):
                q = self._trim(key, now)
                if len(q) >= limit:
                    waits.append(int(q[0] + self.window - now) + 1)
            return max(waits, default=0)

    def failed(self, name: str, client: str) -> None:
        now = time.monotonic()
        with self._lock:
            self._fails[f"n:{name}"].append(now)
            self._fails[f"c:{client}"].append(now)

    def succeeded(self, name: str) -> None:
        with self._lock:
            self._fails.pop(f"n:{name}", None)


def _connect(ctx: WebContext) -> Any:
    from wooflow.store import open_connection

    return open_connection(ctx.location)


def authenticate(request: Request) -> None:
    """Global dependency: the session's user on ``request.state`` and the role checks."""
    if request.url.path in PUBLIC_PATHS:
        return
    ctx: WebContext = request.app.state.web
    conn = _connect(ctx)
    try:
        found = users.session_user(conn, request.cookies.get(COOKIE, ""))
    finally:
        conn.close()
    if found is None:
        raise NotLoggedIn()
    user, csrf = found
    request.state.user = user
    request.state.csrf = csrf
    if request.method in ("GET", "HEAD"):
        return
    if request.url.path == "/uitloggen":
        return
    if not user.can_write:
        raise Forbidden(VIEWER_REFUSED)
    path = request.url.path
    if not user.is_coordinator and any(
        path == p or (p.endswith("/") and path.startswith(p)) for p in COORDINATOR_POSTS
    ):
        raise Forbidden(COORDINATOR_ONLY)


# A form may list many documents or findings (assigning 1,500 documents at once); Starlette's
# default of 1,000 fields refused those with a bare HTTP 400. FastAPI's own parsing of Form
# parameters gets the same limit (``create_app``), and reuses the form parsed here.
MAX_FORM_FIELDS = 50_000
TOO_MANY_FIELDS = (
    "dit formulier heeft meer dan 50.000 velden en is niet verwerkt; kies minder tegelijk"
    " (bijvoorbeeld met een zoekvraag of filter)"
)


async def read_form(request: Request) -> Any:
    """The posted form with the app's field limit; too many fields is a Dutch message."""
    from starlette.exceptions import HTTPException

    try:
        return await request.form(max_fields=MAX_FORM_FIELDS)
    except HTTPException as e:
        if e.status_code == 400 and "fields" in str(e.detail).lower():
            raise CaseError(TOO_MANY_FIELDS) from e
        raise


async def check_csrf(request: Request) -> None:
    """Global dependency: a write must carry the session's CSRF token."""
    if request.method in ("GET", "HEAD") or request.url.path in PUBLIC_PATHS:
        return
    expected = getattr(request.state, "csrf", "")
    sent = request.headers.get("x-csrf-token")
    if sent is None:
        form = await read_form(request)
        value = form.get("csrf")
        sent = value if isinstance(value, str) else ""
    if not expected or not hmac.compare_digest(sent.encode(), expected.encode()):
        raise Forbidden(CSRF_REFUSED)


def _safe_next(value: str) -> str:
    """Only a path on this site (no //host, no scheme)."""
    if value.startswith("/") and not value.startswith("//") and "\\" not in value:
        return value
    return "/"


def register(app: FastAPI, ctx: WebContext) -> None:
    @app.exception_handler(NotLoggedIn)
    async def not_logged_in(request: Request, exc: NotLoggedIn) -> Response:
        from urllib.parse import urlencode

        params: dict[str, str] = {}
        if request.method == "GET":
            target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
            if target != "/":
                params["volgende"] = target
        else:
            params["fout"] = "U bent niet (meer) ingelogd; log opnieuw in."
        query = urlencode(params)
        return RedirectResponse(LOGIN_PATH + (f"?{query}" if query else ""), status_code=303)

    @app.exception_handler(Forbidden)
    async def forbidden(request: Request, exc: Forbidden) -> Response:
        return ctx.render(request, "error.html", status_code=403, message=str(exc))

    @app.get(LOGIN_PATH, response_class=HTMLResponse, name="login")
    def login_page(request: Request, volgende: str = "/") -> Response:
        return ctx.render(request, "login.html", volgende=_safe_next(volgende), username="")

    @app.post(LOGIN_PATH, name="login_post")
    def login(
        request: Request,
        username: str = Form(""),
        password: str = Form(""),
        volgende: str = Form("/"),
    ) -> Response:
        name = username.strip().lower()
        client = request.client.host if request.client else "?"
        wait = ctx.limiter.wait(name, client)
        if wait:
            minutes = max(1, -(-wait // 60))
            return ctx.render(
                request, "login.html", status_code=429, volgende=_safe_next(volgende),
                username=name,
                fout=f"Te veel mislukte pogingen. Probeer het over {minutes} minuten opnieuw.",
            )
        conn = _connect(ctx)
        try:
            user = users.verify(conn, name, password) if name and password else None
            if user is None:
                ctx.limiter.failed(name, client)
                return ctx.render(
                    request, "login.html", status_code=401, volgende=_safe_next(volgende),
                    username=name,
                    fout="Onbekende gebruikersnaam of onjuist wachtwoord voor deze zaak.",
                )
            ctx.limiter.succeeded(name)
            token, _csrf = users.start_session(conn, user.username)
        finally:
            conn.close()
        response = RedirectResponse(_safe_next(volgende), status_code=303)
        response.set_cookie(
            COOKIE, token, httponly=True, samesite="strict", path="/",
            secure=request.url.scheme == "https", max_age=users.SESSION_HOURS * 3600,
        )
        return response

    @app.post("/uitloggen", name="logout")
    def logout(request: Request) -> Response:
        conn = _connect(ctx)
        try:
            users.end_session(conn, request.cookies.get(COOKIE, ""))
        finally:
            conn.close()
        response = RedirectResponse(LOGIN_PATH + "?melding=Uitgelogd.", status_code=303)
        response.delete_cookie(COOKIE, path="/")
        return response


def user_of(request: Request) -> Any:
    """The logged-in user (set by :func:`authenticate`)."""
    return request.state.user
