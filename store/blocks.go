package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"

	"github.com/attache/attache/domain"
)

// readBlocks loads a briefing's blocks in order with their excerpts.
func readBlocks(ctx context.Context, tx *Tx, briefingID int64) ([]*domain.Block, error) {
	rows, err := tx.QueryContext(ctx, `SELECT id, type, text, coalesce(excerpt_id, 0), confidence,
		marking FROM blocks WHERE briefing_id = ? ORDER BY position, id`, briefingID)
	if err != nil {
		return nil, dbError("read blocks", err)
	}
	blocks := []*domain.Block{}
	for rows.Next() {
		var b domain.Block
		if err := rows.Scan(&b.ID, &b.Type, &b.Text, &b.ExcerptID, &b.Confidence, &b.Marking); err != nil {
			rows.Close()
			return nil, dbError("read blocks", err)
		}
		blocks = append(blocks, &b)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, dbError("read blocks", err)
	}
	if err := attachExcerpts(ctx, tx, briefingID, blocks); err != nil {
		return nil, err
	}
	if err := readEvidence(ctx, tx, briefingID, blocks); err != nil {
		return nil, err
	}
	return blocks, nil
}

// writeBlocks appends blocks to a briefing, filling in their IDs.
func writeBlocks(ctx context.Context, tx *Tx, briefingID int64, blocks []*domain.Block) error {
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM blocks WHERE briefing_id = ?`, briefingID).Scan(&n); err != nil {
		return dbError("add blocks", err)
	}
	for i, b := range blocks {
		if err := insertBlock(ctx, tx, briefingID, b, n+i); err != nil {
			return err
		}
	}
	if err := writeEvidence(ctx, tx, briefingID, blocks); err != nil {
		return err
	}
	return reviveUsed(ctx, tx, briefingID)
}

func insertBlock(ctx context.Context, tx *Tx, briefingID int64, b *domain.Block, pos int) error {
	return insertBlockAs(ctx, tx, briefingID, b, pos, nil)
}

// insertBlockAs inserts b under the number id (nil: the next one) and
// fills in b.ID.
func insertBlockAs(ctx context.Context, tx *Tx, briefingID int64, b *domain.Block, pos int, id any) error {
	q, args := `INSERT INTO blocks (briefing_id, position, type, text, excerpt_id, confidence, marking)
		VALUES (?, ?, ?, ?, ?, ?, ?)`, []any{briefingID, pos, b.Type, b.Text, nullID(b.ExcerptID), b.Confidence, b.Marking}
	if id != nil { // PostgreSQL takes NULL for NULL, not for "the next number"
		q, args = `INSERT INTO blocks (id, briefing_id, position, type, text, excerpt_id, confidence, marking)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, append([]any{id}, args...)
	}
	var err error
	b.ID, err = tx.insert(ctx, q, args...)
	if err != nil {
		if isForeignKey(err) {
			return domain.Errorf(domain.ENOTFOUND, "there is no excerpt %d: list the excerpts with `attache excerpts`", b.ExcerptID)
		}
		return dbError("add block", err)
	}
	if b.Type == domain.BlockExcerpt {
		b.Excerpt, err = getExcerpt(ctx, tx, b.ExcerptID)
	}
	return err
}

