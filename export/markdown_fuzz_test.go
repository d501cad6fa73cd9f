package export

import (
	"bytes"
	"context"
	"fmt"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	gast "github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/text"
	"golang.org/x/net/html"

	"github.com/attache/attache/domain"
)

// mdFuzzBundle puts s in every user-text slot of a briefing: metadata,
// headings, commentary, judgments, quotes, analyst notes and every source
// field that reaches a citation, URLs included.
func mdFuzzBundle(s string, marked bool) *domain.Bundle {
	day := domain.Date{Year: 2024, Month: time.May, Day: 11}
	web := &domain.Source{ID: 1, Kind: domain.KindWebPage, Title: s, Subtitle: s, Authors: []string{s, "Jane " + s + " Doe"},
		Publisher: s, Published: day, URL: "https://example.org/" + s, Accessed: day, Text: "Lead " + s,
		Reliability: domain.ReliabilityB, Pages: []int{1}}
	note := &domain.Source{ID: 2, Kind: domain.KindNote, Title: "Note " + s, Authors: []string{s + " Ministry"},
		URL: "https://example.org/?q=" + s, Accessed: day, Text: s}
	var m domain.Marking
	var a domain.Authority
	if marked {
		m = domain.MarkingSecret
		a = domain.Authority{ClassifiedBy: "By " + s, DerivedFrom: "From " + s, DeclassifyOn: "On " + s}
	}
	blk := func(typ domain.BlockType, t string) *domain.Block {
		return &domain.Block{Type: typ, Text: t, Marking: m}
	}
	judgment := blk(domain.BlockJudgment, s)
	judgment.Confidence = domain.ConfidenceModerate
	return &domain.Bundle{
		Briefing: &domain.Briefing{
			Title: s, Subtitle: s, Author: s, Audience: s, Date: day, Status: domain.StatusReview, Summary: s, IncludeNotes: true,
			Scheme: domain.SchemeUS, Classification: m, TitleMarking: m, SubtitleMarking: m, SummaryMarking: m, Authority: a,
			Blocks: []*domain.Block{
				blk(domain.BlockHeading, s),
				blk(domain.BlockCommentary, s),
				{Type: domain.BlockExcerpt, ExcerptID: 1, Marking: m, Excerpt: &domain.Excerpt{ID: 1, SourceID: 1, Start: 5, End: 5 + utf8.RuneCountInString(s), Quote: s, Note: s}},
				judgment,
				blk(domain.BlockJudgment, s),
				blk(domain.BlockHeading, "Plain "+s),
				{Type: domain.BlockExcerpt, ExcerptID: 2, Marking: m, Excerpt: &domain.Excerpt{ID: 2, SourceID: 2, End: utf8.RuneCountInString(s), Quote: s}},
				{Type: domain.BlockExcerpt, ExcerptID: 3, Marking: m, Excerpt: &domain.Excerpt{ID: 3, SourceID: 1, Start: 0, End: 4, Quote: "Lead"}},
			},
		},
		Sources: []*domain.Source{web, note},
	}
}

// blandText keeps the white space of s and turns every other character into
// an x: text with the same lines and paragraphs, and no markup at all.
func blandText(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return r
		}
		return 'x'
	}, s)
}

var mdParser = goldmark.New(goldmark.WithExtensions(extension.Footnote))

// mdShape lists the Markdown elements of a document in order, without the
// text: what a reader sees as structure.
func mdShape(src []byte) (shape []string, counts map[string]int) {
	counts = map[string]int{}
	doc := mdParser.Parser().Parse(text.NewReader(src))
	gast.Walk(doc, func(n gast.Node, entering bool) (gast.WalkStatus, error) {
		if !entering {
			return gast.WalkContinue, nil
		}
		k := n.Kind().String()
		counts[k]++
		switch v := n.(type) {
		case *gast.Text, *gast.String:
			return gast.WalkContinue, nil
		case *gast.Heading:
			k = fmt.Sprintf("%s%d", k, v.Level)
			counts[k]++
		case *gast.Emphasis:
			k = fmt.Sprintf("%s%d", k, v.Level)
		case *gast.List:
			k = fmt.Sprintf("%s(%q)", k, v.Marker)
		}
		for p := n.Parent(); p != nil; p = p.Parent() {
			k = "  " + k
		}
		shape = append(shape, k)
		return gast.WalkContinue, nil
	})
	return shape, counts
}

// mdHeadings renders the document to HTML and gives the text of its h1 and
// h2 headings as a browser would show it.
func mdHeadings(t *testing.T, src []byte) []string {
	var out bytes.Buffer
	if err := mdParser.Convert(src, &out); err != nil {
		t.Fatalf("goldmark: %v", err)
	}
	doc, err := html.Parse(&out)
	if err != nil {
		t.Fatalf("html: %v", err)
	}
	var heads []string
	var walk func(n *html.Node)
	var textOf func(n *html.Node) string
	textOf = func(n *html.Node) string {
		if n.Type == html.TextNode {
			return n.Data
		}
		var b strings.Builder
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			b.WriteString(textOf(c))
		}
		return b.String()
	}
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && (n.Data == "h1" || n.Data == "h2") {
			heads = append(heads, n.Data+" "+textOf(n))
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return heads
}

