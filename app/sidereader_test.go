package app

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"

	"github.com/attache/attache/domain"
	"github.com/attache/attache/internal/testfs"
	"github.com/attache/attache/store"
)

// dropOnDraft stands in for the document's mapping of a position to a
// block index: a drop at the position target lands at index at, anywhere
// else outside the draft.
func dropOnDraft(t *testing.T, target fyne.Position, at int) {
	t.Helper()
	old := dropIndexAt
	dropIndexAt = func(c *composer, abs fyne.Position) (int, bool) {
		if c.d != nil && abs == target {
			return at, true
		}
		return 0, false
	}
	t.Cleanup(func() { dropIndexAt = old })
}

// openBeside opens the sample's first source in the side reader.
func openBeside(t *testing.T, u *UI, lib *store.Store) *domain.Source {
	t.Helper()
	srcs, err := lib.Sources(context.Background(), domain.SourceFilter{Sort: "title"})
	if err != nil || len(srcs) == 0 {
		t.Fatalf("sources: %v %v", srcs, err)
	}
	r := u.briefings.side.reader
	fyne.DoAndWait(func() { r.open(srcs[0].ID, 0, "") })
	eventually(t, "the source beside the draft", func() bool { return r.source != nil && r.text.Text() != "" })
	return r.source
}

// freePassage is a span of src's text, within its first paragraph, that
// is no excerpt yet.
func freePassage(t *testing.T, lib *store.Store, src *domain.Source) (int, int) {
	t.Helper()
	exs, _ := lib.Excerpts(context.Background(), domain.ExcerptFilter{SourceID: src.ID})
	for s := 0; s < 400; s += 7 {
		if excerptAt(exs, s, s+30) == nil {
			return s, s + 30
		}
	}
	t.Fatal("no free passage")
	return 0, 0
}

func excerptBlocks(b *domain.Briefing, id int64) (at []int) {
	for i, blk := range b.Blocks {
		if blk.ExcerptID == id {
			at = append(at, i)
		}
	}
	return at
}

func TestAPassageDroppedOnTheDraftBecomesOneExcerptBlockThere(t *testing.T) {
	u, lib := openSampleBriefing(t)
	c, r := u.briefings.composer, u.briefings.side.reader
	src := openBeside(t, u, lib)
	before, _ := lib.Excerpts(context.Background(), domain.ExcerptFilter{})
	n := len(c.d.b.Blocks)
	start, end := freePassage(t, lib, src)
	target := fyne.NewPos(700, 300)
	dropOnDraft(t, target, 2)
	fyne.DoAndWait(func() {
		r.text.Select(start, end)
		r.text.OnDragOut(start, end, fyne.NewPos(10, 10)) // still over the source
		r.text.OnDragOut(start, end, target)
		r.text.OnDropOut(start, end, target)
	})
	var made *domain.Excerpt
	eventually(t, "the new excerpt", func() bool {
		exs, _ := lib.Excerpts(context.Background(), domain.ExcerptFilter{SourceID: src.ID})
		made = excerptAt(exs, start, end)
		return made != nil
	})
	after, _ := lib.Excerpts(context.Background(), domain.ExcerptFilter{})
	if len(after) != len(before)+1 {
		t.Fatalf("%d excerpts made, want 1", len(after)-len(before))
	}
	if want := string([]rune(src.Text)[start:end]); made.Quote != want || made.Note != "" || made.Marking != src.Marking {
		t.Fatalf("excerpt %q note %q marking %q, want %q, no note, the source's %q", made.Quote, made.Note, made.Marking, want, src.Marking)
	}
	if len(c.d.b.Blocks) != n+1 || c.d.b.Blocks[2].ExcerptID != made.ID || c.d.b.Blocks[2].Type != domain.BlockExcerpt {
		t.Fatalf("blocks %d (want %d), block 2 %+v", len(c.d.b.Blocks), n+1, c.d.b.Blocks[2])
	}
	if r.p.over {
		t.Error("the drop indicator is still on")
	}
	// One undo takes the block out again; the excerpt stays in the library.
	fyne.DoAndWait(c.onUndo)
	if len(c.d.b.Blocks) != n || len(excerptBlocks(c.d.b, made.ID)) != 0 {
		t.Fatalf("after undo %d blocks (want %d), the excerpt at %v", len(c.d.b.Blocks), n, excerptBlocks(c.d.b, made.ID))
	}
	// The same passage again is the same excerpt, not a second one.
	fyne.DoAndWait(func() { r.text.OnDropOut(start, end, target) })
	eventually(t, "the block again", func() bool { return len(excerptBlocks(c.d.b, made.ID)) == 1 })
	again, _ := lib.Excerpts(context.Background(), domain.ExcerptFilter{})
	if len(again) != len(after) {
		t.Fatalf("dropping the passage twice made %d excerpts", len(again)-len(before))
	}
	if !strings.HasPrefix(u.notice(), "This passage was an excerpt already") {
		t.Errorf("the notice reads %q", u.notice())
	}
}

