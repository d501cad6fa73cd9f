-- The team library's schema on PostgreSQL 15: the same tables, columns
-- (names, order), constraints, indexes and trigger effects as the SQLite
-- library after its migrations 001-008 (store/migrations), so the store's
-- SQL reads and writes both. Later PostgreSQL migrations are numbered on
-- their own (002_... here), not after SQLite's.
--
-- The Go code runs this file in one transaction and creates
-- schema_migrations itself. No extension is needed and no schema is named:
-- everything goes in the connection's search_path schema.
--
-- How SQLite's types and features are carried over:
--   * Time stamps and dates stay text (RFC 3339, compared as the Go code
--     does); JSON stays text, checked by json_valid() below; INTEGER is
--     bigint, REAL double precision, BLOB bytea; 0/1 flags stay bigint.
--   * Every text column is COLLATE "C": comparing and ordering then go by
--     code point, as SQLite's BINARY does, whatever the database's default
--     collation; and lower() under "C" folds ASCII only, as NOCASE does, so
--     the COLLATE NOCASE index becomes one on lower(title).
--   * INTEGER PRIMARY KEY [AUTOINCREMENT] is an identity column; the
--     trigger attache_next_id() gives it SQLite's AUTOINCREMENT behaviour
--     for explicit ids (see there), and the view sqlite_sequence shows
--     the sequences as SQLite's table of that name does.
--   * The FTS5 index is an ordinary table with a generated tsvector.
--   * julianday() and json_valid() are SQLite's, for the shared SQL.
--   * SQLite's AFTER triggers are kept as triggers of the same names with
--     the same effect; briefings_revision, which relies on SQLite's
--     recursive_triggers being off, is a BEFORE trigger here.
-- README.md beside this file lists what the Go code must do differently.


-- Compatibility functions --------------------------------------------------

