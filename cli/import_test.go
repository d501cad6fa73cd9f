package cli_test

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/attache/attache/cli"
	"github.com/attache/attache/internal/testbundle"
	"github.com/attache/attache/internal/testbundle/jsonfile"
)

func TestImportOneFileDetectsMetadata(t *testing.T) {
	t.Parallel()
	db := newDB(t)
	out := mustRun(t, db, "import", chipsFile, "--json")

	// The documented fields are all present, with the right JSON types.
	var raw []map[string]any
	decode(t, out, &raw)
	if len(raw) != 1 {
		t.Fatalf("want one result, got %d", len(raw))
	}
	for _, k := range []string{"id", "kind", "title", "subtitle", "authors", "publisher", "published", "url", "sha256", "existing", "report"} {
		if _, ok := raw[0][k]; !ok {
			t.Errorf("import --json has no %q field: %v", k, raw[0])
		}
	}
	if _, ok := raw[0]["authors"].([]any); !ok {
		t.Errorf("authors is not an array: %v", raw[0]["authors"])
	}
	if _, ok := raw[0]["error"]; ok {
		t.Errorf("a successful import has an error field: %v", raw[0]["error"])
	}

	var res []imported
	decode(t, out, &res)
	r := res[0]
	if r.File != chipsFile || r.ID <= 0 || r.Existing == nil || *r.Existing {
		t.Fatalf("file/id/existing wrong: %+v", r)
	}
	want := source{
		ID:        r.ID,
		Kind:      "article",
		Title:     "Why the Chip Export Rules Keep Tightening",
		Subtitle:  "How allied capitals are learning to live with a narrower yard",
		Section:   "SEMICONDUCTORS",
		Authors:   []string{"Mara Ellison", "Tomasz Wren"},
		Publisher: "Circuit Review",
		Published: "2025-03-03",
		FileName:  "chips.txt",
		SHA256:    r.SHA256,
	}
	if !reflect.DeepEqual(r.source, want) {
		t.Errorf("detected metadata:\n got %+v\nwant %+v", r.source, want)
	}
	if r.Report == nil || r.Report.Format != "text" || r.Report.DuplicatesCollapsed != 1 {
		t.Fatalf("report: %+v", r.Report)
	}
	for _, f := range []finding{{"section label", "SEMICONDUCTORS", "line above the title"}, {"authors", "Mara Ellison and Tomasz Wren", "byline"},
		{"published", "2025-03-03", `from "Published 3 March 2025"`}} {
		if !slices.Contains(r.Report.Detected, f) {
			t.Errorf("report.detected lacks %+v: %+v", f, r.Report.Detected)
		}
	}

	// The stored text: metadata lines gone, the repeated paragraph kept
	// once, typography (curly quotes, dashes, no-break space) untouched.
	s := showSource(t, db, r.ID)
	if s.Text == nil {
		t.Fatal("source show --json has no text")
	}
	text := *s.Text
	if !strings.HasPrefix(text, "Washington’s latest round") {
		t.Errorf("text does not start with the first paragraph: %.60q", text)
	}
	for _, gone := range []string{"SEMICONDUCTORS", "By Mara", "Published 3 March"} {
		if strings.Contains(text, gone) {
			t.Errorf("metadata %q left in the text", gone)
		}
	}
	if n := strings.Count(text, "Officials described the policy"); n != 1 {
		t.Errorf("duplicated paragraph occurs %d times, want 1", n)
	}
	wantContains(t, text, "7\u00a0nanometres", "“small yard, high fence”—narrow", "advanced chips — announced")
	sum := sha256.Sum256([]byte(text))
	if got := hex.EncodeToString(sum[:]); r.SHA256 != got {
		t.Errorf("sha256 %s is not the digest of the text (%s)", r.SHA256, got)
	}
}

func TestImportTextOutput(t *testing.T) {
	t.Parallel()
	db := newDB(t)
	out := mustRun(t, db, "import", chipsFile)
	wantContains(t, out, "Imported source 1: Why the Chip Export Rules Keep Tightening",
		"by Mara Ellison and Tomasz Wren, published 2025-03-03", "detected authors: Mara Ellison and Tomasz Wren (byline)", "note: removed 1 repeated paragraph")
	out = mustRun(t, db, "import", chipsFile)
	wantContains(t, out, "Already in the library: source 1")
}

func TestImportSameFileTwiceFindsExisting(t *testing.T) {
	t.Parallel()
	db := newDB(t)
	first := importOne(t, db, chipsFile)
	second := importOne(t, db, chipsFile)
	if second.Existing == nil || !*second.Existing {
		t.Fatalf("second import: existing = %v, want true", second.Existing)
	}
	if second.ID != first.ID || second.SHA256 != first.SHA256 || second.Title != first.Title {
		t.Fatalf("second import %+v differs from first %+v", second.source, first.source)
	}
	var list []source
	runJSON(t, db, &list, "sources")
	if len(list) != 1 {
		t.Fatalf("sources after importing the same file twice: %d, want 1", len(list))
	}
}

