package ingest

import (
	"slices"
	"strings"
	"testing"
)

func TestParseByline(t *testing.T) {
	tests := []struct {
		line      string
		authors   []string // nil: not a byline
		publisher string
		pub       string
	}{
		{"By Jane Doe", []string{"Jane Doe"}, "", ""},
		{"BY JANE DOE", []string{"JANE DOE"}, "", ""},
		{"By Jane Q. Analyst and Omar Haddad", []string{"Jane Q. Analyst", "Omar Haddad"}, "", ""},
		{"By A. Smith, B. Jones and C. Brown", []string{"A. Smith", "B. Jones", "C. Brown"}, "", ""},
		{"By A. Smith, B. Jones, and C. Brown", []string{"A. Smith", "B. Jones", "C. Brown"}, "", ""},
		{"By Priya Raman & Tom O’Neill", []string{"Priya Raman", "Tom O’Neill"}, "", ""},
		{"Words by Ana de la Cruz", []string{"Ana de la Cruz"}, "", ""},
		{"Author: Jean-Luc Picard", []string{"Jean-Luc Picard"}, "", ""},
		{"Authors: Li Wei; Sara Cohen", []string{"Li Wei", "Sara Cohen"}, "", ""},
		{"By Jane Doe, Senior Fellow", []string{"Jane Doe"}, "", ""},
		{"By Jane Doe, Director of Research, and Omar Haddad", []string{"Jane Doe", "Omar Haddad"}, "", ""},
		{"By Jane Doe, Lowy Institute", []string{"Jane Doe"}, "", ""},
		{"By Jane Doe | Reuters", []string{"Jane Doe"}, "Reuters", ""},
		{"By Jane Doe | 11 May 2024", []string{"Jane Doe"}, "", "2024-05-11"},
		{"By Jane Doe, May 11, 2024", []string{"Jane Doe"}, "", "2024-05-11"},
		{"By Dr Jane Doe and Prof. Omar Haddad", []string{"Dr Jane Doe", "Prof. Omar Haddad"}, "", ""},
		{"By 2030 the grid will need twice the storage.", nil, "", ""},
		{"By contrast, the EU moved faster", nil, "", ""},
		{"By The End Of The Year", nil, "", ""},
		{"By comparison", nil, "", ""},
		{"by the way, this is prose", nil, "", ""},
		{"By Jane Doe and", nil, "", ""},
		{"Bylines matter", nil, "", ""},
		{"By", nil, "", ""},
		{"Standby Jane Doe", nil, "", ""},
	}
	for _, tt := range tests {
		b, ok := parseByline(tt.line)
		if ok != (tt.authors != nil) || !slices.Equal(b.authors, tt.authors) || b.publisher != tt.publisher || b.pub.date.String() != tt.pub {
			t.Errorf("parseByline(%q) = %q, %q, %s, %v; want %q, %q, %s", tt.line, b.authors, b.publisher, b.pub.date, ok,
				tt.authors, tt.publisher, tt.pub)
		}
	}
}

func TestSplitGluedKicker(t *testing.T) {
	tests := []struct{ line, kicker, title string }{
		{"SEMICONDUCTORSWhy Chip Export Controls Keep Tightening", "SEMICONDUCTORS", "Why Chip Export Controls Keep Tightening"},
		{"TECH DIPLOMACYTech Diplomacy: What It Is", "TECH DIPLOMACY", "Tech Diplomacy: What It Is"},
		{"AI & SECURITYThe Next Arms Race", "AI & SECURITY", "The Next Arms Race"},
		{"US-CHINAA Thaw in Trade?", "", ""}, // "A" is a one-letter word: ambiguous, left alone
		{"ÉCONOMIEÉtats en crise", "ÉCONOMIE", "États en crise"},
		{"NATO Expands Eastward", "", ""},
		{"GPUs Are Scarce", "", ""},
		{"NGOs Push Back", "", ""},
		{"USAID’s Future", "", ""},
		{"OKRs", "", ""},
		{"Why Chip Controls Tighten", "", ""},
		{"ABCdef", "", ""},                         // two letters are not a section label
		{"HTMLParser Tips", "HTML", "Parser Tips"}, // ambiguous; read the way pasted articles need
	}
	for _, tt := range tests {
		k, title, ok := splitGluedKicker(tt.line)
		if k != tt.kicker || title != tt.title || ok != (tt.kicker != "") {
			t.Errorf("splitGluedKicker(%q) = %q, %q, %v; want %q, %q", tt.line, k, title, ok, tt.kicker, tt.title)
		}
	}
}

