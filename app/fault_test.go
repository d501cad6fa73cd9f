//go:build linux

package app

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/attache/attache/domain"
	"github.com/attache/attache/interchange"
	"github.com/attache/attache/internal/testfs"
	"github.com/attache/attache/store"
)

func TestReadOnlyLibraryCanBeReadAndExportedButNotEdited(t *testing.T) {
	dir := testfs.Tmpfs(t, "16m")
	path := filepath.Join(dir, "library.db")
	u, lib := newTestUIAt(t, path)
	fyne.DoAndWait(u.onLoadSample)
	eventually(t, "the sample", func() bool { st, _ := lib.Stats(context.Background()); return st.Briefings == 1 })
	dismissOverlays(u)
	lib.Close()
	testfs.ReadOnly(t, dir)
	defer testfs.Writable(t, dir)

	u, lib = newTestUIAt(t, path)
	if !lib.ReadOnly() || !treeContains(u.win.Content(), "Read-only library") {
		t.Fatal("no read-only banner over a read-only library")
	}
	walk(u.win.Content(), func(o fyne.CanvasObject) {
		if b, ok := o.(*widget.Button); ok && (b.Text == "Import…" || b.Text == "Edit details") && !b.Disabled() {
			t.Errorf("%q is offered on a read-only library", b.Text)
		}
	})
	fyne.DoAndWait(u.onImportFiles) // the menu item and drag-and-drop still reach it
	if !overlayContains(u, "This library is read-only") {
		t.Fatal("import offered on a read-only library")
	}
	dismissOverlays(u)

	fyne.DoAndWait(func() { u.onShowView(viewBriefings) })
	eventually(t, "the list", func() bool { return u.briefings.list.Length() == 1 })
	fyne.DoAndWait(func() { u.briefings.list.Select(0) })
	c := u.briefings.composer
	eventually(t, "the composer", func() bool { return c.d != nil })
	if !c.title.Disabled() || !c.summary.Disabled() || !c.status.Disabled() {
		t.Fatal("the composer can be typed into on a read-only library")
	}
	var export *widget.Button
	for _, o := range c.docBar.Items() { // in its row or its … menu, by the window's width
		if b, ok := o.(*widget.Button); ok && b.Text == "Export…" {
			export = b
		}
	}
	if export == nil || export.Disabled() {
		t.Fatal("export is not available on a read-only library")
	}
	out := filepath.Join(t.TempDir(), "brief.pdf")
	bundle, err := lib.Bundle(context.Background(), c.d.b.ID)
	if err != nil {
		t.Fatal(err)
	}
	fyne.DoAndWait(func() { c.export(bundle, pdfJob(out)) })
	eventually(t, "the PDF", func() bool {
		b, err := os.ReadFile(out)
		return err == nil && strings.HasPrefix(string(b), "%PDF")
	})
	if overlayContains(u, "read-only") {
		t.Fatal("exporting from a read-only library reported an error")
	}
}

func TestDamageFoundAtStartOffersTheBackupAndRestoresIt(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "library.db")
	u, lib := newTestUIAt(t, path)
	fyne.DoAndWait(u.onLoadSample)
	eventually(t, "the sample", func() bool { st, _ := lib.Stats(ctx); return st.Briefings == 1 })
	dismissOverlays(u)
	backup, err := lib.AutoBackup(ctx)
	if err != nil || backup == "" {
		t.Fatalf("backup = %q, %v", backup, err)
	}
	want, _ := lib.Stats(ctx)
	lib.Close()
	testfs.DamagePages(t, path, "who builds the radio")

	u, lib = newTestUIAt(t, path)
	op := storeOpener(path)
	var restored *UI
	fyne.DoAndWait(func() {
		u.checkLibrary(op, func(r *UI, closeFn func()) { restored = r; t.Cleanup(closeFn) }, func() { lib.Close() })
	})
	eventually(t, "the damage dialog", func() bool {
		return overlayContains(u, "Restore the newest automatic backup of this library, "+filepath.Base(backup))
	})
	if !overlayContains(u, "has damaged pages (SQLite") {
		t.Fatal("the dialog does not say what was found")
	}
	confirmForm(t, u, "Restore the backup")
	eventually(t, "the restored library", func() bool { return restored != nil })
	if got, _ := unwrapLibrary(restored.lib).(*store.Store).Stats(ctx); got.Sources != want.Sources || got.Briefings != want.Briefings {
		t.Fatalf("restored library holds %+v, want %+v", got, want)
	}
	if err := unwrapLibrary(restored.lib).Check(ctx); err != nil {
		t.Fatalf("restored library: %v", err)
	}
	if _, err := os.Stat(path + ".before-restore"); err != nil {
		t.Fatalf("the damaged file was not kept: %v", err)
	}
	if restored.win != u.win {
		t.Fatal("the restored library opened in a new window")
	}
}

