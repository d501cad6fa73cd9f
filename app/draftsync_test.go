package app

import (
	"context"
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/attache/attache/domain"
)

// The finding: with a briefing open in the app, blocks the command line
// added and a title it set vanished at the app's next autosave. Now they
// stay, the analyst's typing stays, and the app shows them.
func TestAppSaveKeepsWhatTheCommandLineWrote(t *testing.T) {
	// Fyne's test driver runs "UI goroutine" work on whichever goroutine
	// asks, so saves and looks for changes are run one at a time here;
	// the acceptance suite runs them concurrently in the real event loop.
	setAutosave(t, time.Hour)
	quietFollow(t)
	u, lib := openSampleBriefing(t)
	c := u.briefings.composer
	ctx := context.Background()
	eventually(t, "the composer", func() bool { return c.d != nil })
	id := c.d.b.ID
	n := len(c.d.b.Blocks)

	// The analyst types into the bottom line while the command line adds
	// blocks and retitles the briefing, again and again.
	var added []int64
	for i := range 5 {
		fyne.DoAndWait(func() { c.summary.SetText("Bottom line, draft " + string(rune('a'+i))) })
		blk := &domain.Block{Type: domain.BlockCommentary, Text: "Added by the command line " + string(rune('a'+i))}
		if err := lib.AddBlock(ctx, id, blk, -1); err != nil {
			t.Fatal(err)
		}
		added = append(added, blk.ID)
		retitle(t, lib, id, "Retitled elsewhere "+string(rune('a'+i)))
		saveAndWait(t, c)
	}
	fyne.DoAndWait(func() { c.summary.SetText("Bottom line, final") })
	saveAndWait(t, c)
	b, _ := lib.Briefing(ctx, id)
	if b.Summary != "Bottom line, final" || b.Title != "Retitled elsewhere e" || len(b.Blocks) != n+5 {
		t.Fatalf("the library has %q, %q and %d blocks", b.Summary, b.Title, len(b.Blocks))
	}
	for i, want := range added {
		if got := b.Blocks[n+i].ID; got != want {
			t.Fatalf("the command line's block %d is now %d: numbers changed under it", want, got)
		}
	}
	// The window shows the library's state, title included.
	eventually(t, "the window to follow", func() bool {
		return c.title.Text == "Retitled elsewhere e" && c.blockCount() == n+5
	})
}

// quietFollow stops the window's own looks for changes made elsewhere
// for one test, which then runs them itself.
func quietFollow(t *testing.T) {
	old := followEvery
	followEvery = time.Hour
	t.Cleanup(func() { followEvery = old })
}

// saveAndWait saves the open draft and waits for the save to land.
func saveAndWait(t *testing.T, c *composer) {
	t.Helper()
	fyne.DoAndWait(c.d.save)
	eventually(t, "the save", func() bool { return c.d.isSaved() && !c.d.saving })
}

// Changes made elsewhere show in the open window within two seconds when
// nothing typed here is pending.
func TestOpenBriefingFollowsChangesMadeElsewhere(t *testing.T) {
	u, lib := openSampleBriefing(t)
	c := u.briefings.composer
	ctx := context.Background()
	eventually(t, "the composer", func() bool { return c.d != nil })
	id, n := c.d.b.ID, len(c.d.b.Blocks)
	start := time.Now()
	if err := lib.AddBlock(ctx, id, &domain.Block{Type: domain.BlockHeading, Text: "From elsewhere"}, 0); err != nil {
		t.Fatal(err)
	}
	eventually(t, "the new block on screen", func() bool {
		return c.blockCount() == n+1 && c.d.b.Blocks[0].Text == "From elsewhere"
	})
	// The issue asks for 2 s; the acceptance suite holds the real binary to
	// it. Here, on a loaded machine, a second of slack for the test driver.
	if took := time.Since(start); took > 3*time.Second {
		t.Fatalf("the window showed a change made elsewhere after %v", took)
	}
}

