package app

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/attache/attache/assets"
	"github.com/attache/attache/domain"
	"github.com/attache/attache/interchange"
	"github.com/attache/attache/store"
)

// newTestUI opens a real library in a temporary folder and builds the
// window on the test driver.
func newTestUI(t *testing.T) (*UI, *store.Store) {
	t.Helper()
	return newTestUIAt(t, filepath.Join(t.TempDir(), "library.db"))
}

// newTestUIAt is newTestUI on a library at path.
func newTestUIAt(t *testing.T, path string) (*UI, *store.Store) {
	t.Helper()
	for _, k := range []string{"XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_DATA_HOME"} {
		t.Setenv(k, t.TempDir())
	}
	failOnUIViolations(t)
	dropUIWork(t)
	a := test.NewTempApp(t)
	lib, err := store.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { lib.Close() })
	u := New(context.Background(), a, lib)
	u.win.Resize(fyne.NewSize(1200, 800))
	u.win.Show()
	return u, lib
}

// eventually waits for work done off the UI goroutine to show.
func eventually(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		var ok bool
		fyne.DoAndWait(func() { pumpUI(); ok = cond() })
		if ok {
			return
		}
		time.Sleep(10 * time.Millisecond)
	}
	t.Fatalf("timed out waiting for %s", what)
}

func importFixture(t *testing.T, u *UI, lib *store.Store) *domain.Source {
	t.Helper()
	path, _ := filepath.Abs("testdata/chips.txt")
	u.importPaths([]string{path})
	var src *domain.Source
	eventually(t, "the import", func() bool {
		list, _ := lib.Sources(context.Background(), domain.SourceFilter{})
		if len(list) == 1 {
			src = list[0]
		}
		return src != nil
	})
	return src
}

func TestImportShowsDetectedDetailsAndListsTheSource(t *testing.T) {
	u, lib := newTestUI(t)
	src := importFixture(t, u, lib)
	if src.Title != "Why Chip Export Controls Keep Tightening" || src.Section != "SEMICONDUCTORS" || len(src.Authors) != 2 {
		t.Fatalf("imported %+v", src)
	}
	eventually(t, "the details form", func() bool { return overlayContains(u, "Imported — check the details") })
	eventually(t, "the source in the list", func() bool { return u.library.list.Length() == 1 })
	eventually(t, "the reader", func() bool { return u.library.reader.title.Text == src.Title })
	if !strings.Contains(u.library.reader.byline.Text, "Jane Q. Analyst and Omar Haddad") {
		t.Fatalf("byline %q", u.library.reader.byline.Text)
	}
}

func TestExcerptFromASelectionStoresExactOffsets(t *testing.T) {
	u, lib := newTestUI(t)
	src := importFixture(t, u, lib)
	dismissOverlays(u)
	u.library.reader.open(src.ID, -1)
	eventually(t, "the text", func() bool { return u.library.reader.text.Text() != "" })
	// The phrase occurs twice; select the second one.
	text := []rune(u.library.reader.text.Text())
	spans, _ := domain.FindQuote(string(text), "Allies’ firms")
	fyne.DoAndWait(func() { u.library.reader.text.Select(spans[1].Start, spans[1].End) })
	if u.library.reader.excerpt.Disabled() {
		t.Fatal("the excerpt button stays disabled with a selection")
	}
	fyne.DoAndWait(u.library.reader.onNewExcerpt)
	form := findForm(t, u)
	entries := test.WidgetRenderer(form).Objects()
	_ = entries
	confirmForm(t, u, "Save excerpt")
	var got []*domain.Excerpt
	eventually(t, "the excerpt", func() bool {
		got, _ = lib.Excerpts(context.Background(), domain.ExcerptFilter{SourceID: src.ID})
		return len(got) == 1
	})
	if got[0].Start != spans[1].Start || got[0].End != spans[1].End || got[0].Quote != "Allies’ firms" {
		t.Fatalf("excerpt %+v, want span %v", got[0], spans[1])
	}
}

