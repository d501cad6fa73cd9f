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
	"github.com/attache/attache/interchange"
	"github.com/attache/attache/internal/atomicfile"
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

// unsavedEdit is typing not yet in the library: a briefing's draft or an
// excerpt's note and tags.
type unsavedEdit interface {
	tryFlush() error            // after the event loop has ended
	flushThen(next func(error)) // on the UI goroutine
	name() string               // for the close dialog
	rescue() (string, error)    // writes a copy outside the library, returning its path
}

// edits are every edit that may hold unsaved typing.
func (u *UI) edits() []unsavedEdit {
	var es []unsavedEdit
	for _, d := range u.briefings.composer.drafts() {
		es = append(es, d)
	}
	for _, x := range u.excerpts.edits() {
		es = append(es, x)
	}
	return es
}

// saveAllThen saves every edit off the UI goroutine, then calls done on
// it with those it could not save and the first reason.
func (u *UI) saveAllThen(done func(left []unsavedEdit, err error)) {
	es := u.edits()
	var left []unsavedEdit
	var first error
	waiting := len(es)
	if waiting == 0 {
		done(nil, nil)
		return
	}
	for _, e := range es {
		e.flushThen(func(err error) {
			if err != nil {
				left = append(left, e)
				if first == nil {
					first = err
				}
			}
			if waiting--; waiting == 0 {
				done(left, first)
			}
		})
	}
}

// unsaved saves every edit it can and returns those it cannot, with the
// first reason. It waits on the library: only for the last save at quit.
func (u *UI) unsaved() ([]unsavedEdit, error) {
	var left []unsavedEdit
	var first error
	for _, d := range u.edits() {
		if err := d.tryFlush(); err != nil {
			left = append(left, d)
			if first == nil {
				first = err
			}
		}
	}
	return left, first
}

// rescueDrafts writes each edit, as it is on screen, to a file outside the
// library: a briefing to an interchange file that File → Import and
// `attache briefing import` read back, an excerpt's note to a text file.
func (u *UI) rescueDrafts(ds []unsavedEdit) ([]string, error) {
	var paths []string
	for _, d := range ds {
		p, err := d.rescue()
		if err != nil {
			return paths, err
		}
		paths = append(paths, p)
	}
	return paths, nil
}

// rescueLater writes copies of the edits as they are now to files outside
// the library, off the UI goroutine, then calls done on it with their
// paths. Typing after the call is not in the copies.
func (u *UI) rescueLater(es []unsavedEdit, done func(paths []string, err error)) {
	frozen := make([]unsavedEdit, len(es))
	for i, e := range es {
		frozen[i] = frozenCopy(e)
	}
	background(func() {
		paths, err := u.rescueDrafts(frozen)
		u.do(func() { done(paths, err) })
	})
}

// frozenCopy is a copy of the edit as typed now that nothing saves, for a
// rescue written off the UI goroutine while typing may go on.
func frozenCopy(e unsavedEdit) unsavedEdit {
	switch e := e.(type) {
	case *draft:
		return &draft{ui: e.ui, b: e.b.Clone(), stopped: true}
	case *excerptEdit:
		return &excerptEdit{ui: e.ui, e: e.e.Clone(), stopped: true}
	}
	panic(fmt.Sprintf("frozenCopy: %T is not an edit", e))
}

func (d *draft) name() string            { return "“" + d.b.Title + "”" }
func (d *draft) rescue() (string, error) { return d.ui.rescueDraft(d) }