// replaceBlocks makes the briefing's blocks exactly blks, in that order.
// Blocks that keep their ID are updated in place; the rest are inserted,
// and the returned map says which IDs they were sent with (0 or below for
// new blocks) and which they have now. Like writeBlocks, it brings back
// from the trash the excerpts the blocks use (see trash.go). Their
// evidence links are made the blocks' own (see writeEvidence).
func replaceBlocks(ctx context.Context, tx *Tx, briefingID int64, blks []*domain.Block) (map[int64]int64, error) {
	keep := []int64{}
	for _, b := range blks {
		if b.ID > 0 {
			keep = append(keep, b.ID)
		}
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM blocks WHERE briefing_id = ?
		AND id NOT IN (SELECT value FROM json_each(?))`, briefingID, idsJSON(keep)); err != nil {
		return nil, dbError("save blocks", err)
	}
	ids := map[int64]int64{}
	for pos, b := range blks {
		sent := b.ID
		if err := putBlock(ctx, tx, b, briefingID, pos); err != nil {
			return nil, err
		}
		if b.ID != sent {
			ids[sent] = b.ID
		}
	}
	if err := writeEvidence(ctx, tx, briefingID, blks); err != nil {
		return nil, err
	}
	return ids, reviveUsed(ctx, tx, briefingID)
}

// putBlock updates the block b.ID of the briefing, or inserts it: under a
// new number when it has none (ID 0 or below), under its own when that
// number is free (a block an undo brought back after a save removed it),
// else under a new one, never into another briefing's block.
func putBlock(ctx context.Context, tx *Tx, b *domain.Block, briefingID int64, pos int) error {
	if b.ID <= 0 {
		return insertBlock(ctx, tx, briefingID, b, pos)
	}
	res, err := tx.ExecContext(ctx, `UPDATE blocks SET position = ?, type = ?, text = ?,
		excerpt_id = ?, confidence = ?, marking = ? WHERE id = ? AND briefing_id = ?`,
		pos, b.Type, b.Text, nullID(b.ExcerptID), b.Confidence, b.Marking, b.ID, briefingID)
	if err != nil {
		if isForeignKey(err) {
			return domain.Errorf(domain.ENOTFOUND, "there is no excerpt %d", b.ExcerptID)
		}
		return dbError("save block", err)
	}
	if n, _ := res.RowsAffected(); n > 0 {
		return nil
	}
	var taken int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM blocks WHERE id = ?`, b.ID).Scan(&taken); err != nil {
		return dbError("save block", err)
	}
	var id any
	if taken == 0 {
		id = b.ID
	}
	return insertBlockAs(ctx, tx, briefingID, b, pos, id)
}

func nullID(id int64) any {
	if id == 0 {
		return nil
	}
	return id
}

// blockBriefing finds the briefing a block belongs to, for the operations
// that take only a block ID.
func blockBriefing(ctx context.Context, tx *Tx, blockID int64) (int64, error) {
	var id int64
	err := tx.QueryRowContext(ctx, `SELECT briefing_id FROM blocks WHERE id = ?`, blockID).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, domain.Errorf(domain.ENOTFOUND, "there is no block %d: see the block ids with `attache briefing show`", blockID)
	}
	if err != nil {
		return 0, dbError("find block", err)
	}
	return id, nil
}

// editBlocks loads a briefing's blocks, lets fn change the list, and saves
// the result with the briefing marked as edited.
func (s *Store) editBlocks(ctx context.Context, briefingID int64, fn func([]*domain.Block) ([]*domain.Block, error)) error {
	return s.update(ctx, func(tx *Tx) error { return s.editBlocksTx(ctx, tx, briefingID, fn) })
}

func (s *Store) editBlocksTx(ctx context.Context, tx *Tx, briefingID int64, fn func([]*domain.Block) ([]*domain.Block, error)) error {
	b, err := getBriefing(ctx, tx, briefingID)
	if err != nil {
		return err
	}
	was := *b
	was.Blocks = append([]*domain.Block{}, b.Blocks...)
	blocks, err := fn(b.Blocks)
	if err != nil {
		return err
	}
	// The blocks changed are held to the briefing's scheme, as a save
	// holds them: their marks and the excerpts they quote.
	now := was
	now.Blocks = blocks
	if err := now.ValidateSince(&was); err != nil {
		return err
	}
	if err := admitExcerpts(ctx, tx, &now); err != nil {
		return err
	}
	if _, err := replaceBlocks(ctx, tx, briefingID, blocks); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `UPDATE briefings SET updated_at = ?, updated_by = ? WHERE id = ?`, s.stamp(), s.user, briefingID); err != nil {
		return dbError("save briefing", err)
	}
	return indexBriefing(ctx, tx, briefingID)
}

// AddBlock implements domain.BriefingService.
func (s *Store) AddBlock(ctx context.Context, briefingID int64, blk *domain.Block, pos int) error {
	if err := normalizeBlock(blk); err != nil {
		return err
	}
	blk.ID = 0
	return s.editBlocks(ctx, briefingID, func(bs []*domain.Block) ([]*domain.Block, error) {
		if pos < 0 || pos > len(bs) {
			pos = len(bs)
		}
		out := append([]*domain.Block{}, bs[:pos]...)
		out = append(out, blk)
		return append(out, bs[pos:]...), nil
	})
}

