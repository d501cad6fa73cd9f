package widgets

import (
	"image/color"
	"strings"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"
)

var (
	_ fyne.Tappable      = (*docBody)(nil)
	_ fyne.Draggable     = (*docBody)(nil)
	_ desktop.Hoverable  = (*docBody)(nil)
	_ fyne.Tappable      = (*docPlus)(nil)
	_ desktop.Cursorable = (*docPlus)(nil)
)

// docDrag is the state of an item being dragged to a new place.
type docDrag struct {
	from   int           // the item dragged; -1 for none
	ignore bool          // the drag began where nothing can be dragged
	moved  fyne.Delta    // the pointer's travel, to tell a drag from a click's jitter
	active bool          // past the threshold: the item is veiled, the drop line shows
	to     int           // where the item would land (DropPoint); -1 for nowhere
	start  fyne.Position // where the drag began, in body coordinates
	vp     fyne.Position // the pointer relative to the view
	stop   chan struct{} // closes to stop the auto-scroll ticker
}

// Tapped asks to edit the item clicked; labels and gaps do nothing.
func (b *docBody) Tapped(ev *fyne.PointEvent) {
	d := b.d
	if d.drag.active || !d.lay.ready() {
		return
	}
	d.tap(ev.Position)
}

// tap asks to edit the item at p (body coordinates): labels and gaps do
// nothing.
func (d *Document) tap(p fyne.Position) {
	i := d.lay.itemAt(p.Y)
	if i < 0 || d.lay.items[i].it.Kind == DocLabel {
		return
	}
	switch {
	case d.OnTappedAt != nil:
		d.OnTappedAt(i, p.Subtract(fyne.NewPos(d.lay.colX, d.lay.starts[i])))
	case d.OnTapped != nil:
		d.OnTapped(i)
	}
}

// Dragged lifts the item under the drag's start once the pointer has
// travelled a few units, then follows the pointer with the drop line and
// scrolls when it nears the top or bottom edge. Labels and the item being
// edited (whose editor takes its own drags, to select text) stay put.
func (b *docBody) Dragged(ev *fyne.DragEvent) {
	d := b.d
	dr := &d.drag
	if dr.from < 0 && !dr.ignore {
		i := -1
		if d.lay.ready() {
			i = d.lay.itemAt(ev.Position.Y - ev.Dragged.DY)
		}
		if i < 0 || i == d.editing || d.lay.items[i].it.Kind == DocLabel {
			dr.ignore = true
		} else {
			dr.from, dr.moved = i, fyne.Delta{}
			dr.start = ev.Position.Subtract(ev.Dragged)
		}
	}
	if dr.ignore {
		return
	}
	dr.moved.DX += ev.Dragged.DX
	dr.moved.DY += ev.Dragged.DY
	dr.vp = ev.Position.Subtract(d.scroll.Offset)
	if !dr.active {
		if abs32(dr.moved.DX) < d.lay.pad && abs32(dr.moved.DY) < d.lay.pad {
			return
		}
		dr.active, d.hover = true, -1
	}
	d.dragTo()
	if d.edgeDelta() != 0 {
		d.startAutoScroll()
	} else {
		d.stopAutoScroll()
	}
}

// DragEnd drops the item at the insertion point under the pointer; a drop
// where the item already is, or outside the document, moves nothing.
// A drag too short to lift the item is a click.
func (b *docBody) DragEnd() {
	d := b.d
	d.stopAutoScroll()
	from, to, active, start := d.drag.from, d.drag.to, d.drag.active, d.drag.start
	d.drag = docDrag{from: -1, to: -1}
	d.updateVisible()
	if !active && from >= 0 {
		// The driver took a click that jittered a pixel or two for a
		// drag (and sends no tap): it is still a click.
		d.tap(start)
		return
	}
	if !active || from < 0 || to < 0 || to == from || to == from+1 {
		return
	}
	if d.OnMove != nil {
		d.OnMove(from, to)
	}
}

