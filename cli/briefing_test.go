package cli_test

import (
	"reflect"
	"strings"
	"testing"

	"github.com/attache/attache/cli"
)

// blockShape is "type:text-or-quote" for each block, for compact checks.
func blockShape(bs []block) []string {
	out := []string{}
	for _, b := range bs {
		v := b.Text
		if b.Type == "excerpt" {
			v = b.Quote
		}
		out = append(out, b.Type+":"+v)
	}
	return out
}

// composedBriefing builds a briefing with one block of each type, every
// portion marked UNCLASSIFIED under the US scheme, and returns the
// library, the briefing id and the excerpt.
func composedBriefing(t *testing.T) (db string, id int64, ex excerpt) {
	t.Helper()
	db = newDB(t)
	src := importOne(t, db, chipsFile)
	ex = addExcerpt(t, db, src.ID, `a "small yard, high fence"-narrow in scope`, "--marking", "U")
	id = newBriefing(t, db, "Allied chip controls: where next?",
		"--subtitle", "Options for the ministerial", "--author", "Policy Planning Staff",
		"--audience", "The Minister", "--date", "2025-03-04", "--scheme", "us", "--classification", "UNCLASSIFIED",
		"--title-marking", "U", "--subtitle-marking", "U", "--summary-marking", "U",
		"--summary", "Allies will follow Washington’s lead—slowly.")
	mustRun(t, db, "briefing", "add", itoa(id), "--heading", "Background", "--marking", "U")
	mustRun(t, db, "briefing", "add", itoa(id), "--excerpt", itoa(ex.ID))
	mustRun(t, db, "briefing", "add", itoa(id), "--commentary", "Tokyo and The Hague moved only after months of talks.", "--marking", "U")
	mustRun(t, db, "briefing", "add", itoa(id), "--judgment", "Further controls on servicing are likely within a year.",
		"--confidence", "Medium", "--marking", "u")
	return db, id, ex
}

func TestBriefingNewAndShow(t *testing.T) {
	t.Parallel()
	db, id, ex := composedBriefing(t)

	out := mustRun(t, db, "briefing", "new", "--title", "Second brief", "--json")
	var raw map[string]any
	decode(t, out, &raw)
	if n, ok := raw["id"].(float64); !ok || n != 2 {
		t.Errorf("briefing new --json: id = %v", raw["id"])
	}
	wantContains(t, mustRun(t, db, "briefing", "new", "--title", "Third brief"), "Created briefing 3: Third brief")

	b := showBriefing(t, db, id)
	if b.ID != id || b.Title != "Allied chip controls: where next?" || b.Subtitle != "Options for the ministerial" ||
		b.Author != "Policy Planning Staff" || b.Audience != "The Minister" || b.Date != "2025-03-04" ||
		b.Scheme != "us" || b.Classification != "U" || b.ClassificationBanner != "UNCLASSIFIED" || b.Status != "draft" || b.Summary != "Allies will follow Washington’s lead—slowly." {
		t.Errorf("briefing metadata: %+v", b)
	}
	want := []string{"heading:Background", "excerpt:a “small yard, high fence”—narrow in scope",
		"commentary:Tokyo and The Hague moved only after months of talks.",
		"judgment:Further controls on servicing are likely within a year."}
	if got := blockShape(b.Blocks); !reflect.DeepEqual(got, want) {
		t.Fatalf("blocks:\n got %q\nwant %q", got, want)
	}
	seen := map[int64]bool{}
	for _, blk := range b.Blocks {
		if blk.ID <= 0 || seen[blk.ID] {
			t.Errorf("block id %d missing or repeated", blk.ID)
		}
		seen[blk.ID] = true
	}
	if e := b.Blocks[1]; e.Excerpt != ex.ID || e.Source != 1 || e.Quote != ex.Quote {
		t.Errorf("excerpt block: %+v", e)
	}
	if j := b.Blocks[3]; j.Confidence != "moderate" || j.Marking != "U" {
		t.Errorf("judgment block: %+v", j)
	}

	text := mustRun(t, db, "briefing", "show", itoa(id))
	wantContains(t, text, "Briefing 1: Allied chip controls: where next?", "Prepared for: The Minister",
		"Date:", "4 March 2025", "Scheme:", "us (United States classification)", "Banner:", "UNCLASSIFIED", "Status:", "Draft", "Bottom line: Allies will follow",
		"## Background", "excerpt 1 “a “small yard", "(U) judgment: Further controls", "(moderate confidence)")
	wantContains(t, mustRun(t, db, "briefing", "show", "2"), "no blocks yet")
}

