-- attache:foreign-keys-off
-- Numbers are never handed out twice: a briefing, block, excerpt or source
-- deleted for good keeps its number retired (AUTOINCREMENT), so a window
-- or a script still holding the old number can never write into a new one.
-- SQLite cannot add AUTOINCREMENT to a table, so each is rebuilt the way
-- its documentation prescribes (foreign keys off, copy, drop, rename).
-- Briefings also get a revision, bumped by every change to them or their
-- blocks, so a save from an older copy is merged, never written over.
DROP TRIGGER excerpts_count_insert;
DROP TRIGGER excerpts_count_delete;
DROP TRIGGER excerpts_count_trash;

CREATE TABLE sources_new (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
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
    excerpt_count INTEGER NOT NULL DEFAULT 0,
    trashed_at  TEXT
);
INSERT INTO sources_new SELECT * FROM sources;
DROP TABLE sources;
ALTER TABLE sources_new RENAME TO sources;
CREATE INDEX sources_imported ON sources (imported_at, id);
CREATE INDEX sources_title ON sources (title COLLATE NOCASE, id);
CREATE INDEX sources_published ON sources (published, id);
CREATE INDEX sources_trashed ON sources (trashed_at) WHERE trashed_at IS NOT NULL;

CREATE TABLE excerpts_new (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    source_id   INTEGER NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
    start       INTEGER NOT NULL CHECK (start >= 0),
    "end"       INTEGER NOT NULL CHECK ("end" > start),
    quote       TEXT NOT NULL,
    note        TEXT NOT NULL DEFAULT '',
    credibility INTEGER NOT NULL DEFAULT 0 CHECK (credibility BETWEEN 0 AND 6),
    marking     TEXT NOT NULL DEFAULT '' CHECK (marking IN ('', 'U', 'CUI', 'C', 'S', 'TS')),
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    trashed_at  TEXT
);
INSERT INTO excerpts_new SELECT * FROM excerpts;
DROP TABLE excerpts;
ALTER TABLE excerpts_new RENAME TO excerpts;
CREATE INDEX excerpts_source ON excerpts (source_id, start);
CREATE INDEX excerpts_trashed ON excerpts (trashed_at) WHERE trashed_at IS NOT NULL;

CREATE TABLE briefings_new (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
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
    trashed_at     TEXT,
    revision       INTEGER NOT NULL DEFAULT 1
);
INSERT INTO briefings_new SELECT *, 1 FROM briefings;
DROP TABLE briefings;
ALTER TABLE briefings_new RENAME TO briefings;

CREATE TABLE blocks_new (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    briefing_id INTEGER NOT NULL REFERENCES briefings (id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    type        TEXT NOT NULL CHECK (type IN ('heading', 'excerpt', 'commentary', 'judgment')),
    text        TEXT NOT NULL DEFAULT '',
    excerpt_id  INTEGER REFERENCES excerpts (id) ON DELETE RESTRICT,
    confidence  TEXT NOT NULL DEFAULT '' CHECK (confidence IN ('', 'low', 'moderate', 'high')),
    marking     TEXT NOT NULL DEFAULT '' CHECK (marking IN ('', 'U', 'CUI', 'C', 'S', 'TS')),
    CHECK ((type = 'excerpt') = (excerpt_id IS NOT NULL))
);
INSERT INTO blocks_new SELECT * FROM blocks;
DROP TABLE blocks;
ALTER TABLE blocks_new RENAME TO blocks;
CREATE INDEX blocks_briefing ON blocks (briefing_id, position);
CREATE INDEX blocks_excerpt ON blocks (excerpt_id);

CREATE TRIGGER excerpts_count_insert AFTER INSERT ON excerpts WHEN new.trashed_at IS NULL BEGIN
    UPDATE sources SET excerpt_count = excerpt_count + 1 WHERE id = new.source_id;
END;
CREATE TRIGGER excerpts_count_delete AFTER DELETE ON excerpts WHEN old.trashed_at IS NULL BEGIN
    UPDATE sources SET excerpt_count = excerpt_count - 1 WHERE id = old.source_id;
END;
CREATE TRIGGER excerpts_count_trash AFTER UPDATE OF trashed_at ON excerpts
    WHEN (old.trashed_at IS NULL) <> (new.trashed_at IS NULL) BEGIN
    UPDATE sources SET excerpt_count = excerpt_count + CASE WHEN new.trashed_at IS NULL THEN 1 ELSE -1 END
        WHERE id = new.source_id;
END;

-- Whatever changes a briefing's blocks (the composer, the command line, a
-- forced delete of an excerpt they quote) moves the briefing's revision on.
CREATE TRIGGER blocks_revision_insert AFTER INSERT ON blocks BEGIN
    UPDATE briefings SET revision = revision + 1 WHERE id = new.briefing_id;
END;
CREATE TRIGGER blocks_revision_delete AFTER DELETE ON blocks BEGIN
    UPDATE briefings SET revision = revision + 1 WHERE id = old.briefing_id;
END;
CREATE TRIGGER blocks_revision_update AFTER UPDATE ON blocks
    WHEN old.position IS NOT new.position OR old.type IS NOT new.type OR old.text IS NOT new.text
      OR old.excerpt_id IS NOT new.excerpt_id OR old.confidence IS NOT new.confidence
      OR old.marking IS NOT new.marking OR old.briefing_id IS NOT new.briefing_id BEGIN
    UPDATE briefings SET revision = revision + 1 WHERE id IN (old.briefing_id, new.briefing_id);
END;
-- The briefing's own fields: any update that does not move the revision
-- itself moves it (recursive triggers are off, so this does not loop).
CREATE TRIGGER briefings_revision AFTER UPDATE OF title, subtitle, author, audience, date,
    classification, status, summary, trashed_at ON briefings
    WHEN old.revision = new.revision BEGIN
    UPDATE briefings SET revision = revision + 1 WHERE id = new.id;
END;
