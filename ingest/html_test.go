package ingest

import (
	"slices"
	"strings"
	"testing"
	"time"
)

const articlePara = "<p>Export licences for dual-use goods now take twice as long to approve as they did in 2019, " +
	"according to the agency’s own figures, and exporters say the delays cost them contracts abroad.</p>\n"

func importHTMLString(t *testing.T, page string) (string, *Report, []string, string) {
	t.Helper()
	src, rep, err := Import("page.html", strings.NewReader(page), Options{})
	if err != nil {
		t.Fatal(err)
	}
	checkText(t, src.Text)
	return src.Title, rep, src.Authors, src.Text
}

func TestHTMLHostilePagesFinish(t *testing.T) {
	pages := map[string]string{
		"deep divs":        strings.Repeat("<div>", 100000) + articlePara + strings.Repeat("</div>", 100000),
		"unclosed anchors": "<body>" + strings.Repeat("<a><b><i>", 50000) + articlePara,
		"nested tables":    "<body>" + strings.Repeat("<table><tr><td>", 30000) + articlePara,
		"many elements":    "<body><article>" + strings.Repeat("<span>a</span>", 40000) + articlePara + "</article>",
		"broken json-ld":   `<head><script type="application/ld+json">` + strings.Repeat("[", 100000) + "</script></head><body>" + articlePara,
	}
	for name, page := range pages {
		t.Run(name, func(t *testing.T) {
			start := time.Now()
			_, _, _, text := importHTMLString(t, page)
			if !strings.Contains(text, "Export licences for dual-use goods") {
				t.Errorf("article text lost: %.200q", text)
			}
			if d := time.Since(start); d > 20*time.Second {
				t.Errorf("took %v", d)
			}
		})
	}
}

func TestHTMLFallbackSkipsChrome(t *testing.T) {
	// Too deep for the tree parser, so the token reader handles it; </head>
	// is omitted as HTML allows.
	page := "<html><head><title>Licensing Delays | Trade Desk</title><meta property=\"og:site_name\" content=\"Trade Desk\">" +
		"<body><nav>Home Sections Login</nav><header>Trade Desk</header>" + strings.Repeat("<div>", 600) +
		articlePara + "<ul><li>First point<li>Second point</ul><p>Line one<br>line two</p>" +
		"<pre>  keep   this\n  spacing</pre><footer>Copyright</footer><script>alert(1)</script>"
	title, rep, _, text := importHTMLString(t, page)
	want := strings.TrimSuffix(strings.TrimPrefix(articlePara, "<p>"), "</p>\n") +
		"\n\n• First point\n\n• Second point\n\nLine one\nline two\n\n  keep   this\n  spacing"
	if text != want {
		t.Errorf("text\n%q\nwant\n%q", text, want)
	}
	if title != "Licensing Delays" {
		t.Errorf("title %q", title)
	}
	if !strings.Contains(strings.Join(rep.Warnings, " "), "nested too deeply") {
		t.Errorf("warnings %q", rep.Warnings)
	}
}

func TestHTMLJSONLDVariants(t *testing.T) {
	page := func(ld string) string {
		return `<html><head><title>Fallback Title</title><script type="application/ld+json">` + ld +
			`</script></head><body><article>` + strings.Repeat(articlePara, 3) + `</article></body></html>`
	}
	tests := []struct {
		name, ld, title, published string
		authors                    []string
	}{
		{"plain object", `{"@type":"Article","headline":"Headline A","author":"Jane Doe","datePublished":"2024-05-11"}`,
			"Headline A", "2024-05-11", []string{"Jane Doe"}},
		{"array of objects", `[{"@type":"Organization","name":"X"},{"@type":"Report","name":"Report B","author":[{"name":"A One"},"B Two"]}]`,
			"Report B", "", []string{"A One", "B Two"}},
		{"type list and prefix", `{"@type":["schema:BlogPosting","CreativeWork"],"headline":"Post &#8216;C&#8217;","author":{"@type":"Person","name":"C &amp; D"}}`,
			"Post ‘C’", "", []string{"C & D"}}, // one person object is one name
		{"raw newline in string", "{\"@type\":\"NewsArticle\",\"headline\":\"Broken\nLine\",\"datePublished\":\"May 11, 2024\"}",
			"Broken Line", "2024-05-11", nil},
		{"invalid json falls back", `{"@type":"NewsArticle","headline":"Nope",}`, "Fallback Title", "", nil},
		{"no article type", `{"@type":"WebSite","name":"Site"}`, "Fallback Title", "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src, _, err := Import("p.html", strings.NewReader(page(tt.ld)), Options{})
			if err != nil {
				t.Fatal(err)
			}
			if src.Title != tt.title || src.Published.String() != tt.published || !slices.Equal(src.Authors, tt.authors) &&
				len(src.Authors)+len(tt.authors) > 0 {
				t.Errorf("got %q %s %q", src.Title, src.Published, src.Authors)
			}
		})
	}
}

func TestStripSiteSuffix(t *testing.T) {
	tests := []struct{ title, site, want string }{
		{"Ports and Power | The Ledger", "The Ledger", "Ports and Power"},
		{"Ports and Power – The Ledger", "The Ledger", "Ports and Power"},
		{"The Ledger | Ports and Power", "The Ledger", "Ports and Power"},
		{"Ports and Power | Other Site", "The Ledger", "Ports and Power | Other Site"},
		{"Ports and Power | The Ledger", "", "Ports and Power | The Ledger"},
		{"The Ledger", "The Ledger", "The Ledger"},
	}
	for _, tt := range tests {
		if got := stripSiteSuffix(tt.title, tt.site); got != tt.want {
			t.Errorf("stripSiteSuffix(%q, %q) = %q, want %q", tt.title, tt.site, got, tt.want)
		}
	}
}

func TestHTMLDescriptionIsNotSubtitleWhenItIsTheLead(t *testing.T) {
	page := `<html><head><meta name="description" content="Export licences for dual-use goods now take twice as long">` +
		`<meta property="og:title" content="Licence Delays"></head><body><article>` + strings.Repeat(articlePara, 3) +
		`</article></body></html>`
	src, _, err := Import("p.html", strings.NewReader(page), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if src.Subtitle != "" || src.Title != "Licence Delays" {
		t.Errorf("subtitle %q title %q", src.Subtitle, src.Title)
	}
}