func TestSearchListsHitsWithSnippets(t *testing.T) {
	u, lib := newTestUI(t)
	importFixture(t, u, lib)
	dismissOverlays(u)
	test.Type(u.library.search, "fence")
	eventually(t, "search results", func() bool { return len(u.library.hits) == 1 })
	if h := u.library.hits[0]; !strings.Contains(h.Snippet, "high fence") {
		t.Fatalf("hit %+v", h)
	}
	test.Type(u.library.search, "zzzz")
	eventually(t, "no results", func() bool { return strings.HasPrefix(u.library.status.Text, "Nothing found") })
}

func TestSampleLibraryIsOfferedOnAnEmptyLibrary(t *testing.T) {
	u, lib := newTestUI(t)
	eventually(t, "the welcome dialog", func() bool { return overlayContains(u, "Welcome to Attaché") })
	fyne.DoAndWait(u.onLoadSample)
	eventually(t, "the sample sources", func() bool {
		st, _ := lib.Stats(context.Background())
		return st.Sources == sampleSources && st.Briefings == 1 && st.Excerpts >= 8
	})
	eventually(t, "the list", func() bool { return u.library.list.Length() == sampleSources })
	fyne.DoAndWait(func() { u.onShowView(viewBriefings) })
	eventually(t, "the briefings list", func() bool { return u.briefings.list.Length() == 1 })
	fyne.DoAndWait(func() { u.onShowView(viewExcerpts) })
	eventually(t, "the excerpts", func() bool { return len(u.excerpts.excerpts) >= 8 })
}

func TestEditExcerptInExcerptsView(t *testing.T) {
	setAutosave(t, time.Hour) // switching view saves; no save lands while typing
	u, lib := newTestUI(t)
	fyne.DoAndWait(u.onLoadSample)
	eventually(t, "the sample", func() bool { st, _ := lib.Stats(context.Background()); return st.Excerpts >= 8 })
	dismissOverlays(u)
	fyne.DoAndWait(func() { u.onShowView(viewExcerpts) })
	eventually(t, "the excerpts", func() bool { return len(u.excerpts.excerpts) >= 8 })
	fyne.DoAndWait(func() { u.excerpts.list.Select(0) })
	id := u.excerpts.selected.ID
	typeOnUI(u.excerpts.fields.note, " Checked against the original.")
	fyne.DoAndWait(func() { u.onShowView(viewLibrary) }) // saves at once
	eventually(t, "the saved note", func() bool {
		e, _ := lib.Excerpt(context.Background(), id)
		return strings.Contains(e.Note, "Checked against the original.")
	})
	// Deleting an excerpt used in the sample briefing asks first.
	fyne.DoAndWait(u.excerpts.onDelete)
	eventually(t, "the confirmation", func() bool { return overlayContains(u, "is quoted in “Technology statecraft") })
	if _, err := lib.Excerpt(context.Background(), id); err != nil {
		t.Fatal("the excerpt was deleted without confirmation")
	}
}

func overlayContains(u *UI, text string) bool { return countOverlays(u, text) > 0 }

// countOverlays counts the dialogs and pop-ups showing text.
func countOverlays(u *UI, text string) int {
	n := 0
	for _, o := range u.win.Canvas().Overlays().List() {
		if treeContains(o, text) {
			n++
		}
	}
	return n
}

// walkOverlays walks every object of the dialogs and pop-ups showing.
func walkOverlays(u *UI, fn func(fyne.CanvasObject)) {
	for _, o := range u.win.Canvas().Overlays().List() {
		walk(o, fn)
	}
}

func treeContains(o fyne.CanvasObject, text string) bool {
	found := false
	walk(o, func(c fyne.CanvasObject) {
		switch w := c.(type) {
		case *widget.Label:
			found = found || strings.Contains(w.Text, text)
		case *widget.RichText:
			found = found || strings.Contains(w.String(), text)
		}
	})
	return found
}

func walk(o fyne.CanvasObject, fn func(fyne.CanvasObject)) {
	fn(o)
	if b, ok := o.(*dialogButton); ok {
		fn(&b.Button) // a dialog's button is a button to the tests
	}
	switch c := o.(type) {
	case *fyne.Container:
		for _, ch := range c.Objects {
			walk(ch, fn)
		}
	case fyne.Widget:
		for _, ch := range test.WidgetRenderer(c).Objects() {
			walk(ch, fn)
		}
	}
}