func TestDetectTop(t *testing.T) {
	lead := strings.TrimSpace(strings.Repeat("A lead paragraph that runs on. ", 11))
	tests := []struct {
		name, in                 string
		section, title, subtitle string
		authors                  []string
		published, body          string
	}{
		{"wrapped paragraph is not a title",
			"The committee met on Tuesday to discuss the\nbudget and the staffing plan.\n\nMore.",
			"", "", "", nil, "", "The committee met on Tuesday to discuss the\nbudget and the staffing plan.\n\nMore."},
		{"sentence is not a title", "This is a note.\n\nMore text.", "", "", "", nil, "", "This is a note.\n\nMore text."},
		{"question title", "Is Deterrence Working?\n\nBody.", "", "Is Deterrence Working?", "", nil, "", "Body."},
		{"metadata on consecutive lines", "Title Here\nBy Jane Doe\n11 May 2024\n\nBody.",
			"", "Title Here", "", []string{"Jane Doe"}, "2024-05-11", "Body."},
		{"subtitle needs a byline after it", "Title Here\nA line that could be anything\n\nBody.",
			"", "", "", nil, "", "Title Here\nA line that could be anything\n\nBody."},
		{"subtitle between title and date", "Title Here\n\nA standfirst.\n\nUpdated 2 June 2024\n\nBody.",
			"", "Title Here", "A standfirst.", nil, "2024-06-02", "Body."},
		{"date near the top after the lead", "Title\n\n" + lead + "\n\nSaturday, 11 May 2024\n\nBody.",
			"", "Title", "", nil, "2024-05-11", lead + "\n\nBody."},
		{"published preferred over updated", "Title\nUpdated 2 June 2024\nPublished 11 May 2024\n\nBody.",
			"", "Title", "", nil, "2024-05-11", "Body."},
		{"all-caps title before byline", "BREAKING NEWS TODAY\nBy Jane Doe\n\nBody.",
			"", "BREAKING NEWS TODAY", "", []string{"Jane Doe"}, "", "Body."},
		{"kicker line", "WORLD\n\nA Title Here\n\nBody.", "WORLD", "A Title Here", "", nil, "", "Body."},
		{"far date stays", "Title\n\nOne.\n\nTwo.\n\nThree.\n\nFour.\n\nFive.\n\n11 May 2024",
			"", "Title", "", nil, "", "One.\n\nTwo.\n\nThree.\n\nFour.\n\nFive.\n\n11 May 2024"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, rest := detectTop(splitLines(tt.in), topOptions{guessTitle: true})
			d, _ := m.published()
			body := strings.Join(paragraphs(rest), "\n\n")
			if m.section != tt.section || m.title != tt.title || m.subtitle != tt.subtitle ||
				!slices.Equal(m.byline.authors, tt.authors) || d.String() != tt.published || body != tt.body {
				t.Errorf("got section %q title %q subtitle %q authors %q date %s body %q",
					m.section, m.title, m.subtitle, m.byline.authors, d, body)
			}
		})
	}
}

func TestCollapseDuplicates(t *testing.T) {
	in := []string{"A  b", "A b", "A\u00a0b", "C", "A b", "C", "C"}
	got, n := collapseDuplicates(in)
	if n != 3 || !slices.Equal(got, []string{"A  b", "C", "A b", "C"}) {
		t.Errorf("got %q, %d", got, n)
	}
}

func TestPrettyFileTitle(t *testing.T) {
	for in, want := range map[string]string{
		"chip-export_controls.txt": "Chip export controls",
		"UN Report 2024.md":        "UN Report 2024",
		".txt":                     "Untitled",
		"noext":                    "Noext",
	} {
		if got := prettyFileTitle(in); got != want {
			t.Errorf("prettyFileTitle(%q) = %q, want %q", in, got, want)
		}
	}
}