-- json_valid(X) as SQLite's: true for well-formed JSON text, false for
-- anything else, NULL for NULL. Used by the CHECK constraints below.
-- (json, not jsonb: jsonb refuses the escape \u0000, which SQLite and
-- Go's encoder accept.)
CREATE FUNCTION json_valid(doc text) RETURNS boolean
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
BEGIN
    PERFORM doc::json;
    RETURN true;
EXCEPTION WHEN data_exception THEN
    RETURN false;
END
$$;

-- julianday(X) as SQLite's for a date or a time stamp written
-- YYYY-MM-DD[(T| )HH:MM[:SS[.fraction]]][Z|z|(+|-)HH:MM] (RFC 3339, what
-- the Go code writes), to the last bit: it follows SQLite's own
-- computation (date.c: parseYyyyMmDd, parseHhMmSs, computeJD), which
-- counts whole milliseconds, the fraction's rounded to nearest and held
-- below the next second (digits beyond the third matter only for that
-- rounding). A stamp without a zone is UTC, as in SQLite. Anything else
-- (SQLite's 'now', bare times, numbers, modifiers) gives NULL.
--
-- Pure arithmetic, independent of TimeZone and DateStyle, so IMMUTABLE is
-- true and it can be used in indexes. (extract(epoch from X::timestamptz)
-- would depend on the session's TimeZone for a stamp without a zone, and
-- keeps microseconds SQLite drops: stamps a few hundred microseconds apart
-- would order differently than in SQLite.)
--
-- attache_julianday_parse reads every form; julianday below takes the
-- stamps the Go code writes (YYYY-MM-DDTHH:MM:SS[.f]Z or +HH:MM) by
-- position, some 25 times faster than a regular expression with captures.
CREATE FUNCTION attache_julianday_parse(stamp text) RETURNS double precision
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
DECLARE
    p text[] := regexp_match(stamp,
        '^(-?)([0-9]{4})-([0-9]{2})-([0-9]{2})[[:space:]T]*'
        '(?:([0-9]{2}):([0-9]{2})(?::([0-9]{2})(?:[.]([0-9]+))?)?'
        '[[:space:]]*(?:[Zz]|([-+])([0-9]{2}):([0-9]{2}))?[[:space:]]*)?$');
    y int; mo int; d int;
    h int := 0; mi int := 0; sec int := 0;
    frac double precision := 0;
    scale double precision := 1;
    tz int := 0;
    a int; b int; x1 int; x2 int;
    ms bigint;
BEGIN
    IF p IS NULL THEN
        RETURN NULL;
    END IF;
    y := p[2]::int; mo := p[3]::int; d := p[4]::int;
    IF p[1] = '-' THEN
        y := -y;
    END IF;
    IF mo NOT BETWEEN 1 AND 12 OR d NOT BETWEEN 1 AND 31 OR y < -4713 THEN
        RETURN NULL;
    END IF;
    IF p[5] IS NOT NULL THEN
        h := p[5]::int; mi := p[6]::int; sec := coalesce(p[7]::int, 0);
        IF p[8] IS NOT NULL THEN
            -- digit by digit in doubles, as SQLite does (ms*10.0 + c - '0')
            FOR i IN 1 .. length(p[8]) LOOP
                frac := (frac * 10 + ascii(substr(p[8], i, 1))) - 48;
                scale := scale * 10;
            END LOOP;
            frac := least(frac / scale, 0.999);
        END IF;
        IF h > 24 OR mi > 59 OR sec > 59 OR (h = 24 AND (mi > 0 OR sec > 0 OR frac > 0)) THEN
            RETURN NULL;
        END IF;
        IF p[9] IS NOT NULL THEN
            IF p[10]::int > 14 OR p[11]::int > 59 THEN
                RETURN NULL;
            END IF;
            tz := (p[10]::int * 60 + p[11]::int) * CASE p[9] WHEN '-' THEN -1 ELSE 1 END;
        END IF;
    END IF;
    -- Meeus, as computeJD: the day in milliseconds, then the time of day
    IF mo <= 2 THEN
        y := y - 1;
        mo := mo + 12;
    END IF;
    a := (y + 4800) / 100;
    b := 38 - a + a / 4;
    x1 := 36525 * (y + 4716) / 100;
    x2 := 306001 * (mo + 1) / 10000;
    ms := (x1 + x2 + d + b)::bigint * 86400000 - 131716800000
        + h * 3600000 + mi * 60000
        + floor((sec + frac) * 1000 + 0.5)::bigint
        - tz * 60000::bigint;
    IF ms NOT BETWEEN 0 AND 464269060799999 THEN -- SQLite's validJulianDay
        RETURN NULL;
    END IF;
    RETURN ms::double precision / 86400000::double precision;
END
$$;

-- The same computation by position for the stamps the Go code writes;
-- an SQL expression the planner inlines (every function in it must stay
-- IMMUTABLE for that: no text || integer). Up to 15 fraction digits the
-- digit-by-digit double is the exact integer, so one cast gives it, and
-- the powers of ten are exact doubles.
CREATE FUNCTION julianday(stamp text) RETURNS double precision
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN CASE
    WHEN stamp !~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}([.][0-9]{1,15})?(Z|[-+][0-9]{2}:[0-9]{2})$'
        THEN attache_julianday_parse(stamp)
    WHEN substr(stamp, 6, 2)::int NOT BETWEEN 1 AND 12 OR substr(stamp, 9, 2)::int NOT BETWEEN 1 AND 31
        OR substr(stamp, 12, 2)::int > 23 OR substr(stamp, 15, 2)::int > 59 OR substr(stamp, 18, 2)::int > 59
        OR (right(stamp, 1) <> 'Z' AND (substr(stamp, length(stamp) - 4, 2)::int > 14 OR right(stamp, 2)::int > 59))
        OR substr(stamp, 1, 4) = '9999' -- may pass SQLite's last day
        THEN attache_julianday_parse(stamp)
    ELSE (
        -- the day (Meeus, with January and February as months 13 and 14 of the year before)
        (36525 * (substr(stamp, 1, 4)::int - (substr(stamp, 6, 2)::int <= 2)::int + 4716) / 100
          + 306001 * (substr(stamp, 6, 2)::int + 12 * (substr(stamp, 6, 2)::int <= 2)::int + 1) / 10000
          + substr(stamp, 9, 2)::int + 38
          - (substr(stamp, 1, 4)::int - (substr(stamp, 6, 2)::int <= 2)::int + 4800) / 100
          + (substr(stamp, 1, 4)::int - (substr(stamp, 6, 2)::int <= 2)::int + 4800) / 100 / 4
         )::bigint * 86400000 - 131716800000
        -- the time of day
        + substr(stamp, 12, 2)::int * 3600000 + substr(stamp, 15, 2)::int * 60000
        + floor((substr(stamp, 18, 2)::int + CASE WHEN substr(stamp, 20, 1) = '.' THEN least(
                substr(stamp, 21, length(stamp) - CASE WHEN right(stamp, 1) = 'Z' THEN 21 ELSE 26 END)::bigint::double precision
                / ('{1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15}'::double precision[])
                    [length(stamp) - CASE WHEN right(stamp, 1) = 'Z' THEN 21 ELSE 26 END],
                0.999::double precision) ELSE 0 END) * 1000 + 0.5)::bigint
        -- the zone
        - CASE WHEN right(stamp, 1) = 'Z' THEN 0 ELSE
            (substr(stamp, length(stamp) - 4, 2)::int * 60 + right(stamp, 2)::int)
            * CASE substr(stamp, length(stamp) - 5, 1) WHEN '-' THEN -1 ELSE 1 END * 60000::bigint END
    )::double precision / 86400000::double precision
END;

-- Identity columns with SQLite's AUTOINCREMENT behaviour -------------------
--
-- An INSERT may name the id. SQLite then takes NULL as "the next number"
-- (blocks.go inserts (id, ...) VALUES (NULL, ...)), which an identity
-- column refuses; and an explicit id above the table's sequence moves
-- the sequence on (sqlite_sequence), where an identity column's sequence
-- stays behind and would hand the number out again. This BEFORE INSERT
-- trigger on every table with an id does both, so numbers are never
-- reused even after a copy that inserts explicit ids. (BEFORE row triggers
-- run before the NOT NULL check.) Unlike sqlite_sequence, a sequence is
-- not rolled back: a refused or rolled-back insert leaves a gap. And
-- unlike SQLite's plain INTEGER PRIMARY KEY (tags, snapshots, marking_log,
-- source_standings, source_checks), which hands the highest number out
-- again once its row is deleted, no number is ever reused here.
CREATE FUNCTION attache_next_id() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    seq regclass := pg_get_serial_sequence(format('%I.%I', TG_TABLE_SCHEMA, TG_TABLE_NAME), 'id')::regclass;
    last bigint;
