package acceptance

import (
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"
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
	if err != nil || !strings.Contains(string(b), "# "+sampleBriefing) {
		s.fail("the Markdown file lacks the briefing's title (%v): %.300s", err, b)
	}
}
