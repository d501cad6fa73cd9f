package cli_test

import (
	"strings"
	"testing"

	"github.com/attache/attache/cli"
)

// searchLibrary has three sources, an excerpt and a briefing.
func searchLibrary(t *testing.T) string {
	t.Helper()
	db := newDB(t)
	mustRun(t, db, "import", chipsFile, fiveGFile, aiFile)
	addExcerpt(t, db, 1, "small yard, high fence", "--note", "Signature phrase.")
	b := newBriefing(t, db, "Chip diplomacy outlook", "--summary", "Allies will align, slowly.")
	mustRun(t, db, "briefing", "add", itoa(b), "--commentary", "Expect friction over lithography servicing.")
	return db
}

func search(t *testing.T, db string, args ...string) []hit {
	t.Helper()
	var hits []hit
	// --json goes first: after "--" it would be a search word.
	decode(t, mustRun(t, db, append([]string{"search", "--json"}, args...)...), &hits)
	if hits == nil {
		t.Fatalf("search %v: null instead of an array", args)
	}
	return hits
}

// kinds gives "kind:id" for each hit.
func kinds(hits []hit) map[string]bool {
	m := map[string]bool{}
	for _, h := range hits {
		m[h.Kind+":"+itoa(h.ID)] = true
	}
	return m
}

func TestSearchQueries(t *testing.T) {
	t.Parallel()
	db := searchLibrary(t)
	cases := []struct {
		query    []string
		want     []string // hits that must be there
		wantNone []string // hits that must not
	}{
		{[]string{"nanometres"}, []string{"source:1"}, []string{"source:2", "source:3", "excerpt:1", "briefing:1"}},
		{[]string{"vendors", "billions"}, []string{"source:2"}, []string{"source:1", "source:3"}},
		{[]string{"chip"}, []string{"source:1", "briefing:1"}, []string{"source:2"}}, // stems: chip finds chips
		{[]string{"chip*"}, []string{"source:1", "excerpt:1", "briefing:1"}, []string{"source:3"}},
		{[]string{"lithograph*"}, []string{"source:1", "briefing:1"}, []string{"source:2"}},
		{[]string{`"high fence"`}, []string{"source:1", "excerpt:1"}, []string{"briefing:1"}},
		{[]string{`"fence high"`}, nil, []string{"source:1", "excerpt:1"}},
		{[]string{"Geneva", "OR", "Carvalho"}, []string{"source:2", "source:3"}, []string{"source:1"}},
		{[]string{"yard -lithography"}, []string{"excerpt:1"}, []string{"source:1"}},
		{[]string{"--", "yard", "-lithography"}, []string{"excerpt:1"}, []string{"source:1"}},
		{[]string{"signature"}, []string{"excerpt:1"}, []string{"source:1"}}, // excerpt notes are indexed
	}
	for _, c := range cases {
		got := kinds(search(t, db, c.query...))
		for _, w := range c.want {
			if !got[w] {
				t.Errorf("search %q: missing %s in %v", c.query, w, got)
			}
		}
		for _, w := range c.wantNone {
			if got[w] {
				t.Errorf("search %q: unexpected %s in %v", c.query, w, got)
			}
		}
	}
}

func TestSearchHitFields(t *testing.T) {
	t.Parallel()
	db := searchLibrary(t)
	hits := search(t, db, "nanometres")
	if len(hits) != 1 {
		t.Fatalf("hits = %+v", hits)
	}
	h := hits[0]
	if h.Kind != "source" || h.ID != 1 || h.Title != chipsTitle || !strings.Contains(h.Snippet, "nanometres") {
		t.Errorf("hit = %+v", h)
	}
	out := mustRun(t, db, "search", "nanometres")
	wantContains(t, out, "source", chipsTitle, "[nanometres]")
}

func TestSearchHostileQueriesNeverFail(t *testing.T) {
	t.Parallel()
	db := searchLibrary(t)
	for _, q := range []string{`"unbalanced`, `AND(`, `*`, `'; DROP TABLE sources; --`, `NEAR(chip yard)`,
		`title:chip`, `^chip`, `-`, `OR`, `chip OR`, `""`, `(((`, "\x00chip", `col:"x" AND NOT`, `“curly”`} {
		out, errOut, code := run(t, db, "search", q, "--json")
		if code != cli.ExitOK {
			t.Errorf("search %q: exit %d: %s", q, code, errOut)
			continue
		}
		var hits []hit
		decode(t, out, &hits)
		if hits == nil {
			t.Errorf("search %q: %s is not an array", q, out)
		}
	}
	// The library survived the SQL.
	var list []source
	runJSON(t, db, &list, "sources")
	if len(list) != 3 {
		t.Fatalf("sources after hostile searches: %d", len(list))
	}
	// An unbalanced quote still searches for the words it opens.
	if got := kinds(search(t, db, `"small yard`)); !got["excerpt:1"] {
		t.Errorf(`search "small yard (unbalanced): %v`, got)
	}
}

func TestSearchKindFilter(t *testing.T) {
	t.Parallel()
	db := searchLibrary(t)
	for _, c := range []struct {
		kind  string
		allow map[string]bool
	}{
		{"excerpt", map[string]bool{"excerpt": true}},
		{"sources", map[string]bool{"source": true}},
		{"Briefing", map[string]bool{"briefing": true}},
		{"source,briefing", map[string]bool{"source": true, "briefing": true}},
	} {
		hits := search(t, db, "chip*", "--kind", c.kind)
		if len(hits) == 0 {
			t.Errorf("--kind %s: no hits", c.kind)
		}
		for _, h := range hits {
			if !c.allow[h.Kind] {
				t.Errorf("--kind %s gave a %s hit", c.kind, h.Kind)
			}
		}
	}
	if hits := search(t, db, "chip*", "--limit", "1"); len(hits) != 1 {
		t.Errorf("--limit 1 gave %d hits", len(hits))
	}
	for _, args := range [][]string{
		{"search", "chip", "--kind", "web"},
		{"search", "chip", "--kind", "source,tag"},
		{"search"},
	} {
		wantContains(t, fails(t, db, cli.ExitUsage, args...), "Run 'attache --help'")
	}
}

func TestSearchNothingFound(t *testing.T) {
	t.Parallel()
	db := searchLibrary(t)
	out, errOut, code := run(t, db, "search", "quantum")
	if code != cli.ExitOK || out != "" || !strings.Contains(errOut, "Nothing found.") {
		t.Errorf("no hits: exit %d, stdout %q, stderr %q", code, out, errOut)
	}
	if hits := search(t, db, "quantum"); len(hits) != 0 {
		t.Errorf("hits for quantum: %+v", hits)
	}
}

func TestSearchLeavesOutTrashedBriefings(t *testing.T) {
	t.Parallel()
	db := searchLibrary(t)
	if !kinds(search(t, db, "diplomacy"))["briefing:1"] {
		t.Fatal("briefing not found before trashing")
	}
	mustRun(t, db, "briefing", "delete", "1")
	if got := kinds(search(t, db, "diplomacy")); got["briefing:1"] {
		t.Errorf("trashed briefing found: %v", got)
	}
	mustRun(t, db, "briefing", "undelete", "1")
	if !kinds(search(t, db, "diplomacy"))["briefing:1"] {
		t.Error("restored briefing not found")
	}
}
