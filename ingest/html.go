package ingest

import (
	"fmt"
	"strings"

	readability "codeberg.org/readeck/go-readability/v2"
	"golang.org/x/net/html"

	"github.com/attache/attache/domain"
)

// maxReadabilityElems bounds the pages handed to readability, whose scoring
// passes grow faster than the page; larger pages are read token by token.
const (
	maxReadabilityElems = 30000
	maxReadabilityBytes = 16 << 20
)

func (b *builder) importHTML(text string) {
	b.src.Kind = domain.KindWebPage
	pm := scanHTMLMeta(text)
	b.rep.canonical = pm.canonical
	ld, _ := parseJSONLD(pm.jsonLD)
	art, paras := b.readable(text)
	b.applyHTMLMeta(&pm, ld, art, paras)
	lines := splitLines(strings.Join(paras, "\n\n"))
	m, lines := detectTop(lines, topOptions{knownTitle: b.src.Title, guessTitle: b.src.Title == ""})
	b.applyTop(m, "first paragraph of the page")
	b.setBody(paragraphs(lines))
}

// readable finds the article in the page with readability, falling back to
// all the page's text when it cannot. The tree is parsed here rather than by
// readability.FromReader, which would guess the encoding again (statistically)
// of text that is already decoded, and parse the page a second time. No
// network is ever used.
func (b *builder) readable(text string) (art *readability.Article, paras []string) {
	fallback := func(why string) (*readability.Article, []string) {
		b.warn("%s, so all of the page's text was imported; remove any menus or captions that came with it", why)
		if paras := tokenParagraphs(text, true); len(paras) > 0 {
			return nil, paras
		}
		return nil, tokenParagraphs(text, false) // the text is all in menus or headers: better than nothing
	}
	if len(text) > maxReadabilityBytes {
		return fallback("the page is too large to find its article")
	}
	doc, err := html.Parse(strings.NewReader(text))
	if err != nil {
		return fallback("the page is nested too deeply to find its article")
	}
	if countElements(doc) > maxReadabilityElems {
		return fallback("the page is too large to find its article")
	}
	a, ok := runReadability(doc)
	if !ok || a.Node == nil {
		return fallback("no main article was found in the page")
	}
	paras = nodeParagraphs(a.Node)
	if len(paras) == 0 {
		return fallback("no main article was found in the page")
	}
	return &a, paras
}

// runReadability shields the import from a panic inside the library: an
// odd page must give a plainer import, not a crash.
func runReadability(doc *html.Node) (a readability.Article, ok bool) {
	defer func() {
		if recover() != nil {
			ok = false
		}
	}()
	p := readability.NewParser()
	p.MaxElemsToParse = maxReadabilityElems
	a, err := p.ParseAndMutate(doc, nil)
	return a, err == nil
}

func countElements(n *html.Node) int {
	count := 0
	for d := range n.Descendants() {
		if d.Type == html.ElementNode {
			count++
		}
	}
	return count
}

// pick returns the first non-empty candidate value with its label.
func pick(c ...[2]string) (string, string) {
	for _, kv := range c {
		if v := oneLine(kv[0]); v != "" {
			return v, kv[1]
		}
	}
	return "", ""
}

