package app

import (
	"github.com/attache/attache/domain"
	"github.com/attache/attache/ingest"
)

// A figure excerpt is cut out of a page with the page view's Figure tool:
// the rectangle drawn at print resolution, with the text inside it.

// onFigure cuts the rectangle dragged with the figure tool out of its page
// at print resolution, off the UI goroutine, and asks for the figure
// excerpt's caption, note and tags.
func (p *pageReader) onFigure(page int, x0, y0, x1, y1 float32) {
	if p.tm == nil || p.b.source() == nil || p.b.ui.refuseReadOnly() {
		return
	}
	rect := domain.PageRect{X0: max(x0, 0), Y0: max(y0, 0), X1: min(x1, 1), Y1: min(y1, 1)}
	if rect.Empty() {
		return
	}
	start, end := p.b.source().FigureSpan(page, rect)
	// Cutting takes a moment: a rectangle dragged again meanwhile (the
	// first one missed) is the one the analyst means.
	p.cuts++
	data, gen, cut, src := p.data, p.loads, p.cuts, p.b.source()
	background(func() {
		fig, err := ingest.CutFigure(data, page, rect, drawWait)
		p.b.ui.do(func() {
			if gen != p.loads || cut != p.cuts {
				return // another source opened, or another rectangle dragged, meanwhile
			}
			if err != nil {
				p.b.ui.showError(err)
				return
			}
			p.b.onFigure(src, fig, start, end)
		})
	})
}
