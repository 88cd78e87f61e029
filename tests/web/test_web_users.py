"""The coordinator's user administration page (/gebruikers)."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

from wooflow.case import Case, audit_log
from wooflow.case.users import users, verify

from .conftest import PASSWORD, login, make_client

NEW_PASSWORD = "nieuw-wachtwoord-9"


def _query(resp: Any) -> dict[str, str]:
    assert resp.status_code == 303, resp.text
    return {k: v[0] for k, v in parse_qs(urlsplit(resp.headers["location"]).query).items()}


def _roles(case_dir: Path) -> dict[str, str]:
    with Case(case_dir) as case:
        return {u.username: u.role for u in users(case.conn)}


def test_the_page_lists_the_accounts_for_a_coordinator_only(case_dir: Path) -> None:
    with make_client(case_dir, "coord") as c:
        html = c.get("/gebruikers").text
        assert "Gebruikers van deze zaak" in html and 'href="/gebruikers"' in html
        for name in ("coord", "anna", "bert", "vera"):
            assert f'id="u-{name}"' in html
        assert "beoordelaar" in html and "meelezer" in html
    for name in ("anna", "vera"):
        with make_client(case_dir, name) as c:
            r = c.get("/gebruikers")
            assert r.status_code == 403 and "coördinator" in r.text
            assert 'href="/gebruikers"' not in c.get("/").text
            for path in ("/gebruikers/toevoegen", "/gebruikers/rol", "/gebruikers/verwijderen",
                         "/gebruikers/wachtwoord"):
                r = c.post(path, data={"username": "bert", "role": "coordinator", "password": NEW_PASSWORD,
                                       "password2": NEW_PASSWORD})
                assert r.status_code == 403, path
    assert _roles(case_dir)["bert"] == "reviewer"


def test_add_a_user_who_can_then_log_in(case_dir: Path) -> None:
    with make_client(case_dir, "coord") as c:
        r = c.post("/gebruikers/toevoegen", data={"username": "Carla", "role": "reviewer",
                                                  "password": NEW_PASSWORD, "password2": NEW_PASSWORD})
        assert _query(r)["melding"] == "Gebruiker carla aangemaakt (beoordelaar)."
        r = c.post("/gebruikers/toevoegen", data={"username": "carla", "role": "viewer",
                                                  "password": NEW_PASSWORD, "password2": NEW_PASSWORD})
        assert "bestaat al" in _query(r)["fout"]
        r = c.post("/gebruikers/toevoegen", data={"username": "dirk", "role": "reviewer",
                                                  "password": NEW_PASSWORD, "password2": "anders-123"})
        assert "niet gelijk" in _query(r)["fout"]
        r = c.post("/gebruikers/toevoegen", data={"username": "dirk", "role": "reviewer",
                                                  "password": "kort", "password2": "kort"})
        assert "minstens 8 tekens" in _query(r)["fout"]
        r = c.post("/gebruikers/toevoegen", data={"username": "wooflow", "role": "reviewer",
                                                  "password": NEW_PASSWORD, "password2": NEW_PASSWORD})
        assert "gereserveerd" in _query(r)["fout"]
    with Case(case_dir) as case:
        assert verify(case.conn, "carla", NEW_PASSWORD) is not None
        stored = case.conn.execute("SELECT pw_hash FROM case_users WHERE username='carla'").fetchone()[0]
        assert stored.startswith("$argon2id$") and NEW_PASSWORD not in stored
        entry = [e for e in audit_log(case.conn) if e.action == "user.add"][-1]
        assert entry.actor == "coord" and entry.target == "carla"
        assert "dirk" not in {u.username for u in users(case.conn)}
    with make_client(case_dir, None) as c:
        login(c, "carla", NEW_PASSWORD)


def test_change_role_reset_password_and_remove(case_dir: Path) -> None:
    with make_client(case_dir, "coord") as c, make_client(case_dir, "bert") as bert:
        assert _query(c.post("/gebruikers/rol", data={"username": "anna", "role": "viewer"}))["melding"] == (
            "anna is nu meelezer.")
        r = c.post("/gebruikers/wachtwoord", data={"username": "bert", "password": NEW_PASSWORD,
                                                   "password2": NEW_PASSWORD})
        assert "overal uitgelogd" in _query(r)["melding"]
        assert bert.get("/").status_code == 303  # bert's session ended with the new password
        r = c.post("/gebruikers/verwijderen", data={"username": "vera"})
        assert "kan niet meer inloggen" in _query(r)["melding"]
        html = c.get("/gebruikers").text
        assert 'id="u-vera"' not in html and "Verwijderd (kunnen niet meer inloggen): vera" in html
        r = c.post("/gebruikers/toevoegen", data={"username": "vera", "role": "viewer",
                                                  "password": NEW_PASSWORD, "password2": NEW_PASSWORD})
        assert "eerder verwijderd" in _query(r)["fout"]
        r = c.post("/gebruikers/rol", data={"username": "vera", "role": "reviewer"})
        assert "bestaat niet" in _query(r)["fout"]
    assert _roles(case_dir) == {"coord": "coordinator", "anna": "viewer", "bert": "reviewer"}
    with Case(case_dir) as case:
        assert verify(case.conn, "bert", NEW_PASSWORD) is not None
        assert verify(case.conn, "bert", PASSWORD) is None
        assert verify(case.conn, "vera", PASSWORD) is None
        actions = [(e.action, e.target, e.actor) for e in audit_log(case.conn) if e.action.startswith("user.")]
        assert ("user.role", "anna", "coord") in actions
        assert ("user.password", "bert", "coord") in actions
        assert ("user.remove", "vera", "coord") in actions


def test_not_yourself_and_not_the_last_coordinator(case_dir: Path) -> None:
    with make_client(case_dir, "coord") as c:
        assert "uzelf niet" in _query(c.post("/gebruikers/verwijderen", data={"username": "coord"}))["fout"]
        r = c.post("/gebruikers/rol", data={"username": "coord", "role": "reviewer"})
        assert "eigen rol" in _query(r)["fout"]
        # a second coordinator; then that one cannot demote or remove the first ...
        c.post("/gebruikers/rol", data={"username": "bert", "role": "coordinator"})
    with make_client(case_dir, "bert") as b:
        assert "verwijderd" in _query(b.post("/gebruikers/verwijderen", data={"username": "coord"}))["melding"]
        # ... now bert is the last coordinator: nobody can take that away
        assert "uzelf niet" in _query(b.post("/gebruikers/verwijderen", data={"username": "bert"}))["fout"]
    with Case(case_dir) as case:
        assert [u.username for u in users(case.conn) if u.role == "coordinator"] == ["bert"]
