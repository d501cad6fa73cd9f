package app

import (
	"context"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/attache/attache/domain"
)

// showRecovery explains that the library is damaged and offers to restore
// the newest backup; the damaged file is kept aside, never deleted.
func showRecovery(ctx context.Context, a fyne.App, op Opener, cause error, start func(Library, func())) {
	w := a.NewWindow("Attaché — the library is damaged")
	backup := op.NewestBackup()
	// The store's message ends with advice for the command line; the
	// buttons here are the window's version of it.
	what, _, _ := strings.Cut(domain.ErrorMessage(cause), ": restore")
	msg := widget.NewLabel(strings.ToUpper(what[:1]) + what[1:] + ".\n\nRestore the newest automatic backup, " +
		filepath.Base(backup) + "? The damaged file is kept beside the library, not deleted.")
	msg.Wrapping = fyne.TextWrapWord
	status := widget.NewLabel("")
	status.Wrapping = fyne.TextWrapWord
	var restore *widget.Button
	restore = widget.NewButton("Restore the backup", func() {
		restore.Disable()
		_, err := op.Restore(backup)
		if err == nil {
			var lib Library
			var closeFn func()
			if lib, closeFn, err = op.Open(ctx); err == nil {
				start(lib, closeFn)
				w.Close()
				return
			}
		}
		status.SetText("Could not restore: " + domain.ErrorMessage(err))
		restore.Enable()
	})
	restore.Importance = widget.HighImportance
	quit := widget.NewButton("Quit", a.Quit)
	w.SetContent(container.NewPadded(container.NewBorder(nil, container.NewVBox(status, container.NewHBox(restore, quit)), nil, nil, msg)))
	w.Resize(fyne.NewSize(640, 260))
	w.Show()
}
