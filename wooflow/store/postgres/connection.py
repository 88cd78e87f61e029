"""A psycopg 3 connection that speaks the subset of ``sqlite3.Connection`` the store uses.

``execute(sql, params)`` takes the store's portable SQL (``?`` placeholders; see
:mod:`wooflow.store.dialect`) and returns a cursor whose rows answer both ``row["name"]`` and
``row[0]`` like ``sqlite3.Row``. The connection runs in autocommit mode; the store opens
transactions with explicit ``BEGIN``/``COMMIT``, as on SQLite. Parameters are bound on the
client side (psycopg's ``ClientCursor``): literals adapt to the column types the way SQLite's
loose typing lets the statements assume.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from decimal import Decimal
from typing import Any

import psycopg
from psycopg import ClientCursor
from psycopg.adapt import Loader
from psycopg.pq import TransactionStatus

from wooflow.store.dialect import POSTGRES, to_postgres


class Row:
    """One result row: by column name or by position, ``keys()`` and ``dict(row)`` work."""

    __slots__ = ("_values", "_index")

    def __init__(self, values: Sequence[Any], index: dict[str, int]) -> None:
        self._values = tuple(values)
        self._index = index

    def __getitem__(self, key: int | str | slice) -> Any:
        if isinstance(key, str):
            return self._values[self._index[key]]
        return self._values[key]

    def __iter__(self) -> Iterator[Any]:
        return iter(self._values)

    def __len__(self) -> int:
        return len(self._values)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Row):
            return self._values == other._values
        return self._values == other

    def __hash__(self) -> int:
        return hash(self._values)

    def keys(self) -> list[str]:
        return list(self._index)

    def __repr__(self) -> str:
        return f"Row({dict(zip(self._index, self._values, strict=False))!r})"


def _row_factory(cursor: Any) -> Any:
    desc = cursor.description or []
    index = {c.name: i for i, c in enumerate(desc)}

    def make(values: Sequence[Any]) -> Row:
        return Row(values, index)

    return make


class _NumericLoader(Loader):
    """``numeric`` (SUM of integers, AVG) as int when whole, else float, like SQLite."""

    def load(self, data: Any) -> Any:
        value = Decimal(bytes(data).decode())
        return int(value) if value == value.to_integral_value() else float(value)


def _adapt(params: Any) -> Any:
    if params is None:
        return None
    if isinstance(params, dict):
        return {k: int(v) if isinstance(v, bool) else v for k, v in params.items()}
    return [int(v) if isinstance(v, bool) else v for v in params]


class PgConnection:
    """What the store and the case layer call on a connection, over psycopg."""

    dialect = POSTGRES

    def __init__(self, conninfo: str) -> None:
        self.raw: psycopg.Connection[Any] = psycopg.connect(
            conninfo, autocommit=True, cursor_factory=ClientCursor, row_factory=_row_factory
        )
        self.raw.adapters.register_loader("numeric", _NumericLoader)

    @property
    def in_transaction(self) -> bool:
        return self.raw.info.transaction_status != TransactionStatus.IDLE

    def execute(self, sql: str, params: Any = ()) -> Any:
        has = bool(params)
        cur = self.raw.cursor()
        cur.execute(to_postgres(sql, has), _adapt(params) if has else None)
        return cur

    def executemany(self, sql: str, seq: Iterable[Any]) -> Any:
        cur = self.raw.cursor()
        rows = [_adapt(p) for p in seq]
        if rows:
            cur.executemany(to_postgres(sql, True), rows)
        return cur

    def executescript(self, sql: str) -> None:
        """Several statements without parameters (DDL)."""
        self.raw.execute(sql)

    def commit(self) -> None:
        if self.in_transaction:
            self.raw.execute("COMMIT")

    def rollback(self) -> None:
        if self.in_transaction:
            self.raw.execute("ROLLBACK")

    def close(self) -> None:
        self.raw.close()

    def __enter__(self) -> PgConnection:
        """Like ``sqlite3.Connection``: commit an open transaction on success, else roll back
        (statements outside a transaction commit on their own: autocommit)."""
        return self

    def __exit__(self, exc_type: object, *rest: object) -> None:
        if exc_type is None:
            self.commit()
        else:
            self.rollback()
