package app

import (
	"context"
	"encoding/json"
	"sync"
	"sync/atomic"
	"time"

	"fyne.io/fyne/v2"

	"github.com/attache/attache/domain"
)

// draft is the briefing being edited with its undo history and autosave.
// Every change goes through edit, so undo, redo and saving see them all.
type draft struct {
	ui       *UI
	b        *domain.Briefing
	undo     []*domain.Briefing
	redo     []*domain.Briefing
	version  int          // bumped by every change (UI goroutine only)
	saved    atomic.Int64 // the version the library holds; written by savers
	timerMu  sync.Mutex   // timer is also reached by the final save at exit, after the UI loop
	timer    *time.Timer
	lastKey  string     // the field the last edit typed into
	lastAt   time.Time  // when; typing in one field is one undo step
	saveMu   sync.Mutex // saves (and flushes) run one at a time; older ones are skipped
	failing  bool       // the last save failed; told once, retried quietly
	stopped  bool       // its library was closed: no more saves (UI goroutine only)
	due      saveDue    // when the next autosave runs (UI goroutine only)
	onStatus func(string)
}

// retryDelay is how long a failed autosave waits before trying again (a
// full disk, a library busy in another program).
var retryDelay = 5 * time.Second

const maxUndo = 200

func cloneBriefing(b *domain.Briefing) *domain.Briefing {
	data, _ := json.Marshal(b)
	c := &domain.Briefing{}
	_ = json.Unmarshal(data, c)
	for i, blk := range b.Blocks {
		c.Blocks[i].Excerpt = blk.Excerpt // not serialised; shared, read-only
	}
	return c
}

// edit applies fn to the briefing as one undoable change and schedules a save.
func (d *draft) edit(fn func(b *domain.Briefing)) { d.editField("", fn) }

// editField is edit for typing into the field key: keystrokes in the same
// field within a couple of seconds of each other make one undo step.
func (d *draft) editField(key string, fn func(b *domain.Briefing)) {
	if d.ui.lib.ReadOnly() {
		return // the widgets are disabled; nothing can be saved
	}
	now := time.Now()
	if key == "" || key != d.lastKey || now.Sub(d.lastAt) > 2*time.Second || len(d.undo) == 0 {
		d.undo = append(d.undo, cloneBriefing(d.b))
		if len(d.undo) > maxUndo {
			d.undo = d.undo[1:]
		}
	}
	d.lastKey, d.lastAt = key, now
	d.redo = nil
	fn(d.b)
	d.changed()
}

func (d *draft) changed() {
	d.version++
	d.status("Editing…")
	d.schedule(d.due.changed(time.Now()))
}

func (d *draft) canUndo() bool { return len(d.undo) > 0 }
func (d *draft) canRedo() bool { return len(d.redo) > 0 }

func (d *draft) undoEdit() bool {
	if !d.canUndo() {
		return false
	}
	d.lastKey = ""
	d.redo = append(d.redo, d.b)
	d.b = d.undo[len(d.undo)-1]
	d.undo = d.undo[:len(d.undo)-1]
	d.changed()
	return true
}

func (d *draft) redoEdit() bool {
	if !d.canRedo() {
		return false
	}
	d.undo = append(d.undo, d.b)
	d.b = d.redo[len(d.redo)-1]
	d.redo = d.redo[:len(d.redo)-1]
	d.changed()
	return true
}

// save writes the current state off the UI goroutine; a save overtaken by
// a newer one is skipped.
func (d *draft) save() {
	d.due.saving()
	if d.stopped || d.isSaved() {
		return
	}
	snap, version := cloneBriefing(d.b), d.version
	d.status("Saving…")
	background(func() {
		err := d.write(snap, version)
		d.ui.do(func() { d.saveDone(err) })
	})
}

// saveDone reports a save. A failure is shown once, not at every retry,
// and retried until it succeeds; the edits stay in memory meanwhile.
func (d *draft) saveDone(err error) {
	if d.stopped {
		return
	}
	switch {
	case err != nil:
		d.status("Not saved — retrying")
		if !d.failing {
			d.failing = true
			d.ui.showError(userError{"Your latest changes are not saved yet: " + domain.ErrorMessage(err) +
				"\n\nThey are kept here, and Attaché tries again every few seconds."})
		}
		d.schedule(retryDelay)
	case d.isSaved():
		d.failing = false
		d.status("Saved")
		d.ui.libraryChanged(changedBriefings) // the briefings list shows its title and counts
	}
}

// write saves b unless a newer version is already saved; the lock keeps
// an older save from landing after a newer one.
func (d *draft) write(b *domain.Briefing, version int) error {
	d.saveMu.Lock()
	defer d.saveMu.Unlock()
	if int64(version) <= d.saved.Load() {
		return nil
	}
	// Not cancelled by a quit signal: this is the analyst's work.
	if err := d.ui.lib.SaveBriefing(context.WithoutCancel(d.ui.ctx), b); err != nil {
		return err
	}
	d.saved.Store(int64(version))
	return nil
}

func (d *draft) isSaved() bool { return d.saved.Load() == int64(d.version) }

// flush saves at once, waiting, so switching briefing loses nothing; a
// failure is shown and the edits stay in memory to be retried.
func (d *draft) flush() {
	if err := d.tryFlush(); err != nil {
		d.saveDone(err)
	}
}

// tryFlush saves at once, waiting, and returns what went wrong.
func (d *draft) tryFlush() error {
	if d == nil || d.stopped || d.isSaved() {
		return nil
	}
	d.stopTimer()
	err := d.write(cloneBriefing(d.b), d.version)
	if err != nil {
		d.schedule(retryDelay) // still retried if the window stays open
	}
	return err
}

// stop ends the draft's saving, before its library is closed.
func (d *draft) stop() {
	d.stopped = true
	d.stopTimer()
}

// schedule (re)starts the save timer.
func (d *draft) schedule(after time.Duration) {
	d.timerMu.Lock()
	defer d.timerMu.Unlock()
	if d.timer != nil {
		d.timer.Stop()
	}
	d.timer = time.AfterFunc(after, func() { fyne.Do(d.save) })
}

func (d *draft) stopTimer() {
	d.timerMu.Lock()
	defer d.timerMu.Unlock()
	if d.timer != nil {
		d.timer.Stop()
	}
}

func (d *draft) status(s string) {
	if d.onStatus != nil {
		d.onStatus(s)
	}
}
