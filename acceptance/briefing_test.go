package acceptance

import (
	"fmt"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"
)

// within is how soon a change must show in every visible view. The probe's
// round trip (well under 100 ms) counts against it.
const within = time.Second

// openSampleBriefing shows the Briefings view and selects the sample
// briefing, waiting for the composer to hold it.
func (s *session) openSampleBriefing() {
	s.t.Helper()
	s.showView("Briefings")
	s.do("select the sample briefing")
	s.clickOn("the sample briefing's row", typ("Label"), textPrefix(sampleBriefing), inLayer("content"), shown())
	s.waitFor("the composer shows the sample briefing", 5*time.Second, func(tr *tree) bool {
		return tr.find(typ("Entry"), placeholder("Title"), textPrefix(sampleBriefing), shown()) != nil
	})
}

// tab clicks a tab of the composer by its text.
func (s *session) tab(name string) {
	s.t.Helper()
	s.clickOn("the "+name+" tab", typ("tabButton"), text(name), inLayer("content"), shown())
}

// mentions tells whether the preview's text holds s; the preview sets
// titles and headings in capitals.
func mentions(preview, s string) bool {
	return strings.Contains(strings.ToUpper(preview), strings.ToUpper(s))
}

// preview is the visible preview's text (the text of its pages), or "".
func preview(tr *tree) (string, bool) {
	r := tr.find(typ("PageView"), shown())
	if r == nil {
		return "", false
	}
	return r.Text, true
}

// Scenario 6: the briefings list and the preview follow the selected
// briefing and each edit within a second.
func TestListAndPreviewFollow(t *testing.T) {
	s := start(t, nil)
	s.withSample()
	s.openSampleBriefing()
	s.do("preview the sample briefing")
	s.tab("Preview")
	s.waitFor("the preview shows the sample briefing", 3*time.Second, func(tr *tree) bool {
		p, ok := preview(tr)
		return ok && mentions(p, sampleBriefing)
	})
	s.do("start a new briefing with Ctrl+N")
	s.key("ctrl+n")
	s.waitFor("the composer shows the new, untitled briefing", 5*time.Second, func(tr *tree) bool {
		return tr.find(typ("Entry"), placeholder("Title"), not(textPrefix(sampleBriefing)), shown()) != nil ||
			tr.find(typ("tabButton"), text("Compose"), shown()) != nil && tr.find(typ("Entry"), placeholder("Title"), shown()) == nil
	})
	s.do("preview the new briefing")
	if _, ok := preview(s.tree()); !ok {
		s.tab("Preview")
	}
	s.waitSoft("the preview no longer shows the sample briefing after Ctrl+N", within, func(tr *tree) bool {
		p, ok := preview(tr)
		return ok && !mentions(p, sampleBriefing)
	})
	s.do("type the new briefing's title")
	s.tab("Compose")
	s.focusEntry("the Title field", typ("Entry"), placeholder("Title"), inLayer("content"))
	s.replaceText("Second look")
	s.waitSoft("the briefings list shows the typed title", within, func(tr *tree) bool {
		return tr.find(typ("Label"), text("Second look"), inLayer("content"), shown()) != nil
	})
	s.addBlock("Heading", "Alpha")
	s.do("see the block counted in the list")
	s.waitSoft("the list's row counts the new block", within, func(tr *tree) bool {
		// The row's details ("Draft · 1 block · 2 words · edited …"), not
		// the composer's own count below it ("1 block · 2 words · …").
		return tr.find(typ("Label"), textContains("· 1 block ·"), inLayer("content"), shown()) != nil
	})
	s.do("see the edits in the preview")
	s.tab("Preview")
	s.waitSoft("the preview shows the typed title and heading", within, func(tr *tree) bool {
		p, ok := preview(tr)
		return ok && mentions(p, "Second look") && mentions(p, "Alpha")
	})
	s.do("select the sample briefing again")
	s.clickOn("the sample briefing's row", typ("Label"), textPrefix(sampleBriefing), inLayer("content"), shown())
	s.waitSoft("the preview follows back to the sample briefing", within+500*time.Millisecond, func(tr *tree) bool {
		p, ok := preview(tr)
		if !ok {
			return tr.find(typ("Entry"), placeholder("Title"), textPrefix(sampleBriefing), shown()) != nil
		}
		return mentions(p, sampleBriefing) && !mentions(p, "Second look")
	})
	s.do("see no block selection carried over from Second look")
	s.tab("Compose")
	s.waitSoft("no dead block selection in the sample briefing", within, func(tr *tree) bool {
		return deadSelection(tr) == ""
	})
}

