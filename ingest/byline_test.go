package ingest

import (
	"slices"
	"strings"
	"testing"
)

// Organisations' names joined with "and" stay one author; people's names
// joined with "and" are split.
var authorSplits = []struct {
	in   string
	want []string
}{
	{"Cyber and Critical Tech desk", []string{"Cyber and Critical Tech desk"}},
	{"Cyber and Critical Tech Desk", []string{"Cyber and Critical Tech Desk"}},
	{"Cyber and Critical Tech", []string{"Cyber and Critical Tech"}},
	{"Alice Smith and Bob Jones", []string{"Alice Smith", "Bob Jones"}},
	{"Alice Smith, Bob Jones and Carol White", []string{"Alice Smith", "Bob Jones", "Carol White"}},
	{"Alice Smith & Bob Jones", []string{"Alice Smith", "Bob Jones"}},
	{"Centre for Strategic and International Studies", []string{"Centre for Strategic and International Studies"}},
	{"Science and Technology Committee", []string{"Science and Technology Committee"}},
	{"Research and Analysis Unit", []string{"Research and Analysis Unit"}},
	{"Office of Science and Technology Policy", []string{"Office of Science and Technology Policy"}},
	{"Policy Planning Staff and Jane Doe", []string{"Policy Planning Staff", "Jane Doe"}},
	{"Jane Doe and Cyber and Critical Tech desk", []string{"Jane Doe", "Cyber and Critical Tech desk"}},
	{"Editorial Board", []string{"Editorial Board"}},
	{"Reuters and AP", []string{"Reuters", "AP"}},
}

func TestSplitAuthorsKeepsOrganisationsWhole(t *testing.T) {
	for _, tt := range authorSplits {
		if got := splitAuthors(tt.in); !slices.Equal(got, tt.want) {
			t.Errorf("splitAuthors(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestBylineKeepsOrganisationsWhole(t *testing.T) {
	for _, tt := range authorSplits {
		b, ok := parseByline("By " + tt.in)
		if !ok || !slices.Equal(b.authors, tt.want) {
			t.Errorf("parseByline(%q) = %q, %v; want %q", "By "+tt.in, b.authors, ok, tt.want)
		}
	}
	// Organisation words do not make prose a byline.
	for _, prose := range []string{"By the team and the desk", "By 2030 the desk and team will merge", "By design and policy"} {
		if b, ok := parseByline(prose); ok {
			t.Errorf("parseByline(%q) = %q, want no byline", prose, b.authors)
		}
	}
}

func TestHTMLMetaAuthorOfADesk(t *testing.T) {
	page := `<html><head><title>Chips</title><meta name="author" content="Cyber and Critical Tech desk">` +
		`</head><body><article>` + strings.Repeat(articlePara, 3) + `</article></body></html>`
	src, _, err := Import("p.html", strings.NewReader(page), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(src.Authors, []string{"Cyber and Critical Tech desk"}) {
		t.Fatalf("authors %q", src.Authors)
	}
}
