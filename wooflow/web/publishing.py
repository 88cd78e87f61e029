"""Building the publication package from the review app: the same code path as
``wooflow process`` (:func:`wooflow.case.publish.process.process` with no new inputs, so it
only re-runs what changed and rewrites the package), in a background thread, one build per
case at a time. The package goes where ``wooflow process --out OUT`` would put it for this
case: ``OUT`` for a case folder ``OUT.zaak``, else ``<case>-pakket`` beside the case folder.
"""

from __future__ import annotations

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
        from wooflow.case import Case, audit
        from wooflow.case.publish.config import load_config
        from wooflow.case.publish.process import process
        from wooflow.exceptions import WooflowError

        def on_progress(stage: str, done: int, total: int) -> None:
            build.stage, build.done, build.total = stage, done, total

        try:
            cfg = load_config(self.config)
            summary = process([], self.out, cfg, self.case_dir, on_progress)
            build.lines = _lines(summary)
            build.published, build.pages, build.proposed = summary.published, summary.pages, summary.proposed
            build.has_zip = self.zip_path.is_file()
            with Case(self.case_dir, actor=build.user) as case, case.transaction() as conn:
                audit.log(conn, build.user, "package.build", gepubliceerd=summary.published,
                          paginas=summary.pages, voorgesteld=summary.proposed,
                          zip="ja" if build.has_zip else "nee")  # fmt: skip
            build.state = "done"
        except WooflowError as exc:
            build.error, build.state = str(exc), "failed"
        except Exception as exc:  # noqa: BLE001 - the status page must say it, not hang
            build.error = f"interne fout bij het maken van het pakket ({type(exc).__name__}); meld dit als fout"
            build.state = "failed"
        finally:
            build.seconds = time.time() - build.started


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
