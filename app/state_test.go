package app

import (
	"context"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/attache/attache/domain"
	"github.com/attache/attache/store"
)

// setAutosave sets the autosave delay for one test; the longest wait
// during typing is never shorter than it.
func setAutosave(t *testing.T, d time.Duration) {
	old, oldMax := autosaveDelay, maxSaveWait
	autosaveDelay, maxSaveWait = d, max(d, oldMax)
	t.Cleanup(func() { autosaveDelay, maxSaveWait = old, oldMax })
}

// sampleInExcerpts loads the sample library and shows the excerpts view.
func sampleInExcerpts(t *testing.T) (*UI, *store.Store) {
	t.Helper()
	u, lib := newTestUI(t)
	fyne.DoAndWait(u.onLoadSample)
	eventually(t, "the sample", func() bool { st, _ := lib.Stats(context.Background()); return st.Excerpts >= 8 })
	dismissOverlays(u)
	fyne.DoAndWait(func() { u.onShowView(viewExcerpts) })
	eventually(t, "the excerpts", func() bool { return len(u.excerpts.excerpts) >= 8 })
	return u, lib
}

func noteOf(t *testing.T, lib *store.Store, id int64) string {
	t.Helper()
	e, err := lib.Excerpt(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	return e.Note
}

// The finding: change a note, switch views, come back: the old note.
func TestExcerptNoteIsSavedWhenTheViewSwitches(t *testing.T) {
	setAutosave(t, time.Hour) // leaving the view is what saves
	u, lib := sampleInExcerpts(t)
	fyne.DoAndWait(func() { u.excerpts.list.Select(0) })
	id := u.excerpts.excerpts[0].ID
	test.Type(u.excerpts.fields.note, " Checked against the original.")
	typed := u.excerpts.fields.note.Text
	fyne.DoAndWait(func() { u.onShowView(viewLibrary) })
	if got := noteOf(t, lib, id); got != strings.TrimSpace(typed) {
		t.Fatalf("after switching view the library holds %q, want %q", got, typed)
	}
	fyne.DoAndWait(func() { u.onShowView(viewExcerpts) })
	eventually(t, "the list", func() bool { return len(u.excerpts.excerpts) >= 8 })
	for i, e := range u.excerpts.excerpts {
		if e.ID == id {
			fyne.DoAndWait(func() { u.excerpts.list.Select(i) })
		}
	}
	if got := u.excerpts.fields.note.Text; strings.TrimSpace(got) != strings.TrimSpace(typed) {
		t.Fatalf("coming back the form shows %q", got)
	}
}

func TestExcerptNoteIsSavedWhenTheSelectionChanges(t *testing.T) {
	setAutosave(t, time.Hour)
	u, lib := sampleInExcerpts(t)
	fyne.DoAndWait(func() { u.excerpts.list.Select(0) })
	id := u.excerpts.excerpts[0].ID
	test.Type(u.excerpts.fields.tags, ", verified")
	test.Type(u.excerpts.fields.note, " Second reading agrees.")
	fyne.DoAndWait(func() { u.excerpts.list.Select(1) })
	if got := noteOf(t, lib, id); !strings.Contains(got, "Second reading agrees.") {
		t.Fatalf("after selecting another excerpt the library holds %q", got)
	}
	e, _ := lib.Excerpt(context.Background(), id)
	if !strings.Contains(strings.Join(e.Tags, ","), "verified") {
		t.Fatalf("tags %v", e.Tags)
	}
	fyne.DoAndWait(func() { u.excerpts.list.Select(0) })
	if !strings.Contains(u.excerpts.fields.note.Text, "Second reading agrees.") {
		t.Fatalf("reselected, the form shows %q", u.excerpts.fields.note.Text)
	}
}

func TestExcerptNoteSavesAsYouTypeAndSaysSo(t *testing.T) {
	setAutosave(t, 20*time.Millisecond)
	u, lib := sampleInExcerpts(t)
	fyne.DoAndWait(func() { u.excerpts.list.Select(0) })
	id := u.excerpts.excerpts[0].ID
	fyne.DoAndWait(func() { u.excerpts.fields.note.SetText("Typed, then left alone.") })
	eventually(t, "the autosave", func() bool { return noteOf(t, lib, id) == "Typed, then left alone." })
	eventually(t, "the status", func() bool { return u.excerpts.saving.Text == "Saved" })
	fyne.DoAndWait(func() { u.excerpts.fields.credibility.SetSelectedIndex(2) })
	eventually(t, "the grade", func() bool {
		e, _ := lib.Excerpt(context.Background(), id)
		return e.Credibility == 2
	})
	// The list row follows the note.
	eventually(t, "the row", func() bool { return strings.Contains(excerptLine(u.excerpts.excerpts[0]), "Typed, then left alone.") })
}

func TestExcerptNoteIsSavedAtQuit(t *testing.T) {
	setAutosave(t, time.Hour)
	u, lib := sampleInExcerpts(t)
	fyne.DoAndWait(func() { u.excerpts.list.Select(0) })
	id := u.excerpts.excerpts[0].ID
	fyne.DoAndWait(func() { u.excerpts.fields.note.SetText("Saved on the way out.") })
	var stderr strings.Builder
	u.flushOrRescue(&stderr)
	if got := noteOf(t, lib, id); got != "Saved on the way out." || stderr.Len() > 0 {
		t.Fatalf("after the last save the library holds %q (stderr %q)", got, stderr.String())
	}
}

// The finding: the list kept "Untitled briefing · 0 blocks" while the
// composer said Saved.
func TestBriefingsListFollowsTheComposer(t *testing.T) {
	setAutosave(t, 20*time.Millisecond)
	u, _ := openSampleBriefing(t)
	c := u.briefings.composer
	fyne.DoAndWait(u.briefings.onNew)
	eventually(t, "the new briefing", func() bool { return c.d != nil && c.d.b.Title == "Untitled briefing" })
	id := c.d.b.ID
	fyne.DoAndWait(func() {
		c.title.SetText("Fab subsidies")
		c.onAdd(domain.BlockHeading)
	})
	typeOnUI(c.editor.text, "Why now") // a blank block is not written
	eventually(t, "the list row", func() bool {
		for _, b := range u.briefings.briefings {
			if b.ID == id {
				return b.Title == "Fab subsidies" && b.Blocks == 1
			}
		}
		return false
	})
	if c.saved.Text != "Saved" {
		t.Fatalf("composer says %q", c.saved.Text)
	}
}

// The finding: the library kept an excerpt count after one was deleted.
func TestLibraryCountsFollowADeletedExcerpt(t *testing.T) {
	u, lib := sampleInExcerpts(t)
	ctx := context.Background()
	srcs, _ := lib.Sources(ctx, domain.SourceFilter{})
	src := srcs[0]
	fyne.DoAndWait(func() { u.onShowView(viewLibrary) })
	eventually(t, "the library", func() bool { return len(u.library.sources) == sampleSources })
	fyne.DoAndWait(func() { u.onShowView(viewExcerpts) })
	exs, _ := lib.Excerpts(ctx, domain.ExcerptFilter{SourceID: src.ID})
	if err := lib.DeleteExcerpt(ctx, exs[0].ID, true); err != nil {
		t.Fatal(err)
	}
	fyne.DoAndWait(func() { u.onShowView(viewLibrary) })
	want := plural(src.ExcerptCount-1, "excerpt")
	eventually(t, "the new count", func() bool {
		for _, s := range u.library.sources {
			if s.ID == src.ID {
				return strings.HasSuffix(sourceLine(s), want)
			}
		}
		return false
	})
}

// A write made while a view shows reaches it at once, and the selection
// stays: a new excerpt's count in the library, and the excerpts view
// after an excerpt changes.
func TestVisibleViewFollowsAWriteAndKeepsItsSelection(t *testing.T) {
	setAutosave(t, 20*time.Millisecond)
	u, lib := sampleInExcerpts(t)
	fyne.DoAndWait(func() { u.excerpts.list.Select(2) })
	id := u.excerpts.excerpts[2].ID
	fyne.DoAndWait(func() { u.excerpts.fields.note.SetText("Kept selected.") })
	eventually(t, "the save", func() bool { return noteOf(t, lib, id) == "Kept selected." })
	fyne.DoAndWait(func() { u.libraryChanged(changedExcerpts) })
	eventually(t, "the reload", func() bool { return len(u.excerpts.excerpts) >= 8 })
	if u.excerpts.selected == nil || u.excerpts.selected.ID != id || u.excerpts.fields.note.Text != "Kept selected." {
		t.Fatal("a reload lost the selected excerpt or its form")
	}
}

// The finding: a block selected in briefing A showed selected in B, dead.
func TestBlockSelectionDoesNotCarryToAnotherBriefing(t *testing.T) {
	u, lib := openSampleBriefing(t)
	c := u.briefings.composer
	a := c.d.b.ID
	if _, err := lib.DuplicateBriefing(context.Background(), a); err != nil {
		t.Fatal(err)
	}
	fyne.DoAndWait(func() { u.libraryChanged(changedBriefings); u.briefings.reload() })
	eventually(t, "the list", func() bool { return len(u.briefings.briefings) == 2 })
	fyne.DoAndWait(func() { c.editBlock(4) })
	if c.selected != 4 {
		t.Fatalf("selected %d", c.selected)
	}
	other := 0
	if u.briefings.briefings[0].ID == a {
		other = 1
	}
	fyne.DoAndWait(func() { u.briefings.list.Select(other) })
	eventually(t, "briefing B", func() bool { return c.d != nil && c.d.b.ID != a })
	if c.selected != -1 || c.editor != nil || c.doc.Editing() >= 0 {
		t.Fatalf("briefing B opened with block %d selected", c.selected)
	}
	// The same block edited in B is live: it has an editor and moves
	// (above the heading before it).
	fyne.DoAndWait(func() { c.editBlock(4) })
	if c.selected != 4 || c.editor == nil || c.doc.Editing() != c.blockItem(4) {
		t.Fatal("editing block 4 in briefing B did nothing")
	}
	moved := c.d.b.Blocks[4]
	fyne.DoAndWait(func() { c.onMove(-1) })
	if c.d.b.Blocks[3] != moved {
		t.Fatal("Alt+Up did not move the selected block")
	}
}

// A form dialog cancelled over typing asks first, and brings the typing
// back if the analyst keeps editing; an untouched one just closes.
func TestCancellingATypedFormAsksFirst(t *testing.T) {
	u, _ := newTestUI(t)
	dismissOverlays(u)
	fyne.DoAndWait(u.onSettings)
	confirmForm(t, u, "Cancel")
	if overlayContains(u, "Discard your changes?") {
		t.Fatal("an untouched form asked before closing")
	}
	fyne.DoAndWait(u.onSettings)
	var author *dialogEntry
	walk(findForm(t, u), func(o fyne.CanvasObject) {
		if e, ok := o.(*dialogEntry); ok && author == nil {
			author = e
		}
	})
	test.Type(author, "J. Analyst")
	confirmForm(t, u, "Cancel")
	eventually(t, "the question", func() bool { return overlayContains(u, "Discard your changes?") })
	confirmForm(t, u, "Keep editing")
	if findForm(t, u) == nil || author.Text != "J. Analyst" {
		t.Fatalf("the form came back with %q", author.Text)
	}
}

// A date the composer cannot save is flagged on its field, not dropped
// silently; a restored version shows in the briefings list.
func TestComposerFlagsAnUnsavableDate(t *testing.T) {
	u, _ := openSampleBriefing(t)
	date := u.briefings.composer.fields["date"]
	fyne.DoAndWait(func() { date.SetText("next Tuesday") })
	if err := date.Validate(); err == nil || !strings.Contains(err.Error(), "YYYY-MM-DD") {
		t.Fatalf("an unparsable date is not flagged: %v", err)
	}
	fyne.DoAndWait(func() { date.SetText("2026-03-01") })
	if err := date.Validate(); err != nil {
		t.Fatalf("a good date is flagged: %v", err)
	}
}
