package cli_test

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/attache/attache/cli"
)

// portable is a briefing without the ids that differ between libraries.
func portable(b briefing) briefing {
	b.ID, b.TrashedAt = 0, nil
	blocks := make([]block, len(b.Blocks))
	for i, blk := range b.Blocks {
		blk.ID, blk.Excerpt, blk.Source = 0, 0, 0
		blocks[i] = blk
	}
	b.Blocks = blocks
	return b
}

func TestExportImportRoundTrip(t *testing.T) {
	t.Parallel()
	db, id, ex := composedBriefing(t)
	importOne(t, db, fiveGFile) // not cited: stays out of the export
	orig := showBriefing(t, db, id)
	origSrc := showSource(t, db, 1)

	file := filepath.Join(t.TempDir(), "allied chips.json")
	var res struct {
		ID     int64  `json:"id"`
		File   string `json:"file"`
		Format string `json:"format"`
	}
	runJSON(t, db, &res, "export", itoa(id), "--out", file)
	if res.ID != id || res.File != file || res.Format != "json" {
		t.Errorf("export --json: %+v", res)
	}
	data := readFile(t, file)
	wantContains(t, data, `"format": "attache-briefing"`, "“small yard, high fence”—narrow", "7\u00a0nanometres")
	if strings.Contains(data, "Europe’s Slow Goodbye") {
		t.Error("the export carries a source the briefing does not cite")
	}
	wantContains(t, mustRun(t, db, "export", itoa(id), "--out", file), "Exported briefing 1 to "+file)

	fresh := newDB(t)
	var imp briefing
	runJSON(t, fresh, &imp, "briefing", "import", file)
	got := showBriefing(t, fresh, imp.ID)
	if !reflect.DeepEqual(portable(got), portable(orig)) {
		t.Errorf("imported briefing differs:\n got %+v\nwant %+v", portable(got), portable(orig))
	}
	if !reflect.DeepEqual(portable(imp), portable(orig)) {
		t.Errorf("briefing import --json differs from the original:\n got %+v\nwant %+v", portable(imp), portable(orig))
	}

	var srcs []source
	runJSON(t, fresh, &srcs, "sources")
	if len(srcs) != 1 || srcs[0].SHA256 != origSrc.SHA256 || srcs[0].Title != origSrc.Title ||
		!reflect.DeepEqual(srcs[0].Authors, origSrc.Authors) || srcs[0].Published != origSrc.Published {
		t.Fatalf("sources after import: %+v", srcs)
	}
	var exs []excerpt
	runJSON(t, fresh, &exs, "excerpts")
	if len(exs) != 1 || exs[0].Start != ex.Start || exs[0].End != ex.End || exs[0].Quote != ex.Quote || exs[0].Marking != "U" {
		t.Errorf("excerpts after import: %+v, want span of %+v", exs, ex)
	}

	// Importing again reuses the source and the excerpt.
	out := mustRun(t, fresh, "briefing", "import", file)
	wantContains(t, out, "Imported briefing 2: "+orig.Title, "(4 blocks, 1 source)")
	runJSON(t, fresh, &srcs, "sources")
	runJSON(t, fresh, &exs, "excerpts")
	if len(srcs) != 1 || len(exs) != 1 {
		t.Errorf("second import: %d sources, %d excerpts; want 1 and 1", len(srcs), len(exs))
	}
}

// TestExportPDFAndMarkdown accepts both states of the PDF and Markdown
// exporters: not built yet (exit 1, "not available yet", no file) or built
// (a file in that format). Another change was adding them while these tests
// were written.
func TestExportPDFAndMarkdown(t *testing.T) {
	t.Parallel()
	db, id, _ := composedBriefing(t)
	dir := t.TempDir()
	for _, c := range []struct {
		out, format, magic string
	}{
		{"brief.pdf", "", "%PDF"},
		{"brief.PDF", "", "%PDF"},
		{"brief.md", "", "Allied chip controls"},
		{"notes.json", "markdown", "Allied chip controls"},
	} {
		path := filepath.Join(dir, c.out)
		args := []string{"export", itoa(id), "--out", path}
		if c.format != "" {
			args = append(args, "--format", c.format)
		}
		_, errOut, code := run(t, db, args...)
		wantExit(t, code, cli.ExitOK, errOut)
		if got := readFile(t, path); !strings.Contains(got[:min(len(got), 4096)], c.magic) {
			t.Errorf("%s: exported file does not look right: %.80q", c.out, got)
		}
	}
}

