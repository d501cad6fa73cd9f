package widgets

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// BenchmarkDocumentOpen1000 opens a document of 1,000 items of about 60
// words (a long briefing) in an 800×800 window: NewDocument, the first
// layout (reading, wrapping and stacking every item) and the objects of
// the items in view. The budget is 300 ms on two cores.
func BenchmarkDocumentOpen1000(b *testing.B) {
	td := newTestDocument(b, nil, fyne.NewSize(800, 800))
	items := bodyItems(1000, 60)
	for i := range items {
		switch i % 5 {
		case 1:
			items[i].Kind, items[i].Meta, items[i].Action = DocQuote, "Source, p. 4 · B2", "Show in source"
		case 3:
			items[i].Kind, items[i].Text = DocHeading, words(6, i)
		}
	}
	count := func() int { return len(items) }
	item := func(i int) DocItem { return items[i] }
	for b.Loop() {
		d := NewDocument(count, item)
		td.w.SetContent(d)
		td.w.Resize(fyne.NewSize(800, 800))
		if n := len(test.WidgetRenderer(d.body).Objects()); n < 3 || n > 60 {
			b.Fatalf("%d objects in the view", n)
		}
	}
}

// BenchmarkDocumentScroll scrolls a 1,000-item document by half a view.
func BenchmarkDocumentScroll(b *testing.B) {
	td := newTestDocument(b, bodyItems(1000, 60), fyne.NewSize(800, 800))
	d := td.d
	y := float32(0)
	for b.Loop() {
		y += 400
		if y > d.lay.height-800 {
			y = 0
		}
		d.scrollTo(y)
	}
}

// BenchmarkDocumentResize re-wraps a 1,000-item document between widths.
func BenchmarkDocumentResize(b *testing.B) {
	td := newTestDocument(b, bodyItems(1000, 60), fyne.NewSize(800, 800))
	widths := []float32{500, 1000, 650, 800}
	i := 0
	for b.Loop() {
		td.w.Resize(fyne.NewSize(widths[i%len(widths)], 800))
		i++
	}
}