func TestAPassageDroppedOutsideTheDraftDoesNothing(t *testing.T) {
	u, lib := openSampleBriefing(t)
	c, r := u.briefings.composer, u.briefings.side.reader
	src := openBeside(t, u, lib)
	before, _ := lib.Excerpts(context.Background(), domain.ExcerptFilter{})
	n := len(c.d.b.Blocks)
	start, end := freePassage(t, lib, src)
	dropOnDraft(t, fyne.NewPos(700, 300), 2)
	fyne.DoAndWait(func() {
		r.text.Select(start, end)
		r.text.OnDropOut(start, end, fyne.NewPos(1100, 300))
	})
	sleepUI(100e6)
	after, _ := lib.Excerpts(context.Background(), domain.ExcerptFilter{})
	if len(after) != len(before) || len(c.d.b.Blocks) != n {
		t.Fatalf("a drop outside the draft made %d excerpts and %d blocks", len(after)-len(before), len(c.d.b.Blocks)-n)
	}
}

func TestFindGoesToTheSourceBesideTheDraft(t *testing.T) {
	u, lib := openSampleBriefing(t)
	p := u.briefings.side
	fyne.DoAndWait(u.onFind) // no source beside the draft: the Library's
	if u.current != viewLibrary {
		t.Fatal("Find in source did not go to the Library")
	}
	fyne.DoAndWait(func() { u.onShowView(viewBriefings); p.unfold() })
	openBeside(t, u, lib)
	fyne.DoAndWait(u.onFind)
	if u.current != viewBriefings || u.win.Canvas().Focused() != p.reader.find {
		t.Fatalf("view %d, focus on %T: not the find box beside the draft", u.current, u.win.Canvas().Focused())
	}
}

func TestCtrlEnterInTheSideReaderAddsThePassageAfterTheEditedBlock(t *testing.T) {
	u, lib := openSampleBriefing(t)
	c, r := u.briefings.composer, u.briefings.side.reader
	src := openBeside(t, u, lib)
	n := len(c.d.b.Blocks)
	start, end := freePassage(t, lib, src)
	fyne.DoAndWait(func() {
		c.selected = 4 // the block being edited
		r.text.Select(start, end)
	})
	fyne.DoAndWait(func() {
		r.text.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyReturn, Modifier: fyne.KeyModifierControl})
	})
	eventually(t, "the block", func() bool { return len(c.d.b.Blocks) == n+1 })
	blk := c.d.b.Blocks[5]
	if blk.Type != domain.BlockExcerpt || blk.Excerpt == nil || blk.Excerpt.Start != start || blk.Excerpt.End != end || blk.Excerpt.SourceID != src.ID {
		t.Fatalf("block 5 is %+v", blk)
	}
	// Edit → Excerpt selection (Ctrl+Shift+E) does the same in the
	// Briefings view, and never acts on the Library's hidden reader.
	fyne.DoAndWait(func() {
		u.briefings.side.unfold()
		c.selected = 0
		r.text.Select(start+1, end)
		u.library.reader.text.Select(0, 10)
		u.onExcerptKey()
	})
	eventually(t, "the second block", func() bool { return len(c.d.b.Blocks) == n+2 })
	if blk := c.d.b.Blocks[1]; blk.Excerpt == nil || blk.Excerpt.Start != start+1 || overlays(u) != 0 {
		t.Fatalf("block 1 is %+v, %d dialogs", blk, overlays(u))
	}
}