func TestBriefingNewErrors(t *testing.T) {
	t.Parallel()
	db := newDB(t)
	for _, args := range [][]string{
		{"briefing", "new", "--title", "x", "--date", "4 March 2025"},
		{"briefing", "new", "--title", "x", "--status", "published"},
		{"briefing", "new", "--title", "x", "extra"},
	} {
		fails(t, db, cli.ExitUsage, args...)
	}
	wantContains(t, fails(t, db, cli.ExitError, "briefing", "new"), "needs a title")
	var list []briefingSummary
	runJSON(t, db, &list, "briefing", "list")
	if len(list) != 0 {
		t.Errorf("failed creates left %d briefings", len(list))
	}
}

func TestBriefingAdd(t *testing.T) {
	t.Parallel()
	db, id, _ := composedBriefing(t)

	var blk block
	runJSON(t, db, &blk, "briefing", "add", itoa(id), "--heading", "Key judgments", "--at", "4")
	if blk.ID <= 0 || blk.Type != "heading" || blk.Text != "Key judgments" {
		t.Errorf("add --json: %+v", blk)
	}
	out := mustRun(t, db, "briefing", "add", itoa(id), "--heading", "Summary", "--at", "1")
	wantContains(t, out, "Added block", "to briefing 1: ## Summary")
	mustRun(t, db, "briefing", "add", itoa(id), "--commentary", "Appended.", "--at", "99")

	want := []string{"heading:Summary", "heading:Background", "excerpt:a “small yard, high fence”—narrow in scope",
		"commentary:Tokyo and The Hague moved only after months of talks.", "heading:Key judgments",
		"judgment:Further controls on servicing are likely within a year.", "commentary:Appended."}
	if got := blockShape(showBriefing(t, db, id).Blocks); !reflect.DeepEqual(got, want) {
		t.Errorf("blocks:\n got %q\nwant %q", got, want)
	}

	for _, args := range [][]string{
		{"briefing", "add", itoa(id)},
		{"briefing", "add", itoa(id), "--heading", "A", "--commentary", "B"},
		{"briefing", "add", itoa(id), "--excerpt", "1", "--judgment", "B"},
		{"briefing", "add", itoa(id), "--commentary", "B", "--confidence", "high"},
		{"briefing", "add", itoa(id), "--judgment", "B", "--confidence", "certain"},
		{"briefing", "add", itoa(id), "--heading", "A", "--marking", "secretish"},
		{"briefing", "add", itoa(id), "--heading", "A", "--at", "first"},
		{"briefing", "add", "--heading", "A"},
		{"briefing", "add", "brief", "--heading", "A"},
	} {
		wantContains(t, fails(t, db, cli.ExitUsage, args...), "Run 'attache --help'")
	}
	wantContains(t, fails(t, db, cli.ExitError, "briefing", "add", itoa(id), "--excerpt", "77"), "there is no excerpt 77")
	wantContains(t, fails(t, db, cli.ExitError, "briefing", "add", "5", "--heading", "A"), "there is no briefing 5")
	fails(t, db, cli.ExitError, "briefing", "add", itoa(id), "--heading", "  ")
	if got := len(showBriefing(t, db, id).Blocks); got != len(want) {
		t.Errorf("failed adds changed the briefing: %d blocks", got)
	}
}

