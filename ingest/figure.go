package ingest

import (
	"time"

	"github.com/attache/attache/domain"
	"github.com/attache/attache/internal/pdfengine"
)

// CutFigure draws rectangle r of page (from 0) of the PDF in data at print
// resolution as a figure (no caption yet), waiting up to wait for the PDF
// engine. It is the one way the app's Figure tool and `attache excerpt
// figure` cut a figure, so both give the same image.
func CutFigure(data []byte, page int, r domain.PageRect, wait time.Duration) (*domain.Figure, error) {
	doc, err := pdfengine.Open(data, wait)
	if err != nil {
		return nil, domain.Errorf(domain.EINVALID, "the figure could not be cut out: the PDF did not open (%v); import the file again", err)
	}
	defer doc.Close()
	if page < 0 || page >= doc.Pages() {
		return nil, domain.Errorf(domain.EINVALID, "the PDF has %d pages: there is no page %d to cut a figure from", doc.Pages(), page+1)
	}
	png, w, h, err := doc.Cut(page, float64(r.X0), float64(r.Y0), float64(r.X1), float64(r.Y1), pdfengine.PrintDPI)
	if err != nil {
		return nil, domain.Errorf(domain.EINVALID, "the figure could not be cut out: %v", err)
	}
	return &domain.Figure{Page: page + 1, Rect: r, PNG: png, Width: w, Height: h, SHA256: domain.FigureSHA256(png)}, nil
}
