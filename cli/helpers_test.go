package cli_test

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/attache/attache/cli"
	"github.com/attache/attache/store"
)

// Test fixtures in testdata (invented text).
const (
	chipsFile = "testdata/chips.txt"
	fiveGFile = "testdata/fiveg.txt"
	aiFile    = "testdata/ai-norms.md"
)

// isolate points HOME and the XDG directories at temporary folders, for the
// tests that run without --db, so that nothing they do can reach the real
// user's library or settings (os.UserHomeDir is the one place the command
// line reads the process environment rather than Env.Getenv). Tests that
// call it cannot run in parallel.
func isolate(t *testing.T) {
	t.Helper()
	for _, k := range []string{"HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_DATA_HOME"} {
		t.Setenv(k, t.TempDir())
	}
	t.Setenv("ATTACHE_DB", "")
}

// newDB returns the path of a fresh library in the test's temp dir. Every
// command the tests run passes it with --db and an empty Env.Getenv, so
// these tests never touch the process environment and run in parallel.
func newDB(t *testing.T) string {
	t.Helper()
	return filepath.Join(t.TempDir(), "library.db")
}

// emptyLibrary returns the path of a new library with nothing in it.
func emptyLibrary(t *testing.T) string {
	t.Helper()
	db := newDB(t)
	s, err := store.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	return db
}

// exec runs the command line with env; Getenv defaults to an empty
// environment and Stdin to nothing.
func exec(t *testing.T, env *cli.Env, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errb bytes.Buffer
	env.Stdout, env.Stderr = &out, &errb
	if env.Stdin == nil {
		env.Stdin = strings.NewReader("")
	}
	if env.Getenv == nil {
		env.Getenv = func(string) string { return "" }
	}
	code = cli.Run(context.Background(), env, args)
	return out.String(), errb.String(), code
}

// run runs `attache --db db args...`.
func run(t *testing.T, db string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	return exec(t, &cli.Env{}, append([]string{"--db", db}, args...)...)
}

// runStdin is run with standard input.
func runStdin(t *testing.T, db, stdin string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	return exec(t, &cli.Env{Stdin: strings.NewReader(stdin)}, append([]string{"--db", db}, args...)...)
}

// mustRun runs a command that must succeed and returns its stdout.
func mustRun(t *testing.T, db string, args ...string) string {
	t.Helper()
	out, errOut, code := run(t, db, args...)
	if code != cli.ExitOK {
		t.Fatalf("attache %s: exit %d\nstdout: %s\nstderr: %s", strings.Join(args, " "), code, out, errOut)
	}
	return out
}

// runJSON runs a command that must succeed with --json and decodes its
// output into v.
func runJSON(t *testing.T, db string, v any, args ...string) {
	t.Helper()
	out := mustRun(t, db, append(args, "--json")...)
	decode(t, out, v)
}

func decode(t *testing.T, out string, v any) {
	t.Helper()
	if err := json.Unmarshal([]byte(out), v); err != nil {
		t.Fatalf("output is not the JSON expected (%v):\n%s", err, out)
	}
}

// wantExit checks the exit status and that stderr says something (or not).
func wantExit(t *testing.T, code, want int, stderr string) {
	t.Helper()
	if code != want {
		t.Fatalf("exit %d, want %d; stderr: %s", code, want, stderr)
	}
	if want != cli.ExitOK && strings.TrimSpace(stderr) == "" {
		t.Fatalf("exit %d with nothing on stderr", code)
	}
}

// fails runs `attache --db db args...`, which must exit with want (an error
// status, so stderr must say something), and returns its stderr.
func fails(t *testing.T, db string, want int, args ...string) string {
	t.Helper()
	_, errOut, code := run(t, db, args...)
	wantExit(t, code, want, errOut)
	return errOut
}

func wantContains(t *testing.T, s string, subs ...string) {
	t.Helper()
	for _, sub := range subs {
		if !strings.Contains(s, sub) {
			t.Errorf("missing %q in:\n%s", sub, s)
		}
	}
}

