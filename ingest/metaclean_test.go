package ingest

import (
	"bytes"
	"strings"
	"testing"

	"github.com/attache/attache/domain"
)

// wantCleanMetadata fails when a metadata field of src still holds a
// control character, or when the store would refuse src.
func wantCleanMetadata(t *testing.T, src *domain.Source) {
	t.Helper()
	fields := append([]string{src.Title, src.Subtitle, src.Section, src.Publisher, src.URL, src.Language, src.FileName}, src.Authors...)
	for _, f := range fields {
		if strings.ContainsFunc(f, domain.IsControl) {
			t.Errorf("metadata %q keeps a control character", f)
		}
	}
	if err := src.Validate(); err != nil {
		t.Errorf("the store would refuse the import: %v", err)
	}
}

// Metadata a file carries is cleaned of control characters and fitted to
// the field limits, whatever the format: the analyst did not type it, so
// the import goes ahead (main refused nothing but stored ESC sequences).
func TestExtractedMetadataIsCleaned(t *testing.T) {
	const esc = "\x1b]0;pwned\x07\x1b[2J"
	t.Run("html", func(t *testing.T) {
		page := "<html><head><title>Chip " + esc + "controls</title><meta name=author content=\"Ann\u009b31m Lee\">" +
			"</head><body><p>The export rules tightened again this week, officials said in a statement.</p></body></html>"
		src, _, err := Import("page"+esc+".html", strings.NewReader(page), Options{})
		if err != nil {
			t.Fatal(err)
		}
		wantCleanMetadata(t, src)
		if src.Title != "Chip ]0;pwned[2Jcontrols" || src.FileName != "page]0;pwned[2J.html" {
			t.Errorf("title %q, file name %q", src.Title, src.FileName)
		}
	})
	t.Run("runaway title", func(t *testing.T) {
		page := "<html><head><title>" + strings.Repeat("Long ", 200_000) + "</title></head><body>" +
			"<p>The export rules tightened again this week, officials said in a statement.</p></body></html>"
		src, rep, err := Import("page.html", strings.NewReader(page), Options{})
		if err != nil {
			t.Fatal(err)
		}
		wantCleanMetadata(t, src)
		if n := len([]rune(src.Title)); n != domain.SourceTitle.Max {
			t.Errorf("title of %d characters, want it cut to %d", n, domain.SourceTitle.Max)
		}
		if !strings.Contains(strings.Join(rep.Warnings, "\n"), "the source title was 999,999 characters long, more than the 500 allowed, so it was cut short") {
			t.Errorf("no warning of the cut: %q", rep.Warnings)
		}
	})
	t.Run("text file name", func(t *testing.T) {
		src, rep, err := Import("\x1b[2J"+esc+".txt", strings.NewReader("no title line here, only a sentence of text that runs on.\n\nAnd more."), Options{})
		if err != nil {
			t.Fatal(err)
		}
		wantCleanMetadata(t, src)
		if src.Title != "[2J]0;pwned[2J" || len(rep.Warnings) != 1 {
			t.Errorf("title %q, warnings %q", src.Title, rep.Warnings)
		}
	})
	t.Run("docx", func(t *testing.T) {
		doc := buildDOCX(t, map[string]string{
			"word/document.xml": documentXML(para("", run("Body text of the memo, long enough to be prose and not a title."))),
			"docProps/core.xml": coreXML(map[string]string{"dc:title": "Props \u009b31mTitle\u0085", "dc:creator": "Jane\u0080 Doe"})})
		src, _, err := Import("memo.docx", bytes.NewReader(doc), Options{})
		if err != nil {
			t.Fatal(err)
		}
		wantCleanMetadata(t, src)
		if src.Title != "Props 31mTitle" {
			t.Errorf("title %q", src.Title)
		}
	})
	t.Run("pdf", func(t *testing.T) {
		fx := reportFixture()
		fx.cover, fx.title, fx.author = nil, "Grid "+esc+"Resilience\u009b2J", "Ann\x1b[31m Smith"
		src, _ := importFX(t, fx)
		wantCleanMetadata(t, src)
		if !strings.Contains(src.Title, "Resilience") {
			t.Errorf("title %q: the document's title was not used", src.Title)
		}
	})
}
