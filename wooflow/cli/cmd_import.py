"""``wooflow import``: start a case from an existing productierapport (xlsx/csv) and its files."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Optional

import typer


def register(app: typer.Typer) -> None:
    @app.command("import")
    def import_cmd(
        report: Path = typer.Argument(..., help="Productierapport (xlsx of csv) in ZyLAB-/VWS-stijl."),
        files: Path = typer.Option(..., "--files", help="Map met de documenten; bestandsnaam begint met het ID."),
        case: str = typer.Option(..., "--case", help="Zaakmap of PostgreSQL-URL (nieuw of bestaand)."),
        config: Optional[Path] = typer.Option(None, "--config", help="Instellingen (TOML), zie docs/PUBLISH.md."),  # noqa: UP007
    ) -> None:
        """Begin een zaak met een bestaand productierapport: ID's, familie- en thread-ID's en
        beoordelingen blijven behouden. Maak daarna het pakket met
        'wooflow process --case ZAAK --out PAKKET'."""
        from wooflow.case.publish.config import load_config
        from wooflow.case.publish.productierapport import import_report

        if not report.is_file():
            raise typer.BadParameter(f"{report} bestaat niet")
        if not files.is_dir():
            raise typer.BadParameter(f"{files} is geen map")
        s = import_report(report, files, case, load_config(config))
        for line in s.problems:
            print(f"wooflow: {report.name}: {line}", file=sys.stderr)
        for path in s.unmatched_files:
            print(f"wooflow: {path}: geen rij in het productierapport met dit ID", file=sys.stderr)
        print(
            f"{s.rows} rijen, {s.matched} met bestand, {s.without_file} zonder bestand; "
            f"{s.stored} bestanden nieuw opgeslagen in {case}"
        )
        if s.problems or s.unmatched_files:
            raise typer.Exit(2)
