package cli_test

import (
	"reflect"
	"testing"

	"github.com/attache/attache/cli"
)

func titlesOf(list []source) []string {
	out := []string{}
	for _, s := range list {
		out = append(out, s.Title)
	}
	return out
}

const (
	chipsTitle = "Why the Chip Export Rules Keep Tightening"
	fiveGTitle = "Europe’s Slow Goodbye to High-Risk 5G Vendors"
	aiTitle    = "Drafting Norms for Military AI"
)

func TestSourcesListSortAndQuery(t *testing.T) {
	t.Parallel()
	db := newDB(t)
	mustRun(t, db, "import", chipsFile, fiveGFile, aiFile)

	cases := []struct {
		args []string
		want []string
	}{
		{[]string{"sources"}, []string{chipsTitle, fiveGTitle, aiTitle}},
		{[]string{"sources", "--sort", "title"}, []string{aiTitle, fiveGTitle, chipsTitle}},
		{[]string{"sources", "--sort", "title", "--desc"}, []string{chipsTitle, fiveGTitle, aiTitle}},
		{[]string{"sources", "--sort", "published"}, []string{aiTitle, fiveGTitle, chipsTitle}},
		{[]string{"sources", "--sort", "title", "--limit", "1"}, []string{aiTitle}},
		{[]string{"sources", "--query", "nanometres"}, []string{chipsTitle}},
		{[]string{"sources", "--query", "5G"}, []string{fiveGTitle}},
		{[]string{"sources", "--query", "Geneva OR lithography", "--sort", "title"}, []string{aiTitle, chipsTitle}},
		{[]string{"sources", "--query", "Ellison"}, []string{chipsTitle}}, // author metadata is searched
		{[]string{"sources", "--query", "quantum"}, []string{}},
		{[]string{"sources", "--query", "*"}, []string{}},
	}
	for _, c := range cases {
		var list []source
		runJSON(t, db, &list, c.args...)
		if got := titlesOf(list); !reflect.DeepEqual(got, c.want) {
			t.Errorf("%v = %q, want %q", c.args, got, c.want)
		}
		for _, s := range list {
			if s.Text != nil {
				t.Errorf("%v: a listing carries the text", c.args)
			}
		}
	}

	out := mustRun(t, db, "sources", "--sort", "title")
	wantContains(t, out, "ID", "TITLE", "AUTHORS", "PUBLISHED", aiTitle, "Mara Ellison and Tomasz Wren", "2025-03-03")
}

func TestSourceShow(t *testing.T) {
	t.Parallel()
	db := newDB(t)
	r := importOne(t, db, chipsFile)
	s := showSource(t, db, r.ID)
	if s.Text == nil || *s.Text == "" || s.Title != chipsTitle || s.SHA256 != r.SHA256 {
		t.Fatalf("source show --json: %+v", s)
	}
	out := mustRun(t, db, "source", "show", itoa(r.ID))
	wantContains(t, out, chipsTitle, "Section:", "SEMICONDUCTORS", "Authors:", "Mara Ellison and Tomasz Wren",
		"Published:", "3 March 2025", "SHA-256:", r.SHA256, "Washington’s latest round")

	wantContains(t, fails(t, db, cli.ExitError, "source", "show", "42"), "there is no source 42")
}

