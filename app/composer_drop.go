package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"

	"github.com/attache/attache/domain"
)

// What the composer offers the source beside the draft (sidereader.go):
// where a drop lands, and inserting an excerpt there as one undo step.

// dropIndex is the insertion point (a block index, 0 … len(blocks)) for a
// drop at abs, an absolute position; false when abs is outside the draft.
// A drop among the key judgments lands at the start of the body: an
// excerpt is never a judgment. A drop onto a key judgment links to it
// (linkDrop's code).
func (c *composer) dropIndex(abs fyne.Position) (int, bool) {
	if c.d == nil || c.model == nil {
		return 0, false
	}
	if j := c.judgmentAt(abs); j >= 0 {
		return linkDrop(j, dropStance()), true
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
// the block being edited (the end when none is) for at = -1, as one undo
// step, and edits it (for a linkDrop code, links it to the judgment); false when the draft cannot take it (no briefing
// open, another scheme: said to the analyst).
func (c *composer) insertExcerpt(at int, e *domain.Excerpt) bool {
	if c.d == nil {
		return false
	}
	if j, s, ok := linkOf(at); ok {
		return c.linkDropped(j, s, e)
	}
	return c.insertAt(at, &domain.Block{Type: domain.BlockExcerpt, ExcerptID: e.ID, Excerpt: e})
}

// A drop onto a key judgment links the excerpt to it as evidence instead
// of inserting it. The side pane threads one int from the drop to the
// insert (sidereader_drop.go): a block index 0 … len(blocks), -1 for after
// the block being edited, and for a link linkDrop's code, below -1, which
// says the judgment's block index and the stance. Shift held as the
// excerpt is dropped makes it contradicting evidence; the notice after a
// drop offers to change the stance either way.

// linkDrop codes a drop onto judgment block i with stance s.
func linkDrop(i int, s domain.Stance) int {
	at := -2 - 2*i
	if s == domain.StanceContradicts {
		at--
	}
	return at
}

// linkOf reads a drop coded by linkDrop: false for an insertion point.
func linkOf(at int) (i int, s domain.Stance, ok bool) {
	if at > -2 {
		return 0, "", false
	}
	k := -2 - at
	s = domain.StanceSupports
	if k%2 == 1 {
		s = domain.StanceContradicts
	}
	return k / 2, s, true
}

// dropModifiers are the modifier keys held as a drag ends (Shift:
// contradicting evidence); tests stand in for the keyboard.
var dropModifiers = func() fyne.KeyModifier {
	if d, ok := fyne.CurrentApp().Driver().(desktop.Driver); ok {
		return d.CurrentKeyModifiers()
	}
	return 0
}

// dropStance is the stance a drop made now links with.
func dropStance() domain.Stance {
	if dropModifiers()&fyne.KeyModifierShift != 0 {
		return domain.StanceContradicts
	}
	return domain.StanceSupports
}

// judgmentAt is the key judgment block a drop at abs lands on, -1 for
// none (a drop between items, on another block, a read-only library).
func (c *composer) judgmentAt(abs fyne.Position) int {
	if c.d == nil || c.model == nil || c.ui.lib.ReadOnly() {
		return -1
	}
	return c.judgmentBlock(c.itemBlock(c.doc.ItemAt(abs)))
}

// judgmentBlock is i if block i is a key judgment, else -1.
func (c *composer) judgmentBlock(i int) int {
	if c.d == nil || i < 0 || i >= len(c.d.b.Blocks) || c.d.b.Blocks[i].Type != domain.BlockJudgment {
		return -1
	}
	return i
}

// dropOnto labels a key judgment under a drag from outside with what the
// drop does (widgets.Document.DropOnto); "" for other items.
func (c *composer) dropOnto(item int) string {
	if c.ui.lib.ReadOnly() || c.judgmentBlock(c.itemBlock(item)) < 0 {
		return ""
	}
	if dropStance() == domain.StanceContradicts {
		return "Link as contradicting evidence"
	}
	return "Link as supporting evidence · Shift: contradicting"
}

// linkDropped links e to judgment block i as dropped: one undo step, and
// a notice that names the judgment and offers the other stance.
func (c *composer) linkDropped(i int, s domain.Stance, e *domain.Excerpt) bool {
	if c.judgmentBlock(i) < 0 {
		c.ui.notify("The key judgment the excerpt was dropped on has moved or gone: drop it again.")
		return false
	}
	blk := c.d.b.Blocks[i]
	id, n := blk.ID, c.judgmentNumber(i)
	if !c.linkEvidence(id, domain.Evidence{ExcerptID: e.ID, Stance: s, Excerpt: e.Clone()}) {
		return false
	}
	other, label := domain.StanceContradicts, "Contradicts instead"
	if s == domain.StanceContradicts {
		other, label = domain.StanceSupports, "Supports instead"
	}
	c.ui.notifyAction("Linked "+excerptHeadline(e, 50)+" to key judgment "+n+" as "+stanceWord(s)+" evidence.", label, func() {
		c.setStance(id, e.ID, other)
	})
	return true
}
