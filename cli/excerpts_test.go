package cli_test

import (
	"reflect"
	"strings"
	"testing"

	"github.com/attache/attache/cli"
)

// runeSpan is text[start:end] counted in runes.
func runeSpan(t *testing.T, text string, start, end int) string {
	t.Helper()
	r := []rune(text)
	if start < 0 || end > len(r) || start >= end {
		t.Fatalf("span %d–%d outside a text of %d runes", start, end, len(r))
	}
	return string(r[start:end])
}

func TestExcerptAddForgivesTypography(t *testing.T) {
	t.Parallel()
	db := newDB(t)
	src := importOne(t, db, chipsFile)
	text := *showSource(t, db, src.ID).Text

	cases := []struct{ typed, stored string }{
		{`a "small yard, high fence"-narrow in scope`, "a “small yard, high fence”—narrow in scope"},
		{`advanced chips - announced with little warning -- caught`, "advanced chips — announced with little warning — caught"},
		{"Washington's latest round", "Washington’s latest round"},
		{"chips at 7 nanometres", "chips at 7\u00a0nanometres"},
		{`said; "they buy time, not talent."`, "said; “they buy time, not talent.”"},
	}
	for _, c := range cases {
		e := addExcerpt(t, db, src.ID, c.typed)
		if e.Quote != c.stored {
			t.Errorf("quote %q stored as %q, want the source's own %q", c.typed, e.Quote, c.stored)
		}
		if got := runeSpan(t, text, e.Start, e.End); got != e.Quote {
			t.Errorf("runes %d–%d of the text are %q, not the quote %q", e.Start, e.End, got, e.Quote)
		}
		if e.Source != src.ID || e.ID <= 0 {
			t.Errorf("excerpt %+v", e)
		}
	}
}

func TestExcerptJSONFields(t *testing.T) {
	t.Parallel()
	db := newDB(t)
	src := importOne(t, db, chipsFile)
	out := mustRun(t, db, "excerpt", "add", "--source", itoa(src.ID), "--quote", "high fence", "--json",
		"--note", "The phrase officials keep using.", "--tag", "Export Controls", "--tag", "US", "--tag", "export controls",
		"--credibility", "2", "--marking", "(u)")
	var raw map[string]any
	decode(t, out, &raw)
	for _, k := range []string{"id", "source", "start", "end", "quote", "note", "tags", "credibility", "marking"} {
		if _, ok := raw[k]; !ok {
			t.Errorf("excerpt --json has no %q: %v", k, raw)
		}
	}
	var e excerpt
	decode(t, out, &e)
	want := excerpt{ID: e.ID, Source: src.ID, Start: e.Start, End: e.Start + len([]rune("high fence")), Quote: "high fence",
		Note: "The phrase officials keep using.", Tags: []string{"export controls", "us"}, Credibility: 2, Marking: "U"}
	if !reflect.DeepEqual(e, want) {
		t.Errorf("excerpt add --json:\n got %+v\nwant %+v", e, want)
	}
	var shown excerpt
	runJSON(t, db, &shown, "excerpt", "show", itoa(e.ID))
	if !reflect.DeepEqual(shown, want) {
		t.Errorf("excerpt show --json:\n got %+v\nwant %+v", shown, want)
	}
	text := mustRun(t, db, "excerpt", "show", itoa(e.ID))
	wantContains(t, text, "Excerpt 1 — source 1 “"+chipsTitle+"”", "(U) high fence",
		"Note: The phrase officials keep using.", "Tags: export controls, us", "Credibility: 2 (Probably true)")

	// An excerpt without tags still has a tags array.
	var bare map[string]any
	decode(t, mustRun(t, db, "excerpt", "add", "--source", "1", "--quote", "Tokyo", "--json"), &bare)
	if tags, ok := bare["tags"].([]any); !ok || len(tags) != 0 {
		t.Errorf("tags of an untagged excerpt = %#v, want []", bare["tags"])
	}
}

