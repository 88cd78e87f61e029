"""CLI commands (to be filled by the owning package)."""

from __future__ import annotations

import typer


def register(app: typer.Typer) -> None:
    return None
