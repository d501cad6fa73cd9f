package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/attache/attache/domain"
)

// The trash. A trashed excerpt or source keeps every row but leaves the
// search index, listings and counts; restoring puts it back in the index.
// One rule keeps briefings whole: an excerpt a briefing outside the trash
// uses is never in the trash. Trashing refuses (or, forced, removes those
// blocks), and saving or restoring a briefing brings back from the trash the
// excerpts it uses (an undo in the composer may put such a block back).

// liveUsage names the briefings outside the trash whose blocks use the
// excerpts picked by cond (a condition on e, with args): quoting them, or
// linking them as evidence to a judgment.
func liveUsage(ctx context.Context, tx *Tx, cond string, args ...any) ([]domain.BriefingRef, error) {
	quoted, err := briefingRefs(ctx, tx, `SELECT DISTINCT b.id, b.title, b.created_by FROM briefings b
		JOIN blocks k ON k.briefing_id = b.id JOIN excerpts e ON e.id = k.excerpt_id
		WHERE b.trashed_at IS NULL AND `+cond+` ORDER BY b.id`, args...)
	if err != nil {
		return nil, err
	}
	linked, err := evidenceUsage(ctx, tx, cond, args...)
	if err != nil {
		return nil, err
	}
	return mergeRefs(quoted, linked), nil
}

// dropLiveBlocks removes the blocks of briefings outside the trash that use
// the excerpts picked by cond, and their links to them as evidence, for a
// forced trash.
func dropLiveBlocks(ctx context.Context, tx *Tx, cond string, args ...any) error {
	if err := dropLiveLinks(ctx, tx, cond, args...); err != nil {
		return err
	}
	_, err := tx.ExecContext(ctx, `DELETE FROM blocks WHERE briefing_id IN
		(SELECT id FROM briefings WHERE trashed_at IS NULL)
		AND excerpt_id IN (SELECT e.id FROM excerpts e WHERE `+cond+`)`, args...)
	if err != nil {
		return dbError("remove blocks", err)
	}
	return nil
}

