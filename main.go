// Command attache is Attaché, a desktop briefing builder for policy analysts.
// With no command it opens the desktop app; `attache --help` lists the
// library commands.
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"

	"github.com/attache/attache/cli"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	env := cli.OSEnv()
	// The desktop app (package app) is wired in here once it exists; until
	// then `attache` with no command says so and exits with status 2.
	code := cli.Run(ctx, env, os.Args[1:])
	stop()
	os.Exit(code)
}
