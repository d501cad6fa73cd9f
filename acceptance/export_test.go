package acceptance

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/attache/attache/interchange"
	"github.com/attache/attache/internal/testbundle"
)

// choose picks option in the drop-down beside label in the open dialog.
func (s *session) choose(label, option string) {
	s.t.Helper()
	s.do("choose %s: %s", label, option)
	var sel *node
	s.waitFor("the "+label+" drop-down", 5*time.Second, func(tr *tree) bool {
		sel = entryBeside(tr, label, "Select", "dialogSelect")
		return sel != nil
	})
	if sel.Text == option {
		return
	}
	s.click(sel)
	s.clickOn(option+" in the "+label+" list", typ("Text"), text(option), inLayer("overlay"), shown(),
		func(n *node) bool { return n.Y > sel.Y+sel.H/2 || n.Y+n.H < sel.Y })
	s.waitFor("the "+label+" drop-down showing "+option, 5*time.Second, func(tr *tree) bool {
		n := entryBeside(tr, label, "Select", "dialogSelect")
		return n != nil && n.Text == option
	})
}

// exportAs exports the open briefing through Ctrl+E in the format and
// paper chosen in the form, and returns the file's path.
func (s *session) exportAs(format, paper string) string {
	s.t.Helper()
	s.do("export as %s with Ctrl+E", format)
	s.key("ctrl+e")
	s.waitNode("the export form", typ("Label"), text("Export briefing"), inLayer("overlay"))
	s.choose("Format", format)
	if paper != "" {
		s.choose("Paper", paper)
	}
	return s.finishExport()
}

// The export form lists the formats the command line knows and their
// options: a PDF on US Letter paper and a Markdown file, written through
// the window.
func TestExportFormatsAndPaperFromTheForm(t *testing.T) {
	s := start(t, nil)
	s.withSample()
	s.openSampleBriefing()
	help := s.cli("export", "--help")
	for _, f := range []string{"pdf", "md", "json"} {
		if !strings.Contains(help, f) {
			s.fail("attache export --help does not list %s: %s", f, help)
		}
	}
	pdf := s.exportAs("PDF", "US Letter")
	s.do("read the PDF's page size")
	info, err := exec.Command("pdfinfo", pdf).Output()
	if err != nil {
		s.fail("pdfinfo %s: %v", pdf, err)
	}
	if !strings.Contains(string(info), "612 x 792 pts") {
		s.fail("the PDF is not on US Letter paper: %s", info)
	}
	md := s.exportAs("Markdown", "")
	if !strings.HasSuffix(md, ".md") {
		s.fail("the Markdown export went to %s", md)
	}
	b, err := os.ReadFile(md)
	if err != nil || !strings.Contains(string(b), "# (U) "+sampleBriefing) {
		s.fail("the Markdown file lacks the briefing's title, marked (U) as the sample marks it (%v): %.300s", err, b)
	}
}

// longBriefing writes a briefing file of n excerpts, each a paragraph of
// one source size sentences long, for an export that takes seconds.
func longBriefing(t *testing.T, path string, n, size int) {
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := interchange.WriteJSON(f, testbundle.Long(n, size)); err != nil {
		t.Fatal(err)
	}
}

// Cancel in an import's progress dialog stops a long PDF within moments:
// nothing of it is imported, and the window answers at once. (An export
// of the same 700 pages takes under a second, too quick to cancel by
// hand; the app's tests cancel a larger one.)
func TestImportCancelStopsALongPDF(t *testing.T) {
	var pdf string
	s := start(t, func(s *session) {
		file := filepath.Join(s.dir, "long.json")
		longBriefing(s.t, file, 1500, 12)
		s.cli("briefing", "import", file)
		pdf = filepath.Join(s.dir, "long-report.pdf")
		s.cli("export", "1", "--out", pdf)
		if err := os.Remove(file); err != nil {
			s.t.Fatal(err)
		}
	})
	sources := len(s.sources())
	before := dirNames(t, s.dir)
	s.importThroughDialog(pdf)
	s.waitNode("the import's progress", typ("Label"), text("Importing"), inLayer("overlay"))
	time.Sleep(500 * time.Millisecond) // well into the pages
	s.clickOn("the progress dialog's Cancel", append(button("Cancel"), inLayer("overlay"))...)
	cancelled := time.Now()
	s.waitNode("the report that nothing was imported", typ("Label"), textContains("nothing of it was imported"), inLayer("overlay"))
	if d := time.Since(cancelled); d > 2*time.Second {
		s.fail("the import took %v to stop after Cancel", d)
	}
	s.key("Return")
	s.noOverlay("the report closes")
	s.do("check nothing was imported")
	time.Sleep(2 * time.Second) // an import that went on would have saved by now
	if n := len(s.sources()); n != sources {
		s.fail("%d sources after Cancel, %d before", n, sources)
	}
	if after := dirNames(t, s.dir); after != before {
		s.fail("files after Cancel: %s, before: %s", after, before)
	}
}

// dirNames lists a folder's entries, not the library's own files.
func dirNames(t *testing.T, dir string) string {
	es, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range es {
		if !strings.HasPrefix(e.Name(), "library.db") {
			names = append(names, e.Name())
		}
	}
	return strings.Join(names, ", ")
}