// storeOpener is main's Opener without the lock and the daily backup.
func storeOpener(path string) Opener {
	return Opener{
		Open: func(ctx context.Context) (Library, func(), error) {
			s, err := store.Open(ctx, path)
			if err != nil {
				return nil, nil, err
			}
			return s, func() { s.Close() }, nil
		},
		Damaged:      func(err error) bool { return errors.Is(err, store.ErrDamaged) },
		NewestBackup: func() string { return store.NewestBackup(path) },
		Restore:      func(b string) (string, error) { return store.RestoreFile(context.Background(), b, path) },
	}
}

func TestAutosaveOnAFullDiskKeepsTheEditsAndRetries(t *testing.T) {
	withDelays(t, 20*time.Millisecond, 50*time.Millisecond)
	ctx := context.Background()
	dir := testfs.Tmpfs(t, "16m")
	u, lib := openSampleBriefingAt(t, ctx, filepath.Join(dir, "library.db"))
	c := u.briefings.composer
	id := c.d.b.ID
	fillAfterCheckpoint := func() func() {
		if err := lib.Checkpoint(ctx); err != nil { // an empty log must grow to take the next save
			t.Fatal(err)
		}
		return testfs.Fill(t, dir)
	}
	free := fillAfterCheckpoint()
	long := "The fab subsidy race is now a budget question."
	fyne.DoAndWait(func() { c.summary.SetText(long) })
	eventually(t, "the failure", func() bool { return c.saved.Text == "Not saved — retrying" })
	eventually(t, "the message", func() bool { return overlayContains(u, "not saved yet: the disk is full") })
	fyne.DoAndWait(func() { c.title.SetText("Pressure points, revised") })
	sleepUI(6 * retryDelay) // several retries fail meanwhile
	if n := countOverlays(u, "not saved yet"); n != 1 {
		t.Fatalf("%d error dialogs for one failing streak, want 1", n)
	}
	free()
	eventually(t, "the retry", func() bool { return c.saved.Text == "Saved" })
	b, err := lib.Briefing(ctx, id)
	if err != nil || b.Title != "Pressure points, revised" || b.Summary != long {
		t.Fatalf("after the retry the library holds %q (summary %d bytes), %v", b.Title, len(b.Summary), err)
	}
}

func TestClosingOverUnsavedEditsOffersARescueCopy(t *testing.T) {
	withDelays(t, time.Hour, time.Hour) // the close is the first save
	ctx := context.Background()
	dir := testfs.Tmpfs(t, "16m")
	u, lib := openSampleBriefingAt(t, ctx, filepath.Join(dir, "library.db"))
	c := u.briefings.composer
	if err := lib.Checkpoint(ctx); err != nil {
		t.Fatal(err)
	}
	free := testfs.Fill(t, dir)
	defer free()
	long := "Allied licensing diverges again."
	fyne.DoAndWait(func() { c.summary.SetText(long) })
	fyne.DoAndWait(u.onCloseRequested)
	eventually(t, "the question", func() bool { return overlayContains(u, "could not be saved: the disk is full") })
	confirmForm(t, u, "Save a copy elsewhere and close")
	eventually(t, "the note", func() bool { return overlayContains(u, "attache briefing import") })
	matches, _ := filepath.Glob(filepath.Join(os.TempDir(), fmt.Sprintf("attache-rescue-%d", os.Getuid()), "*-unsaved-*.json"))
	var found string
	for _, m := range matches {
		b, err := os.ReadFile(m)
		if err == nil && strings.Contains(string(b), "Allied licensing diverges again.") {
			found = m
		}
	}
	if found == "" {
		t.Fatal("no rescue copy with the unsaved summary in the temporary folder")
	}
	defer os.Remove(found)
	f, err := os.Open(found)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	bundle, err := interchange.ReadJSON(f)
	if err != nil || bundle.Briefing.Summary != long || len(bundle.Sources) == 0 {
		t.Fatalf("rescue copy reads back as %v", err)
	}
}

