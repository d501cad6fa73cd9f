package widgets

import (
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
)

type dragState struct {
	pressed    bool          // MouseDown set the anchor
	dragging   bool          // between the first Dragged and DragEnd
	shiftClick bool          // MouseDown with Shift extended the selection
	out        bool          // the press was on the selection: a drag carries it out (see reader_dragout.go)
	outSpan    Span          // the span carried out
	outAbs     fyne.Position // the last absolute pointer position of that drag
	hover      fyne.Position // where the pointer is over the body, if hovering
	hovering   bool
	vp         fyne.Position // last pointer position relative to the viewport
	stop       chan struct{} // closes to stop the auto-scroll ticker
}

var (
	_ desktop.Mouseable      = (*readerBody)(nil)
	_ desktop.Cursorable     = (*readerBody)(nil)
	_ desktop.Hoverable      = (*readerBody)(nil)
	_ desktop.Keyable        = (*readerBody)(nil)
	_ fyne.Draggable         = (*readerBody)(nil)
	_ fyne.Tappable          = (*readerBody)(nil)
	_ fyne.DoubleTappable    = (*readerBody)(nil)
	_ fyne.SecondaryTappable = (*readerBody)(nil)
	_ fyne.Shortcutable      = (*readerBody)(nil)
	_ desktop.Keyable        = (*Reader)(nil)
	_ fyne.Shortcutable      = (*Reader)(nil)
	_ fyne.Focusable         = (*Reader)(nil)
)

// MouseDown sets the selection anchor (with Shift, extends the selection).
// A press on the selection, when it can be dragged out, keeps it: a drag
// from there carries it out, and a click clears it (see Tapped).
func (b *readerBody) MouseDown(ev *desktop.MouseEvent) {
	if ev.Button != desktop.MouseButtonPrimary {
		return
	}
	r := b.r
	b.focus()
	off := r.offsetAt(ev.Position, true)
	r.drag.pressed = true
	r.drag.shiftClick = ev.Modifier&fyne.KeyModifierShift != 0
	r.drag.out = !r.drag.shiftClick && r.onSelection(ev.Position)
	if r.drag.out {
		return
	}
	if !r.drag.shiftClick {
		r.anchor = off
	}
	r.caret = off
	r.redrawSelection()
}

// MouseUp reports a click's selection; a drag is finished in DragEnd, which
// the GL driver sends after MouseUp.
func (b *readerBody) MouseUp(*desktop.MouseEvent) {
	if !b.r.drag.dragging {
		b.r.drag.pressed, b.r.drag.out = false, false
		b.r.notify()
	}
}

// Tapped clears the selection and puts the caret at the pointer. The GL
// driver delays a tap until the double-tap time has passed, so a tap arriving
// while a new press or drag is under way is stale and ignored.
func (b *readerBody) Tapped(ev *fyne.PointEvent) {
	r := b.r
	if r.drag.pressed || r.drag.dragging {
		return
	}
	b.focus()
	if r.drag.shiftClick {
		r.drag.shiftClick = false
		return
	}
	off := r.offsetAt(ev.Position, true)
	r.anchor, r.caret = off, off
	r.redrawSelection()
	r.notify()
}

// TappedSecondary keeps the selection and hands the event to
// OnSecondaryTapped, where the app shows its context menu.
func (b *readerBody) TappedSecondary(ev *fyne.PointEvent) {
	if f := b.r.OnSecondaryTapped; f != nil {
		f(ev.AbsolutePosition)
	}
}

// DoubleTapped selects the word under the pointer.
func (b *readerBody) DoubleTapped(ev *fyne.PointEvent) {
	r := b.r
	b.focus()
	off := r.offsetAt(ev.Position, false)
	r.anchor, r.caret = r.wordAt(off)
	r.redrawSelection()
	r.notify()
	if f := r.OnDoubleTapped; f != nil {
		f(r.clamp(off))
	}
}

