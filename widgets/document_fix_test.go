package widgets

import (
	"image/color"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// The drop line is drawn where DropPoint says the drop lands, OnMove gets
// that point, and a drop DropPoint refuses (-1) draws nothing and moves
// nothing; a drag from outside asks DropPoint(-1, at) too.
func TestDocumentDrawsTheDropLineWhereTheDropLands(t *testing.T) {
	td := newTestDocument(t, bodyItems(8, 10), fyne.NewSize(800, 600))
	d := td.d
	r := test.WidgetRenderer(d.body).(*docBodyRenderer)
	var asked [][2]int
	d.DropPoint = func(from, at int) int {
		asked = append(asked, [2]int{from, at})
		switch {
		case at == 6:
			return -1
		case at < 3:
			return 3 // nothing lands before item 3
		}
		return at
	}
	lineAt := func(at int) bool {
		y := r.line.Position().Y
		return r.line.FillColor != color.Transparent && y <= d.lay.starts[at] && y >= d.lay.starts[at]-d.lay.gap
	}
	start, to := itemCanvasPos(d, 5, 3), gapCanvasPos(d, 1)
	d.body.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: to}, Dragged: fyne.NewDelta(0, to.Y-start.Y)})
	if d.drag.to != 3 || !lineAt(3) {
		t.Fatalf("dragged to gap 1: drop point %d, line at %v (gap 3 at %v)", d.drag.to, r.line.Position().Y, d.lay.starts[3])
	}
	d.body.DragEnd()
	if len(td.moves) != 1 || td.moves[0] != [2]int{5, 3} {
		t.Fatalf("OnMove calls %v, want [[5 3]]", td.moves)
	}
	td.moves = nil
	start, to = itemCanvasPos(d, 1, 3), gapCanvasPos(d, 6)
	d.body.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: to}, Dragged: fyne.NewDelta(0, to.Y-start.Y)})
	if d.drag.to != -1 || r.line.FillColor != color.Transparent {
		t.Fatalf("a refused drop: drop point %d", d.drag.to)
	}
	d.body.DragEnd()
	if len(td.moves) != 0 {
		t.Fatalf("a refused drop moved: %v", td.moves)
	}
	asked = nil
	abs := fyne.CurrentApp().Driver().AbsolutePositionForObject(d).Add(gapCanvasPos(d, 2))
	if at, ok := d.DragOver(abs); !ok || at != 2 || d.drop != 3 || len(asked) != 1 || asked[0] != [2]int{-1, 2} {
		t.Fatalf("a drag from outside over gap 2: IndexAt %d, line at %d, DropPoint asked %v", at, d.drop, asked)
	}
	d.ShowDrop(-1)
}

// A click reaches OnTappedAt with where it was, relative to the item;
// OnTapped alone still works (TestDocumentTapCallsOnTapped).
func TestDocumentTapReportsWhereInTheItem(t *testing.T) {
	td := newTestDocument(t, bodyItems(5, 40), fyne.NewSize(800, 600))
	d := td.d
	var got []fyne.Position
	var items []int
	d.OnTappedAt = func(i int, pos fyne.Position) { items, got = append(items, i), append(got, pos) }
	test.TapCanvas(td.w.Canvas(), itemCanvasPos(d, 2, 30))
	if len(items) != 1 || items[0] != 2 || got[0] != fyne.NewPos(d.lay.colW/2, 30) {
		t.Fatalf("OnTappedAt calls %v at %v, want item 2 at %v", items, got, fyne.NewPos(d.lay.colW/2, 30))
	}
	if len(td.tapped) != 0 {
		t.Errorf("OnTapped called as well: %v", td.tapped)
	}
	// A click the driver took for a short drag: still at its place.
	p := itemCanvasPos(d, 1, 20)
	test.Drag(td.w.Canvas(), p.AddXY(2, 1), 2, 1) // ends 2, 1 from where it began
	if len(items) != 2 || items[1] != 1 || got[1] != fyne.NewPos(d.lay.colW/2, 20) {
		t.Errorf("a jittered click: OnTappedAt calls %v at %v", items, got)
	}
}

// OnResized is called when the width changes, not the height.
func TestDocumentTellsAWidthChange(t *testing.T) {
	td := newTestDocument(t, bodyItems(5, 40), fyne.NewSize(800, 600))
	n := 0
	td.d.OnResized = func() { n++ }
	td.w.Resize(fyne.NewSize(800, 500))
	if n != 0 {
		t.Fatalf("OnResized called %d times for a new height", n)
	}
	td.w.Resize(fyne.NewSize(600, 500))
	if n != 1 {
		t.Fatalf("OnResized called %d times for a new width", n)
	}
}

