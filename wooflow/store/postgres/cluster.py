"""A throwaway PostgreSQL cluster on loopback, for tests and benchmarks (never for real cases).

``start_cluster()`` runs ``initdb`` into a fresh temporary folder and ``pg_ctl start`` on a free
port on 127.0.0.1 (trust authentication, no Unix socket), so tests need no server started by
hand. PostgreSQL refuses to run as root: when the caller is root the cluster runs as the
``postgres`` user (Debian's package creates it) or ``nobody``, via ``runuser``.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from wooflow.exceptions import CaseError

SUPERUSER = "wooflow"


def find_bindir() -> Path | None:
    """The folder holding ``initdb`` and ``pg_ctl`` (Debian keeps them off PATH), or None."""
    env = os.environ.get("WOOFLOW_PG_BINDIR")
    if env and (Path(env) / "initdb").exists():
        return Path(env)
    def version(folder: str) -> int:
        name = Path(folder).parent.name
        return int(name) if name.isdigit() else 0

    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=version)
    for folder in reversed(candidates):
        if (Path(folder) / "initdb").exists() and (Path(folder) / "pg_ctl").exists():
            return Path(folder)
    found = shutil.which("initdb")
    if found and shutil.which("pg_ctl"):
        return Path(os.path.realpath(found)).parent
    return None


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _run_as() -> str | None:
    """The user to run the server as when we are root (None: run as ourselves)."""
    if os.geteuid() != 0:
        return None
    for name in ("postgres", "nobody"):
        try:
            pwd.getpwnam(name)
            return name
        except KeyError:
            continue
    raise CaseError("PostgreSQL draait niet als root en er is geen gebruiker 'postgres' of 'nobody'")


@dataclass
class Cluster:
    """A running throwaway cluster; ``stop()`` shuts it down and removes its files."""

    root: Path
    port: int
    bindir: Path
    user: str | None

    @property
    def datadir(self) -> Path:
        return self.root / "data"

    def url(self, dbname: str = "postgres") -> str:
        return f"postgresql://{SUPERUSER}@127.0.0.1:{self.port}/{dbname}"

    def createdb(self, dbname: str) -> str:
        """Create an empty database and return its URL."""
        import psycopg

        with psycopg.connect(self.url("postgres"), autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{dbname}"')
        return self.url(dbname)

    def dropdb(self, dbname: str) -> None:
        import psycopg

        with psycopg.connect(self.url("postgres"), autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{dbname}" WITH (FORCE)')

    def _cmd(self, *args: str) -> list[str]:
        return ["runuser", "-u", self.user, "--", *args] if self.user else list(args)

    def stop(self) -> None:
        subprocess.run(
            self._cmd(str(self.bindir / "pg_ctl"), "stop", "-D", str(self.datadir), "-m", "immediate", "-s"),
            capture_output=True, check=False, timeout=60,
        )
        shutil.rmtree(self.root, ignore_errors=True)


def start_cluster(base: str | os.PathLike[str] | None = None) -> Cluster:
    """initdb + pg_ctl start on a free loopback port; raises CaseError when that fails."""
    bindir = find_bindir()
    if bindir is None:
        raise CaseError(
            "PostgreSQL-programma's (initdb, pg_ctl) niet gevonden; installeer Debian's pakket 'postgresql'"
        )
    user = _run_as()
    root = Path(tempfile.mkdtemp(prefix="wooflow-pg-", dir=base))
    if user:
        entry = pwd.getpwnam(user)
        os.chown(root, entry.pw_uid, entry.pw_gid)
    os.chmod(root, 0o700)
    cluster = Cluster(root, _free_port(), bindir, user)
    env = {**os.environ, "LC_ALL": "C.UTF-8", "LANG": "C.UTF-8"}
    init = subprocess.run(
        cluster._cmd(str(bindir / "initdb"), "-D", str(cluster.datadir), "-U", SUPERUSER, "--auth=trust",
                      "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"),
        capture_output=True, text=True, env=env, check=False, timeout=300,
    )
    if init.returncode != 0:
        shutil.rmtree(root, ignore_errors=True)
        raise CaseError(f"initdb mislukt: {init.stderr.strip() or init.stdout.strip()}")
    opts = (f"-c listen_addresses=127.0.0.1 -c port={cluster.port} -c unix_socket_directories=''"
            " -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=100")
    start = subprocess.run(
        cluster._cmd(str(bindir / "pg_ctl"), "start", "-D", str(cluster.datadir), "-w", "-t", "120",
                     "-l", str(root / "server.log"), "-o", opts, "-s"),
        capture_output=True, text=True, env=env, check=False, timeout=180,
    )
    if start.returncode != 0:
        log = (root / "server.log").read_text(errors="replace")[-2000:] if (root / "server.log").exists() else ""
        shutil.rmtree(root, ignore_errors=True)
        raise CaseError(f"PostgreSQL start mislukt: {start.stderr.strip()} {log}")
    deadline = time.monotonic() + 30
    while True:
        try:
            with socket.create_connection(("127.0.0.1", cluster.port), timeout=1):
                break
        except OSError:
            if time.monotonic() > deadline:
                cluster.stop()
                raise CaseError("PostgreSQL luistert niet") from None
            time.sleep(0.1)
    return cluster
