package widgets

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

func TestDocumentLongItemIsTallerWhenNarrow(t *testing.T) {
	items := []DocItem{{Kind: DocBody, Text: words(80, 1)}, {Kind: DocBody, Text: "short"}}
	td := newTestDocument(t, items, fyne.NewSize(900, 600))
	wide := td.d.lay.items[0].g.h
	short := td.d.lay.items[1].g.h
	td.w.Resize(fyne.NewSize(400, 600))
	narrow := td.d.lay.items[0].g.h
	if narrow <= wide {
		t.Errorf("80 words: %v high at 400 wide, %v at 900", narrow, wide)
	}
	if td.d.lay.items[1].g.h != short || short != td.d.lay.body.lineH {
		t.Errorf("a one-line item is %v high at 400, %v at 900; a line is %v", td.d.lay.items[1].g.h, short, td.d.lay.body.lineH)
	}
	// Every line fits the column it was wrapped for, as measured exactly.
	e := &td.d.lay.items[0]
	for _, ln := range e.lines {
		if w := fyne.MeasureText(e.text[ln.start:ln.end], td.d.lay.body.size, fyne.TextStyle{}).Width; w > e.g.textW+td.d.lay.body.spaceW {
			t.Errorf("line %q is %v wide in a column of %v", e.text[ln.start:ln.end], w, e.g.textW)
		}
	}
	if got := td.d.lay.starts[1]; got != td.d.lay.starts[0]+narrow+td.d.lay.gap {
		t.Errorf("item 1 starts at %v, want below item 0 (%v + %v)", got, td.d.lay.starts[0], narrow)
	}
}

func TestDocumentLooksDifferPerKind(t *testing.T) {
	items := []DocItem{
		{Kind: DocHeading, Number: "2", Mark: "(U) ", Text: "Outlook"},
		{Kind: DocQuote, Mark: "(C) ", Text: "quoted", Meta: "Source, p. 4", Action: "Show in source", Tag: "unmarked"},
		{Kind: DocJudgment, Number: "1", Text: "judged", Meta: "High confidence"},
		{Kind: DocLabel, Text: "Key judgments"},
	}
	td := newTestDocument(t, items, fyne.NewSize(800, 600))
	r := test.WidgetRenderer(td.d.body).(*docBodyRenderer)
	texts := func(i int) map[string]*canvas.Text {
		out := map[string]*canvas.Text{}
		for _, o := range r.views[i].c.Objects {
			if tx, ok := o.(*canvas.Text); ok {
				out[tx.Text] = tx
			}
		}
		return out
	}
	h := texts(0)["2.  (U) Outlook"]
	if h == nil || !h.TextStyle.Bold || h.TextSize <= td.d.lay.body.size {
		t.Errorf("heading drawn as %+v", h)
	}
	q := texts(1)
	if q["(C) quoted"] == nil || q["Source, p. 4"] == nil || q["unmarked"] == nil {
		t.Errorf("quote card texts %v", q)
	}
	if q["Source, p. 4"] != nil && q["Source, p. 4"].TextSize >= td.d.lay.body.size {
		t.Error("a quote's source line is as large as its text")
	}
	if !r.views[1].bg.Visible() || r.views[1].c.Objects[0] != r.views[1].bg || r.views[1].c.Objects[1] != r.views[1].rule {
		t.Error("a quote has no card and rule")
	}
	if texts(2)["1. judged"] == nil || texts(2)["High confidence"] == nil {
		t.Errorf("judgment texts %v", texts(2))
	}
	if texts(3)["KEY JUDGMENTS"] == nil {
		t.Errorf("label texts %v", texts(3))
	}
}

