package ingest

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/attache/attache/domain"
)

// want describes what importing a fixture must give. Empty fields are
// expected empty, except Text checks, which are by substring.
type want struct {
	format, encoding                    string
	kind                                domain.SourceKind
	title, subtitle, section, publisher string
	url, lang, published                string
	authors                             []string
	dups                                int
	prefix                              string   // Text starts with
	has, hasNot, detected, warns        []string // substrings of Text / Detected / Warnings
}

func TestImportFixtures(t *testing.T) {
	tests := []struct {
		file string
		want want
	}{
		{"chip-controls.txt", want{
			format: "text", encoding: "utf-8", kind: domain.KindArticle,
			title: "Why Chip Export Controls Keep Tightening", section: "SEMICONDUCTORS",
			authors: []string{"Jane Q. Analyst", "Omar Haddad"}, published: "2025-03-03", dups: 1,
			prefix: "Each round of export rules",
			has:    []string{"measure.\u00a0 Industry", "’tightens the net’", "“necessary evil”", " — a step", "consulted – though", "agreed…"},
			hasNot: []string{"SEMICONDUCTORS", "By Jane", "Published", "\n\n\n"},
			detected: []string{`title: "Why Chip Export Controls Keep Tightening" (first line)`, "section label: SEMICONDUCTORS (line above the title)",
				"authors: Jane Q. Analyst and Omar Haddad (byline)", `published: 2025-03-03 (from "Published 3 March 2025")`},
			warns: []string{"removed 1 repeated paragraph"},
		}},
		{"cables-kicker-line.txt", want{
			format: "text", encoding: "utf-8", kind: domain.KindArticle,
			title: "Undersea Cables Become a Strategic Asset", section: "TECH POLICY",
			subtitle: "Governments now treat data links the way they once treated pipelines.",
			authors:  []string{"Ana de la Cruz"}, published: "2024-09-03",
			prefix: "Cable repair ships are few, old and slow.\u00a0 A single cut can take weeks to mend,\nand most",
			hasNot: []string{"Senior Fellow", "Posted", "TECH POLICY"},
		}},
		{"minutes-no-title.txt", want{
			format: "text", encoding: "utf-8", kind: domain.KindArticle, title: "Minutes no title",
			prefix: "The working group met on Tuesday", warns: []string{"no title found"},
			has: []string{"delays.\nMembers agreed"},
		}},
		{"ai-safety.md", want{
			format: "markdown", encoding: "utf-8", kind: domain.KindArticle,
			title: "Frontier AI Safety Institutes Compared", subtitle: "Four countries, four mandates",
			section: "AI GOVERNANCE", authors: []string{"Lena Fischer", "Kwame Mensah"}, published: "2024-11-19",
			publisher: "Policy Review Weekly", url: "https://example.org/ai-safety-institutes", lang: "en-GB",
			prefix: "Governments have created safety institutes to test advanced models before release.\u00a0 Their mandates differ.\n\nBudgets\n\nThe UK institute has",
			has: []string{"\n\n• Testing of frontier models\n\n• Research on evaluations\n\n1. First priority\n\n2. Second priority\n\n",
				"\n\n“We are building the science as we go,” said one official — a candid admission.\n\n",
				"the US one", "code_block_kept *as is*"},
			hasNot:   []string{"editor's note", "chart.png", "Chart of budgets", "](", "**", "# ", "```", "---"},
			detected: []string{`title: "Frontier AI Safety Institutes Compared" (front matter title)`},
		}},
		{"heading-byline.md", want{
			format: "markdown", encoding: "utf-8", kind: domain.KindArticle,
			title: "Grid Security After the Storms", authors: []string{"Priya Raman", "Tom O’Neill"},
			published: "2024-05-11", dups: 1,
			prefix:   "Utilities have asked regulators for faster approval of hardening projects.\n\nRegulators say",
			detected: []string{`title: "Grid Security After the Storms" (first # heading)`},
		}},
		{"jsonld-article.html", want{
			format: "html", encoding: "utf-8", kind: domain.KindWebPage,
			title: "Ports, Power and Patience", subtitle: "Why port investments are a long game", section: "MARITIME",
			publisher: "The Harbour Ledger", url: "https://ledger.example.com/ports-power-patience", lang: "en-AU",
			authors: []string{"Mara Lindqvist", "Dev Patel"}, published: "2024-02-29", dups: 1,
			prefix: "Port concessions are signed for decades, which makes them a patient instrument of influence.\u00a0Few other",
			has: []string{"done.\n\nWho builds, who operates\n\nThe builder", "— and it’s the operator\nwho sees",
				"\n\n• Construction contracts\n\n• Operating concessions\n\n1. Survey\n\n2. Build\n\n“A port is"},
			hasNot:   []string{"Home", "Subscribe", "Advertisement", "not text", "color", "rights reserved", "By Mara"},
			detected: []string{`title: "Ports, Power and Patience" (JSON-LD headline)`, "authors: Mara Lindqvist and Dev Patel (JSON-LD author)"},
		}},
		{"og-only.htm", want{
			format: "html", encoding: "utf-8", kind: domain.KindWebPage,
			title: "Satellites et souveraineté", publisher: "Le Veilleur", url: "https://veilleur.example.fr/satellites",
			lang: "fr", authors: []string{"Claire Dubois"}, published: "2023-12-05",
			prefix: "Les constellations de satellites changent la donne pour les États",
			has:    []string{"\n\nL’Europe finance"},
			hasNot: []string{"Le Veilleur"},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			src, rep, err := ImportFile(filepath.Join("testdata", tt.file), Options{})
			if err != nil {
				t.Fatalf("import: %v", err)
			}
			checkSource(t, src, rep, tt.file, tt.want)
		})
	}
}

