package app

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"

	"github.com/attache/attache/domain"
	"github.com/attache/attache/widgets"
)

// pagesOffset is how far the page view's pages are scrolled.
func pagesOffset(v *widgets.PageView) fyne.Position {
	var off fyne.Position
	tallest := float32(0)
	fyne.DoAndWait(func() {
		walk(v, func(o fyne.CanvasObject) {
			if s, ok := o.(*container.Scroll); ok && s.Content.Size().Height > tallest {
				off, tallest = s.Offset, s.Content.Size().Height // the pages', not a field's
			}
		})
	})
	return off
}

// Saving a figure cut out of a page leaves the pages where they were: the
// reader shows the new excerpt as the active one without scrolling to it.
// The Figure tool stays chosen for the next figure of the same source.
func TestSavingAFigureKeepsThePagesWhereTheyAre(t *testing.T) {
	u, lib := newTestUI(t)
	dismissOverlays(u)
	fyne.DoAndWait(func() {
		u.app.Preferences().SetBool(prefReaderText, false)
		u.win.Resize(fyne.NewSize(1200, 800))
	})
	src, _ := openPaged(t, u, lib)
	p := u.library.reader.pages
	fyne.DoAndWait(func() { p.view.ShowPage(1); p.view.SetTool(widgets.ToolFigure) })
	before := pagesOffset(p.view)
	if before.Y <= 0 {
		t.Fatalf("the pages are not scrolled to page 2 (%v)", before)
	}
	chart := domain.PageRect{X0: 90.0 / pageW, Y0: 350.0 / pageH, X1: 380.0 / pageW, Y1: 510.0 / pageH}
	fyne.DoAndWait(func() { p.onFigure(1, chart.X0, chart.Y0, chart.X1, chart.Y1) })
	eventually(t, "the figure form", func() bool { return overlayContains(u, "New figure excerpt") })
	confirmForm(t, u, "Save figure")
	eventually(t, "the figure's mark", func() bool {
		ms := pageMarks(p.view, widgets.MarkFigure)
		return len(ms) == 1
	})
	if got, _ := lib.Excerpts(context.Background(), domain.ExcerptFilter{SourceID: src.ID}); len(got) != 1 {
		t.Fatalf("%d excerpts saved", len(got))
	}
	if after := pagesOffset(p.view); after != before {
		t.Fatalf("the pages moved from %v to %v as the figure was saved", before, after)
	}
	if p.view.Tool() != widgets.ToolFigure {
		t.Fatal("the Figure tool was dropped for the same source")
	}
}

// Opening another source goes back to the Text tool.
func TestOpeningAnotherSourceResetsTheFigureTool(t *testing.T) {
	u, lib := newTestUI(t)
	dismissOverlays(u)
	fyne.DoAndWait(func() { u.app.Preferences().SetBool(prefReaderText, false) })
	openPaged(t, u, lib)
	r := u.library.reader
	fyne.DoAndWait(func() { r.pages.view.SetTool(widgets.ToolFigure) })
	other := &domain.Source{Title: "Other report", Kind: domain.KindReport, Text: strings.Repeat("Other words. ", 20)}
	if _, err := lib.CreateSource(context.Background(), other); err != nil {
		t.Fatal(err)
	}
	r.open(other.ID, -1)
	eventually(t, "the other source", func() bool { return r.source != nil && r.source.ID == other.ID })
	if r.pages.view.Tool() != widgets.ToolText {
		t.Fatal("the Figure tool stayed chosen for another source")
	}
}

// Beside the draft too: a figure saved from the pages there goes into the
// draft and leaves the pages where they were.
func TestSavingAFigureBesideTheDraftKeepsThePages(t *testing.T) {
	u, lib := openSampleBriefing(t)
	fyne.DoAndWait(func() {
		u.app.Preferences().SetBool(prefReaderText, false)
		u.win.Resize(fyne.NewSize(1400, 900))
	})
	text, tm := pagedMap()
	src := &domain.Source{Title: "Chips report", Kind: domain.KindReport, Text: text, Pages: []int{len([]rune(pagedParas[0])) + 2}}
	if _, err := lib.CreateSource(context.Background(), src); err != nil {
		t.Fatal(err)
	}
	data := pagedPDF(t)
	r := u.briefings.side.reader
	fyne.DoAndWait(func() { r.open(src.ID, 0, "") })
	eventually(t, "the source beside the draft", func() bool { return r.source != nil && r.source.ID == src.ID })
	fyne.DoAndWait(func() {
		r.source.TextMap = tm
		r.pages.show(r.source, data)
		r.pages.view.ShowPage(1)
	})
	before := pagesOffset(r.pages.view)
	if before.Y <= 0 {
		t.Fatalf("the pages are not scrolled to page 2 (%v)", before)
	}
	chart := domain.PageRect{X0: 90.0 / pageW, Y0: 350.0 / pageH, X1: 380.0 / pageW, Y1: 510.0 / pageH}
	fyne.DoAndWait(func() { r.pages.onFigure(1, chart.X0, chart.Y0, chart.X1, chart.Y1) })
	eventually(t, "the figure form", func() bool { return overlayContains(u, "New figure excerpt") })
	confirmForm(t, u, "Save figure")
	eventually(t, "the figure's mark", func() bool { return len(pageMarks(r.pages.view, widgets.MarkFigure)) == 1 })
	if after := pagesOffset(r.pages.view); after != before {
		t.Fatalf("the pages moved from %v to %v as the figure was saved", before, after)
	}
}
