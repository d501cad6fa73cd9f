package app

import (
	"strings"

	"github.com/attache/attache/domain"
	"github.com/attache/attache/widgets"
)

// A PDF source opens on its pages: the original file, kept by the library,
// drawn by the PDF engine, with the source's excerpts marked over them.
// The page map (Source.TextMap) turns a selection on a page into the rune
// offsets the text view uses, so both views make the same excerpts; a
// switch shows the flowing text instead, and the choice is remembered.

// prefReaderText remembers that PDFs are read as text rather than pages.
const prefReaderText = "reader.asText"

// Choices of the Pages/Flowing text switch.
const (
	modePages = "Pages"
	modeText  = "Flowing text" // not "Text", the page view's text tool
)

// pageReader is the reader's page view and its state (UI goroutine only).
type pageReader struct {
	b      *sourceBody
	view   *widgets.PageView
	drawer *pageDrawer

	srcID      int64 // the source whose pages are shown, 0 for none
	data       []byte
	tm         *domain.TextMap
	start, end int             // the selection on the pages, rune offsets; empty for none
	loads      int             // bumped by every source opened, so an older file is not shown
	cuts       int             // bumped by every figure dragged: only the last one's form opens
	want       *domain.Excerpt // the excerpt opened, to scroll to once the pages show
	stay       int64           // an excerpt just saved from the pages: shown where it is, not scrolled to

	query string         // Find's query
	found []widgets.Span // its matches
	cur   int            // the match Find is on, -1 for none
}

func newPageReader(b *sourceBody) *pageReader {
	p := &pageReader{b: b, view: widgets.NewPageView(), cur: -1}
	p.drawer = newPageDrawer(b.ui, p.view)
	p.drawer.onError = func(err error) {
		p.view.SetMessage(upperFirst(domain.ErrorMessage(err))+": switch to Flowing text to read the source, or import the file again.", true)
	}
	p.view.EnableReading(&widgets.PageReader{
		OnSelect:     p.onSelect,
		OnFigure:     p.onFigure,
		OnMarkTapped: p.onMarkTapped,
		OnFind:       func(q string, dir int) { p.find(q, dir) },
	})
	return p
}

// shown says whether the pages are on screen (rather than the text).
func (p *pageReader) shown() bool { return p.srcID != 0 && p.view.Visible() }

// forget drops the pages of the source shown: another one opens.
func (p *pageReader) forget() {
	p.loads++
	p.srcID, p.data, p.tm, p.want, p.stay = 0, nil, nil, nil, 0
	p.view.SetTool(widgets.ToolText) // the Figure tool was for the source before
	p.start, p.end = 0, 0
	p.query, p.found, p.cur = "", nil, -1
	p.drawer.reset(nil)
	p.view.Clear()
	p.view.SetMarks(nil)
	p.view.SetMessage("", false)
	showIf(false, p.view)
	showIf(true, p.b.text)
	p.b.mode.Hide()
}

// load fetches src's original file off the UI goroutine and shows its
// pages; a source without a page map or a kept file says why it shows as
// text.
func (p *pageReader) load(src *domain.Source) {
	if src.TextMap == nil {
		if isPDF(src) {
			p.b.showNote("This PDF was imported before Attaché kept its pages, so it shows as text. Import the file again to read it on its pages.")
		}
		return
	}
	gen := p.loads
	id := src.ID
	background(func() {
		f, err := p.b.ui.lib.SourceFile(p.b.ui.ctx, id)
		p.b.ui.do(func() {
			if gen != p.loads || p.b.source() == nil || p.b.source().ID != id {
				return // another source opened meanwhile
			}
			if err != nil {
				p.b.showNote(fileMissingNote(err))
				return
			}
			p.show(p.b.source(), f.Data)
		})
	})
}

// isPDF says whether src was imported from a PDF: a report with pages, or
// from a file named so (a one-page PDF has no page breaks to keep).
func isPDF(src *domain.Source) bool {
	return src.Kind == domain.KindReport && (len(src.Pages) > 0 || strings.HasSuffix(strings.ToLower(src.FileName), ".pdf"))
}

// fileMissingNote says why a source with a page map shows as text.
func fileMissingNote(err error) string {
	if domain.ErrorCode(err) == domain.ENOTFOUND {
		return "The library keeps no copy of this PDF (it was over the size limit in Settings, or imported before Attaché kept files), so it shows as text. Import the file again to read it on its pages."
	}
	return "The pages could not be shown, so the source shows as text: " + domain.ErrorMessage(err)
}

// show shows src's pages from data, its original PDF, and the switch to
// them; the pages are on screen unless the analyst chose the flowing text.
func (p *pageReader) show(src *domain.Source, data []byte) {
	p.srcID, p.data, p.tm = src.ID, data, src.TextMap
	sizes := make([][2]float64, len(src.TextMap.Pages))
	for i, s := range src.TextMap.Pages {
		sizes[i] = [2]float64{float64(s.W), float64(s.H)}
	}
	p.view.Text = src.Text
	p.drawer.reset(drawPDF(data))
	p.view.SetPageSizes(sizes)
	p.b.showNote("")
	p.b.mode.Show()
	mode := modePages
	if p.b.ui.app.Preferences().Bool(prefReaderText) {
		mode = modeText
	}
	p.b.setMode(mode)
	p.showMarks()
	p.showWanted()
}

