package store

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"github.com/attache/attache/domain"
)

// The app's copy and the command line write the same briefing: the app's
// save, edited from an older revision, keeps everything the command line
// did (an added block, a new title) and its own typing.
func TestSaveFromAnOlderCopyMergesChangesMadeElsewhere(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	b, _ := newBriefing(t, s)
	b.Blocks = []*domain.Block{{Type: domain.BlockCommentary, Text: "First"}}
	if err := saveBriefing(ctx, s, b); err != nil {
		t.Fatal(err)
	}
	base, _ := s.Briefing(ctx, b.ID) // the app loads it
	mine, _ := s.Briefing(ctx, b.ID)

	cli := &domain.Block{Type: domain.BlockCommentary, Text: "From the command line"}
	if err := s.AddBlock(ctx, b.ID, cli, -1); err != nil {
		t.Fatal(err)
	}
	edited, _ := s.Briefing(ctx, b.ID)
	edited.Title = "Retitled elsewhere"
	if err := s.UpdateBriefing(ctx, edited); err != nil {
		t.Fatal(err)
	}

	mine.Blocks[0].Text = "First, typed on"
	mine.Blocks = append(mine.Blocks, &domain.Block{ID: -1, Type: domain.BlockJudgment, Text: "New here", Confidence: "low"})
	saved, err := s.SaveBriefing(ctx, base, mine)
	if err != nil {
		t.Fatal(err)
	}
	got, _ := s.Briefing(ctx, b.ID)
	if !saved.Merged || got.Title != "Retitled elsewhere" ||
		!sameList(blockTexts(got), []string{"First, typed on", "New here", "From the command line"}) {
		t.Fatalf("merged %v: %q %v", saved.Merged, got.Title, blockTexts(got))
	}
	if got.Blocks[2].ID != cli.ID {
		t.Fatalf("the command line's block %d was renumbered to %d", cli.ID, got.Blocks[2].ID)
	}
	if id := saved.IDs[-1]; id != got.Blocks[1].ID || id <= cli.ID {
		t.Fatalf("new block -1 stored as %d, map %v", got.Blocks[1].ID, saved.IDs)
	}
	if saved.Briefing.Revision != got.Revision {
		t.Fatalf("saved revision %d, library %d", saved.Briefing.Revision, got.Revision)
	}
}

// Both sides changed the same thing: nothing is written and the clash is
// named, with the library's copy for the caller.
func TestSaveThatClashesIsRefusedWithTheLibrarysCopy(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	b, _ := newBriefing(t, s)
	base, _ := s.Briefing(ctx, b.ID)
	mine, _ := s.Briefing(ctx, b.ID)
	other, _ := s.Briefing(ctx, b.ID)
	other.Summary = "Theirs"
	if err := s.UpdateBriefing(ctx, other); err != nil {
		t.Fatal(err)
	}
	mine.Summary = "Mine"
	_, err := s.SaveBriefing(ctx, base, mine)
	var mc *domain.MergeConflict
	if !errors.As(err, &mc) || mc.Theirs.Summary != "Theirs" || len(mc.Conflicts) != 1 || mc.Conflicts[0].Field != "bottom line" {
		t.Fatalf("save = %v", err)
	}
	wantCode(t, err, domain.ECONFLICT)
	if got, _ := s.Briefing(ctx, b.ID); got.Summary != "Theirs" {
		t.Fatalf("a refused save wrote %q", got.Summary)
	}
	// Saving mine over theirs, knowingly, is a save based on theirs.
	if _, err := s.SaveBriefing(ctx, mc.Theirs, mine); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.Briefing(ctx, b.ID); got.Summary != "Mine" {
		t.Fatalf("kept %q", got.Summary)
	}
}

// Every way a briefing changes moves its revision on, so no writer's copy
// can look current after someone else wrote.
func TestEveryChangeMovesTheRevision(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	b, e := newBriefing(t, s)
	blk := &domain.Block{Type: domain.BlockExcerpt, ExcerptID: e.ID}
	rev := func() int64 {
		got, err := s.Briefing(ctx, b.ID)
		if err != nil {
			t.Fatal(err)
		}
		return got.Revision
	}
	last := rev()
	steps := []struct {
		name string
		do   func() error
	}{
		{"add block", func() error { return s.AddBlock(ctx, b.ID, blk, -1) }},
		{"add another", func() error {
			return s.AddBlock(ctx, b.ID, &domain.Block{Type: domain.BlockHeading, Text: "H"}, -1)
		}},
		{"move block", func() error { return s.MoveBlock(ctx, blk.ID, 1) }},
		{"update block", func() error {
			return s.UpdateBlock(ctx, &domain.Block{ID: blk.ID, Type: domain.BlockExcerpt, ExcerptID: e.ID, Marking: "U"})
		}},
		{"edit metadata", func() error {
			cur, _ := s.Briefing(ctx, b.ID)
			cur.Audience = "Minister"
			return s.UpdateBriefing(ctx, cur)
		}},
		{"trash", func() error { return s.TrashBriefing(ctx, b.ID) }},
		{"restore", func() error { return s.RestoreBriefing(ctx, b.ID) }},
		{"delete its excerpt by force", func() error { return s.DeleteExcerpt(ctx, e.ID, true) }},
	}
	for _, st := range steps {
		if err := st.do(); err != nil {
			t.Fatalf("%s: %v", st.name, err)
		}
		if now := rev(); now <= last {
			t.Fatalf("%s left the revision at %d", st.name, now)
		} else {
			last = now
		}
	}
}

