package cli_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/attache/attache/cli"
	"github.com/attache/attache/export"
)

// Found by a new user: --notes and --template given with a PDF, Markdown
// or JSON export were ignored without a word. An option the format does
// not take is refused when given on the command line (exit 2, nothing
// written); the app's settings of it are still taken silently.
func TestExportRefusesOptionsOfOtherFormats(t *testing.T) {
	db, id, _ := composedBriefing(t)
	dir := t.TempDir()
	house := wordFile(t, dir, "House.dotx")
	var wrote []string
	cli.SetExportWriter(t, func(format, out string, _ export.Options) error { wrote = append(wrote, format); return nil })
	for _, c := range []struct {
		out  string
		args []string
		want string
	}{
		{"brief.pdf", []string{"--template", house}, "--template applies to Word (DOCX) exports only"},
		{"brief.md", []string{"--notes", "endnotes"}, "--notes applies to Word (DOCX) exports only"},
		{"brief.json", []string{"--template", ""}, "--template applies to Word (DOCX) exports only"},
		{"brief.docx", []string{"--paper", "letter"}, "--paper applies to PDF exports only"},
	} {
		out := filepath.Join(dir, c.out)
		_, errOut, code := exec(t, &cli.Env{}, append([]string{"--db", db, "export", itoa(id), "--out", out}, c.args...)...)
		wantExit(t, code, cli.ExitUsage, errOut)
		wantContains(t, errOut, c.want)
	}
	if len(wrote) != 0 {
		t.Errorf("refused exports reached the writer: %v", wrote)
	}
	env := settingsEnv(t, `{"template": "`+house+`", "notes": "Endnotes", "paper": "US Letter"}`)
	for _, name := range []string{"brief.pdf", "brief.md", "brief.docx"} {
		_, errOut, code := exec(t, env, "--db", db, "export", itoa(id), "--out", filepath.Join(dir, name))
		wantExit(t, code, cli.ExitOK, errOut)
	}
	if strings.Join(wrote, ",") != "pdf,md,docx" {
		t.Errorf("with the settings, wrote %v", wrote)
	}
}

// 'template --out' does not replace a file without --force, saying so.
func TestTemplateCommandAsksForForceToReplace(t *testing.T) {
	dir := t.TempDir()
	var wrote []string
	cli.SetTemplateWriter(t, func(out string) error { wrote = append(wrote, out); return nil })
	out := wordFile(t, dir, "House.dotx") // a team's restyled template
	_, errOut, code := exec(t, &cli.Env{}, "template", "--out", out)
	wantExit(t, code, cli.ExitError, errOut)
	wantContains(t, errOut, out+" already exists", "--force to replace it")
	if len(wrote) != 0 {
		t.Errorf("wrote %v over an existing file", wrote)
	}
	if b, _ := os.ReadFile(out); !strings.Contains(string(b), "a template") {
		t.Error("the existing file was changed")
	}
	_, errOut, code = exec(t, &cli.Env{}, "template", "--out", out, "--force")
	wantExit(t, code, cli.ExitOK, errOut)
	if strings.Join(wrote, ",") != out {
		t.Errorf("with --force wrote %v", wrote)
	}
}

// The --template help says once what no template means.
func TestExportTemplateHelpReadsOnce(t *testing.T) {
	t.Parallel()
	out, errOut, code := exec(t, &cli.Env{}, "export", "--help")
	wantExit(t, code, cli.ExitOK, errOut)
	wantContains(t, out, "(default: the app's setting, else Attaché's own)")
	for _, bad := range []string{"empty: Attaché's own", "FILE.dotx (default: the app's setting, else none)"} {
		if strings.Contains(out, bad) {
			t.Errorf("the help still says %q", bad)
		}
	}
}