// New blocks keep the number their first save gave them: saves never
// store them twice nor renumber them.
func TestNewBlocksAreStoredOnceAndKeepTheirNumbers(t *testing.T) {
	setAutosave(t, 20*time.Millisecond)
	u, lib := openSampleBriefing(t)
	c := u.briefings.composer
	ctx := context.Background()
	eventually(t, "the composer", func() bool { return c.d != nil })
	id, n := c.d.b.ID, len(c.d.b.Blocks)
	fyne.DoAndWait(func() { c.editBlock(0); c.onAdd(domain.BlockCommentary) })
	fyne.DoAndWait(func() { c.editor.text.SetText("Typed") }) // a blank block is not written
	eventually(t, "the first save", func() bool { return c.d.isSaved() && c.d.b.Blocks[1].ID > 0 })
	first := c.d.b.Blocks[1].ID
	for i := range 5 {
		fyne.DoAndWait(func() { c.editor.text.SetText("Typed " + string(rune('a'+i))) })
		sleepUI(40 * time.Millisecond)
	}
	eventually(t, "the saves", func() bool {
		b, _ := lib.Briefing(ctx, id)
		return c.d.isSaved() && b.Blocks[1].Text == "Typed e"
	})
	b, _ := lib.Briefing(ctx, id)
	if len(b.Blocks) != n+1 || b.Blocks[1].ID != first || c.d.b.Blocks[1].ID != first {
		t.Fatalf("%d blocks, the new one numbered %d in the library and %d here, first %d",
			len(b.Blocks), b.Blocks[1].ID, c.d.b.Blocks[1].ID, first)
	}
}

// A briefing deleted for good elsewhere while edits are pending keeps
// them in a rescue copy; they are never written into another briefing.
func TestEditsToABriefingDeletedElsewhereAreRescued(t *testing.T) {
	setAutosave(t, time.Hour)
	u, lib := openSampleBriefing(t)
	c := u.briefings.composer
	ctx := context.Background()
	eventually(t, "the composer", func() bool { return c.d != nil })
	id := c.d.b.ID
	fyne.DoAndWait(func() { c.summary.SetText("Typed before it went") })
	if err := lib.TrashBriefing(ctx, id); err != nil {
		t.Fatal(err)
	}
	if err := lib.DeleteBriefing(ctx, id); err != nil {
		t.Fatal(err)
	}
	fyne.DoAndWait(func() { c.d.save() })
	eventually(t, "the rescue", func() bool { return c.d == nil })
	eventually(t, "the notice", func() bool { return strings.Contains(u.notice(), "deleted for good elsewhere") })
	copies, _ := filepath.Glob(filepath.Join(filepath.Dir(lib.Path()), "rescue", "*-unsaved-*.json"))
	if len(copies) != 1 {
		t.Fatalf("rescue copies: %v", copies)
	}
	if data, _ := os.ReadFile(copies[0]); !strings.Contains(string(data), "Typed before it went") {
		t.Fatal("the rescue copy lacks the typing")
	}
	if st, _ := lib.Stats(ctx); st.Briefings != 0 {
		t.Fatalf("the edits went into another briefing: %d briefings", st.Briefings)
	}
}

// retitle sets a briefing's title as `attache briefing edit` does: read,
// change, write, again if the app saved in between.
func retitle(t *testing.T, lib Library, id int64, title string) {
	t.Helper()
	for {
		cur, err := lib.Briefing(context.Background(), id)
		if err != nil {
			t.Fatal(err)
		}
		cur.Title = title
		err = lib.UpdateBriefing(context.Background(), cur)
		if !errors.Is(err, domain.ErrChangedMeanwhile) {
			if err != nil {
				t.Fatal(err)
			}
			return
		}
	}
}