// deadSelection describes a block row shown selected in the composer
// without the block editor showing that block, or returns "".
func deadSelection(tr *tree) string {
	title := tr.find(typ("Entry"), placeholder("Title"), inLayer("content"), shown())
	if title == nil {
		return ""
	}
	for _, row := range tr.all(typ("listItem"), inLayer("content"), shown()) {
		if !row.Selected || row.X < title.X {
			continue
		}
		label := tr.find(typ("Label"), inside(row))
		ed := editorEntry(tr)
		if label == nil {
			return "a selected row without text"
		}
		if ed == nil || !strings.Contains(label.Text, clip(ed.Text, 20)[:min(len(ed.Text), 20)]) {
			return fmt.Sprintf("the row %q is selected but the editor shows %v", label.Text, ed)
		}
	}
	return ""
}

// Scenario 7: export to PDF through the dialog; the PDF holds the typed
// title; exporting again to the same file asks first.
func TestExportAsksBeforeReplacing(t *testing.T) {
	s := start(t, nil)
	s.withSample()
	s.openSampleBriefing()
	s.do("type into the title")
	s.focusEntry("the Title field", typ("Entry"), placeholder("Title"), inLayer("content"))
	s.key("End")
	s.typeText(" Acceptance")
	var id int64
	for _, b := range s.briefings() {
		id = b.ID
	}
	title := ""
	s.waitLibrary("the typed title", func() bool {
		title = s.briefing(id).Title
		return strings.HasSuffix(title, " Acceptance")
	})
	pdf := s.exportPDF()
	s.do("read the PDF")
	out, err := exec.Command("pdftotext", pdf, "-").Output()
	if err != nil {
		s.fail("pdftotext %s: %v", pdf, err)
	}
	if !strings.Contains(strings.Join(strings.Fields(string(out)), " "), title) {
		s.fail("the PDF does not hold the typed title %q: %s", title, clip(string(out), 300))
	}
	before, _ := os.Stat(pdf)
	s.do("export again to the same file")
	s.key("ctrl+e")
	s.clickOn("the export form's Export", append(button("Export"), inLayer("overlay"))...)
	asked := s.waitFor("a question before replacing "+pdf, 10*time.Second, func(tr *tree) bool {
		return exportedDialog(tr) != "" || replaceQuestion(tr) != nil
	})
	if done := exportedDialog(asked); done != "" {
		s.fail("exporting again replaced %s without asking", done)
	}
	if after, err := os.Stat(pdf); err != nil || !after.ModTime().Equal(before.ModTime()) {
		s.fail("the PDF changed before the question was answered")
	}
}

// exportPDF exports the open briefing through Ctrl+E and the form, answers
// the pre-export checks, and returns the PDF's path.
func (s *session) exportPDF() string {
	s.t.Helper()
	s.do("export with Ctrl+E")
	s.key("ctrl+e")
	s.waitNode("the export form", typ("Label"), text("Export briefing"), inLayer("overlay"))
	return s.finishExport()
}

// finishExport presses the open export form's Export, answers the checks
// before exporting, and returns the path the Exported dialog names.
func (s *session) finishExport() string {
	s.t.Helper()
	s.clickOn("the export form's Export", append(button("Export"), inLayer("overlay"))...)
	var path string
	s.waitFor("the Exported dialog", 30*time.Second, func(tr *tree) bool {
		if path = exportedDialog(tr); path != "" {
			return true
		}
		// The checks before exporting list notices (empty sections and
		// the like) in "Before you export:": export.
		if q := tr.find(typ("Label"), text("Before you export:"), inLayer("overlay")); q != nil {
			if y := tr.find(append(button("Export"), inLayer("overlay"))...); y != nil {
				s.click(y)
			}
		}
		return false
	})
	s.clickOn("the Exported dialog's Close", append(button("Close"), inLayer("overlay"))...)
	s.noOverlay("the Exported dialog closes")
	return path
}

// exportedDialog returns the path the Exported dialog names, or "".
func exportedDialog(tr *tree) string {
	if l := tr.find(typ("Label"), textPrefix("Saved "), inLayer("overlay")); l != nil {
		return strings.TrimPrefix(l.Text, "Saved ")
	}
	return ""
}

// replaceQuestion finds a dialog asking whether to replace an existing
// file.
func replaceQuestion(tr *tree) *node {
	return tr.find(typ("Label"), func(n *node) bool {
		t := strings.ToLower(n.Text)
		return strings.Contains(t, "exist") || strings.Contains(t, "replace") || strings.Contains(t, "overwrite")
	}, inLayer("overlay"))
}
