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
// saved is called with the name once the version is kept.
func (c *composer) askVersionName(briefingID int64, saved func()) {
	u := c.ui
	name := newDialogEntry()
	name.SetPlaceHolder("Saved by hand")
	msg := widget.NewLabel("Name this version, to find it again: what it was for, or who it went to.")
	msg.Wrapping = fyne.TextWrapWord
	content := container.NewVBox(msg, name)
	d := dialog.NewCustomWithoutButtons("Save a version now", content, u.win)
	save := func() {
		label := strings.TrimSpace(name.Text)
		if label == "" {
			label = "Saved by hand"
		}
		d.Hide()
		background(func() {
			_, err := u.lib.CreateSnapshot(u.ctx, briefingID, label)
			u.do(func() { u.showError(err); saved() })
		})
	}
	cancel := newDialogButton("Cancel", theme.CancelIcon(), func() { d.Hide() })
	ok := newDialogButton("Save version", theme.DocumentSaveIcon(), save)
	ok.Importance = widget.HighImportance
	cancel.setKeys(u.escape, nil)
	ok.setKeys(u.escape, nil)
	d.SetButtons([]fyne.CanvasObject{cancel, ok})
	d.Resize(fitInside(u.win, fyne.NewSize(480, 0)))
	u.showDialog(d, content, nil, save)
	u.win.Canvas().Focus(name)
}
