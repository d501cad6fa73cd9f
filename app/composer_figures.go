package app

import (
	"github.com/attache/attache/domain"
)

// Excerpt lists and search leave a figure's picture out (it can weigh
// megabytes), so a figure excerpt added from the picker, the Excerpts view
// or the side pane arrives without it. The composer fetches the pictures
// it lacks, off the UI goroutine, and gives them to the draft's blocks:
// without them the card is blank and the Preview cannot lay the draft out.

// figureImages holds the pictures fetched, by excerpt id (UI goroutine).
type figureImages struct {
	got     map[int64]*domain.Figure // nil value: tried and failed
	loading bool
}

// loadFigures gives the draft's figure blocks the pictures already
// fetched, and fetches those still missing; the draft is shown again when
// they come.
func (c *composer) loadFigures() {
	if c.figures.got == nil {
		c.figures.got = map[int64]*domain.Figure{}
	}
	var ids []int64
	for _, blk := range c.d.b.Blocks {
		e := blk.Excerpt
		if e == nil || e.Figure == nil || len(e.Figure.PNG) > 0 {
			continue
		}
		f, tried := c.figures.got[e.ID]
		switch {
		case f != nil && f.SHA256 == e.Figure.SHA256:
			e.Figure.PNG = f.PNG
		case !tried:
			ids = append(ids, e.ID)
		}
	}
	if len(ids) == 0 || c.figures.loading {
		return // what is missing now is fetched when the fetch under way lands
	}
	for _, id := range ids {
		c.figures.got[id] = nil // tried: a failure is not fetched again and again
	}
	c.figures.loading = true
	background(func() {
		got := map[int64]*domain.Figure{}
		for _, id := range ids {
			if e, err := c.ui.lib.Excerpt(c.ui.ctx, id); err == nil && e.Figure != nil {
				got[id] = e.Figure
			}
		}
		c.ui.do(func() {
			c.figures.loading = false
			for id, f := range got {
				c.figures.got[id] = f
			}
			if c.d != nil && len(got) > 0 {
				c.updateStats() // lays them out, and fetches what was added meanwhile
				// Their cards are the same items as before, so nothing redraws
				// them: the Document asks for their pictures only when drawn.
				c.doc.Refresh()
			}
		})
	})
}
