"""`wooflow redact` and `wooflow verify`: thin wrappers over wooflow.redact."""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from wooflow.exceptions import InputError, LeakError, WooflowError


def _say(line: str) -> None:
    print(f"wooflow: {line}", file=sys.stderr)


def _error_line(exc: WooflowError) -> str:
    if isinstance(exc, InputError):
        return f"{exc.path}: {exc.reason}: {exc.detail}"
    return str(exc)


def redact(
    paths: list[Path] = typer.Argument(..., help="Bestanden of mappen om te lakken."),
    out: Path = typer.Option(..., "--out", help="Map voor de gelakte bestanden."),
    findings: Path | None = typer.Option(
        None,
        "--findings",
        help="Gebruik deze bevindingen (jsonl van `wooflow detect`) in plaats van detectie.",
    ),
    no_verify: bool = typer.Option(
        False, "--no-verify", help="Sla de lekcontrole over (afgeraden)."
    ),
) -> None:
    """Schrijf een gelakte kopie van elk document naar --out.

    Tekst (.txt/.md) blijft tekst, een PDF blijft een PDF; e-mail, docx en afbeeldingen worden als
    `<naam>.pdf` geschreven. Elke PDF wordt na het lakken gecontroleerd op lekken.
    """
    from wooflow.ingest import IngestFailure, iter_inputs
    from wooflow.redact.batch import (
        detect_all,
        findings_for,
        load_findings,
        output_name,
        publishable,
        redact_document,
        unique_path,
    )

    worst = 0
    docs = []
    for item in iter_inputs(paths):
        if isinstance(item, IngestFailure):
            _say(item.line())
            worst = max(worst, InputError.exit_code)
        else:
            docs.extend(publishable([item]))
    try:
        grouped = load_findings(findings) if findings is not None else detect_all(docs)
    except WooflowError as exc:
        _say(_error_line(exc))
        raise typer.Exit(exc.exit_code) from None
    out.mkdir(parents=True, exist_ok=True)
    taken: set[str] = set()
    for doc in docs:
        target = unique_path(out, output_name(doc), taken)
        doc_findings = findings_for(doc, grouped)
        try:
            result = redact_document(doc, doc_findings, target, verify=not no_verify)
        except WooflowError as exc:
            _say(_error_line(exc))
            worst = max(worst, exc.exit_code)
            continue
        if result.report is not None and result.report.unmapped:
            _say(
                f"waarschuwing: {doc.path}: {len(result.report.unmapped)} passage(s) niet op de "
                "pagina gevonden; de lekcontrole heeft ze beoordeeld"
            )
        checked = (
            result.verify.summary().split(": ", 1)[-1] if result.verify else "niet gecontroleerd"
        )
        boxes = f", {result.boxes} kaders" if result.kind == "pdf" else ""
        print(f"{doc.path} -> {target} ({result.spans} gelakt{boxes}; {checked})")
    if worst:
        raise typer.Exit(worst)


def verify(
    pdf: Path = typer.Argument(..., help="De gelakte PDF."),
    findings: Path = typer.Option(
        ..., "--findings", help="De bevindingen (jsonl) waarmee gelakt is."
    ),
    original: Path | None = typer.Option(
        None,
        "--original",
        help="Het origineel: dan wordt ook gecontroleerd dat er geen tekst verloren ging.",
    ),
) -> None:
    """Controleer een gelakte PDF met een onafhankelijke tekstlezer en OCR; faalt bij elk lek."""
    from wooflow.redact.batch import findings_for, load_findings
    from wooflow.redact.verify import verify_pdf

    try:
        grouped = load_findings(findings)
        original_text = None
        if original is not None:
            from wooflow.ingest import read_path

            doc = read_path(original)
            original_text = doc.text
            selected = findings_for(doc, grouped)
            if not selected and len(grouped) == 1:
                selected = next(iter(grouped.values()))
        else:
            selected = [f for group in grouped.values() for f in group]
        report = verify_pdf(pdf, selected, original_text)
    except LeakError as exc:
        _say(str(exc))
        for leak in getattr(getattr(exc, "report", None), "leaks", [])[:20]:
            _say(f"  {leak.where}: {leak.found}x gevonden, {leak.allowed}x toegestaan")
        raise typer.Exit(exc.exit_code) from None
    except WooflowError as exc:
        _say(_error_line(exc))
        raise typer.Exit(exc.exit_code) from None
    print(report.summary())


def register(app: typer.Typer) -> None:
    app.command("redact")(redact)
    app.command("verify")(verify)
