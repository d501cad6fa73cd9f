package cli_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/attache/attache/cli"
)

func TestUsageErrorsExit2(t *testing.T) {
	t.Parallel()
	db := newDB(t)
	for _, args := range [][]string{
		{"frobnicate"},
		{"sources", "--colour"},
		{"import", "-x", chipsFile},
		{"briefing", "list", "--trashed"},
		{"--db"},
		{"source", "show", "seven"},
		{"source", "show", "0"},
		{"source", "show", "-1"},
		{"source", "show", "1.5"},
		{"excerpt", "show", "x1"},
		{"briefing", "show", "latest"},
		{"export", "first", "--out", "x.json"},
		{"source", "show"},
		{"source", "show", "1", "2"},
		{"sources", "extra"},
		{"library", "now"},
		{"sources", "--limit", "many"},
		{"import", ""},
		{"import", chipsFile, " "},
	} {
		out, errOut, code := run(t, db, args...)
		if code != cli.ExitUsage {
			t.Errorf("%q: exit %d, want 2; stderr %q", args, code, errOut)
			continue
		}
		if !strings.Contains(errOut, "Run 'attache --help'") || !strings.HasPrefix(errOut, "attache: ") {
			t.Errorf("%q: stderr %q", args, errOut)
		}
		if out != "" {
			t.Errorf("%q: stdout %q", args, out)
		}
	}
	_, errOut, _ := run(t, db, "source", "show", "seven")
	wantContains(t, errOut, `"seven" is not a source id`)
	_, errOut, _ = run(t, db, "frobnicate")
	wantContains(t, errOut, `unknown command "frobnicate"`)
	// "#3", as a listing might be copied, is an id.
	importOne(t, db, chipsFile)
	wantContains(t, mustRun(t, db, "source", "show", "#1"), chipsTitle)
}

func TestNoCommandWithoutGUI(t *testing.T) {
	isolate(t)
	_, errOut, code := exec(t, &cli.Env{})
	wantExit(t, code, cli.ExitUsage, errOut)
	wantContains(t, errOut, "no desktop app")
}

func TestNoCommandRunsGUI(t *testing.T) {
	isolate(t)
	xdg := t.TempDir()
	explicit := filepath.Join(t.TempDir(), "flag.db")
	fromEnv := filepath.Join(t.TempDir(), "env.db")
	cases := []struct {
		name string
		args []string
		env  map[string]string
		want string
	}{
		{"--db", []string{"--db", explicit}, map[string]string{"ATTACHE_DB": fromEnv}, explicit},
		{"ATTACHE_DB", nil, map[string]string{"ATTACHE_DB": fromEnv, "XDG_DATA_HOME": xdg}, fromEnv},
		{"XDG", nil, map[string]string{"XDG_DATA_HOME": xdg}, filepath.Join(xdg, "attache", "library.db")},
	}
	for _, c := range cases {
		var got []string
		env := &cli.Env{
			Getenv: func(k string) string { return c.env[k] },
			RunGUI: func(ctx context.Context, gui cli.GUI) error {
				if ctx == nil {
					t.Error("RunGUI got a nil context")
				}
				got = append(got, gui.Library)
				return nil
			},
		}
		out, errOut, code := exec(t, env, c.args...)
		if code != cli.ExitOK || out != "" || errOut != "" {
			t.Errorf("%s: exit %d, stdout %q, stderr %q", c.name, code, out, errOut)
		}
		if len(got) != 1 || got[0] != c.want {
			t.Errorf("%s: RunGUI called with %q, want [%q]", c.name, got, c.want)
		}
	}

	env := &cli.Env{
		Getenv: func(k string) string { return map[string]string{"XDG_DATA_HOME": xdg}[k] },
		RunGUI: func(context.Context, cli.GUI) error { return errors.New("no display") },
	}
	_, errOut, code := exec(t, env)
	wantExit(t, code, cli.ExitError, errOut)
	wantContains(t, errOut, "no display")

	_, errOut, code = exec(t, env, "stray")
	wantExit(t, code, cli.ExitUsage, errOut)
}

