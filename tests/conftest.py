"""Suite-wide settings.

Property tests (Hypothesis) run derandomized by default so that CI is repeatable: the same
examples every run. Explore new random examples locally with
``pytest --hypothesis-profile=explore``; a failure found that way becomes a regression test.
"""

from __future__ import annotations

from hypothesis import settings

settings.register_profile("repeatable", derandomize=True, print_blob=True)
settings.register_profile("explore", derandomize=False, print_blob=True)
settings.load_profile("repeatable")


# -- PostgreSQL: a throwaway cluster on loopback for the tests that run on both stores ----------

import itertools  # noqa: E402
import os  # noqa: E402
from collections.abc import Iterator  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

_db_numbers = itertools.count(1)


def _require_pg() -> bool:
    """In CI (.ci/run sets WOOFLOW_REQUIRE_PG=1) PostgreSQL tests must run, never skip."""
    return os.environ.get("WOOFLOW_REQUIRE_PG") == "1"


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[object]:
    """One initdb + pg_ctl cluster for the whole session (see wooflow.store.postgres.cluster)."""
    from wooflow.store.postgres.cluster import find_bindir, start_cluster

    if find_bindir() is None:
        if _require_pg():
            pytest.fail("PostgreSQL-programma's (initdb, pg_ctl) ontbreken; installeer Debian's 'postgresql'")
        pytest.skip("PostgreSQL server binaries (initdb, pg_ctl) not installed: the postgresql store is not tested")
    cluster = start_cluster()
    try:
        yield cluster
    finally:
        cluster.stop()


@pytest.fixture
def pg_url(pg_cluster: object, tmp_path: Path) -> str:
    """A fresh empty database; its files folder (blobs) in this test's tmp_path."""
    name = f"woo_test_{os.getpid()}_{next(_db_numbers)}"
    url = pg_cluster.createdb(name)  # type: ignore[attr-defined]
    return f"{url}?files={tmp_path / (name + '.zaak')}"


@pytest.fixture(params=["sqlite", "postgresql"])
def store_kind(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def case_location(store_kind: str, request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """Where a test's case lives, once per store: a folder (SQLite) or a URL (PostgreSQL)."""
    if store_kind == "sqlite":
        return str(tmp_path / "zaak")
    return str(request.getfixturevalue("pg_url"))
