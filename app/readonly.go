package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

const readOnlyAdvice = "You can read, search, copy and export, but not change it. To edit, copy the library to a folder you can write to and open the copy (attache --db FILE)."

// refuseReadOnly tells the analyst, before they type anything, that a
// read-only library cannot take the change; it reports whether it did.
//
// A button that changes the library is greyed out instead (writes, and the
// composer's disableEditing), so its handler needs no check: only what is
// reached without such a button calls this (menu items, drag-and-drop,
// the reader's context menu).
func (u *UI) refuseReadOnly() bool {
	if !u.lib.ReadOnly() {
		return false
	}
	u.inform("This library is read-only",
		"The library file or its folder cannot be written.\n\n"+readOnlyAdvice)
	return true
}

// writes registers a button that changes the library; on a read-only
// library it is greyed out from the start.
func (u *UI) writes(b *widget.Button) *widget.Button {
	if u.lib.ReadOnly() {
		b.Disable()
	}
	return b
}

// readOnlyBanner sits above every screen of a read-only library.
func (u *UI) readOnlyBanner() fyne.CanvasObject {
	text := "Read-only library: " + u.lib.Path() + " cannot be written. " + readOnlyAdvice
	if at, copied := u.lib.ReadingCopy(); copied {
		text = "Read-only library: " + u.lib.Path() + " and its folder cannot be written, so you are reading a copy taken at " +
			at.Local().Format("15:04") + "; changes its owner makes later are not shown. " + readOnlyAdvice
	}
	msg := widget.NewLabel(text)
	msg.Wrapping = fyne.TextWrapWord
	msg.Importance = widget.WarningImportance
	return container.NewBorder(nil, widget.NewSeparator(), widget.NewIcon(theme.WarningIcon()), nil, msg)
}

// disableEditing disables every entry, choice and button under o except
// those in keep, so a read-only briefing can be read but not typed into.
func disableEditing(o fyne.CanvasObject, keep ...fyne.CanvasObject) {
	for _, k := range keep {
		if k == o {
			return
		}
	}
	switch w := o.(type) {
	case *widget.Entry, *summaryEntry, *widget.Select, *widget.Button, *widget.Check, *widget.RadioGroup:
		w.(fyne.Disableable).Disable()
	case *fyne.Container:
		for _, c := range w.Objects {
			disableEditing(c, keep...)
		}
	case *container.Split:
		disableEditing(w.Leading, keep...)
		disableEditing(w.Trailing, keep...)
	case *container.Scroll:
		disableEditing(w.Content, keep...)
	case *widget.Form:
		for _, it := range w.Items {
			disableEditing(it.Widget, keep...)
		}
	case *widget.Accordion:
		for _, it := range w.Items {
			disableEditing(it.Detail, keep...)
		}
	}
}
