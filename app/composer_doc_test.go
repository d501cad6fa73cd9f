package app

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"github.com/attache/attache/domain"
	"github.com/attache/attache/export"
	"github.com/attache/attache/widgets"
)

// The document's items come from export's model: the key judgments
// gathered up front under their label, numbered, with their confidence;
// then the body in order, headings numbered, excerpts as quote cards
// with their source, page and grades; each item mapped to its block and
// back.
func TestDocumentModelFollowsExportsOrder(t *testing.T) {
	src := &domain.Source{ID: 7, Title: "Export controls: the Dutch angle", Reliability: domain.Reliability("B")}
	b := &domain.Briefing{Title: "T", Scheme: domain.SchemeUS, Blocks: []*domain.Block{
		{Type: domain.BlockCommentary, Text: "Preamble", Marking: "U"},
		{Type: domain.BlockJudgment, Text: "J one", Confidence: domain.ConfidenceHigh, Marking: "U"},
		{Type: domain.BlockHeading, Text: "First", Marking: "U"},
		{Type: domain.BlockCommentary, Text: "Unmarked words"},
		{Type: domain.BlockExcerpt, Excerpt: &domain.Excerpt{ID: 3, SourceID: 7, Quote: "A quote", Credibility: 2, Marking: "U", SourceTitle: src.Title}},
		{Type: domain.BlockJudgment, Text: "J two", Marking: "U"},
		{Type: domain.BlockHeading, Text: "Second", Marking: "U"},
	}}
	doc := export.NewDocument(&domain.Bundle{Briefing: b, Sources: []*domain.Source{src}})
	m := newDocModel(b, doc, docFlags{unmarked: map[int]bool{3: true}})
	want := []struct {
		kind  widgets.DocKind
		block int
		text  string
		num   string
		meta  string
	}{
		{widgets.DocLabel, -1, "Key judgments", "", ""},
		{widgets.DocJudgment, 1, "J one", "1", "High confidence"},
		{widgets.DocJudgment, 5, "J two", "2", ""},
		{widgets.DocBody, 0, "Preamble", "", ""},
		{widgets.DocHeading, 2, "First", "1", ""},
		{widgets.DocBody, 3, "Unmarked words", "", ""},
		{widgets.DocQuote, 4, "A quote", "", "Export controls · B2"},
		{widgets.DocHeading, 6, "Second", "2", ""},
	}
	if len(m.items) != len(want) {
		t.Fatalf("%d items, want %d: %+v", len(m.items), len(want), m.items)
	}
	for i, w := range want {
		it := m.items[i]
		if it.Kind != w.kind || m.block[i] != w.block || it.Text != w.text || it.Number != w.num || it.Meta != w.meta {
			t.Errorf("item %d is %+v (block %d), want %+v", i, it, m.block[i], w)
		}
		if w.block >= 0 && m.item[w.block] != i {
			t.Errorf("block %d maps to item %d, want %d", w.block, m.item[w.block], i)
		}
	}
	if m.items[1].Mark != "(U) " || m.items[6].Action != "Show in source" || m.items[6].Mark != "(U) " {
		t.Errorf("marks or action: %+v, %+v", m.items[1], m.items[6])
	}
	if m.items[5].Tag != "unmarked" || m.items[4].Tag != "" {
		t.Errorf("tags: %q on the unmarked block, %q on a marked one", m.items[5].Tag, m.items[4].Tag)
	}
	if m.jStart != 1 || m.jEnd != 3 || m.insertBlockIndex(3, 7) != 5+1 || m.insertBlockIndex(8, 7) != 7 || m.insertBlockIndex(5, 7) != 3 {
		t.Errorf("insertion points: judgments %d…%d, end of judgments → %d, end → %d, before item 5 → %d",
			m.jStart, m.jEnd, m.insertBlockIndex(3, 7), m.insertBlockIndex(8, 7), m.insertBlockIndex(5, 7))
	}
}

