-- The record's foundation: the ledger and its checkpoints, the signing key, the
-- original bytes, and the first projections of the ledger (sources, documents).
CREATE TABLE meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

-- Append-only: one row per ledger entry, `entry` is its canonical JSON (RFC 8785),
-- `leaf_hash` is SHA-256(0x00 || entry) (RFC 9162 §2.1.1).
CREATE TABLE ledger (
    seq INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,
    entry BLOB NOT NULL,
    leaf_hash BLOB NOT NULL
);

CREATE TABLE checkpoints (
    size INTEGER PRIMARY KEY,
    root BLOB NOT NULL,
    note TEXT NOT NULL,
    created_at TEXT NOT NULL
);

CREATE TABLE signing_keys (
    key_id TEXT PRIMARY KEY,
    public_key BLOB NOT NULL,
    private_key BLOB NOT NULL,
    created_at TEXT NOT NULL
);

-- The unaltered evidentiary copies, addressed by their SHA-256.
CREATE TABLE originals (
    sha256 TEXT PRIMARY KEY,
    size INTEGER NOT NULL,
    data BLOB NOT NULL
);

CREATE TABLE sources (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    type TEXT,
    affiliation TEXT,
    reliability TEXT,
    seq INTEGER NOT NULL
);

CREATE TABLE documents (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    filename TEXT NOT NULL,
    format TEXT NOT NULL,
    reader TEXT NOT NULL,
    size INTEGER NOT NULL,
    source_id TEXT REFERENCES sources(id),
    title TEXT,
    author TEXT,
    url TEXT,
    published TEXT,
    language TEXT,
    ingested_at TEXT NOT NULL,
    text TEXT NOT NULL,
    text_sha256 TEXT NOT NULL,
    offset_map TEXT NOT NULL,
    seq INTEGER NOT NULL
);

CREATE INDEX documents_name ON documents (name);
CREATE INDEX documents_source ON documents (source_id);
