package export

import (
	"regexp"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/attache/attache/domain"
)

// citeDoubled matches two marks in a row that Chicago never prints. A
// period then a comma is right after an abbreviation: "et al., “Title,”".
var citeDoubled = regexp.MustCompile(`[,;:?!][,.]|\.\.|,\s*,|\.\s+\.`)

// FuzzCitation puts arbitrary text in the source metadata that citations
// are built from (title, subtitle, authors, publisher). Every citation is
// one trimmed line without doubled spaces that ends a sentence; with no
// punctuation in the text, the citation never doubles a mark; the same
// source always gives the same citation.
func FuzzCitation(f *testing.F) {
	for _, s := range []string{
		"", " ", "Cables", "Who Governs the Cloud?", "Talks resumed.", "Smith, John, Jr.", "Ministry of Digital Affairs",
		"von der Leyen Ursula", "“Quoted” title", `"straight" "quotes"`, "a:", "a,", "a;", "a —", "Jr.", ", ,", ". .",
		"\u202eevil", "\x00", "a\x00b", "\xff", "\n\n", "a\tb\u00a0c", "ſ", strings.Repeat("w", 10_000), strings.Repeat("a ", 500),
		"(Why?)", "Why?!", "Budget…", "‘single’", "Surname, Given", ",Given", "Surname,", "Институт Петров", "Jr Sr II",
	} {
		f.Add(s, uint8(1))
	}
	f.Fuzz(func(t *testing.T, s string, authors uint8) {
		src := &domain.Source{Title: s, Subtitle: s, Publisher: s, URL: "https://example.org/x",
			Published: domain.Date{Year: 2024, Month: time.May, Day: 11}, Pages: []int{3}}
		if strings.TrimSpace(s) == "" { // a source needs a title to be stored or read
			src.Title = "Untitled"
		}
		for i := range int(authors % 12) {
			src.Authors = append(src.Authors, strings.Repeat(s+" ", i%3+1))
		}
		cites := map[string]string{
			"note":        NoteCitation(src),
			"note at 2":   NoteCitationAt(src, "2"),
			"short":       ShortNoteCitation(src),
			"short at 2":  ShortNoteCitationAt(src, "2–3"),
			"bibliograpy": BibliographyEntry(src),
		}
		plain := !strings.ContainsAny(s, ".,;:?!\"'“”‘’()…")
		for what, c := range cites {
			switch {
			case utf8.ValidString(s) && !utf8.ValidString(c):
				t.Fatalf("%s citation %q is not UTF-8", what, c)
			case c == "" || c != strings.TrimSpace(c) || strings.ContainsAny(c, "\n\r\t") || strings.Contains(c, "  "):
				t.Fatalf("%s citation of %q: %q", what, s, c)
			case !citeTerminal(c, ".?!"):
				t.Fatalf("%s citation of %q does not end a sentence: %q", what, s, c)
			case plain && citeDoubled.MatchString(c):
				t.Fatalf("%s citation of %q doubles a mark: %q", what, s, c)
			}
		}
		if again := BibliographyEntry(src); again != cites["bibliograpy"] {
			t.Fatalf("BibliographyEntry not deterministic: %q, %q", cites["bibliograpy"], again)
		}
	})
}
