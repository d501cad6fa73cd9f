package app

import (
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/attache/attache/domain"
)

// checkLibrary reads the whole library for damage off the UI goroutine,
// after the window is up (a big library takes a second or more), and
// offers the newest backup if it finds any.
func (u *UI) checkLibrary(op Opener, swapped func(*UI, func()), closeLib func()) {
	background(func() {
		err := u.lib.Check(u.ctx)
		if err == nil || op.Damaged == nil || !op.Damaged(err) {
			return
		}
		u.do(func() { u.showDamaged(err, op, swapped, closeLib) })
	})
}

// showDamaged explains what was found; with a backup it offers to restore
// it into this window, keeping the damaged file beside the library.
func (u *UI) showDamaged(cause error, op Opener, swapped func(*UI, func()), closeLib func()) {
	backup := ""
	if op.NewestBackup != nil {
		backup = op.NewestBackup()
	}
	what := damageSummary(cause)
	switch {
	case u.lib.ReadOnly():
		u.inform("The library is damaged", what+".\n\nIt is read-only, so Attaché cannot restore a backup over it. Export the briefings you need now (File → Export), and copy the newest backup to a folder you can write to.")
		return
	case backup == "":
		u.inform("The library is damaged",
			what+".\n\nAttaché makes no more changes to it: a change could be lost with the damaged pages. There is no automatic backup of this library yet. Export the briefings you need now (File → Export), and keep a copy of the library file before anything else.")
		return
	}
	msg := what + ".\n\nAttaché makes no more changes to it: a change could be lost with the damaged pages.\n\nRestore the newest automatic backup of this library, " + filepath.Base(backup) +
		"? Work since that backup would be missing from the restored library (edits not yet saved are first written to a rescue copy); the damaged file is kept beside it, not deleted.\n\nYou can also read and export what you need first."
	d := dialog.NewConfirm("The library is damaged", msg, func(ok bool) {
		if ok {
			u.onRestoreBackup(backup, op, swapped, closeLib)
		}
	}, u.win)
	d.SetConfirmText("Restore the backup")
	d.SetDismissText("Keep working")
	u.showDialog(d, nil, nil, nil)
}

// onRestoreBackup swaps the damaged library for the backup and rebuilds
// the window's screens on it. Unsaved edits are saved, or go to rescue
// copies, first; if the restore fails, the window reopens whatever library
// is there. All of it runs off the UI goroutine, a dialog with no buttons
// saying what is under way (nothing else can be pressed meanwhile).
func (u *UI) onRestoreBackup(backup string, op Opener, swapped func(*UI, func()), closeLib func()) {
	say, end := u.working("Restoring the backup", "Saving your changes…")
	u.saveAllThen(func(left []unsavedEdit, _ error) {
		if len(left) == 0 {
			u.restoreBackup(backup, op, swapped, closeLib, "", say, end)
			return
		}
		say("Keeping a copy of the changes that could not be saved…")
		u.rescueLater(left, func(paths []string, err error) {
			if err != nil {
				end()
				u.showError(userError{"The backup was not restored: your unsaved changes could not be kept anywhere (" + domain.ErrorMessage(err) + "). Export the briefing first."})
				return
			}
			u.restoreBackup(backup, op, swapped, closeLib, "\n\n"+rescueNote(paths), say, end)
		})
	})
}

// restoreBackup closes the library, puts the backup in its place and
// opens it, off the UI goroutine, then builds the screens on it.
func (u *UI) restoreBackup(backup string, op Opener, swapped func(*UI, func()), closeLib func(), note string, say func(string), end func()) {
	for _, d := range u.briefings.composer.drafts() {
		d.stop()
	}
	u.cancel() // imports stop between files; late results show nothing
	say("Closing the library and copying the backup into its place…")
	background(func() {
		closeLib()
		kept, rerr := op.Restore(backup)
		lib, closeFn, err := op.Open(u.root)
		// u.do shows nothing any more (u is cancelled): this window is
		// still u's until the new screens replace it.
		uiDo(func() {
			end()
			u.restored(backup, kept, note, lib, closeFn, rerr, err, swapped)
		})
	})
}

// restored builds the screens on the library opened after a restore (or
// says it could not be opened).
func (u *UI) restored(backup, kept, note string, lib Library, closeFn func(), rerr, err error, swapped func(*UI, func())) {
	if err != nil {
		// Nothing is open and nothing is left to save: closing just quits.
		u.decided = true
		u.win.SetContent(widget.NewLabel(sentence(domain.ErrorMessage(err)) + " Quit and start Attaché again."))
		return
	}
	// The old screens' dialogs would act on the library set aside.
	for _, o := range u.win.Canvas().Overlays().List() {
		u.win.Canvas().Overlays().Remove(o)
	}
	restored := newUI(u.root, u.app, lib, u.win, u.sess)
	swapped(restored, closeFn)
	if rerr != nil {
		restored.showError(userError{"The backup was not restored: " + domain.ErrorMessage(rerr) + note})
		return
	}
	restored.inform("Backup restored", "The library now holds "+filepath.Base(backup)+". The damaged file is kept beside it as "+filepath.Base(kept)+"."+note)
}

// working shows a dialog with no buttons: what is under way, over an
// endless bar. say changes the text; end closes it.
func (u *UI) working(title, what string) (say func(string), end func()) {
	msg := widget.NewLabel(what)
	msg.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustomWithoutButtons(title, container.NewVBox(msg, widget.NewProgressBarInfinite()), u.win)
	d.Resize(fitInside(u.win, fyne.NewSize(480, 160)))
	d.Show()
	return msg.SetText, d.Hide
}

// damageSummary is the store's message without its command-line advice,
// which the dialog's buttons replace.
func damageSummary(err error) string {
	what, _, _ := strings.Cut(domain.ErrorMessage(err), ": restore")
	if what == "" {
		return "The library is damaged"
	}
	return capitalised(what)
}