// UpdateBlock implements domain.BriefingService.
func (s *Store) UpdateBlock(ctx context.Context, blk *domain.Block) error {
	if err := normalizeBlock(blk); err != nil {
		return err
	}
	return s.withBlock(ctx, blk.ID, func(bs []*domain.Block, i int) ([]*domain.Block, error) {
		bs[i] = blk
		return bs, nil
	})
}

// MoveBlock implements domain.BriefingService.
func (s *Store) MoveBlock(ctx context.Context, blockID int64, pos int) error {
	return s.withBlock(ctx, blockID, func(bs []*domain.Block, i int) ([]*domain.Block, error) {
		pos = min(max(pos, 0), len(bs)-1)
		b := bs[i]
		bs = append(bs[:i], bs[i+1:]...)
		return append(bs[:pos], append([]*domain.Block{b}, bs[pos:]...)...), nil
	})
}

// RemoveBlock implements domain.BriefingService.
func (s *Store) RemoveBlock(ctx context.Context, blockID int64) error {
	return s.withBlock(ctx, blockID, func(bs []*domain.Block, i int) ([]*domain.Block, error) {
		return append(bs[:i], bs[i+1:]...), nil
	})
}

// withBlock runs fn on the block list of the block's briefing, with the
// block's index in it.
func (s *Store) withBlock(ctx context.Context, blockID int64, fn func([]*domain.Block, int) ([]*domain.Block, error)) error {
	return s.update(ctx, func(tx *Tx) error {
		briefingID, err := blockBriefing(ctx, tx, blockID)
		if err != nil {
			return err
		}
		return s.editBlocksTx(ctx, tx, briefingID, func(bs []*domain.Block) ([]*domain.Block, error) {
			for i, b := range bs {
				if b.ID == blockID {
					return fn(bs, i)
				}
			}
			return nil, domain.Errorf(domain.ENOTFOUND, "there is no block %d", blockID)
		})
	})
}

// admitExcerpts refuses an excerpt block whose excerpt is marked under
// another scheme than the briefing's: read under the wrong scheme, "S"
// would print as the wrong level. It refuses too a block marked below its
// excerpt: the excerpt's mark is what prints, so the block's would only
// mislead whoever reads the briefing's details. Blocks the library already
// has with the same excerpt and mark, in a briefing whose scheme has not
// changed, were admitted before and are not read again. Unmarked excerpts
// go anywhere; a block naming no excerpt the library has is left to the
// write, which says so.
func admitExcerpts(ctx context.Context, tx *Tx, b *domain.Briefing) error {
	return admitBlocks(ctx, tx, b, true)
}

// admitRestored is admitExcerpts for a version put back: its blocks' own
// marks were the library's once and pass the rule they predate (a block
// marked below its excerpt prints under the excerpt's all the same), so
// restoring never loses a version's text to it.
func admitRestored(ctx context.Context, tx *Tx, b *domain.Briefing) error {
	return admitBlocks(ctx, tx, b, false)
}

func admitBlocks(ctx context.Context, tx *Tx, b *domain.Briefing, holdMarks bool) error {
	if !slices.ContainsFunc(b.Blocks, func(blk *domain.Block) bool { return blk.Type == domain.BlockExcerpt }) {
		return nil
	}
	var stored string
	err := tx.QueryRowContext(ctx, `SELECT scheme FROM briefings WHERE id = ?`, b.ID).Scan(&stored)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return dbError("read briefing", err)
	}
	had, err := storedExcerptBlocks(ctx, tx, b.ID)
	if err != nil {
		return err
	}
	var ids []int64
	for _, blk := range b.Blocks {
		if blk.Type == domain.BlockExcerpt && (stored != string(b.Scheme) || had[blk.ID] != (excerptBlock{blk.ExcerptID, blk.Marking})) {
			ids = append(ids, blk.ExcerptID)
		}
	}
	if len(ids) == 0 {
		return nil
	}
	marks, err := excerptMarkings(ctx, tx, ids)
	if err != nil {
		return err
	}
	sch := b.SchemeDef()
	for i, blk := range b.Blocks {
		m, ok := marks[blk.ExcerptID]
		if blk.Type != domain.BlockExcerpt || !ok {
			continue
		}
		k, err := sch.Admit(m.marking)
		if err != nil {
			return domain.Errorf(domain.ErrorCode(err), "block %d (excerpt %d): %s%s", i+1, blk.ExcerptID, domain.ErrorMessage(err), quoteAcross(b, sch, m, blk.ExcerptID))
		}
		if !holdMarks {
			continue
		}
		if err := blockOverExcerpt(sch, blk, k); err != nil {
			return domain.Errorf(domain.ErrorCode(err), "block %d (excerpt %d): %s", i+1, blk.ExcerptID, domain.ErrorMessage(err))
		}
	}
	return nil
}