// rescueDraft writes one draft as an interchange file. An excerpt whose
// source cannot be read (damaged pages, a closed library) is kept as a
// commentary block quoting it, so the file still imports and no typing is
// lost.
func (u *UI) rescueDraft(d *draft) (string, error) {
	ctx := context.WithoutCancel(u.ctx)
	bundle := &domain.Bundle{Briefing: d.snapshot()}
	sources := map[int64]*domain.Source{}
	readable := func(e *domain.Excerpt) bool {
		if e == nil {
			return false
		}
		id := e.SourceID
		src, ok := sources[id]
		if !ok {
			if src, _ = u.lib.Source(ctx, id); src != nil {
				bundle.Sources = append(bundle.Sources, src)
			}
			sources[id] = src
		}
		return src != nil
	}
	var blocks []*domain.Block
	for _, blk := range bundle.Briefing.Blocks {
		if blk.Excerpt != nil && !readable(blk.Excerpt) {
			blocks = append(blocks, unreadableExcerpt(blk))
			continue
		}
		// A judgment's evidence on a source that cannot be read is kept
		// in words after it, as an excerpt block's is.
		var kept []domain.Evidence
		var lost []*domain.Block
		for _, ev := range blk.Evidence {
			if readable(ev.Excerpt) {
				kept = append(kept, ev)
			} else {
				lost = append(lost, unreadableEvidence(blk, ev))
			}
		}
		if len(lost) > 0 {
			cp := *blk
			cp.Evidence = kept
			blk = &cp
		}
		blocks = append(append(blocks, blk), lost...)
	}
	bundle.Briefing.Blocks = blocks
	name := fmt.Sprintf("%s-b%d-unsaved-%s", fileSafe(d.b.Title), d.b.ID, time.Now().Format("20060102-150405"))
	var errs []error
	for _, dir := range u.rescueDirs() {
		if err := ownDir(dir); err != nil {
			errs = append(errs, err)
			continue
		}
		path := freeName(filepath.Join(dir, name), ".json")
		err := atomicfile.Write(ctx, path, 0o600, func(w io.Writer) error { return interchange.WriteJSON(w, bundle) })
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

// unreadableEvidence keeps a judgment's link to an excerpt whose source
// cannot be read as a commentary block that quotes it.
func unreadableEvidence(judgment *domain.Block, ev domain.Evidence) *domain.Block {
	quote := fmt.Sprintf("excerpt %d", ev.ExcerptID)
	if ev.Excerpt != nil {
		quote = "“" + ev.Excerpt.Quote + "”"
	}
	if ev.Note != "" {
		quote += " — note: " + ev.Note
	}
	stance := "supporting"
	if ev.Stance == domain.StanceContradicts {
		stance = "contradicting"
	}
	marking := judgment.Marking
	if ev.Excerpt != nil && ev.Excerpt.Marking != "" {
		marking = ev.Excerpt.Marking // the quote's own mark
	}
	return &domain.Block{Type: domain.BlockCommentary, Marking: marking,
		Text: "[Evidence " + stance + " the key judgment above; its source could not be read when this copy was made] " + quote}
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
	var briefings, notes []string
	for _, p := range paths {
		if strings.HasSuffix(p, ".txt") {
			notes = append(notes, p)
		} else {
			briefings = append(briefings, p)
		}
	}
	var parts []string
	if len(briefings) > 0 {
		var cmds []string
		for _, b := range briefings {
			cmds = append(cmds, "attache briefing import "+domain.ShellQuote(b))
		}
		parts = append(parts, fmt.Sprintf("Your latest changes are in %s. Bring them back (as a new briefing) with File → Import… (choose the file), or on the command line:\n\n%s",
			strings.Join(briefings, ", "), strings.Join(cmds, "\n")))
	}
	if len(notes) > 0 {
		parts = append(parts, fmt.Sprintf("Your latest changes to excerpts are in %s: copy them back in the Excerpts view.", strings.Join(notes, ", ")))
	}
	return strings.Join(parts, "\n\n")
}

// onCloseUnsaved stops the window closing over edits that could not be
// saved, and lets the analyst choose.
func (u *UI) onCloseUnsaved(left []unsavedEdit, cause error) {
	var titles []string
	for _, d := range left {
		titles = append(titles, d.name())
	}
	msg := widget.NewLabel(fmt.Sprintf("Your latest changes to %s could not be saved: %s", strings.Join(titles, ", "), domain.ErrorMessage(cause)))
	msg.Wrapping = fyne.TextWrapWord
	var d *dialog.CustomDialog
	keep := newDialogButton("Keep the window open", nil, func() { d.Hide() })
	discard := newDialogButton("Close without saving", nil, func() {
		d.Hide()
		u.confirm("Lose the changes?", "Close and lose the changes made since the last save?", func(ok bool) {
			if ok {
				u.decided = true
				u.closeWindow()
			}
		})
	})
	discard.Importance = widget.DangerImportance
	rescue := newDialogButton("Save a copy elsewhere and close", nil, func() {
		d.Hide()
		u.notify("Saving a copy of your changes…")
		u.rescueLater(left, func(paths []string, err error) {
			if err != nil {
				u.showError(err)
				return
			}
			u.decided = true
			info := dialog.NewInformation("Changes kept", rescueNote(paths), u.win)
			info.SetOnClosed(u.closeWindow)
			u.showDialog(info, nil, nil, nil)
		})
	})
	rescue.Importance = widget.HighImportance
	d = dialog.NewCustomWithoutButtons("Changes not saved", msg, u.win)
	d.SetButtons([]fyne.CanvasObject{keep, discard, rescue})
	d.Resize(fitInside(u.win, fyne.NewSize(560, 200)))
	u.showDialog(d, nil, nil, nil)
	for _, b := range []fyne.CanvasObject{keep, discard, rescue} {
		u.wireKeys(b, nil) // the buttons hand Escape on once Tab has focused them
	}
}

// flushOrRescue is the last save when the app quits (signal or logout):
// what cannot go into the library goes to a rescue file, named on stderr,
// unless the analyst has already chosen what happens to it.
func (u *UI) flushOrRescue(stderr io.Writer) {
	// The window is gone or going: nothing waits on this goroutine's
	// events any more, and the analyst's work must not wait on a goroutine
	// that may never run.
	offUI(func() { u.lastSave(stderr) })
}

// lastSave is flushOrRescue's work.
func (u *UI) lastSave(stderr io.Writer) {
	u.quitOut = stderr // where a clash settled at quit is told (keepBothAtQuit)
	// Work that background saves hand back to the window is dropped from
	// here on (u.do): the last saves below take it in themselves, on this
	// goroutine, with nothing running beside them.
	u.cancel()
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

// saveThenLetGo saves a draft the composer no longer shows, off the UI
// goroutine, and stops it once saved. Edits that cannot be saved are not
// left retrying into a briefing that may be emptied out of the trash, its
// number then reused: they go to a rescue copy. Until then the draft stays
// among the composer's, so quitting meanwhile still saves it.
func (u *UI) saveThenLetGo(d *draft) {
	c := u.briefings.composer
	id := d.b.ID
	if !d.stopped && !d.isSaved() {
		c.pending[id] = d
	}
	letGo := func() {
		if c.pending[id] == d {
			delete(c.pending, id)
		}
		d.stop()
	}
	d.flushThen(func(err error) {
		if err == nil || d.stopped {
			letGo()
			return
		}
		d.stopTimer() // no retry: it goes to a rescue copy
		u.rescueLater([]unsavedEdit{d}, func(paths []string, rerr error) {
			letGo()
			if rerr != nil {
				u.showError(rerr)
				return
			}
			u.inform("Changes kept", "The briefing's last changes could not be saved ("+domain.ErrorMessage(err)+").\n\n"+rescueNote(paths))
		})
	})
}