// A command that read the briefing before the app saved is refused, not
// written over the app's change.
func TestUpdateFromAStaleCopyIsRefused(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	b, _ := newBriefing(t, s)
	stale, _ := s.Briefing(ctx, b.ID)
	app, _ := s.Briefing(ctx, b.ID)
	app.Title = "The app's title"
	if err := saveBriefing(ctx, s, app); err != nil {
		t.Fatal(err)
	}
	stale.Summary = "The command's summary"
	if err := s.UpdateBriefing(ctx, stale); !errors.Is(err, domain.ErrChangedMeanwhile) {
		t.Fatalf("stale update = %v", err)
	}
	if got, _ := s.Briefing(ctx, b.ID); got.Title != "The app's title" {
		t.Fatalf("title %q", got.Title)
	}
}

// Numbers are never handed out twice: a window still holding a briefing
// deleted for good must not find its number on a new one.
func TestNumbersAreNeverReused(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	b, e := newBriefing(t, s)
	if err := s.AddBlock(ctx, b.ID, &domain.Block{Type: domain.BlockHeading, Text: "H"}, -1); err != nil {
		t.Fatal(err)
	}
	old, _ := s.Briefing(ctx, b.ID)
	oldBlock, oldSource := old.Blocks[0].ID, e.SourceID
	if err := s.TrashBriefing(ctx, b.ID); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteBriefing(ctx, b.ID); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteSource(ctx, e.SourceID, true); err != nil {
		t.Fatal(err)
	}
	nb, ne := newBriefing(t, s)
	if err := s.AddBlock(ctx, nb.ID, &domain.Block{Type: domain.BlockHeading, Text: "H"}, -1); err != nil {
		t.Fatal(err)
	}
	got, _ := s.Briefing(ctx, nb.ID)
	if nb.ID == b.ID || ne.ID == e.ID || ne.SourceID == oldSource || got.Blocks[0].ID == oldBlock {
		t.Fatalf("reused: briefing %d→%d excerpt %d→%d source %d→%d block %d→%d",
			b.ID, nb.ID, e.ID, ne.ID, oldSource, ne.SourceID, oldBlock, got.Blocks[0].ID)
	}
	// The window's save for the deleted briefing finds it gone; it never
	// lands in another.
	_, err := s.SaveBriefing(ctx, old, old)
	wantCode(t, err, domain.ENOTFOUND)
}