func checkSource(t *testing.T, src *domain.Source, rep *Report, file string, w want) {
	t.Helper()
	checkText(t, src.Text)
	eq := func(field, got, want string) {
		t.Helper()
		if got != want {
			t.Errorf("%s = %q, want %q", field, got, want)
		}
	}
	eq("Format", rep.Format, w.format)
	eq("Encoding", rep.Encoding, w.encoding)
	eq("Kind", string(src.Kind), string(w.kind))
	eq("Title", src.Title, w.title)
	eq("Subtitle", src.Subtitle, w.subtitle)
	eq("Section", src.Section, w.section)
	eq("Publisher", src.Publisher, w.publisher)
	eq("URL", src.URL, w.url)
	eq("Language", src.Language, w.lang)
	eq("Published", src.Published.String(), w.published)
	eq("FileName", src.FileName, file)
	if !slices.Equal(src.Authors, w.authors) && (len(src.Authors) > 0 || len(w.authors) > 0) {
		t.Errorf("Authors = %q, want %q", src.Authors, w.authors)
	}
	if rep.DuplicatesCollapsed != w.dups {
		t.Errorf("DuplicatesCollapsed = %d, want %d", rep.DuplicatesCollapsed, w.dups)
	}
	if !strings.HasPrefix(src.Text, w.prefix) {
		t.Errorf("Text starts %q, want prefix %q", head(src.Text, len(w.prefix)+20), w.prefix)
	}
	for _, s := range w.has {
		if !strings.Contains(src.Text, s) {
			t.Errorf("Text lacks %q:\n%s", s, src.Text)
		}
	}
	for _, s := range w.hasNot {
		if strings.Contains(src.Text, s) {
			t.Errorf("Text has %q:\n%s", s, src.Text)
		}
	}
	for _, s := range w.detected {
		if !slices.Contains(lines(rep.Detected), s) {
			t.Errorf("Detected lacks %q: %q", s, rep.Detected)
		}
	}
	for _, s := range w.warns {
		if !slices.ContainsFunc(rep.Warnings, func(x string) bool { return strings.Contains(x, s) }) {
			t.Errorf("Warnings lack %q: %q", s, rep.Warnings)
		}
	}
	if src.ID != 0 || src.SHA256 != "" || !src.ImportedAt.IsZero() {
		t.Errorf("Import set fields that belong to the store: %d %q %v", src.ID, src.SHA256, src.ImportedAt)
	}
	if err := src.Validate(); err != nil {
		t.Errorf("source does not validate: %v", err)
	}
}

// checkText asserts the layout every excerpt offset relies on.
func checkText(t *testing.T, text string) {
	t.Helper()
	switch {
	case text == "":
		t.Error("Text is empty")
	case !utf8.ValidString(text):
		t.Errorf("Text is not valid UTF-8: %q", text)
	case !norm.NFC.IsNormalString(text):
		t.Errorf("Text is not NFC: %q", text)
	case strings.Contains(text, "\r"):
		t.Errorf("Text has a carriage return: %q", text)
	case strings.Contains(text, "\n\n\n"):
		t.Errorf("Text has more than one blank line between paragraphs: %q", text)
	case strings.Trim(text, "\n") != text:
		t.Errorf("Text has leading or trailing blank lines: %q", text)
	}
}

func head(s string, n int) string {
	if len(s) > n {
		return s[:n]
	}
	return s
}

// An article as an analyst receives it after copying it from a web page:
// a section label glued to the title, byline and "Published" lines, the
// first paragraph twice, typographic apostrophes and dashes, a no-break
// space. The text is invented for this test.
func TestPastedWebArticle(t *testing.T) {
	path := filepath.Join("testdata", "pasted-web-article.txt")
	src, rep, err := ImportFile(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	checkText(t, src.Text)
	if src.Section != "CHIPS AND STANDARDS" || src.Title != "Standards Bodies: Why Allies Can’t Leave Them to Others" {
		t.Errorf("section %q, title %q", src.Section, src.Title)
	}
	if !slices.Equal(src.Authors, []string{"Ilse Varga"}) || src.Published.String() != "2024-05-11" {
		t.Errorf("authors %q, published %s", src.Authors, src.Published)
	}
	if rep.DuplicatesCollapsed != 1 {
		t.Errorf("DuplicatesCollapsed = %d, want 1", rep.DuplicatesCollapsed)
	}
	if !strings.Contains(src.Text, "\u00a0") || !strings.Contains(src.Text, "’") || !strings.Contains(src.Text, "—") {
		t.Error("typographic characters were lost")
	}
	if strings.Contains(src.Text, "By Ilse") || strings.Contains(src.Text, "Published 11") ||
		strings.Contains(src.Text, "CHIPS AND STANDARDS") {
		t.Errorf("metadata left in the text: %.200q", src.Text)
	}
}

// lines is a report's findings as the analyst reads them.
func lines(fs []Finding) []string {
	out := make([]string, len(fs))
	for i, f := range fs {
		out[i] = f.String()
	}
	return out
}
