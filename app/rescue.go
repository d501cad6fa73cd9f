package app

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/attache/attache/domain"
	"github.com/attache/attache/export"
	"github.com/attache/attache/internal/logx"
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
	if !fi.IsDir() || !privateToMe(fi) {
		return fmt.Errorf("%s is not a private folder of this user", dir)
	}
	return nil
}

// unsaved saves every draft it can and returns those it cannot, with the
// first reason.
func (u *UI) unsaved() ([]*draft, error) {
	var left []*draft
	var first error
	for _, d := range u.briefings.composer.drafts() {
		if err := d.tryFlush(); err != nil {
			left = append(left, d)
			if first == nil {
				first = err
			}
		}
	}
	return left, first
}

// rescueDrafts writes each draft, as it is on screen, to an interchange
// file that File → Import and `attache briefing import` read back.
func (u *UI) rescueDrafts(ds []*draft) ([]string, error) {
	var paths []string
	for _, d := range ds {
		p, err := u.rescueDraft(d)
		if err != nil {
			return paths, err
		}
		paths = append(paths, p)
	}
	return paths, nil
}

// rescueDraft writes one draft as an interchange file. An excerpt whose
// source cannot be read (damaged pages, a closed library) is kept as a
// commentary block quoting it, so the file still imports and no typing is
// lost.
func (u *UI) rescueDraft(d *draft) (string, error) {
	ctx := context.WithoutCancel(u.ctx)
	bundle := &domain.Bundle{Briefing: cloneBriefing(d.b)}
	sources := map[int64]*domain.Source{}
	for i, blk := range bundle.Briefing.Blocks {
		if blk.Excerpt == nil {
			continue
		}
		id := blk.Excerpt.SourceID
		src, ok := sources[id]
		if !ok {
			if src, _ = u.lib.Source(ctx, id); src != nil {
				bundle.Sources = append(bundle.Sources, src)
			}
			sources[id] = src
		}
		if src == nil {
			bundle.Briefing.Blocks[i] = unreadableExcerpt(blk)
		}
	}
	name := fmt.Sprintf("%s-b%d-unsaved-%s", fileSafe(d.b.Title), d.b.ID, time.Now().Format("20060102-150405"))
	var errs []error
	for _, dir := range u.rescueDirs() {
		if err := ownDir(dir); err != nil {
			errs = append(errs, err)
			continue
		}
		path := freeName(filepath.Join(dir, name), ".json")
		err := export.WriteFileAtomic(ctx, path, 0o600, func(w io.Writer) error { return export.WriteJSON(w, bundle) })
		if err == nil {
			return path, nil
		}
		errs = append(errs, err)
	}
	return "", fmt.Errorf("could not write a rescue copy anywhere: %v", errs)
}

// unreadableExcerpt keeps an excerpt whose source cannot be read as a
// commentary block that quotes it.
func unreadableExcerpt(blk *domain.Block) *domain.Block {
	quote := blk.Excerpt.Quote
	if blk.Excerpt.Note != "" {
		quote += " — note: " + blk.Excerpt.Note
	}
	return &domain.Block{Type: domain.BlockCommentary, Marking: blk.Marking,
		Text: "[Excerpt; its source could not be read when this copy was made] “" + quote + "”"}
}

// freeName is base+ext, or base-2+ext and so on if that exists: two
// rescues in one second must not overwrite each other.
func freeName(base, ext string) string {
	p := base + ext
	for i := 2; ; i++ {
		if _, err := os.Lstat(p); err != nil {
			return p
		}
		p = fmt.Sprintf("%s-%d%s", base, i, ext)
	}
}

// rescueNote tells the analyst where their work went and how to get it back.
func rescueNote(paths []string) string {
	return fmt.Sprintf("Your latest changes are in %s. When the library can be written again, bring them back with File → Import… (choose the file), or on the command line:\n\nattache briefing import FILE", strings.Join(paths, ", "))
}

// onCloseUnsaved stops the window closing over edits that could not be
// saved, and lets the analyst choose.
func (u *UI) onCloseUnsaved(left []*draft, cause error) {
	var titles []string
	for _, d := range left {
		titles = append(titles, "“"+d.b.Title+"”")
	}
	msg := widget.NewLabel(fmt.Sprintf("Your latest changes to %s could not be saved: %s", strings.Join(titles, ", "), domain.ErrorMessage(cause)))
	msg.Wrapping = fyne.TextWrapWord
	var d *dialog.CustomDialog
	keep := widget.NewButton("Keep the window open", func() { d.Hide() })
	discard := widget.NewButton("Close without saving", func() {
		d.Hide()
		u.confirm("Lose the changes?", "Close and lose the changes made since the last save?", func(ok bool) {
			if ok {
				u.decided = true
				u.closeWindow()
			}
		})
	})
	discard.Importance = widget.DangerImportance
	rescue := widget.NewButton("Save a copy elsewhere and close", func() {
		d.Hide()
		paths, err := u.rescueDrafts(left)
		if err != nil {
			u.showError(err)
			return
		}
		u.decided = true
		info := dialog.NewInformation("Changes kept", rescueNote(paths), u.win)
		info.SetOnClosed(u.closeWindow)
		u.showDialog(info, nil, nil, nil)
	})
	rescue.Importance = widget.HighImportance
	d = dialog.NewCustomWithoutButtons("Changes not saved", msg, u.win)
	d.SetButtons([]fyne.CanvasObject{keep, discard, rescue})
	d.Resize(fyne.NewSize(560, 200))
	u.showDialog(d, nil, nil, nil)
}

// flushOrRescue is the last save when the app quits (signal or logout):
// what cannot go into the library goes to a rescue file, named on stderr,
// unless the analyst has already chosen what happens to it.
func (u *UI) flushOrRescue(stderr io.Writer) {
	left, err := u.unsaved()
	if len(left) == 0 || u.decided {
		return
	}
	paths, rerr := u.rescueDrafts(left)
	if rerr != nil {
		logx.Printf(stderr, "your latest changes could not be saved (%s), nor a rescue copy written: %v", domain.ErrorMessage(err), rerr)
		return
	}
	// The file names hold briefing titles, and stderr may end up in a
	// session log: say where the folder is, not which files.
	logx.Printf(stderr, "your latest changes could not be saved in the library (%s).\nThey are in %s: bring them back with File → Import… or `attache briefing import FILE`.", domain.ErrorMessage(err), filepath.Dir(paths[0]))
}
