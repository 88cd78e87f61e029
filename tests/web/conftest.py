"""A small real case for the web tests: three text files ingested, hand-made findings, dedupe.

Findings are written by hand (not by the detector) so the tests do not change when detection
improves; everything else (ingest, index, dedupe, persons, judgements) is the real case API.
The case is built once per session and copied for each test.
"""

from __future__ import annotations

import itertools
import os
import shutil
import warnings
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from wooflow.case import Case, CaseInfo, dedupe, judgements, record_findings
from wooflow.case.users import add_user
from wooflow.model import Finding

RESOURCES = Path(__file__).resolve().parents[1] / "resources" / "web"
PASSWORD = "geheim-wachtwoord"
# the accounts of the test case: name -> role
ACCOUNTS = {"coord": "coordinator", "anna": "reviewer", "bert": "reviewer", "vera": "viewer"}


def finding(
    text: str,
    needle: str,
    category: str,
    action: str = "redact",
    ground: str | None = "5.1.2e",
    score: float = 0.8,
    reason: str = "testbevinding",
    nth: int = 0,
) -> Finding:
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    return Finding(
        start,
        start + len(needle),
        needle,
        category,
        action,
        ground if action == "redact" else None,
        score,
        "test",
        reason,
    )


def _build(folder: Path) -> None:
    info = CaseInfo(
        request="Alle documenten over vaccinatielocaties in 2024.",
        received=date(2024, 4, 2),
        requester_kind="journalist",
        case_number="WOO-TEST-1",
        title="Vaccinatielocaties",
    )
    with Case.init(folder, info, actor="tester") as case:
        for name, role in ACCOUNTS.items():
            add_user(case, name, role, PASSWORD)
        case.add_paths(sorted(RESOURCES.glob("*.txt")))
        dedupe(case)  # one of the two identical minutes becomes "dubbel" of the other
        by_name = {r.name: r.doc_id for r in case.records()}
        nota = by_name["nota-overleg.txt"]
        verslag = next(j.duplicate_of for j in judgements(case) if j.duplicate_of)
        t_nota, t_verslag = case.text(nota), case.text(verslag)
        record_findings(
            case,
            {
                nota: [
                    finding(
                        t_nota, "Jan Jansen", "person", score=0.72, reason="naam in kopregel 'Van'"
                    ),
                    finding(
                        t_nota,
                        "j.jansen",
                        "email",
                        score=0.97,
                        reason="persoonlijk deel van e-mailadres",
                    ),
                    finding(
                        t_nota,
                        "De Jonge",
                        "person",
                        action="keep",
                        score=0.9,
                        reason="publieke functie (minister)",
                    ),
                    finding(t_nota, "06-12345678", "phone", score=0.95, reason="mobiel nummer"),
                ],
                verslag: [
                    finding(
                        t_verslag,
                        "Karin de Vries",
                        "person",
                        score=0.85,
                        reason="naam na 'Aanwezig'",
                    ),
                ],
            },
        )


