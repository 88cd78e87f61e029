"""``process`` with its per-document stages on a dask.distributed LocalCluster.

The same end-to-end check as the default executor (same package, same findings), and a worker
killed in the middle of a run: its task runs again elsewhere and every document is processed
exactly once in the store."""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import threading
import time
from pathlib import Path

import pymupdf
import pytest
import slow_detector

from wooflow.case.publish import stages
from wooflow.case.publish.config import ProcessConfig
from wooflow.case.publish.execute import DaskExecutor, SerialExecutor
from wooflow.case.publish.process import process

distributed = pytest.importorskip("distributed")
cloudpickle = pytest.importorskip("cloudpickle")

MIXED = Path(__file__).resolve().parents[2] / "resources" / "publish" / "mixed"
CFG = dict(case_number="WOO-DASK-1", request="Correspondentie over de verkiezingsuitslag.",
           organisation="ministerie van Volksgezondheid, Welzijn en Sport")


@pytest.fixture(scope="module")
def client():
    cloudpickle.register_pickle_by_value(slow_detector)  # the workers need not import the tests
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                       dashboard_address=None, silence_logs=40)
    c = distributed.Client(cluster)
    yield c
    c.close()
    cluster.close()


def _findings(case_dir: Path) -> list[tuple]:
    with sqlite3.connect(case_dir / "case.sqlite") as conn:
        return conn.execute(
            "SELECT d.path, f.start, f.end, f.category, f.action, f.status, f.person_key FROM case_findings f"
            " JOIN documents d ON d.id = f.doc_id ORDER BY d.path, f.start, f.end, f.category"
        ).fetchall()


def _pdf_texts(out: Path) -> dict[str, str]:
    texts = {}
    for pdf in sorted(out.glob("*.pdf")):
        with pymupdf.open(pdf) as doc:
            texts[pdf.name] = "\n".join(page.get_text() for page in doc)
    return texts


def _store_findings(location: str) -> list[tuple]:
    """The findings of a case on either store, by document path (no SQL: the case layer)."""
    from wooflow.case.case import Case
    from wooflow.case.review import findings

    case = Case.open(location)
    try:
        paths = {r.doc_id: r.path for r in case.records()}
        return sorted((paths[r.doc_id], r.finding.start, r.finding.end, r.finding.category, r.finding.action,
                       r.status, r.person_key) for r in findings(case))
    finally:
        case.close()


@pytest.fixture(scope="module")
def serial_run(tmp_path_factory):
    """The mixed folder through the serial executor on SQLite: what every other run must give."""
    base = tmp_path_factory.mktemp("serial")
    inputs = base / "in"
    shutil.copytree(MIXED, inputs)
    summary = process([inputs], base / "a", ProcessConfig(**CFG), executor=SerialExecutor())
    return inputs, base / "a", summary


@pytest.mark.parametrize("kind", ["pool", "dask"])
def test_postgres_case_on_workers_gives_the_same_package(tmp_path, client, pg_url, serial_run, kind):
    """Issue 15c: a PostgreSQL case (a URL) with ``--workers 2`` (forked pool) and with a Dask
    LocalCluster gives what the serial run on SQLite gives."""
    from wooflow.case.publish.execute import make_executor

    inputs, a_out, serial = serial_run
    out = tmp_path / "b"
    if kind == "dask":
        summary = process([inputs], out, ProcessConfig(**CFG), case_dir=pg_url, executor=DaskExecutor(client=client))
    else:
        with make_executor("local", 2) as pool:
            assert pool.workers == 2
            summary = process([inputs], out, ProcessConfig(**CFG), case_dir=pg_url, executor=pool)
    for field in ("inputs", "stored", "documents", "duplicates", "published", "pages", "proposed",
                  "auto_accepted", "exit_code"):
        assert getattr(summary, field) == getattr(serial, field), field
    assert summary.withheld == [] and [f[1:] for f in summary.failures] == [f[1:] for f in serial.failures]
    assert (out / "inventaris.csv").read_text() == (a_out / "inventaris.csv").read_text()
    mine, theirs = _store_findings(pg_url), _store_findings(str(a_out.with_name("a.zaak")))
    strip = lambda rows: [(Path(r[0]).name, *r[1:]) for r in rows]  # noqa: E731 - inputs in other folders
    assert strip(mine) == strip(theirs) != []
    assert _pdf_texts(out) == _pdf_texts(a_out)
    assert (out / "publicatie.zip").is_file()
    assert not any(out.rglob("*.sqlite")) and not (out.with_name("b.zaak") / "case.sqlite").exists()