BEGIN
    IF NEW.id IS NULL THEN
        NEW.id := nextval(seq);
    ELSIF NEW.id >= 1 THEN
        last := pg_sequence_last_value(seq); -- NULL before the first number
        IF last IS NULL OR NEW.id > last THEN
            PERFORM setval(seq, NEW.id);
        END IF;
    END IF;
    RETURN NEW;
END
$$;


-- Tables --------------------------------------------------------------------
-- In SQLite's column order (columns added by ALTER TABLE come last, as
-- there). Referenced tables come first: PostgreSQL checks a REFERENCES
-- clause when the table is made.

-- 007: each original file once, by the SHA-256 of its bytes.
CREATE TABLE files (
    sha256 text COLLATE "C" PRIMARY KEY CHECK (length(sha256) = 64),
    name   text COLLATE "C" NOT NULL DEFAULT '',
    size   bigint NOT NULL CHECK (size = length(data)),
    data   bytea NOT NULL
);

-- 007: a figure's PNG, once per SHA-256.
CREATE TABLE figure_images (
    sha256 text COLLATE "C" PRIMARY KEY CHECK (length(sha256) = 64),
    png    bytea NOT NULL
);

CREATE TABLE sources (
    id          bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    kind        text COLLATE "C" NOT NULL,
    title       text COLLATE "C" NOT NULL,
    subtitle    text COLLATE "C" NOT NULL DEFAULT '',
    section     text COLLATE "C" NOT NULL DEFAULT '',
    authors     text COLLATE "C" NOT NULL DEFAULT '[]' CHECK (json_valid(authors)),
    publisher   text COLLATE "C" NOT NULL DEFAULT '',
    published   text COLLATE "C" NOT NULL DEFAULT '',
    url         text COLLATE "C" NOT NULL DEFAULT '',
    accessed    text COLLATE "C" NOT NULL DEFAULT '',
    language    text COLLATE "C" NOT NULL DEFAULT '',
    sha256      text COLLATE "C" NOT NULL UNIQUE,
    file_name   text COLLATE "C" NOT NULL DEFAULT '',
    imported_at text COLLATE "C" NOT NULL,
    reliability text COLLATE "C" NOT NULL DEFAULT '' CHECK (reliability IN ('', 'A', 'B', 'C', 'D', 'E', 'F')),
    notes       text COLLATE "C" NOT NULL DEFAULT '',
    excerpt_count bigint NOT NULL DEFAULT 0, -- kept by the excerpts_count_* triggers
    trashed_at  text COLLATE "C",
    marking     text COLLATE "C" NOT NULL DEFAULT '',
    file_sha256 text COLLATE "C" REFERENCES files (sha256),
    location    bytea NOT NULL DEFAULT ''::bytea,
    previous_id bigint REFERENCES sources (id) ON DELETE SET NULL,
    standing    text COLLATE "C" NOT NULL DEFAULT '',
    standing_note text COLLATE "C" NOT NULL DEFAULT '',
    standing_at text COLLATE "C"
);
CREATE INDEX sources_imported ON sources (imported_at, id);
CREATE INDEX sources_title ON sources (lower(title), id); -- SQLite: title COLLATE NOCASE
CREATE INDEX sources_published ON sources (published, id);
CREATE INDEX sources_trashed ON sources (trashed_at) WHERE trashed_at IS NOT NULL;
CREATE INDEX sources_file ON sources (file_sha256) WHERE file_sha256 IS NOT NULL;
CREATE INDEX sources_previous ON sources (previous_id) WHERE previous_id IS NOT NULL;
CREATE INDEX sources_standing ON sources (standing) WHERE standing <> '';

