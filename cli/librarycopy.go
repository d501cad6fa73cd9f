package cli

import (
	"context"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"github.com/attache/attache/domain"
	"github.com/attache/attache/store"
	"github.com/spf13/cobra"
)

// libraryCopyCommand is `attache library copy`: a whole library into a
// new file or an empty team library, or back, as one transaction.
func (a *cliApp) libraryCopyCommand() *cobra.Command {
	var from, to string
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "copy --from FILE|URL --to FILE|URL",
		Short: "Copy a whole library into a new file or an empty team library (postgres://…), or back",
		Long: `Copy a whole library, trash, versions and settings included, into a new
library file or an empty database on a PostgreSQL server, or from a team
library into a file. Numbers, quotes' spans, times and revisions stay as
they are; the copy gets its own identity (and backups) and its own search
index. The copy is made in one transaction: stopped with Ctrl+C or failed,
the target is left as it was, and a file the copy created is removed.`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return a.copyLibrary(cmd.Context(), from, to, asJSON)
		},
	}
	cmd.Flags().StringVar(&from, "from", "", "the library to copy: a library file, or postgres://USER@HOST/DATABASE")
	cmd.Flags().StringVar(&to, "to", "", "where to copy it: a new file, or an empty database postgres://USER@HOST/DATABASE")
	addJSONFlag(cmd, &asJSON)
	return cmd
}

// jsonLibraryCopy is `library copy --json`: rows copied, trash included.
type jsonLibraryCopy struct {
	From      string         `json:"from"`
	To        string         `json:"to"`
	Sources   int            `json:"sources"`
	Excerpts  int            `json:"excerpts"`
	Briefings int            `json:"briefings"`
	Versions  int            `json:"versions"`
	Rows      int            `json:"rows"`
	Tables    map[string]int `json:"tables"`
	Indexed   int            `json:"indexed"` // entries of the search index built
	Seconds   float64        `json:"seconds"`
	Notes     []string       `json:"notes"` // what could not be carried exactly; [] when none
}

func (a *cliApp) copyLibrary(ctx context.Context, from, to string, asJSON bool) error {
	if from == "" || to == "" {
		return usagef("give the library to copy with --from and where to copy it with --to (each a library file or a postgres:// address)")
	}
	if sameLibraryPlace(from, to) {
		return domain.Errorf(domain.EINVALID, "--from and --to both name %s: give a new file, or an empty database, as --to", from)
	}
	src, err := store.OpenExisting(ctx, from)
	if err != nil {
		return err
	}
	defer src.Close()
	made := newFileMark(to)
	dst, err := store.Open(ctx, to)
	if err != nil {
		return made.undo(err)
	}
	made.shown = dst.Path()
	start := time.Now()
	sum, err := store.CopyLibrary(ctx, src, dst, newCopyProgress(a.env.Stderr).report)
	if err != nil {
		dst.Close()
		return made.undo(err)
	}
	if err := dst.Close(); err != nil {
		return err
	}
	return a.reportCopy(sum, time.Since(start), asJSON)
}

// reportCopy writes what was copied: a line, or the counts as JSON; and
// what could not be carried exactly, on stderr.
func (a *cliApp) reportCopy(sum *store.CopySummary, took time.Duration, asJSON bool) error {
	for _, n := range sum.Notes {
		printf(a.env.Stderr, "note: %s\n", n)
	}
	if asJSON {
		return writeJSON(a.env.Stdout, jsonLibraryCopy{From: sum.From, To: sum.To, Sources: sum.Sources, Excerpts: sum.Excerpts,
			Briefings: sum.Briefings, Versions: sum.Versions, Rows: sum.Rows, Tables: sum.Tables, Indexed: sum.Indexed,
			Seconds: took.Seconds(), Notes: append([]string{}, sum.Notes...)})
	}
	printf(a.env.Stdout, "Copied %s, %s, %s (%s) from %s to %s in %.1f s\n", countOf(sum.Sources, "source"),
		countOf(sum.Excerpts, "excerpt"), countOf(sum.Briefings, "briefing"), countOf(sum.Versions, "version"),
		sum.From, sum.To, took.Seconds())
	return nil
}

// countOf is "1 source", "1,000 sources".
func countOf(n int, word string) string {
	if n != 1 {
		word += "s"
	}
	return domain.Thousands(n) + " " + word
}

// sameLibraryPlace tells whether from and to name one library: the same
// words, or two paths to one file. (CopyLibrary also refuses two open
// libraries that are one.)
func sameLibraryPlace(from, to string) bool {
	if from == to {
		return true
	}
	if store.IsServer(from) || store.IsServer(to) {
		return false
	}
	a, errA := os.Stat(from)
	b, errB := os.Stat(to)
	return errA == nil && errB == nil && os.SameFile(a, b)
}

// fileMark remembers what opening a library file target will create (the
// file, the folders above it), so a copy that fails or is stopped leaves
// nothing behind: an empty library where none was asked for would be
// taken for the copy.
type fileMark struct {
	file  string   // "" when the target existed, or is on a server
	dirs  []string // folders to be made, deepest first
	shown string   // the file as messages name it (see Store.Path)
}

func newFileMark(to string) *fileMark {
	m := &fileMark{}
	if store.IsServer(to) {
		return m
	}
	if _, err := os.Lstat(to); !errors.Is(err, fs.ErrNotExist) {
		return m
	}
	m.file = to
	m.shown, _ = filepath.Abs(to)
	for dir := filepath.Dir(to); ; dir = filepath.Dir(dir) {
		if _, err := os.Lstat(dir); !errors.Is(err, fs.ErrNotExist) || dir == filepath.Dir(dir) {
			break
		}
		m.dirs = append(m.dirs, dir)
	}
	return m
}

// undo removes what was made, and says so after err.
func (m *fileMark) undo(err error) error {
	if m.file == "" {
		return err
	}
	for _, suffix := range []string{"", "-wal", "-shm", "-journal"} {
		_ = os.Remove(m.file + suffix)
	}
	for _, dir := range m.dirs {
		_ = os.Remove(dir) // only if empty: a folder someone filled meanwhile stays
	}
	return domain.Errorf(domain.ErrorCode(err), "%s (%s, which the copy had made, was removed)", domain.ErrorMessage(err), m.shown)
}

// copyProgress writes CopyLibrary's progress to stderr: the first report
// at once, then no more than four lines a second.
type copyProgress struct {
	w    io.Writer
	last time.Time
}

func newCopyProgress(w io.Writer) *copyProgress { return &copyProgress{w: w} }

func (p *copyProgress) report(step string, done, total int) {
	if now := time.Now(); now.Sub(p.last) >= 250*time.Millisecond {
		p.last = now
		printf(p.w, "%s: %s of %s\n", step, domain.Thousands(done), domain.Thousands(total))
	}
}
