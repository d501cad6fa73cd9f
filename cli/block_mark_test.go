package cli_test

import (
	"testing"

	"github.com/attache/attache/cli"
)

// effectiveBlock is a block's marks in briefing show --json.
type effectiveBlock struct {
	Marking          string `json:"marking"`
	ExcerptMarking   string `json:"excerpt_marking"`
	EffectiveMarking string `json:"effective_marking"`
	EffectivePortion string `json:"effective_portion"`
}

func showMarks(t *testing.T, db string, id int64) []effectiveBlock {
	t.Helper()
	var b struct {
		Blocks []effectiveBlock `json:"blocks"`
	}
	runJSON(t, db, &b, "briefing", "show", itoa(id))
	return b.Blocks
}

// An excerpt block may raise its excerpt's mark, never lower it (trial 14,
// finding 8); show and its JSON give the mark the block prints under.
func TestBlockMarkedBelowItsExcerpt(t *testing.T) {
	t.Parallel()
	db := newDB(t)
	src := importOne(t, db, chipsFile, "--scheme", "uk", "--marking", "SECRET").ID
	ex := addExcerpt(t, db, src, "small yard")
	id := newBriefing(t, db, "Override", "--scheme", "uk", "--title-marking", "OFFICIAL")

	errOut := fails(t, db, cli.ExitError, "briefing", "add", itoa(id), "--excerpt", itoa(ex.ID), "--marking", "OFFICIAL")
	wantContains(t, errOut, "block 1 (excerpt 1): the block is marked (OFFICIAL), below its excerpt's (SECRET), which is what prints",
		"The excerpt's own marking is changed in the excerpt (its form in the app, or `attache excerpt edit 1 --marking …`), with a reason when below its source's")
	mustRun(t, db, "briefing", "add", itoa(id), "--excerpt", itoa(ex.ID))
	wantContains(t, fails(t, db, cli.ExitError, "briefing", "mark", itoa(id), "1", "--marking", "OFFICIAL-SENSITIVE"),
		"below its excerpt's (SECRET)")
	if got := showMarks(t, db, id)[0]; got != (effectiveBlock{"", "uk:S", "uk:S", "(SECRET)"}) {
		t.Fatalf("an unmarked block: %+v", got)
	}
	mustRun(t, db, "briefing", "mark", itoa(id), "1", "--marking", "SECRET")

	// The excerpt raised above the block's mark: the excerpt's prints,
	// and show says so, while "marking" stays the block's own.
	mustRun(t, db, "excerpt", "edit", itoa(ex.ID), "--marking", "TOP SECRET")
	wantContains(t, mustRun(t, db, "briefing", "show", itoa(id)), "(TOP SECRET) excerpt 1")
	if got := showMarks(t, db, id)[0]; got != (effectiveBlock{"uk:S", "uk:TS", "uk:TS", "(TOP SECRET)"}) {
		t.Fatalf("a block below its raised excerpt: %+v", got)
	}
}

// briefing mark sets or clears one block's mark, read under the
// briefing's scheme; the block must be the briefing's.
func TestBriefingMark(t *testing.T) {
	t.Parallel()
	db := newDB(t)
	id := newBriefing(t, db, "Marks", "--scheme", "us")
	other := newBriefing(t, db, "Other", "--scheme", "us")
	mustRun(t, db, "briefing", "add", itoa(id), "--commentary", "Words")
	mustRun(t, db, "briefing", "add", itoa(other), "--commentary", "Elsewhere")

	wantContains(t, mustRun(t, db, "briefing", "mark", itoa(id), "1", "--marking", "secret//noforn"), "Marked block 1 of briefing 1: (S//NF) commentary: Words")
	if b := showBriefing(t, db, id); b.Blocks[0].Marking != "S//NOFORN" {
		t.Fatalf("block marked %q", b.Blocks[0].Marking)
	}
	wantContains(t, fails(t, db, cli.ExitUsage, "briefing", "mark", itoa(id), "1"), "--marking")
	wantContains(t, fails(t, db, cli.ExitUsage, "briefing", "mark", itoa(id), "1", "--marking", "OFFICIAL"), "--marking:", "not a US marking")
	wantContains(t, fails(t, db, cli.ExitError, "briefing", "mark", itoa(id), "2", "--marking", "U"),
		"briefing 1 has no block 2: see its block ids with `attache briefing show 1`")
	mustRun(t, db, "briefing", "mark", itoa(id), "1", "--marking", "")
	if b := showBriefing(t, db, id); b.Blocks[0].Marking != "" {
		t.Fatalf("block mark not cleared: %q", b.Blocks[0].Marking)
	}
}
