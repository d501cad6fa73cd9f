package widgets

import (
	"fmt"
	"math"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
)

// pageReading is a page viewer made a reader, recording its callbacks.
type pageReading struct {
	*pageViewer
	selects []selectCall
	figures []figureCall
	tapped  []PageMark
	finds   []string // "query/dir"
}

type selectCall struct {
	from, to PagePoint
	done     bool
}

type figureCall struct {
	page           int
	x0, y0, x1, y1 float32
}

func newPageReading(t *testing.T, pages int) *pageReading {
	t.Helper()
	pr := &pageReading{pageViewer: newPageViewer(t, pages, fyne.NewSize(600, 600))}
	pr.v.EnableReading(&PageReader{
		OnSelect:     func(from, to PagePoint, done bool) { pr.selects = append(pr.selects, selectCall{from, to, done}) },
		OnFigure:     func(p int, x0, y0, x1, y1 float32) { pr.figures = append(pr.figures, figureCall{p, x0, y0, x1, y1}) },
		OnMarkTapped: func(m PageMark) { pr.tapped = append(pr.tapped, m) },
		OnFind:       func(q string, dir int) { pr.finds = append(pr.finds, fmt.Sprintf("%s/%d", q, dir)) },
	})
	pr.w.Resize(fyne.NewSize(600, 700))
	return pr
}

// at is the point x, y (fractions) of page p, over the pages (the
// surface's coordinates); abs is the same on the canvas.
func (pr *pageReading) at(p int, x, y float32) fyne.Position {
	pos, sz := pr.v.sheetRect(p)
	return pos.AddXY(x*sz.Width, y*sz.Height)
}

func (pr *pageReading) abs(p int, x, y float32) fyne.Position {
	origin := fyne.CurrentApp().Driver().AbsolutePositionForObject(pr.v.read.surface)
	return origin.Add(pr.at(p, x, y))
}

// drag drags the pointer from one point to another in one move, as the
// driver reports it: the position where the pointer is, the delta moved.
func (pr *pageReading) drag(from, to fyne.Position) {
	test.Drag(pr.w.Canvas(), to, to.X-from.X, to.Y-from.Y)
}

func near(a, b float32) bool { return math.Abs(float64(a-b)) < 0.005 }

func nearPoint(p PagePoint, page int, x, y float32) bool {
	return p.Page == page && near(p.X, x) && near(p.Y, y)
}

// A drag with the text tool tells the owner where it started and where it
// is, live, then done at the release, as fractions of the page.
func TestPageViewTextDragSelects(t *testing.T) {
	pr := newPageReading(t, 6)
	s := pr.v.read.surface
	s.MouseDown(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: pr.at(0, 0.2, 0.1)}, Button: desktop.MouseButtonPrimary})
	s.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: pr.at(0, 0.4, 0.12)}, Dragged: fyne.NewDelta(5, 5)})
	if len(pr.selects) != 1 || pr.selects[0].done || !nearPoint(pr.selects[0].from, 0, 0.2, 0.1) || !nearPoint(pr.selects[0].to, 0, 0.4, 0.12) {
		t.Fatalf("while dragging: %+v", pr.selects)
	}
	s.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: pr.at(0, 0.7, 0.3)}, Dragged: fyne.NewDelta(5, 5)})
	s.DragEnd()
	last := pr.selects[len(pr.selects)-1]
	if len(pr.selects) != 3 || !last.done || !nearPoint(last.from, 0, 0.2, 0.1) || !nearPoint(last.to, 0, 0.7, 0.3) {
		t.Fatalf("at the release: %+v", pr.selects)
	}
	if c := pr.w.Canvas().Focused(); c != s {
		t.Errorf("a press on a page left the focus on %T", c)
	}
	if len(pr.figures) != 0 {
		t.Errorf("the text tool made figures %v", pr.figures)
	}
}

