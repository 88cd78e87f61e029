"""`wooflow info`: what each document is (type, date, references, printed redaction codes)."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import typer

from wooflow.exceptions import InputError, WooflowError
from wooflow.model import Document


def _say(line: str) -> None:
    print(f"wooflow: {line}", file=sys.stderr)


def _plain_reader(path: str) -> Document:
    """Fallback while wooflow.ingest is not importable: .txt/.md only."""
    p = Path(path)
    if p.suffix.lower() not in (".txt", ".md"):
        from wooflow.exceptions import UnsupportedFormat

        raise UnsupportedFormat(path, "alleen .txt en .md zonder wooflow.ingest")
    try:
        text = p.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError(path, "bestand bestaat niet") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(path, f"onleesbaar: {exc}") from None
    return Document(path=path, name=p.name, kind="text", sha256="", text=text)


def _reader() -> Callable[[str], Document]:
    try:
        from wooflow.ingest import read_path
    except ImportError:
        return _plain_reader
    return lambda path: read_path(path)


def _expand(paths: list[str]) -> list[str]:
    """Folders become the files in them (as ``wooflow ingest`` reads them)."""
    try:
        from wooflow.ingest import expand_paths
    except ImportError:
        return paths
    return list(expand_paths(paths))


def info_objects(paths: list[str]) -> tuple[list[dict[str, Any]], list[str]]:
    """Info objects for every document (attachments included), and one error line per bad input."""
    from wooflow.understand import analyze

    read = _reader()
    out: list[dict[str, Any]] = []
    errors: list[str] = []
    for path in _expand(paths):
        try:
            doc = read(path)
        except InputError as exc:
            errors.append(f"{exc.path}: {exc.reason}: {exc.detail}")
            continue
        except WooflowError as exc:
            errors.append(f"{path}: {exc}")
            continue
        for part in doc.walk():
            try:
                out.append(analyze(part).to_json())
            except Exception as exc:  # noqa: BLE001 - one bad document must not stop the batch
                errors.append(f"{part.path}: analyse mislukt: {type(exc).__name__}: {exc}")
    return out, errors


def _table(objs: list[dict[str, Any]]) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(title="Documenten")
    for col in ("pad", "type", "score", "datum", "kenmerk", "titel", "afzender", "lakcodes"):
        table.add_column(col, overflow="fold")
    for o in objs:
        codes = ", ".join(f"{c}×{n}" for c, n in o["redaction_codes"].items())
        table.add_row(
            o["path"],
            o["type"],
            f"{o['type_score']:.2f}",
            o["date"] or "-",
            o["kenmerk"] or "-",
            (o["title"] or "-")[:80],
            o["sender"] or "-",
            codes or "-",
        )
    Console().print(table)


def info(
    paths: list[Path] = typer.Argument(..., help="Eén of meer documenten of mappen."),
    fmt: str = typer.Option("json", "--format", help="Uitvoer: json (CONTRACT.md) of table."),
) -> None:
    """Toon per document het type, de datum, kenmerken, titel, afzender en bestaande lakcodes."""
    if fmt not in ("json", "table"):
        _say(f"onbekend formaat {fmt!r}; kies json of table")
        raise typer.Exit(2)
    objs, errors = info_objects([str(p) for p in paths])
    for line in errors:
        _say(line)
    if fmt == "json":
        sys.stdout.write(json.dumps(objs, ensure_ascii=False, indent=2) + "\n")
    else:
        _table(objs)
    if errors:
        raise typer.Exit(2)


def register(app: typer.Typer) -> None:
    app.command(name="info")(info)