// docBriefing opens a briefing of two sections and two judgments:
//
//	blocks: J1 H1 C1 C2 H2 C3 J2
//	items:  [Key judgments] J1 J2 H1 C1 C2 H2 C3
func docBriefing(t *testing.T) (*UI, *composer) {
	t.Helper()
	u, lib := newTestUI(t)
	dismissOverlays(u)
	c := newBriefingIn(t, u, lib, &domain.Briefing{Title: "Sections", Blocks: []*domain.Block{
		{Type: domain.BlockJudgment, Text: "J1"}, {Type: domain.BlockHeading, Text: "H1"},
		{Type: domain.BlockCommentary, Text: "C1"}, {Type: domain.BlockCommentary, Text: "C2"},
		{Type: domain.BlockHeading, Text: "H2"}, {Type: domain.BlockCommentary, Text: "C3"},
		{Type: domain.BlockJudgment, Text: "J2"}}})
	eventually(t, "the document", func() bool { return c.itemCount() == 8 })
	return u, c
}

// blockOrder is the draft's blocks' texts, in order.
func blockOrder(c *composer) string {
	var out []string
	fyne.DoAndWait(func() {
		for _, b := range c.d.b.Blocks {
			if b.Blank() {
				out = append(out, "("+string(b.Type)+")") // a new block, not yet typed into
				continue
			}
			out = append(out, b.Text)
		}
	})
	return strings.Join(out, " ")
}

// undone checks that one undo puts the draft back to want.
func undone(t *testing.T, c *composer, want string) {
	t.Helper()
	fyne.DoAndWait(c.onUndo)
	if got := blockOrder(c); got != want {
		t.Fatalf("after undo: %s, want %s", got, want)
	}
}

const docStart = "J1 H1 C1 C2 H2 C3 J2"

// The "+" between items offers what fits there and inserts it at that
// point, then edits it; undo takes it out again.
func TestDocumentInsertsAtThePlus(t *testing.T) {
	_, c := docBriefing(t)
	action := func(at int, label string) {
		t.Helper()
		var labels []string
		fyne.DoAndWait(func() {
			c.doc.OnInsert(at, fyne.NewPos(10, 10))
			for _, it := range c.insertMenu.Items {
				labels = append(labels, it.Label)
				if it.Label == label {
					it.Action()
				}
			}
		})
		if !strings.Contains(strings.Join(labels, ","), label) {
			t.Fatalf("the menu at %d offers %v, not %s", at, labels, label)
		}
	}
	action(5, "Commentary") // before C2
	if got := blockOrder(c); got != "J1 H1 C1 (commentary) C2 H2 C3 J2" {
		t.Fatalf("inserted: %s", got)
	}
	if c.selected != 3 || c.doc.Editing() != c.blockItem(3) || c.editor.text.Text != "" || c.editor.text.PlaceHolder != "Your commentary" {
		t.Fatalf("the new block is not edited: block %d, item %d", c.selected, c.doc.Editing())
	}
	undone(t, c, docStart)

	action(6, "Heading") // before H2
	if got := blockOrder(c); got != "J1 H1 C1 C2 (heading) H2 C3 J2" {
		t.Fatalf("inserted: %s", got)
	}
	undone(t, c, docStart)

	var labels int
	fyne.DoAndWait(func() { c.doc.OnInsert(2, fyne.NewPos(10, 10)); labels = len(c.insertMenu.Items) })
	if labels != 1 {
		t.Fatalf("among the judgments the menu offers %d kinds, not only a judgment", labels)
	}
	action(2, "Key judgment") // between J1 and J2
	if got := blockOrder(c); got != "J1 H1 C1 C2 H2 C3 (judgment) J2" {
		t.Fatalf("inserted: %s", got)
	}
	if it := c.docItem(2); it.Kind != widgets.DocJudgment || it.Number != "2" {
		t.Fatalf("the new judgment shows as %+v", it)
	}
	undone(t, c, docStart)
}

// Dragging an item moves its block: a commentary alone, a heading with
// its section (never splitting another), a judgment among the
// judgments; each is one undo step.
func TestDocumentDragMovesBlocks(t *testing.T) {
	_, c := docBriefing(t)
	for _, tc := range []struct {
		name     string
		from, to int
		want     string
	}{
		{"a commentary up", 5, 4, "J1 H1 C2 C1 H2 C3 J2"},
		{"a commentary into the next section", 4, 7, "J1 H1 C2 H2 C1 C3 J2"},
		{"a section to the end", 3, 8, "J1 H2 C3 J2 H1 C1 C2"},
		{"a section dropped inside another", 6, 4, "J1 H2 C3 J2 H1 C1 C2"},
		{"a judgment before the other", 2, 1, "J2 J1 H1 C1 C2 H2 C3"},
		{"a judgment dropped in the body", 1, 6, "H1 C1 C2 H2 C3 J2 J1"},
	} {
		fyne.DoAndWait(func() { c.doc.OnMove(tc.from, tc.to) })
		if got := blockOrder(c); got != tc.want {
			t.Errorf("%s: %s, want %s", tc.name, got, tc.want)
		}
		undone(t, c, docStart)
	}
}