// A drag may cross from one page to the next, the driver's way (no
// MouseDown: the start is where the pointer was before the first move).
func TestPageViewTextDragCrossesPages(t *testing.T) {
	pr := newPageReading(t, 6)
	v := pr.v
	v.scrollTo(fyne.NewPos(0, v.pageTop(1)-v.scroll.Size().Height/2))
	pr.drag(pr.abs(0, 0.5, 0.9), pr.abs(1, 0.25, 0.1))
	if len(pr.selects) != 2 {
		t.Fatalf("selects %+v", pr.selects)
	}
	got := pr.selects[1]
	if !got.done || !nearPoint(got.from, 0, 0.5, 0.9) || !nearPoint(got.to, 1, 0.25, 0.1) {
		t.Errorf("a drag from page 1 to page 2 gave %+v", got)
	}
	// Beyond a page's side or in the gap between pages, the point is on
	// the nearest page's edge.
	pr.selects = nil
	gapY := v.pageTop(1) - pageGap/4
	pr.drag(pr.abs(0, 0.5, 0.8), pr.abs(1, 0, 0).Subtract(fyne.NewPos(10, pr.at(1, 0, 0).Y-gapY)))
	if got := pr.selects[1].to; !nearPoint(got, 1, 0, 0) {
		t.Errorf("a drag ending left of page 2, in the gap above it, ends at %+v", got)
	}
}

// The figure tool draws a rubber band on the starting page, clipped to it,
// and gives the rectangle normalised at the release; a slip is no figure.
func TestPageViewFigureDrag(t *testing.T) {
	pr := newPageReading(t, 6)
	v := pr.v
	test.Tap(v.read.figTool)
	if v.Tool() != ToolFigure {
		t.Fatal("the Figure button did not choose the figure tool")
	}
	s := v.read.surface
	s.MouseDown(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: pr.at(0, 0.8, 0.6)}, Button: desktop.MouseButtonPrimary})
	// Up and left inside the page, then out past its right edge.
	s.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: pr.at(0, 0.3, 0.4)}})
	band := v.read.band
	if want := pr.at(0, 0.3, 0.4); !band.Visible() || !nearPos(band.Position(), want) {
		t.Fatalf("band at %v (shown %v), want its corner at %v", band.Position(), band.Visible(), want)
	}
	s.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: pr.at(0, 1.3, 0.4)}})
	_, sz := v.sheetRect(0)
	if w := band.Size().Width; math.Abs(float64(w-0.2*sz.Width)) > 1 {
		t.Errorf("the band is %v wide past the page's edge, want it clipped to %v", w, 0.2*sz.Width)
	}
	s.DragEnd()
	if len(pr.figures) != 1 {
		t.Fatalf("figures %v", pr.figures)
	}
	f := pr.figures[0]
	if f.page != 0 || !near(f.x0, 0.8) || !near(f.x1, 1) || !near(f.y0, 0.4) || !near(f.y1, 0.6) {
		t.Errorf("figure %+v, want page 0 (0.8, 0.4)-(1, 0.6)", f)
	}
	if band.Visible() || len(pr.selects) != 0 {
		t.Errorf("after the release: band shown %v, selects %v", band.Visible(), pr.selects)
	}
	// A drag of a few dp is a slip of the hand.
	pr.drag(pr.abs(0, 0.5, 0.5), pr.abs(0, 0.5, 0.5).AddXY(3, 30))
	if len(pr.figures) != 1 {
		t.Errorf("a 3 dp wide drag made a figure: %v", pr.figures[1:])
	}
}

func nearPos(a, b fyne.Position) bool {
	return math.Abs(float64(a.X-b.X)) < 1 && math.Abs(float64(a.Y-b.Y)) < 1
}

