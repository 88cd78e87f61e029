"""``wooflow serve CASE_DIR``: the reviewer's web UI for a case (thin over wooflow.web)."""

from __future__ import annotations

import os
import threading
from pathlib import Path
from typing import Any, Optional

import typer

WILDCARD_HOSTS = ("0.0.0.0", "::", "")


def case_folder(value: str | Path) -> Path | str:
    """Accept the case folder itself, or a ``wooflow process --out`` package folder: its case is
    the sibling ``OUT.zaak`` (older versions kept it in ``OUT/case``); a PostgreSQL URL as is."""
    from wooflow.case.publish.package import default_case_dir
    from wooflow.store import DB_NAME, is_url
    from wooflow.store.location import URL_FILE

    if is_url(value):
        return str(value)
    path = Path(value)
    if (path / DB_NAME).exists() or (path / URL_FILE).exists():
        return path
    for cand in (default_case_dir(path), path / "case"):
        if (cand / DB_NAME).exists() or (cand / URL_FILE).exists():
            return cand
    return path


def allowed_hosts(host: str) -> tuple[str, ...] | None:
    """Host headers to accept: loopback names, plus the bound name; any for a wildcard bind."""
    from wooflow.web.app import LOOPBACK_HOSTS

    if host in WILDCARD_HOSTS:
        return None
    return tuple(dict.fromkeys((*LOOPBACK_HOSTS, host.strip("[]"))))


def register(app: typer.Typer) -> None:
    @app.command("serve")
    def serve_cmd(
        case_dir: str = typer.Argument(  # noqa: B008 (typer's way of declaring arguments)
            ..., help="Zaakmap, PostgreSQL-URL (postgresql://...) of de --out-map van 'wooflow process'."
        ),
        host: str = typer.Option(
            "127.0.0.1", "--host", help="Adres om op te luisteren (standaard alleen deze computer)."
        ),
        port: int = typer.Option(8000, "--port", help="Poort."),
        config: Optional[Path] = typer.Option(  # noqa: UP007 (typer needs Optional)
            None, "--config",
            help="Instellingen (TOML) voor het pakket dat in de browser wordt gemaakt (als 'wooflow process').",
        ),
    ) -> None:
        """Start de beoordelingsomgeving in de browser: zoeken, lakken, oordelen, personen, auditlog.

        Iedereen logt in met een account op de zaak (maak die met 'wooflow user add').
        """
        import uvicorn

        from wooflow.web import create_app

        web = create_app(case_folder(case_dir), allowed_hosts=allowed_hosts(host), publish_config=config)
        shown = "127.0.0.1" if host in WILDCARD_HOSTS else host
        url = f"http://{'[' + shown + ']' if ':' in shown else shown}:{port}/"
        print(f"Beoordeling van {case_dir} op {url} (stoppen met Ctrl+C)")
        if host not in ("127.0.0.1", "localhost", "::1"):
            print(
                "Let op: de app is bereikbaar voor anderen; zet er HTTPS voor (een reverse proxy),"
                " anders gaan wachtwoorden onversleuteld over het netwerk."
            )
        server_config = uvicorn.Config(
            web, host=host, port=port, log_level="warning", timeout_graceful_shutdown=STOP_GRACE
        )
        _server(server_config).run()


STOP_GRACE = 5  # seconds a running request gets after SIGTERM / Ctrl+C


def _stoppable_server_class() -> type:
    import uvicorn

    class Server(uvicorn.Server):
        """uvicorn waits for running requests on SIGTERM, but a request busy in a worker
        thread (a heavy page) cannot be cancelled: exit anyway after a grace period. Writes are
        SQLite transactions, so an interrupted one is rolled back, never half-stored."""

        def handle_exit(self, sig: int, frame: Any) -> None:
            super().handle_exit(sig, frame)
            timer = threading.Timer(STOP_GRACE + 2, lambda: os._exit(0))
            timer.daemon = True
            timer.start()

    return Server


def _server(config: Any) -> Any:
    return _stoppable_server_class()(config)
