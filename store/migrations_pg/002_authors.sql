-- Who added each source, who made and last changed each excerpt and
-- briefing, and who kept each version (SQLite's migration 009). Rows from
-- before carry '' (not known). The revision trigger names its columns, so
-- these do not move a briefing's revision.
ALTER TABLE sources ADD COLUMN added_by text COLLATE "C" NOT NULL DEFAULT '';
ALTER TABLE excerpts ADD COLUMN created_by text COLLATE "C" NOT NULL DEFAULT '';
ALTER TABLE excerpts ADD COLUMN updated_by text COLLATE "C" NOT NULL DEFAULT '';
ALTER TABLE briefings ADD COLUMN created_by text COLLATE "C" NOT NULL DEFAULT '';
ALTER TABLE briefings ADD COLUMN updated_by text COLLATE "C" NOT NULL DEFAULT '';
ALTER TABLE snapshots ADD COLUMN made_by text COLLATE "C" NOT NULL DEFAULT '';
