"""``wooflow process``: the whole pipeline, with a progress bar per stage and a summary table."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Optional

import typer

if TYPE_CHECKING:
    from wooflow.case.publish.process import ProcessSummary

STAGE_LABELS = {
    "inlezen": "Inlezen",
    "begrijpen": "Documenten herkennen",
    "detecteren": "Persoonsgegevens zoeken",
    "ontdubbelen": "Ontdubbelen en beleid toepassen",
    "lakken": "Lakken en controleren",
    "publiceren": "Publicatiepakket schrijven",
}


def register(app: typer.Typer) -> None:
    @app.command("process")
    def process_cmd(
        inputs: Optional[list[Path]] = typer.Argument(  # noqa: UP007 (typer needs Optional)
            None, metavar="INPUT",
            help="Bestanden of mappen (mappen worden doorzocht). Leeg: alleen het pakket opnieuw maken.",
        ),
        out: Path = typer.Option(..., "--out", "-o", help="Map voor het publicatiepakket."),
        case: Optional[str] = typer.Option(  # noqa: UP007
            None, "--case", help="Zaakmap buiten de pakketmap (standaard OUT.zaak naast OUT), of PostgreSQL-URL."
        ),
        config: Optional[Path] = typer.Option(None, "--config", help="Instellingen (TOML), zie docs/PUBLISH.md."),  # noqa: UP007
        templates: Optional[Path] = typer.Option(  # noqa: UP007
            None, "--templates", help="Map met eigen sjablonen voor het besluit (besluit.md.j2, grounds/*.md.j2)."
        ),
        quiet: bool = typer.Option(False, "--quiet", "-q", help="Geen voortgangsbalk."),
        workers: Optional[int] = typer.Option(  # noqa: UP007
            None, "--workers", "-w", min=0,
            help="Processen (of Dask-werkers) voor inlezen, herkennen, detecteren en lakken; 0: één per kern.",
        ),
        executor: Optional[str] = typer.Option(  # noqa: UP007
            None, "--executor", help="Waar de stappen per document draaien: 'local' (standaard) of 'dask'."
        ),
        scheduler: Optional[str] = typer.Option(  # noqa: UP007
            None, "--scheduler",
            help="Adres van de Dask-scheduler (tcp://host:8786); leeg of 'local': een cluster op deze machine.",
        ),
    ) -> None:
        """Verwerk documenten tot een publicatiepakket: inventaris, gelakte PDF's, DiWoo-metadata,
        conceptbesluit, rapport en manifest. Opnieuw draaien met dezelfde --out hervat de zaak en
        bewaart beoordelingen."""
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TaskID, TextColumn, TimeElapsedColumn

        from wooflow.case.publish.config import load_config
        from wooflow.case.publish.package import default_case_dir
        from wooflow.case.publish.process import process

        cfg = load_config(config)
        if templates is not None:
            cfg.templates = templates
        if workers is not None:
            cfg.workers = workers
        if scheduler is not None:
            cfg.scheduler, cfg.executor = scheduler, "dask"
        if executor is not None:
            if executor not in ("local", "dask"):
                raise typer.BadParameter("kies 'local' of 'dask'", param_hint="--executor")
            cfg.executor = executor
        from wooflow.store import is_url

        case_dir = Path(case) if case is not None else default_case_dir(out)
        if (not inputs and not (case is not None and is_url(case)) and not (case_dir / "case.sqlite").exists()
                and not (out / "case" / "case.sqlite").exists()):
            raise typer.BadParameter("geef invoerbestanden of een bestaande zaak (--case)")
        err = Console(stderr=True)
        bar = Progress(
            TextColumn("{task.description:<34}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
            console=err, disable=quiet or not err.is_terminal, transient=False,
        )
        tasks: dict[str, TaskID] = {}

        def on_progress(stage: str, done: int, total: int) -> None:
            if stage not in tasks:
                tasks[stage] = bar.add_task(STAGE_LABELS.get(stage, stage), total=max(total, 1))
            bar.update(tasks[stage], completed=done if total else 1, total=max(total, 1))

        with bar:
            # no --case: process picks OUT.zaak itself (and moves an OUT/case of older versions there)
            summary = process([str(p) for p in inputs or []], out, cfg, case, on_progress)
        if summary.moved_case:
            print(f"wooflow: {summary.moved_case}", file=sys.stderr)
        from wooflow.store.batch import dropped_content

        for line in summary.notes:
            print(f"wooflow: let op: {line}", file=sys.stderr)
        for path, reason, detail in summary.failures:
            print(f"wooflow: {path}: {reason}: {detail}", file=sys.stderr)
        for line in summary.warnings:
            if dropped_content(line) is None:  # content left out is printed above, as a failure
                print(f"wooflow: waarschuwing: {line}", file=sys.stderr)
        for line in summary.withheld:
            print(f"wooflow: {line}", file=sys.stderr)
        for line in summary.metadata:
            print(f"wooflow: DiWoo-controle: {line}; pakket geblokkeerd (geen publicatie.zip)", file=sys.stderr)
        for line in summary.residual:
            print(f"wooflow: {line}; pakket geblokkeerd (geen publicatie.zip)", file=sys.stderr)
        _print_summary(summary)
        if summary.exit_code:
            raise typer.Exit(summary.exit_code)


def _print_summary(s: ProcessSummary) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(title=f"Woo-verzoek {s.case_number}: samenvatting", show_header=False)
    table.add_column("", style="bold")
    table.add_column("", justify="right")
    judgements = ", ".join(f"{k}: {v}" for k, v in sorted(s.judgements.items())) or "-"
    rows = [
        ("Invoerbestanden", s.inputs),
        ("  nieuw ingelezen / al in de zaak", f"{s.stored} / {s.reused}"),
        ("  niet te lezen", s.failed),
        ("Documenten (incl. bijlagen)", s.documents),
        ("Dubbel", s.duplicates),
        ("Bevindingen automatisch geaccepteerd", s.auto_accepted),
        ("Bevindingen te beoordelen (in concept gelakt)", s.proposed),
        ("Beoordelingen", judgements),
        ("Gepubliceerde documenten", s.published),
        ("Niet gepubliceerd (fout of lek)", len(s.withheld)),
        ("Pagina's", s.pages),
        ("Tijd", f"{s.seconds:.1f} s"),
        ("Restlekcontrole", "LEK GEVONDEN, pakket geblokkeerd" if s.residual else "geen gelakte gegevens gevonden"),
        ("Pakket", str(s.out_dir)),
        ("Zaak (niet publiceren)", str(s.case_dir)),
    ]
    for k, v in rows:
        table.add_row(k, str(v))
    Console().print(table)
