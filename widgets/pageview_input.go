package widgets

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// The pointer and the keyboard over a reading PageView's pages: a
// transparent surface over the sheets takes them, so that the preview,
// which has none, behaves as before.

// pageDrag is a drag over the pages under way.
type pageDrag struct {
	pressed  bool          // MouseDown noted where the drag starts
	press    fyne.Position // where, over the pages
	dragging bool          // between the first Dragged and DragEnd
	from, to PagePoint     // where the drag started and where it is now
	toRaw    PagePoint     // to, unclamped, on from's page (the band's corner)
	vp       fyne.Position // the pointer relative to the viewport
	stop     chan struct{} // closes to stop the auto-scroll ticker
}

// rect is the figure drag's rectangle on its starting page, normalised and
// clipped to the page.
func (d *pageDrag) rect() (x0, y0, x1, y1 float32) {
	x0, x1 = clamp01(min(d.from.X, d.toRaw.X)), clamp01(max(d.from.X, d.toRaw.X))
	y0, y1 = clamp01(min(d.from.Y, d.toRaw.Y)), clamp01(max(d.from.Y, d.toRaw.Y))
	return
}

func clamp01(f float32) float32 { return min(max(f, 0), 1) }

// Keyboard steps: a line is this many dp.
const lineStep = 40

// minFigure is the smallest rectangle, in dp on screen, the figure tool
// takes for a figure: anything smaller is a slip of the hand.
const minFigure = 8

// pageSurface is the transparent widget over the sheets.
type pageSurface struct {
	widget.BaseWidget
	v *PageView
}

var (
	_ fyne.Draggable     = (*pageSurface)(nil)
	_ fyne.Tappable      = (*pageSurface)(nil)
	_ fyne.Focusable     = (*pageSurface)(nil)
	_ fyne.Shortcutable  = (*pageSurface)(nil)
	_ desktop.Mouseable  = (*pageSurface)(nil)
	_ desktop.Hoverable  = (*pageSurface)(nil)
	_ desktop.Cursorable = (*pageSurface)(nil)
)

func newPageSurface(v *PageView) *pageSurface {
	s := &pageSurface{v: v}
	s.ExtendBaseWidget(s)
	return s
}

func (s *pageSurface) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(&fyne.Container{})
}

// pointAt is the point of the page at pos (over the pages): the page whose
// band (its sheet and half the gaps around it) holds pos, the fractions
// clamped to the page.
func (v *PageView) pointAt(pos fyne.Position) PagePoint {
	p := v.pageAt(pos.Y)
	raw := v.pointOn(p, pos)
	return PagePoint{Page: p, X: clamp01(raw.X), Y: clamp01(raw.Y)}
}

// pointOn is pos as fractions of page p, unclamped.
func (v *PageView) pointOn(p int, pos fyne.Position) PagePoint {
	at, sz := v.sheetRect(p)
	if sz.Width <= 0 || sz.Height <= 0 {
		return PagePoint{Page: p}
	}
	return PagePoint{Page: p, X: (pos.X - at.X) / sz.Width, Y: (pos.Y - at.Y) / sz.Height}
}

// onSheet says whether pos (over the pages) is on a page.
func (v *PageView) onSheet(pos fyne.Position) bool {
	if v.count == 0 {
		return false
	}
	p := v.pointOn(v.pageAt(pos.Y), pos)
	return p.X >= 0 && p.X <= 1 && p.Y >= 0 && p.Y <= 1
}

// MouseDown notes where a drag starts and gives the pages the keyboard.
func (s *pageSurface) MouseDown(ev *desktop.MouseEvent) {
	if ev.Button != desktop.MouseButtonPrimary {
		return
	}
	s.v.focusPages()
	d := &s.v.read.drag
	d.pressed, d.press = true, ev.Position
}

// MouseUp ends a press that did not drag; a drag ends in DragEnd.
func (s *pageSurface) MouseUp(*desktop.MouseEvent) {
	if d := &s.v.read.drag; !d.dragging {
		d.pressed = false
	}
}

// Dragged extends the selection, or the rubber band, to the pointer, and
// scrolls while the pointer is past the top or bottom of the view. Without
// a MouseDown (as with test.Drag) the drag starts where it was first seen.
func (s *pageSurface) Dragged(ev *fyne.DragEvent) {
	v := s.v
	d := &v.read.drag
	if v.count == 0 {
		return
	}
	if !d.dragging {
		start := d.press
		if !d.pressed {
			start = ev.Position.Subtract(ev.Dragged)
		}
		d.dragging, d.from = true, v.pointAt(start)
	}
	d.vp = ev.Position.Subtract(v.scroll.Offset)
	v.dragTo(ev.Position)
	if v.edgeDelta() != 0 {
		startTicker(&d.stop, v.autoScrollStep)
	} else {
		stopTicker(&d.stop)
	}
}

// dragTo moves the drag's end to pos (over the pages) and says so.
func (v *PageView) dragTo(pos fyne.Position) {
	d := &v.read.drag
	d.to, d.toRaw = v.pointAt(pos), v.pointOn(d.from.Page, pos)
	if v.tool == ToolFigure {
		v.placeBand()
		return
	}
	if r := v.reader; r != nil && r.OnSelect != nil {
		r.OnSelect(d.from, d.to, false)
	}
}

