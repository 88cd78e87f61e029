"""`wooflow ingest` and `wooflow text`: thin wrappers over wooflow.ingest and wooflow.store."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

import typer

from wooflow.exceptions import InputError


def _say(line: str) -> None:
    print(f"wooflow: {line}", file=sys.stderr)


def ingest(
    paths: list[Path] = typer.Argument(..., help="Bestanden of mappen (mappen worden doorzocht)."),
    case: str = typer.Option(
        ..., "--case", help="Zaakmap (wordt aangemaakt als die niet bestaat) of PostgreSQL-URL."
    ),
    no_ocr: bool = typer.Option(False, "--no-ocr", help="Geen tekstherkenning op scans."),
) -> None:
    """Lees documenten in een zaak in; herstartbaar (opgeslagen bestanden worden overgeslagen)."""
    from rich.console import Console
    from rich.table import Table

    from wooflow.exceptions import WooflowError
    from wooflow.ingest import ReadContext, expand_paths
    from wooflow.ingest.base import clean_text
    from wooflow.store import CaseStore, IngestSummary, case_lock

    console = Console(stderr=True)
    hidden: list[str] = []
    files = list(expand_paths(paths, on_skip=hidden.append))
    for path in hidden:
        _say(f"waarschuwing: {clean_text(path)}: verborgen of tijdelijk bestand, niet ingelezen")
    summary = IngestSummary()
    ctx = ReadContext(ocr=not no_ocr)
    try:
        with case_lock(case), CaseStore(case) as store:
            _ingest_all(store, files, ctx, summary, console)
    except WooflowError as exc:
        _say(str(exc))
        raise typer.Exit(exc.exit_code) from None
    table = Table(title=f"Zaak {case}")
    table.add_column("resultaat")
    table.add_column("aantal", justify="right")
    table.add_row("opgeslagen", str(summary.stored))
    table.add_row("overgeslagen (al in de zaak)", str(summary.skipped))
    table.add_row("mislukt", str(summary.failed))
    table.add_row("documenten in de zaak (incl. bijlagen)", str(summary.documents))
    console.print(table)
    if summary.failed:
        raise typer.Exit(1)


def _ingest_all(store: Any, files: list[str], ctx: Any, summary: Any, console: Any) -> None:
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from wooflow.ingest.base import clean_text
    from wooflow.store.batch import FAILED, ingest_one

    progress = Progress(
        TextColumn("[bold]inlezen[/]"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TextColumn("{task.description}"),
        console=console,
        transient=True,
    )
    with progress:
        task = progress.add_task("", total=len(files))
        for path in files:
            progress.update(task, description=Path(clean_text(path)).name[-40:])
            event = ingest_one(store, path, ctx)
            summary.add(event)
            if event.status == FAILED and event.failure is not None:
                progress.console.print(
                    f"wooflow: {event.failure.line()}",
                    markup=False,
                    highlight=False,
                    soft_wrap=True,
                )
            for warning in event.warnings:
                progress.console.print(
                    f"wooflow: waarschuwing: {warning}",
                    markup=False,
                    highlight=False,
                    soft_wrap=True,
                )
            progress.advance(task)
    summary.documents = store.count_documents()


def text(path: Path = typer.Argument(..., help="Het document.")) -> None:
    """Druk de platte tekst van een document af, precies zoals wooflow die ziet (UTF-8)."""
    from wooflow.ingest import read_path
    from wooflow.ingest.base import clean_text

    try:
        doc = read_path(path)
    except InputError as exc:
        _say(f"{exc.path}: {exc.reason}: {exc.detail}")
        raise typer.Exit(exc.exit_code) from None
    for item in doc.walk():  # what could not be read is said on stderr; stdout stays the text
        for warning in item.warnings:
            _say(f"waarschuwing: {clean_text(warning)}")
    out = sys.stdout.buffer
    try:
        out.write(doc.text.encode("utf-8", "surrogatepass"))
        out.flush()
    except BrokenPipeError:  # `wooflow text x.pdf | head`: the reader left, not an error
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


def register(app: typer.Typer) -> None:
    app.command("ingest")(ingest)
    app.command("text")(text)
