package cli_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/attache/attache/cli"
)

// hostileFiles are inputs an analyst's disk may hold by accident or by
// malice. Each must give a clear error or a correct import, never a crash,
// and a failed import must leave the library as it was.
func hostileFiles(t *testing.T, dir string) map[string]bool {
	t.Helper()
	files := map[string][]byte{
		"empty.txt":      {},
		"blank.txt":      []byte(" \n\t\n  "),
		"binary.txt":     {0x7f, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0},
		"nul-bytes.txt":  []byte("Title\n\nText with a NUL \x00 inside and more \x00\x00 bytes."),
		"invalid.txt":    []byte("Caf\xe9 in Br\xfcssel: the \x93quoted\x94 summit."),
		"rtl.txt":        []byte("Export controls\n\nThe file name \u202Egnp.exe\u202C hides its extension; the text \u200Fmust\u200F survive."),
		"longword.txt":   []byte("Long word\n\n" + strings.Repeat("x", 10000) + " end."),
		"nested.html":    []byte("<html><body>" + strings.Repeat("<div>", 20000) + "<p>Deep text that is still an article paragraph.</p>" + strings.Repeat("</div>", 20000) + "</body></html>"),
		"fake.pdf":       []byte("%PDF-1.7\nnot really a pdf"),
		"fake.docx":      []byte("PK\x03\x04 not really a zip"),
		"wrong-types.md": []byte("---\ntitle: [1, 2\nauthors: {x: 1}\ndate: tomorrow\n---\n# Heading\n\nBody text survives odd front matter."),
	}
	// A text with NUL bytes is taken for a binary file: refused, with advice.
	ok := map[string]bool{"invalid.txt": true, "rtl.txt": true, "longword.txt": true, "nested.html": true, "wrong-types.md": true}
	paths := map[string]bool{}
	for name, data := range files {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o600); err != nil {
			t.Fatal(err)
		}
		paths[p] = ok[name]
	}
	huge := filepath.Join(dir, "huge.txt") // 200 MB, sparse: refused by size
	f, err := os.Create(huge)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(200 << 20); err != nil {
		t.Fatal(err)
	}
	f.Close()
	paths[huge] = false
	return paths
}

func TestHostileFilesGiveClearErrorsAndLeaveTheLibraryAlone(t *testing.T) {
	db := newDB(t)
	imported := 0
	for path, good := range hostileFiles(t, t.TempDir()) {
		_, errOut, code := run(t, db, "import", path)
		switch {
		case good && code != cli.ExitOK:
			t.Errorf("%s: exit %d: %s", filepath.Base(path), code, errOut)
		case !good && code != cli.ExitError:
			t.Errorf("%s: exit %d, want 1: %s", filepath.Base(path), code, errOut)
		case !good && (!strings.Contains(errOut, filepath.Base(path)) || len(errOut) < 40):
			t.Errorf("%s: unclear message %q", filepath.Base(path), errOut)
		}
		if code == cli.ExitOK {
			imported++
		}
		var srcs []map[string]any
		runJSON(t, db, &srcs, "sources")
		if len(srcs) != imported {
			t.Fatalf("after %s: %d sources, want %d", filepath.Base(path), len(srcs), imported)
		}
	}
	var check []map[string]any
	runJSON(t, db, &check, "search", "survive")
	if len(check) == 0 {
		t.Error("text from the right-to-left file is not searchable")
	}
}

// hostileBundle is a valid briefing file with two sources and an excerpt of
// each; the hostile cases below are edits of it.
const hostileBundle = `{
  "format": "attache-briefing",
  "version": 1,
  "briefing": {"title": "Hostile brief", "date": "2025-04-01", "status": "draft"},
  "sources": [
    {"key": "S1", "kind": "article", "title": "Vendor bans", "authors": ["A. Writer"],
     "text": "Operators warned of removal costs running to billions over the decade."},
    {"key": "S2", "kind": "report", "title": "Chip controls",
     "text": "Controls on lithography tools slowed the build-out of advanced fabs."}
  ],
  "blocks": [
    {"type": "heading", "text": "Costs"},
    {"type": "excerpt", "source": "S1", "quote": "removal costs running to billions", "tags": ["5g"], "credibility": 2},
    {"type": "judgment", "text": "Removal will slip.", "confidence": "moderate"},
    {"type": "excerpt", "source": "S2", "quote": "slowed the build-out", "start": 30, "end": 50}
  ]
}
`