// The excerpt form and the command line edit one excerpt: the analyst's
// note and the command line's marking and tag both stay, and the form
// shows what the command line did.
func TestExcerptFormKeepsWhatTheCommandLineWrote(t *testing.T) {
	setAutosave(t, time.Hour) // saved below, when nothing else runs: Fyne's test driver has no UI goroutine
	u, lib := sampleInExcerpts(t)
	ctx := context.Background()
	fyne.DoAndWait(func() { u.excerpts.list.Select(0) })
	id := u.excerpts.excerpts[0].ID
	other, _ := lib.Excerpt(ctx, id)
	base := *other
	other.Marking, other.Tags = "C", append(other.Tags, "from-the-cli")
	if _, err := lib.UpdateExcerpt(ctx, &base, other); err != nil {
		t.Fatal(err)
	}
	typeOnUI(u.excerpts.fields.note, " Checked.")
	fyne.DoAndWait(u.excerpts.saveNow)
	eventually(t, "both sides in the library", func() bool {
		e, _ := lib.Excerpt(ctx, id)
		return strings.Contains(e.Note, "Checked.") && e.Marking == "C" && slices.Contains(e.Tags, "from-the-cli")
	})
	eventually(t, "the form to show the command line's marking and tag", func() bool {
		f := u.excerpts.fields
		m, err := f.marking.value()
		return err == nil && m == "C" && strings.Contains(f.tags.Text, "from-the-cli") &&
			strings.Contains(f.note.Text, "Checked.")
	})
}

// Both changed the note: the analyst's stays and the other is kept in
// full, so it can be copied back.
func TestExcerptNoteClashShowsTheOtherText(t *testing.T) {
	setAutosave(t, time.Hour)
	u, lib := sampleInExcerpts(t)
	ctx := context.Background()
	fyne.DoAndWait(func() { u.excerpts.list.Select(0) })
	id := u.excerpts.excerpts[0].ID
	typeOnUI(u.excerpts.fields.note, " Mine.")
	other, _ := lib.Excerpt(ctx, id)
	other.Note = "Written by the command line."
	if _, err := lib.UpdateExcerpt(ctx, nil, other); err != nil {
		t.Fatal(err)
	}
	fyne.DoAndWait(u.excerpts.saveNow)
	eventually(t, "the analyst's note saved", func() bool { return strings.Contains(noteOf(t, lib, id), "Mine.") })
	// Said in the notice strip, which takes no keys from the typing (a
	// dialog did, and swallowed them); the other text is kept in a file.
	eventually(t, "the notice", func() bool { return strings.Contains(u.notice(), "was also changed elsewhere") })
	if overlayContains(u, "Written by the command line.") {
		t.Fatal("a dialog took the keyboard")
	}
	kept, _ := filepath.Glob(filepath.Join(filepath.Dir(lib.Path()), "rescue", "*changed-elsewhere*.txt"))
	if len(kept) != 1 {
		t.Fatalf("kept copies: %v", kept)
	}
	if data, _ := os.ReadFile(kept[0]); !strings.Contains(string(data), "Written by the command line.") {
		t.Fatalf("the kept copy lacks the other text: %s", data)
	}
}

// typeOnUI types into w key by key on the UI goroutine, where saves land,
// as the real event loop does.
func typeOnUI(w fyne.Focusable, s string) {
	for _, r := range s {
		fyne.DoAndWait(func() { test.Type(w, string(r)) })
	}
}

// Found by a trial: an excerpt deleted for good from the command line
// while its note was being typed lost the typing without a word.
func TestExcerptDeletedElsewhereKeepsTheTyping(t *testing.T) {
	setAutosave(t, time.Hour)
	u, lib := sampleInExcerpts(t)
	ctx := context.Background()
	fyne.DoAndWait(func() { u.excerpts.list.Select(0) })
	id := u.excerpts.excerpts[0].ID
	typeOnUI(u.excerpts.fields.note, "Typed before it went. ")
	if err := lib.DeleteExcerpt(ctx, id, true); err != nil {
		t.Fatal(err)
	}
	fyne.DoAndWait(u.excerpts.saveNow)
	eventually(t, "the notice", func() bool { return strings.Contains(u.notice(), "deleted for good elsewhere") })
	kept, _ := filepath.Glob(filepath.Join(filepath.Dir(lib.Path()), "rescue", "excerpt-*-unsaved-*.txt"))
	if len(kept) != 1 {
		t.Fatalf("rescue copies: %v", kept)
	}
	if data, _ := os.ReadFile(kept[0]); !strings.Contains(string(data), "Typed before it went.") {
		t.Fatalf("the rescue copy lacks the typing: %s", data)
	}
}