// A library from before numbers were retired keeps every row and link,
// and from then on retires numbers.
func TestMigrationToRetiredNumbersKeepsEverything(t *testing.T) {
	path := filepath.Join(t.TempDir(), "old.db")
	db := oldLibrary(t, path, 3)
	for _, q := range []string{
		`INSERT INTO sources (id, kind, title, sha256, imported_at) VALUES (1, 'article', 'S1', 'h1', 'x'), (2, 'article', 'S2', 'h2', 'x')`,
		`INSERT INTO source_texts (source_id, text) VALUES (1, 'one two three'), (2, 'four five')`,
		`INSERT INTO excerpts (id, source_id, start, "end", quote, created_at, updated_at) VALUES (1, 1, 0, 3, 'one', 'x', 'x'), (2, 2, 0, 4, 'four', 'x', 'x')`,
		`INSERT INTO tags (id, name) VALUES (1, 'chips')`,
		`INSERT INTO excerpt_tags VALUES (1, 1)`,
		`INSERT INTO briefings (id, title, created_at, updated_at) VALUES (1, 'B1', 'x', 'x'), (2, 'B2', 'x', 'x')`,
		`INSERT INTO blocks (id, briefing_id, position, type, excerpt_id) VALUES (1, 1, 0, 'excerpt', 1), (2, 2, 0, 'excerpt', 2)`,
		`INSERT INTO blocks (id, briefing_id, position, type, text) VALUES (3, 2, 1, 'heading', 'H')`,
		`INSERT INTO snapshots (briefing_id, label, created_at, data) VALUES (2, 'v', 'x', '{}')`,
	} {
		if _, err := db.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	db.Close()
	s, err := Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	b2, err := s.Briefing(ctx, 2)
	if err != nil || len(b2.Blocks) != 2 || b2.Blocks[0].Excerpt.Quote != "four" || b2.Revision < 1 {
		t.Fatalf("briefing 2 after migration: %+v, %v", b2, err)
	}
	if src, _ := s.Source(ctx, 1); src.ExcerptCount != 1 {
		t.Fatalf("source 1 counts %d excerpts", src.ExcerptCount)
	}
	var fk int
	if err := s.wt().QueryRow("PRAGMA foreign_keys").Scan(&fk); err != nil || fk != 1 {
		t.Fatalf("foreign keys %d after the migration", fk)
	}
	// Delete the highest numbers for good; new rows must not take them.
	if err := s.TrashBriefing(ctx, 2); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteBriefing(ctx, 2); err != nil {
		t.Fatal(err)
	}
	nb := &domain.Briefing{Title: "New", Blocks: []*domain.Block{{Type: domain.BlockHeading, Text: "N"}}}
	if err := s.CreateBriefing(ctx, nb); err != nil {
		t.Fatal(err)
	}
	if nb.ID <= 2 || nb.Blocks[0].ID <= 3 {
		t.Fatalf("new briefing %d, block %d: numbers reused", nb.ID, nb.Blocks[0].ID)
	}
	// The excerpt of the deleted briefing is still there and still counted.
	if e, err := s.Excerpt(ctx, 2); err != nil || e.Quote != "four" {
		t.Fatalf("excerpt 2: %v %v", e, err)
	}
}

// The excerpt form's save keeps what the command line changed meanwhile
// (a tag, the marking) and reports a clash on the note with the other text.
func TestExcerptSaveMergesChangesMadeElsewhere(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	src := addSource(t, s, "Chips", chipsText)
	e := addExcerpt(t, s, src.ID, "small yard", "chips")
	base, _ := s.Excerpt(ctx, e.ID)
	mine, _ := s.Excerpt(ctx, e.ID)
	other, _ := s.Excerpt(ctx, e.ID)
	other.Tags, other.Marking, other.Note = []string{"chips", "allies"}, "U", "Their note"
	if _, err := s.UpdateExcerpt(ctx, nil, other); err != nil {
		t.Fatal(err)
	}
	mine.Note, mine.Tags, mine.Credibility = "My note", []string{"export controls"}, 2
	clashes, err := s.UpdateExcerpt(ctx, base, mine)
	if err != nil {
		t.Fatal(err)
	}
	got, _ := s.Excerpt(ctx, e.ID)
	if got.Note != "My note" || got.Marking != "U" || got.Credibility != 2 ||
		!sameList(got.Tags, []string{"allies", "export controls"}) {
		t.Fatalf("merged %+v", got)
	}
	if len(clashes) != 1 || clashes[0].Field != "note" || clashes[0].Theirs != "Their note" {
		t.Fatalf("clashes %+v", clashes)
	}
}

// A source's details form saved after the command line changed other
// details keeps those; a field both changed keeps the form's and reports
// the other.
func TestSourceSaveMergesChangesMadeElsewhere(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	src := addSource(t, s, "Chips", chipsText)
	base, _ := s.Source(ctx, src.ID)
	form, _ := s.Source(ctx, src.ID)
	cli, _ := s.Source(ctx, src.ID)
	cli.Publisher, cli.Reliability, cli.Title = "Desk from the CLI", "B", "CLI title"
	if _, err := s.UpdateSource(ctx, nil, cli); err != nil {
		t.Fatal(err)
	}
	form.Notes, form.Title = "Checked by hand", "Form title"
	clashes, err := s.UpdateSource(ctx, base, form)
	if err != nil {
		t.Fatal(err)
	}
	got, _ := s.Source(ctx, src.ID)
	if got.Publisher != "Desk from the CLI" || got.Reliability != "B" || got.Notes != "Checked by hand" ||
		got.Title != "Form title" || got.Text != chipsText {
		t.Fatalf("merged %+v", got)
	}
	if len(clashes) != 1 || clashes[0].Field != "title" || clashes[0].Theirs != "CLI title" {
		t.Fatalf("clashes %+v", clashes)
	}
}

// A block quoting an excerpt deleted for good elsewhere cannot be saved:
// it is left out and named, and the rest of the save goes through.
func TestSaveLeavesOutBlocksOfExcerptsDeletedElsewhere(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	b, e := newBriefing(t, s)
	if err := s.AddBlock(ctx, b.ID, &domain.Block{Type: domain.BlockExcerpt, ExcerptID: e.ID}, -1); err != nil {
		t.Fatal(err)
	}
	mine, _ := s.Briefing(ctx, b.ID)
	if err := s.DeleteExcerpt(ctx, e.ID, true); err != nil {
		t.Fatal(err)
	}
	// The app, after a clash over the block, saves its side on the
	// library's copy: the block is in its copy, not in the library.
	base, _ := s.Briefing(ctx, b.ID)
	mine.Blocks[0].Marking = "U"
	mine.Summary = "Typed here"
	saved, err := s.SaveBriefing(ctx, base, mine)
	if err != nil {
		t.Fatal(err)
	}
	got, _ := s.Briefing(ctx, b.ID)
	if got.Summary != "Typed here" || len(got.Blocks) != 0 || len(saved.Dropped) != 1 || saved.Dropped[0] != e.ID {
		t.Fatalf("summary %q, %d blocks, dropped %v", got.Summary, len(got.Blocks), saved.Dropped)
	}
	// A briefing deleted for good is told apart from a missing excerpt.
	if err := s.TrashBriefing(ctx, b.ID); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteBriefing(ctx, b.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := s.SaveBriefing(ctx, got, got); !errors.Is(err, domain.ErrGone) {
		t.Fatalf("save into a deleted briefing: %v", err)
	}
}

// Found by a trial: the Trash window, listed before the command line
// restored a source, deleted it for good; Empty trash deleted a briefing
// trashed after the window listed the trash.
func TestTrashWindowDeletesOnlyWhatItShowed(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	src := addSource(t, s, "Chips", chipsText)
	if err := s.TrashSource(ctx, src.ID, false); err != nil {
		t.Fatal(err)
	}
	if err := s.RestoreSource(ctx, src.ID); err != nil { // elsewhere
		t.Fatal(err)
	}
	wantCode(t, s.PurgeSource(ctx, src.ID, true), domain.ENOTFOUND)
	if _, err := s.Source(ctx, src.ID); err != nil {
		t.Fatalf("the restored source went: %v", err)
	}
	e := addExcerpt(t, s, src.ID, "small yard")
	wantCode(t, s.PurgeExcerpt(ctx, e.ID, true), domain.ENOTFOUND)

	shown := &domain.Briefing{Title: "Shown in the trash"}
	later := &domain.Briefing{Title: "Trashed after the listing"}
	for _, b := range []*domain.Briefing{shown, later} {
		if err := s.CreateBriefing(ctx, b); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.TrashBriefing(ctx, shown.ID); err != nil {
		t.Fatal(err)
	}
	listed, _ := s.Briefings(ctx, domain.BriefingFilter{Trashed: true})
	upTo := *listed[0].TrashedAt
	if err := s.TrashBriefing(ctx, later.ID); err != nil { // elsewhere, after
		t.Fatal(err)
	}
	if n, err := s.EmptyTrashUpTo(ctx, upTo); err != nil || n != 1 {
		t.Fatalf("emptied %d: %v", n, err)
	}
	left, _ := s.Briefings(ctx, domain.BriefingFilter{Trashed: true})
	if len(left) != 1 || left[0].ID != later.ID {
		t.Fatalf("left in the trash: %+v", left)
	}
}

// A value stored before the length rules (an over-long bottom line from
// an older version) does not block saving other edits; typing more into
// it is held to the rule.
func TestOldOverlongValuesDoNotBlockOtherEdits(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	b, _ := newBriefing(t, s)
	long := strings.Repeat("Long bottom line. ", 400) // over 5,000 characters
	if _, err := s.wt().Exec(`UPDATE briefings SET summary = ? WHERE id = ?`, long, b.ID); err != nil {
		t.Fatal(err)
	}
	base, _ := s.Briefing(ctx, b.ID)
	mine, _ := s.Briefing(ctx, b.ID)
	mine.Title = "Retitled"
	if _, err := s.SaveBriefing(ctx, base, mine); err != nil {
		t.Fatalf("saving the title: %v", err)
	}
	cur, _ := s.Briefing(ctx, b.ID)
	cur.Author = "Desk"
	if err := s.UpdateBriefing(ctx, cur); err != nil {
		t.Fatalf("the command line's edit: %v", err)
	}
	base, _ = s.Briefing(ctx, b.ID)
	mine, _ = s.Briefing(ctx, b.ID)
	mine.Summary += " More."
	_, err := s.SaveBriefing(ctx, base, mine)
	wantCode(t, err, domain.EINVALID)
}
