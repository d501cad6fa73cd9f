package store

import (
	"context"
	"database/sql"
	"errors"
	"slices"

	"github.com/attache/attache/domain"
)

// CreateBriefing implements domain.BriefingService.
// A briefing with no scheme takes the library's default scheme, or none.
func (s *Store) CreateBriefing(ctx context.Context, b *domain.Briefing) error {
	return s.update(ctx, func(tx *Tx) error { return s.createBriefing(ctx, tx, b, nil) })
}

// createBriefing stores b, a new briefing or a copy of old (which its
// values are then validated against, see normalizeBriefingSince).
func (s *Store) createBriefing(ctx context.Context, tx *Tx, b, old *domain.Briefing) error {
	if b.Scheme == "" {
		def, err := defaultScheme(ctx, tx)
		if err != nil {
			return err
		}
		b.Scheme = def
	}
	if err := normalizeBriefingSince(b, old); err != nil {
		return err
	}
	// A new row: its excerpt blocks are admitted afresh, but for a copy's
	// under the original's scheme, which were admitted in the original.
	b.ID = 0
	if old == nil || old.Scheme != b.Scheme {
		if err := admitExcerpts(ctx, tx, b); err != nil {
			return err
		}
	}
	now := s.now()
	b.CreatedAt, b.UpdatedAt, b.TrashedAt = now, now, nil
	b.CreatedBy, b.UpdatedBy = s.user, s.user
	id, err := tx.insert(ctx, `INSERT INTO briefings (title, subtitle, author, audience, date,
		classification, status, summary, created_at, updated_at, created_by, updated_by, `+briefingMarkingColumns+`)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		append([]any{b.Title, b.Subtitle, b.Author, b.Audience, b.Date.String(), b.Classification, b.Status,
			b.Summary, formatTime(now), formatTime(now), s.user, s.user}, briefingMarkingValues(b)...)...)
	if err != nil {
		return dbError("insert briefing", err)
	}
	b.ID = id
	if err := writeBlocks(ctx, tx, b.ID, b.Blocks); err != nil {
		return err
	}
	return indexBriefing(ctx, tx, b.ID)
}

// briefingMarkingColumns are the columns of the briefing's scheme and
// marking details, and its estimative scale, in the order of
// briefingMarkingValues.
const briefingMarkingColumns = `scheme, title_marking, subtitle_marking, summary_marking,
	classified_by, derived_from, declassify_on, include_notes, scale`

func scanBriefing(row scanner) (*domain.Briefing, error) {
	var b domain.Briefing
	var date, created, updated string
	var trashed sql.NullString
	a := &b.Authority
	err := row.Scan(&b.ID, &b.Title, &b.Subtitle, &b.Author, &b.Audience, &date, &b.Classification,
		&b.Status, &b.Summary, &created, &updated, &trashed, &b.Revision, &b.Scheme, &b.TitleMarking,
		&b.SubtitleMarking, &b.SummaryMarking, &a.ClassifiedBy, &a.DerivedFrom, &a.DeclassifyOn, &b.IncludeNotes, &b.Scale,
		&b.CreatedBy, &b.UpdatedBy)
	if err != nil {
		if errors.Is(err, sql.ErrNoRows) {
			return nil, err
		}
		return nil, dbError("read briefing", err)
	}
	b.Date, _ = domain.ParseDate(date)
	b.CreatedAt, b.UpdatedAt = parseTime(created), parseTime(updated)
	if trashed.Valid {
		t := parseTime(trashed.String)
		b.TrashedAt = &t
	}
	b.Blocks = []*domain.Block{}
	return &b, nil
}

// Briefing implements domain.BriefingService; its figure excerpts carry
// their images, which the composer draws.
func (s *Store) Briefing(ctx context.Context, id int64) (b *domain.Briefing, err error) {
	err = s.view(ctx, func(tx *Tx) error {
		if b, err = getBriefing(ctx, tx, id); err != nil {
			return err
		}
		return briefingFigures(ctx, tx, b)
	})
	return b, err
}

func getBriefing(ctx context.Context, tx *Tx, id int64) (*domain.Briefing, error) {
	b, err := scanBriefing(tx.QueryRowContext(ctx, `SELECT `+briefingColumns+` FROM briefings b WHERE b.id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, domain.Errorf(domain.ENOTFOUND, "there is no briefing %d: list them with `attache briefing list`", id)
	} else if err != nil {
		return nil, err
	}
	b.Blocks, err = readBlocks(ctx, tx, id)
	return b, err
}