// JSON shapes of the command output, with only the fields the tests read.
type source struct {
	ID           int64    `json:"id"`
	Kind         string   `json:"kind"`
	Title        string   `json:"title"`
	Subtitle     string   `json:"subtitle"`
	Section      string   `json:"section"`
	Authors      []string `json:"authors"`
	Publisher    string   `json:"publisher"`
	Published    string   `json:"published"`
	URL          string   `json:"url"`
	SHA256       string   `json:"sha256"`
	FileName     string   `json:"file_name"`
	Reliability  string   `json:"reliability"`
	Notes        string   `json:"notes"`
	ExcerptCount int      `json:"excerpt_count"`
	Text         *string  `json:"text"`
}

type importReport struct {
	Format              string    `json:"format"`
	Encoding            string    `json:"encoding"`
	Detected            []finding `json:"detected"`
	DuplicatesCollapsed int       `json:"duplicates_collapsed"`
	Warnings            []string  `json:"warnings"`
}

// finding is one thing an import detected: a field, its value and where
// it came from.
type finding struct {
	Field string `json:"field"`
	Value string `json:"value"`
	From  string `json:"from"`
}

type imported struct {
	File string `json:"file"`
	source
	Existing *bool         `json:"existing"`
	Report   *importReport `json:"report"`
	Error    string        `json:"error"`
}

type excerpt struct {
	ID          int64    `json:"id"`
	Source      int64    `json:"source"`
	Start       int      `json:"start"`
	End         int      `json:"end"`
	Quote       string   `json:"quote"`
	Note        string   `json:"note"`
	Tags        []string `json:"tags"`
	Credibility int      `json:"credibility"`
	Marking     string   `json:"marking"`
}

type block struct {
	ID         int64  `json:"id"`
	Type       string `json:"type"`
	Text       string `json:"text"`
	Excerpt    int64  `json:"excerpt"`
	Source     int64  `json:"source"`
	Quote      string `json:"quote"`
	Confidence string `json:"confidence"`
	Marking    string `json:"marking"`
}

type briefing struct {
	ID             int64  `json:"id"`
	Title          string `json:"title"`
	Subtitle       string `json:"subtitle"`
	Author         string `json:"author"`
	Audience       string `json:"audience"`
	Date           string `json:"date"`
	Scheme         string `json:"scheme"`
	Classification string `json:"classification"`
	// ClassificationBanner is the overall marking as the banner shows it.
	ClassificationBanner string  `json:"classification_banner"`
	Status               string  `json:"status"`
	Summary              string  `json:"summary"`
	Blocks               []block `json:"blocks"`
	TrashedAt            *string `json:"trashed_at"`
}

type briefingSummary struct {
	ID        int64   `json:"id"`
	Title     string  `json:"title"`
	Status    string  `json:"status"`
	Blocks    int     `json:"blocks"`
	TrashedAt *string `json:"trashed_at"`
}

type hit struct {
	Kind    string `json:"kind"`
	ID      int64  `json:"id"`
	Title   string `json:"title"`
	Snippet string `json:"snippet"`
}

// importOne imports one file and returns its result.
func importOne(t *testing.T, db, file string, extra ...string) imported {
	t.Helper()
	var res []imported
	runJSON(t, db, &res, append([]string{"import", file}, extra...)...)
	if len(res) != 1 || res[0].ID == 0 {
		t.Fatalf("import %s: %+v", file, res)
	}
	return res[0]
}

func showSource(t *testing.T, db string, id int64) source {
	t.Helper()
	var s source
	runJSON(t, db, &s, "source", "show", itoa(id))
	return s
}

func addExcerpt(t *testing.T, db string, src int64, quote string, extra ...string) excerpt {
	t.Helper()
	var e excerpt
	runJSON(t, db, &e, append([]string{"excerpt", "add", "--source", itoa(src), "--quote", quote}, extra...)...)
	return e
}

func newBriefing(t *testing.T, db, title string, extra ...string) int64 {
	t.Helper()
	var b briefing
	runJSON(t, db, &b, append([]string{"briefing", "new", "--title", title}, extra...)...)
	if b.ID == 0 {
		t.Fatalf("briefing new gave no id")
	}
	return b.ID
}

func showBriefing(t *testing.T, db string, id int64) briefing {
	t.Helper()
	var b briefing
	runJSON(t, db, &b, "briefing", "show", itoa(id))
	return b
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

// readFile returns the content of path, failing the test if it cannot.
func readFile(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// writeFile writes a file in dir and returns its path.
func writeFile(t *testing.T, dir, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}
