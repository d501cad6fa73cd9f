package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"github.com/attache/attache/domain"
)

// The drop line is drawn where the drop lands (one mapping for both): a
// block dropped at the start of the body goes there, not after the last
// judgment's block; a section dropped inside another goes before it; a
// judgment stays among the judgments; an excerpt from outside dropped
// among the judgments goes to the start of the body.
//
//	items: 0 [Key judgments] 1 J1 2 J2 3 H1 4 C1 5 C2 6 H2 7 C3
func TestDocumentDropLineIsWhereTheDropLands(t *testing.T) {
	_, c := docBriefing(t)
	if c.doc.DropPoint == nil {
		t.Fatal("the document has no DropPoint: its drop line is drawn at the raw point")
	}
	for _, tc := range []struct {
		name          string
		from, at, hit int
		want          string
	}{
		{"C3 to the start of the body", 7, 3, 3, "J1 C3 H1 C1 C2 H2 J2"},
		{"C1 among the judgments", 4, 1, 3, "J1 C1 H1 C2 H2 C3 J2"},
		{"H2 inside H1's section", 6, 4, 3, "J1 H2 C3 J2 H1 C1 C2"},
		{"J1 into the body", 1, 6, 3, "H1 C1 C2 H2 C3 J2 J1"},
		{"C1 where it is", 4, 5, -1, docStart},
		{"H1 inside its own section", 3, 5, -1, docStart},
	} {
		var hit int
		fyne.DoAndWait(func() {
			hit = c.doc.DropPoint(tc.from, tc.at)
			if hit >= 0 {
				c.doc.OnMove(tc.from, hit)
			}
		})
		if hit != tc.hit {
			t.Errorf("%s: the line is drawn at %d, want %d", tc.name, hit, tc.hit)
		}
		if got := blockOrder(c); got != tc.want {
			t.Errorf("%s: %s, want %s", tc.name, got, tc.want)
		}
		if tc.want != docStart {
			undone(t, c, docStart)
		}
	}
	// From outside (an excerpt): among the judgments is the body's start.
	var outside int
	fyne.DoAndWait(func() { outside = c.doc.DropPoint(-1, 1) })
	if outside != 3 || c.model.bodyBlockIndex(1, 7) != 1 {
		t.Errorf("an excerpt over the judgments: line at %d, lands before block %d; want 3, 1", outside, c.model.bodyBlockIndex(1, 7))
	}
	// The outline's drag draws the line in the document too.
	fyne.DoAndWait(func() { c.outline.showDrop(1, 0) })
	if got := c.doc.Drop(); got != 3 || !c.outline.marker.Visible() {
		t.Errorf("H2's row dragged above H1's: the document's line at %d, want 3 (marker shown %v)", got, c.outline.marker.Visible())
	}
	fyne.DoAndWait(func() { c.outline.showDrop(0, 1) }) // where it is
	if got := c.doc.Drop(); got != -1 || c.outline.marker.Visible() {
		t.Errorf("H1's row dropped where it is: line at %d, marker %v", got, c.outline.marker.Visible())
	}
	fyne.DoAndWait(func() { c.outline.showDrop(-1, 0) })
	if got := c.doc.Drop(); got != -1 {
		t.Errorf("after the outline's drag the line stays at %d", got)
	}
}

// longText wraps over several lines in the editor.
var longText = strings.Repeat("Delivery, not principle, is the risk to the programme. ", 12) + "End."

// wideBriefing opens docBriefing in a wide window, C1 (block 2) and J1
// (block 0) long.
func wideBriefing(t *testing.T) (*UI, *composer) {
	t.Helper()
	u, c := docBriefing(t)
	resize(u, fyne.NewSize(1280, 800))
	fyne.DoAndWait(func() {
		u.onShowView(viewBriefings)
		c.d.b.Blocks[2].Text = longText
		c.d.b.Blocks[0].Text = longText
		c.updateStats()
	})
	return u, c
}

