package app

import (
	"context"
	"testing"
	"time"

	"fyne.io/fyne/v2"
)

func TestSaveDueBoundsTheWaitDuringABurst(t *testing.T) {
	setAutosave(t, 800*time.Millisecond)
	old := maxSaveWait
	maxSaveWait = time.Second
	t.Cleanup(func() { maxSaveWait = old })
	var s saveDue
	t0 := time.Unix(1000, 0)
	if got := s.changed(t0); got != autosaveDelay {
		t.Fatalf("first change waits %v, want the pause %v", got, autosaveDelay)
	}
	// Keys keep coming: the wait shrinks so the save runs maxSaveWait
	// after the first one, not after the burst.
	if got := s.changed(t0.Add(500 * time.Millisecond)); got != maxSaveWait-500*time.Millisecond {
		t.Fatalf("mid-burst wait %v", got)
	}
	if got := s.changed(t0.Add(3 * time.Second)); got != 0 {
		t.Fatalf("overdue wait %v, want 0", got)
	}
	s.saving()
	if got := s.changed(t0.Add(4 * time.Second)); got != autosaveDelay {
		t.Fatalf("after a save the next change waits %v", got)
	}
}

// A burst of typing that never pauses long enough for the pause timer
// still reaches the library while it goes on.
func TestComposerSavesDuringContinuousTyping(t *testing.T) {
	setAutosave(t, 300*time.Millisecond)
	old := maxSaveWait
	maxSaveWait = 400 * time.Millisecond
	t.Cleanup(func() { maxSaveWait = old })
	u, lib := openSampleBriefing(t)
	c := u.briefings.composer
	eventually(t, "the composer", func() bool { return c.d != nil })
	id := c.d.b.ID
	stop := time.Now().Add(2 * time.Second)
	typed := "Burst"
	for time.Now().Before(stop) {
		typed += "x"
		fyne.DoAndWait(func() { c.title.SetText(typed) })
		sleepUI(50 * time.Millisecond) // a key every 50 ms: never a 300 ms pause
		b, err := lib.Briefing(context.Background(), id)
		if err != nil {
			t.Fatal(err)
		}
		if len(b.Title) > len("Burst") && b.Title[:5] == "Burst" {
			return // saved mid-burst
		}
	}
	t.Fatal("nothing typed in a 2 s burst reached the library while typing went on")
}
