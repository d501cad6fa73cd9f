-- attache:foreign-keys-off
-- PDF sources as pages (#16): the original files, the page map, figures.
--
-- files keeps each original file once, by the SHA-256 of its bytes: two
-- sources imported from the same file share it. A source names its file
-- in sources.file_sha256; the trigger below deletes a file when the last
-- source naming it is deleted for good (a source in the trash still names
-- it, so restoring it brings the page view back).
--
-- The page map (domain.TextMap, binary) lives beside the text in
-- source_texts, which only the reading of one source touches: listings
-- read sources alone and never page through its blobs.
--
-- A figure excerpt keeps its page, rectangle, size, caption and the
-- SHA-256 of its PNG on its excerpts row, so listings show it without a
-- join; the PNG itself is in figure_images, once per SHA-256, read only
-- where a figure is drawn (one excerpt, a briefing's bundle). Its text
-- span may be empty (a chart with no text): the CHECK on the span allows
-- that for figures alone, and SQLite cannot change a CHECK, so excerpts is
-- rebuilt as in 006 (same ids, so the search index stays right).

CREATE TABLE files (
    sha256 TEXT PRIMARY KEY CHECK (length(sha256) = 64),
    name   TEXT NOT NULL DEFAULT '',
    size   INTEGER NOT NULL CHECK (size = length(data)),
    data   BLOB NOT NULL
);

ALTER TABLE sources ADD COLUMN file_sha256 TEXT REFERENCES files (sha256);
CREATE INDEX sources_file ON sources (file_sha256) WHERE file_sha256 IS NOT NULL;
ALTER TABLE source_texts ADD COLUMN text_map BLOB;

CREATE TRIGGER sources_file_delete AFTER DELETE ON sources WHEN old.file_sha256 IS NOT NULL BEGIN
    DELETE FROM files WHERE sha256 = old.file_sha256
        AND NOT EXISTS (SELECT 1 FROM sources WHERE file_sha256 = old.file_sha256);
END;

CREATE TABLE figure_images (
    sha256 TEXT PRIMARY KEY CHECK (length(sha256) = 64),
    png    BLOB NOT NULL
);

DROP TRIGGER excerpts_count_insert;
DROP TRIGGER excerpts_count_delete;
DROP TRIGGER excerpts_count_trash;

CREATE TABLE excerpts_new (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    source_id   INTEGER NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
    start       INTEGER NOT NULL CHECK (start >= 0),
    "end"       INTEGER NOT NULL,
    quote       TEXT NOT NULL,
    note        TEXT NOT NULL DEFAULT '',
    credibility INTEGER NOT NULL DEFAULT 0 CHECK (credibility BETWEEN 0 AND 6),
    marking     TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    trashed_at  TEXT,
    marking_reason TEXT NOT NULL DEFAULT '',
    -- the figure, for a figure excerpt: all set, or all NULL
    figure_page    INTEGER CHECK (figure_page >= 1),
    figure_x0      REAL,
    figure_y0      REAL,
    figure_x1      REAL,
    figure_y1      REAL,
    figure_width   INTEGER,
    figure_height  INTEGER,
    figure_caption TEXT,
    figure_sha256  TEXT REFERENCES figure_images (sha256),
    CHECK ("end" > start OR ("end" = start AND figure_page IS NOT NULL)),
    CHECK ((figure_page IS NULL) = (figure_sha256 IS NULL))
);
INSERT INTO excerpts_new (id, source_id, start, "end", quote, note, credibility, marking,
        created_at, updated_at, trashed_at, marking_reason)
    SELECT id, source_id, start, "end", quote, note, credibility, marking,
        created_at, updated_at, trashed_at, marking_reason FROM excerpts;
DELETE FROM sqlite_sequence WHERE name = 'excerpts_new';
INSERT INTO sqlite_sequence (name, seq) SELECT 'excerpts_new', seq FROM sqlite_sequence WHERE name = 'excerpts';
DROP TABLE excerpts;
ALTER TABLE excerpts_new RENAME TO excerpts;
CREATE INDEX excerpts_source ON excerpts (source_id, start);
CREATE INDEX excerpts_trashed ON excerpts (trashed_at) WHERE trashed_at IS NOT NULL;
CREATE INDEX excerpts_figure ON excerpts (figure_sha256) WHERE figure_sha256 IS NOT NULL;

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
-- An image no excerpt shows any more goes with the last one (deleted for
-- good, or with its source).
CREATE TRIGGER excerpts_figure_delete AFTER DELETE ON excerpts WHEN old.figure_sha256 IS NOT NULL BEGIN
    DELETE FROM figure_images WHERE sha256 = old.figure_sha256
        AND NOT EXISTS (SELECT 1 FROM excerpts WHERE figure_sha256 = old.figure_sha256);
END;