// blockOverExcerpt refuses an excerpt block's own mark that does not cover
// its excerpt's, k: the block may only raise the excerpt's mark.
func blockOverExcerpt(sch *domain.Scheme, blk *domain.Block, k domain.Mark) error {
	if blk.Marking == "" {
		return nil
	}
	own, err := sch.Admit(blk.Marking)
	if err != nil {
		return err // another scheme's mark, as the briefing's own checks refuse it
	}
	if ok, _ := sch.Covers(own, k); ok {
		return nil
	}
	return domain.Errorf(domain.EINVALID, "the block is marked %s, below its excerpt's %s, which is what prints: "+
		"mark the block %s or higher, or leave its mark empty. The excerpt's own marking is changed in the excerpt "+
		"(its form in the app, or `attache excerpt edit %d --marking …`), with a reason when below its source's",
		own.Portion(), k.Portion(), k.Portion(), blk.ExcerptID)
}

// excerptBlock is an excerpt block as stored: its excerpt and own mark.
type excerptBlock struct {
	excerpt int64
	marking domain.Marking
}

// storedExcerptBlocks maps the briefing's excerpt blocks as stored to
// their excerpts and marks.
func storedExcerptBlocks(ctx context.Context, tx *Tx, briefingID int64) (map[int64]excerptBlock, error) {
	rows, err := tx.QueryContext(ctx, `SELECT id, excerpt_id, marking FROM blocks WHERE briefing_id = ? AND excerpt_id IS NOT NULL`, briefingID)
	if err != nil {
		return nil, dbError("read blocks", err)
	}
	defer rows.Close()
	had := map[int64]excerptBlock{}
	for rows.Next() {
		var id int64
		var eb excerptBlock
		if err := rows.Scan(&id, &eb.excerpt, &eb.marking); err != nil {
			return nil, dbError("read blocks", err)
		}
		had[id] = eb
	}
	return had, rows.Err()
}

// excerptMark is an excerpt's marking and source, as admitExcerpts reads
// them.
type excerptMark struct {
	marking domain.Marking
	source  int64
}

// excerptMarkings reads the markings of the excerpts ids that exist.
func excerptMarkings(ctx context.Context, tx *Tx, ids []int64) (map[int64]excerptMark, error) {
	rows, err := tx.QueryContext(ctx, `SELECT id, marking, source_id FROM excerpts WHERE id IN (SELECT value FROM json_each(?))`, idsJSON(ids))
	if err != nil {
		return nil, dbError("read excerpts", err)
	}
	defer rows.Close()
	marks := make(map[int64]excerptMark, len(ids))
	for rows.Next() {
		var id int64
		var m excerptMark
		if err := rows.Scan(&id, &m.marking, &m.source); err != nil {
			return nil, dbError("read excerpts", err)
		}
		marks[id] = m
	}
	return marks, rows.Err()
}

// quoteAcross says how to quote, in a briefing of scheme sch, an excerpt
// marked under another scheme: its marking follows its source's scheme,
// so either the source and excerpt are marked anew under sch, or the
// briefing takes theirs. Nothing is re-marked for the analyst.
func quoteAcross(b *domain.Briefing, sch *domain.Scheme, m excerptMark, excerptID int64) string {
	theirs := m.marking.SchemeID()
	if !sch.Marks() {
		return "" // Admit's message already says to choose the scheme or remove the mark
	}
	out := fmt.Sprintf(". To quote it, mark its source under the %s scheme (`attache source edit %d --scheme %s --marking …`) "+
		"and then the excerpt (`attache excerpt edit %d --marking …`)", sch.Short, m.source, sch.ID, excerptID)
	if b.ID != 0 {
		out += fmt.Sprintf(", or give the briefing the %s scheme with its marks (`attache briefing edit %d --scheme %s --marking …`)",
			domain.SchemeOf(theirs).Short, b.ID, theirs)
	}
	return out + "; in the app, the source's and excerpt's Marking fields or the briefing's details"
}
