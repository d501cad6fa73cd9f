-- Sources are kept verbatim; sha256 identifies their text, so importing the
-- same text twice finds the existing row. The text lives in its own table:
-- listings then read small rows, not every article.
CREATE TABLE sources (
    id          INTEGER PRIMARY KEY,
    kind        TEXT NOT NULL,
    title       TEXT NOT NULL,
    subtitle    TEXT NOT NULL DEFAULT '',
    section     TEXT NOT NULL DEFAULT '',
    authors     TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(authors)),
    publisher   TEXT NOT NULL DEFAULT '',
    published   TEXT NOT NULL DEFAULT '',
    url         TEXT NOT NULL DEFAULT '',
    accessed    TEXT NOT NULL DEFAULT '',
    language    TEXT NOT NULL DEFAULT '',
    sha256      TEXT NOT NULL UNIQUE,
    file_name   TEXT NOT NULL DEFAULT '',
    imported_at TEXT NOT NULL,
    reliability TEXT NOT NULL DEFAULT '' CHECK (reliability IN ('', 'A', 'B', 'C', 'D', 'E', 'F')),
    notes       TEXT NOT NULL DEFAULT '',
    excerpt_count INTEGER NOT NULL DEFAULT 0 -- kept by the triggers below
);
CREATE INDEX sources_imported ON sources (imported_at, id);
CREATE INDEX sources_title ON sources (title COLLATE NOCASE, id);
CREATE INDEX sources_published ON sources (published, id);

CREATE TABLE source_texts (
    source_id INTEGER PRIMARY KEY REFERENCES sources (id) ON DELETE CASCADE,
    text      TEXT NOT NULL CHECK (length(text) > 0)
);

-- start and end are rune offsets into sources.text; quote is that span.
CREATE TABLE excerpts (
    id          INTEGER PRIMARY KEY,
    source_id   INTEGER NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
    start       INTEGER NOT NULL CHECK (start >= 0),
    "end"       INTEGER NOT NULL CHECK ("end" > start),
    quote       TEXT NOT NULL,
    note        TEXT NOT NULL DEFAULT '',
    credibility INTEGER NOT NULL DEFAULT 0 CHECK (credibility BETWEEN 0 AND 6),
    marking     TEXT NOT NULL DEFAULT '' CHECK (marking IN ('', 'U', 'CUI', 'C', 'S', 'TS')),
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);
CREATE INDEX excerpts_source ON excerpts (source_id, start);
CREATE TRIGGER excerpts_count_insert AFTER INSERT ON excerpts BEGIN
    UPDATE sources SET excerpt_count = excerpt_count + 1 WHERE id = new.source_id;
END;
CREATE TRIGGER excerpts_count_delete AFTER DELETE ON excerpts BEGIN
    UPDATE sources SET excerpt_count = excerpt_count - 1 WHERE id = old.source_id;
END;

CREATE TABLE tags (
    id   INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE
);

CREATE TABLE excerpt_tags (
    excerpt_id INTEGER NOT NULL REFERENCES excerpts (id) ON DELETE CASCADE,
    tag_id     INTEGER NOT NULL REFERENCES tags (id) ON DELETE CASCADE,
    PRIMARY KEY (excerpt_id, tag_id)
) WITHOUT ROWID;
CREATE INDEX excerpt_tags_tag ON excerpt_tags (tag_id, excerpt_id);

CREATE TABLE briefings (
    id             INTEGER PRIMARY KEY,
    title          TEXT NOT NULL,
    subtitle       TEXT NOT NULL DEFAULT '',
    author         TEXT NOT NULL DEFAULT '',
    audience       TEXT NOT NULL DEFAULT '',
    date           TEXT NOT NULL DEFAULT '',
    classification TEXT NOT NULL DEFAULT '',
    status         TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'review', 'final')),
    summary        TEXT NOT NULL DEFAULT '',
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL,
    trashed_at     TEXT
);

-- Positions are renumbered 0..n-1 by every operation that changes order.
-- An excerpt used by a block cannot be deleted from under it (RESTRICT).
CREATE TABLE blocks (
    id          INTEGER PRIMARY KEY,
    briefing_id INTEGER NOT NULL REFERENCES briefings (id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    type        TEXT NOT NULL CHECK (type IN ('heading', 'excerpt', 'commentary', 'judgment')),
    text        TEXT NOT NULL DEFAULT '',
    excerpt_id  INTEGER REFERENCES excerpts (id) ON DELETE RESTRICT,
    confidence  TEXT NOT NULL DEFAULT '' CHECK (confidence IN ('', 'low', 'moderate', 'high')),
    marking     TEXT NOT NULL DEFAULT '' CHECK (marking IN ('', 'U', 'CUI', 'C', 'S', 'TS')),
    CHECK ((type = 'excerpt') = (excerpt_id IS NOT NULL))
);
CREATE INDEX blocks_briefing ON blocks (briefing_id, position);
CREATE INDEX blocks_excerpt ON blocks (excerpt_id);

CREATE TABLE snapshots (
    id          INTEGER PRIMARY KEY,
    briefing_id INTEGER NOT NULL REFERENCES briefings (id) ON DELETE CASCADE,
    label       TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL,
    data        TEXT NOT NULL CHECK (json_valid(data))
);
CREATE INDEX snapshots_briefing ON snapshots (briefing_id, created_at);

-- One index for everything, so results of all kinds rank against each other.
-- rowid = id * 4 + kind (1 source, 2 excerpt, 3 briefing) keeps updates and
-- deletes to a rowid lookup instead of a scan.
CREATE VIRTUAL TABLE search USING fts5 (
    title, body, meta,
    tokenize = 'porter unicode61 remove_diacritics 2'
);
INSERT INTO search (search, rank) VALUES ('rank', 'bm25(4.0, 1.0, 2.0)');