def test_localcluster_run_gives_the_same_package(tmp_path, client):
    inputs = tmp_path / "in"
    shutil.copytree(MIXED, inputs)
    serial = process([inputs], tmp_path / "a", ProcessConfig(**CFG), executor=SerialExecutor())
    dask = DaskExecutor(client=client)
    assert dask.workers == 2 and dask.remote
    clustered = process([inputs], tmp_path / "b", ProcessConfig(**CFG), executor=dask)
    for field in ("inputs", "stored", "documents", "duplicates", "published", "pages", "proposed",
                  "auto_accepted", "exit_code"):
        assert getattr(clustered, field) == getattr(serial, field), field
    assert clustered.failures == serial.failures and clustered.withheld == serial.withheld == []
    assert (tmp_path / "b" / "inventaris.csv").read_text() == (tmp_path / "a" / "inventaris.csv").read_text()
    assert _findings(tmp_path / "b.zaak") == _findings(tmp_path / "a.zaak") != []
    assert _pdf_texts(tmp_path / "b") == _pdf_texts(tmp_path / "a")
    assert (tmp_path / "b" / "publicatie.zip").is_file()
    again = process([inputs], tmp_path / "b", ProcessConfig(**CFG), executor=dask)  # resumes: nothing new
    assert again.stored == 0 and again.reused == clustered.stored + clustered.failed - len(again.failures)
    assert _findings(tmp_path / "b.zaak") == _findings(tmp_path / "a.zaak")


def test_killed_worker_loses_and_duplicates_nothing(tmp_path, client, monkeypatch):
    n = 40
    inputs = tmp_path / "in"
    inputs.mkdir()
    for i in range(n):
        (inputs / f"nota-{i:03d}.txt").write_text(
            f"Nota {i} over de begroting.\n\nOpgesteld door {slow_detector.NAME}, afdeling Financien.\n",
            encoding="utf-8",
        )
    trace = tmp_path / "trace"
    trace.mkdir()
    monkeypatch.setattr(stages, "DETECT_BATCH", 2)  # 20 detection tasks of 0.4 s each
    detector = slow_detector.SlowNameDetector(str(trace), 0.4)
    worker_pids = set(client.run(os.getpid).values())
    killed: list[int] = []

    def kill_one_busy_worker() -> None:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and not killed:
            ends = {p.stem for p in trace.glob("*.end")}
            busy = [p.stem for p in trace.glob("*.start") if p.stem not in ends]
            if len(list(trace.glob("*.end"))) >= 2 and busy:  # a few batches done, one in flight
                pid = int(busy[0].split("-")[0])
                if pid in worker_pids:
                    os.kill(pid, signal.SIGKILL)
                    killed.append(pid)
                    return
            time.sleep(0.02)

    killer = threading.Thread(target=kill_one_busy_worker)
    killer.start()
    summary = process([inputs], tmp_path / "out", ProcessConfig(case_number="WOO-DASK-2"),
                      detector=detector, executor=DaskExecutor(client=client))
    killer.join()
    assert killed, "no worker was killed during the run"
    # the killed worker's batch started there, never ended there, and ran again on another worker
    lost = [p for p in trace.glob(f"{killed[0]}-*.start") if not p.with_suffix(".end").exists()]
    assert lost
    docs = lost[0].read_text()
    redone = [p for p in trace.glob("*.start") if p.read_text() == docs and p not in lost]
    assert redone and all(p.with_suffix(".end").exists() for p in redone)
    # every document exactly once in the store, each with its one finding
    assert summary.stored == n and summary.failed == 0
    with sqlite3.connect(tmp_path / "out.zaak" / "case.sqlite") as conn:
        assert conn.execute("SELECT count(*), count(DISTINCT path) FROM documents").fetchone() == (n, n)
        assert conn.execute("SELECT count(*) FROM case_doc").fetchone()[0] == n
        per_doc = conn.execute(
            "SELECT d.path, count(f.id) FROM documents d LEFT JOIN case_findings f ON f.doc_id = d.id"
            " AND f.category = 'person' GROUP BY d.id"
        ).fetchall()
    assert sorted(c for _, c in per_doc) == [1] * n
    assert summary.published == n and not summary.withheld
    client.wait_for_workers(2, timeout=60)  # the nanny restarted the killed worker
