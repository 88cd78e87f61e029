"""Where the per-document stages of ``process`` run: here, on N local processes, or on Dask.

An executor maps a task function over a stream of items and yields the results **in input
order**, with a bounded number of tasks in flight (memory stays flat in the number of
documents). Given the items' sizes (``Window``), a local pool keeps more small tasks in flight,
so one long task at the head of the order (a scan among small files) does not leave the other
workers idle until it is done. Tasks only compute: they get what they need (file bytes, a
stored document, texts) and return results; the process that owns the case writes every result to the store in its
own transaction. So SQLite stays single-writer, the store contents do not depend on the
executor (same ids, same findings), a result is written exactly once however often a cluster
retried its task, and a run that is killed resumes from what was committed.

- ``SerialExecutor``: in this process (``--workers 1``).
- ``PoolExecutor``: N forked worker processes per stage (``--workers N``); workers die with
  the parent (also after ``kill -9``).
- ``DaskExecutor``: tasks on a ``dask.distributed`` cluster (``--executor dask --scheduler
  ADDRESS``; no address or ``local``: a ``LocalCluster`` on this machine). The scheduler
  re-runs the task of a worker that dies; its result still arrives once.
"""

from __future__ import annotations

import gc
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from wooflow.exceptions import ConfigError

Task = Callable[[Any, Any], Any]  # (shared, item) -> result; a module-level function

EXECUTORS = ("local", "dask")


@dataclass(frozen=True, slots=True)
class Window:
    """How many tasks a map may keep in flight beyond the executor's own window (2 per worker):
    up to ``most`` while the ``size`` of the items in flight adds up to at most ``budget``
    (bytes or characters: what the items hold in memory here). Results stay in input order;
    only how far ahead tasks are sent changes."""

    size: Callable[[Any], int]
    budget: int
    most: int = 64


@dataclass(frozen=True, slots=True)
class Done:
    """An item whose result is already known here: passed through in order, never sent."""

    value: Any


class Executor:
    """Ordered, bounded map of a task over items (see the module doc)."""

    kind = "serial"
    remote = False  # tasks may run on another machine: send bytes, never paths
    workers = 1

    def map(self, task: Task, items: Iterable[Any], shared: Any = None, window: Window | None = None) -> Iterator[Any]:
        for item in items:
            yield item.value if isinstance(item, Done) else task(shared, item)

    def close(self) -> None:
        return None

    def __enter__(self) -> Executor:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class SerialExecutor(Executor):
    pass


# The pool's shared object: set before the workers are forked, so they inherit it (a detector
# with its models is never pickled per task).
_SHARED: Any = None


def _pool_call(task: Task, item: Any) -> Any:
    return task(_SHARED, item)


def die_with_parent() -> None:
    """A worker process ends with ``process`` (also after kill -9), never runs on alone."""
    import ctypes
    import signal
    import sys

    if sys.platform.startswith("linux"):
        try:
            ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
        except (OSError, AttributeError):
            pass
        if os.getppid() == 1:  # the parent died before prctl took effect
            os._exit(1)


class PoolExecutor(Executor):
    """``workers`` forked processes per ``map`` call (a fresh pool inherits the shared object)."""

    kind = "local"

    def __init__(self, workers: int) -> None:
        self.workers = max(1, workers)

    def map(self, task: Task, items: Iterable[Any], shared: Any = None, window: Window | None = None) -> Iterator[Any]:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        global _SHARED
        _SHARED = shared
        # The workers inherit the parent's heap copy-on-write; a worker's garbage collector
        # would write into every object it inherited (the GC header) and so copy every page of
        # it: each worker ends up with a private copy of what the parent holds for the case
        # (the publication view, rows, ...: growing with the case). Frozen, those objects are
        # left out of every collection, in the workers too, until the pool is done.
        gc.freeze()
        pool = ProcessPoolExecutor(
            self.workers, mp_context=multiprocessing.get_context("fork"), initializer=die_with_parent
        )
        try:
            yield from _ordered(lambda item: pool.submit(_pool_call, task, item), items, 2 * self.workers, window)
        finally:
            pool.shutdown(wait=True, cancel_futures=True)
            _SHARED = None
            gc.unfreeze()


