package app

import (
	"context"
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"github.com/attache/attache/export"
	"github.com/attache/attache/integrity"
)

// askSave asks where to save the change note shown: a file name and a
// folder, as an export does, starting in the last export folder.
func (v *changesView) askSave() {
	ch := v.shown
	c := v.c
	if ch == nil || c.d == nil {
		return
	}
	title := c.d.b.Title
	background(func() {
		dir := c.exportFolder() // looks on disk
		c.ui.do(func() { v.saveForm(ch, title, dir) })
	})
}

// saveForm is the form of askSave, starting in dir.
func (v *changesView) saveForm(ch *integrity.Changes, title, dir string) {
	u := v.c.ui
	name := newDialogEntry()
	name.SetText(changeNoteName(title))
	folder := widget.NewLabel(dir)
	folder.Truncation = fyne.TextTruncateEllipsis
	choose := newDialogButton("Choose…", nil, func() {
		d := dialog.NewFolderOpen(func(l fyne.ListableURI, err error) {
			if err == nil && l != nil {
				folder.SetText(l.Path())
			}
		}, u.win)
		if l, err := storage.ListerForURI(storage.NewFileURI(folder.Text)); err == nil {
			d.SetLocation(l)
		}
		u.showDialog(d, nil, nil, nil)
	})
	items := []*widget.FormItem{{Text: "File name", Widget: name},
		{Text: "Folder", Widget: container.NewBorder(nil, nil, nil, choose, folder)}}
	u.showForm("Save change note", "Save", items, fyne.NewSize(620, 220), func(again func()) {
		base := strings.TrimSpace(name.Text)
		if base == "" {
			base = changeNoteName(title)
		}
		if filepath.Ext(base) == "" {
			base += ".md"
		}
		path := filepath.Join(folder.Text, base)
		background(func() {
			_, err := os.Stat(path)
			u.do(func() {
				if err != nil {
					v.write(ch, path, again)
					return
				}
				u.confirmWith("Replace file?", "“"+filepath.Base(path)+"” already exists in "+filepath.Dir(path)+". Replace it?",
					"Replace", "Cancel", func(ok bool) {
						if ok {
							v.write(ch, path, again)
						} else {
							again()
						}
					})
			})
		})
	})
}

// write saves the note off the UI goroutine, whole or not at all; a
// failure brings the form back with what was typed.
func (v *changesView) write(ch *integrity.Changes, path string, again func()) {
	u := v.c.ui
	note := ch.Markdown()
	background(func() {
		// A document for others, written as an export is: with its
		// permissions (0o666 less the umask), not a private file's.
		err := export.WriteText(context.WithoutCancel(u.ctx), path, note)
		u.do(func() {
			if err != nil {
				again() // what was typed stays, under the message
				u.showError(err)
				return
			}
			u.inform("Change note saved", "Saved "+path)
		})
	})
}
