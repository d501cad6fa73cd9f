package cli_test

import (
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/attache/attache/cli"
)

// Only web addresses are stored as a source's URL, whichever way one comes
// in: `import --url`, `source edit --url` and a briefing file.
func TestSourceURLMustBeAWebAddress(t *testing.T) {
	db := newDB(t)
	msg := fails(t, db, cli.ExitUsage, "import", "--url", "javascript:alert(1)", fiveGFile)
	wantContains(t, msg, `"javascript:alert(1)" is a javascript: address, not a web page`, "https://")
	mustRun(t, db, "import", "--url", "https://example.org/5g", fiveGFile)
	for _, bad := range []string{"javascript:alert(1)", "data:text/html,x", "file:///etc/passwd", "example.org/x"} {
		msg := fails(t, db, cli.ExitUsage, "source", "edit", "1", "--url", bad)
		wantContains(t, msg, "leave the address empty")
	}
	var got map[string]any
	runJSON(t, db, &got, "source", "show", "1")
	if got["url"] != "https://example.org/5g" {
		t.Fatalf("url = %q after refused edits", got["url"])
	}
	mustRun(t, db, "source", "edit", "1", "--url", " https://example.org/new ")
	runJSON(t, db, &got, "source", "show", "1")
	if got["url"] != "https://example.org/new" {
		t.Fatalf("url = %q", got["url"])
	}

	brief := filepath.Join(t.TempDir(), "from-someone.json")
	doc := `{"format": "attache-briefing", "version": 1,
  "briefing": {"title": "Theirs", "status": "draft", "date": "2024-05-11"},
  "sources": [
    {"key": "S1", "title": "Invented", "url": "javascript:alert(document.cookie)", "text": "Alpha beta gamma."}
  ],
  "blocks": [{"type": "excerpt", "source": "S1", "quote": "beta"}]
}`
	if err := os.WriteFile(brief, []byte(doc), 0o600); err != nil {
		t.Fatal(err)
	}
	msg = fails(t, db, cli.ExitError, "briefing", "import", brief)
	wantContains(t, msg, `source 1 (line 4): "url": the address "javascript:alert(document.cookie)" is a javascript: address`)
	var sources []map[string]any
	runJSON(t, db, &sources, "sources")
	if len(sources) != 1 {
		t.Fatalf("%d sources after the refused briefing file", len(sources))
	}
}

// A file: URL, as a file manager copies one, imports the file it names.
func TestImportAFileURL(t *testing.T) {
	db := newDB(t)
	abs, err := filepath.Abs(chipsFile)
	if err != nil {
		t.Fatal(err)
	}
	u := (&url.URL{Scheme: "file", Path: filepath.ToSlash(abs)}).String()
	out := mustRun(t, db, "import", u)
	wantContains(t, out, "Imported source 1")
	var got map[string]any
	runJSON(t, db, &got, "source", "show", "1")
	if got["url"] != "" || got["file_name"] != "chips.txt" {
		t.Errorf("url %q, file name %q", got["url"], got["file_name"])
	}
	msg := fails(t, db, cli.ExitError, "import", "file://server/share/x.txt")
	if strings.Contains(msg, "Imported") {
		t.Errorf("a file: URL on another computer was imported: %s", msg)
	}
}
