-- Analytic integrity (#17): judgments tied to their evidence, the
-- estimative scale a briefing keeps to, sources whose text or standing
-- changed since import, and the checker's findings the analyst dismissed.
--
-- No table is rebuilt, so foreign keys stay on. Stances, standings and
-- statuses carry no CHECK: the domain validates them, and SQLite cannot
-- change a CHECK later without rebuilding the table (see 006).

-- A key judgment's evidence: excerpts that support it or cut against it,
-- in the order the analyst linked them. A link goes with its block; an
-- excerpt cannot be deleted from under a link (RESTRICT): the store asks
-- before removing links, as it does for excerpt blocks, and removes them
-- itself when told to.
CREATE TABLE evidence (
    block_id   INTEGER NOT NULL REFERENCES blocks (id) ON DELETE CASCADE,
    excerpt_id INTEGER NOT NULL REFERENCES excerpts (id) ON DELETE RESTRICT,
    position   INTEGER NOT NULL,
    stance     TEXT NOT NULL,
    note       TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (block_id, excerpt_id)
) WITHOUT ROWID;
CREATE INDEX evidence_excerpt ON evidence (excerpt_id);

-- A change of evidence is a change of the briefing: its revision moves, so
-- a save from an older copy is merged, as for the blocks (004).
CREATE TRIGGER evidence_revision_insert AFTER INSERT ON evidence BEGIN
    UPDATE briefings SET revision = revision + 1
        WHERE id = (SELECT briefing_id FROM blocks WHERE id = new.block_id);
END;
CREATE TRIGGER evidence_revision_delete AFTER DELETE ON evidence BEGIN
    UPDATE briefings SET revision = revision + 1
        WHERE id = (SELECT briefing_id FROM blocks WHERE id = old.block_id);
END;
CREATE TRIGGER evidence_revision_update AFTER UPDATE ON evidence
    WHEN old.position IS NOT new.position OR old.stance IS NOT new.stance OR old.note IS NOT new.note BEGIN
    UPDATE briefings SET revision = revision + 1
        WHERE id = (SELECT briefing_id FROM blocks WHERE id = new.block_id);
END;

-- The scale the briefing's likelihood words are held to ('' none).
ALTER TABLE briefings ADD COLUMN scale TEXT NOT NULL DEFAULT '';
DROP TRIGGER briefings_revision;
CREATE TRIGGER briefings_revision AFTER UPDATE OF title, subtitle, author, audience, date,
    classification, status, summary, trashed_at, scheme, title_marking, subtitle_marking,
    summary_marking, classified_by, derived_from, declassify_on, include_notes, scale ON briefings
    WHEN old.revision = new.revision BEGIN
    UPDATE briefings SET revision = revision + 1 WHERE id = new.id;
END;

-- Where a file source was read from, so a recheck can read it again; the
-- source a newer version was imported from (the older one deleted for
-- good leaves the newer standing alone); and the analyst's word on the
-- source since: retracted or discredited, why, and when.
ALTER TABLE sources ADD COLUMN location TEXT NOT NULL DEFAULT '';
ALTER TABLE sources ADD COLUMN previous_id INTEGER REFERENCES sources (id) ON DELETE SET NULL;
ALTER TABLE sources ADD COLUMN standing TEXT NOT NULL DEFAULT '';
ALTER TABLE sources ADD COLUMN standing_note TEXT NOT NULL DEFAULT '';
ALTER TABLE sources ADD COLUMN standing_at TEXT;
CREATE INDEX sources_previous ON sources (previous_id) WHERE previous_id IS NOT NULL;
CREATE INDEX sources_standing ON sources (standing) WHERE standing <> '';

-- Every standing set, sound again included, so a note is never lost.
CREATE TABLE source_standings (
    id        INTEGER PRIMARY KEY,
    source_id INTEGER NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
    standing  TEXT NOT NULL,
    note      TEXT NOT NULL DEFAULT '',
    at        TEXT NOT NULL
);
CREATE INDEX source_standings_source ON source_standings (source_id, id);

-- Each recheck of a source against where it came from. quotes is the
-- JSON list [{"excerpt": id, "state": "moved", "start": n, "end": n}] of
-- a changed source's quotes: read only with the check, never queried.
CREATE TABLE source_checks (
    id          INTEGER PRIMARY KEY,
    source_id   INTEGER NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
    at          TEXT NOT NULL,
    status      TEXT NOT NULL,
    "where"     TEXT NOT NULL DEFAULT '',
    http_status INTEGER NOT NULL DEFAULT 0,
    detail      TEXT NOT NULL DEFAULT '',
    sha256      TEXT NOT NULL DEFAULT '',
    quotes      TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(quotes))
);
CREATE INDEX source_checks_source ON source_checks (source_id, at, id);

-- Checker findings dismissed on a briefing, by the finding's key.
CREATE TABLE finding_dismissals (
    briefing_id INTEGER NOT NULL REFERENCES briefings (id) ON DELETE CASCADE,
    "key"       TEXT NOT NULL,
    code        TEXT NOT NULL DEFAULT '',
    words       TEXT NOT NULL DEFAULT '',
    note        TEXT NOT NULL DEFAULT '',
    at          TEXT NOT NULL,
    PRIMARY KEY (briefing_id, "key")
) WITHOUT ROWID;