func TestExcerptRowsDragAndDoubleClickIntoTheDraft(t *testing.T) {
	u, lib := openSampleBriefing(t)
	c, p := u.briefings.composer, u.briefings.side
	fyne.DoAndWait(func() { p.tabs.SelectIndex(1) })
	eventually(t, "the excerpts", func() bool { return len(p.excerpts.excerpts) > 0 })
	before := len(p.excerpts.excerpts)
	n := len(c.d.b.Blocks)
	x := p.excerpts
	row := newExcerptDragRow(x)
	e := x.excerpts[1]
	fyne.DoAndWait(func() { row.set(1, e) })
	dropAt := fyne.CurrentApp().Driver().AbsolutePositionForObject(row).Add(fyne.NewPos(5, 5))
	dropOnDraft(t, dropAt, 0)
	fyne.DoAndWait(func() {
		row.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: fyne.NewPos(5, 5)}})
		row.DragEnd()
	})
	if len(c.d.b.Blocks) != n+1 || c.d.b.Blocks[0].ExcerptID != e.ID {
		t.Fatalf("after the drop %d blocks (want %d), first %+v", len(c.d.b.Blocks), n+1, c.d.b.Blocks[0])
	}
	fyne.DoAndWait(func() {
		c.selected = 6
		row.DoubleTapped(&fyne.PointEvent{})
	})
	if len(c.d.b.Blocks) != n+2 || c.d.b.Blocks[7].ExcerptID != e.ID {
		t.Fatalf("after the double click %d blocks (want %d), block 7 %+v", len(c.d.b.Blocks), n+2, c.d.b.Blocks[7])
	}
	exs, _ := lib.Excerpts(context.Background(), domain.ExcerptFilter{})
	if len(exs) != before {
		t.Fatalf("adding an excerpt row made %d excerpts", len(exs)-before)
	}
	// The search narrows the list.
	test.Type(x.search, "fence")
	eventually(t, "the search", func() bool { return len(x.excerpts) < before })
}

func TestShowInSideHighlightsTheExcerptInItsSource(t *testing.T) {
	u, _ := openSampleBriefing(t)
	s, p := u.briefings, u.briefings.side
	fyne.DoAndWait(func() { // folded away: showInSide brings it back
		if p.sideShown() {
			p.toggleSide()
		}
	})
	if p.sideShown() {
		t.Fatal("the side pane did not fold")
	}
	remembered := u.sess.Source[u.libraryKey()]
	libSource := u.library.reader.source
	var e *domain.Excerpt
	for _, blk := range s.composer.d.b.Blocks {
		if blk.Excerpt != nil {
			e = blk.Excerpt
			break
		}
	}
	fyne.DoAndWait(func() { p.tabs.SelectIndex(1) })
	fyne.DoAndWait(func() { s.showInSide(e.SourceID, e.ID) })
	r := p.reader
	eventually(t, "the source", func() bool { return r.source != nil && r.source.ID == e.SourceID })
	if !p.sideShown() || p.tabs.Selected() != p.source {
		t.Fatal("the source is not on screen")
	}
	if st, en := r.text.Selection(); st != e.Start || en != e.End || r.active() != e.ID {
		t.Fatalf("selection %d–%d, active %d; want the excerpt %d at %d–%d", st, en, r.active(), e.ID, e.Start, e.End)
	}
	if u.current != viewBriefings || u.sess.Source[u.libraryKey()] != remembered || u.library.reader.source != libSource {
		t.Fatal("showing the excerpt beside the draft changed the Library view's source")
	}
	if !u.app.Preferences().Bool(prefSideShown) {
		t.Error("the side pane shown again is not remembered")
	}
}

func TestThePanesFoldAndStaySo(t *testing.T) {
	u, _ := openSampleBriefing(t)
	p := u.briefings.side
	if !p.listShown() || p.sideShown() {
		t.Fatal("a first start does not show the list and fold the side pane")
	}
	fyne.DoAndWait(p.toggleSide)
	if !p.sideShown() || !p.content.Visible() {
		t.Fatal("the side pane did not come out")
	}
	fyne.DoAndWait(func() { p.toggleList(); p.toggleSide() })
	if p.listShown() || p.sideShown() || u.briefings.split.Leading.Visible() || p.content.Visible() {
		t.Fatal("the panes did not fold")
	}
	// The draft takes the width the panes left.
	fyne.DoAndWait(func() { u.win.Resize(fyne.NewSize(1200, 800)) })
	draft := u.briefings.right
	if w := draft.Size().Width; w < u.briefings.split.Size().Width-10 {
		t.Errorf("the draft is %v wide of %v", w, u.briefings.split.Size().Width)
	}
	// A new window (the next start) folds them as they were left.
	var again *briefingsScreen
	fyne.DoAndWait(func() { again = newBriefingsScreen(u) })
	if again.side.listShown() || again.side.sideShown() {
		t.Fatal("the folded panes are not remembered")
	}
	fyne.DoAndWait(func() { p.toggleList(); p.toggleSide() })
	fyne.DoAndWait(func() { again = newBriefingsScreen(u) })
	if !again.side.listShown() || !again.side.sideShown() {
		t.Fatal("the unfolded panes are not remembered")
	}
}

