package app

import (
	"fmt"

	"github.com/attache/attache/domain"
	"github.com/attache/attache/internal/pdfengine"
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
	start, end := figureSpan(p.tm, page, rect, len([]rune(p.b.source().Text)))
	data, gen, src := p.data, p.loads, p.b.source()
	background(func() {
		fig, err := cutFigure(data, page, rect)
		p.b.ui.do(func() {
			if gen != p.loads {
				return // another source opened meanwhile
			}
			if err != nil {
				p.b.ui.showError(err)
				return
			}
			p.b.onFigure(src, fig, start, end)
		})
	})
}

// figureSpan is the span of text a figure on page holds: the runes drawn
// inside rect, or for a chart with no text an empty span where the page's
// text starts (or the next page's, or the end of a text of n runes).
func figureSpan(tm *domain.TextMap, page int, rect domain.PageRect, n int) (start, end int) {
	if s, e, ok := tm.Within(page, rect); ok {
		return s, e
	}
	for pg := page; pg < len(tm.Pages); pg++ {
		if s, ok := tm.PageStart(pg); ok {
			return s, s
		}
	}
	return n, n
}

// cutFigure draws rect of page (from 0) of the PDF in data at print
// resolution as a figure (off the UI goroutine).
func cutFigure(data []byte, page int, rect domain.PageRect) (*domain.Figure, error) {
	doc, err := pdfengine.Open(data, drawWait)
	if err != nil {
		return nil, fmt.Errorf("the figure could not be cut out: %w", err)
	}
	defer doc.Close()
	png, w, h, err := doc.Cut(page, float64(rect.X0), float64(rect.Y0), float64(rect.X1), float64(rect.Y1), pdfengine.PrintDPI)
	if err != nil {
		return nil, fmt.Errorf("the figure could not be cut out: %w", err)
	}
	return &domain.Figure{Page: page + 1, Rect: rect, PNG: png, Width: w, Height: h, SHA256: domain.FigureSHA256(png)}, nil
}