func TestExportPDFWithUnshowableCharactersAsksFirst(t *testing.T) {
	t.Parallel()
	db, id, _ := composedBriefing(t)
	run(t, db, "briefing", "add", itoa(id), "--commentary", "Markets fell 📉 on the news.", "--marking", "U")
	path := filepath.Join(t.TempDir(), "brief.pdf")
	wantContains(t, fails(t, db, cli.ExitError, "export", itoa(id), "--out", path), "U+1F4C9", "--allow-missing")
	if _, err := os.Stat(path); !os.IsNotExist(err) {
		t.Fatalf("refused export left a file (%v)", err)
	}
	_, errOut, code := run(t, db, "export", itoa(id), "--out", path, "--allow-missing", "--paper", "letter")
	wantExit(t, code, cli.ExitOK, errOut)
	wantContains(t, fails(t, db, cli.ExitError, "export", itoa(id), "--out", path, "--paper", "a3"), "paper size")
}

func TestExportBadFormats(t *testing.T) {
	t.Parallel()
	db, id, _ := composedBriefing(t)
	dir := t.TempDir()
	for _, args := range [][]string{
		{"--out", filepath.Join(dir, "brief.txt")},
		{"--out", filepath.Join(dir, "brief")},
		{"--out", filepath.Join(dir, "brief.json"), "--format", "odt"},
		{},
	} {
		wantContains(t, fails(t, db, cli.ExitUsage, append([]string{"export", itoa(id)}, args...)...), "Run 'attache --help'")
	}
	fails(t, db, cli.ExitUsage, "export", "one", "--out", filepath.Join(dir, "x.json"))
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("refused exports left files: %v", entries)
	}
	// --format wins over the extension.
	mustRun(t, db, "export", itoa(id), "--out", filepath.Join(dir, "brief.txt"), "--format", "JSON")
	wantContains(t, readFile(t, filepath.Join(dir, "brief.txt")), `"format": "attache-briefing"`)
}

func TestExportToFolderFails(t *testing.T) {
	t.Parallel()
	db, id, _ := composedBriefing(t)
	dir := filepath.Join(t.TempDir(), "exports.json")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	wantContains(t, fails(t, db, cli.ExitError, "export", itoa(id), "--out", dir), dir+" is a folder")
	wantContains(t, fails(t, db, cli.ExitError, "export", itoa(id), "--out", filepath.Join(dir, "missing", "b.json")), "does not exist")
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("failed exports left files in the folder: %v", entries)
	}
}

