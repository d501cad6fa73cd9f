package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"

	"github.com/attache/attache/domain"
)

// CreateSnapshot saves the briefing as it is now in its history.
func (s *Store) CreateSnapshot(ctx context.Context, briefingID int64, label string) (snap *domain.Snapshot, err error) {
	err = s.update(ctx, func(tx *Tx) error {
		snap, err = s.snapshot(ctx, tx, briefingID, label)
		return err
	})
	return snap, err
}

// KeepVersion implements domain.VersionService.
func (s *Store) KeepVersion(ctx context.Context, b *domain.Briefing, label string) (snap *domain.Snapshot, err error) {
	err = s.update(ctx, func(tx *Tx) error {
		if _, err := getBriefing(ctx, tx, b.ID); err != nil {
			return err
		}
		snap, err = s.keep(ctx, tx, b.Clone(), label)
		return err
	})
	return snap, err
}

func (s *Store) snapshot(ctx context.Context, tx *Tx, briefingID int64, label string) (*domain.Snapshot, error) {
	b, err := getBriefing(ctx, tx, briefingID)
	if err != nil {
		return nil, err
	}
	return s.keep(ctx, tx, b, label)
}

// keep writes b in its briefing's history as a version labelled label.
func (s *Store) keep(ctx context.Context, tx *Tx, b *domain.Briefing, label string) (*domain.Snapshot, error) {
	briefingID := b.ID
	data, err := encodeSnapshot(b)
	if err != nil {
		return nil, fmt.Errorf("encode version: %w", err)
	}
	label, _ = domain.SnapshotLabel.Fit(label) // labels name files: cleaned and cut, never refused
	snap := &domain.Snapshot{BriefingID: briefingID, Label: label, CreatedAt: s.now(), By: s.user, Briefing: b}
	id, err := tx.insert(ctx, `INSERT INTO snapshots (briefing_id, label, created_at, data, made_by) VALUES (?, ?, ?, ?, ?)`,
		briefingID, label, formatTime(snap.CreatedAt), string(data), s.user)
	if err != nil {
		return nil, dbError("save snapshot", err)
	}
	snap.ID = id
	return snap, nil
}

// Snapshots lists a briefing's history, newest first, without contents.
func (s *Store) Snapshots(ctx context.Context, briefingID int64) (list []*domain.Snapshot, err error) {
	err = s.view(ctx, func(tx *Tx) error {
		if _, err := getBriefing(ctx, tx, briefingID); err != nil {
			return err
		}
		rows, err := tx.QueryContext(ctx, `SELECT id, label, created_at, made_by FROM snapshots
			WHERE briefing_id = ? ORDER BY created_at DESC, id DESC`, briefingID)
		if err != nil {
			return dbError("list snapshots", err)
		}
		defer rows.Close()
		list = []*domain.Snapshot{}
		for rows.Next() {
			snap := &domain.Snapshot{BriefingID: briefingID}
			var at string
			if err := rows.Scan(&snap.ID, &snap.Label, &at, &snap.By); err != nil {
				return dbError("list snapshots", err)
			}
			snap.CreatedAt = parseTime(at)
			list = append(list, snap)
		}
		return rows.Err()
	})
	return list, err
}

// Snapshot loads one version with the briefing as it was, its excerpts
// and evidence resolved (those deleted since left nil) and the sources
// they cite, as Snapshot.Bundle gives them to exporters.
func (s *Store) Snapshot(ctx context.Context, id int64) (snap *domain.Snapshot, err error) {
	err = s.view(ctx, func(tx *Tx) error {
		if snap, err = getSnapshot(ctx, tx, id); err != nil {
			return err
		}
		return resolveSnapshot(ctx, tx, snap)
	})
	return snap, err
}

