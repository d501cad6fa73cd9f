-- Every library gets a random id, so its automatic backups can be told from
-- another library's: by name alone, a library renamed or copied into the
-- place of another was offered, and restored from, the other's backups.
-- A copy of the file (a backup, a restore) keeps the id: it is the same
-- library.
CREATE TABLE library_meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
INSERT INTO library_meta (key, value) VALUES ('library_id', lower(hex(randomblob(16))));
