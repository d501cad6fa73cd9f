package app

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/attache/attache/store"
)

// settingsPath is where this test's UI keeps its settings.
func settingsPath(t *testing.T) string {
	t.Helper()
	p := prefsFile()
	if p == "" {
		t.Fatal("no configuration folder")
	}
	return p
}

func readSettings(t *testing.T, path string) map[string]any {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	m := map[string]any{}
	if err := json.Unmarshal(data, &m); err != nil {
		t.Fatalf("the settings file is not JSON (%v): %q", err, data)
	}
	return m
}

// Settings go to Attaché's own file, readable by its owner only, and are
// there for the next start.
func TestSettingsKeptInAPrivateFile(t *testing.T) {
	u, lib := newTestUI(t)
	dismissOverlays(u)
	fyne.DoAndWait(func() { u.app.Preferences().SetString(prefClassification, "SECRET//REL") })
	path := settingsPath(t)
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatalf("no settings file after a change: %v", err)
	}
	if fi.Mode().Perm() != 0o600 {
		t.Errorf("the settings file is %03o, want 0600", fi.Mode().Perm())
	}
	if got := readSettings(t, path)[prefClassification]; got != "SECRET//REL" {
		t.Errorf("the file holds %v", got)
	}
	again := New(context.Background(), test.NewTempApp(t), lib)
	if got := again.app.Preferences().String(prefClassification); got != "SECRET//REL" {
		t.Errorf("the next start reads %q", got)
	}
}

// What an earlier version kept in Fyne's preferences is moved over once:
// into the private file, then out of Fyne's (readable by everyone).
func TestSettingsMovedFromFynesPreferencesOnce(t *testing.T) {
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	fynePrefs := test.NewTempApp(t).Preferences()
	fynePrefs.SetString(prefAuthor, "J. Analyst")
	fynePrefs.SetString(prefPaper, "US Letter")
	p, err := loadPrefs(prefsFile(), fynePrefs)
	if err != nil {
		t.Fatal(err)
	}
	if p.String(prefAuthor) != "J. Analyst" || p.String(prefPaper) != "US Letter" {
		t.Errorf("moved over: author %q, paper %q", p.String(prefAuthor), p.String(prefPaper))
	}
	if got := readSettings(t, prefsFile())[prefAuthor]; got != "J. Analyst" {
		t.Errorf("the settings file holds author %v", got)
	}
	if fynePrefs.String(prefAuthor) != "" {
		t.Error("the author is still in Fyne's preferences")
	}
	fynePrefs.SetString(prefAuthor, "stale")
	p, err = loadPrefs(prefsFile(), fynePrefs)
	if err != nil || p.String(prefAuthor) != "J. Analyst" {
		t.Errorf("a second start moved again: author %q, %v", p.String(prefAuthor), err)
	}
}

// A settings file cut short (a crash in the middle of a write in place, as
// Fyne's own was) or garbage is never lost silently: it is kept aside, the
// analyst is told, and the defaults apply.
func TestDamagedSettingsFileIsToldAndKept(t *testing.T) {
	for _, damaged := range []string{`{"defaultAuthor": "J. Ana`, "", "\x00\x00\x00", `["a list"]`, "null"} {
		t.Setenv("XDG_CONFIG_HOME", t.TempDir())
		path := prefsFile()
		if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(damaged), 0o600); err != nil {
			t.Fatal(err)
		}
		p, err := loadPrefs(path, nil)
		if !errors.As(err, new(errPrefsDamaged)) {
			t.Fatalf("%q: got %v, want the damage told", damaged, err)
		}
		if kept, _ := os.ReadFile(path + ".damaged"); string(kept) != damaged || !strings.Contains(err.Error(), path+".damaged") {
			t.Errorf("%q: the damaged file was not kept (it holds %q; the message: %v)", damaged, kept, err)
		}
		p.SetString(prefAuthor, "new")
		if kept, _ := os.ReadFile(path + ".damaged"); string(kept) != damaged {
			t.Errorf("%q: a new setting overwrote the damaged file", damaged)
		}
		if got := readSettings(t, path)[prefAuthor]; got != "new" {
			t.Errorf("%q: after the damage a setting was not saved: %v", damaged, got)
		}
	}
}

