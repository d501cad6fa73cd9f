package cli_test

import (
	"database/sql"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	_ "github.com/mattn/go-sqlite3"

	"github.com/attache/attache/cli"
)

// rawControls are the bytes that must never reach a terminal from data:
// ESC, BEL, CSI in UTF-8 (U+009B), DEL, CR and a bidi override.
var rawControls = []string{"\x1b", "\x07", "\u009b", "\x7f", "\r", "\u202e"}

func wantNoRawControls(t *testing.T, what, out string) {
	t.Helper()
	for _, c := range rawControls {
		if strings.Contains(out, c) {
			t.Errorf("%s prints %q raw:\n%q", what, c, out)
		}
	}
}

// A saved web page whose title and file name carry terminal escape
// sequences is imported with them removed from the metadata, and nothing
// printed carries them.
func TestImportedEscapeSequencesNeverReachTheTerminal(t *testing.T) {
	db := newDB(t)
	dir := t.TempDir()
	page := "<html><head><title>Chip \x1b]0;pwned\x07 controls\x1b[2J</title></head><body>" +
		"<h1>Chip \x1b]0;pwned\x07 controls\x1b[2J</h1><p>The export rules tightened again this week, officials said.</p>" +
		"<p>Vendors expect further licences to be refused before the summer.</p></body></html>"
	file := writeFile(t, dir, "page\x1b[2J\x1b]0;x\x07.html", []byte(page))
	out, errOut, code := run(t, db, "import", file)
	wantExit(t, code, cli.ExitOK, errOut)
	wantNoRawControls(t, "import", out+errOut)
	wantContains(t, out, "Imported source 1: Chip ]0;pwned controls[2J")

	s := showSource(t, db, 1)
	if s.Title != "Chip ]0;pwned controls[2J" || s.FileName != "page[2J]0;x.html" {
		t.Errorf("stored title %q, file name %q: control characters kept", s.Title, s.FileName)
	}
	for _, args := range [][]string{{"sources"}, {"source", "show", "1"}, {"search", "chip"}} {
		out, errOut, _ := run(t, db, args...)
		wantNoRawControls(t, strings.Join(args, " "), out+errOut)
	}
	// The file name in an error message is escaped too.
	errOut = fails(t, db, cli.ExitError, "import", filepath.Join(dir, "gone\x1b[2J.txt"))
	wantNoRawControls(t, "import error", errOut)
	wantContains(t, errOut, `gone\x1b[2J.txt`)
}

// Control characters the analyst types are refused, naming the field; a
// bidi override, which right-to-left text may need, is kept and shown
// escaped on the terminal.
func TestTypedControlsRefusedAndBidiShownEscaped(t *testing.T) {
	db := newDB(t)
	id := importOne(t, db, chipsFile).ID
	errOut := fails(t, db, cli.ExitError, "source", "edit", itoa(id), "--title", "Chips\x1b]0;owned\x07")
	wantContains(t, errOut, "the source title holds an invisible control character (U+001B, escape) at character 6")
	wantNoRawControls(t, "refusal", errOut)
	fails(t, db, cli.ExitError, "source", "edit", itoa(id), "--author", "Ann", "--author", "Bob\u009b2J")
	fails(t, db, cli.ExitError, "import", fiveGFile, "--publisher", "Pub\x7f")
	b := newBriefing(t, db, "Outlook")
	wantContains(t, fails(t, db, cli.ExitError, "briefing", "edit", itoa(b), "--summary", "ok\x1b[2J"), "the bottom line holds")
	wantContains(t, fails(t, db, cli.ExitError, "briefing", "add", itoa(b), "--commentary", "\x1bc"), "the commentary holds")
	wantContains(t, fails(t, db, cli.ExitError, "excerpt", "add", "--source", itoa(id), "--quote", "small yard, high fence", "--tag", "red\x1b[31m"), "the tag holds")

	mustRun(t, db, "source", "edit", itoa(id), "--title", "Report \u202etxt.exe\u202c")
	for _, args := range [][]string{{"sources"}, {"source", "show", itoa(id)}} {
		out := mustRun(t, db, args...)
		wantNoRawControls(t, strings.Join(args, " "), out)
		wantContains(t, out, `Report \u202etxt.exe\u202c`)
	}
	// JSON stays exact: the same title once decoded, with no raw override.
	out := mustRun(t, db, "source", "show", itoa(id), "--json")
	wantNoRawControls(t, "--json", out)
	if s := showSource(t, db, id); s.Title != "Report \u202etxt.exe\u202c" {
		t.Errorf("JSON title %q", s.Title)
	}
}

