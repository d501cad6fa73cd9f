package app

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// askVersionName asks what to call a version saved by hand ("Sent to
// the minister", "Cleared by legal"), so that it can be found again in
// the list and in What changed; left empty it is "Saved by hand".
// saved is called once the version is kept.
func (c *composer) askVersionName(briefingID int64, saved func()) {
	u := c.ui
	q := lineQuestion{title: "Save a version now", intro: "Name this version, to find it again: what it was for, or who it went to.",
		hint: "Saved by hand", ok: "Save version", icon: theme.DocumentSaveIcon(), width: 480}
	u.askLine(q, func(name string) {
		label := strings.TrimSpace(name)
		if label == "" {
			label = "Saved by hand"
		}
		background(func() {
			_, err := u.lib.CreateSnapshot(u.ctx, briefingID, label)
			u.do(func() { u.showError(err); saved() })
		})
	})
}

// lineQuestion is a short question answered in one line of text.
type lineQuestion struct {
	title, intro, hint, ok string
	icon                   fyne.Resource
	width                  float32
}

// askLine asks q, the field focused: Enter or the OK button answers with
// what was typed, Escape or Cancel drops it.
func (u *UI) askLine(q lineQuestion, answer func(string)) {
	field := newDialogEntry()
	field.SetPlaceHolder(q.hint)
	msg := widget.NewLabel(q.intro)
	msg.Wrapping = fyne.TextWrapWord
	content := container.NewVBox(msg, field)
	d := dialog.NewCustomWithoutButtons(q.title, content, u.win)
	submit := func() {
		d.Hide()
		answer(field.Text)
	}
	cancel := newDialogButton("Cancel", theme.CancelIcon(), func() { d.Hide() })
	ok := newDialogButton(q.ok, q.icon, submit)
	ok.Importance = widget.HighImportance
	cancel.setKeys(u.escape, nil)
	ok.setKeys(u.escape, nil)
	d.SetButtons([]fyne.CanvasObject{cancel, ok})
	d.Resize(fitInside(u.win, fyne.NewSize(q.width, 0)))
	u.showDialog(d, content, nil, submit)
	u.win.Canvas().Focus(field)
}
