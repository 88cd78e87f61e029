"""Repositories: the SQL of one aggregate each, written once for SQLite and PostgreSQL.

Each takes a connection (``store.conn`` or the one a ``store.transaction()`` yields), so it
joins the caller's unit of work. The search index has one implementation per database
(:func:`wooflow.store.search_index.search_index`).
"""
