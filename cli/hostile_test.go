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