// TrashExcerpt implements domain.ExcerptService.
func (s *Store) TrashExcerpt(ctx context.Context, id int64, force bool) error {
	return s.update(ctx, func(tx *Tx) error {
		e, err := getExcerpt(ctx, tx, id)
		if err != nil {
			return err
		}
		if e.TrashedAt != nil {
			return domain.Errorf(domain.ECONFLICT, "excerpt %d is already in the trash", id)
		}
		used, err := liveUsage(ctx, tx, "e.id = ?", id)
		if err != nil {
			return err
		}
		if len(used) > 0 && !force {
			return domain.Errorf(domain.ECONFLICT, "excerpt %d is used in %s: remove it from those briefings (their blocks and evidence) first, or move it to the trash together with those blocks and links", id, refList(used))
		}
		if err := s.keepVersions(ctx, tx, used, "Before excerpt “"+clipLabel(e.Quote)+"” went to the trash"); err != nil {
			return err
		}
		if err := dropLiveBlocks(ctx, tx, "e.id = ?", id); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE excerpts SET trashed_at = ? WHERE id = ?`, s.stamp(), id); err != nil {
			return dbError("move excerpt to the trash", err)
		}
		if err := indexExcerpt(ctx, tx, id); err != nil {
			return err
		}
		return reindexBriefings(ctx, tx, used)
	})
}

// RestoreExcerpt implements domain.ExcerptService.
func (s *Store) RestoreExcerpt(ctx context.Context, id int64) error {
	return s.update(ctx, func(tx *Tx) error {
		e, err := getExcerpt(ctx, tx, id)
		if err != nil {
			return err
		}
		if e.TrashedAt == nil {
			return domain.Errorf(domain.ECONFLICT, "excerpt %d is not in the trash", id)
		}
		return restoreExcerpt(ctx, tx, e)
	})
}

// restoreExcerpt brings e back, with its source when that is in the trash:
// an excerpt cannot be in use while its source is not.
func restoreExcerpt(ctx context.Context, tx *Tx, e *domain.Excerpt) error {
	src, err := getSource(ctx, tx, e.SourceID, false)
	if err != nil {
		return err
	}
	if src.TrashedAt != nil {
		if err := restoreSource(ctx, tx, src.ID); err != nil {
			return err
		}
	}
	if _, err := tx.ExecContext(ctx, `UPDATE excerpts SET trashed_at = NULL WHERE id = ?`, e.ID); err != nil {
		return dbError("restore excerpt", err)
	}
	return indexExcerpt(ctx, tx, e.ID)
}

// TrashSource implements domain.SourceService. Its excerpts in use go with
// it under the same stamp, which is how RestoreSource tells them from
// excerpts trashed on their own.
func (s *Store) TrashSource(ctx context.Context, id int64, force bool) error {
	return s.update(ctx, func(tx *Tx) error {
		src, err := getSource(ctx, tx, id, false)
		if err != nil {
			return err
		}
		if src.TrashedAt != nil {
			return domain.Errorf(domain.ECONFLICT, "source %d is already in the trash", id)
		}
		used, err := liveUsage(ctx, tx, "e.source_id = ?", id)
		if err != nil {
			return err
		}
		if len(used) > 0 && !force {
			return domain.Errorf(domain.ECONFLICT, "excerpts of source %d are used in %s: remove them from those briefings (their blocks and evidence) first, or move it to the trash together with those blocks and links", id, refList(used))
		}
		if err := s.keepVersions(ctx, tx, used, fmt.Sprintf("Before source %d went to the trash", id)); err != nil {
			return err
		}
		if err := dropLiveBlocks(ctx, tx, "e.source_id = ?", id); err != nil {
			return err
		}
		stamp := s.stamp()
		for _, q := range []string{
			`UPDATE excerpts SET trashed_at = ?1 WHERE source_id = ?2 AND trashed_at IS NULL`,
			`UPDATE sources SET trashed_at = ?1 WHERE id = ?2`,
			`DELETE FROM search WHERE rowid IN (SELECT id * 4 + 2 FROM excerpts WHERE source_id = ?2)
				OR rowid = ?2 * 4 + 1`,
		} {
			if _, err := tx.ExecContext(ctx, q, stamp, id); err != nil {
				return dbError("move source to the trash", err)
			}
		}
		return reindexBriefings(ctx, tx, used)
	})
}

// RestoreSource implements domain.SourceService.
func (s *Store) RestoreSource(ctx context.Context, id int64) error {
	return s.update(ctx, func(tx *Tx) error {
		src, err := getSource(ctx, tx, id, false)
		if err != nil {
			return err
		}
		if src.TrashedAt == nil {
			return domain.Errorf(domain.ECONFLICT, "source %d is not in the trash", id)
		}
		return restoreSource(ctx, tx, id)
	})
}

// restoreSource brings back a trashed source and the excerpts that went
// with it, and puts them back in the search index.
func restoreSource(ctx context.Context, tx *Tx, id int64) error {
	var stamp string
	if err := tx.QueryRowContext(ctx, `SELECT trashed_at FROM sources WHERE id = ?`, id).Scan(&stamp); err != nil {
		return dbError("restore source", err)
	}
	ids, err := queryIDs(ctx, tx, `SELECT id FROM excerpts WHERE source_id = ? AND trashed_at = ?`, id, stamp)
	if err != nil {
		return err
	}
	for _, q := range []string{
		`UPDATE excerpts SET trashed_at = NULL WHERE source_id = ?1 AND trashed_at = ?2`,
		`UPDATE sources SET trashed_at = NULL WHERE id = ?1`,
	} {
		if _, err := tx.ExecContext(ctx, q, id, stamp); err != nil {
			return dbError("restore source", err)
		}
	}
	if err := indexSource(ctx, tx, id); err != nil {
		return err
	}
	for _, e := range ids {
		if err := indexExcerpt(ctx, tx, e); err != nil {
			return err
		}
	}
	return nil
}

// reviveUsed brings back from the trash the excerpts that blocks of a
// briefing outside the trash use, quoted or linked as evidence, keeping
// the rule above.
func reviveUsed(ctx context.Context, tx *Tx, briefingID int64) error {
	ids, err := queryIDs(ctx, tx, `SELECT e.id FROM blocks k
		JOIN excerpts e ON e.id = k.excerpt_id JOIN briefings b ON b.id = k.briefing_id
		WHERE k.briefing_id = ?1 AND b.trashed_at IS NULL AND e.trashed_at IS NOT NULL
		UNION SELECT e.id FROM evidence v JOIN blocks k ON k.id = v.block_id
		JOIN excerpts e ON e.id = v.excerpt_id JOIN briefings b ON b.id = k.briefing_id
		WHERE k.briefing_id = ?1 AND b.trashed_at IS NULL AND e.trashed_at IS NOT NULL`, briefingID)
	if err != nil {
		return err
	}
	for _, id := range ids {
		e, err := getExcerpt(ctx, tx, id)
		if err != nil {
			return err
		}
		// Restoring an earlier excerpt's source may have brought this one back.
		if e.TrashedAt == nil {
			continue
		}
		if err := restoreExcerpt(ctx, tx, e); err != nil {
			return err
		}
	}
	return nil
}

func queryIDs(ctx context.Context, tx *Tx, q string, args ...any) ([]int64, error) {
	rows, err := tx.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, dbError("read library", err)
	}
	defer rows.Close()
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, dbError("read library", err)
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}

// DeleteBriefing implements domain.BriefingService.
func (s *Store) DeleteBriefing(ctx context.Context, id int64) error {
	return s.update(ctx, func(tx *Tx) error {
		b, err := getBriefing(ctx, tx, id)
		if err != nil {
			return err
		}
		if b.TrashedAt == nil {
			return domain.Errorf(domain.ECONFLICT, "briefing %d is not in the trash: move it there first", id)
		}
		for _, q := range []string{`DELETE FROM search WHERE rowid = ? * 4 + 3`, `DELETE FROM briefings WHERE id = ?`} {
			if _, err := tx.ExecContext(ctx, q, id); err != nil {
				return dbError("delete briefing", err)
			}
		}
		return nil
	})
}

// EmptyTrash deletes for good the briefings (with their history), sources
// (with their excerpts) and excerpts in the trash; it returns how many
// items went, an excerpt that went with its source not counted apart.
func (s *Store) EmptyTrash(ctx context.Context) (n int, err error) {
	return s.emptyTrash(ctx, "9999-12-31T00:00:00Z")
}

// EmptyTrashUpTo is EmptyTrash for what went to the trash at or before
// upTo: a window that listed the trash empties what it showed, not what
// another program trashed after (nor what was restored and trashed again).
func (s *Store) EmptyTrashUpTo(ctx context.Context, upTo time.Time) (int, error) {
	return s.emptyTrash(ctx, formatTime(upTo))
}

func (s *Store) emptyTrash(ctx context.Context, upTo string) (n int, err error) {
	// julianday: the stored stamps drop trailing zeros of the fraction, so
	// they do not compare as text.
	const trashed = `trashed_at IS NOT NULL AND julianday(trashed_at) <= julianday(?)`
	err = s.update(ctx, func(tx *Tx) error {
		// Briefings first: their blocks are what could hold on to a trashed
		// excerpt. The guards against blocks left after that keep a broken
		// rule from making the whole trash impossible to empty.
		if _, err := tx.ExecContext(ctx, `DELETE FROM search WHERE rowid IN
			(SELECT id * 4 + 3 FROM briefings WHERE `+trashed+`)`, upTo); err != nil {
			return dbError("empty trash", err)
		}
		for _, q := range []string{
			`DELETE FROM briefings WHERE ` + trashed,
			`DELETE FROM sources WHERE ` + trashed + ` AND id NOT IN
				(SELECT e.source_id FROM excerpts e JOIN blocks k ON k.excerpt_id = e.id)
				AND id NOT IN (SELECT e.source_id FROM excerpts e JOIN evidence v ON v.excerpt_id = e.id)`,
			`DELETE FROM excerpts WHERE ` + trashed + ` AND id NOT IN
				(SELECT excerpt_id FROM blocks WHERE excerpt_id IS NOT NULL)
				AND id NOT IN (SELECT excerpt_id FROM evidence)`,
		} {
			res, err := tx.ExecContext(ctx, q, upTo)
			if err != nil {
				return dbError("empty trash", err)
			}
			k, _ := res.RowsAffected()
			n += int(k)
		}
		return nil
	})
	return n, err
}

// trashedTime reads a trashed_at column.
func trashedTime(v sql.NullString) *time.Time {
	if !v.Valid {
		return nil
	}
	t := parseTime(v.String)
	return &t
}

// keepVersions saves a version of each briefing a forced trash takes
// blocks out of, so Versions… can put them back: restoring the excerpt
// alone does not.
func (s *Store) keepVersions(ctx context.Context, tx *Tx, used []domain.BriefingRef, label string) error {
	for _, ref := range used {
		if _, err := s.snapshot(ctx, tx, ref.ID, label); err != nil {
			return err
		}
	}
	return nil
}

// clipLabel shortens a quote for a version's label.
func clipLabel(q string) string {
	if r := []rune(q); len(r) > 60 {
		return string(r[:60]) + "…"
	}
	return q
}

// ExcerptUsage implements domain.ExcerptService.
func (s *Store) ExcerptUsage(ctx context.Context, id int64) (refs []domain.BriefingRef, err error) {
	err = s.view(ctx, func(tx *Tx) error {
		refs, err = liveUsage(ctx, tx, "e.id = ?", id)
		return err
	})
	return refs, err
}