func TestBriefingMoveRemove(t *testing.T) {
	t.Parallel()
	db, id, _ := composedBriefing(t)
	b := showBriefing(t, db, id)
	heading, judgment := b.Blocks[0], b.Blocks[3]

	wantContains(t, mustRun(t, db, "briefing", "move", itoa(judgment.ID), "1"), "Moved block")
	got := showBriefing(t, db, id).Blocks
	if got[0].ID != judgment.ID || got[1].ID != heading.ID {
		t.Errorf("after move to 1: %q", blockShape(got))
	}
	mustRun(t, db, "briefing", "move", itoa(judgment.ID), "40") // clamped to the end
	if got = showBriefing(t, db, id).Blocks; got[3].ID != judgment.ID {
		t.Errorf("after move to 40: %q", blockShape(got))
	}
	wantContains(t, mustRun(t, db, "briefing", "remove", itoa(heading.ID)), "Removed block")
	got = showBriefing(t, db, id).Blocks
	want := []string{"excerpt:a “small yard, high fence”—narrow in scope",
		"commentary:Tokyo and The Hague moved only after months of talks.",
		"judgment:Further controls on servicing are likely within a year."}
	if !reflect.DeepEqual(blockShape(got), want) {
		t.Errorf("after remove: %q", blockShape(got))
	}
	// The excerpt stays in the library when its block goes.
	mustRun(t, db, "briefing", "remove", itoa(got[0].ID))
	var exs []excerpt
	runJSON(t, db, &exs, "excerpts")
	if len(exs) != 1 {
		t.Errorf("removing the block removed the excerpt")
	}

	for _, args := range [][]string{
		{"briefing", "move", itoa(judgment.ID), "0"},
		{"briefing", "move", itoa(judgment.ID), "top"},
		{"briefing", "move", "x", "1"},
		{"briefing", "move", itoa(judgment.ID)},
		{"briefing", "remove", "-3"},
	} {
		fails(t, db, cli.ExitUsage, args...)
	}
	wantContains(t, fails(t, db, cli.ExitError, "briefing", "remove", itoa(heading.ID)), "there is no block")
	fails(t, db, cli.ExitError, "briefing", "move", "999", "1")
}

func TestBriefingEdit(t *testing.T) {
	t.Parallel()
	db, id, _ := composedBriefing(t)
	wantContains(t, mustRun(t, db, "briefing", "edit", itoa(id), "--status", "final", "--title", "Chip controls: final"),
		"Saved briefing 1")
	b := showBriefing(t, db, id)
	if b.Status != "final" || b.Title != "Chip controls: final" || b.Summary != "Allies will follow Washington’s lead—slowly." ||
		len(b.Blocks) != 4 {
		t.Errorf("after edit: %+v", b)
	}
	mustRun(t, db, "briefing", "edit", itoa(id), "--status", "in review", "--summary", "")
	if b = showBriefing(t, db, id); b.Status != "review" || b.Summary != "" {
		t.Errorf("after second edit: status %q summary %q", b.Status, b.Summary)
	}
	fails(t, db, cli.ExitUsage, "briefing", "edit", itoa(id), "--status", "done")
	fails(t, db, cli.ExitError, "briefing", "edit", itoa(id), "--title", " ")
	wantContains(t, fails(t, db, cli.ExitError, "briefing", "edit", "8", "--title", "x"), "there is no briefing 8")
	if b = showBriefing(t, db, id); b.Title != "Chip controls: final" {
		t.Errorf("failed edits changed the title to %q", b.Title)
	}
}