func dismissOverlays(u *UI) {
	fyne.DoAndWait(func() {
		for _, o := range u.win.Canvas().Overlays().List() {
			u.win.Canvas().Overlays().Remove(o)
		}
	})
}

func findForm(t *testing.T, u *UI) *widget.Form {
	t.Helper()
	var form *widget.Form
	walkOverlays(u, func(c fyne.CanvasObject) {
		if f, ok := c.(*widget.Form); ok && form == nil {
			form = f
		}
	})
	if form == nil {
		t.Fatal("no form dialog is showing")
	}
	return form
}

// confirmForm taps the dialog button with the given label.
func confirmForm(t *testing.T, u *UI, label string) {
	t.Helper()
	var btn *widget.Button
	walkOverlays(u, func(c fyne.CanvasObject) {
		if b, ok := c.(*widget.Button); ok && b.Text == label {
			btn = b
		}
	})
	if btn == nil {
		t.Fatalf("no %q button", label)
	}
	test.Tap(btn)
}

func TestDeleteSourceNamesTheBriefingsThatUseIt(t *testing.T) {
	u, lib := newTestUI(t)
	fyne.DoAndWait(u.onLoadSample)
	eventually(t, "the sample", func() bool { st, _ := lib.Stats(context.Background()); return st.Sources == sampleSources })
	dismissOverlays(u)
	list, _ := lib.Sources(context.Background(), domain.SourceFilter{})
	u.library.reader.open(list[0].ID, -1)
	eventually(t, "the reader", func() bool { return u.library.reader.source != nil })
	fyne.DoAndWait(u.library.reader.onDeleteSource)
	eventually(t, "the confirmation", func() bool { return overlayContains(u, "Technology statecraft") })
	confirmForm(t, u, "Yes")
	eventually(t, "the deletion", func() bool { st, _ := lib.Stats(context.Background()); return st.Sources == sampleSources-1 })
	b, _ := lib.Briefings(context.Background(), domain.BriefingFilter{})
	full, _ := lib.Briefing(context.Background(), b[0].ID)
	for _, blk := range full.Blocks {
		if blk.Excerpt != nil && blk.Excerpt.SourceID == list[0].ID {
			t.Fatal("a block still cites the deleted source")
		}
	}
}

func TestExcerptsFilterBySource(t *testing.T) {
	u, lib := newTestUI(t)
	fyne.DoAndWait(u.onLoadSample)
	eventually(t, "the sample", func() bool { st, _ := lib.Stats(context.Background()); return st.Excerpts >= 8 })
	dismissOverlays(u)
	fyne.DoAndWait(func() { u.onShowView(viewExcerpts) })
	eventually(t, "the source choices", func() bool { return len(u.excerpts.source.Options) == sampleSources+1 })
	all := len(u.excerpts.excerpts)
	fyne.DoAndWait(func() { u.excerpts.source.SetSelectedIndex(1) })
	want := u.excerpts.sources[0].ID
	eventually(t, "the filtered list", func() bool {
		if len(u.excerpts.excerpts) == 0 || len(u.excerpts.excerpts) >= all {
			return false
		}
		for _, e := range u.excerpts.excerpts {
			if e.SourceID != want {
				return false
			}
		}
		return true
	})
}

