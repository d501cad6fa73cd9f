package ingest

import (
	"context"
	"math"
	"strings"
	"sync/atomic"
	"time"

	"github.com/attache/attache/domain"
	"github.com/klippa-app/go-pdfium"
	"github.com/klippa-app/go-pdfium/references"
	"github.com/klippa-app/go-pdfium/requests"
)

// pdfLine is one line of text on a page. Positions are in points, measured
// from the left and downwards from the top of the page.
type pdfLine struct {
	text                string
	glyphs              []pglyph // where each rune of text is drawn
	x0, x1, top, bottom float64
	base                float64 // baseline
	size                float64 // font size
	page                int     // from 0
	drop                bool    // running header/footer or title-page metadata
}

func (l *pdfLine) height() float64 { return l.bottom - l.top }

type pdfPage struct {
	width, height float64         // upright, as the text is read
	drawn         domain.PageSize // as PDFium renders the page
	frame         pageFrame       // page space to the rendered page
	framed        bool            // frame is known: the page's text is mapped
	lines         []*pdfLine      // in reading order
	failed        bool            // PDFium could not read the page
}

// pdfDoc is what readPDF gets out of a document for buildPDF.
type pdfDoc struct {
	pages []*pdfPage
	info  map[string]string // document information dictionary
	xmp   xmpMeta
}

// readPDF reads the metadata and the page count; readPages fills the pages.
func readPDF(inst pdfium.Pdfium, doc references.FPDF_DOCUMENT) (*pdfDoc, error) {
	pc, err := inst.FPDF_GetPageCount(&requests.FPDF_GetPageCount{Document: doc})
	if err != nil {
		return nil, err
	}
	d := &pdfDoc{info: map[string]string{}, pages: make([]*pdfPage, max(pc.PageCount, 0))}
	if md, err := inst.GetMetaData(&requests.GetMetaData{Document: doc}); err == nil {
		for _, t := range md.Tags {
			d.info[t.Tag] = t.Value
		}
	}
	return d, nil
}

// readPages extracts the positioned lines of pages [from, to), and gives up
// (setting late) when the deadline passes or ctx is done.
func readPages(ctx context.Context, inst pdfium.Pdfium, doc references.FPDF_DOCUMENT, d *pdfDoc, from, to int, deadline time.Time, late *atomic.Bool) {
	for i := from; i < to; i++ {
		if late.Load() || time.Now().After(deadline) || ctx.Err() != nil {
			late.Store(true)
			return
		}
		d.pages[i] = readPage(inst, doc, i)
	}
}

func readPage(inst pdfium.Pdfium, doc references.FPDF_DOCUMENT, i int) (p *pdfPage) {
	defer func() {
		if recover() != nil {
			p = &pdfPage{failed: true}
		}
	}()
	page := requests.Page{ByIndex: &requests.PageByIndex{Document: doc, Index: i}}
	size, err := inst.GetPageSize(&requests.GetPageSize{Page: page})
	if err != nil {
		return &pdfPage{failed: true}
	}
	st, err := inst.GetPageTextStructured(&requests.GetPageTextStructured{Page: page,
		Mode: requests.GetPageTextStructuredModeChars})
	if err != nil {
		return &pdfPage{failed: true}
	}
	p = &pdfPage{width: size.Width, height: size.Height,
		drawn: domain.PageSize{W: float32(size.Width), H: float32(size.Height)}}
	p.frame, p.framed = pageFrameOf(inst, page)
	frags := p.fragments(st, i)
	p.lines = sameBaseline(readingOrder(mergeRows(frags), p.width))
	return p
}

func bad(f float64) bool { return math.IsNaN(f) || math.IsInf(f, 0) }

// cleanPDFText drops control characters and soft hyphens and writes
// PDFium's end-of-line hyphen marker (U+0002) as "-", in NFC, keeping each
// rune's glyph (g holds one per rune of s).
func cleanPDFText(s string, g []pglyph) (string, []pglyph) {
	if !strings.ContainsFunc(s, unclean) {
		return nfcGlyphs(s, g)
	}
	rs := make([]rune, 0, len(g))
	gs := make([]pglyph, 0, len(g))
	i := 0
	for _, r := range s {
		gl := g[i]
		i++
		switch {
		case r == 2:
			r = '-'
		case r == '\t' || r == '\n' || r == '\r':
			r = ' '
		case unclean(r) && r != '\u00AD':
			continue
		}
		rs, gs = append(rs, r), append(gs, gl)
	}
	// A soft hyphen is invisible unless it ends a line; keep that one as a
	// marker for joinLines.
	end := len(rs)
	for end > 0 && rs[end-1] == ' ' {
		end--
	}
	trail := end > 0 && rs[end-1] == '\u00AD'
	var last pglyph
	if trail {
		last = gs[end-1]
	}
	k := 0
	for j, r := range rs {
		if r != '\u00AD' {
			rs[k], gs[k] = r, gs[j]
			k++
		}
	}
	rs, gs = rs[:k], gs[:k]
	if trail {
		for len(rs) > 0 && rs[len(rs)-1] == ' ' {
			rs, gs = rs[:len(rs)-1], gs[:len(gs)-1]
		}
		rs, gs = append(rs, '\u00AD'), append(gs, last)
	}
	return nfcGlyphs(string(rs), gs)
}

// unclean says whether cleanPDFText drops or changes r.
func unclean(r rune) bool {
	return r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) || r == '\uFFFE' || r == '\uFFFF' ||
		r == '\uFEFF' || r == '\uFFFD' || r == '\u200B' || r == '\u00AD'
}