func TestSourceEdit(t *testing.T) {
	t.Parallel()
	db := newDB(t)
	r := importOne(t, db, fiveGFile)
	out := mustRun(t, db, "source", "edit", itoa(r.ID), "--title", "5G vendor bans in Europe",
		"--reliability", "c", "--notes", "Checked against the ministry’s statement.", "--author", "I. Carvalho")
	wantContains(t, out, "Saved source 1: 5G vendor bans in Europe")
	s := showSource(t, db, r.ID)
	if s.Title != "5G vendor bans in Europe" || s.Reliability != "C" || s.Notes != "Checked against the ministry’s statement." ||
		!reflect.DeepEqual(s.Authors, []string{"I. Carvalho"}) {
		t.Errorf("after edit: %+v", s)
	}
	// The text and its hash never change.
	if s.SHA256 != r.SHA256 || s.Published != "2025-01-14" {
		t.Errorf("edit changed what it should not: %+v", s)
	}
	out = mustRun(t, db, "source", "show", itoa(r.ID))
	wantContains(t, out, "Reliability: C (Fairly reliable)")

	for _, args := range [][]string{
		{"source", "edit", "1", "--reliability", "G"},
		{"source", "edit", "1", "--published", "January 2025"},
		{"source", "edit", "one", "--title", "x"},
		{"source", "edit"},
	} {
		fails(t, db, cli.ExitUsage, args...)
	}
	wantContains(t, fails(t, db, cli.ExitError, "source", "edit", "7", "--title", "Nothing"), "there is no source 7")
}

func TestSourceDeleteRefusedWhileUsed(t *testing.T) {
	t.Parallel()
	db := newDB(t)
	chips := importOne(t, db, chipsFile)
	fiveG := importOne(t, db, fiveGFile)
	e := addExcerpt(t, db, chips.ID, "small yard, high fence")
	addExcerpt(t, db, fiveG.ID, "cost billions")
	b := newBriefing(t, db, "Allied chip controls")
	mustRun(t, db, "briefing", "add", itoa(b), "--excerpt", itoa(e.ID))

	wantContains(t, fails(t, db, cli.ExitError, "source", "delete", itoa(chips.ID)), `briefing 1 "Allied chip controls"`, "--force")
	var list []source
	runJSON(t, db, &list, "sources")
	if len(list) != 2 {
		t.Fatalf("refused delete removed a source: %d left", len(list))
	}

	// A source whose excerpts no briefing uses goes without --force, with
	// its excerpts.
	out := mustRun(t, db, "source", "delete", itoa(fiveG.ID))
	wantContains(t, out, "Moved source 2 with its excerpts to the trash", "attache source restore 2")
	var exs []excerpt
	runJSON(t, db, &exs, "excerpts")
	if len(exs) != 1 || exs[0].ID != e.ID {
		t.Fatalf("excerpts after deleting source 2: %+v", exs)
	}

	mustRun(t, db, "source", "delete", itoa(chips.ID), "--force")
	runJSON(t, db, &list, "sources")
	runJSON(t, db, &exs, "excerpts")
	if len(list) != 0 || len(exs) != 0 {
		t.Fatalf("after --force: %d sources, %d excerpts", len(list), len(exs))
	}
	if br := showBriefing(t, db, b); len(br.Blocks) != 0 {
		t.Errorf("the briefing still has %d blocks quoting the deleted source", len(br.Blocks))
	}

	wantContains(t, fails(t, db, cli.ExitError, "source", "delete", itoa(chips.ID)), "source 1 is already in the trash")
	wantContains(t, mustRun(t, db, "source", "delete", itoa(chips.ID), "--purge"), "Deleted source 1 with its excerpts for good")
	wantContains(t, fails(t, db, cli.ExitError, "source", "restore", itoa(chips.ID)), "there is no source 1")
}

func TestSourceEditClearsAFieldWithAnEmptyValue(t *testing.T) {
	db := newDB(t)
	run(t, db, "import", "--url", "https://example.org/x", "testdata/fiveg.txt")
	_, errOut, code := run(t, db, "source", "edit", "1", "--url", "", "--reliability", "c", "--kind", "web")
	wantExit(t, code, cli.ExitOK, errOut)
	var got map[string]any
	runJSON(t, db, &got, "source", "show", "1")
	if got["url"] != "" || got["reliability"] != "C" || got["kind"] != "web" {
		t.Fatalf("after edit: url %q reliability %q kind %q", got["url"], got["reliability"], got["kind"])
	}
	fails(t, db, cli.ExitUsage, "source", "edit", "1", "--published", "yesterday")
}
