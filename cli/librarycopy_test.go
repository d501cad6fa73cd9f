package cli_test

import (
	"bytes"
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/attache/attache/cli"
)

// copyFixture is a library made through the command line: two sources,
// two excerpts (one in the trash), a briefing quoting one, and a version.
func copyFixture(t *testing.T) string {
	t.Helper()
	db := newDB(t)
	chips := importOne(t, db, chipsFile).ID
	importOne(t, db, fiveGFile)
	ex := addExcerpt(t, db, chips, "small yard", "--tag", "policy")
	gone := addExcerpt(t, db, chips, "high fence")
	mustRun(t, db, "excerpt", "delete", itoa(gone.ID))
	id := newBriefing(t, db, "Controls")
	mustRun(t, db, "briefing", "add", itoa(id), "--excerpt", itoa(ex.ID))
	mustRun(t, db, "briefing", "snapshot", itoa(id), "--label", "first")
	return db
}

// The copy reads as the original does, to every command, and says what
// it copied; its progress goes to stderr.
func TestLibraryCopy(t *testing.T) {
	t.Parallel()
	from := copyFixture(t)
	to := filepath.Join(t.TempDir(), "new", "copy.db")
	out, errOut, code := exec(t, &cli.Env{}, "library", "copy", "--from", from, "--to", to)
	wantExit(t, code, cli.ExitOK, errOut)
	wantContains(t, out, "Copied 2 sources, 2 excerpts, 1 briefing (1 version) from "+from+" to "+to+" in ")
	wantContains(t, errOut, "copying briefings: 1 of 1")
	for _, args := range [][]string{{"sources", "--json"}, {"excerpts", "--json"}, {"trash", "--json"}, {"tags", "--json"},
		{"briefing", "show", "1", "--json"}, {"briefing", "history", "1", "--json"}, {"search", "yard", "--json"}} {
		if want, got := mustRun(t, from, args...), mustRun(t, to, args...); want != got {
			t.Errorf("attache %s differs in the copy:\n%s\nwant\n%s", strings.Join(args, " "), got, want)
		}
	}
	var sum struct {
		From      string         `json:"from"`
		To        string         `json:"to"`
		Sources   int            `json:"sources"`
		Excerpts  int            `json:"excerpts"`
		Briefings int            `json:"briefings"`
		Versions  int            `json:"versions"`
		Tables    map[string]int `json:"tables"`
	}
	again := filepath.Join(t.TempDir(), "again.db")
	out = mustRun(t, from, "library", "copy", "--from", from, "--to", again, "--json")
	decode(t, out, &sum)
	if sum.From != from || sum.To != again || sum.Sources != 2 || sum.Excerpts != 2 || sum.Briefings != 1 || sum.Versions != 1 ||
		sum.Tables["blocks"] != 1 || sum.Tables["excerpt_tags"] != 1 {
		t.Fatalf("--json gave %+v", sum)
	}
}

// Each refusal says what is wrong and what to do, and leaves no file.
func TestLibraryCopyRefusals(t *testing.T) {
	t.Parallel()
	from := copyFixture(t)
	dir := t.TempDir()
	_, errOut, code := exec(t, &cli.Env{}, "library", "copy", "--from", from)
	wantExit(t, code, cli.ExitUsage, errOut)
	wantContains(t, errOut, "give the library to copy with --from and where to copy it with --to")

	_, errOut, code = exec(t, &cli.Env{}, "library", "copy", "--from", from, "--to", from)
	wantExit(t, code, cli.ExitError, errOut)
	wantContains(t, errOut, "--from and --to both name "+from, "give a new file, or an empty database, as --to")

	held := copyFixture(t)
	_, errOut, code = exec(t, &cli.Env{}, "library", "copy", "--from", from, "--to", held)
	wantExit(t, code, cli.ExitError, errOut)
	wantContains(t, errOut, held+" already holds a library (2 sources, 2 excerpts, 1 briefing)",
		"copying into it would mix two libraries", "Copy to a new file instead", "an empty database")
	if _, err := os.Stat(held); err != nil {
		t.Fatalf("the library refused was removed: %v", err)
	}

	missing := filepath.Join(dir, "missing.db")
	to := filepath.Join(dir, "sub", "copy.db")
	_, errOut, code = exec(t, &cli.Env{}, "library", "copy", "--from", missing, "--to", to)
	wantExit(t, code, cli.ExitError, errOut)
	wantContains(t, errOut, "there is no library at "+missing)
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Fatalf("a refused copy left %v", entries)
	}
}

// A copy that fails after making its file removes it, and the folder it
// made for it.
func TestLibraryCopyFailingRemovesItsFile(t *testing.T) {
	t.Parallel()
	from := copyFixture(t)
	// A column this Attaché does not know, as a newer one would add.
	rawSQL(t, from, `ALTER TABLE excerpts ADD COLUMN changed_by TEXT NOT NULL DEFAULT ''`)
	dir := t.TempDir()
	to := filepath.Join(dir, "sub", "copy.db")
	_, errOut, code := exec(t, &cli.Env{}, "library", "copy", "--from", from, "--to", to)
	wantExit(t, code, cli.ExitError, errOut)
	wantContains(t, errOut, "the column excerpts.changed_by", "Update Attaché", to+", which the copy had made, was removed")
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Fatalf("the failed copy left %v", entries)
	}
}

// Ctrl+C stops the copy at its next step: the file it made is removed.
func TestLibraryCopyStopped(t *testing.T) {
	t.Parallel()
	from := copyFixture(t)
	dir := t.TempDir()
	to := filepath.Join(dir, "copy.db")
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var out, errOut bytes.Buffer
	// The first line of progress is the user pressing Ctrl+C.
	env := &cli.Env{Stdin: strings.NewReader(""), Stdout: &out, Stderr: cancelOnWrite{&errOut, cancel},
		Getenv: func(string) string { return "" }}
	code := cli.Run(ctx, env, []string{"library", "copy", "--from", from, "--to", to})
	wantExit(t, code, cli.ExitError, errOut.String())
	wantContains(t, errOut.String(), "the copy was stopped before it finished: nothing was written to "+to, to+", which the copy had made, was removed")
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Fatalf("the stopped copy left %v", entries)
	}
}

// cancelOnWrite cancels a context at the first write.
type cancelOnWrite struct {
	w      io.Writer
	cancel context.CancelFunc
}

func (c cancelOnWrite) Write(p []byte) (int, error) {
	c.cancel()
	return c.w.Write(p)
}
