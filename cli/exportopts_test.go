package cli_test

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/attache/attache/cli"
	"github.com/attache/attache/export"
)

// The export help lists every registered format with its extension and
// options, so a format added to export is documented without touching cli.
func TestExportHelpListsTheRegisteredFormats(t *testing.T) {
	t.Parallel()
	out, errOut, code := exec(t, &cli.Env{}, "export", "--help")
	wantExit(t, code, cli.ExitOK, errOut)
	for _, f := range export.Formats() {
		if !regexp.MustCompile(`\n  ` + f.Name + ` +\` + f.Ext + ` +` + regexp.QuoteMeta(f.Label) + `\n`).MatchString(out) {
			t.Errorf("the help has no line for %s:\n%s", f.Name, out)
		}
		for _, o := range f.Options {
			wantContains(t, out, "--"+o.Key)
			wantContains(t, out, o.Help)
		}
	}
	wantContains(t, out, "--paper a4|letter: PDF paper size", "--allow-missing: write the PDF")
	wantContains(t, out, "--paper string", "a4 or letter", "--format string", "pdf, md, docx or json")
}

// mediaBox is the first page's size in points, as gofpdf writes it.
var mediaBox = regexp.MustCompile(`/MediaBox \[0 0 ([0-9.]+) ([0-9.]+)\]`)

func pageWidth(t *testing.T, path string) string {
	t.Helper()
	m := mediaBox.FindStringSubmatch(readFile(t, path))
	if m == nil {
		t.Fatalf("%s has no page size", path)
	}
	return m[1]
}

const (
	a4Width     = "595.28"
	letterWidth = "612.00"
)

// Without --paper the PDF takes the desktop app's Paper setting (which
// the command line used to ignore); --paper wins over it, and a setting
// it cannot read is passed over for the default.
func TestExportPaperFollowsTheAppsSetting(t *testing.T) {
	t.Parallel()
	db, id, _ := composedBriefing(t)
	config, dir := t.TempDir(), t.TempDir()
	env := func() *cli.Env {
		return &cli.Env{ConfigDir: func() (string, error) { return config, nil }}
	}
	export := func(name string, args ...string) string {
		path := filepath.Join(dir, name)
		args = append([]string{"--db", db, "export", itoa(id), "--out", path}, args...)
		_, errOut, code := exec(t, env(), args...)
		wantExit(t, code, cli.ExitOK, errOut)
		return pageWidth(t, path)
	}
	if w := export("no-settings.pdf"); w != a4Width {
		t.Errorf("without settings the page is %s wide, want A4", w)
	}
	settings := filepath.Join(config, "attache", "settings.json")
	if err := os.MkdirAll(filepath.Dir(settings), 0o700); err != nil {
		t.Fatal(err)
	}
	for setting, want := range map[string]string{`"US Letter"`: letterWidth, `"A4"`: a4Width, `"A0"`: a4Width, `7`: a4Width} {
		if err := os.WriteFile(settings, []byte(`{"paper": `+setting+`, "theme": "Dark"}`), 0o600); err != nil {
			t.Fatal(err)
		}
		if w := export("set.pdf"); w != want {
			t.Errorf("with Paper set to %s the page is %s wide, want %s", setting, w, want)
		}
	}
	if err := os.WriteFile(settings, []byte(`{"paper": "US Letter"}`), 0o600); err != nil {
		t.Fatal(err)
	}
	if w := export("flag.pdf", "--paper", "A4"); w != a4Width {
		t.Errorf("--paper A4 over a Letter setting gave a page %s wide", w)
	}
	if w := export("flag.pdf", "--paper", "letter"); w != letterWidth {
		t.Errorf("--paper letter gave a page %s wide", w)
	}
	// Markdown has no paper: the setting leaves it alone, the flag given
	// for it is refused (it would be ignored).
	md := filepath.Join(dir, "brief.md")
	_, errOut, code := exec(t, env(), "--db", db, "export", itoa(id), "--out", md, "--paper", "letter")
	wantExit(t, code, cli.ExitUsage, errOut)
	wantContains(t, errOut, "--paper applies to PDF exports only")
	_, errOut, code = exec(t, env(), "--db", db, "export", itoa(id), "--out", md)
	wantExit(t, code, cli.ExitOK, errOut)
	if !strings.HasPrefix(readFile(t, md), "# ") && !strings.HasPrefix(readFile(t, md), "**") {
		t.Errorf("Markdown export: %.40q", readFile(t, md))
	}
}

func TestExportBadOptionValues(t *testing.T) {
	t.Parallel()
	db, id, _ := composedBriefing(t)
	dir := t.TempDir()
	path := filepath.Join(dir, "brief.pdf")
	wantContains(t, fails(t, db, cli.ExitError, "export", itoa(id), "--out", path, "--paper", "tabloid"),
		`"tabloid" is not a paper size: use a4 or letter`)
	wantContains(t, fails(t, db, cli.ExitUsage, "export", itoa(id), "--out", filepath.Join(dir, "brief.odt")),
		`"odt" is not an export format: use pdf, md, docx or json`)
	wantContains(t, fails(t, db, cli.ExitUsage, "export", itoa(id), "--out", filepath.Join(dir, "brief")),
		"end the name with .pdf, .md, .docx or .json")
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("refused exports left %v", entries)
	}
}
