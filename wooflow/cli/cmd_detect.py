"""`wooflow detect`: personal data in documents, one JSON object per finding (CONTRACT.md)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import typer

from wooflow.exceptions import WooflowError


def _say(line: str) -> None:
    print(f"wooflow: {line}", file=sys.stderr)


def _read_text(path: str) -> str:
    """The text `wooflow text PATH` prints; plain UTF-8 decoding when ingest is unavailable."""
    try:
        from wooflow.ingest import read_path
    except ImportError:
        read_path = None  # type: ignore[assignment]
    if read_path is not None:
        return read_path(path).text
    from wooflow.exceptions import InputError, UnsupportedFormat

    p = Path(path)
    if p.suffix.lower() not in (".txt", ".md"):
        raise UnsupportedFormat(path, "alleen .txt en .md worden ondersteund")
    try:
        return p.read_bytes().decode("utf-8")
    except FileNotFoundError as exc:
        raise InputError(path, "bestand niet gevonden") from exc
    except UnicodeDecodeError as exc:
        raise InputError(path, "geen geldige UTF-8-tekst") from exc


def detect(
    paths: list[str] = typer.Argument(..., help="Documenten (alle samen één zaak: namen consequent weggelakt)."),
    fmt: str = typer.Option("jsonl", "--format", help="Uitvoer: jsonl (machineleesbaar) of table."),
    config: Path | None = typer.Option(None, "--config", help="TOML-bestand met eigen detectiebeleid."),
    explain: bool = typer.Option(
        False, "--explain", help="Toon per vondst waarom: herkenner, bewijs, score, drempel, beslissing."),
) -> None:
    """Vind persoonsgegevens (en wat openbaar blijft) met grond, score en reden."""
    from wooflow.detect.detector import Detector

    if fmt not in ("jsonl", "table"):
        _say(f"onbekend formaat {fmt!r}; kies jsonl of table")
        raise typer.Exit(2)
    detector = Detector(config)
    texts: dict[str, str] = {}
    exit_code = 0
    for path in paths:
        try:
            texts[path] = _read_text(path)
        except WooflowError as exc:
            _say(str(exc))
            exit_code = exit_code or exc.exit_code
        except OSError as exc:
            _say(f"{path}: {exc.strerror or exc}")
            exit_code = exit_code or 2
    results = detector.detect_case(texts) if texts else {}
    if explain:
        _explain(results, detector)
    elif fmt == "jsonl":
        out = sys.stdout
        for path in texts:
            for f in results[path]:
                out.write(json.dumps(f.to_json(path), ensure_ascii=False) + "\n")
        out.flush()
    else:
        _table(results)
    if exit_code:
        raise typer.Exit(exit_code)


def _table(results: dict[str, list]) -> None:
    from rich.console import Console
    from rich.table import Table

    from wooflow.detect.policy import decide

    table = Table(title="Gevonden gegevens")
    for col in ("bestand", "positie", "tekst", "categorie", "actie", "grond", "score", "beleid", "reden"):
        table.add_column(col)
    for path, findings in results.items():
        for f in findings:
            table.add_row(
                Path(path).name, f"{f.start}-{f.end}", f.text.replace("\n", "⏎"), f.category,
                "weglakken" if f.action == "redact" else "openbaar", f.ground or "-", f"{f.score:.2f}",
                "automatisch" if decide(f) == "auto" else "voorstel", f.reason,
            )
    Console(width=200).print(table)


def _explain(results: dict[str, list], detector: object) -> None:
    """The chain behind each finding, in Dutch: what found it, on what evidence, and how the
    acceptance policy decides (automatic or proposed to the reviewer)."""
    from wooflow.detect.policy import decide, threshold

    config = getattr(detector, "config", None)
    out = sys.stdout
    for path, findings in results.items():
        for f in findings:
            verdict = "weglakken" if f.action == "redact" else "openbaar"
            how = "automatisch" if decide(f, config) == "auto" else "voorstel aan beoordelaar"
            out.write(f"{path} {f.start}-{f.end} {f.text!r}: {verdict} ({how})\n")
            out.write(f"  categorie {f.category}, grond {f.ground or '-'}, herkend door '{f.recognizer}', "
                      f"score {f.score:.2f}\n")
            for i, step in enumerate(f.reason.split("; "), 1):
                out.write(f"  bewijs {i}: {step}\n")
            if f.action == "redact":
                out.write(f"  beleid: drempel voor {f.category} is {threshold(f.category, config):.2f}\n")
    out.flush()


def register(app: typer.Typer) -> None:
    app.command("detect")(detect)
