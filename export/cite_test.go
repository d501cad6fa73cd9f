package export

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/attache/attache/domain"
)

func citeDate(y int, m time.Month, d int) domain.Date { return domain.Date{Year: y, Month: m, Day: d} }

func TestCitations(t *testing.T) {
	may11, may12 := citeDate(2024, time.May, 11), citeDate(2024, time.May, 12)
	tests := []struct {
		name             string
		src              domain.Source
		note, short, bib string
	}{
		{"one author",
			domain.Source{Title: "Subsea Cables and the New Cartography", Authors: []string{"Elena Marković"}, Publisher: "Tech Diplomacy Review", Published: may11, URL: "https://example.org/cables"},
			"Elena Marković, “Subsea Cables and the New Cartography,” Tech Diplomacy Review, May 11, 2024, https://example.org/cables.",
			"Marković, “Subsea Cables.”",
			"Marković, Elena. “Subsea Cables and the New Cartography.” Tech Diplomacy Review, May 11, 2024. https://example.org/cables."},
		{"two authors",
			domain.Source{Title: "Chip Diplomacy", Authors: []string{"Ana Silva", "Jonas Berg"}, Publisher: "Example Press", Published: may11},
			"Ana Silva and Jonas Berg, “Chip Diplomacy,” Example Press, May 11, 2024.",
			"Silva and Berg, “Chip Diplomacy.”",
			"Silva, Ana, and Jonas Berg. “Chip Diplomacy.” Example Press, May 11, 2024."},
		{"three authors",
			domain.Source{Title: "Standards Bodies", Authors: []string{"Ana Silva", "Jonas Berg", "Νίκος Παππάς"}, Published: may11},
			"Ana Silva, Jonas Berg, and Νίκος Παππάς, “Standards Bodies,” May 11, 2024.",
			"Silva, Berg, and Παππάς, “Standards Bodies.”",
			"Silva, Ana, Jonas Berg, and Νίκος Παππάς. “Standards Bodies.” May 11, 2024."},
		{"four authors",
			domain.Source{Title: "Spectrum Talks", Authors: []string{"Ana Silva", "Jonas Berg", "Иван Петров", "Mei Lin"}, Published: may11},
			"Ana Silva et al., “Spectrum Talks,” May 11, 2024.",
			"Silva et al., “Spectrum Talks.”",
			"Silva, Ana, Jonas Berg, Иван Петров, and Mei Lin. “Spectrum Talks.” May 11, 2024."},
		{"organisation author",
			domain.Source{Title: "Annual Export Control Review", Authors: []string{"Ministry of Digital Affairs"}, Published: may11},
			"Ministry of Digital Affairs, “Annual Export Control Review,” May 11, 2024.",
			"Ministry of Digital Affairs, “Annual Export Control Review.”",
			"Ministry of Digital Affairs. “Annual Export Control Review.” May 11, 2024."},
		{"single-word author",
			domain.Source{Title: "Cables Cut", Authors: []string{"Reuters"}, Published: may11},
			"Reuters, “Cables Cut,” May 11, 2024.",
			"Reuters, “Cables Cut.”",
			"Reuters. “Cables Cut.” May 11, 2024."},
		{"no author",
			domain.Source{Title: "Communiqué on Data Flows", Publisher: "G7 Digital Ministers", Published: may11},
			"“Communiqué on Data Flows,” G7 Digital Ministers, May 11, 2024.",
			"“Communiqué on Data Flows.”",
			"“Communiqué on Data Flows.” G7 Digital Ministers, May 11, 2024."},
		{"no date",
			domain.Source{Title: "Background Paper", Authors: []string{"Jonas Berg"}, Publisher: "Example Press"},
			"Jonas Berg, “Background Paper,” Example Press.",
			"Berg, “Background Paper.”",
			"Berg, Jonas. “Background Paper.” Example Press, n.d."},
		{"question mark",
			domain.Source{Title: "Who Governs the Cloud?", Authors: []string{"Mei Lin"}, Publisher: "Example Press", Published: may11},
			"Mei Lin, “Who Governs the Cloud?” Example Press, May 11, 2024.",
			"Lin, “Who Governs the Cloud?”",
			"Lin, Mei. “Who Governs the Cloud?” Example Press, May 11, 2024."},
		{"question mark and subtitle",
			domain.Source{Title: "Why Now?", Subtitle: "AI Safety Summits", Published: may11},
			"“Why Now? AI Safety Summits,” May 11, 2024.",
			"“Why Now?”",
			"“Why Now? AI Safety Summits.” May 11, 2024."},
		{"title with parenthesis and question",
			domain.Source{Title: "Budget (Why?)", Publisher: "Wire", Published: may11},
			"“Budget (Why?),” Wire, May 11, 2024.",
			"“Budget (Why?).”",
			"“Budget (Why?).” Wire, May 11, 2024."},
		{"title ending in a period",
			domain.Source{Title: "Talks resumed.", Publisher: "Wire"},
			"“Talks resumed.” Wire.",
			"“Talks resumed.”",
			"“Talks resumed.” Wire, n.d."},
		{"subtitle",
			domain.Source{Title: "Quantum Keys", Subtitle: "Diplomacy at the Speed of Light", Authors: []string{"Ana Silva"}, Published: may11},
			"Ana Silva, “Quantum Keys: Diplomacy at the Speed of Light,” May 11, 2024.",
			"Silva, “Quantum Keys.”",
			"Silva, Ana. “Quantum Keys: Diplomacy at the Speed of Light.” May 11, 2024."},
		{"colon in title, long short title",
			domain.Source{Title: "The Long Road to a Digital Treaty, Again: Notes", Published: may11},
			"“The Long Road to a Digital Treaty, Again: Notes,” May 11, 2024.",
			"“The Long Road.”",
			"“The Long Road to a Digital Treaty, Again: Notes.” May 11, 2024."},
		{"short title not left on a preposition",
			domain.Source{Title: "Gallium Prices Spike After Beijing's Curbs", Publisher: "Blogger", Published: may11},
			"“Gallium Prices Spike After Beijing's Curbs,” Blogger, May 11, 2024.",
			"“Gallium Prices Spike.”",
			"“Gallium Prices Spike After Beijing's Curbs.” Blogger, May 11, 2024."},
		{"accessed only",
			domain.Source{Kind: domain.KindWebPage, Title: "Cable Map", Publisher: "Example Atlas", Accessed: may12, URL: "https://example.org/map"},
			"“Cable Map,” Example Atlas, accessed May 12, 2024, https://example.org/map.",
			"“Cable Map.”",
			"“Cable Map.” Example Atlas. Accessed May 12, 2024. https://example.org/map."},
		{"published wins over accessed",
			domain.Source{Title: "Cable Map", Published: may11, Accessed: may12},
			"“Cable Map,” May 11, 2024.",
			"“Cable Map.”",
			"“Cable Map.” May 11, 2024."},
		{"report, messy white space",
			domain.Source{Kind: domain.KindReport, Title: "  Semiconductor\nSupply  Chains ", Authors: []string{" ", " Jonas  Berg "}, Publisher: " Centre for Example Studies, ", Published: may11},
			"Jonas Berg, “Semiconductor Supply Chains,” Centre for Example Studies, May 11, 2024.",
			"Berg, “Semiconductor Supply Chains.”",
			"Berg, Jonas. “Semiconductor Supply Chains.” Centre for Example Studies, May 11, 2024."},
		{"suffix and particles",
			domain.Source{Title: "Ports", Authors: []string{"Martin Luther King Jr.", "Ursula von der Leyen"}, Published: may11},
			"Martin Luther King Jr. and Ursula von der Leyen, “Ports,” May 11, 2024.",
			"King and von der Leyen, “Ports.”",
			"King, Martin Luther, Jr., and Ursula von der Leyen. “Ports.” May 11, 2024."},
		{"typed inverted, nested quotes",
			domain.Source{Title: "The “Chip War” Revisited", Authors: []string{"Berg, Jonas"}, Published: citeDate(2023, time.January, 9)},
			"Jonas Berg, “The ‘Chip War’ Revisited,” January 9, 2023.",
			"Berg, “The ‘Chip War’ Revisited.”",
			"Berg, Jonas. “The ‘Chip War’ Revisited.” January 9, 2023."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := NoteCitation(&tt.src); got != tt.note {
				t.Errorf("note\n got %s\nwant %s", got, tt.note)
			}
			if got := ShortNoteCitation(&tt.src); got != tt.short {
				t.Errorf("short note\n got %s\nwant %s", got, tt.short)
			}
			if got := BibliographyEntry(&tt.src); got != tt.bib {
				t.Errorf("bibliography\n got %s\nwant %s", got, tt.bib)
			}
		})
	}
}