// Briefings implements domain.BriefingService, most recently edited first.
func (s *Store) Briefings(ctx context.Context, f domain.BriefingFilter) (list []*domain.BriefingSummary, err error) {
	where, args := "b.trashed_at IS NULL", []any{}
	if f.Trashed {
		where = "b.trashed_at IS NOT NULL"
	}
	if f.Query != "" {
		match := s.dialect.matchQuery(f.Query)
		if match == "" {
			return []*domain.BriefingSummary{}, nil
		}
		where += " AND b.id * 4 + 3 IN (SELECT rowid FROM search WHERE " + s.dialect.match("?") + ")"
		args = append(args, match)
	}
	// Words are not counted here: export's model counts them (see
	// domain.BriefingSummary.Words).
	q := `SELECT b.id, b.title, b.status, b.author, b.date, b.updated_at, b.trashed_at,
		(SELECT count(*) FROM blocks k WHERE k.briefing_id = b.id), b.revision, b.created_by, b.updated_by
		FROM briefings b
		WHERE ` + where + ` ORDER BY b.updated_at DESC, b.id DESC`
	err = s.view(ctx, func(tx *Tx) error {
		rows, err := tx.QueryContext(ctx, q, args...)
		if err != nil {
			return dbError("list briefings", err)
		}
		defer rows.Close()
		list = []*domain.BriefingSummary{}
		for rows.Next() {
			sum, err := scanSummary(rows)
			if err != nil {
				return err
			}
			list = append(list, sum)
		}
		return rows.Err()
	})
	return list, err
}

func scanSummary(rows *sql.Rows) (*domain.BriefingSummary, error) {
	var b domain.BriefingSummary
	var date, updated string
	var trashed sql.NullString
	if err := rows.Scan(&b.ID, &b.Title, &b.Status, &b.Author, &date, &updated, &trashed, &b.Blocks, &b.Revision, &b.CreatedBy, &b.UpdatedBy); err != nil {
		return nil, dbError("list briefings", err)
	}
	b.Date, _ = domain.ParseDate(date)
	b.UpdatedAt = parseTime(updated)
	if trashed.Valid {
		t := parseTime(trashed.String)
		b.TrashedAt = &t
	}
	return &b, nil
}

// UpdateBriefing implements domain.BriefingService. A copy read at an
// older revision (b.Revision) is refused, so a command that read the
// briefing before the app saved never writes the app's changes over.
func (s *Store) UpdateBriefing(ctx context.Context, b *domain.Briefing) error {
	return s.update(ctx, func(tx *Tx) error {
		rev, err := briefingRevision(ctx, tx, b.ID)
		if err != nil {
			return err
		}
		// Values stored before the length rules may stay as they are.
		cur, err := scanBriefing(tx.QueryRowContext(ctx, `SELECT `+briefingColumns+` FROM briefings b WHERE b.id = ?`, b.ID))
		if err != nil {
			return err
		}
		meta := *b
		meta.Blocks = nil
		if sch, err := domain.LookupScheme(string(b.Scheme)); err == nil && sch.ID != cur.Scheme {
			// Another scheme holds every mark of the briefing to it: its
			// blocks' and the excerpts' they quote, as stored.
			if cur.Blocks, err = readBlocks(ctx, tx, b.ID); err != nil {
				return err
			}
			meta.Blocks = cur.Blocks
		}
		if err := normalizeBriefingSince(&meta, cur); err != nil {
			return err
		}
		if err := admitExcerpts(ctx, tx, &meta); err != nil {
			return err
		}
		b.Status, b.Scheme, b.Classification, b.Scale = meta.Status, meta.Scheme, meta.Classification, meta.Scale
		b.TitleMarking, b.SubtitleMarking, b.SummaryMarking = meta.TitleMarking, meta.SubtitleMarking, meta.SummaryMarking
		if b.Revision != 0 && b.Revision != rev {
			return domain.ErrChangedMeanwhile
		}
		if err := s.updateBriefingRow(ctx, tx, b); err != nil {
			return err
		}
		if b.Revision, err = briefingRevision(ctx, tx, b.ID); err != nil {
			return err
		}
		return indexBriefing(ctx, tx, b.ID)
	})
}

// briefingRevision reads a briefing's revision.
func briefingRevision(ctx context.Context, tx *Tx, id int64) (int64, error) {
	var rev int64
	err := tx.QueryRowContext(ctx, `SELECT revision FROM briefings WHERE id = ?`, id).Scan(&rev)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, domain.Gonef("there is no briefing %d: it was deleted for good", id)
	}
	if err != nil {
		return 0, dbError("read briefing", err)
	}
	return rev, nil
}