// The quit signal cancels the app's context; the last save must still land.
func TestQuitSignalStillSavesPendingEdits(t *testing.T) {
	withDelays(t, time.Hour, time.Hour)
	ctx, cancel := context.WithCancel(context.Background())
	u, lib := openSampleBriefingAt(t, ctx, filepath.Join(t.TempDir(), "library.db"))
	c := u.briefings.composer
	fyne.DoAndWait(func() { c.title.SetText("Saved on the way out") })
	cancel()
	var stderr strings.Builder
	u.flushOrRescue(&stderr)
	if stderr.Len() > 0 {
		t.Fatalf("stderr: %s", stderr.String())
	}
	b, err := lib.Briefing(context.Background(), c.d.b.ID)
	if err != nil || b.Title != "Saved on the way out" {
		t.Fatalf("after the quit signal the library holds %q, %v", b.Title, err)
	}
}

// withDelays sets the autosave and retry delays for one test.
func withDelays(t *testing.T, autosave, retry time.Duration) {
	a, r, m := autosaveDelay, retryDelay, maxSaveWait
	autosaveDelay, retryDelay, maxSaveWait = autosave, retry, max(autosave, m)
	t.Cleanup(func() { autosaveDelay, retryDelay, maxSaveWait = a, r, m })
}

func TestStartupErrorIsShownInAWindow(t *testing.T) {
	a := test.NewTempApp(t)
	showStartupError(a, store.ErrDamaged)
	showStartupError(a, errors.New(""))
	var titles, texts []string
	for _, w := range a.Driver().AllWindows() {
		if w.Title() == "" {
			continue // the test driver's own
		}
		titles = append(titles, w.Title())
		walk(w.Content(), func(o fyne.CanvasObject) {
			if l, ok := o.(*widget.Label); ok {
				texts = append(texts, l.Text)
			}
		})
	}
	got := strings.Join(texts, "|")
	if len(titles) != 2 || titles[0] != "Attaché could not open the library" || !strings.Contains(got, "Damaged library.") || !strings.Contains(got, "Something went wrong.") {
		t.Fatalf("windows %q with %q", titles, got)
	}
}

// A rescue copy (or any exported briefing file) comes back through Import.
func TestImportingABriefingFileAddsTheBriefing(t *testing.T) {
	ctx := context.Background()
	u, lib := openSampleBriefingAt(t, ctx, filepath.Join(t.TempDir(), "library.db"))
	fyne.DoAndWait(func() { u.briefings.composer.title.SetText("Rescued draft") })
	var path string
	err := asBackground(func() (err error) { path, err = u.rescueDraft(u.briefings.composer.d); return err })
	if err != nil {
		t.Fatal(err)
	}
	defer os.Remove(path)
	fyne.DoAndWait(func() { u.importPaths([]string{path}) })
	eventually(t, "the briefing", func() bool { st, _ := lib.Stats(ctx); return st.Briefings == 2 })
	eventually(t, "the report", func() bool { return overlayContains(u, "briefing “Rescued draft” added to Briefings") })
	st, _ := lib.Stats(ctx)
	if st.Sources != sampleSources {
		t.Fatalf("importing the briefing duplicated its sources: %+v", st)
	}
}

// A save that fails brings the form back with what was typed in it.
func TestExcerptFormComesBackWhenTheDiskIsFull(t *testing.T) {
	ctx := context.Background()
	dir := testfs.Tmpfs(t, "16m")
	u, lib := newTestUIAt(t, filepath.Join(dir, "library.db"))
	src := importFixture(t, u, lib)
	dismissOverlays(u)
	u.library.reader.open(src.ID, -1)
	eventually(t, "the text", func() bool { return u.library.reader.text.Text() != "" })
	fyne.DoAndWait(func() { u.library.reader.text.Select(0, 40) })
	fyne.DoAndWait(u.library.reader.onNewExcerpt)
	note := strings.Repeat("Twenty minutes of careful reasoning about this passage. ", 12)
	var noteEntry *widget.Entry
	walk(findForm(t, u), func(o fyne.CanvasObject) {
		if e, ok := o.(*dialogEntry); ok && e.MultiLine && noteEntry == nil {
			noteEntry = &e.Entry
		}
	})
	fyne.DoAndWait(func() { noteEntry.SetText(note) })
	if err := lib.Checkpoint(ctx); err != nil {
		t.Fatal(err)
	}
	free := testfs.Fill(t, dir)
	confirmForm(t, u, "Save excerpt")
	eventually(t, "the message", func() bool { return overlayContains(u, "disk is full") })
	if noteEntry.Text != note || findForm(t, u) == nil {
		t.Fatal("the note typed into the form was lost")
	}
	free()
	dismissErrors(u)
	confirmForm(t, u, "Save excerpt")
	eventually(t, "the excerpt", func() bool {
		got, _ := lib.Excerpts(ctx, domain.ExcerptFilter{SourceID: src.ID})
		return len(got) == 1 && got[0].Note == strings.TrimSpace(note)
	})
}

