package app

import (
	"context"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
)

// Removing a block, letting it save, then undoing: the block comes back
// in the library too. The save used to fail for good ("block 6 does not
// belong to briefing 1"), and every later edit with it.
func TestUndoRemovedBlockAfterItWasSaved(t *testing.T) {
	u, lib := openSampleBriefing(t)
	c := u.briefings.composer
	n := len(c.d.b.Blocks)
	fyne.DoAndWait(func() {
		c.editBlock(n - 1)
		c.onRemove()
	})
	fyne.DoAndWait(func() { c.d.flush(func() {}) })
	fyne.DoAndWait(c.onUndo)
	fyne.DoAndWait(func() { c.d.flush(func() {}) })
	fyne.DoAndWait(func() { c.title.SetText("Edited after the undo") })
	fyne.DoAndWait(func() { c.d.flush(func() {}) })
	got, err := lib.Briefing(context.Background(), c.d.b.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Blocks) != n || got.Title != "Edited after the undo" {
		t.Fatalf("library has %d blocks (want %d) and title %q; composer says %q", len(got.Blocks), n, got.Title, c.saved.Text)
	}
}

// Ctrl+N puts the cursor in the new briefing's title, its placeholder
// text selected: typing at once names the briefing.
func TestNewBriefingTitleHasTheCursor(t *testing.T) {
	u, lib := newTestUI(t)
	dismissOverlays(u)
	fyne.DoAndWait(func() { u.onShowView(viewBriefings); u.briefings.onNew() })
	c := u.briefings.composer
	eventually(t, "the new briefing open", func() bool { return c.d != nil })
	eventually(t, "the title focused", func() bool { return u.win.Canvas().Focused() == c.title })
	fyne.DoAndWait(func() {
		for _, r := range "Chip controls" {
			u.win.Canvas().Focused().TypedRune(r)
		}
	})
	fyne.DoAndWait(func() { c.d.flush(func() {}) })
	got, _ := lib.Briefing(context.Background(), c.d.b.ID)
	if got.Title != "Chip controls" {
		t.Fatalf("typing after Ctrl+N gave the title %q", got.Title)
	}
}

// A source opened from elsewhere (an import, Show in source) is the row
// selected in the list: no other row stays highlighted, dead to a click.
func TestLibraryListFollowsTheReader(t *testing.T) {
	u, lib := newTestUI(t)
	fyne.DoAndWait(u.onLoadSample)
	eventually(t, "the sample", func() bool { st, _ := lib.Stats(context.Background()); return st.Sources == sampleSources })
	dismissOverlays(u)
	fyne.DoAndWait(func() { u.onShowView(viewLibrary) })
	s := u.library
	eventually(t, "the sources", func() bool { return len(s.sources) == sampleSources })
	fyne.DoAndWait(func() { s.list.Select(0) })
	eventually(t, "the first source open", func() bool { return s.reader.source != nil && s.reader.source.ID == s.sources[0].ID })
	row := 0 // the list has no getter: follow its callbacks
	onSel, onUnsel := s.list.OnSelected, s.list.OnUnselected
	s.list.OnSelected = func(i int) { row = i; onSel(i) }
	s.list.OnUnselected = func(i int) {
		if row == i {
			row = -1
		}
		if onUnsel != nil {
			onUnsel(i)
		}
	}
	other := s.sources[2].ID
	fyne.DoAndWait(func() { s.reader.open(other, -1) })
	eventually(t, "the third source open", func() bool { return s.reader.source != nil && s.reader.source.ID == other })
	if row != 2 {
		t.Fatalf("the list highlights row %d while the reader shows row 2", row)
	}
}

// Importing a file already in the library says nothing was imported; it
// used to say "Imported 1 file" above "already in the library".
func TestImportingAKnownFileSaysNothingWasImported(t *testing.T) {
	u, lib := newTestUI(t)
	importFixture(t, u, lib)
	dismissOverlays(u)
	path, _ := filepath.Abs("testdata/chips.txt")
	fyne.DoAndWait(func() { u.importPaths([]string{path}) })
	eventually(t, "the report", func() bool { return overlayContains(u, "already in the library") })
	if !overlayContains(u, "Nothing imported") || overlayContains(u, "Imported 1 file") {
		t.Fatal("a file found in the library is reported as imported")
	}
}