-- The source's id, never a number of its own: SQLite's INTEGER PRIMARY
-- KEY here only names the row it belongs to, so no identity.
CREATE TABLE source_texts (
    source_id bigint PRIMARY KEY REFERENCES sources (id) ON DELETE CASCADE,
    text      text COLLATE "C" NOT NULL CHECK (length(text) > 0),
    pages     text COLLATE "C" NOT NULL DEFAULT '[]' CHECK (json_valid(pages)),
    text_map  bytea
);

CREATE TABLE tags (
    id   bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    name text COLLATE "C" NOT NULL UNIQUE
);

CREATE TABLE excerpts (
    id          bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    source_id   bigint NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
    start       bigint NOT NULL CHECK (start >= 0),
    "end"       bigint NOT NULL,
    quote       text COLLATE "C" NOT NULL,
    note        text COLLATE "C" NOT NULL DEFAULT '',
    credibility bigint NOT NULL DEFAULT 0 CHECK (credibility BETWEEN 0 AND 6),
    marking     text COLLATE "C" NOT NULL DEFAULT '',
    created_at  text COLLATE "C" NOT NULL,
    updated_at  text COLLATE "C" NOT NULL,
    trashed_at  text COLLATE "C",
    marking_reason text COLLATE "C" NOT NULL DEFAULT '',
    -- the figure, for a figure excerpt: all set, or all NULL
    figure_page    bigint CHECK (figure_page >= 1),
    figure_x0      double precision,
    figure_y0      double precision,
    figure_x1      double precision,
    figure_y1      double precision,
    figure_width   bigint,
    figure_height  bigint,
    figure_caption text COLLATE "C",
    figure_sha256  text COLLATE "C" REFERENCES figure_images (sha256),
    CHECK ("end" > start OR ("end" = start AND figure_page IS NOT NULL)),
    CHECK ((figure_page IS NULL) = (figure_sha256 IS NULL))
);
CREATE INDEX excerpts_source ON excerpts (source_id, start);
CREATE INDEX excerpts_trashed ON excerpts (trashed_at) WHERE trashed_at IS NOT NULL;
CREATE INDEX excerpts_figure ON excerpts (figure_sha256) WHERE figure_sha256 IS NOT NULL;

CREATE TABLE excerpt_tags (
    excerpt_id bigint NOT NULL REFERENCES excerpts (id) ON DELETE CASCADE,
    tag_id     bigint NOT NULL REFERENCES tags (id) ON DELETE CASCADE,
    PRIMARY KEY (excerpt_id, tag_id)
);
CREATE INDEX excerpt_tags_tag ON excerpt_tags (tag_id, excerpt_id);