func TestVersionAndHelp(t *testing.T) {
	isolate(t)
	out, errOut, code := exec(t, &cli.Env{}, "--version")
	if code != cli.ExitOK || !strings.Contains(out, cli.Version) || errOut != "" {
		t.Errorf("--version: exit %d, stdout %q, stderr %q", code, out, errOut)
	}
	out, _, code = exec(t, &cli.Env{}, "--help")
	if code != cli.ExitOK {
		t.Errorf("--help: exit %d", code)
	}
	wantContains(t, out, "import", "briefing", "search", "export", "--db")
	out, _, code = exec(t, &cli.Env{}, "excerpt", "add", "--help")
	if code != cli.ExitOK {
		t.Errorf("excerpt add --help: exit %d", code)
	}
	wantContains(t, out, "--quote", "--start")
}

func TestLibraryCommand(t *testing.T) {
	t.Parallel()
	db, id, _ := composedBriefing(t)
	importOne(t, db, fiveGFile)
	newBriefing(t, db, "Trashed draft")
	mustRun(t, db, "briefing", "delete", "2")
	var info struct {
		Path      string `json:"path"`
		Sources   int    `json:"sources"`
		Excerpts  int    `json:"excerpts"`
		Briefings int    `json:"briefings"`
	}
	runJSON(t, db, &info, "library")
	if info.Path != db || info.Sources != 2 || info.Excerpts != 1 || info.Briefings != 1 {
		t.Errorf("library --json = %+v (briefing %d)", info, id)
	}
	out := mustRun(t, db, "library")
	wantContains(t, out, "Library:   "+db, "Sources:   2", "Excerpts:  1", "Briefings: 1")
}

func TestLibraryFromEnvironment(t *testing.T) {
	isolate(t)
	fromEnv := filepath.Join(t.TempDir(), "env", "lib.db")
	flag := filepath.Join(t.TempDir(), "flag.db")
	getenv := func(k string) string {
		if k == "ATTACHE_DB" {
			return fromEnv
		}
		return ""
	}
	out, errOut, code := exec(t, &cli.Env{Getenv: getenv}, "import", "--json", fiveGFile)
	wantExit(t, code, cli.ExitOK, errOut)
	if _, err := os.Stat(fromEnv); err != nil {
		t.Fatalf("ATTACHE_DB library not created: %v\n%s", err, out)
	}
	// --db wins over ATTACHE_DB: there is no library there yet.
	_, errOut, code = exec(t, &cli.Env{Getenv: getenv}, "--db", flag, "sources", "--json")
	wantExit(t, code, cli.ExitError, errOut)
	wantContains(t, errOut, "there is no library at "+flag)
	out, _, _ = exec(t, &cli.Env{Getenv: getenv}, "sources", "--json")
	var list []source
	decode(t, out, &list)
	if len(list) != 1 {
		t.Errorf("ATTACHE_DB library has %d sources, want 1", len(list))
	}
}

func TestDefaultLibraryInXDGDataHome(t *testing.T) {
	isolate(t)
	xdg := t.TempDir()
	getenv := func(k string) string {
		if k == "XDG_DATA_HOME" {
			return xdg
		}
		return ""
	}
	want := filepath.Join(xdg, "attache", "library.db")
	// Reading makes no library; the first import does.
	_, errOut, code := exec(t, &cli.Env{Getenv: getenv}, "library", "--json")
	wantExit(t, code, cli.ExitError, errOut)
	wantContains(t, errOut, "there is no library at "+want, "attache import FILE")
	if _, err := os.Stat(filepath.Dir(want)); !os.IsNotExist(err) {
		t.Fatalf("reading made the library's folder: %v", err)
	}
	_, errOut, code = exec(t, &cli.Env{Getenv: getenv}, "import", fiveGFile)
	wantExit(t, code, cli.ExitOK, errOut)
	out, errOut, code := exec(t, &cli.Env{Getenv: getenv}, "library", "--json")
	wantExit(t, code, cli.ExitOK, errOut)
	var info struct {
		Path string `json:"path"`
	}
	decode(t, out, &info)
	if info.Path != want {
		t.Errorf("library path %q, want %q", info.Path, want)
	}
	fi, err := os.Stat(want)
	if err != nil {
		t.Fatal(err)
	}
	if perm := fi.Mode().Perm(); perm != 0o600 {
		t.Errorf("library created with mode %v, want 0600", perm)
	}
	if fi, err := os.Stat(filepath.Dir(want)); err != nil || fi.Mode().Perm()&0o077 != 0 {
		t.Errorf("library folder: %v, err %v; want it private", fi.Mode(), err)
	}

	p, err := cli.DefaultLibraryPath(getenv)
	if err != nil || p != want {
		t.Errorf("DefaultLibraryPath = %q, %v", p, err)
	}
	home := t.TempDir()
	p, err = cli.DefaultLibraryPath(func(k string) string { return map[string]string{"HOME": home}[k] })
	if err != nil || p != filepath.Join(home, ".local", "share", "attache", "library.db") {
		t.Errorf("DefaultLibraryPath without XDG_DATA_HOME = %q, %v", p, err)
	}
}

