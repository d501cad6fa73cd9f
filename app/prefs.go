package app

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sync"

	"fyne.io/fyne/v2"

	"github.com/attache/attache/internal/atomicfile"
	"github.com/attache/attache/internal/settings"
)

// prefs are Attaché's settings (the defaults for new briefings, paper,
// theme, the export folder), kept in a file of their own: Fyne writes its
// preferences file in place, where a crash mid-write leaves it empty (seen
// as "Preferences load error: EOF", every setting gone), and readable by
// everyone. This one is written whole or not at all, readable by its owner
// only, off the UI goroutine. It is what the UI's app.Preferences()
// returns (see settingsApp), so every setting goes here.
type prefs struct {
	path    string // "" when there is no configuration folder: kept in memory
	onError func(error)

	mu        sync.Mutex
	values    map[string]any
	version   int // changes made
	listeners []func()

	saveMu sync.Mutex // one write at a time, the newest values each time
	saved  int        // the version on disk (under mu)
}

// prefsFile is where the settings are kept; "" when there is no
// configuration folder.
func prefsFile() string {
	dir, err := os.UserConfigDir()
	if err != nil {
		return ""
	}
	return settings.File(dir) // where the command line reads its defaults
}

// errPrefsDamaged says the settings file is damaged (cut short, not
// JSON); it has been set aside and the defaults are in use.
type errPrefsDamaged struct {
	kept string // where the damaged file now is ("" if it could not be moved)
}

func (e errPrefsDamaged) Error() string {
	msg := "Your settings file could not be read: it is damaged or cut short. Attaché is using the default settings."
	if e.kept != "" {
		msg += " The damaged file was kept as " + e.kept + "."
	}
	return msg + " Set them again in File → Settings…"
}

// errPrefsUnreadable says the settings file is there but cannot be opened
// (permissions, a folder in its place): it is left alone, and settings
// changed now last until quit.
type errPrefsUnreadable struct{ path string }

func (e errPrefsUnreadable) Error() string {
	return "Your settings file " + e.path + " cannot be opened (check that it is a file you may read and write): " +
		"Attaché is using the default settings, and changes to them last until you quit."
}

// loadPrefs reads the settings file at path. Without one, the values an
// earlier version kept in Fyne's preferences (from) are moved over once:
// written here first, then removed there. A file that cannot be read is
// set aside, never overwritten, and said so through the error.
func loadPrefs(path string, from fyne.Preferences) (*prefs, error) {
	p := &prefs{path: path, values: map[string]any{}}
	if path == "" {
		return p, nil
	}
	data, err := os.ReadFile(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return p, p.migrate(from)
	case err != nil:
		p.path = "" // never written over: it may hold the settings
		return p, errPrefsUnreadable{path: path}
	}
	if err := json.Unmarshal(data, &p.values); err != nil || p.values == nil {
		p.values = map[string]any{}
		kept := path + ".damaged"
		if os.Rename(path, kept) != nil {
			kept = ""
		}
		return p, errPrefsDamaged{kept: kept}
	}
	return p, nil
}

// migratedKeys are the settings earlier versions kept in Fyne's
// preferences.
var migratedKeys = []string{prefAuthor, prefClassification, prefPaper, prefTheme, prefExportFolder}

// migrate copies the settings kept in Fyne's preferences, saves them here,
// and only then removes them there (Fyne's file is readable by everyone).
func (p *prefs) migrate(from fyne.Preferences) error {
	if from == nil {
		return nil
	}
	var found []string
	for _, k := range migratedKeys {
		if v := from.String(k); v != "" {
			p.values[k] = v
			found = append(found, k)
		}
	}
	if len(found) == 0 {
		return nil
	}
	p.version++
	if err := p.save(); err != nil {
		return err // Fyne's copy stays: nothing is lost
	}
	for _, k := range found {
		from.RemoveValue(k)
	}
	return nil
}

// save writes the settings if they changed since the last write.
func (p *prefs) save() error {
	if p.path == "" {
		return nil
	}
	p.saveMu.Lock()
	defer p.saveMu.Unlock()
	p.mu.Lock()
	version := p.version
	data, err := json.MarshalIndent(p.values, "", "  ")
	p.mu.Unlock()
	if err != nil || version == p.savedVersion() {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(p.path), 0o700); err != nil {
		return fmt.Errorf("saving your settings: %w", err)
	}
	err = atomicfile.Write(context.Background(), p.path, 0o600, func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	})
	if err != nil {
		return err
	}
	p.mu.Lock()
	p.saved = version
	p.mu.Unlock()
	return nil
}

func (p *prefs) savedVersion() int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.saved
}

// set stores a value; see change.
func (p *prefs) set(key string, value any) {
	p.change(func(m map[string]any) { m[key] = value })
}

// change edits the values and saves them in the background; a failed
// save is told through onError and retried with the next change and at
// quit.
func (p *prefs) change(edit func(map[string]any)) {
	p.mu.Lock()
	edit(p.values)
	p.version++
	listeners := append([]func(){}, p.listeners...)
	p.mu.Unlock()
	background(func() {
		if err := p.save(); err != nil && p.onError != nil {
			p.onError(err)
		}
	})
	for _, l := range listeners {
		l()
	}
}

func (p *prefs) get(key string) (any, bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	v, ok := p.values[key]
	return v, ok
}