CREATE TABLE briefings (
    id             bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    title          text COLLATE "C" NOT NULL,
    subtitle       text COLLATE "C" NOT NULL DEFAULT '',
    author         text COLLATE "C" NOT NULL DEFAULT '',
    audience       text COLLATE "C" NOT NULL DEFAULT '',
    date           text COLLATE "C" NOT NULL DEFAULT '',
    classification text COLLATE "C" NOT NULL DEFAULT '',
    status         text COLLATE "C" NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'review', 'final')),
    summary        text COLLATE "C" NOT NULL DEFAULT '',
    created_at     text COLLATE "C" NOT NULL,
    updated_at     text COLLATE "C" NOT NULL,
    trashed_at     text COLLATE "C",
    revision       bigint NOT NULL DEFAULT 1,
    scheme         text COLLATE "C" NOT NULL DEFAULT 'none',
    title_marking  text COLLATE "C" NOT NULL DEFAULT '',
    subtitle_marking text COLLATE "C" NOT NULL DEFAULT '',
    summary_marking text COLLATE "C" NOT NULL DEFAULT '',
    classified_by  text COLLATE "C" NOT NULL DEFAULT '',
    derived_from   text COLLATE "C" NOT NULL DEFAULT '',
    declassify_on  text COLLATE "C" NOT NULL DEFAULT '',
    include_notes  bigint NOT NULL DEFAULT 0, -- 0 or 1
    scale          text COLLATE "C" NOT NULL DEFAULT ''
);

-- Positions are renumbered 0..n-1 by every operation that changes order.
-- An excerpt used by a block cannot be deleted from under it (RESTRICT).
CREATE TABLE blocks (
    id          bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    briefing_id bigint NOT NULL REFERENCES briefings (id) ON DELETE CASCADE,
    position    bigint NOT NULL,
    type        text COLLATE "C" NOT NULL CHECK (type IN ('heading', 'excerpt', 'commentary', 'judgment')),
    text        text COLLATE "C" NOT NULL DEFAULT '',
    excerpt_id  bigint REFERENCES excerpts (id) ON DELETE RESTRICT,
    confidence  text COLLATE "C" NOT NULL DEFAULT '' CHECK (confidence IN ('', 'low', 'moderate', 'high')),
    marking     text COLLATE "C" NOT NULL DEFAULT '',
    CHECK ((type = 'excerpt') = (excerpt_id IS NOT NULL))
);
CREATE INDEX blocks_briefing ON blocks (briefing_id, position);
CREATE INDEX blocks_excerpt ON blocks (excerpt_id);

-- 008: a key judgment's evidence.
CREATE TABLE evidence (
    block_id   bigint NOT NULL REFERENCES blocks (id) ON DELETE CASCADE,
    excerpt_id bigint NOT NULL REFERENCES excerpts (id) ON DELETE RESTRICT,
    position   bigint NOT NULL,
    stance     text COLLATE "C" NOT NULL,
    note       text COLLATE "C" NOT NULL DEFAULT '',
    PRIMARY KEY (block_id, excerpt_id)
);
CREATE INDEX evidence_excerpt ON evidence (excerpt_id);

CREATE TABLE snapshots (
    id          bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    briefing_id bigint NOT NULL REFERENCES briefings (id) ON DELETE CASCADE,
    label       text COLLATE "C" NOT NULL DEFAULT '',
    created_at  text COLLATE "C" NOT NULL,
    data        text COLLATE "C" NOT NULL CHECK (json_valid(data))
);
CREATE INDEX snapshots_briefing ON snapshots (briefing_id, created_at);

-- 005: the library's random id, which its backups carry. 32 lowercase hex
-- digits as SQLite's lower(hex(randomblob(16))); gen_random_uuid() is in
-- core PostgreSQL (13+), where random bytes without pgcrypto are not (a v4
-- UUID: 122 of its 128 bits random).
CREATE TABLE library_meta (
    key   text COLLATE "C" PRIMARY KEY,
    value text COLLATE "C" NOT NULL
);
INSERT INTO library_meta (key, value) VALUES ('library_id', replace(gen_random_uuid()::text, '-', ''));