// Marks get objects only on the pages that have sheets, drawn where their
// fractions say, coloured by kind; a long report's marks cost nothing
// while their pages are far away.
func TestPageViewMarksOnlyNearTheView(t *testing.T) {
	pr := newPageReading(t, 300)
	v := pr.v
	var marks []PageMark
	for i := range 1000 {
		p := i % 300
		y := float32(i/300) * 0.2
		marks = append(marks, PageMark{Page: p, X0: 0.1, Y0: y, X1: 0.9, Y1: y + 0.05, Kind: MarkExcerpt, ID: int64(i)})
	}
	marks = append(marks, PageMark{Page: 0, X0: 0.25, Y0: 0.5, X1: 0.75, Y1: 0.55, Kind: MarkSelection})
	v.SetMarks(marks)
	check := func(when string) {
		t.Helper()
		held := v.Held()
		shown, pos, size := v.ShownMarks()
		want := 0
		for _, m := range marks {
			if m.Page >= held[0] && m.Page <= held[len(held)-1] {
				want++
			}
		}
		if len(shown) != want || want == 0 {
			t.Fatalf("%s: %d marks have objects, want the %d on pages %v", when, len(shown), want, held)
		}
		for k, m := range shown {
			at, sz := v.sheetRect(m.Page)
			if !nearPos(pos[k], at.AddXY(m.X0*sz.Width, m.Y0*sz.Height)) || !nearPos(fyne.NewPos(size[k].Width, size[k].Height), fyne.NewPos((m.X1-m.X0)*sz.Width, (m.Y1-m.Y0)*sz.Height)) {
				t.Errorf("%s: mark %+v drawn at %v size %v", when, m, pos[k], size[k])
			}
		}
	}
	check("at the top")
	// The selection is drawn over page 1's excerpts, in the theme's colour.
	last := -1
	for k, m := range v.read.shown {
		if m.Page == 0 {
			last = k
		}
	}
	if top := v.read.rects[last]; v.read.shown[last].Kind != MarkSelection || top.FillColor != v.Theme().Color(theme.ColorNameSelection, theme.VariantLight) {
		t.Errorf("the last mark drawn on page 1 is %+v in %v, want the selection in the theme's colour", v.read.shown[last], top.FillColor)
	}
	if c := v.read.rects[0].FillColor; c != excerptPen {
		t.Errorf("an excerpt is drawn in %v", c)
	}
	v.ShowPage(200)
	check("at page 201")
	if len(v.read.rects) > 20 {
		t.Errorf("%d rectangles made for the marks, want only those of the pages near the view", len(v.read.rects))
	}
}

// A tap on an excerpt's mark tells its owner which; a tap anywhere with
// the text tool is a drag from a point to itself.
func TestPageViewMarkTap(t *testing.T) {
	pr := newPageReading(t, 4)
	v := pr.v
	v.SetMarks([]PageMark{
		{Page: 0, X0: 0.1, Y0: 0.1, X1: 0.5, Y1: 0.2, Kind: MarkExcerpt, ID: 42},
		{Page: 0, X0: 0.1, Y0: 0.3, X1: 0.5, Y1: 0.4, Kind: MarkFound},
	})
	test.TapAt(v.read.surface, pr.at(0, 0.3, 0.15))
	if len(pr.tapped) != 1 || pr.tapped[0].ID != 42 {
		t.Fatalf("tapped %+v, want excerpt 42", pr.tapped)
	}
	if len(pr.selects) != 1 || !pr.selects[0].done || pr.selects[0].from != pr.selects[0].to || !nearPoint(pr.selects[0].to, 0, 0.3, 0.15) {
		t.Errorf("a tap selects %+v, want an empty selection at the tap", pr.selects)
	}
	test.TapAt(v.read.surface, pr.at(0, 0.3, 0.35)) // a match of Find is not an excerpt
	test.TapAt(v.read.surface, pr.at(0, 0.7, 0.15))
	if len(pr.tapped) != 1 {
		t.Errorf("taps off the excerpt told of %+v", pr.tapped[1:])
	}
	if pr.w.Canvas().Focused() != v.read.surface {
		t.Error("a tap on a page did not give it the keyboard")
	}
}

