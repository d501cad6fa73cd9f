-- Excerpts and sources go to a trash before they are deleted for good, as
-- briefings do. A source's excerpts are trashed with it under the same
-- stamp, so restoring the source brings back exactly those, not excerpts
-- trashed on their own before it.
ALTER TABLE sources ADD COLUMN trashed_at TEXT;
ALTER TABLE excerpts ADD COLUMN trashed_at TEXT;
CREATE INDEX excerpts_trashed ON excerpts (trashed_at) WHERE trashed_at IS NOT NULL;
CREATE INDEX sources_trashed ON sources (trashed_at) WHERE trashed_at IS NOT NULL;

-- excerpt_count counts the excerpts in use, not those in the trash.
DROP TRIGGER excerpts_count_insert;
DROP TRIGGER excerpts_count_delete;
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