func TestOpenSourceFindsASourceAndShowsTheHit(t *testing.T) {
	u, lib := openSampleBriefing(t)
	p := u.briefings.side
	// A word whose best hit is a source, not an excerpt.
	word := ""
	for _, w := range []string{"accelerator", "interoperability", "laboratories"} {
		hits, _ := lib.Search(context.Background(), w, domain.SearchOptions{Kinds: []domain.HitKind{domain.HitSource, domain.HitExcerpt}})
		if len(hits) > 0 && hits[0].Kind == domain.HitSource {
			word = w
			break
		}
	}
	if word == "" {
		t.Fatal("no word finds a source first")
	}
	fyne.DoAndWait(p.onOpenSource)
	eventually(t, "the dialog", func() bool { return overlayContains(u, "Open a source beside the draft") })
	search, ok := u.win.Canvas().Focused().(*dialogEntry)
	if !ok {
		t.Fatalf("focus on %T, not the search", u.win.Canvas().Focused())
	}
	test.Type(search, word)
	pressKey(u, fyne.KeyReturn)
	r := p.reader
	eventually(t, "the source", func() bool { return r.source != nil })
	if overlays(u) != 0 {
		t.Fatal("the dialog stayed open")
	}
	if got := strings.ToLower(r.text.SelectedText()); !strings.HasPrefix(got, word) || len(got) > len(word)+2 {
		t.Fatalf("the hit is not selected: %q in %q", got, r.source.Title)
	}
	if u.library.reader.source != nil {
		t.Fatal("the Library's reader opened it too")
	}
}

func TestAnExcerptAndASourceOpenBesideTheDraftFromTheirViews(t *testing.T) {
	u, lib := openSampleBriefing(t)
	exs, _ := lib.Excerpts(context.Background(), domain.ExcerptFilter{})
	e := exs[len(exs)-1]
	r := u.briefings.side.reader
	fyne.DoAndWait(func() {
		u.onShowView(viewExcerpts)
		u.excerpts.selected = e
		u.excerpts.onShowBesideDraft()
	})
	eventually(t, "the excerpt beside the draft", func() bool { return r.source != nil && r.active() == e.ID })
	if u.current != viewBriefings {
		t.Fatalf("view %d, not the Briefings", u.current)
	}
	other := exs[0]
	lr := u.library.reader
	fyne.DoAndWait(func() { u.onShowView(viewLibrary); lr.open(other.SourceID, other.ID) })
	eventually(t, "the library's reader", func() bool { return lr.source != nil && lr.source.ID == other.SourceID })
	fyne.DoAndWait(lr.onOpenBeside)
	eventually(t, "the source beside the draft", func() bool { return r.source.ID == other.SourceID && r.active() == other.ID })
	if u.current != viewBriefings {
		t.Fatalf("view %d, not the Briefings", u.current)
	}
}

func TestTheSourceBesideTheDraftOpensAgainNextTime(t *testing.T) {
	u, lib := openSampleBriefing(t)
	src := openBeside(t, u, lib)
	var again *briefingsScreen
	fyne.DoAndWait(func() { again = newBriefingsScreen(u) })
	r := again.side.reader
	eventually(t, "the source reopened", func() bool { return r.source != nil })
	if r.source.ID != src.ID || r.text.Text() != src.Text {
		t.Fatalf("reopened %d, want %d", r.source.ID, src.ID)
	}
	// A source gone to the trash since is forgotten, quietly.
	if err := lib.TrashSource(context.Background(), src.ID, true); err != nil {
		t.Fatal(err)
	}
	fyne.DoAndWait(func() { again = newBriefingsScreen(u) })
	eventually(t, "the source forgotten", func() bool { return u.app.Preferences().Int(again.side.sourceKey()) == 0 })
	if again.side.reader.source != nil || overlays(u) != 0 {
		t.Fatal("a trashed source reopened, or an error showed")
	}
}

func TestTheSideReaderOnlySelectsOnAReadOnlyLibrary(t *testing.T) {
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
	r := u.briefings.side.reader
	openBeside(t, u, lib)
	fyne.DoAndWait(func() { r.text.Select(3, 30) })
	if r.text.OnDragOut != nil || r.text.OnDropOut != nil || !r.add.Disabled() {
		t.Fatal("a passage can be dragged or added into a draft of a read-only library")
	}
}
