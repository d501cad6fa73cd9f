package widgets

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
)

// A selected passage can be dragged out of the Reader (into a draft, say):
// see Reader.OnDragOut and OnDropOut. The pointer turns into a hand over
// the selection to say so.

// dragsOut tells whether the selection can be dragged out.
func (r *Reader) dragsOut() bool { return r.OnDragOut != nil || r.OnDropOut != nil }

// onSelection tells whether p (body coordinates) is on a selected rune
// that can be dragged out: over a line's text, not in the margins.
func (r *Reader) onSelection(p fyne.Position) bool {
	s, e := r.Selection()
	if s == e || !r.dragsOut() || len(r.wrap.lines) == 0 {
		return false
	}
	if p.Y < r.wrap.pad || p.Y >= r.contentHeight()-r.wrap.pad || p.X < r.wrap.colX {
		return false
	}
	li := r.lineAt(p.Y)
	l := r.wrap.lines[li]
	if p.X >= r.wrap.colX+r.prefixWidth(li, l.end-l.start) {
		return false // past the line's end
	}
	k := r.offsetAt(p, false)
	return k >= s && k < e
}

// dragOut follows the pointer, at p in body coordinates, of a drag
// carrying the selection out.
func (b *readerBody) dragOut(p fyne.Position) {
	r := b.r
	r.drag.outAbs = b.absolute(p)
	if f := r.OnDragOut; f != nil {
		f(r.drag.outSpan.Start, r.drag.outSpan.End, r.drag.outAbs)
	}
}

// dropOut ends a drag carrying the selection out.
func (b *readerBody) dropOut() {
	r := b.r
	if f := r.OnDropOut; f != nil {
		f(r.drag.outSpan.Start, r.drag.outSpan.End, r.drag.outAbs)
	}
}

// absolute is p, in body coordinates, on the canvas.
func (b *readerBody) absolute(p fyne.Position) fyne.Position {
	return fyne.CurrentApp().Driver().AbsolutePositionForObject(b).Add(p)
}

// Cursor shows the text cursor over the text, and a hand over a selection
// that can be dragged out.
func (b *readerBody) Cursor() desktop.Cursor {
	if b.r.drag.hovering && b.r.onSelection(b.r.drag.hover) {
		return desktop.PointerCursor
	}
	return desktop.TextCursor
}

// MouseIn, MouseMoved and MouseOut note where the pointer is, for Cursor.
func (b *readerBody) MouseIn(ev *desktop.MouseEvent) {
	b.r.drag.hovering, b.r.drag.hover = true, ev.Position
}

func (b *readerBody) MouseMoved(ev *desktop.MouseEvent) {
	b.r.drag.hovering, b.r.drag.hover = true, ev.Position
}

func (b *readerBody) MouseOut() { b.r.drag.hovering = false }
