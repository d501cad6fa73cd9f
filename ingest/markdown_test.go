package ingest

import (
	"slices"
	"strings"
	"testing"
)

func TestInline(t *testing.T) {
	tests := map[string]string{
		"**bold** and __strong__":             "bold and strong",
		"*em* and _em_ here":                  "em and em here",
		"snake_case_name stays":               "snake_case_name stays",
		"2 * 3 * 4 stays":                     "2 * 3 * 4 stays",
		"a [link](https://x.org) here":        "a link here",
		"a [ref link][r1] here":               "a ref link here",
		"![alt](img.png)gone":                 "gone",
		"`code *not em*` and ``a ` b``":       "code *not em* and a ` b",
		`escaped \*stars\* and \_under\_`:     "escaped *stars* and _under_",
		"~~struck~~ text":                     "struck text",
		"see <https://example.org/a>":         "see https://example.org/a",
		"it’s “quoted” — with…\u00a0space":    "it’s “quoted” — with…\u00a0space",
		"***both***":                          "both",
		"unclosed `tick and *star":            "unclosed `tick and *star",
		"_a_ _b_ _c_":                         "a b c",
		"[**bold link**](u)":                  "bold link",
		"\U000F002A private use stays intact": "\U000F002A private use stays intact",
	}
	for in, want := range tests {
		if got := inline(in); got != want {
			t.Errorf("inline(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestMarkdownBlocks(t *testing.T) {
	in := "Setext Title\n============\n\nPara one\ncontinues.\n\n---\n\nSub\n---\n\n" +
		"> quoted\n> > nested\n\n  - item one\n    more of item one\n  - item two\n\n" +
		"[r1]: https://example.org\n\n~~~\nfenced # not a heading\n~~~\n\n<!-- gone\nstill gone -->kept\n\n" +
		"### Deep heading ###\n\nEnd"
	got := paragraphs(splitLines(strings.Join(markdownLines(in), "\n")))
	want := []string{"Setext Title", "Para one\ncontinues.", "Sub", "quoted\nnested",
		"• item one\nmore of item one", "• item two", "fenced # not a heading", "kept", "Deep heading", "End"}
	if !slices.Equal(got, want) {
		t.Errorf("got  %q\nwant %q", got, want)
	}
}

func TestFrontMatter(t *testing.T) {
	in := "---\n# a comment\ntitle: 'It''s Here'\nauthor:\n  - name: Ana Silva\n  - name: Ben Okafor\n" +
		"tags: [a, \"b, c\"]\ndate: \"2024-05-11\"  \nsource: Reuters\nempty:\n---\nBody"
	fm, body, ok := splitFrontMatter(in)
	if !ok || body != "Body" {
		t.Fatalf("ok %v body %q", ok, body)
	}
	if v, _ := fm.first("title"); v != "It's Here" {
		t.Errorf("title %q", v)
	}
	if v, _ := fm.all("author"); !slices.Equal(v, []string{"Ana Silva", "Ben Okafor"}) {
		t.Errorf("author %q", v)
	}
	if v, _ := fm.first("date"); v != "2024-05-11" {
		t.Errorf("date %q", v)
	}
	if _, _, ok := splitFrontMatter("---\ntitle: never closed\n\nBody"); ok {
		t.Error("unclosed front matter accepted")
	}
	src, _, err := Import("n.md", strings.NewReader(in), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if src.Publisher != "Reuters" || src.Title != "It's Here" || src.Text != "Body" {
		t.Errorf("publisher %q title %q text %q", src.Publisher, src.Title, src.Text)
	}
}

func TestMarkdownBadFrontMatterDate(t *testing.T) {
	src, rep, err := Import("n.md", strings.NewReader("---\ndate: someday\n---\n# T\n\nBody"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !src.Published.IsZero() || !strings.Contains(strings.Join(rep.Warnings, " "), `"someday" is not a date`) {
		t.Errorf("published %s warnings %q", src.Published, rep.Warnings)
	}
}