// Alt+Up/Down (the Edit menu's Move block) moves the block being edited
// and goes on editing it; a heading passes the whole neighbouring
// section.
func TestDocumentMovesTheEditedBlockByKeyboard(t *testing.T) {
	_, c := docBriefing(t)
	fyne.DoAndWait(func() { c.editBlock(3); c.onMove(-1) }) // C2
	if got := blockOrder(c); got != "J1 H1 C2 C1 H2 C3 J2" || c.selected != 2 || c.doc.Editing() != c.blockItem(2) {
		t.Fatalf("C2 up: %s, editing block %d", got, c.selected)
	}
	undone(t, c, docStart)
	fyne.DoAndWait(func() { c.editBlock(1); c.onMove(1) }) // H1
	if got := blockOrder(c); got != "J1 H2 C3 J2 H1 C1 C2" || c.selectedBlock().Text != "H1" {
		t.Fatalf("H1 down: %s", got)
	}
	undone(t, c, docStart)
	fyne.DoAndWait(func() { c.editBlock(4); c.onMove(-1) }) // H2
	if got := blockOrder(c); got != "J1 H2 C3 J2 H1 C1 C2" {
		t.Fatalf("H2 up: %s", got)
	}
	undone(t, c, docStart)
	fyne.DoAndWait(func() { c.editBlock(0); c.onMove(1) }) // J1 past J2
	if got := blockOrder(c); got != "H1 C1 C2 H2 C3 J2 J1" {
		t.Fatalf("J1 down: %s", got)
	}
	undone(t, c, docStart)
	fyne.DoAndWait(func() { c.editBlock(1); c.onMove(-1) }) // the first section: nothing to pass
	if got := blockOrder(c); got != docStart {
		t.Fatalf("H1 up: %s", got)
	}
}

// Clicking an item edits it in place, the caret in its text; typing
// shows in the document; Enter at the end starts a new commentary after
// it (one undo step); Enter elsewhere breaks the line; Backspace in the
// empty commentary deletes it; Escape ends editing.
func TestDocumentEditsInPlace(t *testing.T) {
	u, c := docBriefing(t)
	fyne.DoAndWait(func() { c.doc.OnTapped(c.blockItem(2)) }) // C1
	if c.selected != 2 || c.doc.Editing() != c.blockItem(2) || u.win.Canvas().Focused() != c.editor.text {
		t.Fatalf("clicking C1: editing block %d, item %d, focus %T", c.selected, c.doc.Editing(), u.win.Canvas().Focused())
	}
	typeOnUI(c.editor.text, " more")
	if it := c.docItem(c.blockItem(2)); it.Text != "C1 more" {
		t.Fatalf("the document shows %q", it.Text)
	}
	fyne.DoAndWait(func() { c.editor.text.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn}) })
	if got := blockOrder(c); got != "J1 H1 C1 more (commentary) C2 H2 C3 J2" || c.selected != 3 || c.editor.text.Text != "" {
		t.Fatalf("Enter at the end: %s, editing %d", got, c.selected)
	}
	fyne.DoAndWait(func() { c.editor.text.TypedKey(&fyne.KeyEvent{Name: fyne.KeyBackspace}) })
	if got := blockOrder(c); got != "J1 H1 C1 more C2 H2 C3 J2" || c.selected != 2 {
		t.Fatalf("Backspace in the empty commentary: %s, editing %d", got, c.selected)
	}
	fyne.DoAndWait(func() { c.editor.text.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn}) })
	undone(t, c, "J1 H1 C1 more C2 H2 C3 J2")
	fyne.DoAndWait(func() {
		c.editBlock(2)
		c.editor.text.CursorColumn = 2
		c.editor.text.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	})
	if got := blockOrder(c); !strings.HasPrefix(got, "J1 H1 C1\n more C2") {
		t.Fatalf("Enter inside the text: %q", got)
	}
	fyne.DoAndWait(func() { c.editor.text.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape}) })
	if c.doc.Editing() != -1 || c.selected != -1 || c.editor != nil {
		t.Fatalf("Escape left item %d edited", c.doc.Editing())
	}
}

