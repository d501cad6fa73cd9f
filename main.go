// Command attache is Attaché, a desktop briefing builder for policy analysts.
// With no command it opens the desktop app; `attache --help` lists the
// library commands.
package main

import (
	"context"
	"errors"
	"fmt"
	"net"
	"os"
	"os/signal"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

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
// terminal as the user asked. (The desktop app quits on SIGINT and SIGTERM
// even then, cleanly: its window toolkit catches them; see
// app.withToolkitSignals.)
// ignored is signal.Ignored, passed in so tests need not change the
// process's own signal handling (and do not depend on how they were started).
func quitSignals(ignored func(os.Signal) bool) []os.Signal {
	var sigs []os.Signal
	for _, s := range []os.Signal{os.Interrupt, syscall.SIGTERM, syscall.SIGHUP} {
		if !ignored(s) {
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
	sigs := quitSignals(signal.Ignored)
	if len(sigs) == 0 { // signal.Notify with no signals would relay them all
		return context.WithCancel(context.Background())
	}
	return signal.NotifyContext(context.Background(), sigs...)
}

// runGUI opens the desktop app on the library, one app per library. Every
// reason the library cannot be opened, another app holding it included, is
// shown in a window: started from a desktop menu, nobody sees stderr.
func runGUI(ctx context.Context, gui cli.GUI) error {
	path := gui.Library
	// Before anything is opened or created: without a display the window
	// toolkit would panic after the library and settings were made.
	if err := displayError(os.Getenv); err != nil {
		return err
	}
	app.Version = cli.Version
	return app.Run(ctx, app.Opener{
		Open: func(ctx context.Context) (app.Library, func(), error) {
			// Only a library file this user can write needs guarding: a
			// reader of a colleague's library must not keep its owner
			// out, and a team library is open in many windows at once.
			unlock := func() {}
			if !store.IsServer(path) && store.Writable(path) {
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
			// Before anything is written: every change keeps the name.
			// The command line checked it by the store's own rule, so
			// a refusal here is only logged; the account's name stays.
			if err := lib.SetUser(gui.User); err != nil {
				logf("%s", domain.ErrorMessage(err))
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
		UserRefused:  gui.UserRefused,
	})
}

// displayError tells, in one line, why the desktop app can open no window
// here: no X display named (this build of the window toolkit talks to X11,
// which Wayland desktops provide through XWayland), or one that does not
// answer.
func displayError(getenv func(string) string) error {
	advice := "the desktop app needs a desktop session; every library command works without one (see `attache --help`)"
	d := getenv("DISPLAY")
	if d == "" {
		return domain.Errorf(domain.EINVALID, "no display found (DISPLAY is not set): %s", advice)
	}
	if err := dialDisplay(d); err != nil {
		return domain.Errorf(domain.EINVALID, "no display found (the X display %q does not answer): %s", d, advice)
	}
	return nil
}

// dialDisplay connects to the X server DISPLAY names and hangs up: ":N" is
// the local socket (a file, or on Linux an abstract name), "host:N" TCP port
// 6000+N. A form it does not know (a macOS launchd path, say) is taken on
// trust.
func dialDisplay(display string) error {
	i := strings.LastIndex(display, ":")
	if i < 0 || strings.Contains(display[:i], "/") {
		return nil
	}
	host := display[:i]
	num, _, _ := strings.Cut(display[i+1:], ".")
	n, err := strconv.Atoi(num)
	if err != nil || n < 0 {
		return fmt.Errorf("display number %q", num)
	}
	var conn net.Conn
	if host == "" || host == "unix" {
		sock := fmt.Sprintf("/tmp/.X11-unix/X%d", n)
		if conn, err = net.DialTimeout("unix", sock, 2*time.Second); err != nil && runtime.GOOS == "linux" {
			conn, err = net.DialTimeout("unix", "@"+sock, 2*time.Second)
		}
	} else {
		conn, err = net.DialTimeout("tcp", net.JoinHostPort(host, strconv.Itoa(6000+n)), 2*time.Second)
	}
	if err != nil {
		return err
	}
	return conn.Close()
}

// logf writes a message of the desktop app's to standard error, with the
// home folder written as ~ (see logx).
func logf(format string, args ...any) { logx.Printf(os.Stderr, format, args...) }
