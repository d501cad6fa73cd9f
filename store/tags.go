package store

import (
	"context"
	"encoding/json"

	"github.com/attache/attache/domain"
)

// setTags replaces an excerpt's tags; tags left with no excerpt are dropped
// so the tag list only offers tags in use.
func setTags(ctx context.Context, tx *Tx, excerptID int64, tags []string) error {
	if _, err := tx.ExecContext(ctx, `DELETE FROM excerpt_tags WHERE excerpt_id = ?`, excerptID); err != nil {
		return dbError("set tags", err)
	}
	for _, t := range tags {
		if _, err := tx.ExecContext(ctx, `INSERT INTO tags (name) VALUES (?) ON CONFLICT (name) DO NOTHING`, t); err != nil {
			return dbError("set tags", err)
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO excerpt_tags (excerpt_id, tag_id)
			SELECT ?, id FROM tags WHERE name = ?`, excerptID, t); err != nil {
			return dbError("set tags", err)
		}
	}
	_, err := tx.ExecContext(ctx, `DELETE FROM tags WHERE NOT EXISTS
		(SELECT 1 FROM excerpt_tags et WHERE et.tag_id = tags.id)`)
	if err != nil {
		return dbError("set tags", err)
	}
	return nil
}

func decodeTags(s string) []string {
	tags := []string{}
	if s == "[]" { // most excerpts have no tags: skip the JSON decoder
		return tags
	}
	_ = json.Unmarshal([]byte(s), &tags)
	return tags
}

func idsJSON(ids []int64) string {
	b, _ := json.Marshal(ids)
	return string(b)
}

// Tags implements domain.ExcerptService, most used first; excerpts in the
// trash do not count, and a tag only they carry is not listed.
func (s *Store) Tags(ctx context.Context) (tags []domain.Tag, err error) {
	err = s.view(ctx, func(tx *Tx) error {
		rows, err := tx.QueryContext(ctx, `SELECT t.name, count(et.excerpt_id) AS n FROM tags t
			JOIN excerpt_tags et ON et.tag_id = t.id JOIN excerpts e ON e.id = et.excerpt_id
			WHERE e.trashed_at IS NULL GROUP BY t.id ORDER BY n DESC, t.name`)
		if err != nil {
			return dbError("list tags", err)
		}
		defer rows.Close()
		tags = []domain.Tag{}
		for rows.Next() {
			var t domain.Tag
			if err := rows.Scan(&t.Name, &t.Count); err != nil {
				return dbError("list tags", err)
			}
			tags = append(tags, t)
		}
		return rows.Err()
	})
	return tags, err
}
