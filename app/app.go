package app

import (
	"context"
	"fmt"
	"io"
	"os"
	"sync"
	"sync/atomic"
	"time"

	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"

	"github.com/attache/attache/assets"
	"github.com/attache/attache/domain"
)

// AppID identifies Attaché to the desktop (preferences, storage).
const AppID = "org.attache.app"

// Library is what the desktop app needs of the library; store.Store is one.
type Library interface {
	domain.SourceService
	domain.ExcerptService
	domain.BriefingService
	domain.SearchService
	ImportBundle(ctx context.Context, b *domain.Bundle) (*domain.Briefing, error)
	Bundle(ctx context.Context, briefingID int64) (*domain.Bundle, error)
	CreateSnapshot(ctx context.Context, briefingID int64, label string) (*domain.Snapshot, error)
	Snapshots(ctx context.Context, briefingID int64) ([]*domain.Snapshot, error)
	Snapshot(ctx context.Context, id int64) (*domain.Snapshot, error)
	RestoreSnapshot(ctx context.Context, briefingID, snapshotID int64) (int, error)
	EmptyTrash(ctx context.Context) (int, error)
	Path() string
	// ReadOnly tells whether the library's file or folder cannot be written.
	ReadOnly() bool
	// Check reads every page for damage (quick_check); slow on a big library.
	Check(ctx context.Context) error
	// ChangedElsewhere reports whether another program wrote to the
	// library since the last call.
	ChangedElsewhere(ctx context.Context) (bool, error)
}

// Opener is how the app reaches its library; main wires it to the store,
// so the app can recover from a damaged library without importing it.
type Opener struct {
	Open         func(ctx context.Context) (lib Library, closeLib func(), err error)
	Damaged      func(err error) bool
	NewestBackup func() string
	Restore      func(backup string) (kept string, err error)
}

// Run opens the library and the main window and returns when it is closed.
// A damaged library with a backup gets a window offering to restore it.
func Run(ctx context.Context, op Opener) error {
	a := fyneapp.NewWithID(AppID)
	a.SetIcon(fyne.NewStaticResource("icon.png", assets.Icon))
	startProbe(a)
	var ui *UI
	closeLib := func() {}
	var finished atomic.Bool
	var saveOnce sync.Once
	// The last save runs once, whether the event loop ends or the watchdog
	// steps in; the loser waits for it.
	lastSave := func() {
		saveOnce.Do(func() {
			if ui != nil {
				ui.flushOrRescue(os.Stderr)
				// Only the window's size, place and last view: a failure
				// costs the analyst nothing to redo, and is not worth a
				// message naming their configuration folder.
				_ = ui.saveSession()
			}
			closeLib()
		})
	}
	quitting := func() { armQuitWatchdog(quitGrace, &finished, lastSave, os.Stderr, os.Exit) }
	// SIGTERM or Ctrl+C in the terminal cancel ctx: quit as if the window
	// were closed, so the library is closed cleanly.
	go func() {
		<-ctx.Done()
		quitting()
		fyne.Do(func() {
			if ui != nil {
				ui.rememberWindow()
			}
			a.Quit()
		})
	}()
	start := func(lib Library, closeFn func()) {
		ui, closeLib = New(ctx, a, lib), onlyOnce(closeFn)
		ui.onQuit = quitting
		ui.win.SetMaster()
		ui.win.Show()
		ui.checkLibrary(op, func(restored *UI, closeFn func()) {
			ui, closeLib = restored, onlyOnce(closeFn)
			ui.onQuit = quitting
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
		return err
	}
	watchDisplay(lastSave)
	a.Run()
	finished.Store(true)
	lastSave()
	return nil
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