class DaskExecutor(Executor):
    """Tasks on a ``dask.distributed`` cluster; ``client`` may be given (tests, notebooks)."""

    kind = "dask"
    remote = True

    def __init__(self, scheduler: str | None = None, workers: int = 0, client: Any = None) -> None:
        try:
            from distributed import Client, LocalCluster
        except ImportError:
            raise ConfigError(
                "--executor dask vraagt dask.distributed: installeer wooflow met de extra 'cluster'"
            ) from None
        self._own: list[Any] = []
        if client is None:
            if scheduler in (None, "", "local"):
                cluster = LocalCluster(
                    n_workers=workers or (os.cpu_count() or 1), threads_per_worker=1,
                    processes=True, dashboard_address=None,
                )
                self._own.append(cluster)
                client = Client(cluster)
            else:
                try:
                    client = Client(scheduler, timeout=30)
                except (OSError, TimeoutError) as exc:
                    raise ConfigError(f"Dask-scheduler {scheduler} niet bereikbaar: {exc}") from None
            self._own.insert(0, client)
        self.client = client
        self.workers = max(1, sum(client.nthreads().values()))

    def map(self, task: Task, items: Iterable[Any], shared: Any = None, window: Window | None = None) -> Iterator[Any]:
        handle = self.client.scatter(shared, broadcast=True, hash=False) if shared is not None else None
        try:
            yield from _ordered(
                lambda item: self.client.submit(task, handle, item, pure=False), items, 2 * self.workers + 2
            )
        finally:
            if handle is not None:
                handle.release()

    def close(self) -> None:
        for obj in self._own:
            obj.close()
        self._own = []


def _ordered(
    submit: Callable[[Any], Any], items: Iterable[Any], window: int, wider: Window | None = None
) -> Iterator[Any]:
    """Results in input order with at most ``window`` tasks in flight, or with ``wider`` up to
    ``wider.most`` while their sizes add up to at most ``wider.budget`` (never fewer than
    ``window``). An item is taken from ``items`` only when there is room for another task, so
    a stream read lazily is read no further ahead than before plus what the sizes allow."""
    pending: deque[tuple[bool, Any, int]] = deque()
    source = iter(items)
    most = max(window, wider.most) if wider is not None else window
    held = 0  # the sizes of the items in flight
    waiting: list[Any] = []  # an item taken but not yet sent (over the budget)
    exhausted = False
    while True:
        while len(pending) < most:
            if waiting:
                item = waiting.pop()
            elif exhausted:
                break
            else:
                try:
                    item = next(source)
                except StopIteration:
                    exhausted = True
                    break
            if isinstance(item, Done):
                pending.append((True, item.value, 0))
                continue
            size = wider.size(item) if wider is not None else 0
            if len(pending) >= window and (wider is None or held + size > wider.budget):
                waiting.append(item)
                break
            pending.append((False, submit(item), size))
            held += size
        if not pending:
            return
        known, value, size = pending.popleft()
        held -= size
        yield value if known else value.result()


def warm(executor: Executor, *modules: str) -> None:
    """Import ``modules`` in this process before ``executor`` forks its workers for the next
    ``map``: they inherit them, instead of each importing them again (pymupdf, pypdfium2 and
    the redaction modules cost ~1 CPU-s per worker per stage, as much as ten documents). Only
    for a local pool: serial runs import them anyway, Dask workers are other processes."""
    if isinstance(executor, PoolExecutor):
        import importlib

        for name in modules:
            importlib.import_module(name)


def make_executor(kind: str = "local", workers: int = 0, scheduler: str | None = None) -> Executor:
    """The executor for ``wooflow process``: ``workers`` 0 means one per CPU core; 1 local
    worker runs everything in this process."""
    if kind == "dask" or scheduler:
        return DaskExecutor(scheduler, workers)
    if kind != "local":
        raise ConfigError(f"onbekende executor {kind!r}: kies uit {', '.join(EXECUTORS)}")
    import multiprocessing

    n = workers or (os.cpu_count() or 1)
    if n <= 1 or "fork" not in multiprocessing.get_all_start_methods():
        return SerialExecutor()
    return PoolExecutor(n)


__all__ = [
    "EXECUTORS", "DaskExecutor", "Done", "Executor", "PoolExecutor", "SerialExecutor", "Window", "make_executor",
    "warm",
]
