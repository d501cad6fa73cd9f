package app

import (
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2"
)

// Fyne's test driver runs fyne.Do on the caller's goroutine: a timer's or
// a goroutine's hand-over to the UI (an autosave, a notice hiding, the
// follower's reload) would touch widgets while the test does, a race the
// race detector reports though no real run has it. Tests therefore keep
// one UI goroutine as a real run does: the test's own (registered by
// New) runs UI work at once; other goroutines' work waits in uiQueue until
// the test's goroutine runs it, in pumpUI (eventually calls it while it
// waits).
var uiQueue struct {
	sync.Mutex
	work []func()
}

// postForTest is uiPost in tests.
func postForTest(f func()) {
	if isUIGoroutine() {
		f()
		return
	}
	uiQueue.Lock()
	uiQueue.work = append(uiQueue.work, f)
	uiQueue.Unlock()
}

// pumpUI runs the UI work other goroutines have handed over, on the
// caller's goroutine, until none is left.
func pumpUI() {
	for {
		uiQueue.Lock()
		work := uiQueue.work
		uiQueue.work = nil
		uiQueue.Unlock()
		if len(work) == 0 {
			return
		}
		for _, f := range work {
			f()
		}
	}
}

// dropUIWork forgets work handed over for an earlier test's window.
func dropUIWork(t *testing.T) {
	uiQueue.Lock()
	uiQueue.work = nil
	uiQueue.Unlock()
	t.Cleanup(func() {
		uiQueue.Lock()
		uiQueue.work = nil
		uiQueue.Unlock()
	})
}

// sleepUI waits d while the test's goroutine runs the UI work handed over
// meanwhile, as the event loop would: a test that only slept would see
// no autosave, retry or notice in the meantime.
func sleepUI(d time.Duration) {
	end := time.Now().Add(d)
	for {
		fyne.DoAndWait(pumpUI)
		left := time.Until(end)
		if left <= 0 {
			return
		}
		time.Sleep(min(left, 10*time.Millisecond))
	}
}
