package app

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"

	"github.com/attache/attache/domain"
	"github.com/attache/attache/store"
)

// The check catches a library call on the UI goroutine (a test's own, or
// any goroutine running work handed over with u.do), and lets background
// work call it.
func TestLibraryCallsOnTheUIGoroutineAreCaught(t *testing.T) {
	lib, err := store.Open(context.Background(), filepath.Join(t.TempDir(), "library.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer lib.Close()
	var caught []string
	old := uiViolation
	uiViolation = func(msg string) { caught = append(caught, msg) }
	defer func() { uiViolation = old }()
	checkedLib := checked(lib)
	ctx := context.Background()
	list := func() { _, _ = checkedLib.Sources(ctx, domain.SourceFilter{}) }

	release := uiGoroutine()
	list() // on the UI goroutine
	if len(caught) != 1 || !strings.Contains(caught[0], "the library's Sources was called on the UI goroutine") {
		t.Fatalf("a call on the UI goroutine: %q", caught)
	}
	offUI(list) // background work run inline
	offUI(func() { runAs(roleUI, list) })
	if len(caught) != 2 {
		t.Fatalf("background work or UI work inside it: %d caught, want 2", len(caught))
	}
	_ = checkedLib.Path() // from memory: allowed
	_ = checkedLib.ReadOnly()
	release()
	list() // no longer the UI goroutine
	done := make(chan struct{})
	go func() { defer close(done); list(); runAs(roleUI, list) }()
	<-done
	if len(caught) != 3 {
		t.Fatalf("another goroutine, plain then running UI work: %d caught, want 3", len(caught))
	}
	if unwrapLibrary(checkedLib) != Library(lib) || checked(checkedLib) != checkedLib {
		t.Fatal("wrapping twice, or unwrapping, does not give the library back")
	}
}

// gatedLibrary holds every save until its gate opens: a library busy in
// another program.
type gatedLibrary struct {
	Library
	gate chan struct{}
}

func (g gatedLibrary) SaveBriefing(ctx context.Context, base, b *domain.Briefing) (*domain.Saved, error) {
	<-g.gate
	return g.Library.SaveBriefing(ctx, base, b)
}

// realBackground runs background work on its own goroutines, as a real
// run does, for the rest of the test.
func realBackground(t *testing.T) {
	old := background
	background = func(f func()) { go offUI(f) }
	t.Cleanup(func() { background = old })
}

// returnsSoon runs f and fails the test if it has not returned within a
// second: it waited on the library.
func returnsSoon(t *testing.T, what string, f func()) {
	t.Helper()
	done := make(chan struct{})
	go func() { defer close(done); runAs(roleUI, f) }()
	select {
	case <-done:
	case <-time.After(time.Second):
		t.Fatalf("%s waited on a busy library", what)
	}
}

// Switching briefing while the library is busy: the window stays
// responsive showing "Saving…", switches once the save lands, and what is
// typed meanwhile is saved too.
func TestSwitchingBriefingWaitsForTheSaveWithoutBlocking(t *testing.T) {
	setAutosave(t, time.Hour)
	quietFollow(t)
	u, lib := openSampleBriefing(t)
	ctx := context.Background()
	c := u.briefings.composer
	other := &domain.Briefing{Title: "Other briefing"}
	if err := lib.CreateBriefing(ctx, other); err != nil {
		t.Fatal(err)
	}
	gate := make(chan struct{})
	defer func() {
		select {
		case <-gate:
		default:
			close(gate)
		}
	}()
	u.lib = checked(gatedLibrary{lib, gate})
	realBackground(t)
	first := c.d.b.ID
	fyne.DoAndWait(func() { c.title.SetText("Typed before the switch") })
	returnsSoon(t, "switching briefing", func() { c.open(other) })
	if c.d.b.ID != first || c.saved.Text != "Saving…" {
		t.Fatalf("while the save waits: briefing %d (want %d), status %q", c.d.b.ID, first, c.saved.Text)
	}
	fyne.DoAndWait(func() { c.title.SetText("Typed while it saved") })
	close(gate)
	eventually(t, "the switch", func() bool { return c.d != nil && c.d.b.ID == other.ID })
	eventually(t, "the typing saved", func() bool {
		b, _ := lib.Briefing(ctx, first)
		return b.Title == "Typed while it saved"
	})
}

// Export, Versions and restoring a version wait for the save the same
// way, the window responsive meanwhile.
func TestExportAndVersionsWaitForTheSaveWithoutBlocking(t *testing.T) {
	setAutosave(t, time.Hour)
	quietFollow(t)
	u, lib := openSampleBriefing(t)
	c := u.briefings.composer
	for _, step := range []struct {
		name, shows string
		act         func()
	}{
		{"Export", "Export briefing", c.onExport},
		{"Versions", "Versions", c.onHistory},
	} {
		gate := make(chan struct{})
		u.lib = checked(gatedLibrary{lib, gate})
		realBackground(t)
		fyne.DoAndWait(func() { c.title.SetText("Before " + step.name) })
		returnsSoon(t, step.name, step.act)
		if overlayContains(u, step.shows) {
			close(gate)
			t.Fatalf("%s showed before the save landed", step.name)
		}
		close(gate)
		eventually(t, step.name, func() bool { return overlayContains(u, step.shows) })
		if b, _ := lib.Briefing(context.Background(), c.d.b.ID); b.Title != "Before "+step.name {
			t.Fatalf("%s: the library holds %q", step.name, b.Title)
		}
		dismissOverlays(u)
	}
}

// Restoring a backup from the damage banner saves, closes, copies and
// reopens off the UI goroutine, a dialog saying what is under way.
func TestRestoringABackupShowsProgressWithoutBlocking(t *testing.T) {
	setAutosave(t, time.Hour)
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "library.db")
	u, lib := openSampleBriefingAt(t, ctx, path)
	backup, err := lib.AutoBackup(ctx)
	if err != nil {
		t.Fatal(err)
	}
	fyne.DoAndWait(func() { u.briefings.composer.title.SetText("Typed just before the restore") })
	gate := make(chan struct{})
	realBackground(t)
	var restored *UI
	returnsSoon(t, "restoring the backup", func() {
		// Closing waits, as on a library busy in another program.
		u.onRestoreBackup(backup, storeOpener(path), func(r *UI, closeFn func()) { restored = r; t.Cleanup(closeFn) }, func() { <-gate; lib.Close() })
	})
	eventually(t, "the progress", func() bool { return overlayContains(u, "Closing the library and copying the backup into its place") })
	if b, _ := lib.Briefing(ctx, u.briefings.composer.d.b.ID); b == nil || b.Title != "Typed just before the restore" {
		t.Fatalf("the typing was not saved before the library closed: %+v", b)
	}
	close(gate)
	eventually(t, "the restored library", func() bool { return restored != nil && overlayContains(u, "Backup restored") })
	if overlayContains(u, "Closing the library") {
		t.Fatal("the progress dialog stays after the restore")
	}
}