func TestExportFailureLeavesExistingFileIntact(t *testing.T) {
	t.Parallel()
	db, id, _ := composedBriefing(t)
	dir := t.TempDir()
	keep := writeFile(t, dir, "earlier.json", []byte("my earlier export\n"))
	wantContains(t, fails(t, db, cli.ExitError, "export", "99", "--out", keep), "there is no briefing 99")
	if got := readFile(t, keep); got != "my earlier export\n" {
		t.Errorf("failed export changed the file: %q", got)
	}
	absent := filepath.Join(dir, "new.json")
	fails(t, db, cli.ExitError, "export", "99", "--out", absent)
	if _, err := os.Stat(absent); !os.IsNotExist(err) {
		t.Errorf("failed export created %s (%v)", absent, err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("failed exports left files behind: %v", entries)
	}
	// A successful export replaces the file whole.
	mustRun(t, db, "export", itoa(id), "--out", keep)
	if got := readFile(t, keep); !strings.HasPrefix(got, "{") || strings.Contains(got, "my earlier export") {
		t.Errorf("export did not replace the file: %.80q", got)
	}
}

func TestBriefingImportBrokenFileChangesNothing(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	valid := `{"format": "attache-briefing", "version": 1,
  "briefing": {"title": "Imported brief"},
  "sources": [{"key": "S1", "title": "Vendor bans", "text": "Operators warned of costs running to billions."}],
  "blocks": [{"type": "heading", "text": "Costs"}, {"type": "excerpt", "source": "S1", "quote": "QUOTE"}]}`
	files := map[string]string{
		"not-json.json":     `{"format": "attache-briefing", "version": 1, "briefing": {"title": "x"`,
		"empty.json":        "",
		"wrong-format.json": `{"format": "something-else", "version": 1, "briefing": {"title": "x"}}`,
		"future.json":       `{"format": "attache-briefing", "version": 99, "briefing": {"title": "x"}}`,
		"no-title.json":     `{"format": "attache-briefing", "version": 1, "briefing": {"title": " "}}`,
		"bad-quote.json":    strings.Replace(valid, "QUOTE", "costs running to millions", 1),
		"bad-source.json":   strings.Replace(strings.Replace(valid, "QUOTE", "billions", 1), `"source": "S1"`, `"source": "S9"`, 1),
		"bad-block.json":    strings.Replace(valid, `"type": "heading"`, `"type": "chart"`, 1),
	}
	db := emptyLibrary(t)
	for name, content := range files {
		path := writeFile(t, dir, name, []byte(content))
		out, errOut, code := run(t, db, "briefing", "import", path)
		if code != cli.ExitError || out != "" || !strings.Contains(errOut, path) {
			t.Errorf("%s: exit %d, stdout %q, stderr %q; want exit 1 naming the file", name, code, out, errOut)
		}
	}
	nowhere := filepath.Join(dir, "nowhere.json")
	if msg := fails(t, db, cli.ExitError, "briefing", "import", nowhere); !strings.Contains(msg, "nowhere.json does not exist") || strings.Count(msg, nowhere) != 1 {
		t.Errorf("a missing file: %q; want its path once, and that it does not exist", msg)
	}

	var list []briefingSummary
	runJSON(t, db, &list, "briefing", "list")
	var srcs []source
	runJSON(t, db, &srcs, "sources")
	var exs []excerpt
	runJSON(t, db, &exs, "excerpts")
	if len(list) != 0 || len(srcs) != 0 || len(exs) != 0 {
		t.Fatalf("broken imports changed the library: %d briefings, %d sources, %d excerpts", len(list), len(srcs), len(exs))
	}

	// The same file with a good quote goes in whole.
	good := writeFile(t, dir, "good.json", []byte(strings.Replace(valid, "QUOTE", "costs running to billions", 1)))
	var b briefing
	runJSON(t, db, &b, "briefing", "import", good)
	if b.Title != "Imported brief" || !reflect.DeepEqual(blockShape(b.Blocks), []string{"heading:Costs", "excerpt:costs running to billions"}) {
		t.Errorf("good import: %+v", b)
	}
}

// A reading format's export lists on standard error what the app lists
// under "Before you export" (here the judgment with no evidence linked);
// the file is written all the same. The JSON copy gets no such list.
func TestExportListsNoticesOnStandardError(t *testing.T) {
	t.Parallel()
	db, id, _ := composedBriefing(t)
	dir := t.TempDir()
	for _, name := range []string{"brief.pdf", "brief.md", "brief.docx"} {
		out, errOut, code := run(t, db, "export", itoa(id), "--out", filepath.Join(dir, name))
		wantExit(t, code, cli.ExitOK, errOut)
		wantContains(t, out, "Exported briefing")
		wantContains(t, errOut, "Before a reader sees it (", "no evidence linked")
		if strings.Contains(out, "no evidence") {
			t.Errorf("%s: the notices went to standard output, where scripts read the result: %q", name, out)
		}
	}
	_, errOut, code := run(t, db, "export", itoa(id), "--out", filepath.Join(dir, "copy.json"))
	wantExit(t, code, cli.ExitOK, errOut)
	if strings.Contains(errOut, "Before a reader") {
		t.Errorf("the JSON copy listed notices: %q", errOut)
	}
}