// dismissErrors closes the error dialogs, leaving other overlays.
func dismissErrors(u *UI) {
	fyne.DoAndWait(func() {
		for _, o := range u.win.Canvas().Overlays().List() {
			if treeContains(o, "disk is full") {
				u.win.Canvas().Overlays().Remove(o)
			}
		}
	})
}

// Switching briefings while a save keeps failing must not lose those edits
// nor let a late retry overwrite newer ones.
func TestSwitchingBriefingsKeepsADraftThatCannotBeSaved(t *testing.T) {
	// The retry comes well after the briefing is reopened and re-edited.
	withDelays(t, 20*time.Millisecond, 400*time.Millisecond)
	ctx := context.Background()
	dir := testfs.Tmpfs(t, "16m")
	u, lib := openSampleBriefingAt(t, ctx, filepath.Join(dir, "library.db"))
	c := u.briefings.composer
	a := c.d.b.ID
	other := &domain.Briefing{Title: "Other"}
	if err := lib.CreateBriefing(ctx, other); err != nil {
		t.Fatal(err)
	}
	if err := lib.Checkpoint(ctx); err != nil {
		t.Fatal(err)
	}
	free := testfs.Fill(t, dir)
	fyne.DoAndWait(func() { c.summary.SetText("E1: written on a full disk.") })
	eventually(t, "the failure", func() bool { return c.saved.Text == "Not saved — retrying" })
	b, _ := lib.Briefing(ctx, other.ID)
	fyne.DoAndWait(func() { c.open(b) })
	dismissOverlays(u)
	free()
	full, _ := lib.Briefing(ctx, a)
	fyne.DoAndWait(func() { c.open(full) })
	if c.summary.Text != "E1: written on a full disk." {
		t.Fatalf("reopening the briefing showed %q, not the edit still waiting to be saved", c.summary.Text)
	}
	fyne.DoAndWait(func() { c.summary.SetText("E2: the newer edit.") })
	eventually(t, "the newer edit saved", func() bool {
		got, _ := lib.Briefing(ctx, a)
		return got.Summary == "E2: the newer edit."
	})
	sleepUI(2 * retryDelay) // any old retry lands by now
	if got, _ := lib.Briefing(ctx, a); got.Summary != "E2: the newer edit." {
		t.Fatalf("a late retry overwrote the newer edit: %q", got.Summary)
	}
}

// Restoring a backup over unsaved edits writes them to a rescue copy first.
func TestRestoreKeepsUnsavedEditsInARescueCopy(t *testing.T) {
	withDelays(t, time.Hour, time.Hour)
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "library.db")
	u, lib := openSampleBriefingAt(t, ctx, path)
	backup, err := lib.AutoBackup(ctx)
	if err != nil {
		t.Fatal(err)
	}
	fyne.DoAndWait(func() { u.briefings.composer.title.SetText("Typed just before the restore") })
	lib.Close() // the damaged library fails every save from here
	op := storeOpener(path)
	var restored *UI
	fyne.DoAndWait(func() {
		u.onRestoreBackup(backup, op, func(r *UI, closeFn func()) { restored = r; t.Cleanup(closeFn) }, func() {})
	})
	if restored == nil {
		t.Fatal("not restored")
	}
	eventually(t, "the note", func() bool { return overlayContains(u, "Your latest changes are in ") })
	matches, _ := filepath.Glob(filepath.Join(filepath.Dir(path), "rescue", "*-unsaved-*.json"))
	if len(matches) != 1 {
		t.Fatalf("rescue copies: %v", matches)
	}
	f, err := os.Open(matches[0])
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	// The library was closed, so no source could be read: the copy still
	// imports, its excerpts kept as quoted commentary.
	bundle, err := interchange.ReadJSON(f)
	if err != nil || bundle.Briefing.Title != "Typed just before the restore" {
		t.Fatalf("the rescue copy does not import: %v", err)
	}
	quoted := 0
	for _, blk := range bundle.Briefing.Blocks {
		if blk.Type == domain.BlockCommentary && strings.Contains(blk.Text, "its source could not be read") {
			quoted++
		}
	}
	if quoted == 0 {
		t.Fatal("the excerpts were dropped from the rescue copy")
	}
}