func TestExcerptAddByOffsets(t *testing.T) {
	t.Parallel()
	db := newDB(t)
	src := importOne(t, db, chipsFile)
	text := *showSource(t, db, src.ID).Text
	r := []rune(text)
	start := strings.Index(string(r), "“small yard")
	start = len([]rune(text[:start]))
	end := start + len([]rune("“small yard, high fence”"))

	var e excerpt
	runJSON(t, db, &e, "excerpt", "add", "--source", "1", "--start", itoa(int64(start)), "--end", itoa(int64(end)))
	if e.Quote != "“small yard, high fence”" || e.Start != start || e.End != end {
		t.Fatalf("by offsets: %+v", e)
	}
	// Offsets count runes: the span from 0 covers the curly apostrophe as one.
	runJSON(t, db, &e, "excerpt", "add", "--source", "1", "--start", "0", "--end", "12")
	if e.Quote != "Washington’s" {
		t.Errorf("runes 0–12 = %q, want %q", e.Quote, "Washington’s")
	}

	out := mustRun(t, db, "excerpt", "add", "--source", "1", "--start", "0", "--end", "10")
	wantContains(t, out, "Excerpt 3 from source 1, characters 0–10:", "Washington")

	for _, se := range [][2]string{{"0", "100000"}, {"20", "10"}, {"5", "5"}} {
		wantContains(t, fails(t, db, cli.ExitError, "excerpt", "add", "--source", "1", "--start", se[0], "--end", se[1]), "outside the source text")
	}
}

func TestExcerptAddNamesOtherOccurrences(t *testing.T) {
	t.Parallel()
	db := newDB(t)
	importOne(t, db, chipsFile)
	out, errOut, code := run(t, db, "excerpt", "add", "--source", "1", "--quote", "chips")
	wantExit(t, code, cli.ExitOK, errOut)
	wantContains(t, out, "Excerpt 1 from source 1")
	wantContains(t, errOut, "occur 2 times", "the first was taken", "--start/--end")
}

func TestExcerptAddErrors(t *testing.T) {
	t.Parallel()
	db := newDB(t)
	importOne(t, db, chipsFile)

	errOut := fails(t, db, cli.ExitError, "excerpt", "add", "--source", "1", "--quote", "a wide yard with a low fence")
	wantContains(t, errOut, "does not contain the quote", "a wide yard with a low fence")
	if strings.Contains(errOut, "--help") {
		t.Errorf("a quote the source lacks is not a usage error: %s", errOut)
	}

	wantContains(t, fails(t, db, cli.ExitError, "excerpt", "add", "--source", "9", "--quote", "chips"), "there is no source 9")

	for _, args := range [][]string{
		{"excerpt", "add", "--source", "1"},
		{"excerpt", "add", "--source", "1", "--quote", "chips", "--start", "0", "--end", "5"},
		{"excerpt", "add", "--source", "1", "--quote", "chips", "--end", "5"},
		{"excerpt", "add", "--quote", "chips"},
		{"excerpt", "add", "--source", "x", "--quote", "chips"},
		{"excerpt", "add", "--source", "1", "--quote", "chips", "--credibility", "high"},
		{"excerpt", "add", "--source", "1", "--quote", "chips", "extra"},
		// Out-of-range flag values are usage errors too.
		{"excerpt", "add", "--source", "1", "--quote", "chips", "--credibility", "9"},
		{"excerpt", "add", "--source", "1", "--quote", "chips", "--marking", "restricted"},
		{"excerpt", "add", "--source", "1", "--start", "3"},
	} {
		wantContains(t, fails(t, db, cli.ExitUsage, args...), "Run 'attache --help'")
	}
	var exs []excerpt
	runJSON(t, db, &exs, "excerpts")
	if len(exs) != 0 {
		t.Errorf("failed adds stored %d excerpts", len(exs))
	}
}

func excerptIDs(list []excerpt) []int64 {
	ids := []int64{}
	for _, e := range list {
		ids = append(ids, e.ID)
	}
	return ids
}

func TestExcerptsListAndFilters(t *testing.T) {
	t.Parallel()
	db := newDB(t)
	chips := importOne(t, db, chipsFile)
	fiveG := importOne(t, db, fiveGFile)
	e1 := addExcerpt(t, db, chips.ID, "Tokyo and The Hague had resisted", "--tag", "Export controls", "--tag", "Japan")
	e2 := addExcerpt(t, db, chips.ID, "Washington's latest round", "--tag", "export controls", "--note", "Lead sentence.")
	e3 := addExcerpt(t, db, fiveG.ID, "cost billions and take years", "--tag", "5G")

	cases := []struct {
		args []string
		want []int64
	}{
		{[]string{"excerpts"}, []int64{e2.ID, e1.ID, e3.ID}}, // by source, then position
		{[]string{"excerpts", "--source", itoa(fiveG.ID)}, []int64{e3.ID}},
		{[]string{"excerpts", "--source", itoa(chips.ID)}, []int64{e2.ID, e1.ID}},
		{[]string{"excerpts", "--tag", "EXPORT  Controls"}, []int64{e2.ID, e1.ID}},
		{[]string{"excerpts", "--tag", "japan"}, []int64{e1.ID}},
		{[]string{"excerpts", "--tag", "nothing"}, []int64{}},
		{[]string{"excerpts", "--query", "billions"}, []int64{e3.ID}},
		{[]string{"excerpts", "--query", "lead"}, []int64{e2.ID}}, // notes are searched
		{[]string{"excerpts", "--query", "Tokyo", "--source", itoa(fiveG.ID)}, []int64{}},
		{[]string{"excerpts", "--limit", "1"}, []int64{e2.ID}},
	}
	for _, c := range cases {
		var list []excerpt
		runJSON(t, db, &list, c.args...)
		if got := excerptIDs(list); !reflect.DeepEqual(got, c.want) {
			t.Errorf("%v = %v, want %v", c.args, got, c.want)
		}
	}

	out := mustRun(t, db, "excerpts")
	wantContains(t, out, "QUOTE", "Washington’s latest round", "export controls, japan")

	var tags []struct {
		Name  string `json:"name"`
		Count int    `json:"count"`
	}
	runJSON(t, db, &tags, "tags")
	want := []struct {
		Name  string `json:"name"`
		Count int    `json:"count"`
	}{{"export controls", 2}, {"5g", 1}, {"japan", 1}}
	if !reflect.DeepEqual(tags, want) {
		t.Errorf("tags = %+v, want %+v", tags, want)
	}
}