// Clicking a block puts the caret where the click was (on line 2 of a
// wrapped paragraph, there), not at the end of its first line; editing
// by the keyboard puts it at the end of the text.
func TestDocumentClickPutsTheCaretThere(t *testing.T) {
	_, c := wideBriefing(t)
	fyne.DoAndWait(func() { c.editBlock(2) })
	if got, n := c.editor.text.CursorTextOffset(), len([]rune(longText)); got != n || c.editor.text.rows < 3 {
		t.Fatalf("editing C1 (%d rows): the caret at %d, want the end %d", c.editor.text.rows, got, n)
	}
	fyne.DoAndWait(c.stopEditing)
	if c.doc.OnTappedAt == nil {
		t.Fatal("the document tells the composer no click position")
	}
	rowH := fyne.MeasureText("M", theme.TextSize(), fyne.TextStyle{}).Height + theme.LineSpacing()
	pos := fyne.NewPos(3*rowH, 1.5*rowH) // line 2, a few letters in
	var want int
	var ok bool
	fyne.DoAndWait(func() {
		if want, ok = c.doc.TextOffset(c.blockItem(2), pos); ok {
			c.doc.OnTappedAt(c.blockItem(2), pos)
		}
	})
	if !ok {
		t.Fatal("no offset in C1")
	}
	if first := strings.Index(longText, "programme.") + len("programme."); want < first || want > len(longText)/2 {
		t.Fatalf("line 2 of C1 is at offset %d", want)
	}
	e := c.editor.text
	if c.selected != 2 || e.CursorTextOffset() != want || e.CursorRow < 1 {
		t.Fatalf("a click on line 2: editing %d, caret at %d (row %d column %d), want %d",
			c.selected, e.CursorTextOffset(), e.CursorRow, e.CursorColumn, want)
	}
	typeOnUI(e, "X")
	if got := c.d.b.Blocks[2].Text; strings.Index(got, "X") != want {
		t.Fatalf("typed at %d of %q, want %d", strings.Index(got, "X"), got, want)
	}
}

// Enter at the end of a block that wraps starts a new commentary (the end
// judged on the text, not on the wrapped rows); in a judgment too,
// without leaving a line break at its end.
func TestDocumentEnterAtTheEndOfAWrappedBlock(t *testing.T) {
	_, c := wideBriefing(t)
	for _, blk := range []int{2, 0} {
		fyne.DoAndWait(func() {
			c.editBlock(blk)
			c.editor.text.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
		})
		b := c.d.b.Blocks
		if b[blk].Text != longText || len(b) != 8 || b[blk+1].Type != domain.BlockCommentary || b[blk+1].Text != "" || c.selected != blk+1 {
			t.Fatalf("Enter at the end of block %d: %d blocks, it holds %q, editing %d", blk, len(b), b[blk].Text, c.selected)
		}
		fyne.DoAndWait(c.onUndo)
	}
}

// The editor fits the document's width again when it changes (a side
// pane opens, the window narrows): a narrower document, more rows.
func TestDocumentEditorRefitsToANewWidth(t *testing.T) {
	u, c := wideBriefing(t)
	fyne.DoAndWait(func() { c.editBlock(2) })
	wide, h := c.editor.text.rows, c.editor.text.Size().Height
	resize(u, fyne.NewSize(800, 800))
	var narrow int
	var nh float32
	fyne.DoAndWait(func() { narrow, nh = c.editor.text.rows, c.editor.text.Size().Height })
	if narrow <= wide || nh <= h {
		t.Fatalf("narrowed, the editor has %d rows (%v high), %d (%v) when wide", narrow, nh, wide, h)
	}
	resize(u, fyne.NewSize(1280, 800))
	if got := c.editor.text.rows; got != wide {
		t.Fatalf("widened again, %d rows, want %d", got, wide)
	}
}

// After an undo or redo the block edited before is edited still, wherever
// the step put it; if the step took it out, editing ends.
func TestDocumentUndoKeepsEditingTheSameBlock(t *testing.T) {
	_, c := docBriefing(t)
	fyne.DoAndWait(func() { c.editBlock(4); c.onMove(-1) }) // H2 before H1
	if got := blockOrder(c); got != "J1 H2 C3 J2 H1 C1 C2" || c.selectedBlock().Text != "H2" {
		t.Fatalf("H2 up: %s", got)
	}
	undone(t, c, docStart)
	if b := c.selectedBlock(); b == nil || b.Text != "H2" || c.editor.text.Text != "H2" || c.doc.Editing() != c.blockItem(4) {
		t.Fatalf("after undo editing block %d (%v), want H2", c.selected, b)
	}
	fyne.DoAndWait(c.onRedo)
	if b := c.selectedBlock(); b == nil || b.Text != "H2" || c.selected != 1 {
		t.Fatalf("after redo editing block %d (%v), want H2 at 1", c.selected, b)
	}
	fyne.DoAndWait(func() { c.onUndo(); c.editBlock(1); c.onAdd(domain.BlockCommentary) })
	if b := c.selectedBlock(); b == nil || !b.Blank() || b.Type != domain.BlockCommentary {
		t.Fatalf("not editing the new block: %v", c.selectedBlock())
	}
	undone(t, c, docStart)
	if c.selected != -1 || c.doc.Editing() != -1 || c.editor != nil {
		t.Fatalf("the block edited was undone away, yet block %d is edited", c.selected)
	}
}
