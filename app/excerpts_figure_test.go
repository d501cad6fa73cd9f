package app

import (
	"bytes"
	"context"
	"image"
	"image/png"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"

	"github.com/attache/attache/domain"
	"github.com/attache/attache/store"
)

// addFigureExcerpt saves a figure excerpt of a new source, captioned
// caption, whose text inside the rectangle is chart gibberish.
func addFigureExcerpt(t *testing.T, lib *store.Store, caption string) *domain.Excerpt {
	t.Helper()
	ctx := context.Background()
	src := &domain.Source{Title: "Chips report", Kind: domain.KindReport, Text: "Intro text.\n\n7 3 1 9 0 %% 2019 2020 axis"}
	if _, err := lib.CreateSource(ctx, src); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, image.NewGray(image.Rect(0, 0, 40, 20))); err != nil {
		t.Fatal(err)
	}
	e := &domain.Excerpt{SourceID: src.ID, Start: 13, End: 39, Note: "zebra chart", Figure: &domain.Figure{Page: 2, Caption: caption,
		Rect: domain.PageRect{X0: 0.1, Y0: 0.5, X1: 0.6, Y1: 0.7}, PNG: buf.Bytes(), Width: 40, Height: 20, SHA256: domain.FigureSHA256(buf.Bytes())}}
	if err := lib.CreateExcerpt(ctx, e); err != nil {
		t.Fatal(err)
	}
	return e
}

// The composer's "Add an excerpt" picker names a figure by its label, not
// by the text found inside the chart.
func TestExcerptPickerShowsAFigureByItsLabel(t *testing.T) {
	u, lib := openSampleBriefing(t)
	addFigureExcerpt(t, lib, "Chip exports by year")
	fyne.DoAndWait(u.briefings.composer.onPickExcerpt)
	search, ok := u.win.Canvas().Focused().(*dialogEntry)
	if !ok {
		t.Fatal("the picker's search has no focus")
	}
	fyne.DoAndWait(func() { search.SetText("zebra") }) // its note: the sample's excerpts fill the rows otherwise
	eventually(t, "the figure's label in the picker", func() bool { return overlayContains(u, "Figure, p. 2: Chip exports by year") })
	if overlayContains(u, "2019 2020 axis") {
		t.Fatal("the picker shows the chart's text as a quote")
	}
	if !overlayContains(u, "Chips report") {
		t.Fatal("the picker's second line does not name the source")
	}
}

// A figure excerpt selected in the Excerpts view shows its image and a
// Caption field, which saves as typed (trimmed) like the note.
func TestExcerptsViewShowsAFigureAndSavesItsCaption(t *testing.T) {
	setAutosave(t, time.Hour) // switching view saves
	u, lib := newTestUI(t)
	dismissOverlays(u)
	e := addFigureExcerpt(t, lib, "Chip exports")
	fyne.DoAndWait(func() { u.onShowView(viewExcerpts) })
	eventually(t, "the excerpts", func() bool { return len(u.excerpts.excerpts) == 1 })
	fyne.DoAndWait(func() { u.excerpts.list.Select(0) })
	x := u.excerpts
	hasImage := func() bool {
		found := false
		fyne.DoAndWait(func() { found = showsPicture(x.detail) })
		return found
	}
	eventually(t, "the figure's image", hasImage)
	if !x.figure.box.Visible() || x.figure.caption.Text != "Chip exports" {
		t.Fatalf("the Caption field shows %q (visible %v)", x.figure.caption.Text, x.figure.box.Visible())
	}
	fyne.DoAndWait(func() { x.figure.caption.SetText(" Chip exports by year ") })
	if x.quote.Text != "Figure, p. 2: Chip exports by year" {
		t.Fatalf("the figure is headed %q as its caption changes", x.quote.Text)
	}
	fyne.DoAndWait(func() { u.onShowView(viewLibrary) }) // saves at once
	eventually(t, "the saved caption", func() bool {
		got, err := lib.Excerpt(context.Background(), e.ID)
		return err == nil && got.Figure != nil && got.Figure.Caption == "Chip exports by year"
	})
	// A text excerpt shows neither.
	src := &domain.Source{Title: "Plain", Kind: domain.KindReport, Text: "Some words here."}
	if _, err := lib.CreateSource(context.Background(), src); err != nil {
		t.Fatal(err)
	}
	if err := lib.CreateExcerpt(context.Background(), &domain.Excerpt{SourceID: src.ID, Start: 0, End: 4}); err != nil {
		t.Fatal(err)
	}
	fyne.DoAndWait(func() { u.onShowView(viewExcerpts) })
	eventually(t, "both excerpts", func() bool { return len(x.excerpts) == 2 })
	fyne.DoAndWait(func() {
		for i, ex := range x.excerpts {
			if ex.Figure == nil {
				x.list.Select(i)
			}
		}
	})
	if x.figure.box.Visible() || hasImage() {
		t.Fatal("a text excerpt shows the figure part")
	}
}

// showsPicture tells whether o shows an image bigger than an icon, in a
// part not hidden.
func showsPicture(o fyne.CanvasObject) bool {
	if !o.Visible() {
		return false
	}
	if img, ok := o.(*canvas.Image); ok && img.MinSize().Width >= 100 {
		return true
	}
	var kids []fyne.CanvasObject
	switch c := o.(type) {
	case *fyne.Container:
		kids = c.Objects
	case fyne.Widget:
		kids = test.WidgetRenderer(c).Objects()
	}
	for _, k := range kids {
		if showsPicture(k) {
			return true
		}
	}
	return false
}

// The Trash and the composer's block names name a figure by its label too.
func TestTrashAndBlockNamesShowAFigureByItsLabel(t *testing.T) {
	_, lib := newTestUI(t)
	ctx := context.Background()
	e := addFigureExcerpt(t, lib, "Chip exports by year")
	if err := lib.TrashExcerpt(ctx, e.ID, false); err != nil {
		t.Fatal(err)
	}
	items, err := readTrash(ctx, lib)
	if err != nil || len(items) != 1 || items[0].title != "Figure, p. 2: Chip exports by year" {
		t.Fatalf("the Trash lists %+v (%v)", items, err)
	}
	blk := &domain.Block{Type: domain.BlockExcerpt, Excerpt: e}
	if got := blockName(2, blk); got != "block 3, excerpt “Figure, p. 2: Chip exports by year”" {
		t.Fatalf("the block is named %q", got)
	}
}
