package app

import (
	"fyne.io/fyne/v2"

	"github.com/attache/attache/domain"
)

// What the composer offers the source beside the draft (sidereader.go):
// where a drop lands, and inserting an excerpt there as one undo step.

// dropIndex is the insertion point (a block index, 0 … len(blocks)) for a
// drop at abs, an absolute position; false when abs is outside the draft.
func (c *composer) dropIndex(abs fyne.Position) (int, bool) {
	if c.d == nil {
		return 0, false
	}
	return len(c.d.b.Blocks), false
}

// showDrop shows where a drag from outside hovering at abs would land;
// hideDrop hides it.
func (c *composer) showDrop(abs fyne.Position) {}
func (c *composer) hideDrop()                  {}

// insertExcerpt inserts e as an excerpt block at block index at, or after
// the block being edited (the end when none is) for at < 0, as one undo
// step; false when the draft cannot take it (no briefing open, another
// scheme: said to the analyst).
func (c *composer) insertExcerpt(at int, e *domain.Excerpt) bool {
	if c.d == nil {
		return false
	}
	blk := &domain.Block{Type: domain.BlockExcerpt, ExcerptID: e.ID, Excerpt: e}
	if !c.admits(blk) {
		return false
	}
	if at < 0 {
		at = len(c.d.b.Blocks)
		if c.selected >= 0 {
			at = c.selected + 1
		}
	}
	c.d.edit(func(b *domain.Briefing) { b.Blocks = domain.InsertBlock(b.Blocks, at, blk) })
	c.blocks.Refresh()
	c.blocks.Select(at)
	c.updateStats()
	return true
}