// A library written before the rules may hold raw escapes: every printer
// shows them escaped, and --json decodes to exactly what is stored.
func TestOldLibraryEscapesPrintedEscaped(t *testing.T) {
	db := newDB(t)
	id := importOne(t, db, chipsFile).ID
	evil := "Chips \x1b]0;pwned\x07\x1b[2J\r\u009b31m\x7f done"
	note := "line one\nline \x1b[31mtwo"
	rawSQL(t, db, `UPDATE sources SET title = ?, notes = ?, authors = json_array(?) WHERE id = ?`, evil, note, evil, id)
	e := addExcerpt(t, db, id, "small yard, high fence")
	rawSQL(t, db, `UPDATE excerpts SET note = ? WHERE id = ?`, note, e.ID)
	b := newBriefing(t, db, "Outlook")
	mustRun(t, db, "briefing", "add", itoa(b), "--excerpt", itoa(e.ID))
	rawSQL(t, db, `UPDATE briefings SET title = ?, summary = ? WHERE id = ?`, evil, note, b)

	for _, args := range [][]string{{"sources"}, {"source", "show", itoa(id)}, {"excerpts"}, {"excerpt", "show", itoa(e.ID)},
		{"briefing", "list"}, {"briefing", "show", itoa(b)}, {"trash"}} {
		out, errOut, code := run(t, db, args...)
		wantExit(t, code, cli.ExitOK, errOut)
		wantNoRawControls(t, strings.Join(args, " "), out+errOut)
	}
	out := mustRun(t, db, "source", "show", itoa(id))
	wantContains(t, out, `Chips \x1b]0;pwned\x07\x1b[2J\x0d\u009b31m\x7f done`, "line one\nline \\x1b[31mtwo")

	for _, args := range [][]string{{"source", "show", itoa(id)}, {"sources"}, {"briefing", "show", itoa(b)}} {
		out := mustRun(t, db, append(args, "--json")...)
		wantNoRawControls(t, strings.Join(args, " ")+" --json", out)
		if !json.Valid([]byte(out)) {
			t.Fatalf("%v --json is not JSON:\n%s", args, out)
		}
	}
	if s := showSource(t, db, id); s.Title != evil || s.Notes != note || len(s.Authors) != 1 || s.Authors[0] != evil {
		t.Errorf("JSON decodes to %q / %q / %q, not what is stored", s.Title, s.Notes, s.Authors)
	}
}

// rawSQL changes the library behind the store's back, as an older
// version without the rules could have written it.
func rawSQL(t *testing.T, path, query string, args ...any) {
	t.Helper()
	db, err := sql.Open("sqlite3", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Exec(query, args...); err != nil {
		t.Fatalf("%s: %v", query, err)
	}
}

// Over-long values are refused at every entrance with the field, the
// limit and the length given; values at the limit are stored.
func TestFieldLimitsAtEveryEntrance(t *testing.T) {
	db := newDB(t)
	long := strings.Repeat("t", 501)
	errOut := fails(t, db, cli.ExitError, "briefing", "new", "--title", long)
	wantContains(t, errOut, "the briefing title is 501 characters long, more than the 500 allowed")
	b := newBriefing(t, db, strings.Repeat("t", 500))
	wantContains(t, fails(t, db, cli.ExitError, "briefing", "edit", itoa(b), "--derived-from", strings.Repeat("d", 201)), "a line of the classification authority block is 201 characters long, more than the 200 allowed")
	// The overall marking is no longer free text: a long one is no marking.
	wantContains(t, fails(t, db, cli.ExitUsage, "briefing", "edit", itoa(b), "--scheme", "us", "--classification", strings.Repeat("S", 101)), "is not a US marking: use UNCLASSIFIED")
	wantContains(t, fails(t, db, cli.ExitError, "briefing", "add", itoa(b), "--heading", long), "the heading is 501")
	id := importOne(t, db, chipsFile).ID
	wantContains(t, fails(t, db, cli.ExitError, "import", fiveGFile, "--title", long), "the source title is 501")
	wantContains(t, fails(t, db, cli.ExitError, "source", "edit", itoa(id), "--url", "https://example.org/"+strings.Repeat("q", 8000)), "the web address is 8,020 characters long, more than the 8,000 allowed")
	wantContains(t, fails(t, db, cli.ExitError, "source", "edit", itoa(id), "--notes", strings.Repeat("n", 10_001)), "the note on the source is 10,001 characters long")
	wantContains(t, fails(t, db, cli.ExitError, "excerpt", "add", "--source", itoa(id), "--quote", "small yard, high fence", "--tag", strings.Repeat("t", 101)), "the tag is 101 characters long, more than the 100 allowed")
	e := addExcerpt(t, db, id, "small yard, high fence")
	wantContains(t, fails(t, db, cli.ExitError, "excerpt", "edit", itoa(e.ID), "--note", strings.Repeat("n", 10_001)), "the excerpt note is 10,001")

	// A version's label (often made from an export's file name) is cleaned
	// and cut, never refused: the version is what matters.
	mustRun(t, db, "briefing", "snapshot", itoa(b), "--label", "Exported to a\x1b[2J.pdf "+strings.Repeat("l", 600))
	var versions []struct {
		Label string `json:"label"`
	}
	runJSON(t, db, &versions, "briefing", "history", itoa(b))
	if len(versions) == 0 || !strings.HasPrefix(versions[0].Label, "Exported to a[2J.pdf lll") || len([]rune(versions[0].Label)) != 500 {
		t.Errorf("versions %+v", versions)
	}

	// A briefing file with a 1 MB title is refused as it is read, saying where.
	file := filepath.Join(t.TempDir(), "big.json")
	doc := `{"format": "attache-briefing", "version": 1, "briefing": {"title": "` + strings.Repeat("x", 1_000_000) + `"}}`
	if err := os.WriteFile(file, []byte(doc), 0o600); err != nil {
		t.Fatal(err)
	}
	wantContains(t, fails(t, db, cli.ExitError, "briefing", "import", file), "briefing (line 1): the briefing title is 1,000,000 characters long, more than the 500 allowed")
}
