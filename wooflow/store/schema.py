"""The case database schema owned by the store. Other packages add theirs via ``ensure_schema``."""

from __future__ import annotations

SCHEMA_VERSION = 1

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS documents (
    id         INTEGER PRIMARY KEY,
    parent_id  INTEGER REFERENCES documents(id) ON DELETE CASCADE,
    path       TEXT NOT NULL,
    name       TEXT NOT NULL,
    kind       TEXT NOT NULL,
    sha256     TEXT NOT NULL,
    text       TEXT NOT NULL,
    fields     TEXT NOT NULL DEFAULT '{}',
    warnings   TEXT NOT NULL DEFAULT '[]',
    page_count INTEGER NOT NULL DEFAULT 1,
    position   INTEGER NOT NULL DEFAULT 0,
    status     TEXT NOT NULL DEFAULT 'stored',
    added_at   TEXT NOT NULL,
    UNIQUE (path, sha256)
);
CREATE INDEX IF NOT EXISTS documents_parent ON documents(parent_id);
CREATE INDEX IF NOT EXISTS documents_sha256 ON documents(sha256);
CREATE TABLE IF NOT EXISTS pages (
    doc_id   INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    number   INTEGER NOT NULL,
    width    REAL NOT NULL,
    height   REAL NOT NULL,
    start    INTEGER NOT NULL,
    "end"    INTEGER NOT NULL,
    ocr      INTEGER NOT NULL DEFAULT 0,
    rotation INTEGER NOT NULL DEFAULT 0,
    words    BLOB NOT NULL,
    PRIMARY KEY (doc_id, number)
);
CREATE TABLE IF NOT EXISTS failures (
    id     INTEGER PRIMARY KEY,
    path   TEXT NOT NULL,
    reason TEXT NOT NULL,
    detail TEXT NOT NULL,
    time   TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS failures_path ON failures(path);
CREATE TABLE IF NOT EXISTS schemas (
    name   TEXT PRIMARY KEY,
    sha256 TEXT NOT NULL
);
"""