// With the keyboard, the pages scroll a view or a line at a time, go to
// the first and last page, zoom and fit, and Ctrl+F goes to Find.
func TestPageViewKeys(t *testing.T) {
	pr := newPageReading(t, 10)
	v := pr.v
	s := v.read.surface
	test.TapAt(s, pr.at(0, 0.5, 0.5))
	c := pr.w.Canvas()
	if c.Focused() != s || !v.read.ring.Visible() {
		t.Fatal("a tap on a page did not focus the pages")
	}
	h := v.scroll.Size().Height
	key := func(k fyne.KeyName) { c.Focused().TypedKey(&fyne.KeyEvent{Name: k}) }
	key(fyne.KeyPageDown)
	if got := v.scroll.Offset.Y; got != h-lineStep {
		t.Errorf("Page Down scrolled to %v, want %v", got, h-lineStep)
	}
	key(fyne.KeyDown)
	key(fyne.KeyUp)
	key(fyne.KeyUp)
	if got := v.scroll.Offset.Y; got != h-2*lineStep {
		t.Errorf("down one line, up two: %v, want %v", got, h-2*lineStep)
	}
	key(fyne.KeyPageUp)
	if v.scroll.Offset.Y != 0 {
		t.Errorf("Page Up at the top scrolled to %v", v.scroll.Offset.Y)
	}
	key(fyne.KeyEnd)
	if v.Page() != 9 {
		t.Errorf("End went to page %d", v.Page()+1)
	}
	key(fyne.KeyHome)
	if v.Page() != 0 {
		t.Errorf("Home went to page %d", v.Page()+1)
	}
	ctrl := func(k fyne.KeyName) {
		c.Focused().(fyne.Shortcutable).TypedShortcut(&desktop.CustomShortcut{KeyName: k, Modifier: fyne.KeyModifierShortcutDefault})
	}
	ctrl(fyne.KeyEqual)
	if v.Fitting() || v.Zoom() != 1 {
		t.Errorf("Ctrl+= zoomed to %v (fitting %v), want 100%%", v.Zoom(), v.Fitting())
	}
	ctrl(fyne.KeyMinus)
	if v.Zoom() != 0.75 {
		t.Errorf("Ctrl+- zoomed to %v", v.Zoom())
	}
	ctrl(fyne.Key0)
	if !v.Fitting() {
		t.Error("Ctrl+0 did not fit the width")
	}
	ctrl(fyne.KeyF)
	if c.Focused() != v.read.find || v.read.ring.Visible() {
		t.Errorf("Ctrl+F focused %T", c.Focused())
	}
	v.read.find.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if c.Focused() != s {
		t.Errorf("Escape in Find left the focus on %T", c.Focused())
	}
}

// A page number and Enter goes to that page; what is not a page stays to
// be corrected.
func TestPageViewGoToPage(t *testing.T) {
	pr := newPageReading(t, 12)
	v := pr.v
	g := v.read.gotoPage
	pr.w.Canvas().Focus(g)
	test.Type(g, "7")
	g.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if v.Page() != 6 || g.Text != "" || pr.w.Canvas().Focused() != v.read.surface {
		t.Fatalf("go to 7: page %d, field %q, focus %T", v.Page()+1, g.Text, pr.w.Canvas().Focused())
	}
	// Past either end: that end, the number kept with the range.
	for _, c := range []struct {
		typed string
		page  int
		err   string
	}{
		{"13", 11, "Page 13: this document has 12 pages"},
		{"0", 0, "Page 0: pages are numbered from 1 to 12"},
		{"99999999999999999999", 11, "Page 99999999999999999999: this document has 12 pages"},
	} {
		v.ShowPage(6)
		g.SetText("")
		pr.w.Canvas().Focus(g)
		test.Type(g, c.typed)
		g.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
		if err := g.Validate(); v.Page() != c.page || g.Text != c.typed || err == nil || err.Error() != c.err {
			t.Errorf("go to %s of 12: page %d, field %q, message %v", c.typed, v.Page()+1, g.Text, err)
		}
	}
	// Not a number: stays, marked, and the pages stay.
	v.ShowPage(6)
	g.SetText("")
	test.Type(g, "x7")
	g.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if err := g.Validate(); v.Page() != 6 || g.Text != "x7" || err == nil {
		t.Errorf("go to x7: page %d, field %q, message %v", v.Page()+1, g.Text, err)
	}
}