// The briefing selected again (the list reloaded) with a copy read before
// the typing was saved must not put the older text back under the typing.
func TestReopeningWithAnOlderCopyKeepsTheTyping(t *testing.T) {
	setAutosave(t, time.Hour)
	quietFollow(t)
	u, lib := openSampleBriefing(t)
	c := u.briefings.composer
	ctx := context.Background()
	id := c.d.b.ID
	older, _ := lib.Briefing(ctx, id)
	fyne.DoAndWait(func() { c.summary.SetText("Typed just now") })
	fyne.DoAndWait(func() { c.open(older) })
	if c.d.b.Summary != "Typed just now" || c.summary.Text != "Typed just now" {
		t.Fatalf("reopening put back %q (field %q)", c.d.b.Summary, c.summary.Text)
	}
	if b, _ := lib.Briefing(ctx, id); b.Summary != "Typed just now" {
		t.Fatalf("the library has %q", b.Summary)
	}
}

// A new block is inserted once, at its first save; the saves after it
// update its row in place, even when typing goes on while a save runs and
// a save merges a change made elsewhere, rather than deleting it and
// inserting it again.
func TestNewBlockIsInsertedOnceAndThenUpdatedInPlace(t *testing.T) {
	setAutosave(t, 5*time.Millisecond)
	u, lib := openSampleBriefing(t)
	c := u.briefings.composer
	ctx := context.Background()
	id := c.d.b.ID
	log := watchBlockRows(t, lib.Path())
	fyne.DoAndWait(func() { c.editBlock(0); c.onAdd(domain.BlockCommentary) })
	for i := range 8 {
		fyne.DoAndWait(func() { c.editor.text.SetText("Typed " + string(rune('a'+i))) })
		time.Sleep(7 * time.Millisecond) // saves land while typing goes on
		if i == 4 {
			retitle(t, lib, id, "Retitled elsewhere") // the next save merges
		}
	}
	eventually(t, "the saves", func() bool {
		b, _ := lib.Briefing(ctx, id)
		return c.d.isSaved() && b.Blocks[1].Text == "Typed h" && b.Title == "Retitled elsewhere"
	})
	fyne.DoAndWait(func() { c.editor.text.SetText("Typed once more") })
	eventually(t, "the last save", func() bool {
		b, _ := lib.Briefing(ctx, id)
		return c.d.isSaved() && b.Blocks[1].Text == "Typed once more"
	})
	inserts, deletes := log()
	if len(inserts) != 1 || len(deletes) != 0 {
		t.Fatalf("block rows inserted %v and deleted %v; want one insert and no deletes", inserts, deletes)
	}
	if got := c.d.b.Blocks[1].ID; got != inserts[0] {
		t.Fatalf("the draft numbers the new block %d, the library %d", got, inserts[0])
	}
}

// watchBlockRows logs every insert and delete of a block row in the
// library at path, and returns a function reading the ids logged.
func watchBlockRows(t *testing.T, path string) func() (inserts, deletes []int64) {
	t.Helper()
	db, err := sql.Open("sqlite3", "file:"+path+"?_busy_timeout=5000")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	for _, q := range []string{
		`CREATE TABLE test_block_log (op TEXT, id INTEGER)`,
		`CREATE TRIGGER test_block_ins AFTER INSERT ON blocks BEGIN INSERT INTO test_block_log VALUES ('insert', new.id); END`,
		`CREATE TRIGGER test_block_del AFTER DELETE ON blocks BEGIN INSERT INTO test_block_log VALUES ('delete', old.id); END`,
	} {
		if _, err := db.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	return func() (inserts, deletes []int64) {
		rows, err := db.Query(`SELECT op, id FROM test_block_log ORDER BY rowid`)
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		for rows.Next() {
			var op string
			var id int64
			if err := rows.Scan(&op, &id); err != nil {
				t.Fatal(err)
			}
			if op == "insert" {
				inserts = append(inserts, id)
			} else {
				deletes = append(deletes, id)
			}
		}
		return inserts, deletes
	}
}
