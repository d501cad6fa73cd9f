package acceptance

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// importThroughDialog imports path with File → Import files, through the
// file dialog as the analyst would.
func (s *session) importThroughDialog(path string) {
	s.t.Helper()
	s.menu("File", "Import files")
	s.do("pick %s in the file dialog", path)
	s.waitNode("the file dialog", typ("Button"), text("Open"), inLayer("overlay"))
	tr := s.tree()
	if e := tr.find(typ("Entry"), inLayer("overlay"), shown(), enabled()); e != nil {
		// A dialog that takes a typed path: type it.
		s.click(e)
		s.typeText(path)
		s.key("Return")
		return
	}
	// Fyne's open dialog has no path field: it opens in the home folder,
	// where the file is; click it, then Open.
	name := filepath.Base(path)
	s.clickOn("the file in the file dialog", anyOf(typ("Label"), typ("Text")),
		anyOf(text(name), text(strings.TrimSuffix(name, filepath.Ext(name)))), inLayer("overlay"), shown())
	s.clickOn("the dialog's Open button", append(button("Open"), enabled(), inLayer("overlay"))...)
}

// A briefing file (the interchange format) is a briefing whichever way it
// comes in: the command line and the window's import both add it to
// Briefings, and neither stores it as a text source.
func TestBriefingFileImportsAsBriefingEverywhere(t *testing.T) {
	s := start(t, nil)
	s.do("decline the welcome offer")
	s.clickOn("the welcome dialog's No", append(button("No"), inLayer("overlay"))...)
	s.noOverlay("the welcome dialog closes")
	file := filepath.Join(s.dir, "cafe.json")
	b, err := os.ReadFile("../interchange/testdata/handwritten.json")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(file, b, 0o644); err != nil {
		t.Fatal(err)
	}
	count := func() (briefings, fileSources int) {
		for _, b := range s.briefings() {
			if b.Title == "Café closures" {
				briefings++
			}
		}
		for _, src := range s.sources() {
			if strings.EqualFold(src.Title, "cafe") {
				fileSources++
			}
		}
		return briefings, fileSources
	}

	s.do("import the briefing file with the command line")
	s.cli("import", file)
	if b, f := count(); b != 1 || f != 0 {
		s.fail("after attache import cafe.json: %d briefings “Café closures”, %d sources made of the file; want 1 and 0", b, f)
	}
	sources := len(s.sources())

	s.do("import the same file through the window")
	s.importThroughDialog(file)
	s.waitNode("the import's report", typ("Label"), textContains("added to Briefings"), inLayer("overlay"))
	s.key("Return")
	s.noOverlay("the report closes")
	s.waitLibrary("a second briefing “Café closures”, its sources found already in the library", func() bool {
		b, f := count()
		return b == 2 && f == 0 && len(s.sources()) == sources
	})
}

// File → Import folder… brings in every file of a folder Attaché reads,
// as `attache import FOLDER` does, and says what it left out.
func TestImportAFolderThroughTheWindow(t *testing.T) {
	s := start(t, nil)
	s.do("decline the welcome offer")
	s.clickOn("the welcome dialog's No", append(button("No"), inLayer("overlay"))...)
	s.noOverlay("the welcome dialog closes")
	dir := filepath.Join(s.dir, "reports")
	if err := os.MkdirAll(filepath.Join(dir, "older"), 0o755); err != nil {
		t.Fatal(err)
	}
	copyInto(t, chipsPath(t), dir)
	note := "Quad partners agree on a common list of critical minerals\n\nBy Test Analyst\n\nThe partners agreed on a list of twelve minerals.\n"
	for name, text := range map[string]string{"older/minerals.md": note, "notes.xyz": "not a format"} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	s.menu("File", "Import folder")
	s.waitNode("the folder dialog", typ("Button"), text("Open"), inLayer("overlay"))
	s.clickOn("the reports folder", anyOf(typ("Label"), typ("Text")), text("reports"), inLayer("overlay"), shown())
	s.clickOn("the dialog's Open button", append(button("Open"), enabled(), inLayer("overlay"))...)
	report := s.waitNode("the import's report", typ("Label"), textContains("Imported 2 files"), inLayer("overlay"))
	if !strings.Contains(report.Text, "Left out 1 file") {
		s.fail("the report does not say what it left out: %q", report.Text)
	}
	s.key("Return")
	s.noOverlay("the report closes")
	var titles []string
	for _, src := range s.sources() {
		titles = append(titles, src.Title)
	}
	if len(titles) != 2 {
		s.fail("the library holds %q; want the two files of the folder", titles)
	}
}
