package app

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// openSettings opens the Settings dialog and finds its house template.
func openSettings(t *testing.T, u *UI) *fileField {
	t.Helper()
	fyne.DoAndWait(u.onSettings)
	eventually(t, "the settings", func() bool { return formOrNil(u) != nil })
	for _, it := range findForm(t, u).Items {
		if it.Text == "House template for Word" {
			return findFileField(t, u)
		}
	}
	t.Fatal("no House template for Word in Settings")
	return nil
}

// Issue #18: the house template is a setting, shown as its path, kept
// under "template" where the export dialog and the command line look; a
// file that is not a Word file is refused and nothing else is lost.
func TestSettingsHouseTemplate(t *testing.T) {
	u, _ := newTestUI(t)
	dir := t.TempDir()
	house := wordFile(t, dir, "House.dotx")
	tmpl := openSettings(t, u)
	if tmpl.path != "" || tmpl.shown.Text != ownTemplate+" (none chosen)" || !tmpl.clear.Disabled() {
		t.Errorf("with no setting the row shows %q (path %q)", tmpl.shown.Text, tmpl.path)
	}
	fyne.DoAndWait(func() { tmpl.chosen(house) })
	eventually(t, "the template chosen", func() bool { return tmpl.path == house })
	if tmpl.shown.Text != house {
		t.Errorf("the row shows %q, want the whole path", tmpl.shown.Text)
	}
	author := findForm(t, u).Items[0].Widget.(*dialogEntry)
	fyne.DoAndWait(func() { author.SetText("A. Analyst") })
	fyne.DoAndWait(func() { tmpl.chosen(filepath.Join(dir, "Gone.dotx")) })
	eventually(t, "the refusal", func() bool { return overlayContains(u, "Gone.dotx does not exist") })
	confirmForm(t, u, "OK")
	if tmpl.path != house || author.Text != "A. Analyst" {
		t.Errorf("a refused file left the template %q and the author %q", tmpl.path, author.Text)
	}
	confirmForm(t, u, "Save")
	if got := u.app.Preferences().String("template"); got != house {
		t.Fatalf("saved the template %q, want %s", got, house)
	}
	tmpl = openSettings(t, u)
	if tmpl.path != house {
		t.Errorf("Settings open again on %q", tmpl.path)
	}
	fyne.DoAndWait(func() { tmpl.clear.OnTapped() })
	confirmForm(t, u, "Save")
	if got := u.app.Preferences().String("template"); got != "" {
		t.Errorf("a cleared template saved as %q", got)
	}
}

// Save Attaché's template… writes the template off the UI goroutine, with
// .dotx added to a name without it, and removes the empty file the save
// dialog made; a failed write leaves no empty file either.
func TestSettingsSavesTheHouseTemplate(t *testing.T) {
	u, _ := newTestUI(t)
	dismissOverlays(u)
	dir := t.TempDir()
	var wrote []string
	fail := false
	was := writeHouseTemplate
	writeHouseTemplate = func(_ context.Context, path string) error {
		if fail {
			return errors.New("the template could not be written")
		}
		wrote = append(wrote, path)
		return os.WriteFile(path, []byte("PK\x03\x04"), 0o600)
	}
	t.Cleanup(func() { writeHouseTemplate = was })
	made := filepath.Join(dir, "Team house") // as the save dialog leaves it: empty
	if err := os.WriteFile(made, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	fyne.DoAndWait(func() { u.saveHouseTemplate(made) })
	eventually(t, "the template saved", func() bool { return overlayContains(u, "Template saved") })
	if len(wrote) != 1 || wrote[0] != made+".dotx" {
		t.Errorf("wrote %v, want %s.dotx", wrote, made)
	}
	if _, err := os.Stat(made); err == nil {
		t.Error("the empty file the dialog made is left")
	}
	confirmForm(t, u, "OK")
	fail = true
	named := filepath.Join(dir, "House.dotx")
	if err := os.WriteFile(named, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	fyne.DoAndWait(func() { u.saveHouseTemplate(named) })
	eventually(t, "the failure", func() bool { return overlayContains(u, "could not be written") })
	if _, err := os.Stat(named); err == nil {
		t.Error("a failed save left an empty template")
	}
}

// A template chosen and not saved is a change Cancel asks about.
func TestSettingsCancelAsksAboutATemplateChosen(t *testing.T) {
	u, _ := newTestUI(t)
	dismissOverlays(u)
	tmpl := openSettings(t, u)
	house := wordFile(t, t.TempDir(), "House.dotx")
	fyne.DoAndWait(func() { tmpl.chosen(house) })
	eventually(t, "the template chosen", func() bool { return tmpl.path == house })
	confirmForm(t, u, "Cancel")
	eventually(t, "the question", func() bool { return overlayContains(u, "Discard your changes?") })
}

// Found by a new user: the help under House template for Word was a
// form hint, one line cut off where the column ends ("…restyle Attaché's
// own in Word to make or") at 1280×800 and 800×600. It is a label that
// wraps in the column, whole and as tall as its lines, at both sizes.
func TestSettingsTemplateHelpWraps(t *testing.T) {
	u, _ := newTestUI(t)
	dismissOverlays(u)
	for _, size := range []fyne.Size{{Width: 800, Height: 600}, {Width: 1280, Height: 800}} {
		resize(u, size)
		openSettings(t, u)
		var help *widget.Label
		walkOverlays(u, func(c fyne.CanvasObject) {
			if l, ok := c.(*widget.Label); ok && strings.Contains(l.Text, "restyle Attaché's own") {
				help = l
			}
		})
		switch {
		case help == nil:
			t.Errorf("%v: no label says how to make a house template", size)
		case help.Wrapping != fyne.TextWrapWord || !strings.HasSuffix(help.Text, "in Word to make one."):
			t.Errorf("%v: the help %q wraps %v", size, help.Text, help.Wrapping)
		case help.Size().Width < 1 || help.Size().Width > size.Width || help.Size().Height < help.MinSize().Height:
			t.Errorf("%v: the help is %v, needing %v", size, help.Size(), help.MinSize())
		}
		for _, it := range findForm(t, u).Items {
			if it.Text == "House template for Word" && it.HintText != "" {
				t.Errorf("%v: the row still has a one-line hint %q", size, it.HintText)
			}
		}
		checkWindowLayout(t, u, "Settings")
		dismissOverlays(u)
	}
}