// BriefingRevision implements domain.BriefingService.
func (s *Store) BriefingRevision(ctx context.Context, id int64) (rev int64, trashed bool, err error) {
	err = s.view(ctx, func(tx *Tx) error {
		var at sql.NullString
		err := tx.QueryRowContext(ctx, `SELECT revision, trashed_at FROM briefings WHERE id = ?`, id).Scan(&rev, &at)
		if errors.Is(err, sql.ErrNoRows) {
			return domain.Gonef("there is no briefing %d: it was deleted for good", id)
		} else if err != nil {
			return dbError("read briefing", err)
		}
		trashed = at.Valid
		return nil
	})
	return rev, trashed, err
}

func (s *Store) updateBriefingRow(ctx context.Context, tx *Tx, b *domain.Briefing) error {
	b.UpdatedAt, b.UpdatedBy = s.now(), s.user
	res, err := tx.ExecContext(ctx, `UPDATE briefings SET title = ?, subtitle = ?, author = ?,
		audience = ?, date = ?, classification = ?, status = ?, summary = ?, updated_at = ?, updated_by = ?,
		scheme = ?, title_marking = ?, subtitle_marking = ?, summary_marking = ?,
		classified_by = ?, derived_from = ?, declassify_on = ?, include_notes = ?, scale = ?
		WHERE id = ?`, append(append([]any{b.Title, b.Subtitle, b.Author, b.Audience, b.Date.String(),
		b.Classification, b.Status, b.Summary, formatTime(b.UpdatedAt), b.UpdatedBy}, briefingMarkingValues(b)...), b.ID)...)
	if err != nil {
		return dbError("update briefing", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return domain.Errorf(domain.ENOTFOUND, "there is no briefing %d", b.ID)
	}
	return nil
}

// SaveBriefing implements domain.BriefingService: metadata and the whole
// block list are written together, keeping the IDs of blocks that stay.
// A copy edited from an older revision is merged with the library's.
func (s *Store) SaveBriefing(ctx context.Context, base, b *domain.Briefing) (*domain.Saved, error) {
	if err := normalizeBriefingSince(b, base); err != nil {
		return nil, err
	}
	saved := &domain.Saved{}
	err := s.update(ctx, func(tx *Tx) error {
		rev, err := briefingRevision(ctx, tx, b.ID)
		if err != nil {
			return err
		}
		out := b
		if rev != base.Revision {
			if out, err = mergeWithLibrary(ctx, tx, base, b); err != nil {
				return err
			}
			saved.Merged = true
		}
		if out.Blocks, saved.Dropped, err = dropGoneExcerpts(ctx, tx, out.Blocks); err != nil {
			return err
		}
		if err := admitExcerpts(ctx, tx, out); err != nil {
			return err
		}
		if err := s.updateBriefingRow(ctx, tx, out); err != nil {
			return err
		}
		if saved.IDs, err = replaceBlocks(ctx, tx, out.ID, out.Blocks); err != nil {
			return err
		}
		if out.Revision, err = briefingRevision(ctx, tx, out.ID); err != nil {
			return err
		}
		saved.Briefing = out
		return indexBriefing(ctx, tx, out.ID)
	})
	if err != nil {
		return nil, err
	}
	return saved, nil
}

// mergeWithLibrary merges b, edited from base, with the library's copy, or
// refuses with the clashes.
func mergeWithLibrary(ctx context.Context, tx *Tx, base, b *domain.Briefing) (*domain.Briefing, error) {
	theirs, err := getBriefing(ctx, tx, b.ID)
	if err != nil {
		return nil, err
	}
	merged, conflicts := domain.MergeBriefing(base, b, theirs)
	if len(conflicts) > 0 {
		return nil, &domain.MergeConflict{Theirs: theirs, Conflicts: conflicts}
	}
	return merged, normalizeBriefingSince(merged, theirs)
}

// DuplicateBriefing implements domain.BriefingService. The copy is a draft
// titled "Copy of …" with the same blocks, pointing at the same excerpts.
func (s *Store) DuplicateBriefing(ctx context.Context, id int64) (b *domain.Briefing, err error) {
	err = s.update(ctx, func(tx *Tx) error {
		if b, err = getBriefing(ctx, tx, id); err != nil {
			return err
		}
		orig := *b // what the copy's values are held to, as an edit is
		b.Title = "Copy of " + b.Title
		b.Status = domain.StatusDraft
		b.Blocks = make([]*domain.Block, len(orig.Blocks))
		for i, blk := range orig.Blocks {
			c := *blk
			c.ID = 0
			b.Blocks[i] = &c
		}
		return s.createBriefing(ctx, tx, b, &orig)
	})
	return b, err
}

// TrashBriefing implements domain.BriefingService. Trashed briefings keep
// everything and leave the search index until restored.
func (s *Store) TrashBriefing(ctx context.Context, id int64) error {
	return s.setTrashed(ctx, id, true)
}

// RestoreBriefing implements domain.BriefingService. Excerpts the briefing
// uses that went to the trash meanwhile come back with it.
func (s *Store) RestoreBriefing(ctx context.Context, id int64) error {
	return s.setTrashed(ctx, id, false)
}

func (s *Store) setTrashed(ctx context.Context, id int64, trash bool) error {
	return s.update(ctx, func(tx *Tx) error {
		b, err := getBriefing(ctx, tx, id)
		if err != nil {
			return err
		}
		if trash == (b.TrashedAt != nil) {
			if trash {
				return domain.Errorf(domain.ECONFLICT, "briefing %d is already in the trash", id)
			}
			return domain.Errorf(domain.ECONFLICT, "briefing %d is not in the trash", id)
		}
		var at any
		if trash {
			at = s.stamp()
		}
		if _, err := tx.ExecContext(ctx, `UPDATE briefings SET trashed_at = ? WHERE id = ?`, at, id); err != nil {
			return dbError("move briefing", err)
		}
		if err := reviveUsed(ctx, tx, id); err != nil {
			return err
		}
		return indexBriefing(ctx, tx, id)
	})
}

// dropGoneExcerpts leaves out the blocks quoting excerpts deleted for good
// since the copy was loaded (a forced delete elsewhere, which removed
// those blocks from the library too), so the rest can be saved; links to
// such excerpts as evidence go the same way. The blocks given are not
// changed: a block losing a link is copied.
func dropGoneExcerpts(ctx context.Context, tx *Tx, blks []*domain.Block) ([]*domain.Block, []int64, error) {
	var ids []int64
	for _, b := range blks {
		if b.Type == domain.BlockExcerpt {
			ids = append(ids, b.ExcerptID)
		}
		for _, ev := range b.Evidence {
			ids = append(ids, ev.ExcerptID)
		}
	}
	if len(ids) == 0 {
		return blks, nil, nil
	}
	gone, err := goneExcerpts(ctx, tx, ids)
	if err != nil || len(gone) == 0 {
		return blks, nil, err
	}
	var dropped []int64
	kept := make([]*domain.Block, 0, len(blks))
	for _, b := range blks {
		if b.Type == domain.BlockExcerpt && gone[b.ExcerptID] {
			dropped = append(dropped, b.ExcerptID)
			continue
		}
		if slices.ContainsFunc(b.Evidence, func(ev domain.Evidence) bool { return gone[ev.ExcerptID] }) {
			c := *b
			c.Evidence = slices.DeleteFunc(slices.Clone(b.Evidence), func(ev domain.Evidence) bool { return gone[ev.ExcerptID] })
			b = &c
		}
		kept = append(kept, b)
	}
	slices.Sort(dropped)
	return kept, slices.Compact(dropped), nil
}

// goneExcerpts picks out of ids the excerpts deleted for good. Numbers at
// or below the excerpts' sequence were handed out: missing now, they were
// deleted. Higher ones never existed and are refused by the write as
// before.
func goneExcerpts(ctx context.Context, tx *Tx, ids []int64) (map[int64]bool, error) {
	q := `SELECT DISTINCT value FROM json_each(?)
		WHERE value NOT IN (SELECT id FROM excerpts)
		AND value <= (SELECT coalesce(max(seq), 0) FROM sqlite_sequence WHERE name = 'excerpts')`
	if tx.d == postgresDialect {
		q = `SELECT DISTINCT j.value FROM (SELECT value::bigint FROM json_array_elements_text(?::json) AS value) AS j
		WHERE j.value NOT IN (SELECT id FROM excerpts)
		AND j.value <= coalesce(pg_sequence_last_value(pg_get_serial_sequence('excerpts', 'id')::regclass), 0)`
	}
	rows, err := tx.QueryContext(ctx, q, idsJSON(ids))
	if err != nil {
		return nil, dbError("save blocks", err)
	}
	defer rows.Close()
	gone := map[int64]bool{}
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, dbError("save blocks", err)
		}
		gone[id] = true
	}
	return gone, rows.Err()
}
