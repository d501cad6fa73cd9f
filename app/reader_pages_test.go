package app

import (
	"bytes"
	"context"
	"math"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"github.com/jung-kurt/gofpdf"

	"github.com/attache/attache/domain"
	"github.com/attache/attache/store"
	"github.com/attache/attache/widgets"
)

// pagedText is a two-page report: a paragraph on each page, the second
// page with a chart below its paragraph.
var pagedParas = []string{"Alpha beta gamma delta.", "Chips export controls tighten."}

const (
	pagedLeft  = 72  // points from the page's left where each line starts
	pagedTop   = 100 // points from the top of the line's box
	pagedAdv   = 8   // points per rune
	pagedLineH = 12
	pageW      = 595
	pageH      = 842
)

// pagedPDF draws the paragraphs, one a page, and a chart on page 2.
func pagedPDF(t *testing.T) []byte {
	t.Helper()
	pdf := gofpdf.NewCustom(&gofpdf.InitType{UnitStr: "pt", Size: gofpdf.SizeType{Wd: pageW, Ht: pageH}})
	pdf.SetFont("Courier", "", 13)
	for i, p := range pagedParas {
		pdf.AddPage()
		pdf.Text(pagedLeft, pagedTop+pagedLineH-2, p)
		if i == 1 {
			pdf.SetFillColor(30, 90, 200)
			for j, h := range []float64{80, 140, 60} {
				pdf.Rect(100+float64(j)*90, 500-h, 60, h, "F")
			}
		}
	}
	var buf bytes.Buffer
	if err := pdf.Output(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// pagedMap says where each rune of the paragraphs is drawn; the break
// between them has no glyph, as the importer makes it up.
func pagedMap() (string, *domain.TextMap) {
	tm := &domain.TextMap{Pages: []domain.PageSize{{W: pageW, H: pageH}, {W: pageW, H: pageH}}}
	text := strings.Join(pagedParas, "\n\n")
	off := 0
	for pg, p := range pagedParas {
		for i := range []rune(p) {
			x := float32(pagedLeft + i*pagedAdv)
			tm.Glyphs = append(tm.Glyphs, domain.Glyph{Offset: int32(off + i), Page: int32(pg),
				Box: domain.PageRect{X0: x / pageW, Y0: pagedTop / float32(pageH), X1: (x + pagedAdv) / pageW, Y1: (pagedTop + pagedLineH) / float32(pageH)}})
		}
		off += len([]rune(p)) + 2
	}
	return text, tm
}

// glyphPoint is a point inside the glyph of rune offset, on its left
// (right false) or right half.
func glyphPoint(tm *domain.TextMap, offset int, right bool) widgets.PagePoint {
	for _, g := range tm.Glyphs {
		if int(g.Offset) == offset {
			x := g.Box.X0 + (g.Box.X1-g.Box.X0)/4
			if right {
				x = g.Box.X1 - (g.Box.X1-g.Box.X0)/4
			}
			return widgets.PagePoint{Page: int(g.Page), X: x, Y: (g.Box.Y0 + g.Box.Y1) / 2}
		}
	}
	panic("no glyph")
}

// openPaged opens a paged source in the reader with its map and PDF, as
// the library gives them once it keeps them.
func openPaged(t *testing.T, u *UI, lib *store.Store) (*domain.Source, *domain.TextMap) {
	t.Helper()
	text, tm := pagedMap()
	src := &domain.Source{Title: "Chips report", Kind: domain.KindReport, Text: text, Pages: []int{len([]rune(pagedParas[0])) + 2}}
	if _, err := lib.CreateSource(context.Background(), src); err != nil {
		t.Fatal(err)
	}
	data := pagedPDF(t)
	r := u.library.reader
	r.open(src.ID, -1)
	eventually(t, "the source", func() bool { return r.source != nil && r.source.ID == src.ID })
	fyne.DoAndWait(func() {
		r.source.TextMap = tm
		r.pages.show(r.source, data)
	})
	return src, tm
}

func pageMarks(v *widgets.PageView, kind widgets.PageMarkKind) []widgets.PageMark {
	var out []widgets.PageMark
	for _, m := range v.Marks() {
		if m.Kind == kind {
			out = append(out, m)
		}
	}
	return out
}

func TestAPDFOpensOnItsPagesAndASelectionThereIsExcerpted(t *testing.T) {
	u, lib := newTestUI(t)
	dismissOverlays(u)
	fyne.DoAndWait(func() { u.app.Preferences().SetBool(prefReaderText, false) })
	src, tm := openPaged(t, u, lib)
	r := u.library.reader
	p := r.pages
	if !p.view.Visible() || r.text.Visible() || !r.mode.Visible() || r.mode.Selected != modePages {
		t.Fatalf("pages shown %v, text shown %v, switch %v at %q", p.view.Visible(), r.text.Visible(), r.mode.Visible(), r.mode.Selected)
	}
	if p.view.Pages() != 2 {
		t.Fatalf("%d pages, want 2", p.view.Pages())
	}
	eventually(t, "the first page drawn", func() bool { return p.view.Image(0) != nil })
	if b := p.view.Image(0).Bounds(); b.Dx() < 300 || math.Abs(float64(b.Dy())/float64(b.Dx())-float64(pageH)/pageW) > 0.01 {
		t.Fatalf("the first page is drawn %v", b)
	}
	// "export controls" on page 2, dragged from its end back to its start.
	page2 := len([]rune(pagedParas[0])) + 2
	start := page2 + strings.Index(pagedParas[1], "export")
	end := page2 + strings.Index(pagedParas[1], " tighten")
	fyne.DoAndWait(func() {
		p.onSelect(glyphPoint(tm, end-1, true), glyphPoint(tm, start+1, false), false)
		p.onSelect(glyphPoint(tm, end-1, true), glyphPoint(tm, start, false), true)
	})
	if p.start != start || p.end != end {
		t.Fatalf("the selection is %d–%d, want %d–%d", p.start, p.end, start, end)
	}
	if sel := pageMarks(p.view, widgets.MarkSelection); len(sel) != 1 || sel[0].Page != 1 {
		t.Fatalf("selection marks %+v, want one on page 2", sel)
	}
	if r.excerpt.Disabled() {
		t.Fatal("Excerpt selection is off with a selection on the page")
	}
	fyne.DoAndWait(r.onExcerptSelection)
	eventually(t, "the form", func() bool { return overlayContains(u, "export controls") })
	confirmForm(t, u, "Save excerpt")
	var got []*domain.Excerpt
	eventually(t, "the excerpt", func() bool {
		got, _ = lib.Excerpts(context.Background(), domain.ExcerptFilter{SourceID: src.ID})
		return len(got) == 1
	})
	if got[0].Start != start || got[0].End != end || got[0].Quote != "export controls" {
		t.Fatalf("the excerpt is %d–%d %q, want %d–%d “export controls”", got[0].Start, got[0].End, got[0].Quote, start, end)
	}
	eventually(t, "its mark", func() bool {
		ms := pageMarks(p.view, widgets.MarkExcerpt)
		return len(ms) == 1 && ms[0].ID == got[0].ID && ms[0].Page == 1
	})
	// Tapping the mark selects the excerpt's passage.
	fyne.DoAndWait(func() { p.setSelection(0, 0); p.onMarkTapped(pageMarks(p.view, widgets.MarkExcerpt)[0]) })
	if p.start != start || p.end != end {
		t.Fatalf("tapping the mark selected %d–%d", p.start, p.end)
	}
	// Text keeps the selection, and is remembered; back to Pages keeps it too.
	fyne.DoAndWait(func() { r.mode.SetSelected(modeText) })
	if s, e := r.text.Selection(); s != start || e != end || !r.text.Visible() || p.view.Visible() {
		t.Fatalf("in Text the selection is %d–%d (text shown %v)", s, e, r.text.Visible())
	}
	if !u.app.Preferences().Bool(prefReaderText) {
		t.Fatal("the choice of Text is not remembered")
	}
	fyne.DoAndWait(func() { r.text.Select(0, 5); r.mode.SetSelected(modePages) })
	if p.start != 0 || p.end != 5 || !p.view.Visible() {
		t.Fatalf("back on the pages the selection is %d–%d", p.start, p.end)
	}
}

func TestFindOnThePagesMarksEveryMatch(t *testing.T) {
	u, lib := newTestUI(t)
	dismissOverlays(u)
	_, _ = openPaged(t, u, lib)
	r := u.library.reader
	p := r.pages
	if r.findBar.Visible() {
		t.Fatal("the text's Find shows beside the pages' own")
	}
	var n, of int
	fyne.DoAndWait(func() { n, of = p.find("TA", 0) }) // "beTA", "delTA": the text view's matching ignores case
	if n != 1 || of != 2 {
		t.Fatalf("after typing Find is on %d of %d, want 1 of 2", n, of)
	}
	if n, cur := len(pageMarks(p.view, widgets.MarkFound)), len(pageMarks(p.view, widgets.MarkFoundCurrent)); n != 1 || cur != 1 {
		t.Fatalf("%d matches and %d current marked, want 1 and 1", n, cur)
	}
	fyne.DoAndWait(func() { n, of = p.find("TA", 1) })
	if n != 2 || of != 2 {
		t.Fatalf("Enter moved to %d of %d", n, of)
	}
	fyne.DoAndWait(func() { n, of = p.find("TA", 1) })
	if n != 1 {
		t.Fatalf("Enter on the last match moved to %d, not back to the first", n)
	}
	fyne.DoAndWait(func() { n, of = p.find("zzqx", 0) })
	if of != 0 || len(pageMarks(p.view, widgets.MarkFound))+len(pageMarks(p.view, widgets.MarkFoundCurrent)) != 0 {
		t.Fatalf("an absent word finds %d, marks %+v", of, p.view.Marks())
	}
	// Back in the text, its own Find shows again.
	fyne.DoAndWait(func() { r.mode.SetSelected(modeText) })
	if !r.findBar.Visible() {
		t.Fatal("the text's Find stays hidden in the text")
	}
}

func TestAPDFWithoutItsPagesShowsAsTextSayingWhy(t *testing.T) {
	u, lib := newTestUI(t)
	dismissOverlays(u)
	old := &domain.Source{Title: "Old report", Kind: domain.KindReport, Text: "Imported long ago.", FileName: "old-report.PDF"}
	if _, err := lib.CreateSource(context.Background(), old); err != nil {
		t.Fatal(err)
	}
	r := u.library.reader
	r.open(old.ID, -1)
	eventually(t, "the note", func() bool { return r.note.Visible() && strings.Contains(r.note.Text, "Import the file again") })
	if r.pages.view.Visible() || !r.text.Visible() || r.mode.Visible() {
		t.Fatal("a PDF without a page map offers its pages")
	}
	// A map but no file kept: the library says it has none.
	fyne.DoAndWait(func() {
		s := *r.source
		_, s.TextMap = pagedMap()
		r.pages.load(&s)
	})
	eventually(t, "the note", func() bool { return strings.Contains(r.note.Text, "keeps no copy of this PDF") })
	// A note belongs to its source, and a report that was no PDF has none.
	note := &domain.Source{Title: "Typed report", Kind: domain.KindReport, Text: "Typed.", FileName: "typed.txt"}
	if _, err := lib.CreateSource(context.Background(), note); err != nil {
		t.Fatal(err)
	}
	r.open(note.ID, -1)
	eventually(t, "the next source", func() bool { return r.source.ID == note.ID })
	if r.note.Visible() {
		t.Fatalf("a typed note says %q", r.note.Text)
	}
}

func TestAFigureDraggedOnAPageIsCutOutAndExcerpted(t *testing.T) {
	u, lib := newTestUI(t)
	dismissOverlays(u)
	src, _ := openPaged(t, u, lib)
	p := u.library.reader.pages
	// The chart on page 2: no text inside, so an empty span where page 2's
	// text starts.
	chart := domain.PageRect{X0: 90.0 / pageW, Y0: 350.0 / pageH, X1: 380.0 / pageW, Y1: 510.0 / pageH}
	fyne.DoAndWait(func() { p.onFigure(1, chart.X0, chart.Y0, chart.X1, chart.Y1) })
	eventually(t, "the figure form", func() bool { return overlayContains(u, "New figure excerpt") })
	var caption *dialogEntry
	walkOverlays(u, func(c fyne.CanvasObject) {
		if e, ok := c.(*dialogEntry); ok && strings.HasPrefix(e.PlaceHolder, "What the figure shows") {
			caption = e
		}
	})
	if caption == nil {
		t.Fatal("the figure form has no caption field")
	}
	fyne.DoAndWait(func() { caption.SetText("Chip exports by year") })
	confirmForm(t, u, "Save figure")
	var got []*domain.Excerpt
	eventually(t, "the figure excerpt", func() bool {
		got, _ = lib.Excerpts(context.Background(), domain.ExcerptFilter{SourceID: src.ID})
		return len(got) == 1
	})
	e, err := lib.Excerpt(context.Background(), got[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	page2 := len([]rune(pagedParas[0])) + 2
	if e.Start != page2 || e.End != page2 {
		t.Fatalf("the figure's span is %d–%d, want the empty span at page 2's start, %d", e.Start, e.End, page2)
	}
	f := e.Figure
	if f == nil {
		t.Fatal("the excerpt has no figure")
	}
	// 290 × 160 points at 300 dpi.
	if f.Page != 2 || f.Caption != "Chip exports by year" || f.Width < 1150 || f.Width > 1250 || f.Height < 630 || f.Height > 700 || f.SHA256 != domain.FigureSHA256(f.PNG) {
		t.Fatalf("figure on page %d, %d×%d, caption %q", f.Page, f.Width, f.Height, f.Caption)
	}
	if got := excerptHeadline(e, 160); got != "Figure, p. 2: Chip exports by year" {
		t.Fatalf("lists name it %q", got)
	}
	if q, from := excerptQuote(e), excerptFrom(e); q != "Figure, p. 2: Chip exports by year" || from != "From “Chips report”, page 2" {
		t.Fatalf("the Excerpts view shows it as %q, %q", q, from)
	}
	eventually(t, "its mark", func() bool {
		ms := pageMarks(p.view, widgets.MarkFigure)
		return len(ms) == 1 && ms[0].Page == 1 && ms[0].ID == e.ID
	})
}

// Beside the draft a PDF opens on its pages too: a passage selected on a
// page goes into the draft with Edit → Excerpt selection, with the
// offsets the text view would give it.
func TestAPageSelectionBesideTheDraftGoesIntoIt(t *testing.T) {
	u, lib := openSampleBriefing(t)
	fyne.DoAndWait(func() { u.app.Preferences().SetBool(prefReaderText, false) })
	c, p := u.briefings.composer, u.briefings.side
	text, tm := pagedMap()
	src := &domain.Source{Title: "Chips report", Kind: domain.KindReport, Text: text}
	if _, err := lib.CreateSource(context.Background(), src); err != nil {
		t.Fatal(err)
	}
	r := p.reader
	fyne.DoAndWait(func() { p.unfold(); r.open(src.ID, 0, "") })
	eventually(t, "the source beside the draft", func() bool { return r.source != nil && r.source.ID == src.ID })
	data := pagedPDF(t)
	fyne.DoAndWait(func() {
		r.source.TextMap = tm
		r.pages.show(r.source, data)
	})
	if !r.pages.view.Visible() || r.text.Visible() || r.findBar.Visible() || !r.mode.Visible() {
		t.Fatal("the PDF beside the draft is not on its pages")
	}
	start := strings.Index(text, "beta")
	end := start + len("beta gamma")
	n := len(c.d.b.Blocks)
	fyne.DoAndWait(func() {
		c.selected = 0
		r.pages.onSelect(glyphPoint(tm, start, false), glyphPoint(tm, end-1, true), true)
	})
	if r.add.Disabled() {
		t.Fatal("Add to draft is off with a passage selected on the page")
	}
	fyne.DoAndWait(u.onExcerptKey)
	eventually(t, "the block", func() bool { return len(c.d.b.Blocks) == n+1 })
	if blk := c.d.b.Blocks[1]; blk.Excerpt == nil || blk.Excerpt.Start != start || blk.Excerpt.End != end || blk.Excerpt.Quote != "beta gamma" {
		t.Fatalf("block 1 is %+v", blk)
	}
	eventually(t, "the new excerpt marked on the page", func() bool {
		ms := pageMarks(r.pages.view, widgets.MarkExcerpt)
		return len(ms) == 1 && ms[0].ID == c.d.b.Blocks[1].Excerpt.ID
	})
}

// Edit → Find (Ctrl+F) puts the cursor in the pages' own Find while they
// are shown, in the text's otherwise.
func TestFindGoesToThePagesFindWhileThePagesShow(t *testing.T) {
	u, lib := newTestUI(t)
	dismissOverlays(u)
	fyne.DoAndWait(func() { u.app.Preferences().SetBool(prefReaderText, false) })
	_, _ = openPaged(t, u, lib)
	r := u.library.reader
	fyne.DoAndWait(u.onFind)
	f := u.win.Canvas().Focused()
	if f == nil || f == fyne.Focusable(r.find) || !strings.HasPrefix(stringField(f, "PlaceHolder"), "Find on the pages") {
		t.Fatalf("Find put the cursor in %T", u.win.Canvas().Focused())
	}
	fyne.DoAndWait(func() { r.mode.SetSelected(modeText); u.onFind() })
	if u.win.Canvas().Focused() != fyne.Focusable(r.find) {
		t.Fatalf("in the flowing text Find put the cursor in %T", u.win.Canvas().Focused())
	}
}

// The choice of the flowing text is remembered: the next PDF opens as
// text, its pages a click away.
func TestAPDFOpensAsTextWhenThatWasChosen(t *testing.T) {
	u, lib := newTestUI(t)
	dismissOverlays(u)
	fyne.DoAndWait(func() { u.app.Preferences().SetBool(prefReaderText, true) })
	_, _ = openPaged(t, u, lib)
	r := u.library.reader
	if r.pages.view.Visible() || !r.text.Visible() || !r.mode.Visible() || r.mode.Selected != modeText {
		t.Fatalf("pages shown %v, text shown %v, switch at %q", r.pages.view.Visible(), r.text.Visible(), r.mode.Selected)
	}
	fyne.DoAndWait(func() { r.mode.SetSelected(modePages) })
	if !r.pages.view.Visible() || u.app.Preferences().Bool(prefReaderText) {
		t.Fatal("choosing Pages did not show them, or was not remembered")
	}
}

// A kept file the engine cannot draw says so over the pages, and what to
// do.
func TestPagesThatCannotBeDrawnSaySo(t *testing.T) {
	u, lib := newTestUI(t)
	dismissOverlays(u)
	fyne.DoAndWait(func() { u.app.Preferences().SetBool(prefReaderText, false) })
	text, tm := pagedMap()
	src := &domain.Source{Title: "Damaged report", Kind: domain.KindReport, Text: text}
	if _, err := lib.CreateSource(context.Background(), src); err != nil {
		t.Fatal(err)
	}
	r := u.library.reader
	r.open(src.ID, -1)
	eventually(t, "the source", func() bool { return r.source != nil && r.source.ID == src.ID })
	fyne.DoAndWait(func() {
		r.source.TextMap = tm
		r.pages.show(r.source, []byte("%PDF-1.4 cut short"))
	})
	eventually(t, "the message", func() bool { return strings.Contains(r.pages.view.Message(), "switch to Flowing text") })
}

// Opening a figure excerpt (Show in source) scrolls the pages to its
// rectangle once they are drawn, and marks it.
func TestAFigureExcerptOpensAtItsRectangle(t *testing.T) {
	u, lib := newTestUI(t)
	dismissOverlays(u)
	fyne.DoAndWait(func() { u.app.Preferences().SetBool(prefReaderText, false) })
	text, tm := pagedMap()
	src := &domain.Source{Title: "Chips report", Kind: domain.KindReport, Text: text}
	if _, err := lib.CreateSource(context.Background(), src); err != nil {
		t.Fatal(err)
	}
	png := []byte("\x89PNG figure") // any bytes do: the view draws the page itself
	page2 := len([]rune(pagedParas[0])) + 2
	fig := &domain.Excerpt{SourceID: src.ID, Start: page2, End: page2, Figure: &domain.Figure{Page: 2,
		Rect: domain.PageRect{X0: 0.1, Y0: 0.8, X1: 0.5, Y1: 0.95}, PNG: png, Width: 10, Height: 5, SHA256: domain.FigureSHA256(png)}}
	if err := lib.CreateExcerpt(context.Background(), fig); err != nil {
		t.Fatal(err)
	}
	r := u.library.reader
	data := pagedPDF(t)
	fyne.DoAndWait(func() { u.win.Resize(fyne.NewSize(1200, 800)) })
	r.open(src.ID, fig.ID)
	eventually(t, "the source", func() bool { return r.source != nil && r.source.ID == src.ID })
	fyne.DoAndWait(func() {
		r.source.TextMap = tm
		r.pages.show(r.source, data)
	})
	if pg := r.pages.view.Page(); pg != 1 {
		t.Fatalf("the pages show page %d, not the figure's page 2", pg+1)
	}
	if ms := pageMarks(r.pages.view, widgets.MarkFigure); len(ms) != 1 || ms[0].ID != fig.ID || ms[0].Page != 1 || ms[0].Y0 != 0.8 {
		t.Fatalf("figure marks %+v", ms)
	}
}
