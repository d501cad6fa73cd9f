package app

import (
	"context"
	"sync/atomic"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
)

// A cancel that comes after the event loop has ended (main returning, or a
// signal as the toolkit's own quit ends the loop) must not quit again: Fyne
// would run the quit on the spot and GLFW panic (exit status 2).
func TestNoQuitAfterTheEventLoopEnded(t *testing.T) {
	test.NewTempApp(t)
	ctx, cancel := context.WithCancel(context.Background())
	loopDone := make(chan struct{})
	var armed, quit atomic.Int32
	quitOnCancel(ctx, loopDone, func() { armed.Add(1) }, func() { quit.Add(1) })
	close(loopDone)
	time.Sleep(50 * time.Millisecond)
	cancel()
	time.Sleep(100 * time.Millisecond)
	if armed.Load() != 0 || quit.Load() != 0 {
		t.Fatalf("after the loop ended a cancel armed the watchdog %d times and quit %d times", armed.Load(), quit.Load())
	}
}

// While the loop runs, a cancel arms the watchdog, and the quit runs only
// on the loop's goroutine: never on another (where the test driver, like
// Fyne after its loop, runs fyne.Do's function).
func TestQuitOnCancelOnlyOnTheLoop(t *testing.T) {
	test.NewTempApp(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	armed := make(chan struct{})
	var quit atomic.Int32
	quitOnCancel(ctx, make(chan struct{}), func() { close(armed) }, func() { quit.Add(1) })
	cancel()
	select {
	case <-armed:
	case <-time.After(2 * time.Second):
		t.Fatal("a cancel did not arm the quit watchdog")
	}
	time.Sleep(100 * time.Millisecond)
	if quit.Load() != 0 {
		t.Fatal("the quit ran off the loop's goroutine")
	}
}

func TestGoroutineIDTellsGoroutinesApart(t *testing.T) {
	here := goroutineID()
	if here == 0 || goroutineID() != here {
		t.Fatalf("goroutineID: %d, then %d", here, goroutineID())
	}
	other := make(chan uint64)
	go func() { other <- goroutineID() }()
	if id := <-other; id == here || id == 0 {
		t.Fatalf("another goroutine has id %d, this one %d", id, here)
	}
}
