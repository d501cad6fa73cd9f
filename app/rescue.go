package app

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/attache/attache/domain"
	"github.com/attache/attache/export"
)

// rescueDirs are where an unsaved briefing goes when the library cannot
// take it: beside the library first, then the temporary folder, which is
// often another disk when the library's is full.
// The temporary one is per user, so nobody else can make it first.
func (u *UI) rescueDirs() []string {
	return []string{filepath.Join(filepath.Dir(u.lib.Path()), "rescue"),
		filepath.Join(os.TempDir(), fmt.Sprintf("attache-rescue-%d", os.Getuid()))}
}

// ownDir makes dir, or accepts it only if it is a real folder of ours that
// others cannot write to.
func ownDir(dir string) error {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return err
	}
	fi, err := os.Lstat(dir)
	if err != nil {
		return err
	}
	if !fi.IsDir() || fi.Mode().Perm()&0o022 != 0 || !ownedByMe(fi) {
		return fmt.Errorf("%s is not a private folder of this user", dir)
	}
	return nil
}

// rescueDraft writes the briefing being edited, as it is on screen, to an
// interchange file that `attache briefing import` reads back.
func (u *UI) rescueDraft() (string, error) {
	d := u.briefings.composer.d
	if d == nil {
		return "", fmt.Errorf("no briefing is open")
	}
	ctx := context.WithoutCancel(u.ctx)
	bundle := &domain.Bundle{Briefing: cloneBriefing(d.b)}
	seen := map[int64]bool{}
	for _, blk := range bundle.Briefing.Blocks {
		if blk.Excerpt == nil || seen[blk.Excerpt.SourceID] {
			continue
		}
		seen[blk.Excerpt.SourceID] = true
		src, err := u.lib.Source(ctx, blk.Excerpt.SourceID)
		if err != nil {
			return "", err
		}
		bundle.Sources = append(bundle.Sources, src)
	}
	name := fileSafe(d.b.Title) + "-unsaved-" + time.Now().Format("20060102-150405") + ".json"
	var errs []error
	for _, dir := range u.rescueDirs() {
		if err := ownDir(dir); err != nil {
			errs = append(errs, err)
			continue
		}
		path := filepath.Join(dir, name)
		err := export.WriteFileAtomic(ctx, path, 0o600, func(w io.Writer) error { return export.WriteJSON(w, bundle) })
		if err == nil {
			return path, nil
		}
		errs = append(errs, err)
	}
	return "", fmt.Errorf("could not write a rescue copy anywhere: %v", errs)
}

// rescueNote tells the analyst where their work went and how to get it back.
func rescueNote(title, path string) string {
	return fmt.Sprintf("Your latest changes to “%s” are in %s. When the library can be written again, bring them back with File → Import… (choose that file), or on the command line:\n\nattache briefing import %q", title, path, path)
}

// onCloseUnsaved stops the window closing over edits that could not be
// saved, and lets the analyst choose.
func (u *UI) onCloseUnsaved(cause error) {
	title := u.briefings.composer.d.b.Title
	msg := widget.NewLabel(fmt.Sprintf("Your latest changes to “%s” could not be saved: %s", title, domain.ErrorMessage(cause)))
	msg.Wrapping = fyne.TextWrapWord
	var d *dialog.CustomDialog
	keep := widget.NewButton("Keep the window open", func() { d.Hide() })
	discard := widget.NewButton("Close without saving", func() {
		d.Hide()
		dialog.ShowConfirm("Lose the changes?", "Close and lose the changes made since the last save?", func(ok bool) {
			if ok {
				u.win.Close()
			}
		}, u.win)
	})
	discard.Importance = widget.DangerImportance
	rescue := widget.NewButton("Save a copy elsewhere and close", func() {
		d.Hide()
		path, err := u.rescueDraft()
		if err != nil {
			u.showError(err)
			return
		}
		info := dialog.NewInformation("Changes kept", rescueNote(title, path), u.win)
		info.SetOnClosed(u.win.Close)
		info.Show()
	})
	rescue.Importance = widget.HighImportance
	d = dialog.NewCustomWithoutButtons("Changes not saved", msg, u.win)
	d.SetButtons([]fyne.CanvasObject{keep, discard, rescue})
	d.Resize(fyne.NewSize(560, 200))
	d.Show()
}

// flushOrRescue is the last save when the app quits (signal or logout):
// what cannot go into the library goes to a rescue file, named on stderr.
func (u *UI) flushOrRescue(stderr io.Writer) {
	d := u.briefings.composer.d
	err := d.tryFlush()
	if err == nil {
		return
	}
	path, rerr := u.rescueDraft()
	if rerr != nil {
		fmt.Fprintf(stderr, "attache: your latest changes to the open briefing could not be saved (%s), nor a rescue copy written: %v\n", domain.ErrorMessage(err), rerr)
		return
	}
	// No title here: stderr may end up in a session log others can read.
	fmt.Fprintf(stderr, "attache: your latest changes to the open briefing could not be saved in the library (%s).\nThey are in %s: bring them back with File → Import… or `attache briefing import FILE`.\n", domain.ErrorMessage(err), path)
}