// FuzzMarkdownText checks the promise of WriteMarkdown: whatever the
// analyst or a source's metadata holds, it is escaped wherever Markdown
// would read it as markup. Read by a CommonMark parser (with footnotes),
// the export of fuzzed text has exactly the structure of the export of
// bland text with the same lines; it has no HTML, code, rules or links
// other than autolinks for URLs; and its headings read as the analyst
// typed them.
func FuzzMarkdownText(f *testing.F) {
	for _, s := range []string{
		"", " ", "\n\n\n", "plain words", "# h", "## 1. h #", "> q", "- a\n- b", "1. a\n2) b", "1234567890. ten digits",
		"*em* **strong** _u_ __uu__", "`code` ``", "```\nfenced\n```", "~~~", "    indented code", "***", "---", "___",
		"a\n===", "a\n---", "<b>tag</b>", "<!-- c -->", "<https://example.org>", "[link](http://x) ![img](y)", "[ref]: http://x",
		"[^1]", "[^1]: note", "&amp; &#65; &#x41; &copy; & ;", "a\\", "a  \nb", "trailing #", "C#", "x | y\n:--|--",
		"\x00", "a\x00b", "\xff\xfe", "caf\xe9", "\xed\xa0\x80", "\u202eevil\u202c", "\u2066\u2067\u2069\u200f", "\u00a0#", "\u2028# x",
		"\r# x", "a\rb\r\nc", "\t- x", "\f# x", "\v# x", "x\x01y", "\x7f", "!", "a!", "\"", "“q”", strings.Repeat("w", 10_000),
		strings.Repeat("*", 500), strings.Repeat("[", 300) + strings.Repeat("]", 300), strings.Repeat("> ", 100) + "deep",
		"\n# injected", "\n\n- injected", "a\n<div>", "https://evil.example/\n# x", "Smith, John, Jr.", "Ministry of *Truth*",
	} {
		f.Add(s, false)
		f.Add(s, true)
	}
	f.Fuzz(func(t *testing.T, s string, marked bool) {
		var got, bland bytes.Buffer
		if err := WriteMarkdown(context.Background(), &got, mdFuzzBundle(s, marked)); err != nil {
			t.Fatalf("WriteMarkdown: %v", err)
		}
		var again bytes.Buffer
		if err := WriteMarkdown(context.Background(), &again, mdFuzzBundle(s, marked)); err != nil || !bytes.Equal(got.Bytes(), again.Bytes()) {
			t.Fatalf("WriteMarkdown is not deterministic (%v)", err)
		}
		if err := WriteMarkdown(context.Background(), &bland, mdFuzzBundle(blandText(s), marked)); err != nil {
			t.Fatalf("WriteMarkdown: %v", err)
		}
		shape, counts := mdShape(got.Bytes())
		for _, k := range []string{"HTMLBlock", "RawHTML", "CodeBlock", "FencedCodeBlock", "CodeSpan", "ThematicBreak", "Link", "Image"} {
			if counts[k] > 0 {
				t.Fatalf("%d %s in the export of %q:\n%s", counts[k], k, s, got.Bytes())
			}
		}
		if counts["Heading1"] != 1 || counts["Heading2"] != 4 || counts["Heading"] != 5 || counts["FootnoteLink"] != 3 {
			t.Fatalf("headings or notes wrong (%v) in the export of %q:\n%s", counts, s, got.Bytes())
		}
		want, _ := mdShape(bland.Bytes())
		if d := firstDiff(shape, want); d >= 0 {
			t.Fatalf("the export of %q has other structure than bland text at element %d: %s, want %s\n%s",
				s, d, at(shape, d), at(want, d), got.Bytes())
		}
		// The heading text reads back as typed (white space collapsed).
		// NUL becomes U+FFFD in CommonMark, and invalid UTF-8 is not
		// text, so those are left to the structure checks.
		if !utf8.ValidString(s) || strings.ContainsRune(s, 0) {
			return
		}
		one := strings.Join(strings.Fields(s), " ")
		mark := "" // the portion mark before a heading's text
		if marked {
			mark = "(S) "
		}
		heads := mdHeadings(t, got.Bytes())
		wantHeads := []string{"h1 " + strings.TrimSpace(mark+one), "h2 Key judgments", "h2 " + strings.TrimSpace("1. "+mark+one),
			"h2 " + strings.TrimSpace("2. "+mark+"Plain "+one), "h2 Sources"}
		if strings.Join(heads, "\n") != strings.Join(wantHeads, "\n") {
			t.Fatalf("headings read back as %q, want %q\n%s", heads, wantHeads, got.Bytes())
		}
	})
}

func firstDiff(a, b []string) int {
	for i := range max(len(a), len(b)) {
		if i >= len(a) || i >= len(b) || a[i] != b[i] {
			return i
		}
	}
	return -1
}

func at(s []string, i int) string {
	if i < len(s) {
		return strings.TrimSpace(s[i])
	}
	return "(end)"
}
