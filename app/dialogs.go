package app

import (
	"slices"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Fyne's dialogs ignore the keyboard: Escape does nothing, Enter does
// nothing, and nothing has focus. showDialog, used for every dialog of the
// app, adds that: Escape cancels the dialog on top (as its Cancel, No or
// Close button would), Enter confirms it (a form's confirm button, an
// information's OK), and the first field has focus.
//
// Fyne gives a key to the focused widget, and to the window only when no
// widget has focus; a focused Fyne entry, select or button swallows
// Escape and Enter. The fields and buttons of dialogs are therefore made
// with newDialogEntry, newDialogMultiEntry, newDialogSelect and
// newDialogButton, which hand those keys on.

// closable is a dialog: dialog.Dialog, or a file dialog.
type closable interface {
	Show()
	Hide()
	SetOnClosed(func())
}

// shownDialog is a dialog on screen: the overlay Fyne shows it in, and how
// to cancel it.
type shownDialog struct {
	overlay        fyne.CanvasObject
	cancel, submit func()
}

// openDialogs are the dialogs showing in each window, oldest first (UI
// goroutine only).
var openDialogs = map[fyne.Window][]shownDialog{}

// keysInstalled lists the windows whose canvas hands Escape to escape.
var keysInstalled = map[fyne.Window]bool{}

// showDialog shows d over the window with content in it. Escape runs
// cancel (d.Hide, which is what its dismiss button does, when nil); Enter
// runs submit, if not nil, in a one-line field of content, on its select,
// or with nothing focused (Ctrl+Enter in a multi-line field).
func (u *UI) showDialog(d closable, content fyne.CanvasObject, cancel, submit func()) {
	u.showDialogThen(d, content, cancel, submit, nil)
}

// showDialogThen is showDialog, calling closed (if not nil) once the
// dialog closes.
func (u *UI) showDialogThen(d closable, content fyne.CanvasObject, cancel, submit, closed func()) {
	if cancel == nil {
		cancel = d.Hide
	}
	u.installKeys()
	cv := u.win.Canvas()
	d.Show()
	top := cv.Overlays().Top()
	u.forgetDialog(top) // shown again (a form back after a failed save)
	openDialogs[u.win] = append(openDialogs[u.win], shownDialog{overlay: top, cancel: cancel, submit: submit})
	d.SetOnClosed(func() {
		// A form's answer may have shown it again before this runs.
		if !slices.Contains(cv.Overlays().List(), top) {
			u.forgetDialog(top)
			if closed != nil {
				closed()
			}
		}
	})
	u.wireKeys(content, submit)
	if f := firstField(content); f != nil {
		cv.Focus(f)
	}
}

// wireKeys has the dialog widgets under o hand Escape to the dialog on
// top and Enter to submit.
func (u *UI) wireKeys(o fyne.CanvasObject, submit func()) {
	walkTree(o, true, func(c fyne.CanvasObject) bool {
		if k, ok := c.(dialogKeyed); ok {
			k.setKeys(u.escape, submit)
		}
		return true
	})
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

// escape cancels the topmost of our dialogs. A pop-up above it (a
// select's list) has the focus and closes itself on Escape.
func (u *UI) escape() {
	if d, ok := u.topDialog(); ok {
		d.cancel()
	}
}

// enter confirms the topmost of our dialogs, if it has a confirm action.
func (u *UI) enter() {
	if d, ok := u.topDialog(); ok && d.submit != nil {
		d.submit()
	}
}

// topDialog is the topmost overlay that is one of our dialogs. It need not
// be the top overlay: the window's menu, just used to open the dialog, may
// still lie above it.
func (u *UI) topDialog() (shownDialog, bool) {
	open := openDialogs[u.win]
	list := u.win.Canvas().Overlays().List()
	for i := len(list) - 1; i >= 0; i-- {
		if j := slices.IndexFunc(open, func(s shownDialog) bool { return s.overlay == list[i] }); j >= 0 {
			return open[j], true
		}
	}
	return shownDialog{}, false
}

// unlessModal is fn, doing nothing while one of our dialogs shows: the
// main menu's keys would otherwise open a dialog over a question (hiding
// it) or change the briefing behind a form. topDialog, not openDialogs
// alone, so that an overlay removed without closing (a restored backup
// clears them) cannot leave the keys dead.
func (u *UI) unlessModal(fn func()) func() {
	return func() {
		if _, open := u.topDialog(); !open {
			fn()
		}
	}
}

// installKeys makes Escape and Enter, pressed with no widget focused,
// cancel or confirm the top dialog; other keys go where they went before.
func (u *UI) installKeys() {
	if keysInstalled[u.win] {
		return
	}
	keysInstalled[u.win] = true
	cv := u.win.Canvas()
	before := cv.OnTypedKey()
	cv.SetOnTypedKey(func(ev *fyne.KeyEvent) {
		if len(openDialogs[u.win]) > 0 {
			switch ev.Name {
			case fyne.KeyEscape:
				u.escape()
				return
			case fyne.KeyReturn, fyne.KeyEnter:
				u.enter()
				return
			}
		}
		if before != nil {
			before(ev)
		}
	})
}

// firstField is the first enabled field under o to give the focus to: a
// text field, or else a select.
func firstField(o fyne.CanvasObject) fyne.Focusable {
	if fs := textFields(o); len(fs) > 0 {
		return fs[0]
	}
	var first fyne.Focusable
	walkTree(o, false, func(c fyne.CanvasObject) bool {
		if s, ok := c.(*dialogSelect); ok && first == nil && !s.Disabled() && s.Visible() {
			first = s
		}
		return c.Visible()
	})
	return first
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

// showCustom shows content in a dialog with one button, dismiss.
// Enter, with nothing focused, is that button too.
func (u *UI) showCustom(title, dismiss string, content fyne.CanvasObject) dialog.Dialog {
	d := dialog.NewCustomWithoutButtons(title, content, u.win)
	close := newDialogButton(dismiss, theme.CancelIcon(), d.Hide)
	close.setKeys(u.escape, nil)
	d.SetButtons([]fyne.CanvasObject{close})
	u.showDialog(d, content, nil, d.Hide)
	return d
}

// confirm asks a yes-or-no question; Escape answers no.
func (u *UI) confirm(title, message string, answer func(bool)) {
	u.confirmWith(title, message, "Yes", "No", answer)
}

// confirmWith is confirm with its own button labels. Enter answers
// nothing: a question is answered on purpose.
func (u *UI) confirmWith(title, message, yes, no string, answer func(bool)) {
	var d *dialog.CustomDialog
	reply := func(ok bool) func() {
		return func() {
			d.Hide()
			if answer != nil {
				answer(ok)
			}
		}
	}
	noBtn := newDialogButton(no, theme.CancelIcon(), reply(false))
	yesBtn := newDialogButton(yes, theme.ConfirmIcon(), reply(true))
	yesBtn.Importance = widget.HighImportance
	d = u.textDialog(title, message, noBtn, yesBtn)
	u.showDialog(d, nil, reply(false), nil)
}

// inform shows a message with an OK button; Enter, like Escape, closes it.
func (u *UI) inform(title, message string) {
	var d *dialog.CustomDialog
	d = u.textDialog(title, message, newDialogButton("OK", nil, func() { d.Hide() }))
	u.showDialog(d, nil, nil, d.Hide)
}

// textDialog is a message with buttons, sized as Fyne sizes its own
// information and confirm dialogs, whose buttons swallow Escape once Tab
// has focused them.
func (u *UI) textDialog(title, message string, buttons ...*dialogButton) *dialog.CustomDialog {
	label := &widget.Label{Text: message, Alignment: fyne.TextAlignCenter, Wrapping: fyne.TextWrapWord}
	d := dialog.NewCustomWithoutButtons(title, label, u.win)
	objs := make([]fyne.CanvasObject, len(buttons))
	for i, b := range buttons {
		b.setKeys(u.escape, nil)
		objs[i] = b
	}
	d.SetButtons(objs)
	noWrap := widget.NewLabel(message).MinSize().Width + 32 + 2*theme.Padding()
	d.Resize(fyne.NewSize(min(noWrap, 600, u.win.Canvas().Size().Width*0.9), 0))
	return d
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
		case *dialogSelect:
			out = append(out, w.Selected)
		case *widget.Check:
			out = append(out, strconv.FormatBool(w.Checked))
		case *fileField:
			out = append(out, w.path) // a template chosen is a change to ask about
		}
		return true
	})
	return out
}

// askDiscard runs discard at once if the fields under o hold what they
// held in state, and otherwise asks first: nothing typed is dropped
// without a word. keep runs if the analyst goes back to the form.
func (u *UI) askDiscard(o fyne.CanvasObject, state []string, discard, keep func()) {
	u.askDiscardLosing(changesLost(o, state), discard, keep)
}

// changesLost is what the discard question says is lost when the fields
// under o no longer hold state, and "" when they do.
func changesLost(o fyne.CanvasObject, state []string) string {
	if slices.Equal(formState(o), state) {
		return ""
	}
	return "What you typed in this form is not saved."
}

// askDiscardLosing runs discard at once if lost is "" (nothing is at
// stake), and otherwise asks first, saying lost.
func (u *UI) askDiscardLosing(lost string, discard, keep func()) {
	if lost == "" {
		discard()
		return
	}
	u.confirmWith("Discard your changes?", lost, "Discard", "Keep editing", func(ok bool) {
		if ok {
			discard()
		} else if keep != nil {
			keep()
		}
	})
}
