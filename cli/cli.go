// Package cli is Attaché's command line: every library operation as a
// command, with --json output for scripts. With no command it hands over to
// the desktop app through Env.RunGUI, so this package never imports Fyne.
package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/attache/attache/domain"
	"github.com/attache/attache/export"
	"github.com/attache/attache/internal/settings"
	"github.com/attache/attache/store"
	"github.com/spf13/cobra"
)

// Exit statuses.
const (
	ExitOK    = 0
	ExitError = 1
	ExitUsage = 2
)

// Version is set at build time with -ldflags "-X .../cli.Version=…".
var Version = "0.1.0-dev"

// Env is everything the commands take from the outside world, so tests can
// run them in-process.
type Env struct {
	Stdin          io.Reader
	Stdout, Stderr io.Writer
	Getenv         func(string) string
	// ConfigDir is the user's configuration folder, where the desktop
	// app keeps the settings export takes its defaults from; nil means
	// none (tests), so the defaults are export's own.
	ConfigDir func() (string, error)
	// RunGUI opens the desktop app on the library; nil means the build has
	// no GUI.
	RunGUI func(ctx context.Context, gui GUI) error
}

// GUI is what the desktop app is opened with, resolved as for every
// command, so that the app and the commands follow one rule.
type GUI struct {
	Library string // --db, else ATTACHE_DB, else the library in the XDG data dir
	// User is who the analyst's changes are kept as (settings.User), ""
	// for the computer account's name. UserRefused says why the name
	// given was not taken (too long): the app opens all the same, keeping
	// the account's name, and says so, where a command stops.
	User        string
	UserRefused error
}

// OSEnv is the Env of a real process.
func OSEnv() *Env {
	return &Env{Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr, Getenv: os.Getenv, ConfigDir: os.UserConfigDir}
}

// usageError marks errors in how a command was called (exit status 2).
type usageError struct{ error }

func usagef(format string, args ...any) error { return usageError{fmt.Errorf(format, args...)} }

// Run executes the command line args (without the program name) and returns
// the exit status.
func Run(ctx context.Context, env *Env, args []string) int {
	app := &cliApp{env: env}
	root := app.rootCommand()
	root.SetArgs(args)
	root.SetIn(env.Stdin)
	root.SetOut(env.Stdout)
	root.SetErr(env.Stderr)
	err := root.ExecuteContext(ctx)
	if app.store != nil {
		if cerr := app.store.Close(); err == nil && cerr != nil {
			err = cerr
		}
	}
	return app.report(err)
}

func (a *cliApp) report(err error) int {
	if err == nil {
		return ExitOK
	}
	var ue usageError
	var de *domain.Error
	if errors.As(err, &ue) || (!errors.As(err, &de) && isCobraUsage(err)) {
		printf(a.env.Stderr, "attache: %v\nRun 'attache --help' for usage.\n", err)
		return ExitUsage
	}
	var refusal *export.Refusal
	if errors.As(err, &refusal) {
		printf(a.env.Stderr, "attache: nothing was written: the briefing's markings would be wrong; put each of these right and export again:\n")
		for _, p := range refusal.Problems {
			printf(a.env.Stderr, "  - %s\n", p.Message)
		}
		return ExitError
	}
	var gui guiMissing
	if errors.As(err, &gui) {
		printf(a.env.Stderr, "attache: %v\n", err)
		return ExitUsage
	}
	printf(a.env.Stderr, "attache: %s\n", domain.ErrorMessage(err))
	return ExitError
}

// isCobraUsage recognises the errors cobra itself raises for bad calls.
// Only errors that are not ours get here: ours may quote the user's words.
func isCobraUsage(err error) bool {
	msg := err.Error()
	for _, p := range []string{"unknown command", "unknown flag", "unknown shorthand", "flag needs an argument", "invalid argument", "required flag", "accepts ", "requires at least", "if any flags in the group"} {
		if strings.Contains(msg, p) {
			return true
		}
	}
	return false
}

type guiMissing struct{ error }

// cliApp holds what the commands share: the environment, the --db and
// --user flags and the library, opened on first use.
type cliApp struct {
	env      *Env
	dbFlag   string
	userFlag string
	store    *store.Store
	running  *cobra.Command // the command being run, set before it runs
	// mayCreate lets the running command start a library where there is
	// none, as the commands in makesLibrary do (a command that does so
	// only when called one way sets it).
	mayCreate bool
}

// makesLibrary lists the commands that may start a new library where there
// is none: they add the first thing to it. Every other command, given a
// path with no library (a mistyped --db), says so rather than leave an
// empty library behind.
var makesLibrary = map[string]bool{
	"attache import":          true,
	"attache briefing new":    true,
	"attache briefing import": true,
}

