"""Ingest records the failures of the inputs in input order, however far ahead an executor
reads them (a pool's window sends small tasks on ahead: execute.Window)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from wooflow.case.publish import stages
from wooflow.case.publish.config import ProcessConfig
from wooflow.case.publish.execute import Done, Executor, SerialExecutor, Window
from wooflow.case.publish.process import open_case


class ReadAllFirst(Executor):
    """Takes every item before it runs a task: the widest window there is."""

    def map(self, task: Any, items: Iterable[Any], shared: Any = None, window: Window | None = None) -> Iterator[Any]:
        taken = list(items)
        for item in taken:
            yield item.value if isinstance(item, Done) else task(shared, item)


def _failures(tmp: Path, executor: Executor, paths: list[str]) -> list[tuple[str, str]]:
    case = open_case(tmp, ProcessConfig(case_number="T-1"))
    try:
        stages.ingest(case, paths, executor, lambda event: None)
        return [(Path(f.path).name, f.reason) for f in case.store.failures()]
    finally:
        case.close()


def test_failures_are_recorded_in_input_order_however_far_ahead_inputs_are_read(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "a-kapot.pdf").write_bytes(b"%PDF-1.7\nniets dan onzin\n")  # fails when parsed (task)
    (inputs / "b.txt").write_text("Een gewone notitie over de planning.\n", encoding="utf-8")
    missing = str(inputs / "c-weg.txt")  # fails when loaded (before any task)
    (inputs / "d-leeg.txt").write_bytes(b"")  # fails when parsed
    paths = [str(inputs / "a-kapot.pdf"), str(inputs / "b.txt"), missing, str(inputs / "d-leeg.txt")]
    serial = _failures(tmp_path / "serieel", SerialExecutor(), paths)
    ahead = _failures(tmp_path / "vooruit", ReadAllFirst(), paths)
    assert [name for name, _ in serial] == ["a-kapot.pdf", "c-weg.txt", "d-leeg.txt"]
    assert ahead == serial
