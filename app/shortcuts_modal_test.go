package app

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// Found by a new user: with the export form's discard question showing,
// Ctrl+, and Ctrl+E opened Settings or a second export form over it,
// hiding it. While a dialog shows, the menu's keys do nothing.
func TestShortcutsWaitWhileAPromptShows(t *testing.T) {
	u, _ := openSampleBriefing(t)
	openExportForm(t, u)
	name := fileNameEntry(t, u)
	test.Type(name, " v2")
	pressKey(u, fyne.KeyEscape)
	eventually(t, "the discard question", func() bool { return overlayContains(u, "Discard your changes?") })
	before := len(u.win.Canvas().Overlays().List())
	for _, k := range []struct {
		key  fyne.KeyName
		mods fyne.KeyModifier
	}{{fyne.KeyE, fyne.KeyModifierControl}, {fyne.KeyComma, fyne.KeyModifierControl},
		{fyne.KeyN, fyne.KeyModifierControl}, {fyne.KeyL, fyne.KeyModifierControl | fyne.KeyModifierShift}} {
		pressShortcut(t, u, k.key, k.mods)
	}
	fyne.DoAndWait(pumpUI)
	if n := len(u.win.Canvas().Overlays().List()); n != before {
		t.Fatalf("the keys under the question left %d overlays, want %d", n, before)
	}
	if formOrNil(u) != nil || !treeContains(u.win.Canvas().Overlays().Top(), "Discard your changes?") {
		t.Fatal("the discard question is not alone on top")
	}
	// Once it is answered, the keys work again.
	confirmForm(t, u, "Discard")
	pressShortcut(t, u, fyne.KeyComma, fyne.KeyModifierControl)
	eventually(t, "Settings", func() bool { return formOrNil(u) != nil })
}