func TestDocumentOnlyItemsNearTheViewHaveObjects(t *testing.T) {
	td := newTestDocument(t, bodyItems(1000, 60), fyne.NewSize(800, 600))
	header := widget.NewLabel("Title")
	td.d.SetHeader(header)
	r := test.WidgetRenderer(td.d.body).(*docBodyRenderer)
	check := func(when string) {
		t.Helper()
		first, last := td.d.VisibleRange()
		if first >= last {
			t.Fatalf("%s: nothing visible", when)
		}
		if len(r.views) > 3*(last-first)+10 || len(r.views) < last-first {
			t.Errorf("%s: %d item views for %d visible items", when, len(r.views), last-first)
		}
		for i := first; i < last; i++ {
			if r.views[i] == nil {
				t.Errorf("%s: visible item %d has no view", when, i)
			}
		}
		if len(r.objects) > len(r.views)+6 {
			t.Errorf("%s: %d objects", when, len(r.objects))
		}
		for i, v := range r.views {
			if v.idx != i || v.c.Position().Y != td.d.lay.starts[i] {
				t.Errorf("%s: view of item %d shows %d at %v", when, i, v.idx, v.c.Position().Y)
			}
		}
	}
	check("at the top")
	if r.objects[0] != header {
		t.Error("the header is not drawn at the top")
	}
	td.d.ScrollTo(500)
	check("at item 500")
	if first, _ := td.d.VisibleRange(); first != 500 {
		t.Errorf("ScrollTo(500) shows item %d first", first)
	}
	if r.views[500] == nil || r.views[3] != nil {
		t.Error("the views did not follow the scroll")
	}
	test.Scroll(td.w.Canvas(), fyne.NewPos(300, 300), 0, -1000)
	check("after the wheel")
	td.d.ScrollToTop()
	if td.d.scroll.Offset.Y != 0 {
		t.Errorf("ScrollToTop left the offset at %v", td.d.scroll.Offset.Y)
	}
}

func TestDocumentTapCallsOnTapped(t *testing.T) {
	items := bodyItems(5, 10)
	items[1] = DocItem{Kind: DocLabel, Text: "Key judgments"}
	items[3] = DocItem{Kind: DocQuote, Text: "a quote", Meta: "Source", Action: "Show in source"}
	td := newTestDocument(t, items, fyne.NewSize(800, 600))
	c := td.w.Canvas()
	test.TapCanvas(c, itemCanvasPos(td.d, 2, 5))
	test.TapCanvas(c, itemCanvasPos(td.d, 1, 5)) // a label: no call
	test.TapCanvas(c, itemCanvasPos(td.d, 3, 5))
	if len(td.tapped) != 2 || td.tapped[0] != 2 || td.tapped[1] != 3 {
		t.Errorf("OnTapped calls %v, want [2 3]", td.tapped)
	}
	e := &td.d.lay.items[3]
	btn := fyne.NewPos(td.d.lay.colX+e.g.textX+e.btn.Width/2, td.d.lay.starts[3]+e.g.btnY+e.btn.Height/2)
	test.TapCanvas(c, btn)
	if len(td.actions) != 1 || td.actions[0] != 3 || len(td.tapped) != 2 {
		t.Errorf("the action button: OnAction %v, OnTapped %v", td.actions, td.tapped)
	}
}

func TestDocumentDragMovesToTheInsertionPoint(t *testing.T) {
	items := bodyItems(6, 10)
	items[5] = DocItem{Kind: DocLabel, Text: "Key judgments"}
	td := newTestDocument(t, items, fyne.NewSize(800, 600))
	c := td.w.Canvas()
	drag := func(from fyne.Position, to fyne.Position) {
		test.Drag(c, to, to.X-from.X, to.Y-from.Y)
	}
	drag(itemCanvasPos(td.d, 0, 3), gapCanvasPos(td.d, 3))
	// Item 4 dropped on the lower half of item 1: before item 2.
	drag(itemCanvasPos(td.d, 4, 3), itemCanvasPos(td.d, 1, td.d.lay.items[1].g.h*3/4))
	if len(td.moves) != 2 || td.moves[0] != [2]int{0, 3} || td.moves[1] != [2]int{4, 2} {
		t.Fatalf("OnMove calls %v, want [[0 3] [4 2]]", td.moves)
	}
	td.moves = nil
	drag(itemCanvasPos(td.d, 2, 3), gapCanvasPos(td.d, 2))      // just above itself
	drag(itemCanvasPos(td.d, 2, 3), gapCanvasPos(td.d, 3))      // just below itself
	drag(itemCanvasPos(td.d, 2, 3), itemCanvasPos(td.d, 2, 20)) // within itself
	drag(itemCanvasPos(td.d, 5, 3), gapCanvasPos(td.d, 0))      // a label
	// Outside, to the right (test.Drag finds nothing there to drag).
	start := itemCanvasPos(td.d, 1, 3)
	td.d.body.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: fyne.NewPos(900, start.Y)}, Dragged: fyne.NewDelta(900-start.X, 0)})
	if !td.d.drag.active || td.d.drag.to != -1 {
		t.Errorf("dragged outside: active %v, drop point %d", td.d.drag.active, td.d.drag.to)
	}
	td.d.body.DragEnd()
	if len(td.moves) != 0 || len(td.tapped) != 0 {
		t.Errorf("OnMove calls %v, OnTapped %v for drops that move nothing", td.moves, td.tapped)
	}
	// A click that jitters is a drag for the driver: still a click.
	drag(itemCanvasPos(td.d, 1, 3), itemCanvasPos(td.d, 1, 3).AddXY(2, -2))
	if len(td.moves) != 0 || len(td.tapped) != 1 || td.tapped[0] != 1 {
		t.Errorf("a jittered click: OnMove %v, OnTapped %v", td.moves, td.tapped)
	}
}