func TestImportManyFilesKeepsOrderAndReportsBadOnes(t *testing.T) {
	t.Parallel()
	db := newDB(t)
	dir := t.TempDir()
	empty := writeFile(t, dir, "empty.txt", nil)
	binary := writeFile(t, dir, "blob.txt", []byte("GIF-ish\x00\x01\x02\x03\x00\xff\xfe binary junk\x00"))
	missing := filepath.Join(dir, "no-such-article.txt")
	files := []string{chipsFile, empty, fiveGFile, binary, missing, aiFile}

	out, errOut, code := run(t, db, append([]string{"import", "--json"}, files...)...)
	wantExit(t, code, cli.ExitError, errOut)
	wantContains(t, errOut, "3 of 6 files were not imported")
	var res []imported
	decode(t, out, &res)
	if len(res) != len(files) {
		t.Fatalf("got %d results for %d files", len(res), len(files))
	}
	wantErr := map[int]string{1: "empty", 3: "binary", 4: "does not exist"}
	for i, r := range res {
		if r.File != files[i] {
			t.Errorf("result %d is for %q, want %q", i, r.File, files[i])
		}
		if sub, bad := wantErr[i]; bad {
			if r.ID != 0 || !strings.Contains(r.Error, sub) {
				t.Errorf("result %d (%s): id %d, error %q; want an error about %q", i, r.File, r.ID, r.Error, sub)
			}
			continue
		}
		if r.Error != "" || r.ID == 0 || r.Existing == nil || *r.Existing {
			t.Errorf("result %d (%s) not imported: %+v", i, r.File, r)
		}
	}

	var list []source
	runJSON(t, db, &list, "sources")
	var titles []string
	for _, s := range list {
		titles = append(titles, s.Title)
	}
	want := []string{"Why the Chip Export Rules Keep Tightening", "Europe’s Slow Goodbye to High-Risk 5G Vendors", "Drafting Norms for Military AI"}
	if !reflect.DeepEqual(titles, want) {
		t.Errorf("sources = %q, want %q", titles, want)
	}
}

func TestImportBadFileTextOutput(t *testing.T) {
	t.Parallel()
	db := newDB(t)
	empty := writeFile(t, t.TempDir(), "empty.md", []byte(" \n\t\n"))
	out, errOut, code := run(t, db, "import", fiveGFile, empty)
	wantExit(t, code, cli.ExitError, errOut)
	wantContains(t, out, "Imported source 1: Europe’s Slow Goodbye")
	wantContains(t, errOut, "attache: "+empty+": ", "empty", "1 of 2 files were not imported")
}

func TestImportStdin(t *testing.T) {
	t.Parallel()
	db := newDB(t)
	pasted := "Delegates at the summit agreed on voluntary testing of frontier AI models.\n\n" +
		"Critics said the text “lacked teeth” — and no\u00a0state had signed anything binding.\n"
	out, errOut, code := runStdin(t, db, pasted, "import", "-", "--title", "Pasted note on AI norms", "--json")
	wantExit(t, code, cli.ExitOK, errOut)
	var res []imported
	decode(t, out, &res)
	if len(res) != 1 || res[0].File != "-" || res[0].Error != "" {
		t.Fatalf("import -: %+v", res)
	}
	r := res[0]
	if r.Title != "Pasted note on AI norms" || r.Kind != "note" || r.FileName != "" {
		t.Errorf("stdin source: title %q kind %q file %q", r.Title, r.Kind, r.FileName)
	}
	s := showSource(t, db, r.ID)
	if *s.Text != strings.TrimSpace(pasted) {
		t.Errorf("text = %q, want %q", *s.Text, strings.TrimSpace(pasted))
	}
}

func TestImportOverridesWin(t *testing.T) {
	t.Parallel()
	db := newDB(t)
	r := importOne(t, db, chipsFile,
		"--title", "Chip controls, annotated", "--author", "Ana de la Cruz", "--author", "Omar Haddad",
		"--published", "2024-12-01", "--url", "https://example.org/chips", "--reliability", "b",
		"--publisher", "Policy Wire", "--subtitle", "Annotated copy")
	want := source{
		ID: r.ID, Kind: "article", Title: "Chip controls, annotated", Subtitle: "Annotated copy",
		Section: "SEMICONDUCTORS", Authors: []string{"Ana de la Cruz", "Omar Haddad"},
		Publisher: "Policy Wire", Published: "2024-12-01", URL: "https://example.org/chips",
		FileName: "chips.txt", SHA256: r.SHA256, Reliability: "B",
	}
	if !reflect.DeepEqual(r.source, want) {
		t.Errorf("overrides:\n got %+v\nwant %+v", r.source, want)
	}
	// And they were stored, not only printed.
	s := showSource(t, db, r.ID)
	s.Text = nil
	if !reflect.DeepEqual(s, want) {
		t.Errorf("stored:\n got %+v\nwant %+v", s, want)
	}
}

