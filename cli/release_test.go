package cli_test

import (
	"os"
	osexec "os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/attache/attache/cli"
)

// pdfText is the text of the PDF at path, as pdftotext reads it; the
// test is skipped where pdftotext is not installed.
func pdfText(t *testing.T, path string) string {
	t.Helper()
	if _, err := osexec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext is not installed")
	}
	out, err := osexec.Command("pdftotext", "-layout", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext %s: %v", path, err)
	}
	return string(out)
}

// The reproduction, under the UK scheme: OFFICIAL on the pages,
// never UNCLASSIFIED, whether the portions are marked or not.
func TestExportUKOfficialBriefing(t *testing.T) {
	t.Parallel()
	db, dir := newDB(t), t.TempDir()
	plain := newBriefing(t, db, "Grid resilience", "--scheme", "uk", "--marking", "OFFICIAL")
	mustRun(t, db, "briefing", "add", itoa(plain), "--commentary", "The claim dates from 2019.")
	marked := newBriefing(t, db, "Grid resilience, marked", "--scheme", "uk", "--marking", "OFFICIAL", "--title-marking", "OFFICIAL")
	mustRun(t, db, "briefing", "add", itoa(marked), "--commentary", "The claim dates from 2019.", "--marking", "OFFICIAL")
	for _, id := range []int64{plain, marked} {
		path := filepath.Join(dir, "brief"+itoa(id)+".pdf")
		mustRun(t, db, "export", itoa(id), "--out", path)
		text := pdfText(t, path)
		if !strings.Contains(text, "OFFICIAL") || strings.Contains(text, "UNCLASSIFIED") {
			t.Errorf("briefing %d: the PDF reads:\n%s", id, text)
		}
		md := filepath.Join(dir, "brief"+itoa(id)+".md")
		mustRun(t, db, "export", itoa(id), "--out", md)
		if got := readFile(t, md); !strings.Contains(got, "OFFICIAL") || strings.Contains(got, "UNCLASSIFIED") {
			t.Errorf("briefing %d: the Markdown reads:\n%s", id, got)
		}
	}
}

// A refused export names each portion on its own line, exits 1 and
// writes nothing.
func TestExportRefusalListsEachPortion(t *testing.T) {
	t.Parallel()
	db := newDB(t)
	id := newBriefing(t, db, "Ports", "--scheme", "uk", "--marking", "OFFICIAL", "--title-marking", "OFFICIAL")
	mustRun(t, db, "briefing", "add", itoa(id), "--heading", "Background", "--marking", "OFFICIAL")
	mustRun(t, db, "briefing", "add", itoa(id), "--commentary", "The berths were leased in 2021.", "--marking", "SECRET")
	mustRun(t, db, "briefing", "add", itoa(id), "--commentary", "Unmarked words.")
	path := filepath.Join(t.TempDir(), "brief.pdf")
	errOut := fails(t, db, cli.ExitError, "export", itoa(id), "--out", path)
	wantContains(t, errOut, "attache: nothing was written: the briefing's markings would be wrong; put each of these right and export again:\n",
		"\n  - Section 1, first block, commentary “The berths were leased in 2021.” is SECRET, above the OFFICIAL chosen for the briefing",
		"\n  - Section 1, second block, commentary “Unmarked words.” has no portion mark")
	if _, err := os.Stat(path); err == nil {
		t.Error("a refused export wrote the file")
	}
	if entries, _ := os.ReadDir(filepath.Dir(path)); len(entries) != 0 {
		t.Errorf("a refused export left %v", entries)
	}
}

// releasedBriefing is a UK briefing with portions at three levels; the
// words "Kestrel" and "Harrier" are only in the portions above OFFICIAL.
func releasedBriefing(t *testing.T) (db string, id int64) {
	t.Helper()
	db = newDB(t)
	src := importOne(t, db, chipsFile).ID
	mustRun(t, db, "source", "edit", itoa(src), "--scheme", "uk", "--marking", "OFFICIAL-SENSITIVE")
	ex := addExcerpt(t, db, src, `a "small yard, high fence"-narrow in scope`)
	id = newBriefing(t, db, "Allied chips", "--scheme", "uk", "--title-marking", "OFFICIAL",
		"--summary", "Harrier talks continue.", "--summary-marking", "SECRET")
	mustRun(t, db, "briefing", "add", itoa(id), "--heading", "Background", "--marking", "OFFICIAL")
	mustRun(t, db, "briefing", "add", itoa(id), "--commentary", "Allies moved slowly.", "--marking", "OFFICIAL")
	mustRun(t, db, "briefing", "add", itoa(id), "--excerpt", itoa(ex.ID))
	mustRun(t, db, "briefing", "add", itoa(id), "--heading", "Kestrel", "--marking", "SECRET")
	mustRun(t, db, "briefing", "add", itoa(id), "--commentary", "Kestrel moved first.", "--marking", "SECRET")
	return db, id
}