// DragEnd finishes the selection, or takes the rectangle as a figure.
func (s *pageSurface) DragEnd() {
	v := s.v
	d := &v.read.drag
	stopTicker(&d.stop)
	if !d.dragging {
		return
	}
	d.dragging, d.pressed = false, false
	v.focusPages() // a release off the window took the keyboard away: the drag was on the pages
	r := v.reader
	if v.tool == ToolText {
		if r != nil && r.OnSelect != nil {
			r.OnSelect(d.from, d.to, true)
		}
		return
	}
	v.placeBand()
	x0, y0, x1, y1 := d.rect()
	sz := v.sheetOf(d.from.Page)
	if (x1-x0)*sz.Width < minFigure || (y1-y0)*sz.Height < minFigure || r == nil || r.OnFigure == nil {
		return
	}
	r.OnFigure(d.from.Page, x0, y0, x1, y1)
}

// edgeDelta is how far the drag's pointer is past the view's top (< 0) or
// bottom (> 0) scrolling edge.
func (v *PageView) edgeDelta() float32 {
	h := v.scroll.Size().Height
	return pastEdge(v.read.drag.vp.Y, h, min(lineStep/2, h/10))
}

// autoScrollStep scrolls towards the drag's pointer and moves the drag's
// end with the pages.
func (v *PageView) autoScrollStep() {
	d := &v.read.drag
	delta := v.edgeDelta()
	if delta == 0 || !d.dragging {
		return
	}
	step := min(max(abs32(delta), lineStep/4), 2*lineStep)
	if delta < 0 {
		step = -step
	}
	v.scrollTo(v.scroll.Offset.AddXY(0, step))
	v.dragTo(d.vp.Add(v.scroll.Offset))
}

// Tapped is a drag from a point to itself with the text tool (it clears
// the selection), and tells of a tap on an excerpt's or a figure's mark.
func (s *pageSurface) Tapped(ev *fyne.PointEvent) {
	v := s.v
	d := &v.read.drag
	d.pressed = false
	if d.dragging || v.count == 0 {
		return
	}
	v.focusPages()
	p := v.pointAt(ev.Position)
	r := v.reader
	if r == nil {
		return
	}
	if v.tool == ToolText && r.OnSelect != nil {
		r.OnSelect(p, p, true)
	}
	if m, ok := v.markAt(p); ok && v.onSheet(ev.Position) && r.OnMarkTapped != nil {
		r.OnMarkTapped(m)
	}
}

// Cursor is an I-beam over the pages with the text tool, a crosshair with
// the figure tool.
func (s *pageSurface) Cursor() desktop.Cursor {
	switch {
	case !s.v.onSheet(s.v.read.hover):
		return desktop.DefaultCursor
	case s.v.tool == ToolFigure:
		return desktop.CrosshairCursor
	}
	return desktop.TextCursor
}

// MouseIn notes the pointer, for the cursor.
func (s *pageSurface) MouseIn(ev *desktop.MouseEvent) { s.v.read.hover = ev.Position }

// MouseMoved notes the pointer, for the cursor.
func (s *pageSurface) MouseMoved(ev *desktop.MouseEvent) { s.v.read.hover = ev.Position }

// MouseOut forgets the pointer.
func (s *pageSurface) MouseOut() { s.v.read.hover = fyne.NewPos(-1, -1) }

// FocusGained shows the pages have the keyboard.
func (s *pageSurface) FocusGained() { s.v.showFocus(true) }

// FocusLost hides the focus ring.
func (s *pageSurface) FocusLost() { s.v.showFocus(false) }

// TypedRune ignores typing: the pages are read-only.
func (s *pageSurface) TypedRune(rune) {}

// TypedKey scrolls: Page Up/Down a view, the arrows a line, Home and End
// to the first and last page.
func (s *pageSurface) TypedKey(ev *fyne.KeyEvent) {
	v := s.v
	view := v.scroll.Size()
	off := v.scroll.Offset
	switch ev.Name {
	case fyne.KeyPageDown:
		off.Y += max(view.Height-lineStep, lineStep)
	case fyne.KeyPageUp:
		off.Y -= max(view.Height-lineStep, lineStep)
	case fyne.KeyDown:
		off.Y += lineStep
	case fyne.KeyUp:
		off.Y -= lineStep
	case fyne.KeyRight:
		off.X += lineStep
	case fyne.KeyLeft:
		off.X -= lineStep
	case fyne.KeyHome:
		v.ShowPage(0)
		return
	case fyne.KeyEnd:
		v.ShowPage(v.count - 1)
		return
	default:
		return
	}
	v.scrollTo(off)
}

// TypedShortcut takes Ctrl+F (Find), Ctrl+= and Ctrl+- (zoom) and Ctrl+0
// (fit the width); other shortcuts go to the window's.
func (s *pageSurface) TypedShortcut(sc fyne.Shortcut) {
	v := s.v
	if cs, ok := sc.(*desktop.CustomShortcut); ok && cs.Modifier&^fyne.KeyModifierShift == fyne.KeyModifierShortcutDefault {
		switch cs.KeyName {
		case fyne.KeyF:
			v.focusFind()
			return
		case fyne.KeyEqual, fyne.KeyPlus:
			v.ZoomIn()
			return
		case fyne.KeyMinus:
			v.ZoomOut()
			return
		case fyne.Key0:
			v.FitWidth()
			return
		}
	}
	if c, ok := fyne.CurrentApp().Driver().CanvasForObject(s).(fyne.Shortcutable); ok {
		c.TypedShortcut(sc)
	}
}

// showFocus shows or hides the ring around the pages that says they have
// the keyboard.
func (v *PageView) showFocus(on bool) {
	ring := v.read.ring
	if !on {
		ring.Hide()
		return
	}
	ring.StrokeColor = v.Theme().Color(theme.ColorNamePrimary, fyne.CurrentApp().Settings().ThemeVariant())
	ring.Show()
	ring.Refresh()
}
