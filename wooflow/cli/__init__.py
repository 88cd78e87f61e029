"""The command line: thin, only parses and prints. Commands live in one module each."""

from __future__ import annotations

import sys

import typer

from wooflow.exceptions import WooflowError

app = typer.Typer(
    name="wooflow",
    help="wooflow: van een stapel documenten naar een rechtmatige Woo-publicatie.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

# Each module defines ``register(app)``. Order is the pipeline order shown in --help.
from wooflow.cli import (  # noqa: E402
    cmd_case,
    cmd_detect,
    cmd_import,
    cmd_info,
    cmd_ingest,
    cmd_publish,
    cmd_redact,
    cmd_register,
    cmd_serve,
    cmd_user,
)

for _mod in (cmd_ingest, cmd_import, cmd_info, cmd_detect, cmd_redact, cmd_case, cmd_publish, cmd_serve,
             cmd_user, cmd_register):
    _mod.register(app)


@app.command()
def version() -> None:
    """Toon de versie van wooflow."""
    from wooflow import __version__

    print(__version__)


def main() -> None:
    """Entry point: library errors become one clear line and an exit code, never a traceback."""
    try:
        app()
    except WooflowError as exc:
        print(f"wooflow: {exc}", file=sys.stderr)
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        print("wooflow: interrupted; work stored so far is kept, run again to resume", file=sys.stderr)
        sys.exit(130)
