// Command attache is Attaché, a desktop briefing builder for policy analysts.
// With no command it opens the desktop app; `attache --help` lists the
// library commands.
package main

import (
	"context"
	"errors"
	"os"
	"os/signal"
	"sync"
	"syscall"

	"github.com/attache/attache/app"
	"github.com/attache/attache/cli"
	"github.com/attache/attache/domain"
	_ "github.com/attache/attache/internal/clocale" // before Fyne: see the package
	"github.com/attache/attache/internal/logx"
	"github.com/attache/attache/store"
)

func main() {
	ctx, stop := quitContext()
	env := cli.OSEnv()
	env.RunGUI = runGUI
	code := cli.Run(ctx, env, os.Args[1:])
	stop()
	os.Exit(code)
}

// quitSignals are the signals that end Attaché as its window's close button
// does, pending edits saved and the library closed: Ctrl+C (SIGINT), SIGTERM
// (kill, a session or system shutdown) and SIGHUP (the terminal it was
// started from closed, or the user logged out). A signal the process was
// started with ignored stays ignored, so `nohup attache &` outlives the
// terminal as the user asked.
func quitSignals() []os.Signal {
	var sigs []os.Signal
	for _, s := range []os.Signal{os.Interrupt, syscall.SIGTERM, syscall.SIGHUP} {
		if !signal.Ignored(s) {
			sigs = append(sigs, s)
		}
	}
	return sigs
}

// quitContext is cancelled by the first of quitSignals: the desktop app then
// quits, and a library command stops at its next check. Later signals are
// caught too, until main returns, rather than kill the process halfway
// through its last save: a closing terminal often sends SIGHUP twice (the
// kernel to the foreground job, the shell to all its jobs).
func quitContext() (context.Context, context.CancelFunc) {
	sigs := quitSignals()
	if len(sigs) == 0 { // signal.Notify with no signals would relay them all
		return context.WithCancel(context.Background())
	}
	return signal.NotifyContext(context.Background(), sigs...)
}

// runGUI opens the desktop app on the library, one app per library. Every
// reason the library cannot be opened, another app holding it included, is
// shown in a window: started from a desktop menu, nobody sees stderr.
func runGUI(ctx context.Context, path string) error {
	app.Version = cli.Version
	return app.Run(ctx, app.Opener{
		Open: func(ctx context.Context) (app.Library, func(), error) {
			// Only a library this user can write needs guarding: a reader
			// of a colleague's library must not keep its owner out.
			unlock := func() {}
			if store.Writable(path) {
				var err error
				if unlock, err = store.Lock(path); err != nil {
					return nil, nil, err
				}
			}
			lib, err := store.Open(ctx, path)
			if err != nil {
				unlock()
				return nil, nil, err
			}
			bctx, cancel := context.WithCancel(ctx)
			var wg sync.WaitGroup
			wg.Go(func() {
				if _, err := lib.AutoBackup(bctx); err != nil && bctx.Err() == nil {
					logf("automatic backup failed: %s", domain.ErrorMessage(err))
				}
			})
			closeLib := func() {
				cancel()
				wg.Wait()
				lib.Close()
				unlock()
			}
			return lib, closeLib, nil
		},
		Damaged:      func(err error) bool { return errors.Is(err, store.ErrDamaged) },
		NewestBackup: func() string { return store.NewestBackup(path) },
		Restore:      func(backup string) (string, error) { return store.RestoreFile(ctx, backup, path) },
	})
}

// logf writes a message of the desktop app's to standard error, with the
// home folder written as ~ (see logx).
func logf(format string, args ...any) { logx.Printf(os.Stderr, format, args...) }
