"""`wooflow serve`: argument handling (the server itself is exercised by the browser tests)."""

from __future__ import annotations

from pathlib import Path

import typer
from typer.testing import CliRunner

from wooflow.cli import cmd_serve


def test_case_folder_accepts_the_process_output_folder(case_dir: Path, tmp_path: Path) -> None:
    assert cmd_serve.case_folder(case_dir) == case_dir
    out = case_dir.parent
    assert cmd_serve.case_folder(out) == case_dir
    assert cmd_serve.case_folder(tmp_path / "leeg") == tmp_path / "leeg"


def test_allowed_hosts() -> None:
    assert cmd_serve.allowed_hosts("0.0.0.0") is None
    assert cmd_serve.allowed_hosts("127.0.0.1") == ("127.0.0.1", "localhost", "::1")
    assert cmd_serve.allowed_hosts("wooflow.lan")[-1] == "wooflow.lan"


def test_serve_command_is_registered_with_dutch_help() -> None:
    app = typer.Typer()
    cmd_serve.register(app)

    @app.command()
    def other() -> None:  # a second command keeps typer in multi-command mode
        """Ander commando."""

    result = CliRunner().invoke(app, ["serve", "--help"])
    assert result.exit_code == 0
    assert "--port" in result.output and "beoordelingsomgeving" in result.output


def test_serve_refuses_a_folder_without_a_case(tmp_path: Path) -> None:
    from wooflow.exceptions import CaseError

    app = typer.Typer()
    cmd_serve.register(app)

    @app.command()
    def other() -> None:
        """Ander commando."""

    result = CliRunner().invoke(app, ["serve", str(tmp_path / "geen-zaak")])
    assert isinstance(result.exception, CaseError)


def test_serve_stops_on_sigterm_while_a_request_is_stuck(case_dir: Path) -> None:
    """A request waiting in a worker thread (here: on a locked database) must not keep
    ``wooflow serve`` alive after SIGTERM (issue 12: it ignored SIGTERM during a heavy page)."""
    import http.cookiejar
    import signal
    import socket
    import sqlite3
    import subprocess
    import sys
    import threading
    import time
    import urllib.parse
    import urllib.request

    from tests.web.conftest import PASSWORD

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    base = f"http://127.0.0.1:{port}"
    proc = subprocess.Popen(
        [sys.executable, "-c", "from wooflow.cli import main; main()", "serve", str(case_dir),
         "--port", str(port)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    try:
        for _ in range(200):
            try:
                urllib.request.urlopen(base + "/inloggen", timeout=2)
                break
            except OSError:
                time.sleep(0.1)
        jar = http.cookiejar.CookieJar()
        opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
        opener.open(base + "/inloggen",
                    data=urllib.parse.urlencode({"username": "anna", "password": PASSWORD}).encode())
        if (case_dir / "case.sqlite").exists():
            lock = sqlite3.connect(case_dir / "case.sqlite", timeout=1)
            lock.execute("BEGIN EXCLUSIVE")
        else:  # PostgreSQL: hold the tables every page reads
            import psycopg

            lock = psycopg.connect((case_dir / "database.url").read_text().strip())
            lock.execute("LOCK TABLE case_doc, documents, case_sessions IN ACCESS EXCLUSIVE MODE")
        threading.Thread(target=lambda: _quiet(opener, base + "/documenten"), daemon=True).start()
        time.sleep(1.5)
        start = time.monotonic()
        proc.send_signal(signal.SIGTERM)
        proc.wait(20)
        assert time.monotonic() - start < 15
        lock.rollback()
        lock.close()
    finally:
        if proc.poll() is None:
            proc.kill()


def _quiet(opener: object, url: str) -> None:
    try:
        opener.open(url, timeout=30)  # type: ignore[attr-defined]
    except OSError:
        pass