-- 006: each time an excerpt was marked below its source, with the reason.
CREATE TABLE marking_log (
    id             bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    excerpt_id     bigint NOT NULL REFERENCES excerpts (id) ON DELETE CASCADE,
    from_marking   text COLLATE "C" NOT NULL DEFAULT '',
    to_marking     text COLLATE "C" NOT NULL DEFAULT '',
    source_marking text COLLATE "C" NOT NULL DEFAULT '',
    reason         text COLLATE "C" NOT NULL,
    at             text COLLATE "C" NOT NULL
);
CREATE INDEX marking_log_excerpt ON marking_log (excerpt_id, id);

-- 008: every standing set, sound again included.
CREATE TABLE source_standings (
    id        bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    source_id bigint NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
    standing  text COLLATE "C" NOT NULL,
    note      text COLLATE "C" NOT NULL DEFAULT '',
    at        text COLLATE "C" NOT NULL
);
CREATE INDEX source_standings_source ON source_standings (source_id, id);

-- 008: each recheck of a source against where it came from.
CREATE TABLE source_checks (
    id          bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    source_id   bigint NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
    at          text COLLATE "C" NOT NULL,
    status      text COLLATE "C" NOT NULL,
    "where"     text COLLATE "C" NOT NULL DEFAULT '',
    http_status bigint NOT NULL DEFAULT 0,
    detail      text COLLATE "C" NOT NULL DEFAULT '',
    sha256      text COLLATE "C" NOT NULL DEFAULT '',
    quotes      text COLLATE "C" NOT NULL DEFAULT '[]' CHECK (json_valid(quotes))
);
CREATE INDEX source_checks_source ON source_checks (source_id, at, id);

-- 008: checker findings dismissed on a briefing, by the finding's key.
CREATE TABLE finding_dismissals (
    briefing_id bigint NOT NULL REFERENCES briefings (id) ON DELETE CASCADE,
    "key"       text COLLATE "C" NOT NULL,
    code        text COLLATE "C" NOT NULL DEFAULT '',
    words       text COLLATE "C" NOT NULL DEFAULT '',
    note        text COLLATE "C" NOT NULL DEFAULT '',
    at          text COLLATE "C" NOT NULL,
    PRIMARY KEY (briefing_id, "key")
);

-- The search index (SQLite: FTS5 search(title, body, meta)). One table
-- for everything, so results of all kinds rank against each other; rowid
-- = id * 4 + kind (1 source, 2 excerpt, 3 briefing), a column of that name
-- so the store's "DELETE FROM search WHERE rowid = ?" reads the same.
-- Weights: title A, meta B, body C; ts_rank with weights {D, C, B, A} =
-- {0.1, 0.25, 0.5, 1.0} gives FTS5's bm25(4.0, 1.0, 2.0) proportions.
-- The 'english' configuration stems with Snowball's English stemmer
-- (FTS5: the original Porter), drops stop words (FTS5 keeps every word)
-- and keeps diacritics (remove_diacritics would need the unaccent
-- extension): see README.md.
CREATE TABLE search (
    rowid bigint PRIMARY KEY,
    title text COLLATE "C" NOT NULL DEFAULT '',
    body  text COLLATE "C" NOT NULL DEFAULT '',
    meta  text COLLATE "C" NOT NULL DEFAULT '',
    tsv   tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('english', title), 'A') ||
        setweight(to_tsvector('english', meta), 'B') ||
        setweight(to_tsvector('english', body), 'C')) STORED
);
CREATE INDEX search_tsv ON search USING gin (tsv);

-- FTS5 takes NULL for a column as no text (the store's indexing selects
-- may give one); NOT NULL would refuse the whole row.
CREATE FUNCTION attache_search_nulls() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    NEW.title := coalesce(NEW.title, '');
    NEW.body := coalesce(NEW.body, '');
    NEW.meta := coalesce(NEW.meta, '');
    RETURN NEW;
END
$$;
CREATE TRIGGER search_nulls BEFORE INSERT OR UPDATE ON search
    FOR EACH ROW EXECUTE FUNCTION attache_search_nulls();