func TestExportReleaseCopy(t *testing.T) {
	t.Parallel()
	db, id := releasedBriefing(t)
	dir := t.TempDir()
	path := filepath.Join(dir, "brief-release.pdf")
	out := mustRun(t, db, "export", itoa(id), "--out", path, "--release-at", "official")
	wantContains(t, out, "Exported a release copy of briefing 1 at OFFICIAL to "+path, "Left out, above OFFICIAL:\n",
		"  - The bottom line up front (SECRET)\n", "“a “small yard, high…” (OFFICIAL-SENSITIVE)", "“Kestrel moved first.” (SECRET)",
		"Recorded as version 1: Release copy at OFFICIAL: brief-release.pdf")
	text := pdfText(t, path)
	for _, w := range []string{"Kestrel", "Harrier", "small yard", "Why the Chip Export Rules"} {
		if strings.Contains(text, w) {
			t.Errorf("the release copy holds %q:\n%s", w, text)
		}
	}
	wantContains(t, text, "OFFICIAL", "Allies moved slowly.")
	if strings.Contains(text, "SECRET") {
		t.Errorf("the release copy's banner is not recomputed:\n%s", text)
	}
	var versions []struct {
		Label string `json:"label"`
	}
	runJSON(t, db, &versions, "briefing", "history", itoa(id))
	if len(versions) != 1 || versions[0].Label != "Release copy at OFFICIAL: brief-release.pdf" {
		t.Errorf("history %+v", versions)
	}
	// The briefing itself is untouched.
	if b := showBriefing(t, db, id); len(b.Blocks) != 5 || b.Summary != "Harrier talks continue." {
		t.Errorf("the briefing changed: %+v", b)
	}

	var res struct {
		File      string `json:"file"`
		ReleaseAt string `json:"release_at"`
		LeftOut   []struct {
			Where   string `json:"where"`
			Marking string `json:"marking"`
		} `json:"left_out"`
		Version int64 `json:"version"`
	}
	runJSON(t, db, &res, "export", itoa(id), "--out", filepath.Join(dir, "sensitive.md"), "--release-at", "OFFICIAL-SENSITIVE")
	if res.ReleaseAt != "OFFICIAL-SENSITIVE" || res.Version != 2 || len(res.LeftOut) != 3 || res.LeftOut[0].Marking != "SECRET" {
		t.Errorf("export --release-at --json: %+v", res)
	}
	if md := readFile(t, filepath.Join(dir, "sensitive.md")); !strings.Contains(md, "small yard") || strings.Contains(md, "Kestrel") {
		t.Errorf("the OFFICIAL-SENSITIVE copy:\n%s", md)
	}
}

func TestExportReleaseRefusals(t *testing.T) {
	t.Parallel()
	db, id := releasedBriefing(t)
	path := filepath.Join(t.TempDir(), "r.pdf")
	wantContains(t, fails(t, db, cli.ExitUsage, "export", itoa(id), "--out", path, "--release-at", "U"),
		`--release-at: "U" is not a UK marking (it is a US one): use OFFICIAL, OFFICIAL-SENSITIVE`)
	// A JSON file is the whole briefing, never a release copy: refused
	// before anything is read or written, whether named by extension or
	// by --format.
	for _, args := range [][]string{{"--out", path + ".json"}, {"--out", path + ".out", "--format", "json"}} {
		errOut := fails(t, db, cli.ExitUsage, append([]string{"export", itoa(id), "--release-at", "OFFICIAL"}, args...)...)
		wantContains(t, errOut, "a release copy is for reading: export it as PDF, Markdown or Word (DOCX) (--out FILE.pdf, FILE.md or FILE.docx)", "is the whole briefing for moving between libraries")
		if _, err := os.Stat(args[1]); err == nil {
			t.Errorf("%v: a JSON release copy was written", args)
		}
	}
	mustRun(t, db, "briefing", "add", itoa(id), "--commentary", "Unmarked words.")
	errOut := fails(t, db, cli.ExitError, "export", itoa(id), "--out", path, "--release-at", "OFFICIAL")
	wantContains(t, errOut, "nothing was written", "\n  - ", "“Unmarked words.” has no portion mark")
	if _, err := os.Stat(path); err == nil {
		t.Error("a refused release copy was written")
	}
	var versions []struct{}
	runJSON(t, db, &versions, "briefing", "history", itoa(id))
	if len(versions) != 0 {
		t.Errorf("a refused release copy recorded %d versions", len(versions))
	}
}

// A UK briefing goes out as JSON and comes back with its scheme, every
// mark, the source's marking and the reason an excerpt is below it.
func TestExportImportKeepsTheMarkings(t *testing.T) {
	t.Parallel()
	db, id := releasedBriefing(t)
	mustRun(t, db, "excerpt", "edit", "1", "--marking", "OFFICIAL", "--marking-reason", "Public since March")
	mustRun(t, db, "briefing", "edit", itoa(id), "--notes", "--marking", "SECRET")
	file := filepath.Join(t.TempDir(), "chips.json")
	mustRun(t, db, "export", itoa(id), "--out", file)
	wantContains(t, readFile(t, file), `"version": 4`, `"scheme": "uk"`, `"classification": "SECRET"`,
		`"marking": "OFFICIAL-SENSITIVE"`, `"marking_reason": "Public since March"`)

	fresh := newDB(t)
	var imp markedBriefing
	runJSON(t, fresh, &imp, "briefing", "import", file)
	var orig markedBriefing
	runJSON(t, db, &orig, "briefing", "show", itoa(id))
	if imp.Scheme != "uk" || imp.Classification != orig.Classification || imp.TitleMarking != orig.TitleMarking ||
		imp.SummaryMarking != orig.SummaryMarking || !imp.IncludeNotes || len(imp.Blocks) != len(orig.Blocks) {
		t.Fatalf("imported %+v\nwant %+v", imp, orig)
	}
	for i := range imp.Blocks {
		if imp.Blocks[i].Marking != orig.Blocks[i].Marking {
			t.Errorf("block %d marking %q, want %q", i+1, imp.Blocks[i].Marking, orig.Blocks[i].Marking)
		}
	}
	var ex markedExcerpt
	runJSON(t, fresh, &ex, "excerpt", "show", "1")
	if ex.Marking != "uk:O" || ex.Reason != "Public since March" {
		t.Errorf("imported excerpt %+v", ex)
	}
	var s struct {
		Marking string `json:"marking"`
	}
	runJSON(t, fresh, &s, "source", "show", "1")
	if s.Marking != "uk:OS" {
		t.Errorf("imported source marking %q", s.Marking)
	}
}
