"""Executors of ``process``: ordered results, bounded windows, pass-through items."""

from __future__ import annotations

import os
import time

import pytest

from wooflow.case.publish.execute import Done, PoolExecutor, SerialExecutor, Window, make_executor
from wooflow.exceptions import ConfigError


def _slow_square(shared: int, x: int) -> tuple[int, int, int]:
    time.sleep(0.05 if x % 2 == 0 else 0.0)  # even items finish last: results must still be in order
    return x, x * x + shared, os.getpid()


def test_pool_gives_results_in_input_order_from_worker_processes():
    with PoolExecutor(2) as ex:
        out = list(ex.map(_slow_square, range(10), shared=1))
    assert [r[:2] for r in out] == [(x, x * x + 1) for x in range(10)]
    assert os.getpid() not in {r[2] for r in out} and len({r[2] for r in out}) >= 1


def test_done_items_pass_through_in_place_without_a_task():
    items = [1, Done("skip"), 2]
    with PoolExecutor(2) as ex:
        assert [r if isinstance(r, str) else r[0] for r in ex.map(_slow_square, items, 0)] == [1, "skip", 2]
    assert [r if isinstance(r, str) else r[0] for r in SerialExecutor().map(_slow_square, items, 0)] == [1, "skip", 2]


def test_window_is_bounded():
    pulled = []

    def items():
        for i in range(100):
            pulled.append(i)
            yield i

    with PoolExecutor(2) as ex:
        results = ex.map(_slow_square, items(), 0)
        next(results)
        assert len(pulled) <= 2 * 2 + 1  # the window, not the whole stream
        assert len(list(results)) == 99


def test_make_executor():
    assert isinstance(make_executor("local", 1), SerialExecutor)
    pool = make_executor("local", 3)
    assert isinstance(pool, PoolExecutor) and pool.workers == 3
    with pytest.raises(ConfigError):
        make_executor("spark", 2)


def _already_there(_shared, name):
    import sys

    return name in sys.modules


def test_warm_imports_once_before_the_pool_forks():
    import sys

    from wooflow.case.publish.execute import warm

    for name in ("colorsys", "wave"):
        sys.modules.pop(name, None)
    warm(SerialExecutor(), "colorsys")  # serial: imported where it is used, not here
    assert "colorsys" not in sys.modules
    pool = PoolExecutor(2)
    assert list(pool.map(_already_there, ["wave"])) == [False]  # without warm: imported by the task
    warm(pool, "wave")
    assert "wave" in sys.modules
    assert list(pool.map(_already_there, ["wave", "wave", "wave"])) == [True, True, True]  # inherited


def _frozen_in_worker(_shared, _item):
    import gc

    return gc.get_freeze_count()


def test_pool_workers_leave_the_inherited_heap_out_of_collections():
    """What the parent holds when the pool forks is frozen (gc.freeze) in the workers, so their
    garbage collector does not write into, and so copy, every inherited page; afterwards the
    parent's objects are collectable again."""
    import gc

    held = [[i] for i in range(1000)]  # noqa: F841  (the parent's case data)
    assert gc.get_freeze_count() == 0
    counts = list(PoolExecutor(2).map(_frozen_in_worker, range(4)))
    assert min(counts) > 1000
    assert gc.get_freeze_count() == 0


def _head_is_slow(_shared: int, x: int) -> int:
    time.sleep(0.5 if x == 0 else 0.0)  # a scan at the head of the order, small files behind it
    return x


def _pulled_before_first_result(window: Window | None, sizes: int = 1) -> tuple[int, list[int]]:
    pulled: list[int] = []

    def items():
        for i in range(100):
            pulled.append(i)
            yield i

    with PoolExecutor(2) as ex:
        results = ex.map(_head_is_slow, items(), 0, window=window)
        first = next(results)
        n = len(pulled)
        rest = list(results)
    assert [first, *rest] == list(range(100))  # still in input order
    return n, pulled


def test_a_window_sends_small_tasks_on_behind_a_long_one():
    n, _ = _pulled_before_first_result(Window(size=lambda item: 1, budget=1000, most=20))
    assert n >= 20  # while item 0 runs, the other worker has 19 more to do, not 3
    n, _ = _pulled_before_first_result(None)
    assert n <= 2 * 2 + 1  # without one: the executor's own window


def test_a_window_keeps_to_its_budget():
    # 4 in flight are always allowed (the executor's own window); beyond them only while the
    # sizes held stay within the budget: 4 x 10 = 40 > 30, so none more (one item waits)
    n, _ = _pulled_before_first_result(Window(size=lambda item: 10, budget=30, most=64))
    assert n <= 2 * 2 + 1
    n, _ = _pulled_before_first_result(Window(size=lambda item: 10, budget=100, most=64))
    assert 2 * 2 + 1 < n <= 10 + 1


def test_done_items_pass_through_a_window():
    items = [1, Done("skip"), 2, Done("also"), 3]
    with PoolExecutor(2) as ex:
        out = list(ex.map(_slow_square, items, 0, window=Window(size=lambda item: 1, budget=10, most=8)))
    assert [r if isinstance(r, str) else r[0] for r in out] == [1, "skip", 2, "also", 3]
