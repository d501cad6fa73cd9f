package cli_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/attache/attache/cli"
	"github.com/attache/attache/domain"
	"github.com/attache/attache/internal/settings"
)

// whoEnv is an Env with ATTACHE_USER set to user ("" for none) and a
// configuration folder whose settings hold saved as the name in Settings
// ("" for none).
func whoEnv(t *testing.T, user, saved string) *cli.Env {
	t.Helper()
	config := t.TempDir()
	if saved != "" {
		path := settings.File(config)
		if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(`{"user_name": "`+saved+`", "paper": "A4"}`), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	return &cli.Env{
		Getenv:    func(k string) string { return map[string]string{"ATTACHE_USER": user}[k] },
		ConfigDir: func() (string, error) { return config, nil },
	}
}

// whoMade makes a briefing through env and args and returns who the
// listing says made it and changed it last.
func whoMade(t *testing.T, db string, env *cli.Env, args ...string) (created, updated string) {
	t.Helper()
	out, errOut, code := exec(t, env, append(append([]string{"--db", db}, args...), "briefing", "new", "--title", "Who", "--json")...)
	wantExit(t, code, cli.ExitOK, errOut)
	var b struct {
		CreatedBy string `json:"created_by"`
		UpdatedBy string `json:"updated_by"`
	}
	decode(t, out, &b)
	return b.CreatedBy, b.UpdatedBy
}

// The name a change keeps is --user, else ATTACHE_USER, else the name in
// the app's Settings, else the account's.
func TestUserFlagThenEnvironmentThenSettings(t *testing.T) {
	t.Parallel()
	db := newDB(t)
	for _, c := range []struct {
		name        string
		env         *cli.Env
		args        []string
		want        string
		fromAccount bool
	}{
		{"--user", whoEnv(t, "Cleo", "Ana Ruiz"), []string{"--user", "Ben"}, "Ben", false},
		{"ATTACHE_USER", whoEnv(t, "Cleo", "Ana Ruiz"), nil, "Cleo", false},
		{"Settings", whoEnv(t, "", "Ana  Ruiz"), nil, "Ana Ruiz", false},
		{"blank flag and environment", whoEnv(t, " ", "Ana Ruiz"), []string{"--user", ""}, "Ana Ruiz", false},
		{"the account", whoEnv(t, "", ""), nil, "", true},
	} {
		created, updated := whoMade(t, db, c.env, c.args...)
		if c.fromAccount {
			if created == "" || created != updated || created == "Ana Ruiz" {
				t.Errorf("%s: made by %q, changed by %q; want the account's name", c.name, created, updated)
			}
			continue
		}
		if created != c.want || updated != c.want {
			t.Errorf("%s: made by %q, changed by %q; want %q", c.name, created, updated, c.want)
		}
	}
}

// A name longer than the library keeps stops the command, saying which
// name it is and what to do, before any library is made.
func TestUserNameTooLongStopsTheCommand(t *testing.T) {
	t.Parallel()
	long := strings.Repeat("n", settings.MaxUserName+1)
	for _, c := range []struct {
		name string
		env  *cli.Env
		args []string
		from string
	}{
		{"--user", whoEnv(t, "", ""), []string{"--user", long}, "--user: "},
		{"ATTACHE_USER", whoEnv(t, long, ""), nil, "ATTACHE_USER: "},
		{"Settings", whoEnv(t, "", long), nil, "the name in Settings: "},
	} {
		db := newDB(t)
		_, errOut, code := exec(t, c.env, append(append([]string{"--db", db}, c.args...), "briefing", "new", "--title", "Who")...)
		wantExit(t, code, cli.ExitError, errOut)
		wantContains(t, errOut, "attache: "+c.from+"the name", "longer than 64 characters: give a shorter one")
		if _, err := os.Stat(db); err == nil {
			t.Errorf("%s: a library was made for a name refused", c.name)
		}
	}
	// A name of the longest length is taken whole.
	db := newDB(t)
	longest := strings.Repeat("é", settings.MaxUserName)
	if created, _ := whoMade(t, db, whoEnv(t, "", ""), "--user", longest); created != longest {
		t.Errorf("the longest name was kept as %q", created)
	}
}

// The listings say who did what: the briefing list who changed each
// briefing last, the history who kept each version, show who made the
// briefing and who changed it; the JSON carries every name.
func TestListingsShowWhoChangedWhat(t *testing.T) {
	t.Parallel()
	db := newDB(t)
	as := func(user string, args ...string) string {
		t.Helper()
		out, errOut, code := exec(t, &cli.Env{}, append([]string{"--db", db, "--user", user}, args...)...)
		wantExit(t, code, cli.ExitOK, errOut)
		return out
	}
	as("Ana Ruiz", "import", chipsFile)
	as("Ana Ruiz", "excerpt", "add", "--source", "1", "--quote", "small yard")
	as("Ben", "excerpt", "edit", "1", "--note", "Ben's reading")
	long := "Maximiliana Ottoline Featherstonehaugh-Cholmondeley"
	as("Ana Ruiz", "briefing", "new", "--title", strings.Repeat("A very long title that goes on ", 3))
	as(long, "briefing", "edit", "1", "--summary", "Controls will tighten.")
	as("Ana Ruiz", "briefing", "snapshot", "1", "--label", "first draft")
	as("Ben", "briefing", "snapshot", "1")

	list := mustRun(t, db, "briefing", "list")
	wantContains(t, list, "CHANGED BY", clipped(long, 16))
	for line := range strings.Lines(list) {
		if n := utf8.RuneCountInString(strings.TrimRight(line, "\n")); n > 100 {
			t.Errorf("a line of %d columns, more than 100:\n%s", n, list)
		}
	}
	hist := strings.Split(strings.TrimSpace(mustRun(t, db, "briefing", "history", "1")), "\n")
	if len(hist) != 2 || !strings.Contains(hist[0], " Ben ") || !strings.Contains(hist[1], " Ana Ruiz ") || !strings.HasSuffix(hist[1], "first draft") {
		t.Errorf("history, newest first, does not say who kept each version:\n%s", strings.Join(hist, "\n"))
	}
	wantContains(t, mustRun(t, db, "briefing", "show", "1"), "Made by Ana Ruiz · changed by "+long+" at ")

	var sources []struct {
		AddedBy string `json:"added_by"`
	}
	runJSON(t, db, &sources, "sources")
	var excerpts []struct {
		CreatedBy string `json:"created_by"`
		UpdatedBy string `json:"updated_by"`
	}
	runJSON(t, db, &excerpts, "excerpts")
	var briefings []struct {
		CreatedBy string `json:"created_by"`
		UpdatedBy string `json:"updated_by"`
	}
	runJSON(t, db, &briefings, "briefing", "list")
	var versions []struct {
		By string `json:"by"`
	}
	runJSON(t, db, &versions, "briefing", "history", "1")
	switch {
	case len(sources) != 1 || sources[0].AddedBy != "Ana Ruiz":
		t.Errorf("sources --json: %+v", sources)
	case len(excerpts) != 1 || excerpts[0].CreatedBy != "Ana Ruiz" || excerpts[0].UpdatedBy != "Ben":
		t.Errorf("excerpts --json: %+v", excerpts)
	case len(briefings) != 1 || briefings[0].CreatedBy != "Ana Ruiz" || briefings[0].UpdatedBy != long:
		t.Errorf("briefing list --json: %+v", briefings)
	case len(versions) != 2 || versions[0].By != "Ben" || versions[1].By != "Ana Ruiz":
		t.Errorf("briefing history --json: %+v", versions)
	}
}

// clipped is s cut to n characters as the tables cut it.
func clipped(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

// The desktop app is opened with the name resolved by the same rule, and
// with the refusal of a name too long, which it tells in its window.
func TestDesktopAppGetsTheUserName(t *testing.T) {
	t.Parallel()
	var got []cli.GUI
	env := whoEnv(t, "Cleo", "Ana Ruiz")
	env.RunGUI = func(_ context.Context, gui cli.GUI) error { got = append(got, gui); return nil }
	db := newDB(t)
	for _, args := range [][]string{{"--db", db}, {"--db", db, "--user", "Ben"}, {"--db", db, "--user", strings.Repeat("n", 65)}} {
		_, errOut, code := exec(t, env, args...)
		wantExit(t, code, cli.ExitOK, errOut)
	}
	if len(got) != 3 || got[0].User != "Cleo" || got[0].UserRefused != nil || got[1].User != "Ben" {
		t.Fatalf("the app was opened with %+v", got)
	}
	if got[2].User != "" || !strings.Contains(domain.ErrorMessage(got[2].UserRefused), "--user: the name") {
		t.Errorf("a long name reached the app as %+v", got[2])
	}
}