// Find searches as it is typed, Enter goes to the next match and
// Shift+Enter to the previous one; "N of M" shows beside it.
func TestPageViewFind(t *testing.T) {
	pr := newPageReading(t, 3)
	v := pr.v
	f := v.read.find
	pr.w.Canvas().Focus(f)
	test.Type(f, "ai")
	f.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	f.KeyDown(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
	f.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	f.KeyUp(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
	want := []string{"a/0", "ai/0", "ai/1", "ai/-1"}
	if fmt.Sprint(pr.finds) != fmt.Sprint(want) {
		t.Fatalf("finds %v, want %v", pr.finds, want)
	}
	if v.read.findNext.Disabled() == false {
		t.Error("next match is on before any was found")
	}
	v.SetFindResult(2, 5)
	if v.read.found.Text != "2 of 5" || v.read.findNext.Disabled() || v.read.findPrev.Disabled() {
		t.Errorf("found %q", v.read.found.Text)
	}
	test.Tap(v.read.findPrev)
	test.Tap(v.read.findNext)
	if got := pr.finds[len(pr.finds)-2:]; fmt.Sprint(got) != "[ai/-1 ai/1]" {
		t.Errorf("the buttons sent %v", got)
	}
	v.SetFindResult(0, 0)
	if v.read.found.Text != "No matches" || !v.read.findNext.Disabled() {
		t.Errorf("nothing found shows %q", v.read.found.Text)
	}
}

// Pages of different sizes: each sheet has its page's shape, a landscape
// page fits the view's width, and pages drawn at different widths are
// asked for at their own.
func TestPageViewPageSizes(t *testing.T) {
	pr := newPageReading(t, 1)
	v := pr.v
	a4, land := [2]float64{595.28, 841.89}, [2]float64{841.89, 595.28}
	v.SetPageSizes([][2]float64{a4, land, a4, a4})
	room := v.scroll.Size().Width - 2*pageGap
	p0, p1 := v.sheetOf(0), v.sheetOf(1)
	if p0.Width != room || p1.Width != room || math.Abs(float64(p1.Height-room*595.28/841.89)) > 1 {
		t.Fatalf("fitting %v: sheets %v and %v", room, p0, p1)
	}
	if v.pageTop(2) != v.pageTop(1)+p1.Height+pageGap {
		t.Errorf("page 3 at %v, want below the landscape page at %v", v.pageTop(2), v.pageTop(1)+p1.Height+pageGap)
	}
	pr.asks = nil
	var widths []int
	v.OnNeed = func(want []int, width int) {
		pr.asks = append(pr.asks, want)
		widths = append(widths, width)
	}
	v.setZoom(1)
	if p0, p1 = v.sheetOf(0), v.sheetOf(1); p0.Width != 595 || p1.Width != 842 || p1.Height != 595 {
		t.Fatalf("at 100%%: sheets %v and %v", p0, p1)
	}
	// Page 1 was drawn 600 px wide to fit, as it is at 100%: only the
	// landscape page 2 is asked for, at its own width.
	if fmt.Sprint(pr.asks, widths) != "[[1]] [850]" || v.Image(0) == nil {
		t.Errorf("asks %v at widths %v, want page 2 at 850 px", pr.asks, widths)
	}
	// Both at once when neither is drawn: one ask per width, in order.
	pr.asks, widths = nil, nil
	v.SetPageSizes([][2]float64{a4, land, a4, a4})
	if fmt.Sprint(pr.asks, widths) != "[[0] [1]] [600 850]" {
		t.Errorf("asks %v at widths %v, want page 1 at 600 px then page 2 at 850", pr.asks, widths)
	}
	if !v.Near(1) || v.Where() != "Page 1 of 4 · 100%" {
		t.Errorf("where %q", v.Where())
	}
}

// ShowPoint puts the point about a third down the view.
func TestPageViewShowPoint(t *testing.T) {
	pr := newPageReading(t, 20)
	v := pr.v
	v.ShowPoint(PagePoint{Page: 12, X: 0.5, Y: 0.6})
	y := pr.at(12, 0.5, 0.6).Y - v.scroll.Offset.Y
	if h := v.scroll.Size().Height; math.Abs(float64(y-h/3)) > 1 {
		t.Errorf("the point is %v down a view %v high, want a third", y, h)
	}
	if v.Page() != 12 || v.Image(12) == nil {
		t.Errorf("page %d shown, image %v", v.Page()+1, v.Image(12) != nil)
	}
}

// A drag past the view's bottom edge scrolls, carrying the selection's end
// with the pages; the release stops it.
func TestPageViewDragAutoScrolls(t *testing.T) {
	pr := newPageReading(t, 5)
	v := pr.v
	s := v.read.surface
	h := v.scroll.Size().Height
	s.MouseDown(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: pr.at(0, 0.5, 0.1)}, Button: desktop.MouseButtonPrimary})
	s.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: fyne.NewPos(300, h+30)}})
	if v.read.drag.stop == nil {
		t.Fatal("a drag past the bottom did not start scrolling")
	}
	stopTicker(&v.read.drag.stop) // the test steps instead of the ticker
	before, n := v.scroll.Offset.Y, len(pr.selects)
	v.autoScrollStep()
	v.autoScrollStep()
	if v.scroll.Offset.Y <= before || len(pr.selects) != n+2 {
		t.Fatalf("stepped: offset %v from %v, selects %d from %d", v.scroll.Offset.Y, before, len(pr.selects), n)
	}
	to := pr.selects[len(pr.selects)-1].to
	want := v.pointAt(fyne.NewPos(300, h+30).AddXY(0, v.scroll.Offset.Y))
	if to != want {
		t.Errorf("the selection ends at %+v, want the pointer's %+v", to, want)
	}
	s.DragEnd()
	if v.read.drag.stop != nil || !pr.selects[len(pr.selects)-1].done {
		t.Error("the release did not stop scrolling or finish the selection")
	}
}