func getSnapshot(ctx context.Context, tx *Tx, id int64) (*domain.Snapshot, error) {
	snap := &domain.Snapshot{ID: id}
	var at, data string
	err := tx.QueryRowContext(ctx, `SELECT briefing_id, label, created_at, data, made_by FROM snapshots WHERE id = ?`, id).
		Scan(&snap.BriefingID, &snap.Label, &at, &data, &snap.By)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, domain.Errorf(domain.ENOTFOUND, "there is no version %d: list them with `attache briefing history`", id)
	} else if err != nil {
		return nil, dbError("read snapshot", err)
	}
	snap.CreatedAt = parseTime(at)
	var legacy bool
	if snap.Briefing, legacy, err = decodeSnapshot(id, []byte(data)); err != nil {
		return nil, err
	}
	if legacy {
		if snap.Briefing.Scheme, err = legacyScheme(ctx, tx, snap.Briefing); err != nil {
			return nil, err
		}
	}
	return snap, nil
}

// RestoreSnapshot puts a briefing back as it was in one of its versions,
// after saving the current state as a version of its own, all in one
// transaction. Blocks whose excerpt has since been deleted are left out and
// counted in skipped; so are links to such excerpts as evidence, which are
// not counted (the judgment itself stays).
func (s *Store) RestoreSnapshot(ctx context.Context, briefingID, snapshotID int64) (skipped int, err error) {
	err = s.update(ctx, func(tx *Tx) error {
		snap, err := getSnapshot(ctx, tx, snapshotID)
		if err != nil {
			return err
		}
		if snap.BriefingID != briefingID {
			return domain.Errorf(domain.EINVALID, "version %d belongs to briefing %d, not %d", snapshotID, snap.BriefingID, briefingID)
		}
		if _, err := s.snapshot(ctx, tx, briefingID, "Before restoring version "+itoa(snapshotID)); err != nil {
			return err
		}
		b := snap.Briefing
		b.ID = briefingID
		if skipped, err = keepExisting(ctx, tx, b); err != nil {
			return err
		}
		// The version's values were the library's once: like values kept
		// in an edit, they pass rules they predate (a classification typed
		// as free text before schemes). Excerpts marked since under
		// another scheme than the version's are refused by name.
		was := *b
		if err := normalizeBriefingSince(b, &was); err != nil {
			return err
		}
		if err := admitRestored(ctx, tx, b); err != nil {
			return err
		}
		if err := s.updateBriefingRow(ctx, tx, b); err != nil {
			return err
		}
		if _, err := replaceBlocks(ctx, tx, briefingID, b.Blocks); err != nil {
			return err
		}
		return indexBriefing(ctx, tx, briefingID)
	})
	return skipped, err
}

func itoa(n int64) string { return fmt.Sprint(n) }

// keepExisting leaves out of a version's briefing the blocks quoting
// excerpts deleted since, and the evidence links to them, and says how
// many blocks went. Blocks keep their numbers (a free number is taken
// back, one now used elsewhere is not), so scripts holding them still work.
func keepExisting(ctx context.Context, tx *Tx, b *domain.Briefing) (skipped int, err error) {
	var ids []int64
	for _, blk := range b.Blocks {
		if blk.Type == domain.BlockExcerpt {
			ids = append(ids, blk.ExcerptID)
		}
		for _, ev := range blk.Evidence {
			ids = append(ids, ev.ExcerptID)
		}
	}
	if len(ids) == 0 {
		return 0, nil
	}
	have, err := queryIDs(ctx, tx, `SELECT id FROM excerpts WHERE id IN (SELECT value FROM json_each(?))`, idsJSON(ids))
	if err != nil {
		return 0, err
	}
	exists := make(map[int64]bool, len(have))
	for _, id := range have {
		exists[id] = true
	}
	kept := b.Blocks[:0]
	for _, blk := range b.Blocks {
		if blk.Type == domain.BlockExcerpt && !exists[blk.ExcerptID] {
			skipped++
			continue
		}
		blk.Evidence = slices.DeleteFunc(blk.Evidence, func(ev domain.Evidence) bool { return !exists[ev.ExcerptID] })
		if len(blk.Evidence) == 0 {
			blk.Evidence = nil
		}
		kept = append(kept, blk)
	}
	b.Blocks = kept
	return skipped, nil
}