func TestDocumentDragShowsTheDropLineAndAutoScrolls(t *testing.T) {
	td := newTestDocument(t, bodyItems(100, 40), fyne.NewSize(800, 400))
	d := td.d
	r := test.WidgetRenderer(d.body).(*docBodyRenderer)
	d.drag.stop = make(chan struct{}) // stand in for the ticker: the test drives the steps
	start := itemCanvasPos(d, 1, 3)
	to := gapCanvasPos(d, 3)
	d.body.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: to}, Dragged: fyne.NewDelta(0, to.Y-start.Y)})
	if !d.drag.active || d.drag.to != 3 || r.line.Position().Y > d.lay.starts[3] || r.line.Position().Y < d.lay.starts[3]-d.lay.gap {
		t.Fatalf("drag to gap 3: active %v, to %d, line at %v (gap %v)", d.drag.active, d.drag.to, r.line.Position().Y, d.lay.starts[3])
	}
	if !containsObject(r.objects, r.dim) || r.dim.Position().Y != d.lay.starts[1] {
		t.Error("the dragged item is not veiled")
	}
	below := fyne.NewPos(200, 395)
	d.body.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: below}, Dragged: fyne.NewDelta(0, below.Y-to.Y)})
	for range 10 {
		d.autoScrollStep()
	}
	if d.scroll.Offset.Y <= 0 {
		t.Fatal("no auto-scroll near the bottom edge")
	}
	want := d.lay.insertionAt(d.scroll.Offset.Y + 395)
	if d.drag.to != want || want <= 3 {
		t.Errorf("after scrolling the drop point is %d, want %d", d.drag.to, want)
	}
	d.body.DragEnd()
	if d.drag.stop != nil || d.drag.active || containsObject(r.objects, r.dim) {
		t.Error("DragEnd left the drag under way")
	}
	if len(td.moves) != 1 || td.moves[0] != [2]int{1, want} {
		t.Errorf("OnMove calls %v, want [[1 %d]]", td.moves, want)
	}
}

func TestDocumentPlusInserts(t *testing.T) {
	td := newTestDocument(t, bodyItems(4, 10), fyne.NewSize(800, 600))
	d, c := td.d, td.w.Canvas()
	r := test.WidgetRenderer(d.body).(*docBodyRenderer)
	test.MoveMouse(c, gapCanvasPos(d, 2))
	if !containsObject(r.objects, r.hoverPlus) || r.hoverPlus.at != 2 {
		t.Fatalf("hovering gap 2 shows no \"+\" (hover %d)", d.hover)
	}
	plus := r.hoverPlus.Position().AddXY(r.hoverPlus.Size().Width/2, r.hoverPlus.Size().Height/2)
	test.MoveMouse(c, plus)
	test.TapCanvas(c, plus)
	if len(td.inserts) != 1 || td.inserts[0] != 2 {
		t.Fatalf("OnInsert calls %v, want [2]", td.inserts)
	}
	if got := td.insertPos[0]; got.Y < plus.Y || got.X > plus.X {
		t.Errorf("OnInsert at %v, want under the \"+\" at %v", got, plus)
	}
	test.MoveMouse(c, itemCanvasPos(d, 1, d.lay.items[1].g.h/2))
	if containsObject(r.objects, r.hoverPlus) {
		t.Error("the \"+\" stays over an item")
	}
	test.MoveMouse(c, gapCanvasPos(d, 4)) // after the last
	if !containsObject(r.objects, r.hoverPlus) || r.hoverPlus.at != 4 {
		t.Errorf("no \"+\" after the last item (hover %d)", d.hover)
	}
	test.TapCanvas(c, r.hoverPlus.Position().AddXY(5, 5))
	if len(td.inserts) != 2 || td.inserts[1] != 4 {
		t.Errorf("OnInsert calls %v, want [2 4]", td.inserts)
	}
}