func TestBriefingTrashAndDuplicate(t *testing.T) {
	t.Parallel()
	db, id, _ := composedBriefing(t)
	other := newBriefing(t, db, "5G vendor review")

	var list []briefingSummary
	runJSON(t, db, &list, "briefing", "list")
	if len(list) != 2 || list[0].ID != other || list[1].ID != id || list[1].Blocks != 4 {
		t.Fatalf("list (most recently edited first): %+v", list)
	}
	wantContains(t, mustRun(t, db, "briefing", "list"), "TITLE", "5G vendor review", "Draft")

	wantContains(t, mustRun(t, db, "briefing", "delete", itoa(id)), "Moved briefing 1 to the trash")
	runJSON(t, db, &list, "briefing", "list")
	if len(list) != 1 || list[0].ID != other {
		t.Errorf("list after delete: %+v", list)
	}
	runJSON(t, db, &list, "briefing", "list", "--trash")
	if len(list) != 1 || list[0].ID != id || list[0].TrashedAt == nil {
		t.Errorf("list --trash: %+v", list)
	}
	if b := showBriefing(t, db, id); b.TrashedAt == nil || len(b.Blocks) != 4 {
		t.Errorf("a trashed briefing keeps its blocks and says it is trashed: %+v", b)
	}
	wantContains(t, fails(t, db, cli.ExitError, "briefing", "delete", itoa(id)), "already in the trash")

	wantContains(t, mustRun(t, db, "briefing", "undelete", itoa(id)), "Restored briefing 1")
	runJSON(t, db, &list, "briefing", "list", "--trash")
	if len(list) != 0 {
		t.Errorf("trash after undelete: %+v", list)
	}
	wantContains(t, fails(t, db, cli.ExitError, "briefing", "undelete", itoa(id)), "not in the trash")

	mustRun(t, db, "briefing", "edit", itoa(id), "--status", "final")
	var dup briefing
	runJSON(t, db, &dup, "briefing", "duplicate", itoa(id))
	orig := showBriefing(t, db, id)
	if dup.ID == id || dup.ID == 0 || dup.Title != "Copy of "+orig.Title || dup.Status != "draft" || dup.Summary != orig.Summary {
		t.Errorf("duplicate: %+v", dup)
	}
	if !reflect.DeepEqual(blockShape(dup.Blocks), blockShape(orig.Blocks)) {
		t.Errorf("duplicate blocks %q, want %q", blockShape(dup.Blocks), blockShape(orig.Blocks))
	}
	for i := range dup.Blocks {
		if dup.Blocks[i].ID == orig.Blocks[i].ID {
			t.Errorf("duplicate shares block id %d", dup.Blocks[i].ID)
		}
	}
	if got := showBriefing(t, db, dup.ID); !reflect.DeepEqual(blockShape(got.Blocks), blockShape(orig.Blocks)) {
		t.Errorf("stored duplicate differs: %q", blockShape(got.Blocks))
	}
	wantContains(t, mustRun(t, db, "briefing", "duplicate", itoa(other)), "Created briefing", "Copy of 5G vendor review")

	for _, args := range [][]string{{"briefing", "delete", "abc"}, {"briefing", "undelete"}, {"briefing", "duplicate", "0"}, {"briefing", "list", "x"}} {
		fails(t, db, cli.ExitUsage, args...)
	}
	if errOut := fails(t, db, cli.ExitError, "briefing", "duplicate", "99"); !strings.Contains(errOut, "there is no briefing 99") {
		t.Errorf("duplicate 99: %s", errOut)
	}
}

func TestBriefingHistoryRestoreAndEmptyTrash(t *testing.T) {
	db, id, _ := composedBriefing(t)
	var snap struct {
		ID int64 `json:"id"`
	}
	runJSON(t, db, &snap, "briefing", "snapshot", itoa(id), "--label", "before edits")
	if snap.ID == 0 {
		t.Fatal("no version id")
	}
	_, errOut, code := run(t, db, "briefing", "edit", itoa(id), "--title", "Renamed")
	wantExit(t, code, cli.ExitOK, errOut)
	var hist []struct {
		ID    int64  `json:"id"`
		Label string `json:"label"`
	}
	runJSON(t, db, &hist, "briefing", "history", itoa(id))
	if len(hist) != 1 || hist[0].Label != "before edits" {
		t.Fatalf("history %+v", hist)
	}
	_, errOut, code = run(t, db, "briefing", "restore", itoa(id), itoa(snap.ID))
	wantExit(t, code, cli.ExitOK, errOut)
	var b struct {
		Title string `json:"title"`
	}
	runJSON(t, db, &b, "briefing", "show", itoa(id))
	if b.Title == "Renamed" {
		t.Fatal("restore kept the new title")
	}
	runJSON(t, db, &hist, "briefing", "history", itoa(id))
	if len(hist) != 2 {
		t.Fatalf("restoring did not save the current state first: %+v", hist)
	}
	run(t, db, "briefing", "delete", itoa(id))
	var gone map[string]int
	runJSON(t, db, &gone, "briefing", "empty-trash")
	if gone["deleted"] != 1 {
		t.Fatalf("empty-trash %v", gone)
	}
	fails(t, db, cli.ExitError, "briefing", "show", itoa(id))
}

// Found by a trial: history of a briefing with no version printed
// nothing at all, as if the command had failed silently.
func TestHistoryWithNoVersionSaysSo(t *testing.T) {
	db := newDB(t)
	mustRun(t, db, "briefing", "new", "--title", "Fresh")
	out := mustRun(t, db, "briefing", "history", "1")
	if !strings.Contains(out, "Briefing 1 has no versions yet") {
		t.Errorf("history says %q", out)
	}
	if got := mustRun(t, db, "briefing", "history", "1", "--json"); strings.TrimSpace(got) != "[]" {
		t.Errorf("--json gives %q", got)
	}
}