// A settings file that cannot be opened is never written over: it may
// hold the analyst's settings.
func TestUnreadableSettingsFileIsLeftAlone(t *testing.T) {
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	path := prefsFile()
	if err := os.MkdirAll(filepath.Join(path, "inside"), 0o700); err != nil {
		t.Fatal(err)
	}
	p, err := loadPrefs(path, nil)
	if !errors.As(err, new(errPrefsUnreadable)) {
		t.Fatalf("got %v", err)
	}
	p.SetString(prefAuthor, "x")
	if err := p.save(); err != nil || p.String(prefAuthor) != "x" {
		t.Errorf("a change: %v, %q", err, p.String(prefAuthor))
	}
	if fi, err := os.Stat(filepath.Join(path, "inside")); err != nil || !fi.IsDir() {
		t.Error("the unreadable settings were written over")
	}
}

// The window says so when the settings file could not be read, and when a
// setting cannot be saved.
func TestSettingsProblemsAreShown(t *testing.T) {
	for _, k := range []string{"XDG_CACHE_HOME", "XDG_DATA_HOME"} {
		t.Setenv(k, t.TempDir())
	}
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	path := prefsFile()
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(`{"theme": "Da`), 0o600); err != nil {
		t.Fatal(err)
	}
	lib, err := store.Open(context.Background(), filepath.Join(t.TempDir(), "library.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { lib.Close() })
	u := New(context.Background(), test.NewTempApp(t), lib)
	u.win.Show()
	if !overlayContains(u, "Your settings file could not be read") {
		t.Fatal("no word of the unreadable settings file")
	}
	dismissOverlays(u)
	// A folder where the file goes: every save fails.
	if err := os.Mkdir(path, 0o700); err != nil {
		t.Fatal(err)
	}
	fyne.DoAndWait(func() { u.app.Preferences().SetString(prefAuthor, "J. Analyst") })
	eventually(t, "the failed save is told", func() bool { return overlayContains(u, "settings were not saved") })
	if got := u.app.Preferences().String(prefAuthor); got != "J. Analyst" {
		t.Errorf("the setting does not apply until quit: %q", got)
	}
}

// Fyne's preferences API, for values other than strings, reads back what
// was set, also from the file.
func TestSettingsOtherTypesReadBack(t *testing.T) {
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	p, _ := loadPrefs(prefsFile(), nil)
	p.SetInt("i", 3)
	p.SetBool("b", true)
	p.SetFloat("f", 1.5)
	p.SetStringList("sl", []string{"a", "b"})
	p.SetIntList("il", []int{1, 2})
	p.SetString("gone", "x")
	p.RemoveValue("gone")
	q, err := loadPrefs(prefsFile(), nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range []*prefs{p, q} {
		if r.Int("i") != 3 || !r.Bool("b") || r.Float("f") != 1.5 || len(r.StringList("sl")) != 2 ||
			len(r.IntList("il")) != 2 || r.IntList("il")[1] != 2 || r.StringWithFallback("gone", "fb") != "fb" {
			t.Errorf("read back: %v", r.values)
		}
		if r.IntWithFallback("sl", 7) != 7 {
			t.Error("a list read as an int")
		}
	}
}

// The session file (window.json) is written whole and readable by its
// owner only, also over a looser file an earlier version left.
func TestSessionFileIsPrivate(t *testing.T) {
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	path := sessionFile()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte("{}"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(path, 0o644); err != nil {
		t.Fatal(err)
	}
	s := loadSession()
	s.View = viewBriefings
	if err := s.save(); err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Stat(path); err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("window.json: %v, %v", fi.Mode().Perm(), err)
	}
	if loadSession().View != viewBriefings {
		t.Error("the session did not read back")
	}
}