-- SQLite's sqlite_sequence, for the tables whose numbers are never
-- reused: the highest number each has handed out (no row before the
-- first). The store reads it (goneExcerpts: a number at or below the
-- excerpts' sequence that no excerpt has was deleted for good).
CREATE VIEW sqlite_sequence (name, seq) AS
    SELECT name, seq FROM (VALUES
        ('sources'::text, pg_sequence_last_value('sources_id_seq'::regclass)),
        ('excerpts', pg_sequence_last_value('excerpts_id_seq'::regclass)),
        ('briefings', pg_sequence_last_value('briefings_id_seq'::regclass)),
        ('blocks', pg_sequence_last_value('blocks_id_seq'::regclass))) AS s (name, seq)
    WHERE seq IS NOT NULL;


-- Triggers --------------------------------------------------------------------

CREATE TRIGGER sources_next_id BEFORE INSERT ON sources
    FOR EACH ROW EXECUTE FUNCTION attache_next_id();
CREATE TRIGGER tags_next_id BEFORE INSERT ON tags
    FOR EACH ROW EXECUTE FUNCTION attache_next_id();
CREATE TRIGGER excerpts_next_id BEFORE INSERT ON excerpts
    FOR EACH ROW EXECUTE FUNCTION attache_next_id();
CREATE TRIGGER briefings_next_id BEFORE INSERT ON briefings
    FOR EACH ROW EXECUTE FUNCTION attache_next_id();
CREATE TRIGGER blocks_next_id BEFORE INSERT ON blocks
    FOR EACH ROW EXECUTE FUNCTION attache_next_id();
CREATE TRIGGER snapshots_next_id BEFORE INSERT ON snapshots
    FOR EACH ROW EXECUTE FUNCTION attache_next_id();
CREATE TRIGGER marking_log_next_id BEFORE INSERT ON marking_log
    FOR EACH ROW EXECUTE FUNCTION attache_next_id();
CREATE TRIGGER source_standings_next_id BEFORE INSERT ON source_standings
    FOR EACH ROW EXECUTE FUNCTION attache_next_id();
CREATE TRIGGER source_checks_next_id BEFORE INSERT ON source_checks
    FOR EACH ROW EXECUTE FUNCTION attache_next_id();

-- 003: excerpt_count counts a source's excerpts in use, not those in the
-- trash.
CREATE FUNCTION attache_excerpts_count() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        UPDATE sources SET excerpt_count = excerpt_count + 1 WHERE id = NEW.source_id;
    ELSIF TG_OP = 'DELETE' THEN
        UPDATE sources SET excerpt_count = excerpt_count - 1 WHERE id = OLD.source_id;
    ELSE
        UPDATE sources SET excerpt_count = excerpt_count + CASE WHEN NEW.trashed_at IS NULL THEN 1 ELSE -1 END
            WHERE id = NEW.source_id;
    END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER excerpts_count_insert AFTER INSERT ON excerpts
    FOR EACH ROW WHEN (NEW.trashed_at IS NULL) EXECUTE FUNCTION attache_excerpts_count();
CREATE TRIGGER excerpts_count_delete AFTER DELETE ON excerpts
    FOR EACH ROW WHEN (OLD.trashed_at IS NULL) EXECUTE FUNCTION attache_excerpts_count();
CREATE TRIGGER excerpts_count_trash AFTER UPDATE OF trashed_at ON excerpts
    FOR EACH ROW WHEN ((OLD.trashed_at IS NULL) <> (NEW.trashed_at IS NULL))
    EXECUTE FUNCTION attache_excerpts_count();

-- 007: an image no excerpt shows any more goes with the last one (deleted
-- for good, or with its source).
CREATE FUNCTION attache_excerpts_figure_delete() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM figure_images WHERE sha256 = OLD.figure_sha256
        AND NOT EXISTS (SELECT 1 FROM excerpts WHERE figure_sha256 = OLD.figure_sha256);
    RETURN NULL;
END
$$;
CREATE TRIGGER excerpts_figure_delete AFTER DELETE ON excerpts
    FOR EACH ROW WHEN (OLD.figure_sha256 IS NOT NULL) EXECUTE FUNCTION attache_excerpts_figure_delete();

-- 007: a file goes when the last source naming it is deleted for good (a
-- source in the trash still names it).
CREATE FUNCTION attache_sources_file_delete() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM files WHERE sha256 = OLD.file_sha256
        AND NOT EXISTS (SELECT 1 FROM sources WHERE file_sha256 = OLD.file_sha256);
    RETURN NULL;
END
$$;
CREATE TRIGGER sources_file_delete AFTER DELETE ON sources
    FOR EACH ROW WHEN (OLD.file_sha256 IS NOT NULL) EXECUTE FUNCTION attache_sources_file_delete();

-- 004: whatever changes a briefing's blocks (the composer, the command
-- line, a forced delete of an excerpt they quote) moves the briefing's
-- revision on, once per block row inserted, deleted or changed. These
-- update revision alone, which does not fire briefings_revision (as in
-- SQLite, whose trigger is also UPDATE OF the other columns). A block
-- deleted with its briefing finds no briefing to bump, as in SQLite.
CREATE FUNCTION attache_blocks_revision() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        UPDATE briefings SET revision = revision + 1 WHERE id = NEW.briefing_id;
    ELSIF TG_OP = 'DELETE' THEN
        UPDATE briefings SET revision = revision + 1 WHERE id = OLD.briefing_id;
    ELSE
        UPDATE briefings SET revision = revision + 1 WHERE id IN (OLD.briefing_id, NEW.briefing_id);
    END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER blocks_revision_insert AFTER INSERT ON blocks
    FOR EACH ROW EXECUTE FUNCTION attache_blocks_revision();