func TestDocumentEditShowsTheEditorInPlace(t *testing.T) {
	td := newTestDocument(t, bodyItems(300, 30), fyne.NewSize(800, 600))
	d := td.d
	r := test.WidgetRenderer(d.body).(*docBodyRenderer)
	top1, top2, h1 := d.lay.starts[1], d.lay.starts[2], d.lay.items[1].g.h
	ed := widget.NewMultiLineEntry()
	ed.SetMinRowsVisible(8)
	d.Edit(1, ed)
	if d.Editing() != 1 {
		t.Fatalf("Editing() = %d", d.Editing())
	}
	eh := ed.MinSize().Height
	if ed.Position().Y != top1 || ed.Size().Height < eh-1 || ed.Size().Width != d.lay.colW {
		t.Errorf("editor at %v size %v, want at %v, %v high", ed.Position(), ed.Size(), top1, eh)
	}
	if got := d.lay.starts[2]; got-top2 < eh-h1-1 || got-top2 > eh-h1+1 {
		t.Errorf("item 2 moved from %v to %v, want by %v", top2, got, eh-h1)
	}
	if r.views[1] != nil || r.views[2].c.Position().Y != d.lay.starts[2] {
		t.Error("item 1 is still drawn, or item 2 is not below the editor")
	}
	if !containsObject(r.objects, r.editPlus) || r.editPlus.at != 2 {
		t.Error("no \"+\" after the item being edited")
	}
	// Growing: RefreshItem reads the editor's height again.
	ed.SetMinRowsVisible(12)
	d.RefreshItem(1)
	if d.lay.items[1].g.h != snapUp(ed.MinSize().Height, d.lay.px) {
		t.Errorf("the edited item is %v high, the editor %v", d.lay.items[1].g.h, ed.MinSize().Height)
	}
	// The item being edited is not dragged: its editor's drags select text.
	start, to := itemCanvasPos(d, 1, 3), gapCanvasPos(d, 4)
	d.body.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: to}, Dragged: fyne.NewDelta(0, to.Y-start.Y)})
	d.body.DragEnd()
	if d.drag.active || len(td.moves) != 0 {
		t.Error("a drag in the editor moved an item")
	}
	d.ScrollTo(250)
	if !containsObject(r.objects, ed) || ed.Position().Y != d.lay.starts[1] {
		t.Error("the editor left the canvas when scrolled away")
	}
	d.ScrollToTop()
	d.Edit(-1, nil)
	if d.Editing() != -1 || containsObject(r.objects, ed) || r.views[1] == nil {
		t.Error("Edit(-1) left the editor in place")
	}
	if d.lay.starts[2] != top2 {
		t.Errorf("item 2 at %v after editing, %v before", d.lay.starts[2], top2)
	}
}

