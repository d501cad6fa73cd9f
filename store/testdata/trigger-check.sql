-- A side-by-side check of 001_init.sql against the SQLite library it
-- copies: portable SQL, run unchanged on a fresh SQLite library and on a
-- fresh PostgreSQL schema, printing "label|value" lines to compare. It
-- exercises every trigger (excerpt counts, figure and file clean-up,
-- briefing revisions from fields, blocks and evidence), the identity
-- columns, the CHECK and FOREIGN KEY constraints, julianday, json_valid
-- and text ordering. Not a migration: nothing runs it automatically.
--
--   sqlite3 side.db < <(cat ../migrations/*.sql)
--   sqlite3 -cmd 'PRAGMA foreign_keys = ON' side.db < trigger-check.sql > sqlite.out 2> sqlite.err
--   psql -qAt -v ON_ERROR_STOP=1 --single-transaction -f 001_init.sql   (an empty schema)
--   psql -qAt -f trigger-check.sql > pg.out 2> pg.err
--   diff sqlite.out pg.out
--
-- The statements refused on purpose (CHECK, FOREIGN KEY, RESTRICT) write
-- their errors to the .err files. Expected differences, all explained in
-- README.md: the tag reused after a delete (SQLite's plain INTEGER
-- PRIMARY KEY hands out the highest number again, an identity never does);
-- ids and the excerpts sequence after refused inserts (a PostgreSQL
-- sequence is not rolled back); the search row given NULL (FTS5 keeps
-- NULL, the table here ''). The julianday lines compare with the values of
-- SQLite 3.54.1, go-sqlite3 v1.14.53's: an older sqlite3 (3.40) rounds
-- .9995 s and up to the next second and prints 0 on "jd .9996",
-- "jd .9999999999" and "jd 9999" (and 0 for "json NULL", where 3.54.1
-- and PostgreSQL give NULL). A library made by running the migrations in
-- the sqlite3 shell lists blocks and briefings in sqlite_sequence at 0
-- before their first row; the view here lists a table from its first
-- number (the store reads a missing row as 0).

-- == Excerpt counts (excerpts_count_insert/_delete/_trash) ==
INSERT INTO sources (kind, title, sha256, imported_at) VALUES ('article', 'Source one', 'h1', '2026-01-01T00:00:00Z');
INSERT INTO source_texts (source_id, text) VALUES (1, 'The quick brown fox jumps over the lazy dog.');
SELECT 'new source', id, excerpt_count FROM sources;
INSERT INTO excerpts (source_id, start, "end", quote, created_at, updated_at) VALUES (1, 0, 9, 'The quick', 't', 't');
INSERT INTO excerpts (source_id, start, "end", quote, created_at, updated_at) VALUES (1, 10, 15, 'brown', 't', 't');
INSERT INTO excerpts (source_id, start, "end", quote, created_at, updated_at) VALUES (1, 16, 19, 'fox', 't', 't');
INSERT INTO excerpts (source_id, start, "end", quote, created_at, updated_at, trashed_at) VALUES (1, 20, 25, 'jumps', 't', 't', '2026-01-01T00:00:01Z');
SELECT 'after 3 live + 1 trashed insert', excerpt_count FROM sources WHERE id = 1;
UPDATE excerpts SET trashed_at = '2026-01-02T00:00:00Z' WHERE id = 2;
SELECT 'after trashing excerpt 2', excerpt_count FROM sources WHERE id = 1;
UPDATE excerpts SET trashed_at = '2026-01-03T00:00:00Z' WHERE id = 2;
SELECT 'after re-stamping trashed excerpt 2', excerpt_count FROM sources WHERE id = 1;
UPDATE excerpts SET note = 'n' WHERE id = 1;
SELECT 'after note change', excerpt_count FROM sources WHERE id = 1;
UPDATE excerpts SET trashed_at = NULL WHERE id = 2;
SELECT 'after restoring excerpt 2', excerpt_count FROM sources WHERE id = 1;
DELETE FROM excerpts WHERE id = 4;
SELECT 'after deleting trashed excerpt 4', excerpt_count FROM sources WHERE id = 1;
DELETE FROM excerpts WHERE id = 3;
SELECT 'after deleting live excerpt 3', excerpt_count FROM sources WHERE id = 1;
UPDATE excerpts SET trashed_at = '2026-01-04T00:00:00Z' WHERE source_id = 1 AND trashed_at IS NULL;
SELECT 'after trashing all (source trash)', excerpt_count FROM sources WHERE id = 1;
UPDATE excerpts SET trashed_at = NULL WHERE source_id = 1 AND trashed_at = '2026-01-04T00:00:00Z';
SELECT 'after restoring all', excerpt_count FROM sources WHERE id = 1;

-- == AUTOINCREMENT: explicit ids, NULL ids, numbers never reused ==
INSERT INTO excerpts (id, source_id, start, "end", quote, created_at, updated_at) VALUES (100, 1, 0, 3, 'The', 't', 't');
INSERT INTO excerpts (source_id, start, "end", quote, created_at, updated_at) VALUES (1, 4, 9, 'quick', 't', 't');
INSERT INTO excerpts (id, source_id, start, "end", quote, created_at, updated_at) VALUES (NULL, 1, 4, 9, 'quick', 't', 't');
SELECT 'ids after explicit 100, default, NULL', id FROM excerpts ORDER BY id;
DELETE FROM excerpts WHERE id IN (101, 102);
INSERT INTO excerpts (source_id, start, "end", quote, created_at, updated_at) VALUES (1, 4, 9, 'quick', 't', 't');
SELECT 'id after deleting the highest two', max(id) FROM excerpts;
INSERT INTO excerpts (id, source_id, start, "end", quote, created_at, updated_at) VALUES (50, 1, 0, 3, 'The', 't', 't');
INSERT INTO excerpts (source_id, start, "end", quote, created_at, updated_at) VALUES (1, 4, 9, 'quick', 't', 't');
SELECT 'id after explicit 50 below the sequence', max(id) FROM excerpts;
SELECT 'excerpt_count', excerpt_count FROM sources WHERE id = 1;
DELETE FROM excerpts WHERE id >= 50;
SELECT 'sqlite_sequence', name, seq FROM sqlite_sequence ORDER BY name;

-- == Plain INTEGER PRIMARY KEY (tags): SQLite reuses the highest number, identity does not ==
INSERT INTO tags (name) VALUES ('a');
INSERT INTO tags (name) VALUES ('b');
DELETE FROM tags WHERE name = 'b';
INSERT INTO tags (name) VALUES ('c');
SELECT 'tags', id, name FROM tags ORDER BY id;
INSERT INTO excerpt_tags (excerpt_id, tag_id) VALUES (1, 1);
DELETE FROM tags WHERE name = 'a';
SELECT 'excerpt_tags after tag delete (cascade)', count(*) FROM excerpt_tags;

-- == Figures (excerpts_figure_delete) ==
INSERT INTO figure_images (sha256, png) VALUES ('aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', 'PNG');
INSERT INTO excerpts (id, source_id, start, "end", quote, created_at, updated_at, figure_page, figure_sha256) VALUES (200, 1, 5, 5, '', 't', 't', 1, 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa');
INSERT INTO excerpts (id, source_id, start, "end", quote, created_at, updated_at, figure_page, figure_sha256) VALUES (201, 1, 6, 6, '', 't', 't', 2, 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa');
INSERT INTO excerpts (id, source_id, start, "end", quote, created_at, updated_at) VALUES (202, 1, 6, 6, '', 't', 't');
UPDATE excerpts SET trashed_at = 'x' WHERE id = 200;
DELETE FROM excerpts WHERE id = 200;
SELECT 'images after deleting 1 of 2 figure excerpts', count(*) FROM figure_images;
DELETE FROM excerpts WHERE id = 201;
SELECT 'images after deleting the last', count(*) FROM figure_images;
SELECT 'excerpt_count', excerpt_count FROM sources WHERE id = 1;

-- == Original files (sources_file_delete), previous_id SET NULL ==
INSERT INTO files (sha256, name, size, data) VALUES ('ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff', 'a.pdf', 3, 'abc');
INSERT INTO files (sha256, name, size, data) VALUES ('eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee', 'b.pdf', 4, 'abc');
INSERT INTO sources (kind, title, sha256, imported_at, file_sha256) VALUES ('article', 'Two', 'h2', 't', 'ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff');
INSERT INTO sources (kind, title, sha256, imported_at, file_sha256, previous_id) VALUES ('article', 'Three', 'h3', 't', 'ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff', 2);
UPDATE sources SET trashed_at = 'x' WHERE id = 2;
DELETE FROM sources WHERE id = 2;
SELECT 'files after deleting 1 of 2 sources; previous_id', (SELECT count(*) FROM files), previous_id FROM sources WHERE id = 3;
DELETE FROM sources WHERE id = 3;
SELECT 'files after deleting the last', count(*) FROM files;
DELETE FROM files;
SELECT 'sources', id, excerpt_count FROM sources ORDER BY id;

-- == Briefing revision (briefings_revision) ==
INSERT INTO briefings (title, created_at, updated_at) VALUES ('B1', 't', 't');
INSERT INTO briefings (title, created_at, updated_at) VALUES ('B2', 't', 't');
SELECT 'new briefings', id, revision FROM briefings ORDER BY id;
UPDATE briefings SET title = 'B1 renamed' WHERE id = 1;
SELECT 'field changed', revision FROM briefings WHERE id = 1;
UPDATE briefings SET title = title WHERE id = 1;
SELECT 'field named but unchanged', revision FROM briefings WHERE id = 1;
UPDATE briefings SET updated_at = 'u' WHERE id = 1;
SELECT 'updated_at only', revision FROM briefings WHERE id = 1;
UPDATE briefings SET title = 'B1 again', summary = 's', status = 'review', scale = 'x' WHERE id = 1;
SELECT 'four fields at once', revision FROM briefings WHERE id = 1;
UPDATE briefings SET title = 'B1 set', revision = 10 WHERE id = 1;
SELECT 'field + explicit revision 10', revision FROM briefings WHERE id = 1;
UPDATE briefings SET title = 'B1 set2', revision = 10 WHERE id = 1;
SELECT 'field + revision set to its own value', revision FROM briefings WHERE id = 1;
UPDATE briefings SET revision = revision + 5 WHERE id = 1;
SELECT 'revision only +5', revision FROM briefings WHERE id = 1;
UPDATE briefings SET include_notes = 1 WHERE id = 1;
SELECT 'include_notes', revision FROM briefings WHERE id = 1;
UPDATE briefings SET trashed_at = 'x' WHERE id = 2;
UPDATE briefings SET trashed_at = NULL WHERE id = 2;
SELECT 'trash + restore B2', revision FROM briefings WHERE id = 2;
UPDATE briefings SET status = 'final';
SELECT 'multi-row update', id, revision FROM briefings ORDER BY id;
UPDATE briefings SET status = 'bogus' WHERE id = 1;
SELECT 'after refused update', revision FROM briefings WHERE id = 1;

-- == Blocks (blocks_revision_*) ==
INSERT INTO blocks (briefing_id, position, type, text) VALUES (1, 0, 'heading', 'H');
SELECT 'block insert', revision FROM briefings WHERE id = 1;
INSERT INTO blocks (id, briefing_id, position, type, text) VALUES (NULL, 1, 1, 'judgment', 'J');
SELECT 'block insert with id NULL', revision FROM briefings WHERE id = 1;
INSERT INTO blocks (briefing_id, position, type, excerpt_id) VALUES (1, 2, 'excerpt', 1);
INSERT INTO blocks (briefing_id, position, type, text) VALUES (1, 3, 'commentary', 'C');
SELECT 'two more blocks', revision FROM briefings WHERE id = 1;
SELECT 'block ids', id, position FROM blocks ORDER BY id;
UPDATE blocks SET position = position, text = text WHERE id = 1;
SELECT 'block update, nothing changed', revision FROM briefings WHERE id = 1;
UPDATE blocks SET text = 'H2' WHERE id = 1;
SELECT 'block text changed', revision FROM briefings WHERE id = 1;
UPDATE blocks SET position = 3 - position WHERE briefing_id = 1;
SELECT 'renumber 4 blocks', revision FROM briefings WHERE id = 1;
UPDATE blocks SET confidence = 'high' WHERE id = 2;
SELECT 'confidence', revision FROM briefings WHERE id = 1;
UPDATE blocks SET marking = 'S' WHERE id = 3;
SELECT 'marking', revision FROM briefings WHERE id = 1;
UPDATE blocks SET type = 'excerpt' WHERE id = 4;
SELECT 'refused block update (CHECK)', revision FROM briefings WHERE id = 1;
UPDATE blocks SET briefing_id = 2 WHERE id = 4;
SELECT 'block moved to B2', id, revision FROM briefings ORDER BY id;
DELETE FROM blocks WHERE id = 4;
SELECT 'block deleted from B2', id, revision FROM briefings ORDER BY id;

-- == Evidence (evidence_revision_*) ==
INSERT INTO evidence (block_id, excerpt_id, position, stance) VALUES (2, 1, 0, 'supports');
SELECT 'evidence insert', revision FROM briefings WHERE id = 1;
INSERT INTO evidence (block_id, excerpt_id, position, stance) VALUES (2, 2, 1, 'supports');
SELECT 'evidence insert 2', revision FROM briefings WHERE id = 1;
UPDATE evidence SET stance = 'supports' WHERE block_id = 2;
SELECT 'evidence update, nothing changed', revision FROM briefings WHERE id = 1;
UPDATE evidence SET stance = 'weakens' WHERE block_id = 2 AND excerpt_id = 1;
SELECT 'evidence stance changed', revision FROM briefings WHERE id = 1;
UPDATE evidence SET position = 1 - position, note = 'n' WHERE block_id = 2;
SELECT 'evidence reorder (2 rows)', revision FROM briefings WHERE id = 1;
DELETE FROM evidence WHERE block_id = 2 AND excerpt_id = 2;
SELECT 'evidence delete', revision FROM briefings WHERE id = 1;
DELETE FROM excerpts WHERE id = 1;
SELECT 'refused excerpt delete (RESTRICT), excerpt still there', count(*) FROM excerpts WHERE id = 1;
DELETE FROM blocks WHERE id = 2;
SELECT 'block with 1 evidence link deleted (cascade)', revision, (SELECT count(*) FROM evidence) FROM briefings WHERE id = 1;
INSERT INTO evidence (block_id, excerpt_id, position, stance) VALUES (1, 1, 0, 'supports');
INSERT INTO evidence (block_id, excerpt_id, position, stance) VALUES (1, 2, 1, 'supports');
INSERT INTO evidence (block_id, excerpt_id, position, stance) VALUES (3, 2, 0, 'supports');
SELECT '3 links added', revision FROM briefings WHERE id = 1;
DELETE FROM blocks WHERE briefing_id = 1 AND id NOT IN (3);
SELECT 'delete blocks but 3 (one with 2 links)', revision, (SELECT count(*) FROM evidence) FROM briefings WHERE id = 1;
DELETE FROM evidence WHERE excerpt_id = 2;
SELECT 'delete links by excerpt', revision FROM briefings WHERE id = 1;

-- == Deleting a briefing cascades to blocks, snapshots, dismissals ==
INSERT INTO snapshots (briefing_id, created_at, data) VALUES (1, 't', '{"blocks": []}');
INSERT INTO finding_dismissals (briefing_id, "key", at) VALUES (1, 'k', 't');
INSERT INTO evidence (block_id, excerpt_id, position, stance) VALUES (3, 2, 0, 'supports');
DELETE FROM briefings WHERE id = 1;
SELECT 'after deleting B1', (SELECT count(*) FROM blocks), (SELECT count(*) FROM evidence), (SELECT count(*) FROM snapshots), (SELECT count(*) FROM finding_dismissals);
SELECT 'briefings left', id, revision FROM briefings ORDER BY id;
SELECT 'sqlite_sequence', name, seq FROM sqlite_sequence ORDER BY name;

-- == CHECK constraints ==
INSERT INTO sources (kind, title, sha256, imported_at, authors) VALUES ('article', 'Bad', 'h9', 't', '["a",]');
INSERT INTO sources (kind, title, sha256, imported_at, authors) VALUES ('article', 'Good', 'h10', 't', '["a\u0000b", 1.5e300, {"k": null}]');
INSERT INTO sources (kind, title, sha256, imported_at, reliability) VALUES ('article', 'Bad', 'h11', 't', 'G');
INSERT INTO source_checks (source_id, at, status, quotes) VALUES (1, 't', 'changed', '');
INSERT INTO source_checks (source_id, at, status, quotes) VALUES (1, 't', 'changed', ' [ ] ');
INSERT INTO source_texts (source_id, text) VALUES (10, '');
INSERT INTO excerpts (source_id, start, "end", quote, created_at, updated_at) VALUES (1, 5, 5, '', 't', 't');
INSERT INTO excerpts (source_id, start, "end", quote, created_at, updated_at) VALUES (1, -1, 5, '', 't', 't');
INSERT INTO excerpts (source_id, start, "end", quote, created_at, updated_at, credibility) VALUES (1, 1, 5, '', 't', 't', 7);
INSERT INTO excerpts (source_id, start, "end", quote, created_at, updated_at, figure_page) VALUES (1, 1, 5, '', 't', 't', 1);
INSERT INTO blocks (briefing_id, position, type, text, confidence) VALUES (2, 0, 'heading', '', 'certain');
INSERT INTO blocks (briefing_id, position, type, text) VALUES (2, 0, 'quote', '');
INSERT INTO blocks (briefing_id, position, type, text) VALUES (99, 0, 'heading', '');
INSERT INTO files (sha256, name, size, data) VALUES ('abc', 'a.pdf', 3, 'abc');
INSERT INTO snapshots (briefing_id, created_at, data) VALUES (2, 't', '{"a": 1');
SELECT 'sources', id, title, excerpt_count FROM sources ORDER BY id;
SELECT 'source_checks', id, quotes FROM source_checks ORDER BY id;

-- == Search index ==
INSERT INTO search (rowid, title, body, meta) VALUES (5, 'Source one', NULL, '');
INSERT INTO search (rowid, title, body, meta) VALUES (5, 'again', 'x', 'y');
SELECT 'search', rowid, title, body, meta FROM search;
DELETE FROM search WHERE rowid = 5;
SELECT 'search after delete', count(*) FROM search;

-- == julianday ==
SELECT 'jd Z = 2.4610426278414354e+06', CASE WHEN julianday('2026-01-02T03:04:05.5Z') = 2.4610426278414354e+06 THEN 1 ELSE 0 END;
SELECT 'jd +00:00 = 2.4610426278414354e+06', CASE WHEN julianday('2026-01-02T03:04:05.5+00:00') = 2.4610426278414354e+06 THEN 1 ELSE 0 END;
SELECT 'jd whole = 2.461042627835648e+06', CASE WHEN julianday('2026-01-02T03:04:05Z') = 2.461042627835648e+06 THEN 1 ELSE 0 END;
SELECT 'jd ns = 2.4613792806611457e+06', CASE WHEN julianday('2026-12-04T18:44:09.123456789Z') = 2.4613792806611457e+06 THEN 1 ELSE 0 END;
SELECT 'jd .0004999 = 2.461379280659722e+06', CASE WHEN julianday('2026-12-04T18:44:09.0004999Z') = 2.461379280659722e+06 THEN 1 ELSE 0 END;
SELECT 'jd .0005 = 2.461379280659734e+06', CASE WHEN julianday('2026-12-04T18:44:09.0005Z') = 2.461379280659734e+06 THEN 1 ELSE 0 END;
SELECT 'jd .9996 = 2.4613792812499884e+06', CASE WHEN julianday('2026-12-04T18:44:59.9996Z') = 2.4613792812499884e+06 THEN 1 ELSE 0 END;
SELECT 'jd .9999999999 = 2.4613794999999884e+06', CASE WHEN julianday('2026-12-04T23:59:59.9999999999Z') = 2.4613794999999884e+06 THEN 1 ELSE 0 END;
SELECT 'jd 30 digits = 2.4613792806611457e+06', CASE WHEN julianday('2026-12-04T18:44:09.123456789012345678901234567891Z') = 2.4613792806611457e+06 THEN 1 ELSE 0 END;
SELECT 'jd offset = 2.4613795098292823e+06', CASE WHEN julianday('2026-12-04T18:44:09.25-05:30') = 2.4613795098292823e+06 THEN 1 ELSE 0 END;
SELECT 'jd date only = 2.4613785e+06', CASE WHEN julianday('2026-12-04') = 2.4613785e+06 THEN 1 ELSE 0 END;
SELECT 'jd no zone = 2.461379280662616e+06', CASE WHEN julianday('2026-12-04T18:44:09.25') = 2.461379280662616e+06 THEN 1 ELSE 0 END;
SELECT 'jd space = 2.4613792805555556e+06', CASE WHEN julianday('2026-12-04 18:44') = 2.4613792805555556e+06 THEN 1 ELSE 0 END;
SELECT 'jd 24:00 = 2.4614065e+06', CASE WHEN julianday('2026-12-31T24:00:00Z') = 2.4614065e+06 THEN 1 ELSE 0 END;
SELECT 'jd feb 30 = 2.4611015e+06', CASE WHEN julianday('2026-02-30T00:00:00Z') = 2.4611015e+06 THEN 1 ELSE 0 END;
SELECT 'jd 1970 = 2.4405875e+06', CASE WHEN julianday('1970-01-01T00:00:00Z') = 2.4405875e+06 THEN 1 ELSE 0 END;
SELECT 'jd 0001 = 1.7214255000000116e+06', CASE WHEN julianday('0001-01-01T00:00:00.001Z') = 1.7214255000000116e+06 THEN 1 ELSE 0 END;
SELECT 'jd 9999 = 5.373484499999989e+06', CASE WHEN julianday('9999-12-31T23:59:59.999999999Z') = 5.373484499999989e+06 THEN 1 ELSE 0 END;
SELECT 'jd -4713 = 0', CASE WHEN julianday('-4713-11-24T12:00:00Z') = 0 THEN 1 ELSE 0 END;
SELECT 'jd lower z is NULL', CASE WHEN julianday('2026-01-02t03:04:05z') IS NULL THEN 1 ELSE 0 END;
SELECT 'jd bad month is NULL', CASE WHEN julianday('2026-13-02T03:04:05Z') IS NULL THEN 1 ELSE 0 END;
SELECT 'jd bad is NULL', CASE WHEN julianday('yesterday') IS NULL THEN 1 ELSE 0 END;
SELECT 'jd NULL is NULL', CASE WHEN julianday(NULL) IS NULL THEN 1 ELSE 0 END;
SELECT 'jd order (stamps dropping trailing zeros)', CASE WHEN julianday('2026-01-02T03:04:05.5Z') > julianday('2026-01-02T03:04:05Z') THEN 1 ELSE 0 END, CASE WHEN '2026-01-02T03:04:05.5Z' > '2026-01-02T03:04:05Z' THEN 1 ELSE 0 END;
SELECT 'jd sub-ms equal', CASE WHEN julianday('2026-01-02T03:04:05.1231Z') = julianday('2026-01-02T03:04:05.1234Z') THEN 1 ELSE 0 END;

-- == Text ordering and case folding ==
INSERT INTO sources (kind, title, sha256, imported_at) VALUES ('a', 'apple', 'ord1', 't');
INSERT INTO sources (kind, title, sha256, imported_at) VALUES ('a', 'Banana', 'ord2', 't');
INSERT INTO sources (kind, title, sha256, imported_at) VALUES ('a', 'éclair', 'ord3', 't');
INSERT INTO sources (kind, title, sha256, imported_at) VALUES ('a', 'Zebra', 'ord4', 't');
INSERT INTO sources (kind, title, sha256, imported_at) VALUES ('a', '_under', 'ord5', 't');
INSERT INTO sources (kind, title, sha256, imported_at) VALUES ('a', 'Apple', 'ord6', 't');
INSERT INTO sources (kind, title, sha256, imported_at) VALUES ('a', 'Éclair', 'ord7', 't');
INSERT INTO sources (kind, title, sha256, imported_at) VALUES ('a', 'a b', 'ord8', 't');
INSERT INTO sources (kind, title, sha256, imported_at) VALUES ('a', 'ab', 'ord9', 't');
SELECT 'binary order', title FROM sources ORDER BY title, id;
SELECT 'lower() order', title FROM sources ORDER BY lower(title), id;
SELECT 'lower() values', lower(title) FROM sources ORDER BY id;
SELECT 'equal ignoring ASCII case', count(*) FROM sources WHERE lower(title) = lower('APPLE');
SELECT 'equal ignoring ASCII case (accented)', count(*) FROM sources WHERE lower(title) = lower('ÉCLAIR');
SELECT 'stamp order as text', v FROM (SELECT '2026-01-02T03:04:05Z' AS v UNION ALL SELECT '2026-01-02T03:04:05.5Z' UNION ALL SELECT '2026-01-02T03:04:05.05Z') x ORDER BY v;
-- == JSON validity edges ==
SELECT 'json lone surrogate', CASE WHEN json_valid('["\ud800"]') THEN 1 WHEN json_valid('["\ud800"]') IS NULL THEN NULL ELSE 0 END;
SELECT 'json pair', CASE WHEN json_valid('["\ud83d\ude00"]') THEN 1 WHEN json_valid('["\ud83d\ude00"]') IS NULL THEN NULL ELSE 0 END;
SELECT 'json NUL escape', CASE WHEN json_valid('["\u0000"]') THEN 1 WHEN json_valid('["\u0000"]') IS NULL THEN NULL ELSE 0 END;
SELECT 'json empty', CASE WHEN json_valid('') THEN 1 WHEN json_valid('') IS NULL THEN NULL ELSE 0 END;
SELECT 'json NaN', CASE WHEN json_valid('[NaN]') THEN 1 WHEN json_valid('[NaN]') IS NULL THEN NULL ELSE 0 END;
SELECT 'json trailing comma', CASE WHEN json_valid('[1,]') THEN 1 WHEN json_valid('[1,]') IS NULL THEN NULL ELSE 0 END;
SELECT 'json single quotes', CASE WHEN json_valid('[''a'']') THEN 1 WHEN json_valid('[''a'']') IS NULL THEN NULL ELSE 0 END;
SELECT 'json number forms', CASE WHEN json_valid('[1e5, -0, 0.5, 1E+2]') THEN 1 WHEN json_valid('[1e5, -0, 0.5, 1E+2]') IS NULL THEN NULL ELSE 0 END;
SELECT 'json leading zero', CASE WHEN json_valid('[01]') THEN 1 WHEN json_valid('[01]') IS NULL THEN NULL ELSE 0 END;
SELECT 'json hex', CASE WHEN json_valid('[0x10]') THEN 1 WHEN json_valid('[0x10]') IS NULL THEN NULL ELSE 0 END;
SELECT 'json comment', CASE WHEN json_valid('[1] /* c */') THEN 1 WHEN json_valid('[1] /* c */') IS NULL THEN NULL ELSE 0 END;
SELECT 'json control char in string', CASE WHEN json_valid('["a	b"]') THEN 1 WHEN json_valid('["a	b"]') IS NULL THEN NULL ELSE 0 END;
SELECT 'json NULL', CASE WHEN json_valid(NULL) THEN 1 WHEN json_valid(NULL) IS NULL THEN NULL ELSE 0 END;
