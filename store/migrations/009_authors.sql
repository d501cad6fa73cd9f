-- Who added each source, who made and last changed each excerpt and
-- briefing, and who kept each version: a team library is written by many
-- analysts, and a single-file library by one whose name is kept too, so a
-- library copied to a server says who did what. Rows from before carry ''
-- (not known). The briefing's revision does not move for these columns:
-- they change only with a change that moves it already.
ALTER TABLE sources ADD COLUMN added_by TEXT NOT NULL DEFAULT '';
ALTER TABLE excerpts ADD COLUMN created_by TEXT NOT NULL DEFAULT '';
ALTER TABLE excerpts ADD COLUMN updated_by TEXT NOT NULL DEFAULT '';
ALTER TABLE briefings ADD COLUMN created_by TEXT NOT NULL DEFAULT '';
ALTER TABLE briefings ADD COLUMN updated_by TEXT NOT NULL DEFAULT '';
ALTER TABLE snapshots ADD COLUMN made_by TEXT NOT NULL DEFAULT '';
