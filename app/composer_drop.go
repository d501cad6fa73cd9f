package app

import (
	"fyne.io/fyne/v2"

	"github.com/attache/attache/domain"
)

// What the composer offers the source beside the draft (sidereader.go):
// where a drop lands, and inserting an excerpt there as one undo step.

// dropIndex is the insertion point (a block index, 0 … len(blocks)) for a
// drop at abs, an absolute position; false when abs is outside the draft.
// A drop among the key judgments lands at the start of the body: an
// excerpt is never a judgment.
func (c *composer) dropIndex(abs fyne.Position) (int, bool) {
	if c.d == nil || c.model == nil {
		return 0, false
	}
	at, ok := c.doc.IndexAt(abs)
	if !ok {
		return len(c.d.b.Blocks), false
	}
	return c.model.bodyBlockIndex(at, len(c.d.b.Blocks)), true
}

// showDrop shows where a drag from outside hovering at abs would land
// (the document asks dropPoint(-1, at): an excerpt lands in the body),
// scrolling the document while it is near its top or bottom edge;
// hideDrop hides it.
func (c *composer) showDrop(abs fyne.Position) {
	if c.d == nil || c.model == nil {
		return
	}
	c.doc.DragOver(abs)
}

func (c *composer) hideDrop() { c.doc.ShowDrop(-1) }

// insertExcerpt inserts e as an excerpt block at block index at, or after
// the block being edited (the end when none is) for at < 0, as one undo
// step, and edits it; false when the draft cannot take it (no briefing
// open, another scheme: said to the analyst).
func (c *composer) insertExcerpt(at int, e *domain.Excerpt) bool {
	if c.d == nil {
		return false
	}
	return c.insertAt(at, &domain.Block{Type: domain.BlockExcerpt, ExcerptID: e.ID, Excerpt: e})
}
