"""The case package's tables (``case_*``), declared in one place so a reader sees the whole review
model: the case layer creates them through ``CaseStore.ensure_schema`` (SQLite DDL, translated for
PostgreSQL by :func:`wooflow.store.dialect.schema_for_postgres`). The text is part of each schema's
digest: editing it makes every case re-run its (idempotent) DDL once.
"""

from __future__ import annotations

CASE = """
CREATE TABLE IF NOT EXISTS case_info (
    key TEXT PRIMARY KEY,
    value TEXT
);
CREATE TABLE IF NOT EXISTS case_events (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,            -- extension | suspension
    start TEXT,                    -- ISO date
    "end" TEXT,                    -- ISO date or NULL while running
    note TEXT NOT NULL DEFAULT '',
    actor TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS case_suspension_docs (
    suspension_id INTEGER NOT NULL,  -- case_events.id of a suspension
    doc_id INTEGER NOT NULL,         -- a document the third party's zienswijze is about
    PRIMARY KEY (suspension_id, doc_id)
);
CREATE TABLE IF NOT EXISTS case_doc (
    doc_id INTEGER PRIMARY KEY,
    parent_id INTEGER,
    path TEXT NOT NULL,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    text_hash TEXT NOT NULL,
    type TEXT,
    date TEXT,
    title TEXT,
    sender TEXT,
    addressees TEXT NOT NULL DEFAULT '[]',
    sender_fold TEXT NOT NULL DEFAULT '',
    addressees_fold TEXT NOT NULL DEFAULT '',
    has_attachments INTEGER NOT NULL DEFAULT 0,
    message_id TEXT,
    thread_id TEXT,
    in_scope INTEGER NOT NULL DEFAULT 1,
    scope_reason TEXT NOT NULL DEFAULT '',
    judgement TEXT NOT NULL DEFAULT 'openbaar'
);
CREATE INDEX IF NOT EXISTS case_doc_date ON case_doc(date);
CREATE INDEX IF NOT EXISTS case_doc_type ON case_doc(type);
CREATE INDEX IF NOT EXISTS case_doc_parent ON case_doc(parent_id);
CREATE INDEX IF NOT EXISTS case_doc_hash ON case_doc(text_hash);
CREATE INDEX IF NOT EXISTS case_doc_sha256 ON case_doc(sha256);
CREATE INDEX IF NOT EXISTS case_doc_judgement ON case_doc(judgement);
-- contentless: the stemmed copy is not stored again (snippets come from documents.text)
CREATE VIRTUAL TABLE IF NOT EXISTS case_fts USING fts5(
    body, content = '', tokenize = "unicode61 remove_diacritics 2"
);
CREATE TABLE IF NOT EXISTS case_findings (
    id INTEGER PRIMARY KEY,
    doc_id INTEGER NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    category TEXT NOT NULL,
    action TEXT NOT NULL,
    ground TEXT,
    score REAL NOT NULL,
    recognizer TEXT NOT NULL,
    reason TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL,          -- proposed | accepted | rejected | added
    source TEXT NOT NULL,          -- detect | manual | propagation
    person_key TEXT,
    reviewer TEXT,
    reviewed_at TEXT,
    created_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS case_findings_doc ON case_findings(doc_id);
CREATE INDEX IF NOT EXISTS case_findings_person ON case_findings(person_key);
CREATE TABLE IF NOT EXISTS case_persons (
    key TEXT PRIMARY KEY,
    display TEXT NOT NULL,
    decision TEXT NOT NULL,        -- redact | keep | undecided
    forms TEXT NOT NULL DEFAULT '[]',
    decided_by TEXT,
    decided_at TEXT
);
CREATE TABLE IF NOT EXISTS case_judgements (
    doc_id INTEGER PRIMARY KEY,
    judgement TEXT NOT NULL,
    link TEXT,
    duplicate_of INTEGER,
    explanation TEXT NOT NULL DEFAULT '',
    grounds TEXT,                  -- reviewer-given grounds (JSON list) or NULL: derived
    set_by TEXT NOT NULL,          -- reviewer | dedupe
    actor TEXT NOT NULL,
    set_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS case_audit (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    doc_id INTEGER,
    target TEXT,
    detail TEXT NOT NULL DEFAULT '{}'
);
"""

PEOPLE = """
CREATE TABLE IF NOT EXISTS case_users (
    username TEXT PRIMARY KEY,
    role TEXT NOT NULL,              -- coordinator | reviewer | viewer
    pw_hash TEXT NOT NULL,           -- argon2id
    active INTEGER NOT NULL DEFAULT 1,
    created_by TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS case_sessions (
    token_hash TEXT PRIMARY KEY,     -- sha256 of the cookie value
    username TEXT NOT NULL,
    csrf TEXT NOT NULL,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS case_assign (
    doc_id INTEGER PRIMARY KEY,
    username TEXT NOT NULL,
    assigned_by TEXT NOT NULL,
    assigned_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS case_assign_user ON case_assign(username);
CREATE TABLE IF NOT EXISTS case_doc_status (
    doc_id INTEGER PRIMARY KEY,
    status TEXT NOT NULL,            -- in behandeling | beoordeeld | gecontroleerd
    reviewed_by TEXT,                -- who marked it beoordeeld
    actor TEXT NOT NULL,
    at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS case_undo (
    id INTEGER PRIMARY KEY,
    username TEXT NOT NULL,
    label TEXT NOT NULL,
    doc_id INTEGER,
    payload TEXT NOT NULL,           -- JSON: rows before and after (wooflow.case.undo)
    done INTEGER NOT NULL DEFAULT 0,
    at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS case_undo_user ON case_undo(username, id);
CREATE INDEX IF NOT EXISTS case_audit_doc ON case_audit(doc_id);
CREATE INDEX IF NOT EXISTS case_audit_target ON case_audit(target);
"""
