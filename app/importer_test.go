package app

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/attache/attache/domain"
	"github.com/attache/attache/intake"
	"github.com/attache/attache/internal/testbundle"
	"github.com/attache/attache/internal/testbundle/jsonfile"
	"github.com/attache/attache/store"
)

func sourceCount(t *testing.T, u *UI) int {
	t.Helper()
	list, err := unwrapLibrary(u.lib).Sources(context.Background(), domain.SourceFilter{})
	if err != nil {
		t.Fatal(err)
	}
	return len(list)
}

func TestImportDetailsUndoImportRemovesTheSource(t *testing.T) {
	u, lib := newTestUI(t)
	src := importFixture(t, u, lib)
	eventually(t, "the details form", func() bool { return overlayContains(u, "Imported — check the details") })
	confirmForm(t, u, "Undo import")
	eventually(t, "the source gone", func() bool { return sourceCount(t, u) == 0 })
	eventually(t, "the notice", func() bool { return strings.HasPrefix(u.notice(), "Import undone") })
	if u.library.reader.source != nil {
		t.Fatal("the reader still shows the removed source")
	}
	if _, err := lib.Source(context.Background(), src.ID); err == nil {
		t.Fatal("the source is still in the library")
	}
}

func TestImportDetailsEscapeKeepsThemAsDetectedAndSaysSo(t *testing.T) {
	u, lib := newTestUI(t)
	src := importFixture(t, u, lib)
	eventually(t, "the details form", func() bool { return overlayContains(u, "Imported — check the details") })
	title, ok := u.win.Canvas().Focused().(*dialogEntry)
	if !ok || title.Text != src.Title {
		t.Fatalf("the title field has no focus (%T)", u.win.Canvas().Focused())
	}
	pressKey(u, fyne.KeyEscape)
	if overlayContains(u, "Imported — check the details") {
		t.Fatal("Escape left the form open")
	}
	if !strings.Contains(u.notice(), "as detected") || sourceCount(t, u) != 1 {
		t.Fatalf("notice %q, %d sources", u.notice(), sourceCount(t, u))
	}
}

func TestImportDetailsSaveStoresTheCorrection(t *testing.T) {
	u, lib := newTestUI(t)
	src := importFixture(t, u, lib)
	eventually(t, "the details form", func() bool { return overlayContains(u, "Imported — check the details") })
	title := u.win.Canvas().Focused().(*dialogEntry)
	fyne.DoAndWait(func() { title.SetText("") })
	var save *widget.Button
	walkOverlays(u, func(o fyne.CanvasObject) {
		if b, ok := o.(*widget.Button); ok && b.Text == "Save details" {
			save = b
		}
	})
	if save == nil || !save.Disabled() {
		t.Fatal("Save details is not disabled with no title")
	}
	test.Type(title, "Chip controls, corrected")
	confirmForm(t, u, "Save details")
	eventually(t, "the saved title", func() bool {
		got, _ := lib.Source(context.Background(), src.ID)
		return got.Title == "Chip controls, corrected"
	})
}

func TestImportDetailsEscapeAsksBeforeDroppingACorrection(t *testing.T) {
	u, lib := newTestUI(t)
	src := importFixture(t, u, lib)
	eventually(t, "the details form", func() bool { return overlayContains(u, "Imported — check the details") })
	title := u.win.Canvas().Focused().(*dialogEntry)
	test.Type(title, "Typed ")
	pressKey(u, fyne.KeyEscape)
	if !overlayContains(u, "Discard your changes?") {
		t.Fatal("Escape dropped a correction without asking")
	}
	confirmForm(t, u, "Keep editing")
	if !overlayContains(u, "Imported — check the details") || title.Text != "Typed "+src.Title {
		t.Fatalf("the form or its text is gone: %q", title.Text)
	}
	confirmForm(t, u, "Keep as detected") // an explicit choice: no question
	if overlayContains(u, "Imported — check the details") || overlayContains(u, "Discard your changes?") {
		t.Fatal("Keep as detected did not close the form at once")
	}
	got, _ := lib.Source(context.Background(), src.ID)
	if got.Title != src.Title {
		t.Fatalf("Keep as detected saved %q", got.Title)
	}
}

// The file dialog shows every format an import takes, from the one list.
func TestImportDialogFiltersByTheFormats(t *testing.T) {
	f, ok := importFilter().(*storage.ExtensionFileFilter)
	if !ok || !slices.Equal(f.Extensions, intake.Extensions()) {
		t.Fatalf("filter %#v, want the extensions %q", importFilter(), intake.Extensions())
	}
	for _, e := range []string{".txt", ".md", ".html", ".pdf", ".docx", ".json", ".xhtml", ".docm"} {
		if !f.Matches(storage.NewFileURI("/x/a" + e)) {
			t.Errorf("the dialog hides %s files", e)
		}
	}
}