// --kind is read as `source edit --kind` reads it: case and surrounding
// spaces do not matter, and a blank value keeps the detected kind.
func TestImportKindOverride(t *testing.T) {
	t.Parallel()
	db := newDB(t)
	if r := importOne(t, db, chipsFile, "--kind", " Web "); r.Kind != "web" {
		t.Errorf("--kind ' Web ': kind %q, want web", r.Kind)
	}
	if r := importOne(t, db, fiveGFile, "--kind", " "); r.Kind != "article" {
		t.Errorf("--kind ' ': kind %q, want the detected article", r.Kind)
	}
}

func TestImportBadFlags(t *testing.T) {
	t.Parallel()
	db := newDB(t)
	for _, args := range [][]string{
		{"import", chipsFile, "--published", "3 March 2025"},
		{"import", chipsFile, "--published", "2025-02-30"},
		{"import", chipsFile, "--reliability", "Z"},
		{"import"},
	} {
		wantContains(t, fails(t, db, cli.ExitUsage, args...), "Run 'attache --help'")
	}
	_, errOut, _ := run(t, db, "import", chipsFile, "--published", "03/03/2025")
	wantContains(t, errOut, `"03/03/2025" is not a date`, "YYYY-MM-DD")
	// A refused import does not even start a library.
	wantContains(t, fails(t, db, cli.ExitError, "sources"), "there is no library at "+db)
}

// `attache import brief.json` adds the briefing, as the app's Import does;
// it used to store the file as a text source titled "Brief".
func TestImportABriefingFileAddsTheBriefing(t *testing.T) {
	t.Parallel()
	db := newDB(t)
	path := jsonfile.Write(t, filepath.Join(t.TempDir(), "brief.json"))
	want := testbundle.Bundle(t).Briefing
	out := mustRun(t, db, "import", path)
	wantContains(t, out, fmt.Sprintf("Imported briefing 1: %s (%d blocks, 2 sources)", want.Title, len(want.Blocks)))
	var list []struct {
		ID    int64  `json:"id"`
		Title string `json:"title"`
	}
	runJSON(t, db, &list, "briefing", "list")
	var sources []source
	runJSON(t, db, &sources, "sources")
	if len(list) != 1 || list[0].Title != want.Title || len(sources) != 2 || sources[0].Title == "Brief" {
		t.Fatalf("briefings %+v, sources %+v", list, sources)
	}

	// --json gives the briefing, and a file beside it the source it holds.
	var res []map[string]any
	runJSON(t, db, &res, "import", "--json", path, chipsFile)
	b, _ := res[0]["briefing"].(map[string]any)
	if len(res) != 2 || b == nil || b["title"] != want.Title || res[0]["title"] != nil || res[1]["title"] == nil {
		t.Fatalf("import --json: %+v", res)
	}
}

// A folder imports the files in it and its folders; files in other
// formats are named as left out.
func TestImportAFolder(t *testing.T) {
	t.Parallel()
	db := newDB(t)
	dir := t.TempDir()
	for name, src := range map[string]string{"a/chips.txt": chipsFile, "b/5g.txt": fiveGFile} {
		data, err := os.ReadFile(src)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.MkdirAll(filepath.Join(dir, filepath.Dir(name)), 0o755); err != nil {
			t.Fatal(err)
		}
		writeFile(t, filepath.Join(dir, filepath.Dir(name)), filepath.Base(name), data)
	}
	writeFile(t, dir, "scan.tiff", []byte("II*\x00"))
	out, errOut, code := run(t, db, "import", dir)
	wantExit(t, code, cli.ExitOK, errOut)
	wantContains(t, out, "Imported source 1: Why the Chip Export Rules Keep Tightening", "Imported source 2: Europe’s Slow Goodbye")
	wantContains(t, errOut, "left out 1 file in the folders given: not in a format Attaché imports (plain text (.txt)")
}

// Found by a trial: a text file whose second line is its author's name
// got that name as its subtitle, and every citation then read "Title: Li
// Wei", even with --author naming him. Named as the author, the line is
// no subtitle.
func TestImportAuthorGivenIsNoSubtitle(t *testing.T) {
	t.Parallel()
	db := newDB(t)
	path := filepath.Join(t.TempDir(), "cn-response.txt")
	text := "Beijing's toolkit for retaliation\nLi Wei\n2026-11-20\n\nChina's Ministry of Commerce added gallium, germanium and antimony " +
		"to its dual-use export control list and has since refused a number of licences to American buyers.\n"
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	var got []struct {
		Subtitle string   `json:"subtitle"`
		Authors  []string `json:"authors"`
	}
	decode(t, mustRun(t, db, "import", path, "--author", "Li Wei", "--json"), &got)
	if len(got) != 1 || got[0].Subtitle != "" || len(got[0].Authors) != 1 || got[0].Authors[0] != "Li Wei" {
		t.Errorf("imported as %+v", got)
	}
}
