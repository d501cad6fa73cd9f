package app

import (
	"context"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/attache/attache/domain"
	"github.com/attache/attache/internal/atomicfile"
)

// excerptEdit is the excerpt in the excerpts view's form, saved as the
// analyst types, like the composer's draft: a pause of autosaveDelay saves
// it (and never later than maxSaveWait after the first change), and
// leaving it (another excerpt, another view, quitting) saves it at once.
// A save that fails keeps the typing, says so once and is retried. A save
// merges with changes made elsewhere meanwhile (see UpdateExcerpt).
type excerptEdit struct {
	ui       *UI
	e        *domain.Excerpt // as typed (UI goroutine; read by the last save at exit)
	version  int             // bumped by every change (UI goroutine only)
	saved    atomic.Int64    // the version the library holds; written by savers
	saveMu   sync.Mutex      // saves run one at a time; older ones are skipped
	timerMu  sync.Mutex      // the timer is also reached by the last save at exit
	timer    *time.Timer
	base     *domain.Excerpt // the library's copy e was edited from (UI goroutine)
	seq      int             // saves written (under saveMu)
	last     *excerptSaved   // the newest save written, landed or not (under saveMu)
	landed   int             // the newest save taken in (UI goroutine)
	saving   bool            // a background save is under way (UI goroutine)
	again    bool            // and another is wanted after it (UI goroutine)
	failing  bool            // the last save failed; told once, retried quietly
	stopped  bool            // its excerpt is gone or its library closed: no more saves
	due      saveDue         // when the next autosave runs (UI goroutine only)
	onStatus func(edit *excerptEdit, status string)
	onSaved  func(edit *excerptEdit) // after a save the library holds everything typed
	onLanded func(edit *excerptEdit) // a save came back, maybe with changes made elsewhere
}

func newExcerptEdit(u *UI, e *domain.Excerpt) *excerptEdit {
	return &excerptEdit{ui: u, e: e.Clone(), base: e.Clone()}
}

// change applies the form's fields to the excerpt and schedules a save.
func (x *excerptEdit) change(apply func(e *domain.Excerpt)) {
	if x.stopped || x.ui.lib.ReadOnly() {
		return
	}
	apply(x.e)
	x.version++
	x.status("Editing…")
	x.schedule(x.due.changed(time.Now()))
}

func (x *excerptEdit) isSaved() bool { return x.saved.Load() == int64(x.version) }

// save writes the excerpt off the UI goroutine, now. One save runs at a
// time, each merged against what the one before left.
func (x *excerptEdit) save() {
	x.due.saving()
	if x.stopped || x.isSaved() {
		return
	}
	x.stopTimer()
	if x.saving {
		x.again = true
		return
	}
	x.saving = true
	snap, base, version := x.e.Clone(), x.base, x.version
	x.status("Saving…")
	background(func() {
		r, err := x.write(snap, base, version)
		x.ui.do(func() {
			x.saving = false
			x.saveDone(r, err)
			if x.again && !x.stopped {
				x.again = false
				x.save()
			}
		})
	})
}

// excerptSaved is what one save of the form left in the library.
type excerptSaved struct {
	seq     int
	version int
	sent    *domain.Excerpt // as sent
	lib     *domain.Excerpt // as saved, with changes made elsewhere
	clashes []domain.Conflict
}

// saveDone reports a save. A failure is shown once and retried; an excerpt
// deleted meanwhile has nothing left to save into.
func (x *excerptEdit) saveDone(r *excerptSaved, err error) {
	if x.stopped {
		return
	}
	switch {
	case domain.ErrorCode(err) == domain.ENOTFOUND:
		// Deleted for good elsewhere: what was typed goes to a file.
		x.stop()
		x.status("")
		x.ui.rescueGoneExcerpt(x)
	case err != nil:
		x.status("Not saved — retrying")
		if !x.failing {
			x.failing = true
			x.ui.showError(userError{"Your changes to this excerpt are not saved yet: " + domain.ErrorMessage(err) +
				"\n\nThey are kept here, and Attaché tries again every few seconds."})
		}
		x.schedule(retryDelay)
	default:
		x.land(r)
		if x.isSaved() {
			x.failing = false
			x.status("Saved")
			if x.onSaved != nil {
				x.onSaved(x)
			}
		}
	}
}