// The cursor is an I-beam over a page with the text tool, a crosshair with
// the figure tool, the arrow between pages.
func TestPageViewCursor(t *testing.T) {
	pr := newPageReading(t, 5)
	v := pr.v
	c := pr.w.Canvas()
	test.MoveMouse(c, pr.abs(0, 0.5, 0.5))
	if got := v.read.surface.Cursor(); got != desktop.TextCursor {
		t.Errorf("text tool over a page: cursor %v", got)
	}
	v.SetTool(ToolFigure)
	if got := v.read.surface.Cursor(); got != desktop.CrosshairCursor {
		t.Errorf("figure tool over a page: cursor %v", got)
	}
	test.MoveMouse(c, pr.abs(0, 0.5, 1).AddXY(0, pageGap/2))
	if got := v.read.surface.Cursor(); got != desktop.DefaultCursor {
		t.Errorf("between pages: cursor %v", got)
	}
}

// The tool buttons say what they do when the pointer rests on them.
func TestPageViewToolTips(t *testing.T) {
	pr := newPageReading(t, 2)
	v := pr.v
	var waited []time.Duration
	var later []func()
	old := tipAfter
	tipAfter = func(d time.Duration, f func()) { waited, later = append(waited, d), append(later, f) }
	t.Cleanup(func() { tipAfter = old })
	v.read.figTool.MouseIn(&desktop.MouseEvent{})
	if v.read.tips.Tip() != "" || len(later) != 1 || waited[0] != tipDelay {
		t.Fatalf("the tip shows at once (%q), or is not timed: %v", v.read.tips.Tip(), waited)
	}
	later[0]()
	if tip := v.read.tips.Tip(); tip != v.read.figTool.tip || tip == "" {
		t.Fatalf("tip %q", tip)
	}
	// Shown under its button, within the view.
	d := fyne.CurrentApp().Driver()
	if x := d.AbsolutePositionForObject(v.read.tips.bg).X; x != d.AbsolutePositionForObject(v.read.figTool).X {
		t.Errorf("the tip is at x %v, its button at %v", x, d.AbsolutePositionForObject(v.read.figTool).X)
	}
	v.read.figTool.MouseOut()
	if v.read.tips.Tip() != "" {
		t.Error("the tip stays after the pointer left")
	}
	// A pointer that passes by shows no tip: the timer finds it gone.
	v.read.textTool.MouseIn(&desktop.MouseEvent{})
	v.read.textTool.MouseOut()
	later[1]()
	if v.read.tips.Tip() != "" {
		t.Errorf("a passing pointer left the tip %q", v.read.tips.Tip())
	}
}

// The preview is not a reader: no surface over its pages, no marks, no
// Find; only the sheets.
func TestPageViewPreviewHasNoReader(t *testing.T) {
	pv := newPageViewer(t, 3, fyne.NewSize(600, 500))
	v := pv.v
	v.SetMarks([]PageMark{{Page: 0, X1: 1, Y1: 1}})
	for _, o := range v.stack.Objects {
		if _, ok := o.(*canvas.Rectangle); ok {
			continue
		}
		if _, ok := o.(*canvas.Image); !ok {
			t.Errorf("the preview's pages hold a %T", o)
		}
	}
	if len(v.stack.Objects) != 3*len(v.sheets) {
		t.Errorf("%d objects for %d sheets", len(v.stack.Objects), len(v.sheets))
	}
}
