package app

import (
	"context"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"

	"github.com/attache/attache/domain"
)

// A blank block (just added, or emptied by an undo) is never written and
// never stops the rest of the briefing being saved: the trial's Enter,
// typing, Ctrl+Z left an empty commentary that refused every later save
// and raised a dialog that took the keys being typed.
func TestABlankBlockNeverStopsSaving(t *testing.T) {
	setAutosave(t, 50*time.Millisecond)
	u, lib := newTestUI(t)
	dismissOverlays(u)
	b := &domain.Briefing{Title: "Blank", Blocks: []*domain.Block{{Type: domain.BlockCommentary, Text: "C1"}}}
	c := newBriefingIn(t, u, lib, b)
	eventually(t, "the document", func() bool { return c.itemCount() == 1 })
	fyne.DoAndWait(func() { c.editBlock(0) })
	fyne.DoAndWait(func() { c.editor.text.CursorRow, c.editor.text.CursorColumn = 0, 2 })
	fyne.DoAndWait(func() { c.editor.text.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn}) })
	if got := blockOrder(c); got != "C1 (commentary)" {
		t.Fatalf("Enter at the end: %s", got)
	}
	typeOnUI(c.editor.text, "Para")
	fyne.DoAndWait(c.onUndo)
	if got := blockOrder(c); got != "C1 (commentary)" {
		t.Fatalf("after undo: %s", got)
	}
	fyne.DoAndWait(func() { c.summary.SetText("Saved all the same") })
	stored := func() *domain.Briefing {
		s, err := lib.Briefing(context.Background(), b.ID)
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	eventually(t, "the bottom line saved beside the blank block", func() bool { return stored().Summary == "Saved all the same" })
	if n := len(stored().Blocks); n != 1 {
		t.Errorf("the library holds %d blocks, want only C1", n)
	}
	if blockOrder(c) != "C1 (commentary)" || c.selected != 1 {
		t.Errorf("the save took the blank block being edited: %s, editing %d", blockOrder(c), c.selected)
	}
	if overlays(u) != 0 {
		t.Errorf("a dialog showed over the typing")
	}
	// Typed into at last, it is written.
	typeOnUI(c.editor.text, "Later")
	eventually(t, "the block written once it has text", func() bool {
		s := stored()
		return len(s.Blocks) == 2 && s.Blocks[1].Text == "Later"
	})
}

// A new block left blank (Escape, a click on another block) goes, and
// leaves no step in the undo history; one typed into stays.
func TestABlankBlockLeftIsDropped(t *testing.T) {
	setAutosave(t, time.Hour)
	_, c := docBriefing(t)
	var undos int
	fyne.DoAndWait(func() { c.editBlock(2); undos = len(c.d.undo); c.onAdd(domain.BlockCommentary) })
	if got := blockOrder(c); got != "J1 H1 C1 (commentary) C2 H2 C3 J2" {
		t.Fatalf("added: %s", got)
	}
	fyne.DoAndWait(func() { c.editor.text.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape}) })
	if got := blockOrder(c); got != docStart || len(c.d.undo) != undos {
		t.Fatalf("after Escape: %s, %d undo steps (was %d)", got, len(c.d.undo), undos)
	}
	fyne.DoAndWait(func() { c.editBlock(2); c.onAdd(domain.BlockHeading) })
	fyne.DoAndWait(func() { c.editBlock(4) }) // C2, after the new heading
	if got := blockOrder(c); got != docStart || c.selected != 3 || c.d.b.Blocks[c.selected].Text != "C2" {
		t.Fatalf("after a click elsewhere: %s, editing %d", got, c.selected)
	}
}

// In a briefing that marks its portions, a new block starts with the
// mark of the block before it, shown on it; the first one unmarked.
func TestANewBlockTakesTheMarkBeforeIt(t *testing.T) {
	setAutosave(t, time.Hour)
	u, lib := newTestUI(t)
	dismissOverlays(u)
	c := newBriefingIn(t, u, lib, &domain.Briefing{Title: "Marked", Scheme: domain.SchemeUS, Blocks: []*domain.Block{
		{Type: domain.BlockHeading, Text: "H", Marking: "U"}, {Type: domain.BlockCommentary, Text: "C", Marking: "C"}}})
	eventually(t, "the document", func() bool { return c.itemCount() == 2 })
	fyne.DoAndWait(func() { c.editBlock(1); c.onAdd(domain.BlockCommentary) })
	if m := c.d.b.Blocks[2].Marking; m != "C" {
		t.Errorf("the new commentary is marked %q, want C as the block before it", m)
	}
	fyne.DoAndWait(func() { c.addAt(0, domain.BlockHeading) })
	if m := c.d.b.Blocks[0].Marking; m != "" {
		t.Errorf("a block with none before it is marked %q", m)
	}
}

// Ctrl+End and Ctrl+Home go to the end and start of a wrapped block's
// text, not of the row the caret is on (the trial's text typed after
// Ctrl+End landed mid-paragraph), whether they come as a shortcut or as
// keys with Control held.
func TestCtrlEndGoesToTheEndOfTheBlock(t *testing.T) {
	setAutosave(t, time.Hour)
	u, lib := newTestUI(t)
	dismissOverlays(u)
	long := strings.Repeat("Export controls on tools and servicing will decide much. ", 12)
	c := newBriefingIn(t, u, lib, &domain.Briefing{Title: "Long", Blocks: []*domain.Block{{Type: domain.BlockCommentary, Text: long}}})
	resize(u, fyne.NewSize(1000, 700))
	eventually(t, "the document", func() bool { return c.itemCount() == 1 })
	fyne.DoAndWait(func() { c.editBlock(0) })
	e := c.editor.text
	n := utf8.RuneCountInString(long)
	fyne.DoAndWait(func() {
		e.CursorRow, e.CursorColumn = 0, 3
		e.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyEnd, Modifier: fyne.KeyModifierShortcutDefault})
	})
	if got := e.CursorTextOffset(); got != n {
		t.Fatalf("Ctrl+End put the caret at %d of %d", got, n)
	}
	fyne.DoAndWait(func() {
		e.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyHome, Modifier: fyne.KeyModifierShortcutDefault})
	})
	if got := e.CursorTextOffset(); got != 0 {
		t.Fatalf("Ctrl+Home put the caret at %d", got)
	}
	fyne.DoAndWait(func() {
		e.KeyDown(&fyne.KeyEvent{Name: desktop.KeyControlLeft})
		e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEnd})
		e.KeyUp(&fyne.KeyEvent{Name: desktop.KeyControlLeft})
	})
	if got := e.CursorTextOffset(); got != n {
		t.Fatalf("Control held with End put the caret at %d of %d", got, n)
	}
	fyne.DoAndWait(func() { e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyHome}) })
	if got := e.CursorTextOffset(); got == 0 || got == n {
		t.Fatalf("Home alone (no Control) went to %d, not the start of the last row", got)
	}
}
