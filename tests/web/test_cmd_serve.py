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
