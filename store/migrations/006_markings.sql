-- attache:foreign-keys-off
-- Marking schemes (see docs/markings.md). A briefing has one scheme;
-- sources get a marking, which their excerpts take by default; an excerpt
-- marked below its source says why, and each such marking is logged.
--
-- Markings are no longer only US codes, so the CHECK constraints that held
-- excerpts.marking and blocks.marking to them go: the domain checks every
-- marking against the briefing's scheme. SQLite cannot drop a constraint,
-- so both tables are rebuilt by the twelve steps of its ALTER TABLE page
-- (foreign keys off and the transaction are migrate.go's rebuild): new
-- table, copy with the same ids, drop, rename, then the indexes and
-- triggers again. The search index (FTS5) holds its own copy of the text
-- under rowid id * 4 + kind: keeping every id keeps it right.
--
-- Dropping a table forgets its AUTOINCREMENT sequence, and the copy's
-- would restart at the highest id still present: numbers deleted for good
-- above it would be handed out again. The old sequence is carried over.

DROP TRIGGER excerpts_count_insert;
DROP TRIGGER excerpts_count_delete;
DROP TRIGGER excerpts_count_trash;
DROP TRIGGER blocks_revision_insert;
DROP TRIGGER blocks_revision_delete;
DROP TRIGGER blocks_revision_update;
DROP TRIGGER briefings_revision;

CREATE TABLE excerpts_new (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    source_id   INTEGER NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
    start       INTEGER NOT NULL CHECK (start >= 0),
    "end"       INTEGER NOT NULL CHECK ("end" > start),
    quote       TEXT NOT NULL,
    note        TEXT NOT NULL DEFAULT '',
    credibility INTEGER NOT NULL DEFAULT 0 CHECK (credibility BETWEEN 0 AND 6),
    marking     TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    trashed_at  TEXT,
    -- why the excerpt is marked below its source, when it is
    marking_reason TEXT NOT NULL DEFAULT ''
);
INSERT INTO excerpts_new (id, source_id, start, "end", quote, note, credibility, marking,
        created_at, updated_at, trashed_at)
    SELECT id, source_id, start, "end", quote, note, credibility, marking,
        created_at, updated_at, trashed_at FROM excerpts;
DELETE FROM sqlite_sequence WHERE name = 'excerpts_new';
INSERT INTO sqlite_sequence (name, seq) SELECT 'excerpts_new', seq FROM sqlite_sequence WHERE name = 'excerpts';
DROP TABLE excerpts;
ALTER TABLE excerpts_new RENAME TO excerpts;
CREATE INDEX excerpts_source ON excerpts (source_id, start);
CREATE INDEX excerpts_trashed ON excerpts (trashed_at) WHERE trashed_at IS NOT NULL;

CREATE TABLE blocks_new (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    briefing_id INTEGER NOT NULL REFERENCES briefings (id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    type        TEXT NOT NULL CHECK (type IN ('heading', 'excerpt', 'commentary', 'judgment')),
    text        TEXT NOT NULL DEFAULT '',
    excerpt_id  INTEGER REFERENCES excerpts (id) ON DELETE RESTRICT,
    confidence  TEXT NOT NULL DEFAULT '' CHECK (confidence IN ('', 'low', 'moderate', 'high')),
    marking     TEXT NOT NULL DEFAULT '',
    CHECK ((type = 'excerpt') = (excerpt_id IS NOT NULL))
);
INSERT INTO blocks_new (id, briefing_id, position, type, text, excerpt_id, confidence, marking)
    SELECT id, briefing_id, position, type, text, excerpt_id, confidence, marking FROM blocks;
DELETE FROM sqlite_sequence WHERE name = 'blocks_new';
INSERT INTO sqlite_sequence (name, seq) SELECT 'blocks_new', seq FROM sqlite_sequence WHERE name = 'blocks';
DROP TABLE blocks;
ALTER TABLE blocks_new RENAME TO blocks;
CREATE INDEX blocks_briefing ON blocks (briefing_id, position);
CREATE INDEX blocks_excerpt ON blocks (excerpt_id);

ALTER TABLE sources ADD COLUMN marking TEXT NOT NULL DEFAULT '';

ALTER TABLE briefings ADD COLUMN scheme TEXT NOT NULL DEFAULT 'none';
ALTER TABLE briefings ADD COLUMN title_marking TEXT NOT NULL DEFAULT '';
ALTER TABLE briefings ADD COLUMN subtitle_marking TEXT NOT NULL DEFAULT '';
ALTER TABLE briefings ADD COLUMN summary_marking TEXT NOT NULL DEFAULT '';
ALTER TABLE briefings ADD COLUMN classified_by TEXT NOT NULL DEFAULT '';
ALTER TABLE briefings ADD COLUMN derived_from TEXT NOT NULL DEFAULT '';
ALTER TABLE briefings ADD COLUMN declassify_on TEXT NOT NULL DEFAULT '';
ALTER TABLE briefings ADD COLUMN include_notes INTEGER NOT NULL DEFAULT 0;

-- Before schemes every marking was a US one: a briefing that carries any
-- (its classification, a block's, or an excerpt's it quotes) is a US
-- briefing; the others carry none. The classification is kept as typed,
-- even free text: export refuses it, saying what to choose.
UPDATE briefings SET scheme = 'us' WHERE classification <> ''
    OR EXISTS (SELECT 1 FROM blocks k WHERE k.briefing_id = briefings.id AND k.marking <> '')
    OR EXISTS (SELECT 1 FROM blocks k JOIN excerpts e ON e.id = k.excerpt_id
               WHERE k.briefing_id = briefings.id AND e.marking <> '');

-- Each time an excerpt was marked below its source, with the reason given.
CREATE TABLE marking_log (
    id             INTEGER PRIMARY KEY,
    excerpt_id     INTEGER NOT NULL REFERENCES excerpts (id) ON DELETE CASCADE,
    from_marking   TEXT NOT NULL DEFAULT '',
    to_marking     TEXT NOT NULL DEFAULT '',
    source_marking TEXT NOT NULL DEFAULT '',
    reason         TEXT NOT NULL,
    at             TEXT NOT NULL
);
CREATE INDEX marking_log_excerpt ON marking_log (excerpt_id, id);

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
-- The new details move the revision on like the others.
CREATE TRIGGER briefings_revision AFTER UPDATE OF title, subtitle, author, audience, date,
    classification, status, summary, trashed_at, scheme, title_marking, subtitle_marking,
    summary_marking, classified_by, derived_from, declassify_on, include_notes ON briefings
    WHEN old.revision = new.revision BEGIN
    UPDATE briefings SET revision = revision + 1 WHERE id = new.id;
END;
