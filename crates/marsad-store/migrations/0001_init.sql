-- Marsad store, schema version 1. Applied once, in one transaction, by SqliteStore::open.

CREATE TABLE documents (
    num          INTEGER PRIMARY KEY,          -- FTS5 content rowid; never exposed
    id           TEXT NOT NULL UNIQUE,
    url          TEXT,
    title        TEXT,
    published    TEXT,                         -- YYYY-MM-DD
    source       TEXT,
    lang         TEXT,
    content_hash TEXT NOT NULL,                -- sha256 of title, published and text
    text         TEXT NOT NULL,
    warnings     TEXT NOT NULL DEFAULT '[]',   -- JSON array
    marsad_version TEXT NOT NULL
);
CREATE INDEX documents_hash ON documents(content_hash);
CREATE INDEX documents_published ON documents(published);

-- Documents skipped because another id carries the same content.
CREATE TABLE document_aliases (
    id           TEXT PRIMARY KEY,
    canonical_id TEXT NOT NULL,
    content_hash TEXT NOT NULL
);

CREATE VIRTUAL TABLE documents_fts USING fts5(
    title, text, content = 'documents', content_rowid = 'num',
    tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER documents_ai AFTER INSERT ON documents BEGIN
    INSERT INTO documents_fts(rowid, title, text) VALUES (new.num, new.title, new.text);
END;
CREATE TRIGGER documents_ad AFTER DELETE ON documents BEGIN
    INSERT INTO documents_fts(documents_fts, rowid, title, text) VALUES ('delete', old.num, old.title, old.text);
END;
CREATE TRIGGER documents_au AFTER UPDATE ON documents BEGIN
    INSERT INTO documents_fts(documents_fts, rowid, title, text) VALUES ('delete', old.num, old.title, old.text);
    INSERT INTO documents_fts(rowid, title, text) VALUES (new.num, new.title, new.text);
END;

CREATE TABLE events (
    id             TEXT PRIMARY KEY,
    doc_id         TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    seq            INTEGER NOT NULL,           -- position in the document's output
    category       TEXT NOT NULL,
    date           TEXT,                       -- YYYY-MM-DD, YYYY-MM or YYYY
    date_start     TEXT,                       -- first day the date can mean
    date_end       TEXT,                       -- last day (lexically comparable)
    time           TEXT,
    tz             TEXT,
    status         TEXT NOT NULL,
    claim_country  TEXT,
    dead           INTEGER,
    dead_unknown   INTEGER NOT NULL DEFAULT 0,
    confidence     REAL NOT NULL,
    json           TEXT NOT NULL               -- the full contract Event
);
CREATE INDEX events_doc ON events(doc_id, seq);
CREATE INDEX events_category_date ON events(category, date_start);
CREATE INDEX events_date ON events(date_end);

CREATE TABLE event_countries (
    event_id TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    role     TEXT NOT NULL,                    -- actor | recipient | place | claim
    country  TEXT NOT NULL,
    PRIMARY KEY (event_id, role, country)
) WITHOUT ROWID;
CREATE INDEX event_countries_country ON event_countries(country);

CREATE TABLE event_places (
    num       INTEGER PRIMARY KEY,             -- R-tree id
    event_id  TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    idx       INTEGER NOT NULL,
    text      TEXT NOT NULL,
    name      TEXT,
    country   TEXT,
    lat       REAL,
    lon       REAL,
    precision TEXT,
    UNIQUE (event_id, idx)
);
CREATE VIRTUAL TABLE event_places_rtree USING rtree(id, min_lon, max_lon, min_lat, max_lat);
CREATE TRIGGER event_places_ai AFTER INSERT ON event_places
WHEN new.lat IS NOT NULL AND new.lon IS NOT NULL BEGIN
    INSERT INTO event_places_rtree VALUES (new.num, new.lon, new.lon, new.lat, new.lat);
END;
CREATE TRIGGER event_places_ad AFTER DELETE ON event_places BEGIN
    DELETE FROM event_places_rtree WHERE id = old.num;
END;

-- Where every part of an event comes from: the document and the code-point spans.
CREATE TABLE provenance (
    event_id TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    role     TEXT NOT NULL,                    -- sentence | trigger | claim_verb | claim_by | actor | recipient | place
    idx      INTEGER NOT NULL,
    start    INTEGER NOT NULL,
    end      INTEGER NOT NULL,
    text     TEXT,
    PRIMARY KEY (event_id, role, idx)
) WITHOUT ROWID;

CREATE TABLE mentions (
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    idx    INTEGER NOT NULL,
    kind   TEXT NOT NULL,
    start  INTEGER,
    end    INTEGER,
    text   TEXT NOT NULL,
    json   TEXT NOT NULL,
    PRIMARY KEY (doc_id, idx)
) WITHOUT ROWID;

-- Fusion results: recomputed as a whole after each ingest.
CREATE TABLE fused (
    id        TEXT PRIMARY KEY,
    category  TEXT NOT NULL,
    date      TEXT,
    contested INTEGER NOT NULL,
    json      TEXT NOT NULL
);
CREATE TABLE fused_members (
    event_id TEXT PRIMARY KEY,
    fused_id TEXT NOT NULL REFERENCES fused(id) ON DELETE CASCADE
);
CREATE INDEX fused_members_fused ON fused_members(fused_id);

CREATE TABLE ceasefires (
    id        TEXT PRIMARY KEY,
    event_id  TEXT NOT NULL,
    date      TEXT NOT NULL,
    start_utc TEXT,
    json      TEXT NOT NULL
);
CREATE TABLE ceasefire_violations (
    ceasefire_id TEXT NOT NULL REFERENCES ceasefires(id) ON DELETE CASCADE,
    event_id     TEXT NOT NULL,
    certainty    TEXT NOT NULL,
    PRIMARY KEY (ceasefire_id, event_id)
) WITHOUT ROWID;
