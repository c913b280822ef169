-- Full-text search over documents (SQLite FTS5), kept in step with `documents` by
-- triggers. It indexes the stored text; the record itself is still the ledger.
CREATE VIRTUAL TABLE documents_fts USING fts5(
    name, title, text,
    content='documents', content_rowid='rowid',
    tokenize='unicode61 remove_diacritics 2'
);

CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents BEGIN
    INSERT INTO documents_fts (rowid, name, title, text)
    VALUES (new.rowid, new.name, new.title, new.text);
END;

CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN
    INSERT INTO documents_fts (documents_fts, rowid, name, title, text)
    VALUES ('delete', old.rowid, old.name, old.title, old.text);
END;

CREATE TRIGGER documents_fts_update AFTER UPDATE ON documents BEGIN
    INSERT INTO documents_fts (documents_fts, rowid, name, title, text)
    VALUES ('delete', old.rowid, old.name, old.title, old.text);
    INSERT INTO documents_fts (rowid, name, title, text)
    VALUES (new.rowid, new.name, new.title, new.text);
END;

INSERT INTO documents_fts (documents_fts) VALUES ('rebuild');

-- Keyset pages of claims by measure.
CREATE INDEX claims_measure_rowid ON claims (measure, superseded_by);