func TestComposerEditsAutosavesUndoesAndReorders(t *testing.T) {
	setAutosave(t, 20*time.Millisecond)
	u, lib := openSampleBriefing(t)
	c := u.briefings.composer
	eventually(t, "the composer", func() bool { return c.d != nil && c.blockCount() == sampleBlocks })
	id := c.d.b.ID

	// An edit to the title reaches the library after the debounce.
	fyne.DoAndWait(func() { c.title.SetText("Pressure points, revised") })
	eventually(t, "the autosave", func() bool {
		b, _ := lib.Briefing(context.Background(), id)
		return b.Title == "Pressure points, revised"
	})
	// The sample starts with three judgments, then a heading at 3. Add a
	// commentary after the heading, move it above it, then undo the move.
	if c.d.b.Blocks[3].Type != domain.BlockHeading {
		t.Fatalf("sample changed: block 3 is %s", c.d.b.Blocks[3].Type)
	}
	fyne.DoAndWait(func() { c.editBlock(3); c.onAdd(domain.BlockCommentary) })
	if c.d.b.Blocks[4].Type != domain.BlockCommentary || c.blockCount() != sampleBlocks+1 || c.selected != 4 {
		t.Fatalf("added at %d", c.selected)
	}
	fyne.DoAndWait(func() { c.onMove(-1) })
	if c.d.b.Blocks[3].Type != domain.BlockCommentary || c.d.b.Blocks[4].Type != domain.BlockHeading {
		t.Fatal("move up did not move")
	}
	fyne.DoAndWait(c.onUndo)
	if c.d.b.Blocks[3].Type != domain.BlockHeading || c.d.b.Blocks[4].Type != domain.BlockCommentary {
		t.Fatal("undo did not put the block back")
	}
	fyne.DoAndWait(c.onRedo)
	if c.d.b.Blocks[3].Type != domain.BlockCommentary {
		t.Fatal("redo did not move it again")
	}
	// Edit the commentary's text in place; the library follows.
	fyne.DoAndWait(func() { c.editBlock(3) })
	fyne.DoAndWait(func() { c.editor.text.SetText("Delivery, not principle, is the risk.") })
	eventually(t, "the saved commentary", func() bool {
		b, _ := lib.Briefing(context.Background(), id)
		return len(b.Blocks) == sampleBlocks+1 && b.Blocks[3].Text == "Delivery, not principle, is the risk."
	})
	fyne.DoAndWait(c.onRemove)
	eventually(t, "the removal", func() bool {
		b, _ := lib.Briefing(context.Background(), id)
		return len(b.Blocks) == sampleBlocks
	})
}

