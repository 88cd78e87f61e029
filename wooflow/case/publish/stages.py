"""The per-document stages of ``process`` on an executor: ingest, understand, detect.

Each stage streams its documents through ``Executor.map`` (tasks compute, this process writes
the results to the store in transactions) and is resumable: what was committed is not done
again. Detection keeps its case-wide batches (``DETECT_BATCH`` texts per task, the same
batches in any executor, so the findings do not depend on it); the persons of the case are
settled once afterwards (:func:`wooflow.case.review.settle_persons`), not after every batch,
which read every person finding of the case each time (quadratic in the case size).
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from wooflow.case.faults import fault_point
from wooflow.case.publish.execute import Done, Executor, Window, warm
from wooflow.exceptions import ConfigError

DETECT_BATCH = 25
# How far ahead a local pool may send small tasks (execute.Window): a scan takes ~100-300x the
# time of a text file to read, and with 4 tasks in flight the other worker sat idle behind it
# (2 workers, 1,000 inputs: ingest used 59 % of both, lakken 93 %; with these, 94 and 100 %).
# The budgets bound what the parent holds for tasks in flight beyond the 4 of before: input
# bytes (and their results), or the characters of the stored documents sent (with their words).
INGEST_WINDOW = Window(size=lambda item: len(item[1]), budget=16 * 2**20, most=64)
UNDERSTAND_WINDOW = Window(size=lambda item: len(item[2].text), budget=2 * 2**20, most=32)
SAVE_EVERY_S = 2.0  # resume state written at most this often (it lists every detected document)
Progress = Callable[[str, int, int], None]


# -- ingest ---------------------------------------------------------------------------------


def _read_task(_shared: Any, item: tuple[str, bytes]) -> Any:
    from wooflow.store.batch import read_input

    return read_input(item[0], item[1]).pack()  # words as the store's bytes: cheap to send back


def ingest(case: Any, paths: list[str], executor: Executor, on_event: Callable[[Any], None]) -> None:
    """Store every input: unchanged inputs are skipped here without parsing, the rest is parsed
    by the executor's tasks from the bytes this process read (no shared folder needed)."""
    from wooflow.store.batch import IngestEvent, check_input, record_checked, store_read

    store = case.store

    def items() -> Iterator[Any]:
        for path in paths:
            data, event = check_input(store, path, record=False)
            yield Done(event) if event is not None else (path, data)

    # the readers' libraries, imported once here rather than in every forked worker
    warm(executor, "wooflow.ingest.pdf", "wooflow.ingest.ocr", "wooflow.ingest.tessapi", "PIL.Image")
    for result in executor.map(_read_task, items(), window=INGEST_WINDOW):
        if isinstance(result, IngestEvent):
            record_checked(store, result)  # in input order, however far ahead items were read
            on_event(result)
        else:
            on_event(store_read(store, result))


# -- understand -----------------------------------------------------------------------------


def _row_task(_shared: Any, item: tuple[int, int | None, Any]) -> Any:
    from wooflow.case.index import row_from_document

    return row_from_document(*item)


def understand(case: Any, executor: Executor) -> int:
    """Index (type, date, title, sender, search text) every document not indexed yet."""
    from wooflow.case.index import index_new

    if executor.workers <= 1:
        return index_new(case)

    def rows(items: Iterable[tuple[int, int | None, Any]]) -> Iterator[Any]:
        return executor.map(_row_task, items, window=UNDERSTAND_WINDOW)

    return index_new(case, rows=rows)


# -- detect ---------------------------------------------------------------------------------


class DetectorSpec:
    """A detector to be built where the task runs (a cluster worker builds it once)."""

    def __init__(self, config: dict[str, Any]) -> None:
        self.config = config

    def get(self) -> Any:
        key = json.dumps(self.config, sort_keys=True, default=str)
        if key not in _DETECTORS:
            from wooflow.detect import Detector  # type: ignore[attr-defined]

            _DETECTORS.clear()  # one at a time: a worker serves one case
            _DETECTORS[key] = Detector(self.config)
        return _DETECTORS[key]


_DETECTORS: dict[str, Any] = {}


def _detect_task(detector: Any, texts: dict[int, str]) -> dict[int, list[Any]]:
    det = detector.get() if isinstance(detector, DetectorSpec) else detector
    if hasattr(det, "detect_case"):
        return dict(det.detect_case(texts))
    return {k: det.detect(t) for k, t in texts.items()}


def detect(
    case: Any, state: Any, detector: Any, executor: Executor, progress: Progress, container_kinds: Iterable[str]
) -> None:
    """Detect personal data in every document not detected yet, batch by batch."""
    from wooflow.case.review import record_findings, settle_persons

    kinds = set(container_kinds)
    done = state.detected
    ids = [r.doc_id for r in case.iter_records() if r.kind not in kinds and r.doc_id not in done]
    progress("detecteren", 0, len(ids))
    if ids and detector is None:
        try:
            from wooflow.detect import Detector  # type: ignore[attr-defined]  # noqa: F401
        except ImportError:
            raise ConfigError("detectie (wooflow.detect.Detector) is niet beschikbaar") from None
        # case context as evidence: an address the request is about stays public
        spec = DetectorSpec({"case": {"request": case.info.request}})
        # forked workers inherit a detector built here; a cluster builds its own per worker
        detector = spec if executor.remote else spec.get()

    def batches() -> Iterator[dict[int, str]]:
        for i in range(0, len(ids), DETECT_BATCH):
            yield {doc_id: case.text(doc_id) for doc_id in ids[i : i + DETECT_BATCH]}

    saved = time.monotonic()
    n = 0
    for results in executor.map(_detect_task, batches(), detector):
        record_findings(case, results, persons=False)
        fault_point("detect")
        done.update(results)
        n += len(results)
        if time.monotonic() - saved >= SAVE_EVERY_S:
            state.data["detected"] = sorted(done)
            state.save()
            saved = time.monotonic()
        progress("detecteren", n, len(ids))
    state.data["detected"] = sorted(done)
    state.save()
    # case-wide: one person per name across the case, decisions applied to new findings; also
    # after a run that was killed between the last batch and here
    settle_persons(case)


# -- deduplicate (case-wide: the signatures per document on the executor, LSH here) --------


def _signature_task(_shared: Any, text: str) -> Any:
    from wooflow.case.dedupe import signature

    return signature(text)


def deduplicate(case: Any, threshold: float, executor: Executor) -> list[Any]:
    from wooflow.case.dedupe import dedupe

    if executor.workers <= 1:
        return dedupe(case, threshold=threshold)
    return dedupe(case, threshold=threshold, signatures=lambda texts: executor.map(_signature_task, texts))


__all__ = ["DETECT_BATCH", "DetectorSpec", "deduplicate", "detect", "ingest", "understand"]
