package app

import (
	"context"
	"path/filepath"
	"strings"
	"unicode"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/attache/attache/domain"
)

// showRecovery explains that the library is damaged and offers to restore
// the newest backup; the damaged file is kept aside, never deleted.
func showRecovery(ctx context.Context, a fyne.App, op Opener, backup string, cause error, start func(Library, func())) {
	w := a.NewWindow("Attaché — the library cannot be used as it is")
	msg := widget.NewLabel(damageSummary(cause) + ".\n\nRestore the newest automatic backup of this library, " +
		filepath.Base(backup) + "? The file there now is kept beside the library, not deleted.")
	msg.Wrapping = fyne.TextWrapWord
	status := widget.NewLabel("")
	status.Wrapping = fyne.TextWrapWord
	var restore, quit *widget.Button
	restore = widget.NewButton("Restore the backup", func() {
		// Copying the backup takes a while on a big library: the window
		// stays responsive, with nothing to press until it is done.
		restore.Disable()
		quit.Disable()
		background(func() {
			_, err := op.Restore(backup)
			var lib Library
			var closeFn func()
			if err == nil {
				lib, closeFn, err = op.Open(ctx)
			}
			uiDo(func() {
				if err == nil {
					start(lib, closeFn)
					w.Close()
					return
				}
				status.SetText("Could not restore: " + domain.ErrorMessage(err))
				restore.Enable()
				quit.Enable()
			})
		})
	})
	restore.Importance = widget.HighImportance
	quit = widget.NewButton("Quit", a.Quit)
	w.SetContent(container.NewPadded(container.NewBorder(nil, container.NewVBox(status, container.NewHBox(restore, quit)), nil, nil, msg)))
	w.Resize(fyne.NewSize(640, 260))
	w.Show()
}

// showStartupError explains why the library could not be opened (another
// Attaché has it, a newer version wrote it, the disk is full) and quits.
func showStartupError(a fyne.App, cause error) {
	w := a.NewWindow("Attaché could not open the library")
	msg := widget.NewLabel(sentence(domain.ErrorMessage(cause)))
	msg.Wrapping = fyne.TextWrapWord
	quit := widget.NewButton("Quit", a.Quit)
	quit.Importance = widget.HighImportance
	// A fixed text width: a wrapping label alone would ask for one word a
	// line, and the window would open tall and narrow.
	text := container.NewGridWrap(fyne.NewSize(560, 110), msg)
	w.SetContent(container.NewPadded(container.NewVBox(text, container.NewHBox(quit))))
	w.SetFixedSize(true)
	w.CenterOnScreen()
	w.SetMaster()
	w.Show()
}

// sentence capitalises a message and ends it with a full stop.
func sentence(s string) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return "Something went wrong."
	}
	s = capitalised(s)
	if !strings.HasSuffix(s, ".") {
		s += "."
	}
	return s
}

// capitalised is s, which is not empty, with its first letter upper case.
func capitalised(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}
