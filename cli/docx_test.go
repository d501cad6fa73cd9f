package cli_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/attache/attache/cli"
	"github.com/attache/attache/export"
)

// wordFile writes a file that starts as a .docx does (a zip) at dir/name.
func wordFile(t *testing.T, dir, name string) string {
	t.Helper()
	return writeFile(t, dir, name, []byte("PK\x03\x04 a template"))
}

// docxWrites records what the DOCX writer is given, instead of writing:
// the writer is written on its own branch and tested there.
func docxWrites(t *testing.T) *[]export.Options {
	t.Helper()
	var got []export.Options
	cli.SetExportWriter(t, func(format, out string, opts export.Options) error {
		if format != "docx" || filepath.Ext(out) != ".docx" {
			t.Errorf("wrote %s as %s", out, format)
		}
		got = append(got, opts)
		return nil
	})
	return &got
}

// settingsEnv is an Env whose desktop app settings are json.
func settingsEnv(t *testing.T, json string) *cli.Env {
	t.Helper()
	config := t.TempDir()
	path := filepath.Join(config, "attache", "settings.json")
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(json), 0o600); err != nil {
		t.Fatal(err)
	}
	return &cli.Env{ConfigDir: func() (string, error) { return config, nil }}
}

func TestExportHelpNamesWordAndItsOptions(t *testing.T) {
	t.Parallel()
	out, errOut, code := exec(t, &cli.Env{}, "export", "--help")
	wantExit(t, code, cli.ExitOK, errOut)
	wantContains(t, out, "Word (DOCX)", "--template FILE.docx|FILE.dotx: a Word .docx or .dotx",
		"--notes footnotes|endnotes: DOCX citations", "--template string", "--notes string",
		"PDF, Markdown or Word\ncopy", "attache template --out\nFILE.dotx")
	out, errOut, code = exec(t, &cli.Env{}, "template", "--help")
	wantExit(t, code, cli.ExitOK, errOut)
	wantContains(t, out, "--out string", "house template")
}

// The notes choice reaches the writer as its value, from the flag, else
// the app's setting (kept as the label shown), else footnotes.
func TestExportDOCXPassesTheNotesChoice(t *testing.T) {
	db, id, _ := composedBriefing(t)
	got := docxWrites(t)
	out := filepath.Join(t.TempDir(), "brief.docx")
	for _, c := range []struct {
		env  *cli.Env
		args []string
		want string
	}{
		{&cli.Env{}, nil, "footnotes"},
		{&cli.Env{}, []string{"--notes", "Endnotes"}, "endnotes"},
		{settingsEnv(t, `{"notes": "Endnotes"}`), nil, "endnotes"},
		{settingsEnv(t, `{"notes": "Endnotes"}`), []string{"--notes", "foot"}, "footnotes"},
	} {
		*got = nil
		_, errOut, code := exec(t, c.env, append([]string{"--db", db, "export", itoa(id), "--out", out}, c.args...)...)
		wantExit(t, code, cli.ExitOK, errOut)
		if len(*got) != 1 || (*got)[0]["notes"] != c.want || (*got)[0]["template"] != "" {
			t.Errorf("%v: the writer was given %v, want notes %s", c.args, *got, c.want)
		}
	}
	wantContains(t, fails(t, db, cli.ExitError, "export", itoa(id), "--out", out, "--notes", "sidenotes"),
		`"sidenotes" is not a place for citations: use footnotes or endnotes`)
}

// Without --template the app's setting is the template; --template wins.
func TestExportDOCXTakesTheSettingsTemplate(t *testing.T) {
	db, id, _ := composedBriefing(t)
	dir := t.TempDir()
	house, other := wordFile(t, dir, "House.dotx"), wordFile(t, dir, "Other.docx")
	got := docxWrites(t)
	env := settingsEnv(t, `{"template": "`+house+`"}`)
	out := filepath.Join(dir, "brief.docx")
	for args, want := range map[string]string{"": house, other: other} {
		*got = nil
		cmd := []string{"--db", db, "export", itoa(id), "--out", out}
		if args != "" {
			cmd = append(cmd, "--template", args)
		}
		_, errOut, code := exec(t, env, cmd...)
		wantExit(t, code, cli.ExitOK, errOut)
		if len(*got) != 1 || (*got)[0]["template"] != want {
			t.Errorf("--template %q: the writer was given %v, want the template %s", args, *got, want)
		}
	}
	// A setting's template gone from disk is named, with where to change it.
	gone := filepath.Join(dir, "Gone.dotx")
	_, errOut, code := exec(t, settingsEnv(t, `{"template": "`+gone+`"}`), "--db", db, "export", itoa(id), "--out", out)
	wantExit(t, code, cli.ExitError, errOut)
	wantContains(t, errOut, "the house template "+gone+" does not exist", "File → Settings", "give --template")
}

