"""User administration for the coordinator: the accounts on this case and their roles.

``/gebruikers`` lists the accounts (coordinator only, also to read: it shows who can do what).
The forms add an account (argon2, as ``wooflow user add``), change a role, set a new password
and remove an account. Nobody removes or demotes themselves, and the last coordinator stays:
a case must keep someone who can administer it. Every change is in the audit log (through
:mod:`wooflow.case.users`); a removed account stays in the database (the audit log names it)
and cannot log in.
"""

from __future__ import annotations

from fastapi import FastAPI, Form, Request
from fastapi.responses import HTMLResponse, Response

from wooflow.case import users as accounts
from wooflow.exceptions import CaseError
from wooflow.web.app import WebContext, redirect
from wooflow.web.auth import COORDINATOR_ONLY, Forbidden

PAGE = "/gebruikers"


def _coordinator(request: Request) -> str:
    user = request.state.user
    if not user.is_coordinator:
        raise Forbidden(COORDINATOR_ONLY)
    return str(user.username)


def _passwords(password: str, again: str) -> str:
    if password != again:
        raise CaseError("de twee wachtwoorden zijn niet gelijk; typ ze opnieuw")
    accounts.check_password(password)
    return password


def _other_coordinators(case: object, name: str) -> int:
    """Active coordinators besides ``name``."""
    everyone = accounts.users(case.conn)  # type: ignore[attr-defined]
    return len([u for u in everyone if u.is_coordinator and u.username != name])


def _active(case: object, name: str) -> accounts.User:
    found = next((u for u in accounts.users(case.conn) if u.username == name), None)  # type: ignore[attr-defined]
    if found is None:
        raise CaseError(f"gebruiker {name[:40]} bestaat niet (meer) in deze zaak")
    return found


def register(app: FastAPI, ctx: WebContext) -> None:
    @app.get(PAGE, response_class=HTMLResponse, name="users")
    def user_list(request: Request) -> Response:
        _coordinator(request)
        with ctx.case(request) as case:
            everyone = accounts.users(case.conn, active_only=False)
        return ctx.render(
            request,
            "users.html",
            active=[u for u in everyone if u.active],
            removed=[u for u in everyone if not u.active],
            roles=accounts.ROLE_LABELS,
            min_password=accounts.MIN_PASSWORD,
        )

    @app.post(PAGE + "/toevoegen", name="user_add")
    def user_add(
        request: Request,
        username: str = Form(...),
        role: str = Form(...),
        password: str = Form(...),
        password2: str = Form(...),
    ) -> Response:
        _coordinator(request)
        name = accounts.check_username(username)
        role = accounts.check_role(role)
        _passwords(password, password2)
        with ctx.case(request) as case:
            if any(u.username == name for u in accounts.users(case.conn, active_only=False) if not u.active):
                raise CaseError(
                    f"‘{name}’ is eerder verwijderd; een verwijderd account komt niet terug (het"
                    " auditlog verwijst ernaar): kies een andere gebruikersnaam"
                )
            user = accounts.add_user(case, name, role, password)
        return redirect(PAGE, melding=f"Gebruiker {user.username} aangemaakt ({user.role_label}).")

    @app.post(PAGE + "/rol", name="user_role")
    def user_role(request: Request, username: str = Form(...), role: str = Form(...)) -> Response:
        me = _coordinator(request)
        name = username.strip().lower()
        role = accounts.check_role(role)
        if name == me:
            raise CaseError("u kunt uw eigen rol niet wijzigen; vraag dat een andere coördinator")
        with ctx.case(request) as case, case.transaction():
            _active(case, name)
            if role != "coordinator" and not _other_coordinators(case, name):
                raise CaseError("dit is de laatste coördinator van de zaak; maak eerst iemand anders coördinator")
            user = accounts.set_role(case, name, role)
        return redirect(PAGE, melding=f"{user.username} is nu {user.role_label}.")

    @app.post(PAGE + "/wachtwoord", name="user_password")
    def user_password(
        request: Request, username: str = Form(...), password: str = Form(...), password2: str = Form(...)
    ) -> Response:
        me = _coordinator(request)
        name = username.strip().lower()
        _passwords(password, password2)
        with ctx.case(request) as case:
            _active(case, name)
            accounts.set_password(case, name, password)
        if name == me:  # a new password ends every session of that account, this one too
            return redirect("/inloggen", melding="Uw wachtwoord is gewijzigd; log opnieuw in.")
        return redirect(PAGE, melding=f"Nieuw wachtwoord ingesteld voor {name}; {name} is overal uitgelogd.")

    @app.post(PAGE + "/verwijderen", name="user_remove")
    def user_remove(request: Request, username: str = Form(...)) -> Response:
        me = _coordinator(request)
        name = username.strip().lower()
        if name == me:
            raise CaseError("u kunt uzelf niet verwijderen; vraag dat een andere coördinator")
        with ctx.case(request) as case, case.transaction():
            target = _active(case, name)
            if target.is_coordinator and not _other_coordinators(case, name):
                raise CaseError("dit is de laatste coördinator van de zaak; die blijft")
            accounts.deactivate(case, name)
        return redirect(PAGE, melding=f"Gebruiker {name} verwijderd; {name} kan niet meer inloggen.")
