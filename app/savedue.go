package app

import "time"

// autosaveDelay is the pause in typing after which an edit is saved.
var autosaveDelay = 800 * time.Millisecond

// maxSaveWait bounds how long an edit may stay unsaved while the analyst
// keeps typing: a pause-only timer restarts on every key, so a crash in
// the middle of a long burst would lose all of it.
var maxSaveWait = 1 * time.Second

// saveDue decides when the next autosave runs: after a pause of
// autosaveDelay, and never later than maxSaveWait after the first change
// that is not yet being saved. Used on the UI goroutine only.
type saveDue struct {
	since time.Time // the first change since the last save started; zero if none
}

// changed records an edit at now and returns how long to wait before saving.
func (s *saveDue) changed(now time.Time) time.Duration {
	if s.since.IsZero() {
		s.since = now
	}
	return max(0, min(autosaveDelay, maxSaveWait-now.Sub(s.since)))
}

// saving records that a save has taken everything typed so far.
func (s *saveDue) saving() { s.since = time.Time{} }
