package store

import (
	"context"

	"github.com/attache/attache/domain"
)

// Evidence: the links from key judgments to the excerpts that support
// them or cut against them (migration 008). They are stored with their
// blocks, read with them, and count as uses of their excerpts: trashing or
// deleting a linked excerpt asks first, as for one quoted in the body.

// readEvidence fills in the evidence of the briefing's blocks, each link
// with its excerpt resolved as Block.Excerpt is: three queries whatever
// the briefing's length (links, excerpts, tags).
func readEvidence(ctx context.Context, tx *Tx, briefingID int64, blocks []*domain.Block) error {
	links, err := briefingLinks(ctx, tx, briefingID)
	if err != nil || len(links) == 0 {
		return err
	}
	const linked = `(SELECT v.excerpt_id FROM evidence v JOIN blocks k ON k.id = v.block_id WHERE k.briefing_id = ?)`
	byID, err := excerptsIn(ctx, tx, linked, briefingID, "read evidence")
	if err != nil {
		return err
	}
	given := map[int64]bool{}
	for _, b := range blocks {
		evs := links[b.ID]
		for i := range evs {
			e := byID[evs[i].ExcerptID]
			if given[e.ID] {
				e = e.Clone() // each link its own copy, as each block has
			}
			given[e.ID] = true
			evs[i].Excerpt = e
		}
		b.Evidence = evs
	}
	return nil
}

// briefingLinks reads the briefing's evidence links by block, in order,
// without their excerpts.
func briefingLinks(ctx context.Context, tx *Tx, briefingID int64) (map[int64][]domain.Evidence, error) {
	rows, err := tx.QueryContext(ctx, `SELECT v.block_id, v.excerpt_id, v.stance, v.note FROM evidence v
		JOIN blocks k ON k.id = v.block_id WHERE k.briefing_id = ? ORDER BY v.block_id, v.position`, briefingID)
	if err != nil {
		return nil, dbError("read evidence", err)
	}
	defer rows.Close()
	links := map[int64][]domain.Evidence{}
	for rows.Next() {
		var block int64
		var ev domain.Evidence
		if err := rows.Scan(&block, &ev.ExcerptID, &ev.Stance, &ev.Note); err != nil {
			return nil, dbError("read evidence", err)
		}
		links[block] = append(links[block], ev)
	}
	return links, rows.Err()
}

// writeEvidence makes the stored links of the briefing's blocks exactly
// theirs. Blocks whose links did not change are not written, so a save
// that touches no link leaves them (and the revision they move) alone.
func writeEvidence(ctx context.Context, tx *Tx, briefingID int64, blocks []*domain.Block) error {
	stored, err := briefingLinks(ctx, tx, briefingID)
	if err != nil {
		return err
	}
	for _, b := range blocks {
		if sameLinks(stored[b.ID], b.Evidence) {
			continue
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM evidence WHERE block_id = ?`, b.ID); err != nil {
			return dbError("save evidence", err)
		}
		for pos, ev := range b.Evidence {
			if _, err := tx.ExecContext(ctx, `INSERT INTO evidence (block_id, excerpt_id, position, stance, note)
				VALUES (?, ?, ?, ?, ?)`, b.ID, ev.ExcerptID, pos, ev.Stance, ev.Note); err != nil {
				if isForeignKey(err) {
					return domain.Errorf(domain.ENOTFOUND, "there is no excerpt %d to link to the judgment: list the excerpts with `attache excerpts`", ev.ExcerptID)
				}
				return dbError("save evidence", err)
			}
		}
	}
	return nil
}

// sameLinks says whether two lists of links are the same, in order.
func sameLinks(a, b []domain.Evidence) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i].ExcerptID != b[i].ExcerptID || a[i].Stance != b[i].Stance || a[i].Note != b[i].Note {
			return false
		}
	}
	return true
}

// evidenceUsage names the briefings outside the trash whose judgments
// link, as evidence, the excerpts picked by cond (a condition on e).
func evidenceUsage(ctx context.Context, tx *Tx, cond string, args ...any) ([]domain.BriefingRef, error) {
	return briefingRefs(ctx, tx, `SELECT DISTINCT b.id, b.title, b.created_by FROM briefings b
		JOIN blocks k ON k.briefing_id = b.id JOIN evidence v ON v.block_id = k.id
		JOIN excerpts e ON e.id = v.excerpt_id
		WHERE b.trashed_at IS NULL AND `+cond+` ORDER BY b.id`, args...)
}

// dropLiveLinks removes the links of briefings outside the trash to the
// excerpts picked by cond, for a forced trash.
func dropLiveLinks(ctx context.Context, tx *Tx, cond string, args ...any) error {
	_, err := tx.ExecContext(ctx, `DELETE FROM evidence WHERE block_id IN
		(SELECT k.id FROM blocks k JOIN briefings b ON b.id = k.briefing_id WHERE b.trashed_at IS NULL)
		AND excerpt_id IN (SELECT e.id FROM excerpts e WHERE `+cond+`)`, args...)
	if err != nil {
		return dbError("remove evidence", err)
	}
	return nil
}

// mergeRefs joins two lists of briefings, each in id order, without
// repeats.
func mergeRefs(a, b []domain.BriefingRef) []domain.BriefingRef {
	out := make([]domain.BriefingRef, 0, len(a)+len(b))
	i, j := 0, 0
	for i < len(a) || j < len(b) {
		switch {
		case j == len(b) || (i < len(a) && a[i].ID < b[j].ID):
			out = append(out, a[i])
			i++
		case i == len(a) || b[j].ID < a[i].ID:
			out = append(out, b[j])
			j++
		default:
			out = append(out, a[i])
			i, j = i+1, j+1
		}
	}
	return out
}