// Dragged extends the selection to the pointer, or carries the selection
// out when the drag started on it. Without a MouseDown (as with test.Drag)
// the anchor is where the drag started.
func (b *readerBody) Dragged(ev *fyne.DragEvent) {
	r := b.r
	if !r.drag.dragging {
		r.drag.dragging = true
		if !r.drag.pressed {
			start := ev.Position.Subtract(ev.Dragged)
			r.drag.out = r.onSelection(start)
			if !r.drag.out {
				r.anchor = r.offsetAt(start, true)
			}
		}
		if r.drag.out {
			s, e := r.Selection()
			r.drag.outSpan = Span{s, e}
		}
	}
	if r.drag.out {
		b.dragOut(ev.Position)
		return
	}
	r.drag.vp = ev.Position.Subtract(r.scroll.Offset)
	r.caret = r.offsetAt(ev.Position, true)
	r.redrawSelection()
	if r.edgeDelta() != 0 {
		r.startAutoScroll()
	} else {
		r.stopAutoScroll()
	}
}

// DragEnd finishes the selection and reports it, or drops the passage
// carried out.
func (b *readerBody) DragEnd() {
	r := b.r
	r.stopAutoScroll()
	out := r.drag.out
	r.drag.dragging, r.drag.pressed, r.drag.shiftClick, r.drag.out = false, false, false, false
	if out {
		b.dropOut()
		return
	}
	r.notify()
}

func (b *readerBody) focus() {
	if c := fyne.CurrentApp().Driver().CanvasForObject(b); c != nil && c.Focused() != b {
		c.Focus(b)
	}
}

// The body is what the canvas focuses; it hands the keyboard to the Reader.

func (b *readerBody) FocusGained()                  { b.r.FocusGained() }
func (b *readerBody) FocusLost()                    { b.r.FocusLost() }
func (b *readerBody) TypedRune(c rune)              { b.r.TypedRune(c) }
func (b *readerBody) TypedKey(ev *fyne.KeyEvent)    { b.r.TypedKey(ev) }
func (b *readerBody) KeyDown(ev *fyne.KeyEvent)     { b.r.KeyDown(ev) }
func (b *readerBody) KeyUp(ev *fyne.KeyEvent)       { b.r.KeyUp(ev) }
func (b *readerBody) TypedShortcut(s fyne.Shortcut) { b.r.TypedShortcut(s) }

// wordAt returns the word around the rune at off (letters, digits, marks and
// apostrophes inside a word), or that single rune if it is not a word rune.
func (r *Reader) wordAt(off int) (int, int) {
	rs := r.runes
	if off >= len(rs) {
		return len(rs), len(rs)
	}
	if !isWordRune(rs[off]) {
		return off, off + 1
	}
	in := func(i int) bool {
		if i < 0 || i >= len(rs) {
			return false
		}
		if isApostrophe(rs[i]) {
			return i > 0 && i+1 < len(rs) && isWordRune(rs[i-1]) && isWordRune(rs[i+1])
		}
		return isWordRune(rs[i])
	}
	s, e := off, off+1
	for in(s - 1) {
		s--
	}
	for in(e) {
		e++
	}
	return s, e
}

func isWordRune(c rune) bool {
	return unicode.IsLetter(c) || unicode.IsDigit(c) || unicode.IsMark(c) || c == '_'
}

func isApostrophe(c rune) bool { return c == '\'' || c == '’' }

// edgeDelta is how far the drag pointer is past the viewport's top (< 0) or
// bottom (> 0) scrolling edge.
func (r *Reader) edgeDelta() float32 {
	h := r.scroll.Size().Height
	return pastEdge(r.drag.vp.Y, h, min(r.wrap.lineH/2, h/10))
}

func (r *Reader) startAutoScroll() { startTicker(&r.drag.stop, r.autoScrollStep) }
func (r *Reader) stopAutoScroll()  { stopTicker(&r.drag.stop) }

// autoScrollStep scrolls towards the drag pointer and extends the selection to it.
func (r *Reader) autoScrollStep() {
	d := r.edgeDelta()
	if d == 0 || !r.drag.dragging {
		return
	}
	lh := r.wrap.lineH
	step := min(max(abs32(d), lh/2), 3*lh)
	if d < 0 {
		step = -step
	}
	r.scrollTo(r.scroll.Offset.Y + step)
	r.caret = r.offsetAt(r.drag.vp.Add(r.scroll.Offset), true)
	r.redrawSelection()
}

func abs32(f float32) float32 {
	if f < 0 {
		return -f
	}
	return f
}