// A briefing file imported in the window gives what `attache import` gives
// (cli TestImportABriefingFileAddsTheBriefing): the briefing with its two
// sources, and no source made of the file.
func TestImportABriefingFileAsTheCommandLineDoes(t *testing.T) {
	u, lib := newTestUI(t)
	dismissOverlays(u)
	path := jsonfile.Write(t, filepath.Join(t.TempDir(), "brief.json"))
	want := testbundle.Bundle(t).Briefing
	fyne.DoAndWait(func() { u.importPaths([]string{path}) })
	eventually(t, "the report", func() bool { return overlayContains(u, "brief.json: briefing “"+want.Title+"” added to Briefings") })
	list, _ := lib.Briefings(context.Background(), domain.BriefingFilter{})
	if len(list) != 1 || list[0].Title != want.Title || sourceCount(t, u) != 2 {
		t.Fatalf("%d briefings, %d sources", len(list), sourceCount(t, u))
	}
}

// slowLibrary holds each new source until the import is cancelled.
type slowLibrary struct {
	*store.Store
	saving chan struct{}
}

func (l slowLibrary) CreateSource(ctx context.Context, src *domain.Source) (bool, error) {
	l.saving <- struct{}{}
	select {
	case <-ctx.Done():
		return false, ctx.Err()
	case <-time.After(5 * time.Second): // long past the test's bound
	}
	return l.Store.CreateSource(ctx, src)
}

// slowImportUI is the window on a library that holds each new source
// until the import is cancelled.
func slowImportUI(t *testing.T) (*UI, slowLibrary) {
	t.Helper()
	u0, lib := newTestUI(t)
	slow := slowLibrary{Store: lib, saving: make(chan struct{}, 10)}
	u := New(context.Background(), u0.app, slow)
	u.win.Show()
	eventually(t, "the welcome dialog", func() bool { return overlayContains(u, "Welcome to Attaché") })
	dismissOverlays(u)
	return u, slow
}

// chipsCopies writes testdata/chips.txt under each name in a new folder
// and returns their paths.
func chipsCopies(t *testing.T, names ...string) []string {
	t.Helper()
	data, err := os.ReadFile("testdata/chips.txt")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	var paths []string
	for _, name := range names {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, p)
	}
	return paths
}

// Cancel stops a many-file import within a second and says what became
// of each file: the one under way was not imported, nor the ones after it.
func TestCancelStopsAnImportOfManyFilesAtOnce(t *testing.T) {
	u, slow := slowImportUI(t)
	dir := filepath.Dir(chipsCopies(t, "a.txt", "b.txt", "c.txt")[0])
	go fyne.DoAndWait(func() { u.importPaths([]string{dir}) })
	<-slow.saving
	confirmForm(t, u, "Cancel")
	sent := time.Now()
	reported := func() (ok bool) {
		// The report comes back through the UI queue: run it while waiting.
		fyne.DoAndWait(func() { pumpUI(); ok = overlayContains(u, "Cancelled: 2 of 3 files were not imported.") })
		return ok
	}
	for !reported() {
		if time.Since(sent) > time.Second {
			t.Fatal("no report of the cancel 1 s after it")
		}
		time.Sleep(5 * time.Millisecond)
	}
	t.Logf("reported %v after the cancel", time.Since(sent))
	if !overlayContains(u, "a.txt: cancelled; nothing of it was imported") || sourceCount(t, u) != 0 {
		t.Fatalf("%d sources after the cancel", sourceCount(t, u))
	}
}

// progressBars tells which of the import dialog's bars shows: the one
// for work going on, the one measuring how far it has come.
func progressBars(u *UI) (busy, measured bool) {
	walkOverlays(u, func(o fyne.CanvasObject) {
		switch o.(type) {
		case *widget.ProgressBarInfinite:
			busy = busy || o.Visible()
		case *widget.ProgressBar:
			measured = measured || o.Visible()
		}
	})
	return busy, measured
}

// Found by a trial: a single long PDF showed a bar stuck at 0 % until it
// was done. One file shows work going on; several, how many are done.
func TestImportProgressShowsWorkForOneFileAndCountsSeveral(t *testing.T) {
	for _, n := range []int{1, 3} {
		u, slow := slowImportUI(t)
		names := []string{"a.txt", "b.txt", "c.txt"}[:n]
		paths := chipsCopies(t, names...)
		go fyne.DoAndWait(func() { u.importPaths(paths) })
		<-slow.saving
		var busy, measured bool
		eventually(t, "the progress shown", func() bool { busy, measured = progressBars(u); return busy || measured })
		if busy != (n == 1) || measured != (n > 1) {
			t.Errorf("%d files: the bar for work going on shows %v, the measured one %v", n, busy, measured)
		}
		confirmForm(t, u, "Cancel")
		eventually(t, "the cancel's report", func() bool { return overlayContains(u, "cancelled") })
	}
}