func TestDocumentIndexAtAndShowDrop(t *testing.T) {
	td := newTestDocument(t, bodyItems(50, 20), fyne.NewSize(600, 400))
	d := td.d
	r := test.WidgetRenderer(d.body).(*docBodyRenderer)
	abs := func(p fyne.Position) fyne.Position {
		return p.Add(fyne.CurrentApp().Driver().AbsolutePositionForObject(d))
	}
	for _, c := range []struct {
		pos  fyne.Position
		want int
	}{
		{itemCanvasPos(d, 0, 2), 0},
		{itemCanvasPos(d, 0, d.lay.items[0].g.h-2), 1},
		{gapCanvasPos(d, 2), 2},
		{fyne.NewPos(5, 2), 0}, // the header's place, in the margin
	} {
		if got, ok := d.IndexAt(abs(c.pos)); !ok || got != c.want {
			t.Errorf("IndexAt(%v) = %d, %v; want %d", c.pos, got, ok, c.want)
		}
	}
	if _, ok := d.IndexAt(abs(fyne.NewPos(700, 10))); ok {
		t.Error("IndexAt right of the document is inside it")
	}
	if _, ok := d.IndexAt(abs(fyne.NewPos(10, 450))); ok {
		t.Error("IndexAt below the view is inside it")
	}
	d.ScrollTo(40)
	if got, ok := d.IndexAt(abs(itemCanvasPos(d, 41, 2))); !ok || got != 41 {
		t.Errorf("scrolled: IndexAt = %d, %v; want 41", got, ok)
	}
	d.ShowDrop(41)
	if !containsObject(r.objects, r.line) || r.line.FillColor == nil || r.line.Position().Y < d.lay.starts[41]-d.lay.gap || r.line.Position().Y > d.lay.starts[41] {
		t.Errorf("ShowDrop(41): line at %v, item 41 at %v", r.line.Position().Y, d.lay.starts[41])
	}
	d.ShowDrop(-1)
	if _, _, _, a := r.line.FillColor.RGBA(); a != 0 {
		t.Error("ShowDrop(-1) left the line")
	}
}

func TestDocumentKeepsTheTopItemWhenAnItemAboveGrows(t *testing.T) {
	td := newTestDocument(t, bodyItems(200, 30), fyne.NewSize(800, 600))
	d := td.d
	d.ScrollTo(100)
	d.scrollTo(d.scroll.Offset.Y + 10)
	before := d.lay.starts[100] - d.scroll.Offset.Y
	td.items[10].Text = words(300, 9)
	d.RefreshItem(10)
	if after := d.lay.starts[100] - d.scroll.Offset.Y; after != before {
		t.Errorf("item 100 jumped from %v to %v in the view", before, after)
	}
	td.items = td.items[:150]
	d.Refresh()
	if len(d.lay.items) != 150 || d.scroll.Offset.Y > d.lay.height {
		t.Errorf("after removing items: %d items, offset %v of %v", len(d.lay.items), d.scroll.Offset.Y, d.lay.height)
	}
}

func containsObject(objs []fyne.CanvasObject, o fyne.CanvasObject) bool {
	for _, x := range objs {
		if x == o {
			return true
		}
	}
	return false
}

func TestDocumentDragOverFromOutsideScrolls(t *testing.T) {
	td := newTestDocument(t, bodyItems(100, 40), fyne.NewSize(600, 400))
	d := td.d
	r := test.WidgetRenderer(d.body).(*docBodyRenderer)
	abs := func(p fyne.Position) fyne.Position {
		return p.Add(fyne.CurrentApp().Driver().AbsolutePositionForObject(d))
	}
	if at, ok := d.DragOver(abs(gapCanvasPos(d, 2))); !ok || at != 2 || d.drop != 2 || d.drag.stop != nil {
		t.Fatalf("DragOver gap 2: %d, %v; drop %d, scrolling %v", at, ok, d.drop, d.drag.stop != nil)
	}
	// Stand in for the ticker (the test drives the steps): DragOver keeps
	// it near an edge and stops it elsewhere.
	d.drag.stop = make(chan struct{})
	d.DragOver(abs(fyne.NewPos(300, 398)))
	if d.drag.stop == nil {
		t.Fatal("DragOver near the bottom edge does not scroll")
	}
	for range 10 {
		d.autoScrollStep()
	}
	if d.scroll.Offset.Y <= 0 || d.drop != d.lay.insertionAt(d.scroll.Offset.Y+398) {
		t.Errorf("after scrolling: offset %v, drop %d", d.scroll.Offset.Y, d.drop)
	}
	if _, ok := d.DragOver(abs(fyne.NewPos(700, 100))); ok || d.drop != -1 || d.drag.stop != nil {
		t.Error("DragOver outside leaves the drop line or the scrolling")
	}
	if _, _, _, a := r.line.FillColor.RGBA(); a != 0 {
		t.Error("the drop line is still drawn")
	}
}