// land takes a save's result in: changes made elsewhere join what is
// typed, and a clash is told with the other side's text, so the analyst
// can take it back.
func (x *excerptEdit) land(r *excerptSaved) {
	if r == nil || r.seq <= x.landed {
		return // nothing written, or overtaken by a newer save
	}
	x.landed = r.seq
	if x.version == r.version {
		x.e = r.lib.Clone()
	} else {
		merged, _ := domain.MergeExcerpt(r.sent, x.e, r.lib)
		x.e = merged
	}
	x.base = r.lib.Clone()
	if len(r.clashes) > 0 {
		x.ui.toldClash("Excerpt "+itoa(int(r.lib.ID)), r.clashes)
	}
	if x.onLanded != nil {
		x.onLanded(x)
	}
}

// write saves e, edited from base, unless a newer version is already saved.
func (x *excerptEdit) write(e, base *domain.Excerpt, version int) (*excerptSaved, error) {
	x.saveMu.Lock()
	defer x.saveMu.Unlock()
	if int64(version) <= x.saved.Load() {
		return nil, nil
	}
	r := &excerptSaved{version: version, sent: e.Clone()}
	e.Note = strings.TrimSpace(e.Note) // e is a copy; the form keeps the spaces typed
	if e.Figure != nil {
		e.Figure.Caption = strings.TrimSpace(e.Figure.Caption)
	}
	// Not cancelled by a quit signal: this is the analyst's work.
	b := base.Clone()
	b.Note = strings.TrimSpace(b.Note)
	if b.Figure != nil {
		b.Figure.Caption = strings.TrimSpace(b.Figure.Caption)
	}
	clashes, err := x.ui.lib.UpdateExcerpt(context.WithoutCancel(x.ui.ctx), b, e)
	if err != nil {
		return nil, err
	}
	if e.Note == strings.TrimSpace(r.sent.Note) {
		e.Note = r.sent.Note // the spaces typed stay in the form
	}
	if e.Figure != nil && r.sent.Figure != nil && e.Figure.Caption == strings.TrimSpace(r.sent.Figure.Caption) {
		e.Figure.Caption = r.sent.Figure.Caption // likewise the caption's
	}
	r.lib, r.clashes = e, clashes
	x.seq++
	r.seq = x.seq
	x.last = r
	x.saved.Store(int64(version))
	return r, nil
}

// lastWritten is the newest save's result, which may not have landed yet.
func (x *excerptEdit) lastWritten() *excerptSaved {
	x.saveMu.Lock()
	defer x.saveMu.Unlock()
	return x.last
}

// tryFlush saves at once, waiting, and returns what went wrong.
func (x *excerptEdit) tryFlush() error {
	if x == nil || x.stopped || x.isSaved() {
		return nil
	}
	x.stopTimer()
	x.land(x.lastWritten()) // a background save's result first: see draft.tryFlush
	r, err := x.write(x.e.Clone(), x.base, x.version)
	switch {
	case domain.ErrorCode(err) == domain.ENOTFOUND:
		return err // deleted for good elsewhere: the caller rescues the typing
	case err != nil:
		x.schedule(retryDelay) // still retried if the window stays open
		return err
	}
	x.land(r)
	return nil
}

// flushThen is tryFlush off the UI goroutine: next gets what went wrong,
// on the UI goroutine (see draft.flushThen).
func (x *excerptEdit) flushThen(next func(error)) {
	if x == nil || x.stopped || x.isSaved() {
		next(nil)
		return
	}
	x.stopTimer()
	x.land(x.lastWritten())
	snap, base, version := x.e.Clone(), x.base, x.version
	x.status("Saving…")
	background(func() {
		r, err := x.write(snap, base, version)
		x.ui.do(func() {
			if err == nil {
				x.saveDone(r, nil)
			} else if domain.ErrorCode(err) != domain.ENOTFOUND && !x.stopped {
				x.schedule(retryDelay) // the caller says what went wrong
			}
			next(err)
		})
	})
}

// stop ends the edit's saving.
func (x *excerptEdit) stop() {
	x.stopped = true
	x.stopTimer()
}