// showWanted scrolls to the excerpt opened, if the pages show: to a
// figure's rectangle, or to where a passage starts.
func (p *pageReader) showWanted() {
	e := p.want
	if e == nil || !p.shown() {
		return
	}
	p.want = nil
	if e.ID == p.stay {
		// Saved from the pages the analyst is looking at: scrolling to it
		// would move the page under them.
		p.stay = 0
		return
	}
	if f := e.Figure; f != nil {
		p.view.ShowPoint(widgets.PagePoint{Page: f.Page - 1, X: f.Rect.X0, Y: f.Rect.Y0})
		return
	}
	p.showOffset(e.Start)
}

// keepScroll keeps the pages where they are when the excerpt with id,
// being saved, opens as the active one, if they are on screen.
func (p *pageReader) keepScroll(id int64) {
	if p.shown() {
		p.stay = id
	}
}

// showMarks marks the excerpts, the selection and Find's matches.
func (p *pageReader) showMarks() {
	if p.tm == nil {
		return
	}
	var marks []widgets.PageMark
	add := func(start, end int, kind widgets.PageMarkKind, id int64) {
		for _, b := range p.tm.Rects(start, end) {
			marks = append(marks, pageMark(b.Page, b.Rect, kind, id))
		}
	}
	for _, e := range p.b.excerpts() {
		if f := e.Figure; f != nil {
			marks = append(marks, pageMark(f.Page-1, f.Rect, widgets.MarkFigure, e.ID))
		} else {
			add(e.Start, e.End, widgets.MarkExcerpt, e.ID)
		}
	}
	for i, m := range p.found {
		kind := widgets.MarkFound
		if i == p.cur {
			kind = widgets.MarkFoundCurrent
		}
		add(m.Start, m.End, kind, 0)
	}
	add(p.start, p.end, widgets.MarkSelection, 0)
	p.view.SetMarks(marks)
}

func pageMark(page int, r domain.PageRect, kind widgets.PageMarkKind, id int64) widgets.PageMark {
	return widgets.PageMark{Page: page, X0: r.X0, Y0: r.Y0, X1: r.X1, Y1: r.Y1, Kind: kind, ID: id}
}

// onSelect makes a drag with the text tool the selection: the rune
// offsets between where it started and where the pointer is, in either
// order. A tap, or a drag off the text, selects nothing.
func (p *pageReader) onSelect(from, to widgets.PagePoint, _ bool) {
	if p.tm == nil {
		return
	}
	a, okA := p.tm.OffsetAt(from.Page, from.X, from.Y)
	b, okB := p.tm.OffsetAt(to.Page, to.X, to.Y)
	if !okA || !okB || from == to {
		p.setSelection(0, 0)
		return
	}
	p.setSelection(min(a, b), max(a, b))
}

// setSelection selects the runes [start, end) on the pages.
func (p *pageReader) setSelection(start, end int) {
	if end <= start {
		start, end = 0, 0
	}
	p.start, p.end = start, end
	p.showMarks()
	p.b.onSelection(start, end)
}

// showOffset scrolls to where rune offset is drawn.
func (p *pageReader) showOffset(offset int) {
	if p.tm == nil {
		return
	}
	if rs := p.tm.Rects(offset, offset+1); len(rs) > 0 {
		p.view.ShowPoint(widgets.PagePoint{Page: rs[0].Page, X: rs[0].Rect.X0, Y: rs[0].Rect.Y0})
	} else if pg := p.tm.PageOf(offset); pg >= 0 {
		p.view.ShowPage(pg)
	}
}

// onMarkTapped selects the excerpt whose mark was tapped, as its passage
// selected in the text view is: its passage the selection (Excerpt
// selection then says it is one already), and the host told (it shows it
// as the active one).
func (p *pageReader) onMarkTapped(m widgets.PageMark) {
	for _, e := range p.b.excerpts() {
		if e.ID != m.ID || m.ID == 0 {
			continue
		}
		if e.Figure != nil {
			p.setSelection(0, 0)
		} else {
			p.setSelection(e.Start, e.End)
		}
		p.b.onMark(e)
		return
	}
}

// find searches the source's text for q as the text view's Find does (the
// same matching), marks every match on the pages and goes to the current
// one: dir 0 as q is typed (the first match from the page in view), 1 or
// -1 to the next or previous. It gives the match's number and the count.
func (p *pageReader) find(q string, dir int) (n, of int) {
	if p.tm == nil {
		return 0, 0
	}
	if q != p.query {
		p.query, p.found, p.cur = q, p.b.text.Find(q), -1
		dir = 0
	}
	if len(p.found) == 0 {
		p.cur = -1
		p.showMarks()
		p.view.SetFindResult(0, 0)
		return 0, 0
	}
	switch {
	case dir == 0 && p.cur < 0:
		p.cur = 0
		page := p.view.Page()
		for i, m := range p.found {
			if p.tm.PageOf(m.Start) >= page {
				p.cur = i
				break
			}
		}
	case dir > 0:
		p.cur = (p.cur + 1) % len(p.found)
	case dir < 0:
		p.cur = (p.cur - 1 + len(p.found)) % len(p.found)
	}
	p.showMarks()
	p.showOffset(p.found[p.cur].Start)
	p.view.SetFindResult(p.cur+1, len(p.found))
	return p.cur + 1, len(p.found)
}
