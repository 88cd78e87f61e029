"""The team-server store: a PostgreSQL database per case (psycopg 3), blobs in a files folder.

A case is a URL such as ``postgresql://user@host/woo_2024_0042`` (see
:mod:`wooflow.store.location`). The same repositories run on it as on SQLite; what differs is
in :mod:`wooflow.store.dialect` and the search index (:mod:`.search_index`, the ``'dutch'``
text-search configuration). Schema changes take a transaction-scoped advisory lock, so workers
opening the same case at once do not race each other's ``CREATE TABLE``.
"""

from __future__ import annotations

from wooflow.exceptions import CaseError
from wooflow.store.postgres.connection import PgConnection, Row


def connect(url: str) -> PgConnection:
    import psycopg

    try:
        return PgConnection(url)
    except psycopg.Error as exc:
        raise CaseError(f"kan de zaakdatabase niet openen: {str(exc).strip().splitlines()[0]}") from None


__all__ = ["PgConnection", "Row", "connect"]
