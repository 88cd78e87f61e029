"""``wooflow user``: accounts on a case for the review app (add, list, password, role, remove)."""

from __future__ import annotations

import sys

import typer

user_app = typer.Typer(
    help="Gebruikers van een zaak beheren (inloggen in 'wooflow serve').",
    no_args_is_help=True,
)


def _password(password_stdin: bool) -> str:
    if password_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    return str(typer.prompt("Wachtwoord", hide_input=True, confirmation_prompt="Nog een keer"))


def _case(case_dir: str):  # type: ignore[no-untyped-def]
    from wooflow.case import Case
    from wooflow.case.users import ensure_schema
    from wooflow.cli.cmd_serve import case_folder

    case = Case(case_folder(case_dir))
    ensure_schema(case.store)
    return case


CASE_ARG = typer.Argument(..., help="Zaakmap, PostgreSQL-URL of de --out-map van 'wooflow process'.")  # noqa: B008
STDIN_OPT = typer.Option(False, "--password-stdin", help="Lees het wachtwoord van stdin (één regel).")


@user_app.command("add")
def add_cmd(
    case_dir: str = CASE_ARG,
    username: str = typer.Argument(..., help="Gebruikersnaam (kleine letters, cijfers, . _ -)."),
    role: str = typer.Option("reviewer", "--role", help="coordinator, reviewer of viewer."),
    password_stdin: bool = STDIN_OPT,
) -> None:
    """Maak een account op deze zaak (de eerste is de coördinator)."""
    from wooflow.case.users import add_user, check_password, check_role, check_username

    name, r = check_username(username), check_role(role)
    with _case(case_dir) as case:
        password = _password(password_stdin)
        check_password(password)
        user = add_user(case, name, r, password)
    print(f"Gebruiker {user.username} ({user.role_label}) aangemaakt.")


@user_app.command("list")
def list_cmd(case_dir: str = CASE_ARG) -> None:
    """Toon de accounts op deze zaak."""
    from wooflow.case.users import users

    with _case(case_dir) as case:
        people = users(case.conn, active_only=False)
    if not people:
        print("Deze zaak heeft nog geen gebruikers.")
    for u in people:
        gone = "" if u.active else "  (verwijderd)"
        print(f"{u.username}  {u.role_label}{gone}")


@user_app.command("password")
def password_cmd(
    case_dir: str = CASE_ARG,
    username: str = typer.Argument(...),
    password_stdin: bool = STDIN_OPT,
) -> None:
    """Geef een account een nieuw wachtwoord (lopende sessies vervallen)."""
    from wooflow.case.users import set_password

    with _case(case_dir) as case:
        set_password(case, username, _password(password_stdin))
    print(f"Wachtwoord van {username} gewijzigd.")


@user_app.command("role")
def role_cmd(case_dir: str = CASE_ARG, username: str = typer.Argument(...),
             role: str = typer.Argument(..., help="coordinator, reviewer of viewer.")) -> None:
    """Verander de rol van een account."""
    from wooflow.case.users import set_role

    with _case(case_dir) as case:
        user = set_role(case, username, role)
    print(f"{user.username} is nu {user.role_label}.")


@user_app.command("remove")
def remove_cmd(case_dir: str = CASE_ARG, username: str = typer.Argument(...)) -> None:
    """Haal een account van de zaak (blijft in het auditlog staan, kan niet meer inloggen)."""
    from wooflow.case.users import deactivate

    with _case(case_dir) as case:
        deactivate(case, username)
    print(f"{username} kan niet meer inloggen op deze zaak.")


def register(app: typer.Typer) -> None:
    app.add_typer(user_app, name="user")
