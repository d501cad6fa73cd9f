package app

import "github.com/attache/attache/domain"

// refresh reloads the open briefing after a change elsewhere in the
// library (an excerpt's note, a deleted source), keeping the selected
// block. Typing not yet saved wins: the briefing is reloaded only if the
// library holds everything typed, and is kept as it is if typing starts
// meanwhile.
func (c *composer) refresh() {
	c.sources = map[int64]*domain.Source{} // reloaded for the notes: a source's details may have changed
	c.checks.checkLater()                  // a source's concerns may have changed (a recheck, a standing)
	c.evidence.forget()                    // and so the cards' flags and grades
	if c.historyFollow != nil {
		c.historyFollow() // and the flags of the versions, if they show
	}
	d := c.d
	if d == nil || !d.isSaved() || d.stopped || d.saving {
		return
	}
	id, version := d.b.ID, d.version
	background(func() {
		b, err := c.ui.lib.Briefing(c.ui.ctx, id)
		c.ui.do(func() {
			if err != nil || c.d != d || d.version != version || !d.isSaved() {
				return // gone, or typed into meanwhile: the draft is newer
			}
			old := d.b
			if d.takeLibrary(d.base, b) {
				c.showMerged(old)
				c.ui.libraryChanged(changedBriefings) // its title and counts in the list
			}
		})
	})
}

// showMerged shows the draft after changes made elsewhere came in,
// keeping the same block selected wherever it moved (old is the draft as
// it was shown).
func (c *composer) showMerged(old *domain.Briefing) {
	var sel int64
	if c.selected >= 0 && c.selected < len(old.Blocks) {
		sel = old.Blocks[c.selected].ID
	}
	c.selected = -1
	for i, blk := range c.d.b.Blocks {
		if blk.ID == sel {
			c.selected = i
		}
	}
	if c.selected < 0 {
		c.stopEditing()
	}
	c.fill()
}
