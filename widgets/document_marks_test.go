package widgets

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
)

// markRectsShown are the tints drawn for item i's marks (every other
// rectangle: each tint has its underline).
func markRectsShown(d *Document, i int) []*canvas.Rectangle {
	v := d.body.rend.views[i]
	if v == nil {
		return nil
	}
	var out []*canvas.Rectangle
	for _, o := range v.c.Objects {
		for k, m := range v.markObjs {
			if o == m && k%2 == 0 {
				out = append(out, m)
			}
		}
	}
	return out
}

func TestDocumentMarksTheWordsOfARange(t *testing.T) {
	text := "Outages may well rise next year."
	items := []DocItem{{Kind: DocBody, Mark: "(U) ", Text: text}, {Kind: DocJudgment, Number: "1", Text: "It could happen."}}
	td := newTestDocument(t, items, fyne.NewSize(600, 400))
	d := td.d
	if got := markRectsShown(d, 0); len(got) != 0 {
		t.Fatalf("%d marks drawn before any was set", len(got))
	}
	d.SetMarks(map[int][]DocMark{0: {{Start: 8, End: 16}}, 1: {{Start: 3, End: 8}}})
	got := markRectsShown(d, 0)
	if len(got) != 1 {
		t.Fatalf("item 0: %d mark rectangles, want 1", len(got))
	}
	f := d.lay.body
	e := &d.lay.items[0]
	wantX := e.g.textX + f.width("(U) Outages ")
	wantW := f.width("may well")
	if r := got[0]; r.Position().X != wantX || r.Size().Width != wantW {
		t.Errorf("mark at x=%v w=%v, want x=%v w=%v (the words \"may well\")", r.Position().X, r.Size().Width, wantX, wantW)
	}
	// The judgment's number comes before its text: the mark follows it.
	j := &d.lay.items[1]
	if r := markRectsShown(d, 1); len(r) != 1 || r[0].Position().X != j.g.textX+f.width("1. It ") {
		t.Errorf("judgment's mark misplaced: %v", r)
	}
	if m, ok := d.MarkAt(0, fyne.NewPos(wantX+wantW/2, e.g.textY+2)); !ok || m.Start != 8 {
		t.Errorf("MarkAt over the words = %v, %v; want the mark from 8", m, ok)
	}
	if _, ok := d.MarkAt(0, fyne.NewPos(e.g.textX+1, e.g.textY+2)); ok {
		t.Error("MarkAt over unmarked words found a mark")
	}
	d.SetMarks(nil)
	if got := markRectsShown(d, 0); len(got) != 0 {
		t.Errorf("%d marks drawn after they were cleared", len(got))
	}
}

func TestDocumentMarkAcrossLinesHasARectanglePerLine(t *testing.T) {
	text := words(60, 1)
	td := newTestDocument(t, []DocItem{{Kind: DocBody, Text: text}}, fyne.NewSize(300, 600))
	d := td.d
	if len(d.lay.items[0].lines) < 3 {
		t.Fatalf("want a wrapped paragraph, got %d lines", len(d.lay.items[0].lines))
	}
	d.SetMarks(map[int][]DocMark{0: {{Start: 0, End: len([]rune(text))}}})
	if got, want := len(markRectsShown(d, 0)), len(d.lay.items[0].lines); got != want {
		t.Errorf("%d rectangles for a mark over %d lines", got, want)
	}
}

func TestDocumentShowsAMarksTipWhileThePointerRestsOnIt(t *testing.T) {
	td := newTestDocument(t, []DocItem{{Kind: DocBody, Text: "Outages may well rise next year."}}, fyne.NewSize(600, 400))
	d := td.d
	d.MarkTip = func(i int, m DocMark) string { return "a word of no scale" }
	d.SetMarks(map[int][]DocMark{0: {{Start: 8, End: 16}}})
	e := &d.lay.items[0]
	over := fyne.NewPos(d.lay.colX+e.g.textX+d.lay.body.width("Outages m"), d.lay.starts[0]+e.g.textY+3)
	d.body.MouseMoved(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: over}})
	if got := d.TipShown(); got != "a word of no scale" {
		t.Fatalf("tip over the marked words = %q", got)
	}
	shown := false
	for _, o := range d.body.rend.objects {
		shown = shown || o == d.tip.label
	}
	if !shown {
		t.Error("the tip is not drawn")
	}
	d.body.MouseMoved(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: over.AddXY(0, 200)}})
	if got := d.TipShown(); got != "" {
		t.Errorf("tip still shown away from the words: %q", got)
	}
}
