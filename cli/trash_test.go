package cli_test

import (
	"testing"

	"github.com/attache/attache/cli"
)

type trashList struct {
	Sources []struct {
		ID           int64   `json:"id"`
		Title        string  `json:"title"`
		ExcerptCount int     `json:"excerpt_count"`
		TrashedAt    *string `json:"trashed_at"`
	} `json:"sources"`
	Excerpts []struct {
		ID          int64   `json:"id"`
		Quote       string  `json:"quote"`
		SourceTitle string  `json:"source_title"`
		TrashedAt   *string `json:"trashed_at"`
	} `json:"excerpts"`
	Briefings []briefingSummary `json:"briefings"`
}

func TestTrashListsRestoresAndEmptiesAllThreeKinds(t *testing.T) {
	t.Parallel()
	db := newDB(t)
	chips := importOne(t, db, chipsFile)
	fiveG := importOne(t, db, fiveGFile)
	addExcerpt(t, db, chips.ID, "small yard, high fence", "--tag", "doctrine")
	spare := addExcerpt(t, db, fiveG.ID, "cost billions", "--tag", "telecom")
	b := newBriefing(t, db, "Chip outlook")

	wantContains(t, mustRun(t, db, "trash"), "The trash is empty.")
	mustRun(t, db, "source", "delete", itoa(chips.ID))
	mustRun(t, db, "excerpt", "delete", itoa(spare.ID))
	mustRun(t, db, "briefing", "delete", itoa(b))

	var tr trashList
	runJSON(t, db, &tr, "trash")
	if len(tr.Sources) != 1 || tr.Sources[0].ID != chips.ID || tr.Sources[0].ExcerptCount != 1 || tr.Sources[0].TrashedAt == nil {
		t.Errorf("trashed sources: %+v", tr.Sources)
	}
	if len(tr.Excerpts) != 1 || tr.Excerpts[0].ID != spare.ID || tr.Excerpts[0].SourceTitle == "" || tr.Excerpts[0].TrashedAt == nil {
		t.Errorf("trashed excerpts: %+v", tr.Excerpts)
	}
	if len(tr.Briefings) != 1 || tr.Briefings[0].ID != b {
		t.Errorf("trashed briefings: %+v", tr.Briefings)
	}
	wantContains(t, mustRun(t, db, "trash"), "source", "(1 excerpt)", "“cost billions”", "Chip outlook", "attache trash empty")
	wantContains(t, mustRun(t, db, "excerpt", "show", itoa(spare.ID)), "In the trash since", "attache excerpt restore 2")
	wantContains(t, mustRun(t, db, "source", "show", itoa(chips.ID)), "In trash:", "attache source restore 1")

	// What is in the trash is nowhere else.
	var srcs []source
	var exs []excerpt
	var tags []struct{ Name string }
	runJSON(t, db, &srcs, "sources")
	runJSON(t, db, &exs, "excerpts")
	runJSON(t, db, &tags, "tags")
	if len(srcs) != 1 || srcs[0].ID != fiveG.ID || srcs[0].ExcerptCount != 0 || len(exs) != 0 || len(tags) != 0 {
		t.Errorf("outside the trash: sources %+v, excerpts %+v, tags %+v", srcs, exs, tags)
	}
	if out := mustRun(t, db, "search", "yard"); out != mustRun(t, db, "search", "nothingmatchesthis") {
		t.Errorf("search finds the trash:\n%s", out)
	}

	wantContains(t, mustRun(t, db, "source", "restore", itoa(chips.ID)), "Restored source 1 with its excerpts")
	wantContains(t, mustRun(t, db, "excerpt", "restore", itoa(spare.ID)), "Restored excerpt 2")
	wantContains(t, fails(t, db, cli.ExitError, "excerpt", "restore", itoa(spare.ID)), "excerpt 2 is not in the trash")
	runJSON(t, db, &exs, "excerpts")
	if len(exs) != 2 {
		t.Errorf("after restoring: %d excerpts", len(exs))
	}

	mustRun(t, db, "excerpt", "delete", itoa(spare.ID))
	var gone map[string]int
	runJSON(t, db, &gone, "trash", "empty")
	if gone["deleted"] != 2 {
		t.Errorf("trash empty deleted %v, want the excerpt and the briefing", gone)
	}
	runJSON(t, db, &tr, "trash")
	if len(tr.Sources)+len(tr.Excerpts)+len(tr.Briefings) != 0 {
		t.Errorf("trash after emptying: %+v", tr)
	}
	wantContains(t, fails(t, db, cli.ExitError, "excerpt", "show", itoa(spare.ID)), "there is no excerpt 2")
}

func TestBriefingEmptyTrashEmptiesSourcesToo(t *testing.T) {
	t.Parallel()
	db := newDB(t)
	src := importOne(t, db, fiveGFile)
	mustRun(t, db, "source", "delete", itoa(src.ID))
	wantContains(t, mustRun(t, db, "briefing", "empty-trash"), "Deleted 1 item from the trash for good")
	wantContains(t, fails(t, db, cli.ExitError, "source", "restore", itoa(src.ID)), "there is no source 1")
}

func TestBriefingDeletePurgeOnlyFromTheTrash(t *testing.T) {
	t.Parallel()
	db := newDB(t)
	b := newBriefing(t, db, "Short-lived")
	wantContains(t, fails(t, db, cli.ExitError, "briefing", "delete", itoa(b), "--purge"), "not in the trash")
	wantContains(t, mustRun(t, db, "briefing", "delete", itoa(b)), "attache briefing undelete 1")
	wantContains(t, mustRun(t, db, "briefing", "delete", itoa(b), "--purge"), "Deleted briefing 1 for good")
	wantContains(t, fails(t, db, cli.ExitError, "briefing", "undelete", itoa(b)), "there is no briefing 1")
}

func TestDeleteAndRestoreCommandLines(t *testing.T) {
	t.Parallel()
	db := emptyLibrary(t)
	for _, args := range [][]string{
		{"excerpt", "restore"}, {"excerpt", "restore", "x"}, {"source", "restore", "0"},
		{"trash", "x"}, {"trash", "empty", "x"}, {"source", "delete", "1", "--purg"},
	} {
		fails(t, db, cli.ExitUsage, args...)
	}
	wantContains(t, fails(t, db, cli.ExitError, "source", "delete", "4"), "there is no source 4")
}