// The toolbar's Add buttons insert after the block being edited.
func TestDocumentAddsAfterTheEditedBlock(t *testing.T) {
	_, c := docBriefing(t)
	fyne.DoAndWait(func() { c.editBlock(4); c.onAdd(domain.BlockCommentary) })
	if got := blockOrder(c); got != "J1 H1 C1 C2 H2 (commentary) C3 J2" || c.selected != 5 {
		t.Fatalf("added: %s, editing %d", got, c.selected)
	}
	undone(t, c, docStart)
}

// Dragging a heading in the outline moves its section.
func TestOutlineDragMovesASection(t *testing.T) {
	u, c := docBriefing(t)
	resize(u, fyne.NewSize(1280, 800))
	fyne.DoAndWait(func() { u.onShowView(viewBriefings) })
	var rows []fyne.CanvasObject
	fyne.DoAndWait(func() { rows = c.outline.rows.Objects })
	if len(rows) != 2 {
		t.Fatalf("the outline lists %d headings", len(rows))
	}
	first := rows[0].(*outlineRow)
	fyne.DoAndWait(func() {
		h := first.Size().Height
		first.Dragged(&fyne.DragEvent{Dragged: fyne.NewDelta(0, 2*h)})
		first.DragEnd()
	})
	if got := blockOrder(c); got != "J1 H2 C3 J2 H1 C1 C2" {
		t.Fatalf("H1 dragged below H2: %s", got)
	}
	undone(t, c, docStart)

	// A heading added shows in the outline; a click on its row scrolls
	// the document to it.
	fyne.DoAndWait(func() {
		for range 30 {
			c.insertAt(len(c.d.b.Blocks), &domain.Block{Type: domain.BlockCommentary, Text: strings.Repeat("Filler words. ", 20)})
		}
		c.insertAt(len(c.d.b.Blocks), &domain.Block{Type: domain.BlockHeading, Text: "H3"})
		c.stopEditing()
		c.doc.ScrollToTop()
	})
	fyne.DoAndWait(func() { rows = c.outline.rows.Objects })
	if len(rows) != 3 || c.outline.entries[2].text != "3  H3" {
		t.Fatalf("the outline lists %d headings: %+v", len(rows), c.outline.entries)
	}
	var top, end, before int
	fyne.DoAndWait(func() {
		_, before = c.doc.VisibleRange()
		rows[2].(*outlineRow).Tapped(&fyne.PointEvent{})
		top, end = c.doc.VisibleRange()
	})
	// The last item: scrolled as far as the document goes.
	if want := c.blockItem(len(c.d.b.Blocks) - 1); before > want || want < top || want >= end {
		t.Fatalf("a click on H3's row shows items %d…%d (%d before), not its item %d", top, end, before, want)
	}
}

// Edit → Add heading (Ctrl+Shift+H) and its kin insert after the block
// being edited, from the keyboard, focus in that block's text.
func TestDocumentAddsByShortcut(t *testing.T) {
	u, c := docBriefing(t)
	fyne.DoAndWait(func() { c.editBlock(2) })
	pressShortcut(t, u, fyne.KeyH, fyne.KeyModifierControl|fyne.KeyModifierShift)
	if got := blockOrder(c); got != "J1 H1 C1 (heading) C2 H2 C3 J2" || c.selected != 3 {
		t.Fatalf("Ctrl+Shift+H: %s, editing %d", got, c.selected)
	}
	typeOnUI(c.editor.text, "H9")
	pressShortcut(t, u, fyne.KeyJ, fyne.KeyModifierControl|fyne.KeyModifierShift)
	if c.d.b.Blocks[4].Type != domain.BlockJudgment || c.selected != 4 {
		t.Fatalf("Ctrl+Shift+J: %s, editing %d", blockOrder(c), c.selected)
	}
	undone(t, c, "J1 H1 C1 H9 C2 H2 C3 J2")
}

