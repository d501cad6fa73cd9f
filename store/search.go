package store

import (
	"context"
	"strings"
	"unicode"

	"github.com/attache/attache/domain"
)

// Row ids in the search index: id*4 + kind.
const (
	rowSource   = 1
	rowExcerpt  = 2
	rowBriefing = 3
)

// Markers the snippet function puts around matches. They are private-use
// characters, which imported text does not contain in practice, and are
// turned into Highlights before a hit leaves the store.
const (
	markOpen  = "\uE000"
	markClose = "\uE001"
)

func reindex(ctx context.Context, tx *Tx, rowid int64, selectRow string, id int64) error {
	if _, err := tx.ExecContext(ctx, `DELETE FROM search WHERE rowid = ?`, rowid); err != nil {
		return dbError("update search index", err)
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO search (rowid, title, body, meta) `+selectRow, rowid, id); err != nil {
		return dbError("update search index", err)
	}
	return nil
}

// indexSource and indexExcerpt leave what is in the trash out of the index,
// so search never finds it; restoring indexes it again.
func indexSource(ctx context.Context, tx *Tx, id int64) error {
	return reindex(ctx, tx, id*4+rowSource, `SELECT CAST(? AS BIGINT), title || ' ' || subtitle,
		(SELECT text FROM source_texts WHERE source_id = sources.id),
		concat_ws(' ', (SELECT group_concat(value, ' ') FROM json_each(authors)),
		nullif(publisher, ''), nullif(section, ''), nullif(notes, ''), nullif(file_name, '')) FROM sources
		WHERE id = ? AND trashed_at IS NULL`, id)
}

func indexExcerpt(ctx context.Context, tx *Tx, id int64) error {
	// A figure is found by its caption as well as by the text inside it.
	return reindex(ctx, tx, id*4+rowExcerpt, `SELECT CAST(? AS BIGINT), s.title, concat_ws(' ', e.quote, e.figure_caption),
		concat_ws(' ', nullif(e.note, ''), (SELECT group_concat(t.name, ' ') FROM excerpt_tags et
		JOIN tags t ON t.id = et.tag_id WHERE et.excerpt_id = e.id))
		FROM excerpts e JOIN sources s ON s.id = e.source_id WHERE e.id = ? AND e.trashed_at IS NULL`, id)
}

// indexBriefing indexes the briefing's own words: its metadata, summary and
// the text of its headings, commentary and judgments. Quotes are found
// through their excerpts.
func indexBriefing(ctx context.Context, tx *Tx, id int64) error {
	return reindex(ctx, tx, id*4+rowBriefing, `SELECT CAST(? AS BIGINT), title || ' ' || subtitle,
		concat_ws(' ', nullif(summary, ''), (SELECT group_concat(text, ' ') FROM
		(SELECT text FROM blocks WHERE briefing_id = b.id ORDER BY position) AS t)),
		concat_ws(' ', nullif(author, ''), nullif(audience, ''),
		nullif(classification, '')) FROM briefings b WHERE id = ?`, id)
}

func reindexBriefings(ctx context.Context, tx *Tx, refs []domain.BriefingRef) error {
	for _, r := range refs {
		if err := indexBriefing(ctx, tx, r.ID); err != nil {
			return err
		}
	}
	return nil
}

// rankedMatches bounds how many matches are ranked. FTS5 scores every match
// before it can return the best 50, about 1.5 µs each: a word in half of
// 100,000 excerpts took 60 ms. Beyond this many matches only the newest
// (highest rowid, which FTS5 finds cheaply) are ranked, which keeps every
// search within a few milliseconds; a query that common is refined anyway.
const rankedMatches = 500

// hitTitle is the title of the source, excerpt or briefing of hit h.
const hitTitle = `CASE h.rowid % 4
			WHEN 1 THEN (SELECT title FROM sources WHERE id = h.rowid / 4)
			WHEN 2 THEN (SELECT s.title FROM excerpts e JOIN sources s ON s.id = e.source_id WHERE e.id = h.rowid / 4)
			ELSE (SELECT title FROM briefings WHERE id = h.rowid / 4) END`

// pgSearch is Search's query on PostgreSQL, shaped for its planner: the
// newest rankedMatches matches are taken first from the index by rowid,
// then filtered, ranked and cut to ?2, and only those few get a snippet
// (ts_headline reads the whole text). Filtering inside the window made
// the planner expect a few hundred rows and fetch every match instead:
// 48,000 rows for a common word, 100 ms.
func pgSearch(kinds string) string {
	d := postgresDialect
	return `SELECT h.rowid, h.score, ` + d.snippet("?1") + `, ` + hitTitle + `
		FROM (SELECT s.rowid, ` + d.rank("?1") + ` AS score, s.body, s.meta
			FROM (SELECT rowid FROM search WHERE ` + d.match("?1") + ` ORDER BY rowid DESC LIMIT ?3 + 1) w
			JOIN search s ON s.rowid = w.rowid
			WHERE s.rowid % 4 IN (` + kinds + `)
			AND s.rowid NOT IN (SELECT id * 4 + 3 FROM briefings WHERE trashed_at IS NOT NULL)
			ORDER BY score LIMIT ?2) h ORDER BY h.score`
}

// bm25Rank is the index's rank setting (001_init.sql) as an expression.
const bm25Rank = `bm25(search, 4.0, 1.0, 2.0)`

// Search implements domain.SearchService. Trashed briefings are left out
// (trashed sources and excerpts are not in the index).
func (s *Store) Search(ctx context.Context, query string, opts domain.SearchOptions) (hits []domain.SearchHit, err error) {
	hits = []domain.SearchHit{}
	match := s.dialect.matchQuery(query)
	if match == "" {
		return hits, nil
	}
	limit := opts.Limit
	if limit <= 0 {
		limit = 50
	}
	// The ranking is bm25 with the weights of the index's rank setting
	// (see 001_init.sql), named here rather than through "ORDER BY rank":
	// FTS5 answers that with a nested query of its own, which took a third
	// longer for a phrase.
	d := s.dialect
	q := `SELECT h.rowid, h.score, h.snip, ` + hitTitle + `
		FROM (SELECT rowid, ` + d.rank("?1") + ` AS score, ` + d.snippet("?1") + ` AS snip
			FROM search WHERE ` + d.match("?1") + ` AND rowid % 4 IN (` + kindList(opts.Kinds) + `)
			AND rowid NOT IN (SELECT id * 4 + 3 FROM briefings WHERE trashed_at IS NOT NULL)
			AND ` + d.rankWindow("?1", "?3") + `
			ORDER BY score LIMIT ?2) h ORDER BY h.score`
	if d == postgresDialect {
		q = pgSearch(kindList(opts.Kinds))
	}
	err = s.view(ctx, func(tx *Tx) error {
		rows, err := tx.QueryContext(ctx, q, match, limit, rankedMatches-1)
		if err != nil {
			return searchError(err)
		}
		defer rows.Close()
		for rows.Next() {
			var rowid int64
			var h domain.SearchHit
			var snip string
			if err := rows.Scan(&rowid, &h.Rank, &snip, &h.Title); err != nil {
				return searchError(err)
			}
			h.Kind, h.ID = hitKind(rowid), rowid/4
			h.Snippet, h.Highlights = highlights(snip)
			hits = append(hits, h)
		}
		return searchError(rows.Err())
	})
	return hits, err
}

// searchError hides FTS5 syntax errors: the sanitiser should prevent them,
// and a user's query must never fail, only find nothing.
func searchError(err error) error {
	if err != nil && (strings.Contains(err.Error(), "fts5: syntax error") || pgCode(err) == "42601") {
		return nil
	}
	if err != nil {
		return dbError("search", err)
	}
	return nil
}

func kindList(kinds []domain.HitKind) string {
	if len(kinds) == 0 {
		return "1, 2, 3"
	}
	codes := map[domain.HitKind]string{domain.HitSource: "1", domain.HitExcerpt: "2", domain.HitBriefing: "3"}
	var out []string
	for _, k := range kinds {
		if c, ok := codes[k]; ok {
			out = append(out, c)
		}
	}
	if len(out) == 0 {
		return "0"
	}
	return strings.Join(out, ", ")
}

func hitKind(rowid int64) domain.HitKind {
	switch rowid % 4 {
	case rowSource:
		return domain.HitSource
	case rowExcerpt:
		return domain.HitExcerpt
	}
	return domain.HitBriefing
}

// highlights strips the markers from a snippet, folds its white space (a
// snippet is one line in any list), and returns the rune spans the markers
// enclosed.
func highlights(snip string) (string, []domain.Span) {
	var b strings.Builder
	spans := []domain.Span{}
	n, open, space := 0, -1, false
	for _, r := range strings.TrimSpace(snip) {
		switch {
		case string(r) == markOpen:
			if space {
				b.WriteRune(' ')
				n++
				space = false
			}
			open = n
		case string(r) == markClose:
			if open >= 0 && n > open {
				spans = append(spans, domain.Span{Start: open, End: n})
			}
			open = -1
		case unicode.IsSpace(r):
			space = true
		default:
			if space {
				b.WriteRune(' ')
				n++
				space = false
			}
			b.WriteRune(r)
			n++
		}
	}
	return b.String(), spans
}
