"""Building the publication package from the review app: the same code path as
``wooflow process`` (:func:`wooflow.case.publish.process.process` with no new inputs, so it
only re-runs what changed and rewrites the package), in a background thread, one build per
case at a time. The package goes where ``wooflow process --out OUT`` would put it for this
case: ``OUT`` for a case folder ``OUT.zaak``, else ``<case>-pakket`` beside the case folder.
"""

from __future__ import annotations

import os
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from wooflow.case.publish.package import CASE_SUFFIX, ZIP_NAME

STAGE_LABELS = {
    "inlezen": "Inlezen",
    "begrijpen": "Documenten herkennen",
    "detecteren": "Persoonsgegevens zoeken",
    "ontdubbelen": "Ontdubbelen en beleid toepassen",
    "lakken": "Lakken en controleren",
    "publiceren": "Publicatiepakket schrijven",
}


def package_dir(case_dir: Path) -> Path:
    """Where the package of this case goes (see the module doc)."""
    case_dir = Path(case_dir).resolve()
    if case_dir.name.endswith(CASE_SUFFIX) and len(case_dir.name) > len(CASE_SUFFIX):
        return case_dir.with_name(case_dir.name[: -len(CASE_SUFFIX)])
    return case_dir.with_name(case_dir.name + "-pakket")


@dataclass(slots=True)
class Build:
    """The state of the last (or running) build of this app's case."""

    state: str = "none"  # none | running | done | failed
    user: str = ""
    started: float = 0.0
    seconds: float = 0.0
    stage: str = ""
    done: int = 0
    total: int = 0
    error: str = ""
    lines: list[str] = field(default_factory=list)  # what the summary says, in Dutch
    published: int = 0
    pages: int = 0
    proposed: int = 0
    has_zip: bool = False

    @property
    def stage_label(self) -> str:
        return STAGE_LABELS.get(self.stage, self.stage)


class Builder:
    """One build at a time per case; the state is kept in memory for the status page."""

    def __init__(self, case_dir: Path, config: Path | None = None) -> None:
        self.case_dir = Path(case_dir)
        self.config = config
        self.out = package_dir(self.case_dir)
        self.build = Build()
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None

    @property
    def zip_path(self) -> Path:
        return self.out / ZIP_NAME

    def start(self, user: str) -> bool:
        """Start a build; False when one is already running."""
        with self._lock:
            if self.build.state == "running":
                return False
            self.build = Build(state="running", user=user, started=time.time())
            self._thread = threading.Thread(target=self._run, args=(self.build,), daemon=True)
            self._thread.start()
            return True

    def wait(self, timeout: float | None = None) -> None:
        """Wait for a running build (tests, shutdown)."""
        t = self._thread
        if t is not None:
            t.join(timeout)

    def _run(self, build: Build) -> None:
        """Run the build in a child interpreter (``python -m wooflow.web.publishing``): process
        forks redaction workers, which must not happen inside the web server's threads, and a
        crash or a memory spike of the build must not take the review app down."""
        import subprocess
        import sys
        import tempfile

        from wooflow.case import Case, audit

        fd, status_name = tempfile.mkstemp(prefix="wooflow-pakket-", suffix=".json")
        os.close(fd)
        status = Path(status_name)
        cmd = [sys.executable, "-m", "wooflow.web.publishing", str(self.case_dir), str(self.out), str(status)]
        if self.config is not None:
            cmd.append(str(self.config))
        try:
            with tempfile.TemporaryFile() as errors:  # a file, not a pipe: a full pipe would block
                child = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                         stderr=errors)  # fmt: skip
                while child.poll() is None:
                    _read_into(status, build)
                    time.sleep(0.3)
                errors.seek(0)
                err = errors.read().decode("utf-8", "replace")
            result = _read_into(status, build)
            if result.get("error"):
                build.error, build.state = str(result["error"]), "failed"
                return
            if "lines" not in result:
                tail = err.strip().splitlines()[-1:] or ["geen uitvoer"]
                build.error = f"het maken van het pakket is afgebroken ({tail[0][:200]})"
                build.state = "failed"
                return
            build.lines = list(result["lines"])
            build.published, build.pages = int(result["published"]), int(result["pages"])
            build.proposed = int(result["proposed"])
            build.has_zip = self.zip_path.is_file()
            with Case(self.case_dir, actor=build.user) as case, case.transaction() as conn:
                audit.log(conn, build.user, "package.build", gepubliceerd=build.published,
                          paginas=build.pages, voorgesteld=build.proposed,
                          zip="ja" if build.has_zip else "nee")  # fmt: skip
            build.state = "done"
        except Exception as exc:  # noqa: BLE001 - the status page must say it, not hang
            build.error = f"interne fout bij het maken van het pakket ({type(exc).__name__}); meld dit als fout"
            build.state = "failed"
        finally:
            build.seconds = time.time() - build.started
            status.unlink(missing_ok=True)


def _read_into(status: Path, build: Build) -> dict[str, Any]:
    """The child's last report (progress, result or error), copied onto ``build``."""
    import json

    try:
        data = json.loads(status.read_text(encoding="utf-8") or "{}")
    except (OSError, ValueError):
        return {}
    if isinstance(data, dict):
        build.stage = str(data.get("stage", build.stage))
        build.done, build.total = int(data.get("done", build.done)), int(data.get("total", build.total))
        return data
    return {}


def _write(status: Path, data: dict[str, Any]) -> None:
    import json

    tmp = status.with_name(status.name + ".tmp")
    tmp.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    os.replace(tmp, status)


def main(argv: list[str]) -> int:
    """The child: ``python -m wooflow.web.publishing CASE OUT STATUS [CONFIG]``."""
    from wooflow.case.publish.config import load_config
    from wooflow.case.publish.process import process
    from wooflow.exceptions import WooflowError

    case_dir, out, status = Path(argv[0]), Path(argv[1]), Path(argv[2])
    config = Path(argv[3]) if len(argv) > 3 else None
    last = {"stage": "", "done": 0, "total": 0}

    def on_progress(stage: str, done: int, total: int) -> None:
        last.update(stage=stage, done=done, total=total)
        _write(status, last)

    try:
        summary = process([], out, load_config(config), case_dir, on_progress)
    except WooflowError as exc:
        _write(status, {**last, "error": str(exc)})
        return 1
    _write(status, {**last, "lines": _lines(summary), "published": summary.published,
                    "pages": summary.pages, "proposed": summary.proposed})  # fmt: skip
    return 0


def _lines(summary: Any) -> list[str]:
    out = [f"{summary.published} document(en) gepubliceerd, {summary.pages} pagina's."]
    if summary.proposed:
        out.append(
            f"Let op: {summary.proposed} voorstel(len) zijn nog niet beoordeeld; het pakket is een"
            " CONCEPT (voorgestelde lakkingen zijn voor de zekerheid gelakt)."
        )
    out.extend(summary.withheld)
    out.extend(f"DiWoo-controle: {m}; pakket geblokkeerd (geen zip)" for m in summary.metadata)
    out.extend(f"{m}; pakket geblokkeerd (geen zip)" for m in summary.residual)
    out.extend(f"Niet ingelezen: {p}: {reason}" for p, reason, _d in summary.failures)
    return out


__all__ = ["Build", "Builder", "package_dir"]


if __name__ == "__main__":
    import sys

    sys.exit(main(sys.argv[1:]))