func TestExcerptEdit(t *testing.T) {
	t.Parallel()
	db := newDB(t)
	src := importOne(t, db, fiveGFile)
	e := addExcerpt(t, db, src.ID, "unacceptable but realistic", "--tag", "old")

	out := mustRun(t, db, "excerpt", "edit", itoa(e.ID), "--note", "Ministers’ own words.", "--tag", "Telecoms",
		"--tag", "5G", "--credibility", "3", "--marking", "cui")
	wantContains(t, out, "Saved excerpt 1")
	var got excerpt
	runJSON(t, db, &got, "excerpt", "show", itoa(e.ID))
	want := e
	want.Note, want.Tags, want.Credibility, want.Marking = "Ministers’ own words.", []string{"5g", "telecoms"}, 3, "CUI"
	if !reflect.DeepEqual(got, want) {
		t.Errorf("after edit:\n got %+v\nwant %+v", got, want)
	}

	// Only the flags given change.
	mustRun(t, db, "excerpt", "edit", itoa(e.ID), "--note", "")
	runJSON(t, db, &got, "excerpt", "show", itoa(e.ID))
	want.Note = ""
	if !reflect.DeepEqual(got, want) {
		t.Errorf("after clearing the note:\n got %+v\nwant %+v", got, want)
	}

	fails(t, db, cli.ExitError, "excerpt", "edit", itoa(e.ID), "--credibility", "7")
	wantContains(t, fails(t, db, cli.ExitError, "excerpt", "edit", "12", "--note", "x"), "there is no excerpt 12")
	fails(t, db, cli.ExitUsage, "excerpt", "edit", "first", "--note", "x")
}

func TestExcerptDeleteRefusedWhileUsed(t *testing.T) {
	t.Parallel()
	db := newDB(t)
	src := importOne(t, db, chipsFile)
	used := addExcerpt(t, db, src.ID, "high fence")
	spare := addExcerpt(t, db, src.ID, "lithography tools")
	b := newBriefing(t, db, "Fence-building in Washington")
	mustRun(t, db, "briefing", "add", itoa(b), "--excerpt", itoa(used.ID))
	mustRun(t, db, "briefing", "add", itoa(b), "--commentary", "The fence is getting higher.")

	wantContains(t, fails(t, db, cli.ExitError, "excerpt", "delete", itoa(used.ID)), "excerpt 1 is used in", `"Fence-building in Washington"`, "--force")

	wantContains(t, mustRun(t, db, "excerpt", "delete", itoa(spare.ID)), "Moved excerpt 2 to the trash", "attache excerpt restore 2")
	mustRun(t, db, "excerpt", "delete", itoa(used.ID), "--force")

	var exs []excerpt
	runJSON(t, db, &exs, "excerpts")
	if len(exs) != 0 {
		t.Errorf("%d excerpts left", len(exs))
	}
	br := showBriefing(t, db, b)
	if len(br.Blocks) != 1 || br.Blocks[0].Type != "commentary" {
		t.Errorf("blocks after forced delete: %+v", br.Blocks)
	}
	wantContains(t, fails(t, db, cli.ExitError, "excerpt", "delete", itoa(used.ID)), "excerpt 1 is already in the trash")
	wantContains(t, mustRun(t, db, "excerpt", "delete", itoa(used.ID), "--purge"), "Deleted excerpt 1 for good")
	wantContains(t, fails(t, db, cli.ExitError, "excerpt", "restore", itoa(used.ID)), "there is no excerpt 1")
}
