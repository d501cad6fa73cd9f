package store

import (
	"context"
	"database/sql"
	"errors"

	"github.com/attache/attache/domain"
)

// Bundle loads a briefing with every source it cites, in order of first
// citation, texts included: what exporters need, in one read transaction.
func (s *Store) Bundle(ctx context.Context, briefingID int64) (bundle *domain.Bundle, err error) {
	err = s.view(ctx, func(tx *sql.Tx) error {
		b, err := getBriefing(ctx, tx, briefingID)
		if err != nil {
			return err
		}
		bundle = &domain.Bundle{Briefing: b, Sources: []*domain.Source{}}
		for _, blk := range b.Blocks {
			if blk.Excerpt == nil || bundle.Source(blk.Excerpt.SourceID) != nil {
				continue
			}
			src, err := getSource(ctx, tx, blk.Excerpt.SourceID, true)
			if err != nil {
				return err
			}
			bundle.Sources = append(bundle.Sources, src)
		}
		return nil
	})
	return bundle, err
}

// ImportBundle stores a briefing read from an interchange file, with its
// sources and excerpts, all or nothing. Sources whose text the library
// already has are reused, and so are excerpts of the same span.
func (s *Store) ImportBundle(ctx context.Context, bundle *domain.Bundle) (b *domain.Briefing, err error) {
	if bundle == nil || bundle.Briefing == nil {
		return nil, domain.Errorf(domain.EINVALID, "the file holds no briefing")
	}
	err = s.update(ctx, func(tx *sql.Tx) error {
		ids := map[int64]int64{}
		for _, src := range bundle.Sources {
			local, copySrc := src.ID, *src
			if _, err := s.createSource(ctx, tx, &copySrc); err != nil {
				return err
			}
			ids[local] = copySrc.ID
		}
		b = bundle.Briefing
		for i, blk := range b.Blocks {
			if blk.Type != domain.BlockExcerpt {
				continue
			}
			if err := s.importExcerpt(ctx, tx, blk, ids); err != nil {
				return domain.Errorf(domain.ErrorCode(err), "block %d (excerpt): %s", i+1, domain.ErrorMessage(err))
			}
		}
		for _, blk := range b.Blocks {
			blk.ID = 0
		}
		return s.createBriefing(ctx, tx, b)
	})
	return b, err
}

func (s *Store) importExcerpt(ctx context.Context, tx *sql.Tx, blk *domain.Block, ids map[int64]int64) error {
	if blk.Excerpt == nil {
		return domain.Errorf(domain.EINVALID, "the block has no excerpt")
	}
	e := *blk.Excerpt
	real, ok := ids[e.SourceID]
	if !ok {
		return domain.Errorf(domain.EINVALID, "the excerpt names a source that is not in the file")
	}
	e.SourceID = real
	text, title, err := excerptSource(ctx, tx, real)
	if err != nil {
		return err
	}
	if err := locateExcerpt(text, &e); err != nil {
		return err
	}
	var id int64
	err = tx.QueryRowContext(ctx, `SELECT id FROM excerpts WHERE source_id = ? AND start = ? AND "end" = ?
		ORDER BY id LIMIT 1`, e.SourceID, e.Start, e.End).Scan(&id)
	switch {
	case err == nil:
		blk.ExcerptID = id
		return nil
	case !errors.Is(err, sql.ErrNoRows):
		return dbError("find excerpt", err)
	}
	e.ID = 0
	if err := checkExcerptGrades(&e); err != nil {
		return err
	}
	if err := s.insertExcerpt(ctx, tx, &e, title); err != nil {
		return err
	}
	blk.ExcerptID, blk.Excerpt = e.ID, &e
	return nil
}