CREATE TRIGGER blocks_revision_delete AFTER DELETE ON blocks
    FOR EACH ROW EXECUTE FUNCTION attache_blocks_revision();
CREATE TRIGGER blocks_revision_update AFTER UPDATE ON blocks
    FOR EACH ROW WHEN (OLD.position IS DISTINCT FROM NEW.position OR OLD.type IS DISTINCT FROM NEW.type
        OR OLD.text IS DISTINCT FROM NEW.text OR OLD.excerpt_id IS DISTINCT FROM NEW.excerpt_id
        OR OLD.confidence IS DISTINCT FROM NEW.confidence OR OLD.marking IS DISTINCT FROM NEW.marking
        OR OLD.briefing_id IS DISTINCT FROM NEW.briefing_id)
    EXECUTE FUNCTION attache_blocks_revision();

-- 008: a change of evidence is a change of the briefing. Links deleted
-- with their block (ON DELETE CASCADE) find no block and bump nothing;
-- the block's own delete bumps once, as in SQLite.
CREATE FUNCTION attache_evidence_revision() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        UPDATE briefings SET revision = revision + 1
            WHERE id = (SELECT briefing_id FROM blocks WHERE id = OLD.block_id);
    ELSE
        UPDATE briefings SET revision = revision + 1
            WHERE id = (SELECT briefing_id FROM blocks WHERE id = NEW.block_id);
    END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER evidence_revision_insert AFTER INSERT ON evidence
    FOR EACH ROW EXECUTE FUNCTION attache_evidence_revision();
CREATE TRIGGER evidence_revision_delete AFTER DELETE ON evidence
    FOR EACH ROW EXECUTE FUNCTION attache_evidence_revision();
CREATE TRIGGER evidence_revision_update AFTER UPDATE ON evidence
    FOR EACH ROW WHEN (OLD.position IS DISTINCT FROM NEW.position OR OLD.stance IS DISTINCT FROM NEW.stance
        OR OLD.note IS DISTINCT FROM NEW.note)
    EXECUTE FUNCTION attache_evidence_revision();

-- 004/006/008: an UPDATE naming any of the briefing's own fields moves
-- the revision on once, unless it sets the revision itself. As SQLite's
-- AFTER UPDATE OF trigger, it fires when a listed column is named in the
-- SET list, changed or not (the store's updateBriefingRow names them all
-- on every save, and SQLite bumps for each). SQLite updates the row again
-- from an AFTER trigger and relies on recursive_triggers being off; here
-- a BEFORE trigger sets the new row's revision, with the same result.
CREATE FUNCTION attache_briefings_revision() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    NEW.revision := NEW.revision + 1;
    RETURN NEW;
END
$$;
CREATE TRIGGER briefings_revision BEFORE UPDATE OF title, subtitle, author, audience, date,
    classification, status, summary, trashed_at, scheme, title_marking, subtitle_marking,
    summary_marking, classified_by, derived_from, declassify_on, include_notes, scale ON briefings
    FOR EACH ROW WHEN (OLD.revision = NEW.revision) EXECUTE FUNCTION attache_briefings_revision();
