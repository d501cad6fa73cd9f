package app

import (
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"

	"github.com/attache/attache/domain"
)

// blockEntry is the editor's text field: Enter at the end of the text
// (judged on the text, not its wrapped rows) starts a new commentary
// after the block (Shift+Enter, or Enter
// elsewhere, breaks the line); Backspace in an empty commentary deletes
// it; Escape ends editing.
type blockEntry struct {
	widget.Entry
	c     *composer
	shift bool
	ctrl  bool
	rows  int
}

func newBlockEntry(c *composer) *blockEntry {
	e := &blockEntry{c: c}
	e.MultiLine = true
	e.Wrapping = fyne.TextWrapWord
	e.ExtendBaseWidget(e)
	return e
}

// KeyDown and KeyUp follow Shift and Control, which Entry keeps to itself.
func (e *blockEntry) KeyDown(ev *fyne.KeyEvent) {
	switch ev.Name {
	case desktop.KeyShiftLeft, desktop.KeyShiftRight:
		e.shift = true
	case desktop.KeyControlLeft, desktop.KeyControlRight:
		e.ctrl = true
	}
	e.Entry.KeyDown(ev)
}

func (e *blockEntry) KeyUp(ev *fyne.KeyEvent) {
	switch ev.Name {
	case desktop.KeyShiftLeft, desktop.KeyShiftRight:
		e.shift = false
	case desktop.KeyControlLeft, desktop.KeyControlRight:
		e.ctrl = false
	}
	e.Entry.KeyUp(ev)
}

// TypedShortcut takes Ctrl+Home and Ctrl+End to the start and end of the
// block's text: Entry moves only within the wrapped row, and text typed
// after Ctrl+End landed mid-paragraph.
func (e *blockEntry) TypedShortcut(s fyne.Shortcut) {
	if cs, ok := s.(*desktop.CustomShortcut); ok && cs.Modifier == fyne.KeyModifierShortcutDefault && e.toEdge(cs.KeyName) {
		return
	}
	e.Entry.TypedShortcut(s)
}

// toEdge puts the caret at the text's start (Home) or end (End).
func (e *blockEntry) toEdge(key fyne.KeyName) bool {
	ed := e.c.editor
	if ed == nil || ed.text != e || (key != fyne.KeyHome && key != fyne.KeyEnd) {
		return false
	}
	if key == fyne.KeyHome {
		e.CursorRow, e.CursorColumn = 0, 0
		e.Refresh()
	} else {
		ed.placeCaret(-1)
	}
	return true
}

func (e *blockEntry) TypedKey(ev *fyne.KeyEvent) {
	c := e.c
	switch ev.Name {
	case fyne.KeyReturn, fyne.KeyEnter:
		if !e.shift && !e.Disabled() && e.CursorTextOffset() == utf8.RuneCountInString(e.Text) {
			c.insertAt(c.selected+1, &domain.Block{Type: domain.BlockCommentary})
			return
		}
	case fyne.KeyBackspace:
		if blk := c.selectedBlock(); e.Text == "" && blk != nil && blk.Type == domain.BlockCommentary {
			c.onRemove()
			return
		}
	case fyne.KeyEscape:
		c.stopEditing()
		return
	case fyne.KeyHome, fyne.KeyEnd:
		if e.ctrl && e.toEdge(ev.Name) {
			return
		}
	}
	e.Entry.TypedKey(ev)
}