@pytest.fixture(scope="session")
def built_case(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("webcase") / "case"
    _build(folder)
    return folder


_copies = itertools.count(1)


@pytest.fixture(scope="session")
def built_pg_case(tmp_path_factory: pytest.TempPathFactory, pg_cluster: Any) -> tuple[Path, str]:
    """The same case in a PostgreSQL database (used as a template for each test's copy)."""
    name = f"webcase_{os.getpid()}"
    folder = tmp_path_factory.mktemp("webcase_pg") / "case"
    _build(Path(f"{pg_cluster.createdb(name)}?files={folder}"))
    return folder, name


@pytest.fixture(params=["sqlite", "postgresql"])
def case_dir(request: pytest.FixtureRequest, tmp_path: Path) -> Path:
    """A fresh copy of the test case, once per store; the folder names the case on both (a
    PostgreSQL case's files folder holds database.url)."""
    target = tmp_path / "case"
    if request.param == "sqlite":
        shutil.copytree(request.getfixturevalue("built_case"), target)
        return target
    cluster = request.getfixturevalue("pg_cluster")
    folder, template = request.getfixturevalue("built_pg_case")
    name = f"{template}_{next(_copies)}"
    import psycopg

    with psycopg.connect(cluster.url("postgres"), autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
    shutil.copytree(folder, target)
    (target / "database.url").write_text(cluster.url(name) + "\n", encoding="utf-8")
    return target


def copy_case(source: Path, target: Path) -> None:
    """Copy a case folder; a PostgreSQL case's database is copied too (CREATE DATABASE ...
    TEMPLATE), so the copy is another case, as a copied SQLite folder is."""
    shutil.copytree(source, target)
    pointer = source / "database.url"
    if not pointer.exists():
        return
    import psycopg

    url = pointer.read_text(encoding="utf-8").strip()
    base, name = url.rsplit("/", 1)
    new = f"{name}_copy_{next(_copies)}"
    with psycopg.connect(f"{base}/postgres", autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{new}" TEMPLATE "{name}"')
    (target / "database.url").write_text(f"{base}/{new}\n", encoding="utf-8")


@pytest.fixture
def ids(case_dir: Path) -> dict[str, int]:
    with Case(case_dir) as case:
        return {r.name: r.doc_id for r in case.records()}


def login(client: Any, username: str, password: str = PASSWORD) -> Any:
    """Log ``client`` in; later posts carry the session's CSRF token as a header."""
    from wooflow.case.users import session_user
    from wooflow.web.auth import COOKIE

    r = client.post("/inloggen", data={"username": username, "password": password})
    assert r.status_code == 303, r.text
    token = client.cookies.get(COOKIE)
    app = client.app
    from wooflow.store import open_connection

    conn = open_connection(app.state.web.location)
    try:
        found = session_user(conn, token)
    finally:
        conn.close()
    assert found is not None
    client.headers["X-CSRF-Token"] = found[1]
    return client


def make_client(case_dir: Path, username: str | None = "coord") -> Any:
    with warnings.catch_warnings():  # starlette suggests httpx2; httpx works and is pinned
        warnings.simplefilter("ignore")
        from fastapi.testclient import TestClient
    from wooflow.web import create_app

    c = TestClient(create_app(case_dir), base_url="http://127.0.0.1", follow_redirects=False)
    if username:
        login(c, username)
    return c


@pytest.fixture
def client(case_dir: Path) -> Iterator[Any]:
    """Logged in as the coordinator."""
    with make_client(case_dir) as c:
        yield c


PDF_LINES = [
    "Nota aan de minister van VWS",
    "Van: Jan Jansen, beleidsmedewerker",
    "Minister De Jonge vraagt om een overzicht.",
    "Bel Piet Pietersen op 06-12345678.",
]


@pytest.fixture
def pdf_doc(case_dir: Path, tmp_path: Path) -> int:
    """A two-page PDF (made with PyMuPDF) in the case, with findings on both pages."""
    import pymupdf

    pdf = pymupdf.open()
    for n in range(2):
        page = pdf.new_page()
        y = 72
        for line in PDF_LINES:
            page.insert_text((72, y), line if n == 0 else line.replace("Jan", "Kees"), fontsize=11)
            y += 20
    path = tmp_path / "nota-scan.pdf"
    pdf.save(path)
    with Case(case_dir) as case:
        case.add_paths([path])
        doc = next(r.doc_id for r in case.records() if r.name == "nota-scan.pdf")
        text = case.text(doc)
        record_findings(case, {doc: [
            finding(text, "Jan Jansen", "person"),
            finding(text, "06-12345678", "phone", score=0.95),
            finding(text, "De Jonge", "person", action="keep"),
            finding(text, "06-12345678", "phone", nth=1),
        ]})
    return doc