func (a *cliApp) rootCommand() *cobra.Command {
	root := &cobra.Command{
		Use:   "attache",
		Short: "Attaché: build briefings from exact excerpts of your sources",
		Long: `Attaché keeps your sources, the excerpts you cut from them and the briefings
you build from those excerpts in one library file.

With no command, attache opens the desktop app. The library is
$XDG_DATA_HOME/attache/library.db (~/.local/share/attache/library.db);
ATTACHE_DB or --db chooses another.

Every change is kept with who made it: --user, else ATTACHE_USER, else
the name set in the app's Settings, else your computer account's name.`,
		Version:       Version,
		SilenceUsage:  true,
		SilenceErrors: true,
		Args:          noArgs,
		RunE:          a.runGUI,
	}
	root.PersistentPreRun = func(cmd *cobra.Command, _ []string) { a.running = cmd }
	root.PersistentFlags().StringVar(&a.dbFlag, "db", "", "library file (default $ATTACHE_DB, else the XDG data dir)")
	root.PersistentFlags().StringVar(&a.userFlag, "user", "", "your name, kept with your changes (default $ATTACHE_USER, else Settings, else your account's)")
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return usageError{err} })
	root.AddCommand(a.importCommand(), a.sourcesCommand(), a.sourceCommand(),
		a.excerptCommand(), a.excerptsCommand(), a.tagsCommand(), a.searchCommand(),
		a.briefingCommand(), a.trashCommand(), a.exportCommand(), a.templateCommand(), a.libraryCommand(), a.backupCommand(), a.restoreCommand(), a.schemesCommand(),
		a.checkCommand())
	return root
}

// group makes cmd a command that only holds subcommands: called alone or
// with an unknown subcommand it is a usage error, not help on stdout.
func group(cmd *cobra.Command, subs ...*cobra.Command) *cobra.Command {
	cmd.AddCommand(subs...)
	cmd.Args = cobra.ArbitraryArgs
	cmd.RunE = func(c *cobra.Command, args []string) error {
		if len(args) == 0 {
			return usagef("%s needs a subcommand: see 'attache %s --help'", c.CommandPath(), c.Name())
		}
		return usagef("unknown command %q for %q", args[0], c.CommandPath())
	}
	return cmd
}

func noArgs(cmd *cobra.Command, args []string) error {
	if len(args) > 0 {
		return usagef("unknown command %q for %q", args[0], cmd.CommandPath())
	}
	return nil
}

func (a *cliApp) runGUI(cmd *cobra.Command, _ []string) error {
	if a.env.RunGUI == nil {
		return guiMissing{errors.New("this build has no desktop app; use the commands (attache --help)")}
	}
	path, err := a.libraryPath()
	if err != nil {
		return err
	}
	user, refused := a.user()
	return a.env.RunGUI(cmd.Context(), GUI{Library: path, User: user, UserRefused: refused})
}

// user is who the changes are kept as (settings.User), or why the name
// given cannot be.
func (a *cliApp) user() (string, error) {
	return settings.User(a.userFlag, a.env.Getenv, a.savedSettings())
}

// libraryPath resolves --db, then ATTACHE_DB, then the XDG data directory.
func (a *cliApp) libraryPath() (string, error) {
	if a.dbFlag != "" {
		return a.dbFlag, nil
	}
	if p := a.env.Getenv("ATTACHE_DB"); p != "" {
		return p, nil
	}
	return DefaultLibraryPath(a.env.Getenv)
}

// DefaultLibraryPath is the library in the XDG data directory.
func DefaultLibraryPath(getenv func(string) string) (string, error) {
	dir := getenv("XDG_DATA_HOME")
	if dir == "" {
		home := getenv("HOME")
		if home == "" {
			h, err := os.UserHomeDir()
			if err != nil {
				return "", domain.Errorf(domain.EINVALID, "cannot find your home folder: set ATTACHE_DB or pass --db")
			}
			home = h
		}
		dir = filepath.Join(home, ".local", "share")
	}
	return filepath.Join(dir, "attache", "library.db"), nil
}

// lib opens the library on first use.
func (a *cliApp) lib(ctx context.Context) (*store.Store, error) {
	if a.store != nil {
		return a.store, nil
	}
	path, err := a.libraryPath()
	if err != nil {
		return nil, err
	}
	// The name is checked before the library is opened: a command that
	// may start a library leaves none behind for a name it refuses.
	user, err := a.user()
	if err != nil {
		return nil, err
	}
	open := store.OpenExisting
	if a.mayCreate || (a.running != nil && makesLibrary[a.running.CommandPath()]) {
		open = store.Open
	}
	s, err := open(ctx, path)
	if err != nil {
		return nil, err
	}
	if err := s.SetUser(user); err != nil {
		s.Close()
		return nil, err
	}
	a.store = s
	return s, nil
}
