package app

import (
	"slices"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
)

// Fyne's dialogs ignore the keyboard: Escape does nothing, Enter in a
// one-field form does nothing, and nothing has focus. showDialog, used for
// every dialog of the app, adds that: Escape cancels the dialog on top (as
// its Cancel, No or Close button would), the first text field has focus,
// and Enter in the only field of a dialog confirms it.
//
// Escape reaches the window only when no widget has focus; a focused
// Fyne entry swallows it. Text fields in dialogs are therefore made with
// newDialogEntry (or newDialogMultiEntry), which hand Escape on.

// closable is a dialog: dialog.Dialog, or a file dialog.
type closable interface {
	Show()
	Hide()
	SetOnClosed(func())
}

// shownDialog is a dialog on screen: the overlay Fyne shows it in, and how
// to cancel it.
type shownDialog struct {
	overlay fyne.CanvasObject
	cancel  func()
}

// openDialogs are the dialogs showing in each window, oldest first (UI
// goroutine only).
var openDialogs = map[fyne.Window][]shownDialog{}

// keysInstalled lists the windows whose canvas hands Escape to escape.
var keysInstalled = map[fyne.Window]bool{}

// showDialog shows d over the window with content in it. Escape runs
// cancel (d.Hide, which is what its dismiss button does, when nil); submit,
// if not nil, runs on Enter in content's text field when it has just one.
func (u *UI) showDialog(d closable, content fyne.CanvasObject, cancel, submit func()) {
	if cancel == nil {
		cancel = d.Hide
	}
	u.installKeys()
	cv := u.win.Canvas()
	d.Show()
	top := cv.Overlays().Top()
	u.forgetDialog(top) // shown again (a form back after a failed save)
	openDialogs[u.win] = append(openDialogs[u.win], shownDialog{overlay: top, cancel: cancel})
	d.SetOnClosed(func() {
		// A form's answer may have shown it again before this runs.
		if !slices.Contains(cv.Overlays().List(), top) {
			u.forgetDialog(top)
		}
	})
	fields := textFields(content)
	for _, f := range fields {
		if e, ok := f.(*dialogEntry); ok {
			e.onEscape = u.escape
		}
	}
	if len(fields) == 0 {
		return
	}
	if e := asEntry(fields[0]); len(fields) == 1 && submit != nil && !e.MultiLine && e.OnSubmitted == nil {
		e.OnSubmitted = func(string) { submit() }
	}
	cv.Focus(fields[0])
}

// forgetDialog drops a closed dialog from the window's list.
func (u *UI) forgetDialog(overlay fyne.CanvasObject) {
	open := openDialogs[u.win]
	if i := slices.IndexFunc(open, func(s shownDialog) bool { return s.overlay == overlay }); i >= 0 {
		open = slices.Delete(open, i, i+1)
	}
	if len(open) == 0 {
		delete(openDialogs, u.win)
		return
	}
	openDialogs[u.win] = open
}

// escape cancels the dialog on top, if it is one of ours (a pop-up menu
// closes itself).
func (u *UI) escape() {
	open := openDialogs[u.win]
	top := u.win.Canvas().Overlays().Top()
	for i := len(open) - 1; i >= 0; i-- {
		if open[i].overlay == top {
			open[i].cancel()
			return
		}
	}
}

// installKeys makes Escape, pressed with no widget focused, cancel the top
// dialog; other keys go where they went before.
func (u *UI) installKeys() {
	if keysInstalled[u.win] {
		return
	}
	keysInstalled[u.win] = true
	cv := u.win.Canvas()
	before := cv.OnTypedKey()
	cv.SetOnTypedKey(func(ev *fyne.KeyEvent) {
		if ev.Name == fyne.KeyEscape && len(openDialogs[u.win]) > 0 {
			u.escape()
			return
		}
		if before != nil {
			before(ev)
		}
	})
}

// textFields are the enabled text fields under o, in order.
func textFields(o fyne.CanvasObject) []fyne.Focusable {
	var out []fyne.Focusable
	walkTree(o, false, func(c fyne.CanvasObject) bool {
		switch e := c.(type) {
		case *dialogEntry:
			if !e.Disabled() && e.Visible() {
				out = append(out, e)
			}
		case *widget.Entry:
			if !e.Disabled() && e.Visible() {
				out = append(out, e)
			}
		}
		return c.Visible()
	})
	return out
}

// dialogEntry is a text field that hands Escape to its dialog.
type dialogEntry struct {
	widget.Entry
	onEscape func()
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

// TypedKey hands Escape to the dialog and the rest to the entry.
func (e *dialogEntry) TypedKey(ev *fyne.KeyEvent) {
	if ev.Name == fyne.KeyEscape && e.onEscape != nil {
		e.onEscape()
		return
	}
	e.Entry.TypedKey(ev)
}

// asEntry is the entry a text field of textFields is.
func asEntry(f fyne.Focusable) *widget.Entry {
	if e, ok := f.(*dialogEntry); ok {
		return &e.Entry
	}
	return f.(*widget.Entry)
}

// formContent holds the form items' widgets, to find their fields (not
// shown: a widget.Form would take over their validation).
func formContent(items []*widget.FormItem) fyne.CanvasObject {
	ws := make([]fyne.CanvasObject, 0, len(items))
	for _, it := range items {
		ws = append(ws, it.Widget)
	}
	return container.NewWithoutLayout(ws...)
}

// showCustom shows content in a dialog with one button, dismiss.
func (u *UI) showCustom(title, dismiss string, content fyne.CanvasObject) dialog.Dialog {
	d := dialog.NewCustom(title, dismiss, content, u.win)
	u.showDialog(d, content, nil, nil)
	return d
}

// confirm asks a yes-or-no question; Escape answers no.
func (u *UI) confirm(title, message string, answer func(bool)) {
	u.showDialog(dialog.NewConfirm(title, message, answer, u.win), nil, nil, nil)
}

// confirmWith is confirm with its own button labels.
func (u *UI) confirmWith(title, message, yes, no string, answer func(bool)) {
	d := dialog.NewConfirm(title, message, answer, u.win)
	d.SetConfirmText(yes)
	d.SetDismissText(no)
	u.showDialog(d, nil, nil, nil)
}

// inform shows a message with an OK button.
func (u *UI) inform(title, message string) {
	u.showDialog(dialog.NewInformation(title, message, u.win), nil, nil, nil)
}

// formState is what the fields under o hold, to tell later whether the
// analyst changed anything.
func formState(o fyne.CanvasObject) []string {
	var out []string
	walkTree(o, true, func(c fyne.CanvasObject) bool {
		switch w := c.(type) {
		case *dialogEntry:
			out = append(out, w.Text)
		case *widget.Entry:
			out = append(out, w.Text)
		case *widget.Select:
			out = append(out, w.Selected)
		case *widget.Check:
			out = append(out, strconv.FormatBool(w.Checked))
		}
		return true
	})
	return out
}

// askDiscard runs discard at once if the fields under o hold what they
// held in state, and otherwise asks first: nothing typed is dropped
// without a word. keep runs if the analyst goes back to the form.
func (u *UI) askDiscard(o fyne.CanvasObject, state []string, discard, keep func()) {
	if slices.Equal(formState(o), state) {
		discard()
		return
	}
	u.confirmWith("Discard your changes?", "What you typed in this form is not saved.", "Discard", "Keep editing", func(ok bool) {
		if ok {
			discard()
		} else if keep != nil {
			keep()
		}
	})
}