// dragTo sets the insertion point under the drag pointer and redraws.
func (d *Document) dragTo() {
	size := d.scroll.Size()
	p := d.drag.vp
	d.drag.to = -1
	if p.X >= 0 && p.Y >= 0 && p.X < size.Width && p.Y < size.Height {
		d.drag.to = d.dropPoint(d.drag.from, d.lay.insertionAt(p.Y+d.scroll.Offset.Y))
	}
	d.updateVisible()
}

// MouseIn and MouseMoved show the "+" of the gap under the pointer.
func (b *docBody) MouseIn(ev *desktop.MouseEvent) { b.d.hoverAt(ev.Position, true) }

func (b *docBody) MouseMoved(ev *desktop.MouseEvent) { b.d.hoverAt(ev.Position, true) }

// MouseOut hides the "+".
func (b *docBody) MouseOut() { b.d.hoverAt(fyne.Position{}, false) }

// hoverAt shows the "+" of the gap near p (body coordinates): within the
// gap in the text column, or beside it in the left margin, where the "+"
// is drawn (it takes taps, not hovering, so the body keeps the pointer).
func (d *Document) hoverAt(p fyne.Position, in bool) {
	d.hoverMark(p, in)
	l := &d.lay
	at := -1
	if in && !d.drag.active && l.ready() && len(l.starts) > 0 {
		k := l.insertionAt(p.Y)
		zone := l.gap/2 + l.pad
		if p.X < l.colX {
			zone = l.plus/2 + l.pad
		}
		if abs32(p.Y-l.gapMid(k)) <= zone {
			at = k
		}
	}
	if at != d.hover {
		d.hover = at
		d.updateVisible()
	}
}

// edgeDelta is how far the drag pointer is past the view's top (< 0) or
// bottom (> 0) scrolling edge.
func (d *Document) edgeDelta() float32 {
	h := d.scroll.Size().Height
	return pastEdge(d.drag.vp.Y, h, min(2*d.lay.body.lineH, h/8))
}

func (d *Document) startAutoScroll() { startTicker(&d.drag.stop, d.autoScrollStep) }
func (d *Document) stopAutoScroll()  { stopTicker(&d.drag.stop) }

// autoScrollStep scrolls towards the drag pointer and moves the drop line,
// for a drag of an item or one from outside (DragOver).
func (d *Document) autoScrollStep() {
	dy := d.edgeDelta()
	if dy == 0 || (!d.drag.active && d.drop < 0 && d.dropOn < 0) {
		return
	}
	lh := d.lay.body.lineH
	step := min(max(abs32(dy), lh/2), 3*lh)
	if dy < 0 {
		step = -step
	}
	d.scrollTo(d.scroll.Offset.Y + step)
	if d.drag.active {
		d.dragTo()
		return
	}
	y := d.drag.vp.Y + d.scroll.Offset.Y
	d.overAt(y, d.lay.insertionAt(y))
}

// overAt shows where a drag from outside at content height y lands: on
// the item there, outlined with its label, if DropOnto takes it; else at
// the insertion point at, as the drop line.
func (d *Document) overAt(y float32, at int) {
	i, label := d.lay.itemAt(y), ""
	if i >= 0 && d.DropOnto != nil {
		label = d.DropOnto(i)
	}
	if label == "" {
		i = -1
	}
	drop := -1
	if i < 0 {
		drop = d.dropPoint(-1, at)
	}
	if i == d.dropOn && label == d.onLabel && drop == d.drop {
		return
	}
	d.dropOn, d.onLabel, d.drop = i, label, drop
	d.updateVisible()
}