// A template that is not a Word file is refused before anything is
// written, naming the file and what to do.
func TestExportDOCXRefusesABadTemplate(t *testing.T) {
	db, id, _ := composedBriefing(t)
	dir := t.TempDir()
	got := docxWrites(t)
	out := filepath.Join(dir, "brief.docx")
	fake := writeFile(t, dir, "Fake.docx", []byte("{\\rtf1 not a zip"))
	for tmpl, want := range map[string]string{
		filepath.Join(dir, "house.odt"): `house.odt" is not a house template: choose a .docx or .dotx file, or leave it empty`,
		filepath.Join(dir, "Gone.docx"): "Gone.docx does not exist: choose another .docx or .dotx",
		fake:                            "Fake.docx is not a Word file: save it from Word as a .docx or .dotx",
	} {
		wantContains(t, fails(t, db, cli.ExitError, "export", itoa(id), "--out", out, "--template", tmpl), want)
	}
	if len(*got) != 0 {
		t.Errorf("a bad template still reached the writer: %v", *got)
	}
	if _, err := os.Stat(out); err == nil {
		t.Error("a refused export wrote the file")
	}
}

// A release copy is for reading, and a Word file is one.
func TestExportDOCXReleaseCopy(t *testing.T) {
	db, id := releasedBriefing(t)
	got := docxWrites(t)
	out := filepath.Join(t.TempDir(), "release.docx")
	stdout := mustRun(t, db, "export", itoa(id), "--out", out, "--release-at", "OFFICIAL")
	wantContains(t, stdout, "Exported a release copy of briefing", "release.docx", "Recorded as version")
	if len(*got) != 1 {
		t.Errorf("the writer was called %d times", len(*got))
	}
}

func TestTemplateCommandWritesTheHouseTemplate(t *testing.T) {
	dir := t.TempDir()
	var wrote []string
	cli.SetTemplateWriter(t, func(out string) error { wrote = append(wrote, out); return nil })
	out := filepath.Join(dir, "House.dotx")
	stdout, errOut, code := exec(t, &cli.Env{}, "template", "--out", out)
	wantExit(t, code, cli.ExitOK, errOut)
	wantContains(t, stdout, "Wrote Attaché's house template to "+out)
	if strings.Join(wrote, ",") != out {
		t.Errorf("wrote %v", wrote)
	}
	_, errOut, code = exec(t, &cli.Env{}, "template")
	wantExit(t, code, cli.ExitUsage, errOut)
	wantContains(t, errOut, "--out FILE.dotx")
}

// Without the hook the template's name is checked before anything is
// written: the file must be one --template takes.
func TestTemplateCommandRefusesANonWordName(t *testing.T) {
	t.Parallel()
	out := filepath.Join(t.TempDir(), "House.odt")
	_, errOut, code := exec(t, &cli.Env{}, "template", "--out", out)
	wantExit(t, code, cli.ExitError, errOut)
	wantContains(t, errOut, "House.odt\": the template must be saved as .dotx or .docx")
	if strings.Contains(errOut, "leave it empty") {
		t.Errorf("an output file is told it may be left empty: %s", errOut)
	}
	if _, err := os.Stat(out); err == nil {
		t.Error("a template was written under a name --template refuses")
	}
}

// With the writer: a Word file with endnotes, on Attaché's own template
// written by 'attache template' and given back with --template.
func TestExportDOCXWithTheWriter(t *testing.T) {
	t.Parallel()
	db, id, _ := composedBriefing(t)
	dir := t.TempDir()
	house := filepath.Join(dir, "House.dotx")
	mustRun(t, db, "template", "--out", house)
	if err := export.CheckTemplate(house); err != nil {
		t.Fatalf("the template written is refused: %v", err)
	}
	out := filepath.Join(dir, "brief.docx")
	mustRun(t, db, "export", itoa(id), "--out", out, "--notes", "endnotes", "--template", house)
	b := readFile(t, out)
	if !strings.HasPrefix(b, "PK") || !strings.Contains(b, "word/endnotes.xml") {
		t.Errorf("the Word file has no endnotes part: %.80q", b)
	}
}
