package app

import (
	"sync"
	"sync/atomic"
	"time"

	"github.com/attache/attache/domain"
)

// draft is the briefing being edited with its undo history and autosave.
// Every change goes through edit, so undo, redo and saving see them all.
type draft struct {
	ui      *UI
	b       *domain.Briefing
	undo    []*domain.Briefing
	redo    []*domain.Briefing
	version int          // bumped by every change (UI goroutine only)
	saved   atomic.Int64 // the version the library holds; written by savers
	timerMu sync.Mutex   // timer is also reached by the final save at exit, after the UI loop
	timer   *time.Timer
	lastKey string     // the field the last edit typed into
	lastAt  time.Time  // when; typing in one field is one undo step
	saveMu  sync.Mutex // saves (and flushes) run one at a time; older ones are skipped
	failing bool       // the last save failed; told once, retried quietly

	// Following the library (see draftsync.go).
	base     *domain.Briefing           // the library's copy d.b was edited from (UI goroutine)
	temp     int64                      // the last temporary number given to a new block (UI goroutine)
	ids      map[int64]int64            // temporary block numbers → stored ones (under saveMu)
	seq      int                        // saves written (under saveMu)
	last     *saveResult                // the newest save written, landed or not (under saveMu)
	landed   int                        // the newest save the draft has taken in (UI goroutine)
	saving   bool                       // a background save is under way (UI goroutine)
	again    bool                       // and another is wanted after it (UI goroutine)
	onMerged func(old *domain.Briefing) // changes made elsewhere came in: show them
	stopped  bool                       // its library was closed: no more saves (UI goroutine only)
	due      saveDue                    // when the next autosave runs (UI goroutine only)
	held     *clash                     // a refused save waits for the analyst's choice (UI goroutine)
	final    atomic.Bool                // the last save at quit: a clash keeps both (draftclash.go)
	onStatus func(string)
}

// retryDelay is how long a failed autosave waits before trying again (a
// full disk, a library busy in another program).
var retryDelay = 5 * time.Second

const maxUndo = 200

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
		d.undo = append(d.undo, d.b.Clone())
		if len(d.undo) > maxUndo {
			d.undo = d.undo[1:]
		}
	}
	d.lastKey, d.lastAt = key, now
	d.redo = nil
	fn(d.b)
	d.numberNewBlocks()
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
	d.timer = time.AfterFunc(after, func() { uiDo(d.save) })
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
