// Command attache is Attaché, a desktop briefing builder for policy analysts.
// With no command it opens the desktop app; `attache --help` lists the
// library commands.
package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/signal"
	"syscall"

	"github.com/attache/attache/app"
	"github.com/attache/attache/cli"
	"github.com/attache/attache/store"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	env := cli.OSEnv()
	env.RunGUI = runGUI
	code := cli.Run(ctx, env, os.Args[1:])
	stop()
	os.Exit(code)
}

// runGUI opens the desktop app on the library, one app per library.
func runGUI(ctx context.Context, path string) error {
	unlock, err := store.Lock(path)
	if err != nil {
		return err
	}
	defer unlock()
	app.Version = cli.Version
	return app.Run(ctx, app.Opener{
		Open: func(ctx context.Context) (app.Library, func(), error) {
			lib, err := store.Open(ctx, path)
			if err != nil {
				return nil, nil, err
			}
			// At most one automatic backup a day, seven kept, off the UI's way.
			go func() {
				if _, err := lib.AutoBackup(ctx); err != nil {
					fmt.Fprintf(os.Stderr, "attache: automatic backup failed: %v\n", err)
				}
			}()
			return lib, func() { lib.Close() }, nil
		},
		Damaged:      func(err error) bool { return errors.Is(err, store.ErrDamaged) },
		NewestBackup: func() string { return store.NewestBackup(path) },
		Restore:      func(backup string) (string, error) { return store.RestoreFile(ctx, backup, path) },
	})
}
