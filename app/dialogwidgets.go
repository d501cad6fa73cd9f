package app

// The dialog widgets: Fyne hands each key to the widget with the focus,
// and its own fields, drop-downs, buttons and lists keep Escape and Enter
// to themselves. These hand them on to the dialog on top (dialogs.go).

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"
)

// dialogKeyed is a dialog widget that hands Escape and Enter on.
type dialogKeyed interface {
	setKeys(escape, submit func())
}

// dialogKeys are the dialog's actions for Escape and Enter.
type dialogKeys struct {
	onEscape, onSubmit func()
}

func (k *dialogKeys) setKeys(escape, submit func()) { k.onEscape, k.onSubmit = escape, submit }

// handled runs the dialog's action for ev, if it has one, telling whether
// it did; Enter counts only if confirms is true.
func (k *dialogKeys) handled(ev *fyne.KeyEvent, confirms bool) bool {
	switch {
	case ev.Name == fyne.KeyEscape && k.onEscape != nil:
		k.onEscape()
	case isEnter(ev.Name) && confirms && k.onSubmit != nil:
		k.onSubmit()
	default:
		return false
	}
	return true
}

func isEnter(k fyne.KeyName) bool { return k == fyne.KeyReturn || k == fyne.KeyEnter }

// dialogEntry is a text field for a dialog: Escape cancels the dialog,
// Enter in one line (Ctrl+Enter in several) confirms it, and Tab moves on
// to the next field instead of typing a tab.
type dialogEntry struct {
	widget.Entry
	dialogKeys
	// onKey, if set, sees keys first and tells whether it used them.
	onKey func(*fyne.KeyEvent) bool
}

// newDialogEntry is a one-line text field for a dialog.
func newDialogEntry() *dialogEntry {
	e := &dialogEntry{}
	e.ExtendBaseWidget(e)
	return e
}

// newDialogMultiEntry is a multi-line text field for a dialog.
func newDialogMultiEntry() *dialogEntry {
	e := newDialogEntry()
	e.MultiLine = true
	e.Wrapping = fyne.TextWrapWord
	return e
}

// TypedKey hands Escape and Enter to the dialog and the rest to the entry.
// An entry with its own OnSubmitted keeps Enter.
func (e *dialogEntry) TypedKey(ev *fyne.KeyEvent) {
	if e.onKey != nil && e.onKey(ev) {
		return
	}
	if e.handled(ev, !e.MultiLine && e.OnSubmitted == nil) {
		return
	}
	e.Entry.TypedKey(ev)
}

// TypedShortcut confirms the dialog on Ctrl+Enter; plain Enter in a
// multi-line field is a line break.
func (e *dialogEntry) TypedShortcut(s fyne.Shortcut) {
	if c, ok := s.(*desktop.CustomShortcut); ok && isEnter(c.KeyName) && c.Modifier == fyne.KeyModifierControl && e.onSubmit != nil {
		e.onSubmit()
		return
	}
	e.Entry.TypedShortcut(s)
}

// AcceptsTab is false: Tab leaves the field, as a keyboard user expects
// in a dialog (Fyne asks the focused widget).
func (e *dialogEntry) AcceptsTab() bool { return false }

// dialogSelect is a drop-down for a dialog: Escape cancels the dialog and
// Enter confirms it (Space, Up and Down open the list).
type dialogSelect struct {
	widget.Select
	dialogKeys
}

// newDialogSelect is a drop-down of options for a dialog.
func newDialogSelect(options []string, changed func(string)) *dialogSelect {
	s := &dialogSelect{}
	s.Options, s.OnChanged = options, changed
	s.PlaceHolder = "(Select one)"
	s.ExtendBaseWidget(s)
	return s
}

// TypedKey hands Escape and Enter to the dialog.
func (s *dialogSelect) TypedKey(ev *fyne.KeyEvent) {
	if !s.handled(ev, true) {
		s.Select.TypedKey(ev)
	}
}

// dialogSelectFor is a dialog select that stands in for sel on screen,
// for a form whose code made a plain select: the choice goes on to sel,
// and so to its OnChanged and to whoever reads sel.Selected.
func dialogSelectFor(sel *widget.Select) *dialogSelect {
	s := newDialogSelect(sel.Options, func(v string) { sel.SetSelected(v) })
	s.PlaceHolder = sel.PlaceHolder
	s.Selected = sel.Selected
	if sel.Disabled() {
		s.Disable()
	}
	return s
}

// dialogButton is a button for a dialog: Escape cancels the dialog, and
// Enter, like Space, presses it.
type dialogButton struct {
	widget.Button
	dialogKeys
}

// newDialogButton is a dialog button with text, an icon (or nil) and
// tapped.
func newDialogButton(text string, icon fyne.Resource, tapped func()) *dialogButton {
	b := &dialogButton{}
	b.Text, b.Icon, b.OnTapped = text, icon, tapped
	b.ExtendBaseWidget(b)
	return b
}

// TypedKey hands Escape to the dialog and presses the button on Enter.
func (b *dialogButton) TypedKey(ev *fyne.KeyEvent) {
	switch {
	case ev.Name == fyne.KeyEscape && b.onEscape != nil:
		b.onEscape()
	case isEnter(ev.Name):
		b.Button.TypedKey(&fyne.KeyEvent{Name: fyne.KeySpace})
	default:
		b.Button.TypedKey(ev)
	}
}

// dialogList is a list for a dialog: Escape cancels the dialog, and Enter,
// like Space, selects the row with the keyboard focus. Fyne focuses a list
// when a row is clicked, so a plain list in a dialog swallows Escape.
type dialogList struct {
	widget.List
	dialogKeys
}

// newDialogList is widget.NewList for a dialog.
func newDialogList(length func() int, create func() fyne.CanvasObject, update func(widget.ListItemID, fyne.CanvasObject)) *dialogList {
	l := &dialogList{}
	l.Length, l.CreateItem, l.UpdateItem = length, create, update
	l.ExtendBaseWidget(l)
	return l
}

// TypedKey hands Escape to the dialog and selects on Enter.
func (l *dialogList) TypedKey(ev *fyne.KeyEvent) {
	switch {
	case ev.Name == fyne.KeyEscape && l.onEscape != nil:
		l.onEscape()
	case isEnter(ev.Name):
		l.List.TypedKey(&fyne.KeyEvent{Name: fyne.KeySpace})
	default:
		l.List.TypedKey(ev)
	}
}
