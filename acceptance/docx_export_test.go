package acceptance

import (
	"archive/zip"
	"encoding/json"
	"html"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// zipText is the text of one part of the zip at path, tags taken out and
// entities read, as a reader of the document sees it; ok is false when
// the zip has no such part.
func zipText(t *testing.T, path, part string) (text string, raw string, ok bool) {
	t.Helper()
	r, err := zip.OpenReader(path)
	if err != nil {
		t.Fatalf("%s is not a zip: %v", path, err)
	}
	defer r.Close()
	for _, f := range r.File {
		if f.Name != part {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			t.Fatalf("%s in %s: %v", part, path, err)
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatalf("%s in %s: %v", part, path, err)
		}
		raw = string(b)
		// A paragraph's end is a space, so words of two paragraphs do
		// not run together; runs within one are joined as Word shows them.
		spaced := regexp.MustCompile(`</w:p>`).ReplaceAllString(raw, " ")
		return html.UnescapeString(regexp.MustCompile(`<[^>]*>`).ReplaceAllString(spaced, "")), raw, true
	}
	return "", "", false
}

// endnote is a note of endnotes.xml, not one of Word's separators.
var endnote = regexp.MustCompile(`<w:endnote\b[^>]*>`)

// Issue #18: the open briefing exported as Word through the export form,
// citations as endnotes. The file is a .docx whose document holds the
// briefing's title and whose endnotes hold the citations; the choice of
// endnotes is kept in the settings and offered by the next export.
func TestExportWordWithEndnotesFromTheForm(t *testing.T) {
	s := start(t, nil)
	s.withSample()
	s.openSampleBriefing()
	s.do("export as Word with Ctrl+E, citations as endnotes")
	s.key("ctrl+e")
	s.waitNode("the export form", typ("Label"), text("Export briefing"), inLayer("overlay"))
	s.choose("Format", "Word (DOCX)")
	s.waitNode("the file's extension, .docx, after its name", typ("Label"), text(".docx"), inLayer("overlay"))
	s.choose("Citations as", "Endnotes")
	path := s.finishExport()

	s.do("read the Word file %s", path)
	if !strings.HasSuffix(path, ".docx") || !exists(path) {
		s.fail("the Word export went to %s (there: %v)", path, exists(path))
	}
	doc, _, ok := zipText(t, path, "word/document.xml")
	if !ok || !strings.Contains(doc, sampleBriefing) {
		s.fail("word/document.xml (there: %v) lacks the briefing's title %q: %.400s", ok, sampleBriefing, doc)
	}
	notes, raw, ok := zipText(t, path, "word/endnotes.xml")
	n := 0
	for _, tag := range endnote.FindAllString(raw, -1) {
		if !strings.Contains(tag, "w:type=") {
			n++
		}
	}
	if !ok || n == 0 || strings.TrimSpace(notes) == "" {
		s.fail("word/endnotes.xml (there: %v) holds %d notes: %.400s", ok, n, raw)
	}
	if _, fraw, _ := zipText(t, path, "word/footnotes.xml"); regexp.MustCompile(`<w:footnote\b[^>]*w:id="[1-9]`).MatchString(fraw) &&
		!strings.Contains(fraw, "separator") {
		s.fail("citations as endnotes, yet the footnotes hold notes: %.400s", fraw)
	}

	s.do("read the choice kept in the settings")
	settings := filepath.Join(s.dir, "config", "attache", "settings.json")
	var kept map[string]any
	deadline := time.Now().Add(5 * time.Second)
	for {
		b, err := os.ReadFile(settings)
		kept = nil
		if err == nil && json.Unmarshal(b, &kept) == nil && kept["exportLast.notes"] == "Endnotes" {
			break
		}
		if time.Now().After(deadline) {
			s.fail("the settings do not keep Endnotes as the last choice: %v (%v)", kept, err)
		}
		time.Sleep(200 * time.Millisecond)
	}

	s.do("export again: the form offers Word with endnotes")
	s.key("ctrl+e")
	s.waitNode("the export form", typ("Label"), text("Export briefing"), inLayer("overlay"))
	s.waitFor("Word with endnotes in the form", 5*time.Second, func(tr *tree) bool {
		f, n := entryBeside(tr, "Format", "Select", "dialogSelect"), entryBeside(tr, "Citations as", "Select", "dialogSelect")
		return f != nil && n != nil && f.Text == "Word (DOCX)" && n.Text == "Endnotes"
	})
	s.key("Escape")
	s.noOverlay("the export form closes")
}