// One "+" at a time (the hovered gap's, else the one after the item being
// edited), and none half outside the view.
func TestDocumentShowsOnePlusInsideTheView(t *testing.T) {
	td := newTestDocument(t, bodyItems(60, 30), fyne.NewSize(800, 400))
	d, c := td.d, td.w.Canvas()
	r := test.WidgetRenderer(d.body).(*docBodyRenderer)
	d.Edit(3, widget.NewMultiLineEntry())
	test.MoveMouse(c, gapCanvasPos(d, 1))
	if !containsObject(r.objects, r.hoverPlus) || containsObject(r.objects, r.editPlus) {
		t.Fatalf("hovering gap 1 while editing item 3: hover \"+\" %v, edit \"+\" %v",
			containsObject(r.objects, r.hoverPlus), containsObject(r.objects, r.editPlus))
	}
	test.MoveMouse(c, itemCanvasPos(d, 5, d.lay.items[5].g.h/2))
	if !containsObject(r.objects, r.editPlus) || containsObject(r.objects, r.hoverPlus) {
		t.Fatal("away from the gaps the edited item's \"+\" does not show alone")
	}
	// Scrolled so that the gap after item 3 is just above the view: its
	// "+" would stick out over what is above the document.
	d.scrollTo(d.lay.gapMid(4))
	if containsObject(r.objects, r.editPlus) {
		t.Errorf("the \"+\" at %v shows with the view starting at %v", r.editPlus.Position().Y, d.scroll.Offset.Y)
	}
	// The hovered gap scrolled away under a still pointer: its "+" goes.
	test.MoveMouse(c, gapCanvasPos(d, 8))
	if d.hover != 8 {
		t.Fatalf("hover %d, want 8", d.hover)
	}
	d.scroll.Scrolled(&fyne.ScrollEvent{Scrolled: fyne.NewDelta(0, -200)})
	if d.hover != -1 {
		t.Errorf("after scrolling, the \"+\" of gap 8 (now elsewhere) still shows")
	}
}

// A notch of the wheel scrolls three lines.
func TestDocumentWheelScrollsThreeLines(t *testing.T) {
	td := newTestDocument(t, bodyItems(60, 30), fyne.NewSize(800, 400))
	d := td.d
	test.Scroll(td.w.Canvas(), itemCanvasPos(d, 1, 5), 0, -wheelNotch)
	if got, want := d.scroll.Offset.Y, 3*d.lay.body.lineH; got < want-1 || got > want+1 {
		t.Fatalf("one notch scrolled %v, want %v (three lines)", got, want)
	}
	test.Scroll(td.w.Canvas(), itemCanvasPos(d, 1, 5), 0, wheelNotch)
	if d.scroll.Offset.Y != 0 {
		t.Fatalf("a notch back leaves the view at %v", d.scroll.Offset.Y)
	}
}

// TextOffset maps a point of an item to the offset into its Text there:
// the start of line 2 is the offset where line 2 begins, less the mark
// drawn before the text; a word's second half is after the word's letter.
func TestDocumentTextOffsetIsWhereTheClickWas(t *testing.T) {
	items := bodyItems(3, 60)
	items[2] = DocItem{Kind: DocHeading, Number: "2", Mark: "(U) ", Text: "A heading"}
	td := newTestDocument(t, items, fyne.NewSize(600, 600))
	d := td.d
	e := &d.lay.items[1]
	f := d.lay.body
	if len(e.lines) < 3 {
		t.Fatalf("item 1 takes %d lines", len(e.lines))
	}
	prefix := len(e.text) - len(items[1].Text)
	line2 := e.lines[1].start - prefix
	if got, ok := d.TextOffset(1, fyne.NewPos(e.g.textX+1, e.g.textY+1.5*f.lineH)); !ok || got != line2 {
		t.Errorf("the start of line 2: offset %d (%v), want %d", got, ok, line2)
	}
	// Past the first letter of line 2 (its middle): after it.
	x := e.g.textX + f.advance(rune(e.text[e.lines[1].start])) + 1
	if got, _ := d.TextOffset(1, fyne.NewPos(x, e.g.textY+1.5*f.lineH)); got != line2+1 {
		t.Errorf("after line 2's first letter: offset %d, want %d", got, line2+1)
	}
	if got, _ := d.TextOffset(1, fyne.NewPos(0, e.g.h+5)); got != len(items[1].Text) {
		t.Errorf("below the text: offset %d, want its end %d", got, len(items[1].Text))
	}
	if got, _ := d.TextOffset(2, fyne.NewPos(1, 1)); got != 0 {
		t.Errorf("on a heading's number: offset %d, want 0", got)
	}
	d.Edit(1, widget.NewEntry())
	if _, ok := d.TextOffset(1, fyne.NewPos(1, 1)); ok {
		t.Error("an offset in the item being edited")
	}
}

// Items scrolled above the view never catch a click meant for what is
// drawn above the document (the composer's tabs and toolbar): the trial
// found the Preview tab dead, its click opening a judgment scrolled out
// of sight, once the wheel made the body a clip of its own.
func TestDocumentItemsAboveTheViewTakeNoClicks(t *testing.T) {
	td := newTestDocument(t, bodyItems(60, 30), fyne.NewSize(800, 400))
	d := td.d
	pressed := 0
	above := widget.NewButton("Preview", func() { pressed++ })
	// The button comes first, as a tab bar does in the tabs' objects:
	// what is walked later wins a click where both could take it.
	td.w.SetContent(container.New(layout.NewBorderLayout(above, nil, nil, nil), above, d))
	td.w.Resize(fyne.NewSize(800, 400))
	d.scrollTo(600) // items 0… now lie behind the button, out of the view
	test.TapCanvas(td.w.Canvas(), fyne.NewPos(400, above.Size().Height/2))
	if pressed != 1 || len(td.tapped) != 0 {
		t.Fatalf("a click on the button above: button pressed %d times, items tapped %v", pressed, td.tapped)
	}
	// The wheel still scrolls over an item in the view.
	before := d.scroll.Offset.Y
	test.Scroll(td.w.Canvas(), fyne.NewPos(400, above.Size().Height+100), 0, -wheelNotch)
	if d.scroll.Offset.Y <= before {
		t.Fatalf("the wheel left the document at %v", d.scroll.Offset.Y)
	}
}
