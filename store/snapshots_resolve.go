package store

import (
	"context"

	"github.com/attache/attache/domain"
)

// resolveSnapshot gives a version's blocks and evidence links the
// library's excerpts, as Briefing does for the current briefing, and the
// version the sources they cite (texts left out) with their concerns, so
// that it lays out and checks as the briefing does. An excerpt deleted
// since the version was saved stays unresolved (Excerpt nil): its block
// or link is still the version's, and readers name it as deleted.
func resolveSnapshot(ctx context.Context, tx *Tx, snap *domain.Snapshot) error {
	var ids []int64
	for _, blk := range snap.Briefing.Blocks {
		if blk.Type == domain.BlockExcerpt && blk.ExcerptID != 0 {
			ids = append(ids, blk.ExcerptID)
		}
		for _, ev := range blk.Evidence {
			ids = append(ids, ev.ExcerptID)
		}
	}
	if len(ids) == 0 {
		return nil
	}
	byID, err := excerptsIn(ctx, tx, `(SELECT value FROM json_each(?))`, idsJSON(ids), "read the version's excerpts")
	if err != nil {
		return err
	}
	given := map[int64]bool{}
	take := func(id int64) *domain.Excerpt {
		e := byID[id]
		if e == nil {
			return nil
		}
		if given[id] {
			return e.Clone() // each use its own copy, as Briefing gives them
		}
		given[id] = true
		return e
	}
	for _, blk := range snap.Briefing.Blocks {
		if blk.Type == domain.BlockExcerpt {
			blk.Excerpt = take(blk.ExcerptID)
		}
		for i := range blk.Evidence {
			blk.Evidence[i].Excerpt = take(blk.Evidence[i].ExcerptID)
		}
	}
	if snap.Sources, err = citedSources(ctx, tx, snap.Briefing.Blocks, false); err != nil {
		return err
	}
	snap.Concerns, err = concernsOf(ctx, tx, snap.Sources)
	return err
}