func TestComposerVersionsAndExport(t *testing.T) {
	setAutosave(t, 20*time.Millisecond)
	u, lib := openSampleBriefing(t)
	c := u.briefings.composer
	eventually(t, "the composer", func() bool { return c.d != nil })
	id := c.d.b.ID
	// A status change takes a version.
	fyne.DoAndWait(func() { c.status.SetSelected("In review") })
	eventually(t, "the version", func() bool {
		vs, _ := lib.Snapshots(context.Background(), id)
		return len(vs) == 1 && strings.Contains(vs[0].Label, "In review")
	})
	// Export writes a real PDF that reads back, and takes a version.
	path := filepath.Join(t.TempDir(), "brief.pdf")
	bundle, err := lib.Bundle(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	fyne.DoAndWait(func() { c.export(bundle, pdfJob(path)) })
	eventually(t, "the PDF", func() bool {
		b, err := os.ReadFile(path)
		return err == nil && strings.HasPrefix(string(b), "%PDF")
	})
	eventually(t, "the export version", func() bool {
		vs, _ := lib.Snapshots(context.Background(), id)
		return len(vs) == 2 && strings.HasPrefix(vs[0].Label, "Exported to brief.pdf")
	})
	// Restoring the first version brings the old status back.
	vs, _ := lib.Snapshots(context.Background(), id)
	fyne.DoAndWait(func() { c.restore(id, vs[1].ID) })
	eventually(t, "the restore", func() bool { return c.d.b.Status == domain.StatusReview || c.d.b.Status == domain.StatusDraft })
}

func TestTrashRestoreAndEmpty(t *testing.T) {
	u, lib := openSampleBriefing(t)
	fyne.DoAndWait(u.briefings.onTrash)
	eventually(t, "the trash", func() bool { st, _ := lib.Stats(context.Background()); return st.Briefings == 0 })
	fyne.DoAndWait(func() { u.briefings.trash.SetChecked(true) })
	eventually(t, "the trash list", func() bool { return u.briefings.list.Length() == 1 })
	fyne.DoAndWait(func() { u.briefings.list.Select(0) })
	fyne.DoAndWait(u.briefings.onRestore)
	eventually(t, "the restore", func() bool { st, _ := lib.Stats(context.Background()); return st.Briefings == 1 })
}

func TestAddExcerptToBriefingFromExcerptsView(t *testing.T) {
	u, lib := newTestUI(t)
	fyne.DoAndWait(u.onLoadSample)
	eventually(t, "the sample", func() bool { st, _ := lib.Stats(context.Background()); return st.Briefings == 1 })
	dismissOverlays(u)
	b, _ := lib.Briefings(context.Background(), domain.BriefingFilter{})
	exs, _ := lib.Excerpts(context.Background(), domain.ExcerptFilter{})
	fyne.DoAndWait(func() { u.addExcerptTo(b[0].ID, exs[0]) })
	eventually(t, "the new block", func() bool {
		full, _ := lib.Briefing(context.Background(), b[0].ID)
		last := full.Blocks[len(full.Blocks)-1]
		return len(full.Blocks) == sampleBlocks+1 && last.ExcerptID == exs[0].ID
	})
}

// openSampleBriefing loads the sample library and opens its briefing in
// the composer.
// sampleSources and sampleBlocks are the sample library's sources and its
// briefing's blocks, read from the embedded file, so that the tests
// follow the sample when it changes.
var sampleSources, sampleBlocks = func() (int, int) {
	b, err := interchange.ReadJSON(bytes.NewReader(assets.SampleBriefing))
	if err != nil {
		panic("the sample library does not read: " + err.Error())
	}
	return len(b.Sources), len(b.Briefing.Blocks)
}()

func openSampleBriefing(t *testing.T) (*UI, *store.Store) {
	t.Helper()
	return openSampleBriefingAt(t, context.Background(), filepath.Join(t.TempDir(), "library.db"))
}

// openSampleBriefingAt is openSampleBriefing on a library at path, with ctx
// as the app's context.
func openSampleBriefingAt(t *testing.T, ctx context.Context, path string) (*UI, *store.Store) {
	t.Helper()
	u, lib := newTestUIAt(t, path)
	u.ctx = ctx
	fyne.DoAndWait(u.onLoadSample)
	eventually(t, "the sample", func() bool { st, _ := lib.Stats(ctx); return st.Briefings == 1 })
	dismissOverlays(u)
	fyne.DoAndWait(func() { u.onShowView(viewBriefings) })
	eventually(t, "the list", func() bool { return u.briefings.list.Length() == 1 })
	fyne.DoAndWait(func() { u.briefings.list.Select(0) })
	eventually(t, "the composer", func() bool { return u.briefings.composer.d != nil })
	return u, lib
}

func TestExportAsksBeforePrintingMissingCharacters(t *testing.T) {
	u, lib := openSampleBriefing(t)
	c := u.briefings.composer
	id := c.d.b.ID
	if err := lib.AddBlock(context.Background(), id, &domain.Block{Type: domain.BlockCommentary, Text: "Markets fell 📉.", Marking: domain.MarkingUnclassified}, -1); err != nil {
		t.Fatal(err)
	}
	bundle, _ := lib.Bundle(context.Background(), id)
	path := filepath.Join(t.TempDir(), "brief.pdf")
	fyne.DoAndWait(func() { c.export(bundle, pdfJob(path)) })
	eventually(t, "the question", func() bool { return overlayContains(u, "U+1F4C9") })
	if _, err := os.Stat(path); !os.IsNotExist(err) {
		t.Fatalf("a file was written before the analyst agreed: %v", err)
	}
	confirmForm(t, u, "Yes")
	eventually(t, "the PDF", func() bool { _, err := os.Stat(path); return err == nil })
}

// asBackground runs f as background work does (off the UI goroutine, as
// the check in uicheck.go sees it), for tests that play that part.
func asBackground(f func() error) error {
	var err error
	offUI(func() { err = f() })
	return err
}

// flushNow saves an edit as the window does before a switch, an export or
// a restore, and returns what went wrong. Tests run background work
// inline, so the save has landed when it returns.
func flushNow(t *testing.T, e interface{ flushThen(func(error)) }) error {
	t.Helper()
	var got error
	done := false
	e.flushThen(func(err error) { got, done = err, true })
	if !done {
		t.Fatal("the flush did not land")
	}
	return got
}
