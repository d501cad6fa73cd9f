package cli_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

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
