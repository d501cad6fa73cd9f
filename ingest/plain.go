package ingest

import (
	"regexp"
	"strings"
	"unicode"

	"github.com/attache/attache/domain"
)

func (b *builder) importText(text string) {
	b.src.Kind = domain.KindArticle
	m, lines := detectTop(splitLines(text), topOptions{guessTitle: true})
	b.applyTop(m, "first line")
	b.setBody(paragraphs(lines))
}

var mdTitle = regexp.MustCompile(`^ {0,3}#[ \t]+(.+?)(?:[ \t]+#+)?[ \t]*$`)

func (b *builder) importMarkdown(text string) {
	b.src.Kind = domain.KindArticle
	fm, body, ok := splitFrontMatter(text)
	if ok {
		b.applyFrontMatter(fm)
	}
	opts := topOptions{knownTitle: b.src.Title, guessTitle: b.src.Title == ""}
	if b.src.Title == "" {
		// The first "# Heading" is the title when no front matter gave one.
		for _, l := range strings.SplitN(body, "\n", topWindow*4) {
			if isBlank(l) {
				continue
			}
			if m := mdTitle.FindStringSubmatch(l); m != nil {
				if t := oneLine(inline(m[1])); t != "" {
					b.src.Title, opts = t, topOptions{knownTitle: t}
					b.note(`title: "%s" (first # heading)`, t)
				}
			}
			break
		}
	}
	m, lines := detectTop(splitLines(strings.Join(markdownLines(body), "\n")), opts)
	b.applyTop(m, "first line")
	b.setBody(paragraphs(lines))
}

func (b *builder) applyFrontMatter(fm frontMatter) {
	s := b.src
	if v, k := fm.first("title", "headline"); v != "" {
		s.Title = v
		b.note(`title: "%s" (front matter %s)`, v, k)
	}
	if v, k := fm.first("subtitle", "standfirst", "dek", "description", "summary"); v != "" && len([]rune(v)) <= 200 {
		s.Subtitle = v
		b.note(`subtitle: "%s" (front matter %s)`, v, k)
	}
	if v, k := fm.all("authors", "author", "by", "byline"); len(v) > 0 {
		for _, a := range v {
			s.Authors = append(s.Authors, splitAuthors(a)...)
		}
		b.note("authors: %s (front matter %s)", authorList(s.Authors), k)
	}
	dateKeys := []string{"date", "published", "publishdate", "pubdate", "date_published", "published_at",
		"publish_date", "published_date", "updated", "lastmod", "modified"}
	if v, k := fm.first(dateKeys...); v != "" {
		if d, ok := ParseHumanDate(v); ok {
			s.Published = d
			b.note(`published: %s (from front matter %s "%s")`, d, k, v)
		} else {
			b.warn(`the front matter %s "%s" is not a date this importer reads; set the publication date by hand (YYYY-MM-DD)`, k, v)
		}
	}
	if v, k := fm.first("publisher", "site", "site_name", "sitename", "publication", "outlet"); v != "" {
		s.Publisher = v
		b.note("publisher: %s (front matter %s)", v, k)
	}
	for _, k := range []string{"url", "link", "canonical", "canonical_url", "original_url", "source_url", "source"} {
		if v, _ := fm.first(k); isWebURL(v) {
			s.URL = v
			b.note("url: %s (front matter %s)", v, k)
			break
		} else if k == "source" && v != "" && s.Publisher == "" {
			s.Publisher = v
			b.note("publisher: %s (front matter source)", v)
		}
	}
	if v, k := fm.first("lang", "language", "locale", "inlanguage"); v != "" {
		s.Language = normLang(v)
		b.note("language: %s (front matter %s)", s.Language, k)
	}
	if v, k := fm.first("section", "kicker", "category", "categories"); v != "" {
		s.Section = v
		b.note("section label: %s (front matter %s)", v, k)
	}
}

// applyTop fills what the first lines gave and is not known yet; metadata
// from front matter or HTML tags wins over guesses from the text.
func (b *builder) applyTop(m topMeta, titleFrom string) {
	s := b.src
	if m.section != "" && s.Section == "" {
		s.Section = m.section
		b.note("section label: %s", m.section)
	}
	if m.title != "" && s.Title == "" {
		s.Title = m.title
		b.note(`title: "%s" (%s)`, m.title, titleFrom)
	}
	if m.subtitle != "" && s.Subtitle == "" {
		s.Subtitle = m.subtitle
		b.note(`subtitle: "%s" (line under the title)`, m.subtitle)
	}
	if len(m.byline.authors) > 0 {
		if len(s.Authors) == 0 {
			s.Authors = m.byline.authors
			b.note("byline: %s", authorList(m.byline.authors))
		} else {
			b.note(`byline line removed from the text: "%s"`, m.bylineLine)
		}
		if m.byline.publisher != "" && s.Publisher == "" {
			s.Publisher = m.byline.publisher
			b.note("publisher: %s (from the byline)", s.Publisher)
		}
	}
	if d, from := m.published(); !d.IsZero() {
		what := ""
		if m.pub.date.IsZero() {
			what = "; this is the update date, the text gives no publication date"
		}
		if s.Published.IsZero() {
			s.Published = d
			b.note(`published: %s (from "%s"%s)`, d, from, what)
		} else {
			b.note(`date line removed from the text: "%s"`, from)
		}
	}
}

func authorList(a []string) string { return (&domain.Source{Authors: a}).AuthorList() }

// splitAuthors splits "A, B and C" from a metadata field into names,
// keeping an organisation's name whole ("Cyber and Critical Tech desk").
func splitAuthors(s string) []string {
	var out []string
	for _, item := range listSeparators.Split(s, -1) {
		item = leadingJoiner.ReplaceAllString(strings.TrimPrefix(strings.TrimSpace(item), "By "), "")
		for _, p := range joinedNames(item) {
			if p = oneLine(p); p != "" && (len(out) == 0 || !isAffiliation(p)) {
				out = append(out, p)
			}
		}
	}
	return out
}

func isWebURL(s string) bool {
	return len(s) < 2048 && (strings.HasPrefix(s, "https://") || strings.HasPrefix(s, "http://")) &&
		!strings.ContainsFunc(s, func(r rune) bool { return unicode.IsSpace(r) || unicode.IsControl(r) }) &&
		domain.IsWebURL(s)
}

// normLang writes a language tag the usual way: "en_US" → "en-US".
func normLang(s string) string {
	s = strings.ReplaceAll(strings.TrimSpace(s), "_", "-")
	if len(s) > 35 || strings.ContainsAny(s, " \t") {
		return ""
	}
	return s
}
