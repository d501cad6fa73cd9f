package app

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime"
	"strconv"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"

	"github.com/attache/attache/assets"
	"github.com/attache/attache/domain"
	"github.com/attache/attache/internal/logx"
)

// AppID identifies Attaché to the desktop (preferences, storage).
const AppID = "org.attache.app"

// Library is what the desktop app needs of the library: the store
// contract (domain.Library), which store.Store and any other store
// implement, and what only the desktop shows.
type Library interface {
	domain.Library
	// ReadingCopy tells when the private copy being read was taken, for a
	// library whose own file could not be opened even read-only; ok is
	// false otherwise (and always, for a store that never copies). The
	// read-only banner says the window shows that moment.
	ReadingCopy() (taken time.Time, ok bool)
}

// Opener is how the app reaches its library; main wires it to the store,
// so the app can recover from a damaged library without importing it.
type Opener struct {
	Open         func(ctx context.Context) (lib Library, closeLib func(), err error)
	Damaged      func(err error) bool
	NewestBackup func() string
	Restore      func(backup string) (kept string, err error)
	// UserRefused, when set, says why the name given for the analyst's
	// changes (--user, ATTACHE_USER, Settings) was not taken: the window
	// says so once it is up; the library keeps the account's name.
	UserRefused error
}

// Run opens the library and the main window and returns when it is closed.
// A damaged library with a backup gets a window offering to restore it.
func Run(ctx context.Context, op Opener) error {
	a := fyneapp.NewWithID(AppID)
	a.SetIcon(fyne.NewStaticResource("icon.png", assets.Icon))
	dropToolkitStopHook(a)
	startProbe(a)
	var cur current
	var finished atomic.Bool
	var saveOnce sync.Once
	// The last save runs once, whether the event loop ends or the watchdog
	// steps in; the loser waits for it.
	lastSave := func() {
		saveOnce.Do(func() {
			ui, closeLib := cur.get()
			if ui != nil {
				ui.flushOrRescue(os.Stderr)
				// Only the window's size, place and last view: a failure
				// costs the analyst nothing to redo, and is not worth a
				// message naming their configuration folder.
				_ = ui.saveSession()
				if err := ui.saveSettings(); err != nil {
					logx.Printf(os.Stderr, "your settings were not saved: %s", domain.ErrorMessage(err))
				}
			}
			closeLib()
		})
	}
	quitting := func() { armQuitWatchdog(quitGrace, &finished, lastSave, os.Stderr, os.Exit) }
	ctx, stopSignals := withToolkitSignals(ctx)
	defer stopSignals()
	// SIGTERM or Ctrl+C in the terminal cancel ctx: quit as if the window
	// were closed, so the library is closed cleanly.
	loopDone := make(chan struct{})
	quitOnCancel(ctx, loopDone, quitting, func() {
		if ui, _ := cur.get(); ui != nil {
			ui.rememberWindow()
		}
		a.Quit()
	})
	start := func(lib Library, closeFn func()) {
		ui, closeLib := New(ctx, a, lib), onlyOnce(closeFn)
		ui.onQuit = quitting
		cur.set(ui, closeLib)
		ui.win.SetMaster()
		ui.win.Show()
		ui.sayUserRefused(op.UserRefused)
		ui.checkLibrary(op, func(restored *UI, closeFn func()) {
			restored.onQuit = quitting
			cur.set(restored, onlyOnce(closeFn))
		}, closeLib)
	}
	lib, closeFn, err := op.Open(ctx)
	backup := ""
	if err != nil && op.Damaged(err) {
		backup = op.NewestBackup()
	}
	switch {
	case err == nil:
		start(lib, closeFn)
	case backup != "":
		showRecovery(ctx, a, op, backup, err, start)
	default:
		// Started from a desktop menu nobody sees stderr: say it in a window.
		showStartupError(a, err)
		a.Run()
		close(loopDone)
		return err
	}
	watchDisplay(lastSave)
	a.Run()
	close(loopDone)
	finished.Store(true)
	lastSave()
	return nil
}

// current is the window and how to close its library, set on the event
// loop (at start, after a restored backup) and read by the last save,
// which the quit watchdog may run from its own goroutine.
type current struct {
	mu       sync.Mutex
	ui       *UI
	closeLib func()
}

func (c *current) set(ui *UI, closeLib func()) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.ui, c.closeLib = ui, closeLib
}

// get is the window (nil before one is built) and its library's close.
func (c *current) get() (*UI, func()) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.closeLib == nil {
		return c.ui, func() {}
	}
	return c.ui, c.closeLib
}

// withToolkitSignals adds SIGINT and SIGTERM to what cancels ctx. Fyne's
// driver quits on them whatever the process was started with: its
// signal.Notify undoes an ignored SIGINT (`trap "" INT` in a shell, a
// background job of a script). Its quit skips the window's close (the window's place
// noted, the watchdog armed), so the app takes them too and quits its own
// way; the first quit wins, the second does nothing.
func withToolkitSignals(ctx context.Context) (context.Context, context.CancelFunc) {
	return signal.NotifyContext(ctx, os.Interrupt, syscall.SIGTERM)
}

// quitOnCancel arms the watchdog and runs quit on the event loop once ctx
// is cancelled, unless the loop has ended first (loopDone). ctx is also
// cancelled as main returns, and a signal can come as the toolkit's own
// quit ends the loop: Fyne then runs a queued function at once, on the
// caller's goroutine, and a.Quit there panics in GLFW (exit status 2, the
// last save never reached). So quit runs only on the loop's goroutine.
func quitOnCancel(ctx context.Context, loopDone <-chan struct{}, quitting, quit func()) {
	loop := goroutineID()
	go func() {
		select {
		case <-ctx.Done():
		case <-loopDone:
			return
		}
		quitting()
		fyne.Do(func() {
			if goroutineID() == loop {
				quit()
			}
		})
	}()
}

// goroutineID is the running goroutine's number, from the first line of
// its stack ("goroutine 1 [running]:"). Go has no other way to tell
// whether Fyne ran a function on its event loop or, the loop gone, on the
// goroutine that asked.
func goroutineID() uint64 {
	var buf [64]byte
	line := buf[:runtime.Stack(buf[:], false)]
	line, _ = bytes.CutPrefix(line, []byte("goroutine "))
	if i := bytes.IndexByte(line, ' '); i >= 0 {
		line = line[:i]
	}
	id, _ := strconv.ParseUint(string(line), 10, 64)
	return id
}

// onlyOnce makes closing a library safe to ask for twice.
func onlyOnce(f func()) func() {
	var once sync.Once
	return func() { once.Do(f) }
}

// quitGrace is how long quitting may take before the watchdog steps in.
var quitGrace = 10 * time.Second

// armQuitWatchdog guards against Fyne 2.7 hanging on its way out, which
// happens (seen under Xvfb) when a window event is queued after its main
// loop has ended: the event waits for the loop, the loop's end waits for
// the event. If the event loop has not finished within grace of the quit,
// what is unsaved is saved (nothing else runs by then) and the process
// exits.
func armQuitWatchdog(grace time.Duration, finished *atomic.Bool, save func(), stderr io.Writer, exit func(int)) {
	time.AfterFunc(grace, func() {
		if finished.Load() {
			return
		}
		fmt.Fprintln(stderr, "attache: the window system did not let Attaché finish quitting: saving and exiting")
		save()
		exit(0)
	})
}