// DragOver is for a drag from outside the document (a passage from a
// reader beside it) hovering at abs, an absolute position: it draws the
// drop line at the insertion point there, scrolls while the pointer is
// near the top or bottom edge, and returns IndexAt(abs) (the drop line
// is drawn at DropPoint(-1, at), where the drop will land). Outside the
// document it hides the line and stops scrolling, as ShowDrop(-1) does.
func (d *Document) DragOver(abs fyne.Position) (int, bool) {
	at, ok := d.IndexAt(abs)
	if !ok || d.drag.active {
		if !d.drag.active {
			d.ShowDrop(-1)
		}
		return at, ok
	}
	d.drag.vp = abs.Subtract(fyne.CurrentApp().Driver().AbsolutePositionForObject(d))
	d.overAt(d.drag.vp.Y+d.scroll.Offset.Y, at)
	if d.edgeDelta() != 0 {
		d.startAutoScroll()
	} else {
		d.stopAutoScroll()
	}
	return at, ok
}

// wheelLines is how many lines of body text a notch of the mouse wheel
// scrolls; wheelNotch is the delta a notch gives (Fyne's desktop
// driver's scroll speed), which alone scrolls less than a line.
const (
	wheelLines = 3
	wheelNotch = 25
)

// docWheel takes the mouse wheel over the whole document (over a block's
// editor too) and scrolls about three lines per notch. It lies over the
// scroll, the same size, and is nothing but Scrollable: taps, drags and
// hovering pass through to what is under it. The body itself must not be
// Scrollable: Fyne clips events to a Scrollable's own bounds, so a
// Scrollable body (taller than the view) made its items above the view
// catch clicks meant for the tabs and toolbar above the document.
type docWheel struct {
	widget.BaseWidget
	d *Document
}

func newDocWheel(d *Document) *docWheel {
	w := &docWheel{d: d}
	w.ExtendBaseWidget(w)
	return w
}

// CreateRenderer is a private method to Fyne which links this widget to its renderer.
func (w *docWheel) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(canvas.NewRectangle(color.Transparent))
}

var _ fyne.Scrollable = (*docWheel)(nil)

// Scrolled scrolls about three lines per notch of the wheel.
func (w *docWheel) Scrolled(ev *fyne.ScrollEvent) {
	d := w.d
	if !d.lay.ready() || d.lay.body == nil {
		return
	}
	step := ev.Scrolled.DY * wheelLines * d.lay.body.lineH / wheelNotch
	d.scrollTo(d.scroll.Offset.Y - step)
	d.hover = -1
	d.updateVisible()
}

// dropPoint is where a drag of item from (-1 from outside) to insertion
// point at lands: DropPoint's answer, or at itself without one.
func (d *Document) dropPoint(from, at int) int {
	if d.DropPoint == nil || at < 0 {
		return at
	}
	return d.DropPoint(from, at)
}

// TextOffset is the rune offset into item i's Text nearest to pos
// (relative to the item's top-left, as OnTappedAt gives it): where a
// caret put at that point of the drawn text would go, so that an editor
// that wraps the text differently can put it there. Below the text (a
// meta line, a tag) is its end; before it, its start. False for an item
// not drawn as text (a label, the one being edited, one not measured).
func (d *Document) TextOffset(i int, pos fyne.Position) (int, bool) {
	l := &d.lay
	if i < 0 || i >= len(l.items) || i == d.editing {
		return 0, false
	}
	e := &l.items[i]
	if e.width == 0 || len(e.lines) == 0 || e.it.Kind == DocLabel || !strings.HasSuffix(e.text, e.it.Text) {
		return 0, false
	}
	f := l.faceOf(e.it.Kind)
	k := int((pos.Y - e.g.textY) / f.lineH)
	if k >= len(e.lines) {
		return utf8.RuneCountInString(e.it.Text), true
	}
	ln := e.lines[max(k, 0)]
	b, x := ln.start, e.g.textX
	for b < ln.end {
		r, n := utf8.DecodeRuneInString(e.text[b:])
		w := f.advance(r)
		if pos.X < x+w/2 {
			break
		}
		b, x = b+n, x+w
	}
	b -= len(e.text) - len(e.it.Text) // the number and mark drawn before the text
	return utf8.RuneCountInString(e.it.Text[:max(b, 0)]), true
}
