package cli_test

import (
	"testing"

	"github.com/attache/attache/cli"
)

// Quoting a source marked under another scheme than the briefing's is
// refused, saying how out; following what it says works (trial 14,
// finding 14).
func TestQuoteFromASourceOfAnotherScheme(t *testing.T) {
	t.Parallel()
	db := newDB(t)
	src := importOne(t, db, chipsFile, "--scheme", "uk", "--marking", "OFFICIAL").ID
	ex := addExcerpt(t, db, src, "small yard")
	id := newBriefing(t, db, "US desk", "--scheme", "us")

	errOut := fails(t, db, cli.ExitError, "briefing", "add", itoa(id), "--excerpt", itoa(ex.ID))
	wantContains(t, errOut, "OFFICIAL is a UK marking, and this briefing uses US markings",
		"To quote it, mark its source under the US scheme (`attache source edit 1 --scheme us --marking …`) and then the excerpt (`attache excerpt edit 1 --marking …`)",
		"or give the briefing the UK scheme with its marks (`attache briefing edit 1 --scheme uk --marking …`)")
	errOut = fails(t, db, cli.ExitUsage, "excerpt", "edit", itoa(ex.ID), "--marking", "U")
	wantContains(t, errOut, `"U" is not a UK marking (it is a US one)`,
		"An excerpt is marked under its source's scheme, and source 1 is marked OFFICIAL (UK): mark the excerpt under the UK scheme, or mark the source under another first (`attache source edit 1 --scheme us --marking …`)")
	wantContains(t, fails(t, db, cli.ExitUsage, "excerpt", "edit", itoa(ex.ID), "--marking", "bogus"), "is not a UK marking")

	mustRun(t, db, "source", "edit", itoa(src), "--scheme", "us", "--marking", "U")
	mustRun(t, db, "excerpt", "edit", itoa(ex.ID), "--marking", "U")
	mustRun(t, db, "briefing", "add", itoa(id), "--excerpt", itoa(ex.ID))
	if b := showBriefing(t, db, id); len(b.Blocks) != 1 {
		t.Fatalf("the excerpt was not added: %+v", b)
	}
}

// An excerpt at a higher level than its source but without its source's
// NOFORN is said to lack it, not to be below it (finding 16).
func TestExcerptLackingItsSourcesCaveat(t *testing.T) {
	t.Parallel()
	db := newDB(t)
	src := importOne(t, db, fiveGFile, "--scheme", "us", "--marking", "SECRET//NOFORN").ID
	errOut := fails(t, db, cli.ExitError, "excerpt", "add", "--source", itoa(src), "--quote", "Several governments", "--marking", "TOP SECRET")
	wantContains(t, errOut, "the excerpt is marked (TS) but lacks NOFORN, which its source's (S//NF) carries: add NOFORN to its marking, or give a reason to leave it off")
}