func TestBibliographyManyAuthors(t *testing.T) {
	var ten, eleven []string
	for i := 1; i <= 11; i++ {
		eleven = append(eleven, fmt.Sprintf("Given%d Surname%d", i, i))
	}
	ten = eleven[:10]
	src := &domain.Source{Title: "Big Team", Authors: ten}
	want := "Surname1, Given1, Given2 Surname2, Given3 Surname3, Given4 Surname4, Given5 Surname5, Given6 Surname6, " +
		"Given7 Surname7, Given8 Surname8, Given9 Surname9, and Given10 Surname10. “Big Team.” n.d."
	if got := BibliographyEntry(src); got != want {
		t.Errorf("ten authors\n got %s\nwant %s", got, want)
	}
	src.Authors = eleven
	want = "Surname1, Given1, Given2 Surname2, Given3 Surname3, Given4 Surname4, Given5 Surname5, Given6 Surname6, " +
		"Given7 Surname7, et al. “Big Team.” n.d."
	if got := BibliographyEntry(src); got != want {
		t.Errorf("eleven authors\n got %s\nwant %s", got, want)
	}
	if got := NoteCitation(src); got != "Given1 Surname1 et al., “Big Team.”" {
		t.Errorf("note: %s", got)
	}
}

func TestCiteNames(t *testing.T) {
	for in, want := range map[string]string{
		"A. Example":                  "Example, A.",
		"Charles de Gaulle":           "de Gaulle, Charles",
		"Van Morrison":                "Morrison, Van",
		"John Smith III":              "Smith, John, III",
		"King, Martin Luther, Jr.":    "King, Martin Luther, Jr.",
		"European Commission":         "European Commission",
		"Office of the Special Envoy": "Office of the Special Envoy",
		"UNESCO":                      "UNESCO",
		"Atlantic Council":            "Atlantic Council",
	} {
		if got := citeName(citeName(in, false), true); got != want {
			t.Errorf("invert %q = %q, want %q", in, got, want)
		}
	}
	if got := NoteCitation(nil); got != "" {
		t.Errorf("nil source: %q", got)
	}
	if got := citeChicagoDate(domain.Date{}); got != "" {
		t.Errorf("zero date: %q", got)
	}
}

func TestCitationsGivePagesOfPagedSources(t *testing.T) {
	s := &domain.Source{Title: "Annual Threat Assessment", Authors: []string{"Ana Ruiz"}, Publisher: "Office of Analysis",
		Text: strings.Repeat("x", 300), Pages: []int{100, 200}}
	s.Published, _ = domain.ParseDate("2025-03-01")
	one := &domain.Excerpt{Start: 110, End: 150}
	two := &domain.Excerpt{Start: 190, End: 210}
	if got := NoteCitationAt(s, pageLocator(s, one)); !strings.Contains(got, "March 1, 2025, 2.") {
		t.Fatalf("note %q", got)
	}
	// The locator follows the quoted title, whose comma goes inside.
	if got := ShortNoteCitationAt(s, pageLocator(s, two)); got != "Ruiz, “Annual Threat Assessment,” 2–3." {
		t.Fatalf("short note %q", got)
	}
	if pageLocator(&domain.Source{Text: "abc"}, one) != "" {
		t.Fatal("an unpaged source got a page")
	}
}
