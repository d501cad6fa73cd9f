package cli_test

import (
	"bytes"
	"encoding/json"
	"slices"
	"strings"
	"testing"
)

// The --json shapes are what scripts read: every field, in this order,
// as the command line has always printed them. They are the command
// line's own types (jsonout.go), so changing a domain or store type
// cannot change them unnoticed.
func TestJSONOutputKeepsItsFieldsAndOrder(t *testing.T) {
	db := newDB(t)
	source := []string{"id", "kind", "title", "subtitle", "section", "authors", "publisher", "published", "url",
		"accessed", "language", "sha256", "file_name", "imported_at", "added_by", "reliability", "notes"}
	marked := []string{"marking", "marking_banner", "marking_portion", "marking_scheme"}
	integrity := []string{"location", "standing", "concern"}
	listed := append(append(append(slices.Clone(source), marked...), "excerpt_count"), integrity...)
	trashed := append(append(append(slices.Clone(source), marked...), "trashed_at", "excerpt_count"), integrity...)
	excerpt := []string{"id", "source", "start", "end", "quote", "note", "tags", "credibility", "marking", "marking_banner",
		"marking_portion", "marking_reason", "created_at", "updated_at", "created_by", "updated_by"}
	briefing := []string{"id", "title", "subtitle", "author", "audience", "date", "scheme", "classification", "classification_banner",
		"title_marking", "subtitle_marking", "summary_marking", "authority", "include_notes", "status", "summary",
		"scale", "created_at", "updated_at", "created_by", "updated_by", "revision", "blocks"}
	summary := []string{"id", "title", "status", "author", "date", "blocks", "words", "revision", "updated_at", "created_by", "updated_by"}
	version := []string{"id", "briefing", "label", "created_at", "by"}

	wantKeys(t, mustRun(t, db, "import", chipsFile, fiveGFile, "--json"), append([]string{"file"}, append(listed, "existing", "report")...))
	wantKeys(t, mustRun(t, db, "sources", "--json"), listed)
	wantKeys(t, mustRun(t, db, "source", "show", "1", "--json"), append(listed, "original", "page_map", "text"))
	wantKeys(t, mustRun(t, db, "excerpt", "add", "--source", "1", "--quote", "small yard", "--tag", "x", "--json"), append(excerpt, "source_title"))
	mustRun(t, db, "excerpt", "add", "--source", "2", "--start", "0", "--end", "10")
	wantKeys(t, mustRun(t, db, "excerpts", "--json"), append(excerpt, "source_title"))
	wantKeys(t, mustRun(t, db, "tags", "--json"), []string{"name", "count"})
	wantKeys(t, mustRun(t, db, "briefing", "new", "--title", "Chips", "--scheme", "us", "--json"), briefing)
	wantKeys(t, mustRun(t, db, "briefing", "add", "1", "--excerpt", "1", "--marking", "C", "--json"),
		[]string{"id", "type", "excerpt", "source", "quote", "marking", "marking_banner", "marking_portion", "effective_marking", "effective_portion"})
	wantKeys(t, mustRun(t, db, "briefing", "add", "1", "--judgment", "Likely", "--confidence", "high", "--json"),
		[]string{"id", "type", "text", "confidence"})
	wantKeys(t, mustRun(t, db, "briefing", "show", "1", "--json"), briefing)
	wantKeys(t, mustRun(t, db, "briefing", "list", "--json"), summary)
	wantKeys(t, mustRun(t, db, "briefing", "snapshot", "1", "--json"), version)
	wantKeys(t, mustRun(t, db, "briefing", "history", "1", "--json"), version)
	wantKeys(t, mustRun(t, db, "search", "yard", "--json"), []string{"kind", "id", "title", "snippet", "highlights", "rank"})
	wantKeys(t, mustRun(t, db, "library", "--json"), []string{"path", "sources", "excerpts", "briefings", "read_only"})
	wantKeys(t, mustRun(t, db, "library", "--check", "--json"), []string{"path", "sources", "excerpts", "briefings", "read_only", "check"})

	mustRun(t, db, "excerpt", "add", "--source", "1", "--start", "0", "--end", "5")
	mustRun(t, db, "excerpt", "delete", "3")
	mustRun(t, db, "source", "delete", "2")
	mustRun(t, db, "briefing", "delete", "1")
	out := mustRun(t, db, "trash", "--json")
	wantKeys(t, out, []string{"sources", "excerpts", "briefings"})
	var tr map[string]json.RawMessage
	decode(t, out, &tr)
	wantKeys(t, string(tr["sources"]), trashed)
	wantKeys(t, string(tr["excerpts"]), []string{"id", "source", "start", "end", "quote", "note", "tags", "credibility",
		"marking", "marking_banner", "marking_portion", "marking_reason", "created_at", "updated_at", "created_by", "updated_by",
		"trashed_at", "source_title"})
	wantKeys(t, string(tr["briefings"]), append(slices.Clone(summary), "trashed_at"))
	// An empty listing prints [], as before.
	if out := mustRun(t, db, "excerpts", "--source", "2", "--json"); strings.TrimSpace(out) != "[]" {
		t.Fatalf("an empty listing printed %q", out)
	}
}

// wantKeys checks the keys of the JSON object in out (of the first
// element, for a list), in order.
func wantKeys(t *testing.T, out string, want []string) {
	t.Helper()
	dec := json.NewDecoder(bytes.NewReader([]byte(out)))
	tok, err := dec.Token()
	if tok == json.Delim('[') {
		tok, err = dec.Token()
	}
	if err != nil || tok != json.Delim('{') {
		t.Fatalf("not an object (%v %v): %s", tok, err, out)
	}
	var got []string
	for dec.More() {
		k, err := dec.Token()
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, k.(string))
		var skip json.RawMessage
		if err := dec.Decode(&skip); err != nil {
			t.Fatal(err)
		}
	}
	if !slices.Equal(got, want) {
		t.Fatalf("fields\n %v\nwant\n %v\nin %s", got, want, out)
	}
}
