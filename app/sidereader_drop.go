package app

import (
	"fyne.io/fyne/v2"

	"github.com/attache/attache/domain"
)

// Dragging from the side pane into the draft: a passage of the source
// becomes an excerpt (or the excerpt it already is), an excerpt row is
// itself, and either is inserted where it is dropped, in one undo step.
// While the drag is over the draft the composer shows where it would land.

// dropIndexAt is where in c's draft a drop at abs lands (see
// composer.dropIndex); tests stand in for the document's own mapping.
var dropIndexAt = func(c *composer, abs fyne.Position) (int, bool) { return c.dropIndex(abs) }

// dragOver shows where a drag from the side pane, its pointer at abs,
// would land in the draft, and nothing once it leaves the draft.
func (p *sidePane) dragOver(abs fyne.Position) {
	c := p.s.composer
	if _, ok := dropIndexAt(c, abs); ok && c.d != nil {
		c.showDrop(abs)
		p.over = true
		return
	}
	if p.over {
		c.hideDrop()
		p.over = false
	}
}

// dropAt ends a drag from the side pane released at abs: the block index
// it lands at, false when it was not dropped on the draft.
func (p *sidePane) dropAt(abs fyne.Position) (int, bool) {
	c := p.s.composer
	if p.over {
		c.hideDrop()
		p.over = false
	}
	if c.d == nil {
		return 0, false
	}
	return dropIndexAt(c, abs)
}

// addPassage makes the passage start–end of the open source an excerpt
// (exact offsets, the source's marking, no note: as Excerpt selection
// makes it, without asking) and inserts it in the draft at block index at,
// or after the block being edited for at < 0. The library is written off
// the UI goroutine; a passage that is an excerpt already is not made
// twice.
func (r *sideReader) addPassage(start, end, at int) {
	c := r.p.s.composer
	if r.source == nil || end <= start || r.ui.refuseReadOnly() {
		return
	}
	if c.d == nil {
		r.ui.notify("Open a briefing first: the passage goes into its draft.")
		return
	}
	src, briefing := r.source, c.d.b.ID
	made := &domain.Excerpt{SourceID: src.ID, Start: start, End: end}
	r.ui.excerptOf(made, func(e *domain.Excerpt, err error) {
		if err != nil {
			r.ui.showError(err)
			return
		}
		if _, _, link := linkOf(at); r.p.insert(briefing, at, e) && e != made && !link { // a link says so itself
			r.ui.notify("This passage was an excerpt already" + noteHint(e) + ": that excerpt is in the draft now.")
		}
		if r.source != nil && r.source.ID == src.ID {
			r.pages.keepScroll(e.ID) // made on the pages on screen: they stay put
			r.open(src.ID, e.ID, "") // shows it highlighted, as an excerpt now
		}
	})
}

// insert puts excerpt e into the draft of briefing at block index at (see
// composer.insertExcerpt), if that briefing is still the one open; false
// when it did not.
func (p *sidePane) insert(briefing int64, at int, e *domain.Excerpt) bool {
	c := p.s.composer
	if c.d == nil || c.d.b.ID != briefing {
		p.ui.notify("The excerpt is saved, but its briefing was closed meanwhile: add it from the Excerpts tab beside the draft.")
		return false
	}
	return c.insertExcerpt(at, e)
}

// insertExisting puts excerpt e, already in the library, into the open
// draft at block index at (after the block being edited for at < 0).
func (p *sidePane) insertExisting(at int, e *domain.Excerpt) {
	c := p.s.composer
	if p.ui.refuseReadOnly() {
		return
	}
	if c.d == nil {
		p.ui.notify("Open a briefing first: the excerpt goes into its draft.")
		return
	}
	c.insertExcerpt(at, e)
}