// applyHTMLMeta fills the source from JSON-LD, then Open Graph and <meta>
// tags, then readability's guesses, then <title>.
func (b *builder) applyHTMLMeta(pm *pageMeta, ld ldArticle, art *readability.Article, paras []string) {
	s := b.src
	var ra readability.Article
	if art != nil {
		ra = *art
	}
	meta := func(keys ...string) [2]string { v, k := pm.get(keys...); return [2]string{v, k} }

	site, siteFrom := pick([2]string{ld.publisher, "JSON-LD publisher"}, meta("og:site_name"),
		[2]string{ra.SiteName(), "readability"}, meta("application-name"))
	if site != "" {
		s.Publisher = site
		b.found("publisher", site, siteFrom)
	}
	title, from := pick([2]string{ld.headline, "JSON-LD headline"}, meta("og:title"), meta("twitter:title"),
		meta("dc.title", "citation_title"), [2]string{ra.Title(), "readability"}, [2]string{pm.title, "<title>"})
	if title != "" {
		s.Title = stripSiteSuffix(title, site)
		b.found("title", s.Title, from)
	}
	body := ""
	if len(paras) > 0 {
		body = wsKey(paras[0][:min(len(paras[0]), 2048)])
	}
	if v, from := pick([2]string{ld.altHeadline, "JSON-LD alternativeHeadline"}); v != "" {
		s.Subtitle = v
		b.found("subtitle", v, from)
	} else if v, from := pick([2]string{ld.description, "JSON-LD description"}, meta("description"),
		meta("og:description"), meta("twitter:description")); v != "" && len([]rune(v)) <= 200 &&
		!strings.HasPrefix(body, strings.TrimSuffix(strings.TrimSuffix(v, "…"), "...")) {
		// A description that only repeats the lead is an excerpt, not a subtitle.
		s.Subtitle = v
		b.found("subtitle", v, from)
	}
	b.htmlAuthors(pm, ld, ra)
	b.htmlDate(pm, ld, ra)
	for _, c := range [][2]string{{ld.url, "JSON-LD url"}, meta("og:url"), {pm.canonical, "canonical link"}} {
		if isWebURL(c[0]) {
			s.URL = c[0]
			b.found("url", c[0], c[1])
			break
		}
	}
	if v, from := pick([2]string{ld.lang, "JSON-LD inLanguage"}, [2]string{pm.lang, "<html lang>"},
		meta("content-language", "dc.language"), meta("og:locale"), [2]string{ra.Language(), "readability"}); normLang(v) != "" {
		s.Language = normLang(v)
		b.found("language", s.Language, from)
	}
	if v, from := pick([2]string{ld.section, "JSON-LD articleSection"}, meta("article:section")); v != "" {
		s.Section = v
		b.found("section label", v, from)
	}
}

func (b *builder) htmlAuthors(pm *pageMeta, ld ldArticle, ra readability.Article) {
	if len(ld.authors) > 0 {
		b.src.Authors = ld.authors
		b.found("authors", authorList(ld.authors), "JSON-LD author")
		return
	}
	for _, k := range []string{"author", "article:author", "citation_author", "dc.creator", "parsely-author", "sailthru.author"} {
		var authors []string
		for _, v := range pm.meta[k] {
			if !strings.Contains(v, "://") { // article:author is often a profile URL
				authors = append(authors, splitAuthors(v)...)
			}
		}
		if len(authors) > 0 {
			b.src.Authors = authors
			b.found("authors", authorList(authors), "meta "+k)
			return
		}
	}
	if by := oneLine(ra.Byline()); by != "" {
		if bl, ok := parseByline(by); ok {
			b.src.Authors = bl.authors
		} else if bl, ok := parseByline("By " + by); ok {
			b.src.Authors = bl.authors
		}
		if len(b.src.Authors) > 0 {
			b.found("authors", authorList(b.src.Authors), fmt.Sprintf(`readability byline "%s"`, by))
		}
	}
}

func (b *builder) htmlDate(pm *pageMeta, ld ldArticle, ra readability.Article) {
	meta := func(keys ...string) [2]string { v, k := pm.get(keys...); return [2]string{v, k} }
	cands := [][2]string{{ld.published, "JSON-LD datePublished"},
		meta("article:published_time", "og:published_time", "datepublished", "citation_publication_date",
			"citation_date", "dc.date.issued", "dcterms.issued", "dc.date", "dcterms.created", "date",
			"pubdate", "publish-date", "publishdate", "parsely-pub-date", "sailthru.date")}
	for _, c := range cands {
		if d, ok := ParseHumanDate(c[0]); ok {
			b.src.Published = d
			b.found("published", d.String(), fmt.Sprintf(`from %s "%s"`, c[1], c[0]))
			return
		}
	}
	if d, ok := readabilityDate(ra); ok {
		b.src.Published = d
		b.found("published", b.src.Published.String(), "readability")
		return
	}
	for _, c := range [][2]string{{ld.modified, "JSON-LD dateModified"}, meta("article:modified_time", "og:updated_time", "datemodified")} {
		if d, ok := ParseHumanDate(c[0]); ok {
			b.src.Published = d
			b.found("published", d.String(), fmt.Sprintf(`from %s "%s"; the page gives only its update date`, c[1], c[0]))
			return
		}
	}
}

// readabilityDate guards the third-party date parser the same way as
// readability itself.
func readabilityDate(ra readability.Article) (d domain.Date, ok bool) {
	defer func() {
		if recover() != nil {
			ok = false
		}
	}()
	t, err := ra.PublishedTime()
	if err != nil || t.Year() < 1800 || t.Year() > 2200 {
		return domain.Date{}, false
	}
	return domain.DateOf(t), true
}