func TestLibraryPathIsFolder(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	out, errOut, code := run(t, dir, "sources")
	wantExit(t, code, cli.ExitError, errOut)
	wantContains(t, errOut, dir+" is a folder", filepath.Join(dir, "library.db"))
	if out != "" {
		t.Errorf("stdout %q", out)
	}
}

func TestLibraryFileDamaged(t *testing.T) {
	t.Parallel()
	garbage := strings.Repeat("These minutes of the export-control working group are not a database. ", 40)
	path := writeFile(t, t.TempDir(), "minutes.db", []byte(garbage))
	for _, args := range [][]string{{"sources"}, {"library", "--json"}, {"import", fiveGFile}} {
		out, errOut, code := run(t, path, args...)
		wantExit(t, code, cli.ExitError, errOut)
		wantContains(t, errOut, "damaged or is not an Attaché library")
		if out != "" {
			t.Errorf("%q: stdout %q", args, out)
		}
	}
	if got := readFile(t, path); got != garbage {
		t.Error("opening the damaged file changed it")
	}
}

// Errors whose message quotes the user's words are ordinary errors even
// when those words look like cobra's usage messages.
func TestErrorsQuotingUsageWordsExitOne(t *testing.T) {
	db := newDB(t)
	run(t, db, "import", "testdata/fiveg.txt")
	fails(t, db, cli.ExitError, "excerpt", "add", "--source", "1", "--quote", "invalid argument")
	fails(t, db, cli.ExitError, "briefing", "import", "unknown command.json")
}

func TestGroupCommandsRejectMissingOrUnknownSubcommands(t *testing.T) {
	db := newDB(t)
	for _, args := range [][]string{{"briefing"}, {"briefing", "bogus"}, {"source", "shw", "1"}, {"excerpt"}} {
		out, errOut, code := run(t, db, args...)
		wantExit(t, code, cli.ExitUsage, errOut)
		if out != "" {
			t.Errorf("%v printed to stdout: %q", args, out)
		}
	}
	wantContains(t, fails(t, db, cli.ExitUsage, "search", "yard", "-lithography"), "quote the query")
	fails(t, db, cli.ExitUsage, "import", "--kind", "bogus", "testdata/fiveg.txt")
}

func TestBackupAndRestoreCommands(t *testing.T) {
	db := newDB(t)
	run(t, db, "import", "testdata/fiveg.txt")
	backup := filepath.Join(t.TempDir(), "b.db")
	_, errOut, code := run(t, db, "backup", "--out", backup)
	wantExit(t, code, cli.ExitOK, errOut)
	run(t, db, "import", "testdata/chips.txt")
	out, errOut, code := run(t, db, "restore", backup)
	wantExit(t, code, cli.ExitOK, errOut)
	wantContains(t, out, "before-restore")
	var srcs []map[string]any
	runJSON(t, db, &srcs, "sources")
	if len(srcs) != 1 {
		t.Fatalf("restored library has %d sources", len(srcs))
	}
	fails(t, db, cli.ExitError, "restore", filepath.Join(t.TempDir(), "missing.db"))
}