func (x *excerptEdit) schedule(after time.Duration) {
	x.timerMu.Lock()
	defer x.timerMu.Unlock()
	if x.timer != nil {
		x.timer.Stop()
	}
	x.timer = time.AfterFunc(after, func() { uiDo(x.save) })
}

func (x *excerptEdit) stopTimer() {
	x.timerMu.Lock()
	defer x.timerMu.Unlock()
	if x.timer != nil {
		x.timer.Stop()
	}
}

func (x *excerptEdit) status(s string) {
	if x.onStatus != nil {
		x.onStatus(x, s)
	}
}

// name is how the close dialog names the edit.
func (x *excerptEdit) name() string {
	return "the note on the excerpt “" + clipRunes(x.e.Quote, 40) + "”"
}

// rescue writes the typed note, tags and grades as a text file, for the
// analyst to copy back into the excerpts view.
func (x *excerptEdit) rescue() (string, error) {
	e := x.e
	text := fmt.Sprintf("Unsaved changes to excerpt %d of source “%s”, characters %d–%d.\n"+
		"Copy them back in Attaché's Excerpts view (onto a new excerpt of the same passage if this one is gone).\n\nQuote: %s\n\nNote: %s\nTags: %s\nCredibility: %s\nMarking: %s\nReason for the marking: %s\n",
		e.ID, e.SourceTitle, e.Start, e.End, quoted(e.Quote), e.Note, strings.Join(e.Tags, ", "),
		credibilityChoices[min(max(int(e.Credibility), 0), len(credibilityChoices)-1)], markingText(e.Marking), e.MarkingReason)
	name := fmt.Sprintf("excerpt-%d-unsaved-%s", e.ID, time.Now().Format("20060102-150405"))
	return x.ui.writeKept(name, text)
}

// toldClash tells the analyst that fields of what they edited were
// changed elsewhere too. Theirs is saved; the other values go to a text
// file beside the library (excerpts and sources have no versions), and
// a notice, which takes no keys from the typing, says where and offers
// to show them.
func (u *UI) toldClash(what string, clashes []domain.Conflict) {
	text := what + " was also changed elsewhere while it was edited in Attaché, at " +
		time.Now().Format("2006-01-02 15:04:05") + ". The version typed in Attaché was saved; the other one read:\n"
	for _, c := range clashes {
		text += "\n" + c.Field + ": " + c.Theirs + "\n"
	}
	name := fileSafe(what) + "-changed-elsewhere-" + time.Now().Format("20060102-150405")
	background(func() {
		path, err := u.writeKept(name, text)
		u.do(func() {
			where := "in " + path
			if err != nil {
				where = "nowhere on disk (" + domain.ErrorMessage(err) + ")"
			}
			u.notifyAction(what+" was also changed elsewhere: your version is saved, the other is kept "+where+".",
				"Show", func() { u.inform(what+" changed elsewhere", text) })
		})
	})
}

// writeKept writes text to a new file in the first rescue folder that
// takes it.
func (u *UI) writeKept(name, text string) (string, error) {
	var errs []error
	for _, dir := range u.rescueDirs() {
		if err := ownDir(dir); err != nil {
			errs = append(errs, err)
			continue
		}
		path := freeName(filepath.Join(dir, name), ".txt")
		err := atomicfile.WriteNew(context.WithoutCancel(u.ctx), path, 0o600, func(w io.Writer) error {
			_, err := io.WriteString(w, text)
			return err
		})
		if err == nil {
			return path, nil
		}
		errs = append(errs, err)
	}
	return "", fmt.Errorf("could not write a copy anywhere: %v", errs)
}

// rescueGoneExcerpt keeps the typing on an excerpt deleted for good
// elsewhere in a text file, and says where.
func (u *UI) rescueGoneExcerpt(x *excerptEdit) {
	kept := &excerptEdit{ui: u, e: x.e.Clone(), stopped: true}
	background(func() {
		path, err := kept.rescue()
		u.do(func() {
			if err != nil {
				u.showError(err)
				return
			}
			u.notify("The excerpt you were editing was deleted for good elsewhere; what you typed is kept in " + path + ".")
		})
	})
}
