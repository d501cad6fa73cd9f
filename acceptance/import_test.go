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
