"""Login, sessions, CSRF, roles and rate limiting of the review app."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any
from urllib.parse import unquote_plus

import pytest

from tests.web.conftest import PASSWORD, copy_case, login, make_client
from wooflow.case import Case
from wooflow.case.users import add_user
from wooflow.exceptions import CaseError
from wooflow.web.auth import COOKIE

HUGE = "9" * 30


def _filled(path: str, doc: int, finding: int) -> str:
    return path.replace("{doc_id}", str(doc)).replace("{finding_id}", str(finding))


def _filled_all(path: str, doc: int, finding: int) -> str:
    return _filled(path, doc, finding).replace("{page}", "1").replace("{area_id}", "1")


def _post_routes(client: Any) -> list[str]:
    return sorted(
        {r.path for r in client.app.routes if "POST" in getattr(r, "methods", set())}
        - {"/inloggen", "/uitloggen"}
    )


def _get_routes(client: Any) -> list[str]:
    from fastapi.routing import APIRoute

    return sorted(
        {r.path for r in client.app.routes if isinstance(r, APIRoute) and "GET" in r.methods} - {"/inloggen"}
    )


def _audit_rows(case_dir: Path) -> int:
    with Case(case_dir) as case:
        return int(case.conn.execute("SELECT COUNT(*) FROM case_audit").fetchone()[0])


def _ids(case_dir: Path) -> tuple[int, int]:
    with Case(case_dir) as case:
        row = case.conn.execute("SELECT doc_id, id FROM case_findings ORDER BY id").fetchone()
    return int(row[0]), int(row[1])


def test_nothing_is_shown_without_logging_in(case_dir: Path) -> None:
    with make_client(case_dir, None) as c:
        for path in ("/", "/documenten", "/documenten/1", "/personen", "/audit", "/mijn-werk",
                     "/audit.csv", "/documenten/1/gelakt", "/publiceren"):
            r = c.get(path)
            assert r.status_code == 303 and r.headers["location"].startswith("/inloggen"), path
        assert c.get("/documenten/1").headers["location"] == "/inloggen?volgende=%2Fdocumenten%2F1"
        r = c.post("/documenten/1/oordeel", data={"value": "openbaar"})
        assert r.status_code == 303 and "niet+%28meer%29+ingelogd" in r.headers["location"]
        page = c.get("/inloggen")
        assert page.status_code == 200 and "Gebruikersnaam" in page.text and "Uitloggen" not in page.text


def test_every_route_of_the_app_needs_a_login_on_this_case(case_dir: Path, tmp_path: Path) -> None:
    """Every GET and POST route, taken from the app itself (a new route is covered without
    editing this test): no session, or a session of another case, sees and changes nothing."""
    doc, fid = _ids(case_dir)
    other = tmp_path / "andere-zaak"
    copy_case(case_dir, other)
    before = _audit_rows(case_dir)
    with make_client(case_dir, None) as c, make_client(other, "anna") as elsewhere:
        gets, posts = _get_routes(c), _post_routes(c)
        assert len(gets) >= 15 and len(posts) >= 25
        foreign = elsewhere.cookies.get(COOKIE)
        for path in gets:
            url = _filled_all(path, doc, fid)
            r = c.get(url)
            assert r.status_code == 303 and r.headers["location"].startswith("/inloggen"), path
            c.cookies.set(COOKIE, foreign)  # anna's session on the other case is nothing here
            r = c.get(url)
            assert r.status_code == 303 and r.headers["location"].startswith("/inloggen"), path
            c.cookies.clear()
        for path in posts:
            r = c.post(_filled_all(path, doc, fid), data={"value": "openbaar", "username": "x"})
            assert r.status_code == 303 and "ingelogd" in unquote_plus(r.headers["location"]), path
    assert _audit_rows(case_dir) == before  # nothing was written


def test_login_sets_a_strict_httponly_cookie_and_logout_ends_it(case_dir: Path) -> None:
    with make_client(case_dir, None) as c:
        r = c.post("/inloggen", data={"username": "anna", "password": PASSWORD,
                                      "volgende": "/personen"})
        assert r.status_code == 303 and r.headers["location"] == "/personen"
        cookie = r.headers["set-cookie"]
        assert f"{COOKIE}=" in cookie and "HttpOnly" in cookie and "SameSite=strict" in cookie
        assert "Secure" not in cookie  # plain http on 127.0.0.1; Secure is set behind https
        page = c.get("/")
        assert page.status_code == 200 and "anna" in page.text and "beoordelaar" in page.text
        token = re.search(r'name="csrf" value="([^"]+)"', page.text)
        assert token
        assert c.post("/uitloggen", data={"csrf": token[1]}).status_code == 303
        assert c.get("/").status_code == 303


def test_an_open_redirect_after_login_is_not_possible(case_dir: Path) -> None:
    with make_client(case_dir, None) as c:
        r = c.post("/inloggen", data={"username": "anna", "password": PASSWORD,
                                      "volgende": "//evil.example/"})
        assert r.headers["location"] == "/"


def test_wrong_password_is_refused_and_rate_limited(case_dir: Path) -> None:
    with make_client(case_dir, None) as c:
        for _ in range(5):
            r = c.post("/inloggen", data={"username": "anna", "password": "fout"})
            assert r.status_code == 401 and "onjuist wachtwoord" in r.text
        r = c.post("/inloggen", data={"username": "anna", "password": PASSWORD})
        assert r.status_code == 429 and "Te veel mislukte pogingen" in r.text
        # another account from the same address still works (limit per name is 5, per address 20)
        assert c.post("/inloggen", data={"username": "bert", "password": PASSWORD}).status_code == 303


def test_every_write_needs_the_csrf_token(case_dir: Path) -> None:
    doc, fid = _ids(case_dir)
    with make_client(case_dir, "anna") as c:
        token = c.headers.pop("X-CSRF-Token")
        url = f"/documenten/{doc}/bevindingen/{fid}/afwijzen"
        r = c.post(url)
        assert r.status_code == 403 and "formulier is verlopen" in r.text
        assert c.post(url, data={"csrf": "verkeerd"}).status_code == 403
        assert c.post(url, data={"csrf": token}).status_code == 303
        for path in _post_routes(c):
            assert c.post(_filled(path, doc, fid)).status_code == 403, path


def test_a_viewer_can_read_everything_but_write_nothing(case_dir: Path) -> None:
    doc, fid = _ids(case_dir)
    with make_client(case_dir, "vera") as c:
        assert c.get(f"/documenten/{doc}").status_code == 200
        assert c.get("/audit").status_code == 200
        routes = _post_routes(c)
        assert len(routes) >= 15
        for path in routes:
            r = c.post(_filled(path, doc, fid), data={"value": "openbaar"})
            assert r.status_code == 403, path
            assert "meelezer" in r.text and "niets wijzigen" in r.text
        page = c.get(f"/documenten/{doc}").text
        assert "Document beoordeeld" not in page and "alle ‘blijft openbaar’" not in page
    with Case(case_dir) as case:
        assert not case.conn.execute(
            "SELECT 1 FROM case_audit WHERE actor='vera' AND action != 'user.login'"
        ).fetchone()


def test_coordinator_only_actions_are_refused_to_a_reviewer(case_dir: Path) -> None:
    with make_client(case_dir, "anna") as c:
        for path, data in (
            ("/zaak/gegevens", {"request": "x", "received": "2024-01-01"}),
            ("/zaak/verdagen", {}),
            ("/documenten/scope", {"q": "overleg", "in_scope": "in"}),
            ("/toewijzen", {"username": "anna", "doc": "1"}),
        ):
            r = c.post(path, data=data)
            assert r.status_code == 403 and "coördinator" in r.text, path
    with make_client(case_dir, "coord") as c:
        assert c.post("/toewijzen", data={"username": "anna", "doc": "1"}).status_code == 303


def test_every_coordinator_route_is_refused_to_a_reviewer(case_dir: Path) -> None:
    """All routes the app keeps for coordinators (taken from ``COORDINATOR_POSTS``, plus the
    account page and the download), each refused to a reviewer with the Dutch message."""
    from wooflow.web.auth import COORDINATOR_POSTS

    doc, fid = _ids(case_dir)
    before = _audit_rows(case_dir)
    with make_client(case_dir, "anna") as c:
        posts = [p for p in _post_routes(c)
                 if any(p == q or (q.endswith("/") and p.startswith(q)) for q in COORDINATOR_POSTS)]  # fmt: skip
        assert {"/zaak/opschorten", "/zaak/hervatten", "/gebruikers/toevoegen", "/gebruikers/rol",
                "/publiceren/pakket", "/toewijzen", "/documenten/scope"} <= set(posts)  # fmt: skip
        for path in posts:
            r = c.post(_filled_all(path, doc, fid), data={"username": "anna", "role": "coordinator",
                                                         "password": "x" * 12, "password2": "x" * 12})  # fmt: skip
            assert r.status_code == 403 and "coördinator" in r.text, path
        for path in ("/gebruikers", "/publiceren/publicatie.zip"):
            r = c.get(path)
            assert r.status_code == 403 and "coördinator" in r.text, path
    with Case(case_dir) as case:
        role = case.conn.execute("SELECT role FROM case_users WHERE username='anna'").fetchone()[0]
    assert role == "reviewer"
    assert _audit_rows(case_dir) - before <= 1  # at most anna's login


def test_an_account_on_one_case_does_not_open_another(case_dir: Path, tmp_path: Path) -> None:
    other = tmp_path / "andere-zaak"
    copy_case(case_dir, other)
    with Case(other) as case:
        case.conn.execute("DELETE FROM case_users WHERE username='anna'")
        case.conn.commit()
    with make_client(other, None) as c:
        r = c.post("/inloggen", data={"username": "anna", "password": PASSWORD})
        assert r.status_code == 401
        assert c.get("/").status_code == 303
    # and a session of case A is no session on case B
    with make_client(case_dir, "anna") as a, make_client(other, None) as b:
        b.cookies.set(COOKIE, a.cookies.get(COOKIE))
        assert b.get("/").status_code == 303


def test_a_case_without_accounts_cannot_be_served(case_dir: Path) -> None:
    with Case(case_dir) as case:
        case.conn.execute("DELETE FROM case_users")
        case.conn.commit()
    from wooflow.web import create_app

    with pytest.raises(CaseError, match="wooflow user add"):
        create_app(case_dir)


def test_the_audit_log_names_the_user_and_wooflow_for_automatic_steps(case_dir: Path) -> None:
    doc, fid = _ids(case_dir)
    with make_client(case_dir, "bert") as c:
        c.post(f"/documenten/{doc}/bevindingen/{fid}/afwijzen")
        html = c.get("/audit").text
        assert "<td>bert</td>" in html
        assert "<td>wooflow (automatisch)</td>" in html  # detection ("detectie") and dedupe
        assert "<td>detectie</td>" not in html
        csv_text = c.get("/audit.csv").text
        assert csv_text.startswith("\ufefftijd;wie;handeling")
        assert ";bert;bevinding afgewezen;" in csv_text
        assert "{" not in csv_text  # no Python dicts


def test_huge_ids_are_not_found_not_a_server_error(client: Any) -> None:
    for path in (f"/documenten/{HUGE}", f"/documenten/{HUGE}/gelakt",
                 f"/documenten/{2**63}", f"/documenten?pagina={HUGE}",
                 f"/audit?document={HUGE}", f"/audit?pagina={HUGE}", f"/personen?pagina={HUGE}",
                 f"/mijn-werk?pagina={HUGE}", f"/documenten/1?pagina={HUGE}&deel={HUGE}"):
        r = client.get(path)
        assert r.status_code in (200, 404), (path, r.status_code)
    assert client.get(f"/documenten/{HUGE}").status_code == 404
    assert client.get(f"/documenten/{2**63 - 1}").status_code == 404
    for path in client.app.routes:
        p = getattr(path, "path", "")
        if "{" in p and "POST" in getattr(path, "methods", set()):
            r = client.post(_filled(p, 2**63 - 1, 2**63 - 1), data={"value": "openbaar",
                                                                   "start": "0", "end": "1",
                                                                   "ground": "5.1.2e",
                                                                   "status": "beoordeeld"})
            assert r.status_code in (303, 404), (p, r.status_code)
            r = client.post(_filled(p, int(HUGE), 1), data={"value": "openbaar"})
            assert r.status_code == 404, p
    r = client.post("/documenten/1/oordeel", data={"value": "dubbel", "duplicate_of": HUGE})
    assert r.status_code == 303 and "fout" in r.headers["location"]


def test_users_are_created_by_the_cli(tmp_path: Path, case_dir: Path) -> None:
    from typer.testing import CliRunner

    from wooflow.cli import app

    runner = CliRunner()
    r = runner.invoke(app, ["user", "add", str(case_dir), "Carla", "--role", "viewer"])
    assert r.exit_code != 0  # capital letters: refused
    r = runner.invoke(app, ["user", "add", str(case_dir), "carla", "--role", "viewer",
                            "--password-stdin"], input="heel-geheim-1\n")
    assert r.exit_code == 0, r.output
    assert "carla (meelezer) aangemaakt" in r.output
    r = runner.invoke(app, ["user", "list", str(case_dir)])
    assert "carla  meelezer" in r.output and "coord  coördinator" in r.output
    with make_client(case_dir, None) as c:
        login(c, "carla", "heel-geheim-1")
        assert c.get("/").status_code == 200
    with Case(case_dir) as case:
        add_user(case, "dirk", "reviewer", "nog-een-wachtwoord")
        assert case.conn.execute(
            "SELECT actor FROM case_audit WHERE action='user.add' AND target='carla'"
        ).fetchone()


def test_serve_tells_to_add_a_user_first(case_dir: Path) -> None:
    from typer.testing import CliRunner

    from wooflow.cli import app

    with Case(case_dir) as case:
        case.conn.execute("DELETE FROM case_users")
        case.conn.commit()
    r = CliRunner().invoke(app, ["serve", str(case_dir)])
    assert isinstance(r.exception, CaseError)
    assert "nog geen gebruikers" in str(r.exception) and "wooflow user add" in str(r.exception)