// libraryState is everything the command line lists, as printed: a failed
// import must leave all of it byte for byte as it was.
func libraryState(t *testing.T, db string) string {
	t.Helper()
	var b strings.Builder
	for _, args := range [][]string{{"sources"}, {"excerpts"}, {"briefing", "list"}, {"briefing", "list", "--trash"}} {
		b.WriteString(mustRun(t, db, append(args, "--json")...))
	}
	return b.String()
}

// repeated is a JSON list of n copies of item.
func repeated(item string, n int) string {
	var b strings.Builder
	b.Grow(n * (len(item) + 1))
	b.WriteByte('[')
	for i := range n {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(item)
	}
	b.WriteByte(']')
	return b.String()
}

func TestHostileBriefingFilesGiveClearErrorsAndLeaveTheLibraryAlone(t *testing.T) {
	t.Parallel()
	edit := func(old, new string) string {
		if !strings.Contains(hostileBundle, old) {
			t.Fatalf("the bundle has no %q to replace", old)
		}
		return strings.Replace(hostileBundle, old, new, 1)
	}
	const head = `{"format": "attache-briefing", "version": 1, "briefing": {"title": "Big"}, `
	cases := []struct {
		name, content string
		want          []string // words the message must have, besides the file's path
	}{
		// Wrong types.
		{"text-for-number.json", edit(`"credibility": 2`, `"credibility": "two"`), []string{"block 2", "line", `"credibility"`, "whole number", "not text"}},
		{"text-for-offset.json", edit(`"start": 30`, `"start": "36"`), []string{"block 4", `"start"`, "whole number"}},
		{"fraction.json", edit(`"credibility": 2`, `"credibility": 2.5`), []string{"block 2", `"credibility"`, "whole number"}},
		{"huge-number.json", edit(`"start": 30`, `"start": 1e400`), []string{"block 4", `"start"`}},
		{"object-for-list.json", edit(`"authors": ["A. Writer"]`, `"authors": {"name": "A. Writer"}`), []string{"source 1", `"authors"`, "list", "not an object"}},
		{"object-for-blocks.json", edit(`"blocks": [`, `"blocks": {"all": [`) + "}", []string{`"blocks"`, "must be a list", "not an object"}},
		{"text-for-tags.json", edit(`"tags": ["5g"]`, `"tags": "5g"`), []string{"block 2", `"tags"`, "list"}},
		{"list-for-briefing.json", edit(`"briefing": {"title": "Hostile brief", "date": "2025-04-01", "status": "draft"}`, `"briefing": ["Hostile brief"]`), []string{"briefing", "must be an object", "not a list"}},
		{"number-for-text.json", edit(`"title": "Vendor bans"`, `"title": 42`), []string{"source 1", `"title"`, "text in double quotes", "not a number"}},
		{"text-for-version.json", edit(`"version": 1`, `"version": "1"`), []string{`"version"`, "not a format version"}},
		{"list-at-top.json", `[` + hostileBundle + `]`, []string{"not an Attaché briefing", "a list"}},
		// Huge lists: refused at the limit, not read to the end.
		{"million-blocks.json", head + `"blocks": ` + repeated(`{"type": "heading", "text": "x"}`, 1_000_000) + `}`, []string{"more than 100,000 blocks", "split"}},
		{"million-excerpts.json", head + `"sources": [{"key": "S1", "title": "t", "text": "a quote"}], "blocks": ` +
			repeated(`{"type": "excerpt", "source": "S1", "quote": "quote"}`, 1_000_000) + `}`, []string{"more than 100,000 blocks"}},
		{"million-sources.json", head + `"sources": ` + repeated(`{"key": "S", "title": "t", "text": "x"}`, 1_000_000) + `}`, []string{"more than 10,000 sources"}},
		// Deep nesting, where the format has a value and where it has none.
		{"deep-unknown.json", edit(`"version": 1,`, `"version": 1, "extra": `+strings.Repeat("[", 100_000)+strings.Repeat("]", 100_000)+`,`), []string{"not valid JSON", "line 3", "depth"}},
		{"deep-title.json", edit(`"title": "Hostile brief"`, `"title": `+strings.Repeat(`{"a": `, 50_000)+"1"+strings.Repeat("}", 50_000)), []string{"not valid JSON", "depth"}},
		{"deep-shallow-title.json", edit(`"title": "Hostile brief"`, `"title": {"a": {"b": ["c"]}}`), []string{"briefing", `"title"`, "text in double quotes", "not an object"}},
		// Cut short, empty, or not text.
		{"truncated.json", hostileBundle[:len(hostileBundle)/2], []string{"ends too early", "cut short"}},
		{"truncated-in-string.json", hostileBundle[:strings.Index(hostileBundle, "removal costs")+7], []string{"ends too early"}},
		{"empty.json", "", []string{"the file is empty"}},
		{"blank.json", " \n\t\r\n", []string{"the file is empty"}},
		{"nul-bytes.json", "\x00\x00\x00\x00" + hostileBundle, []string{"not valid JSON", "line 1"}},
		{"nul-in-text.json", edit("removal costs", "removal\x00costs"), []string{"not valid JSON", "line 7"}},
		{"binary.json", "\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00", []string{"not valid JSON"}},
		// Valid JSON that does not hold together.
		{"missing-source.json", edit(`"source": "S2"`, `"source": "S9"`), []string{"block 4", `"S9"`, "no source has that key"}},
		{"no-source.json", edit(`"source": "S2", `, ``), []string{"block 4", `"source" is missing`}},
		{"duplicate-key.json", edit(`"key": "S2"`, `"key": "S1"`), []string{"source 2", `"S1"`, "already used by source 1"}},
		{"duplicate-blocks.json", edit(`"blocks": [`, `"blocks": [], "blocks": [`), []string{`"blocks" appears twice`}},
		{"duplicate-sources.json", edit(`"sources": [`, `"sources": null, "sources": [`), []string{`"sources" appears twice`}},
		{"offsets-elsewhere.json", edit(`"start": 30, "end": 50`, `"start": 0, "end": 20`), []string{"block 4", `"start" and "end"`, "not the quote"}},
		{"offsets-outside.json", edit(`"start": 30, "end": 50`, `"start": 30, "end": 5000000`), []string{"block 4", `"start" and "end"`}},
		{"negative-offsets.json", edit(`"start": 30, "end": 50`, `"start": -20, "end": 0`), []string{"block 4", `"start" and "end"`}},
	}
	dir := t.TempDir()
	db := newDB(t)
	// A library with work in it: one briefing imported from the same file.
	good := writeFile(t, dir, "good.json", []byte(hostileBundle))
	mustRun(t, db, "briefing", "import", good)
	before := libraryState(t, db)
	if !strings.Contains(before, "Hostile brief") || !strings.Contains(before, "Chip controls") {
		t.Fatalf("the good file did not import:\n%s", before)
	}
	for _, c := range cases {
		path := writeFile(t, dir, c.name, []byte(c.content))
		out, errOut, code := run(t, db, "briefing", "import", path)
		if code != cli.ExitError || out != "" {
			t.Errorf("%s: exit %d, stdout %q, stderr %q; want exit 1 and nothing on stdout", c.name, code, out, errOut)
			continue
		}
		t.Logf("%s: %s", c.name, strings.TrimSpace(errOut))
		if len(errOut) > 600 {
			t.Errorf("%s: a message of %d bytes: %.200q…", c.name, len(errOut), errOut)
		}
		for _, w := range append([]string{path}, c.want...) {
			if !strings.Contains(errOut, w) {
				t.Errorf("%s: the message does not say %q: %s", c.name, w, errOut)
			}
		}
		if after := libraryState(t, db); after != before {
			t.Fatalf("%s: the failed import changed the library:\nbefore %s\nafter  %s", c.name, before, after)
		}
	}
}
