-- Claims: every figure a document states, projected from `claim.added` and
-- `claim.superseded` ledger entries. Nothing is deleted: a re-extraction marks the
-- claims it no longer finds as superseded.
CREATE TABLE claims (
    id TEXT PRIMARY KEY,
    document_id TEXT NOT NULL REFERENCES documents(id),
    measure TEXT NOT NULL,
    low REAL NOT NULL,
    high REAL,
    qualifier TEXT NOT NULL,
    start_offset INTEGER NOT NULL,
    end_offset INTEGER NOT NULL,
    quote TEXT NOT NULL,
    prefix TEXT NOT NULL,
    suffix TEXT NOT NULL,
    rule TEXT NOT NULL,
    extractor TEXT NOT NULL,
    value REAL,
    unit TEXT,
    normalised_low REAL,
    normalised_high REAL,
    normalised_unit TEXT,
    event_date TEXT,
    date_quote TEXT,
    period INTEGER NOT NULL,
    place TEXT,
    place_id TEXT,
    victims TEXT,
    perpetrator TEXT,
    event_type TEXT,
    speaker TEXT,
    event_key TEXT,
    number_rule TEXT,
    date_rule TEXT,
    sentence_start INTEGER,
    scope_events INTEGER,
    superseded_by TEXT,
    seq INTEGER NOT NULL
);

CREATE INDEX claims_document ON claims (document_id);
CREATE INDEX claims_measure ON claims (measure);
CREATE INDEX claims_event ON claims (event_key);

-- Names users add to the gazetteer (`tellings aliases add`), projected from
-- `alias.added` entries.
CREATE TABLE aliases (
    entity_id TEXT NOT NULL,
    alias TEXT NOT NULL,
    kind TEXT,
    name TEXT,
    country TEXT,
    lat REAL,
    lon REAL,
    parent TEXT,
    seq INTEGER NOT NULL,
    PRIMARY KEY (entity_id, alias)
);

CREATE INDEX ledger_kind ON ledger (kind);