// A drop from the source beside the draft: dropIndex maps the document's
// insertion point under the pointer to a block index (never among the
// judgments), false outside the document; insertExcerpt inserts there as
// one undo step and edits the new block.
func TestDocumentTakesADroppedExcerpt(t *testing.T) {
	setAutosave(t, time.Hour) // the excerpt is not in the library: nothing is saved
	u, c := docBriefing(t)
	resize(u, fyne.NewSize(1280, 800))
	var inside, outside bool
	var at int
	fyne.DoAndWait(func() {
		c.doc.ScrollTo(c.itemCount() - 1)
		abs := fyne.CurrentApp().Driver().AbsolutePositionForObject(c.doc)
		size := c.doc.Size()
		at, inside = c.dropIndex(abs.Add(fyne.NewPos(size.Width/2, size.Height-2)))
		_, outside = c.dropIndex(abs.Add(fyne.NewPos(size.Width/2, size.Height+40)))
		c.showDrop(abs.Add(fyne.NewPos(size.Width/2, size.Height-2)))
		c.hideDrop()
	})
	if !inside || outside || at != len(c.d.b.Blocks) {
		t.Fatalf("a drop at the document's foot lands at block %d (inside %v), below it inside %v", at, inside, outside)
	}
	e := &domain.Excerpt{ID: 99, SourceID: 5, Quote: "Dropped words", SourceTitle: "A source"}
	var ok bool
	fyne.DoAndWait(func() { ok = c.insertExcerpt(2, e) })
	if !ok || c.d.b.Blocks[2].Excerpt != e || c.selected != 2 || c.doc.Editing() != c.blockItem(2) {
		t.Fatalf("inserted %v: block 2 is %+v, editing %d", ok, c.d.b.Blocks[2], c.selected)
	}
	if it := c.docItem(c.blockItem(2)); it.Kind != widgets.DocQuote || it.Text != "Dropped words" || it.Action != "Show in source" {
		t.Fatalf("the excerpt shows as %+v", it)
	}
	undone(t, c, docStart)
}

// A save landing while typing goes on merges the library's copy into the
// draft, whose blocks are then new objects: the typing after it still
// reaches the block (it was ignored, and lost, when the editor held on to
// the old block).
func TestDocumentTypingGoesOnAfterASaveLands(t *testing.T) {
	_, c := docBriefing(t)
	fyne.DoAndWait(func() { c.editBlock(2) })
	typeOnUI(c.editor.text, " a")
	fyne.DoAndWait(func() { c.d.b = c.d.b.Clone() }) // as draft.land does with a merge
	typeOnUI(c.editor.text, "nd b")
	if got := c.d.b.Blocks[2].Text; got != "C1 and b" {
		t.Fatalf("the block holds %q", got)
	}
}

// The block's text field grows with its text, wrapped at the document's
// width, rather than scrolling inside a few rows.
func TestDocumentEditorGrowsWithItsText(t *testing.T) {
	u, c := docBriefing(t)
	resize(u, fyne.NewSize(1280, 800))
	fyne.DoAndWait(func() { c.editBlock(2) })
	var short float32
	fyne.DoAndWait(func() { short = c.editor.content.MinSize().Height })
	fyne.DoAndWait(func() { c.editor.text.SetText(strings.Repeat("Delivery, not principle, is the risk. ", 30)) })
	var rows int
	var tall float32
	fyne.DoAndWait(func() { rows, tall = c.editor.text.rows, c.editor.content.MinSize().Height })
	if rows < 3 || tall < short+2*theme.TextSize() {
		t.Fatalf("a long text takes %d rows, the editor %v high (%v with one line)", rows, tall, short)
	}
	// The bottom line too, from three rows.
	var three, more float32
	fyne.DoAndWait(func() {
		three = c.summary.MinSize().Height
		c.summary.SetText(strings.Repeat("The bottom line, at length. ", 60))
		more = c.summary.MinSize().Height
	})
	if c.summaryRows < 5 || more < three+2*theme.TextSize() {
		t.Fatalf("a long bottom line takes %d rows, %v high (%v at three rows)", c.summaryRows, more, three)
	}
}
