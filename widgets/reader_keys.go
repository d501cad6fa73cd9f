package widgets

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
)

// FocusGained shows the caret.
func (r *Reader) FocusGained() {
	r.focused = true
	r.redrawSelection()
}

// FocusLost hides the caret.
func (r *Reader) FocusLost() {
	r.focused, r.shiftDown = false, false
	r.redrawSelection()
}

// TypedRune ignores typing: the text is read-only.
func (r *Reader) TypedRune(rune) {}

// KeyDown notes the Shift key for keyboard selection.
func (r *Reader) KeyDown(ev *fyne.KeyEvent) {
	if ev.Name == desktop.KeyShiftLeft || ev.Name == desktop.KeyShiftRight {
		r.shiftDown = true
	}
}

// KeyUp notes the release of the Shift key.
func (r *Reader) KeyUp(ev *fyne.KeyEvent) {
	if ev.Name == desktop.KeyShiftLeft || ev.Name == desktop.KeyShiftRight {
		r.shiftDown = false
	}
}

// TypedKey moves the caret; with Shift held, arrows, Home and End extend the
// selection from the caret. Without Shift, Left and Right collapse the
// selection, Page Up and Page Down scroll, and Escape clears the selection.
func (r *Reader) TypedKey(ev *fyne.KeyEvent) {
	if r.shiftDown || shiftHeld() {
		switch ev.Name {
		case fyne.KeyLeft, fyne.KeyRight, fyne.KeyUp, fyne.KeyDown, fyne.KeyHome, fyne.KeyEnd:
			r.caret = r.moveCaret(ev.Name)
			r.afterKey()
		}
		return
	}
	s, e := r.Selection()
	switch ev.Name {
	case fyne.KeyLeft, fyne.KeyRight:
		switch {
		case s == e:
			s = r.moveCaret(ev.Name)
		case ev.Name == fyne.KeyRight:
			s = e
		}
		r.anchor, r.caret = s, s
	case fyne.KeyUp, fyne.KeyDown, fyne.KeyHome, fyne.KeyEnd:
		c := r.moveCaret(ev.Name)
		r.anchor, r.caret = c, c
	case fyne.KeyPageUp, fyne.KeyPageDown:
		page := r.scroll.Size().Height - r.wrap.lineH
		if ev.Name == fyne.KeyPageUp {
			page = -page
		}
		r.scrollTo(r.scroll.Offset.Y + page)
		return
	case fyne.KeyEscape:
		r.anchor, r.caret = s, s
	default:
		return
	}
	r.afterKey()
}

func (r *Reader) afterKey() {
	r.ensureVisible(r.caret)
	r.redrawSelection()
	r.notify()
}

// moveCaret returns the caret moved by a key: a rune left or right, a line up
// or down (at the same x), or to the start or end of the text.
func (r *Reader) moveCaret(key fyne.KeyName) int {
	switch key {
	case fyne.KeyLeft:
		return r.clamp(r.caret - 1)
	case fyne.KeyRight:
		return r.clamp(r.caret + 1)
	case fyne.KeyHome:
		return 0
	case fyne.KeyEnd:
		return len(r.runes)
	}
	if len(r.wrap.lines) == 0 {
		return r.caret
	}
	li := r.lineOf(r.caret)
	if key == fyne.KeyUp {
		li--
	} else {
		li++
	}
	switch {
	case li < 0:
		return 0
	case li >= len(r.wrap.lines):
		return len(r.runes)
	}
	p := r.positionOf(r.caret)
	return r.offsetAt(fyne.NewPos(p.X, r.wrap.lineTop(li)+r.wrap.lineH/2), true)
}

// TypedShortcut handles copy (Ctrl+C), select all (Ctrl+A) and Shift+arrow
// shortcuts delivered as desktop.CustomShortcut; others go to OnShortcut.
func (r *Reader) TypedShortcut(s fyne.Shortcut) {
	switch sc := s.(type) {
	case *fyne.ShortcutCopy:
		r.copySelection(sc.Clipboard)
	case *fyne.ShortcutSelectAll:
		r.anchor, r.caret = 0, len(r.runes)
		r.redrawSelection()
		r.notify()
	case *desktop.CustomShortcut:
		if sc.Modifier == fyne.KeyModifierShift {
			held := r.shiftDown
			r.shiftDown = true
			r.TypedKey(&fyne.KeyEvent{Name: sc.KeyName})
			r.shiftDown = held
			return
		}
		if f := r.OnShortcut; f != nil {
			f(s)
		}
	default:
		if f := r.OnShortcut; f != nil {
			f(s)
		}
	}
}

// copySelection puts the selected text on the clipboard (the app's when cb is nil).
func (r *Reader) copySelection(cb fyne.Clipboard) {
	text := r.SelectedText()
	if text == "" {
		return
	}
	if cb == nil {
		cb = fyne.CurrentApp().Clipboard()
	}
	cb.SetContent(text)
}

// shiftHeld asks a desktop driver whether Shift is held.
func shiftHeld() bool {
	d, ok := fyne.CurrentApp().Driver().(desktop.Driver)
	return ok && d.CurrentKeyModifiers()&fyne.KeyModifierShift != 0
}