// Trashing a briefing whose edits cannot be saved keeps them in a rescue
// copy and stops retrying; restoring a version over them is refused.
func TestUnsavableDraftOnTrashAndVersionRestore(t *testing.T) {
	withDelays(t, 10*time.Millisecond, time.Hour)
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "library.db")
	u, lib := openSampleBriefingAt(t, ctx, path)
	c := u.briefings.composer
	id := c.d.b.ID
	snap, err := lib.CreateSnapshot(ctx, id, "before")
	if err != nil {
		t.Fatal(err)
	}
	fyne.DoAndWait(func() {
		c.summary.SetText("Kept although the title is empty.")
		c.title.SetText("")
	})
	eventually(t, "the failed save", func() bool { return c.saved.Text == "Not saved — retrying" })
	dismissOverlays(u)
	fyne.DoAndWait(func() { c.restore(id, snap.ID) })
	if !overlayContains(u, "The version was not restored: your latest changes are not saved yet") {
		t.Fatal("a version was restored over unsaved edits")
	}
	dismissOverlays(u)
	d := c.d
	fyne.DoAndWait(u.briefings.closeComposer)
	if !d.stopped {
		t.Fatal("the draft of a closed briefing keeps retrying")
	}
	matches, _ := filepath.Glob(filepath.Join(filepath.Dir(path), "rescue", "*-unsaved-*.json"))
	if len(matches) != 1 {
		t.Fatalf("rescue copies: %v", matches)
	}
	if b, _ := os.ReadFile(matches[0]); !strings.Contains(string(b), "Kept although the title is empty.") {
		t.Fatal("the rescue copy lacks the unsaved summary")
	}
	// Two rescues of the same briefing in the same second keep both.
	var p1, p2 string
	err1 := asBackground(func() (err error) { p1, err = u.rescueDraft(d); return err })
	err2 := asBackground(func() (err error) { p2, err = u.rescueDraft(d); return err })
	if err1 != nil || err2 != nil || p1 == p2 {
		t.Fatalf("two rescues: %q %v, %q %v", p1, err1, p2, err2)
	}
}

func TestQuitWatchdogSavesAndExitsOnlyWhenShutdownHangs(t *testing.T) {
	var finished atomic.Bool
	saved, exited := make(chan bool, 2), make(chan int, 2)
	armQuitWatchdog(10*time.Millisecond, &finished, func() { saved <- true }, io.Discard, func(c int) { exited <- c })
	select {
	case c := <-exited:
		if c != 0 || len(saved) != 1 {
			t.Fatalf("exit %d, saved %d times", c, len(saved))
		}
	case <-time.After(5 * time.Second):
		t.Fatal("the watchdog did not step in")
	}
	finished.Store(true)
	armQuitWatchdog(10*time.Millisecond, &finished, func() { saved <- true }, io.Discard, func(c int) { exited <- c })
	time.Sleep(100 * time.Millisecond)
	if len(exited) != 0 || len(saved) != 1 {
		t.Fatal("the watchdog stepped in after a clean shutdown")
	}
}

func TestFailedWebImportBringsTheAddressBack(t *testing.T) {
	srv := httptest.NewServer(http.NotFoundHandler())
	defer srv.Close()
	u, _ := newTestUI(t)
	dismissOverlays(u)
	fyne.DoAndWait(u.onImportURL)
	addr := srv.URL + "/analysis/chips-2026"
	entry := u.win.Canvas().Focused().(*dialogEntry)
	fyne.DoAndWait(func() { entry.SetText(addr) })
	confirmForm(t, u, "Import")
	eventually(t, "the error", func() bool { return overlayContains(u, "404") })
	if findForm(t, u) == nil || entry.Text != addr {
		t.Fatalf("the form did not come back with the address (entry %q)", entry.Text)
	}
}
