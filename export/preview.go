package export

import (
	"bytes"
	"context"
	"fmt"
	"image"
	"math"
	"time"

	"github.com/attache/attache/internal/pdfengine"
)

// The composer's preview is the PDF an export writes, drawn: the same
// layout (layOut and render, through buildPDF), handed to PDFium (the
// engine the PDF import uses) to turn its pages into images.

// PDFPreview is a briefing laid out as its PDF, ready for its pages to be
// drawn. It holds its own bytes: it may be kept and drawn from any
// goroutine while the briefing is edited.
type PDFPreview struct {
	Pages int // the page count, as Document.Pages gives it
	// Width and Height are a page's size in points (every page has the
	// paper's size).
	Width, Height float64
	// Missing are the characters no embedded font has: the preview draws
	// them as their codes, as an export with AllowMissing would, while an
	// export without it is refused.
	Missing []MissingChar
	// Refusal is what WritePDF would refuse the briefing for (its markings
	// are wrong), nil when it would write it: the pages are still laid out
	// and drawn, as the analyst fixes the draft while looking at them.
	Refusal *Refusal
	pdf     []byte
}

// Preview lays the document out as WritePDF would on paper ("a4" or
// "letter"), with what WritePDF would refuse it for while its markings are
// wrong (Refusal). ctx stops it between blocks and pages. The PDF is left
// uncompressed: it is drawn, not kept, and compressing it would cost more
// than PDFium saves by reading less.
func (d *Document) Preview(ctx context.Context, paper string) (*PDFPreview, error) {
	if d == nil || d.Briefing == nil {
		return nil, errNoBriefing
	}
	pdf, missing, err := buildPDF(ctx, d, PDFOptions{Paper: paper})
	if err != nil {
		return nil, err
	}
	w, h := pdf.GetPageSize()
	p := &PDFPreview{Pages: pdf.PageCount(), Width: w, Height: h, Missing: missing}
	if ps := d.Refusals(); len(ps) > 0 {
		p.Refusal = &Refusal{Problems: ps}
	}
	var buf bytes.Buffer
	if err := pdf.Output(&buf); err != nil {
		return nil, fmt.Errorf("write PDF: %w", err)
	}
	p.pdf = buf.Bytes()
	return p, ctx.Err()
}

// PDF is the preview's PDF (uncompressed; an export's bytes differ in
// that, not in what the pages show).
func (p *PDFPreview) PDF() []byte { return p.pdf }

// PageHeight is the height in pixels of a page drawn width pixels wide.
func (p *PDFPreview) PageHeight(width int) int {
	if p.Width <= 0 {
		return 0
	}
	return int(math.Ceil(float64(width) * (p.Height / p.Width))) // as PDFium rounds it
}

// openWait is how long drawing waits for the PDF engine while imports
// hold all its instances.
const openWait = 30 * time.Second

// Draw draws the pages (from 0) width pixels wide, in the order given,
// handing each image to got as soon as it is drawn; it stops at the first
// error, or between pages once ctx is done. The first call in a process
// starts the PDF engine (seconds the first time, when its compiled code
// is not yet cached).
func (p *PDFPreview) Draw(ctx context.Context, pages []int, width int, got func(page int, img *image.RGBA)) error {
	err := pdfengine.DrawPages(ctx, p.pdf, openWait, pages, width, got)
	if err != nil && ctx.Err() == nil {
		return fmt.Errorf("the preview could not be drawn: %w", err)
	}
	return err
}

// StartPreviews starts the PDF engine that draws the pages, if it is not
// running: seconds the first time on a computer (its compiled code is then
// cached), a fraction of a second after. Call it off the UI goroutine,
// ahead of the first Draw.
func StartPreviews() error { return pdfengine.Start() }

// PreviewsReady says whether Draw can start at once, the engine running.
func PreviewsReady() bool { return pdfengine.Running() }

// RenderPages lays the document out on paper and draws the pages (from 0)
// width pixels wide: what the composer's preview shows, in one call.
func RenderPages(ctx context.Context, d *Document, paper string, pages []int, width int) (*PDFPreview, []*image.RGBA, error) {
	p, err := d.Preview(ctx, paper)
	if err != nil {
		return nil, nil, err
	}
	imgs := make([]*image.RGBA, 0, len(pages))
	err = p.Draw(ctx, pages, width, func(_ int, img *image.RGBA) { imgs = append(imgs, img) })
	if err != nil {
		return p, nil, err
	}
	return p, imgs, nil
}
