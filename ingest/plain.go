package ingest

import (
	"fmt"
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
					b.found("title", t, "first # heading")
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
		b.found("title", v, "front matter "+k)
	}
	if v, k := fm.first("subtitle", "standfirst", "dek", "description", "summary"); v != "" && len([]rune(v)) <= 200 {
		s.Subtitle = v
		b.found("subtitle", v, "front matter "+k)
	}
	if v, k := fm.all("authors", "author", "by", "byline"); len(v) > 0 {
		for _, a := range v {
			s.Authors = append(s.Authors, splitAuthors(a)...)
		}
		b.found("authors", authorList(s.Authors), "front matter "+k)
	}
	dateKeys := []string{"date", "published", "publishdate", "pubdate", "date_published", "published_at",
		"publish_date", "published_date", "updated", "lastmod", "modified"}
	if v, k := fm.first(dateKeys...); v != "" {
		if d, ok := ParseHumanDate(v); ok {
			s.Published = d
			b.found("published", d.String(), fmt.Sprintf(`from front matter %s "%s"`, k, v))
		} else {
			b.warn(`the front matter %s "%s" is not a date this importer reads; set the publication date by hand (YYYY-MM-DD)`, k, v)
		}
	}
	if v, k := fm.first("publisher", "site", "site_name", "sitename", "publication", "outlet"); v != "" {
		s.Publisher = v
		b.found("publisher", v, "front matter "+k)
	}
	for _, k := range []string{"url", "link", "canonical", "canonical_url", "original_url", "source_url", "source"} {
		if v, _ := fm.first(k); isWebURL(v) {
			s.URL = v
			b.found("url", v, "front matter "+k)
			break
		} else if k == "source" && v != "" && s.Publisher == "" {
			s.Publisher = v
			b.found("publisher", v, "front matter source")
		}
	}
	if v, k := fm.first("lang", "language", "locale", "inlanguage"); v != "" {
		s.Language = normLang(v)
		b.found("language", s.Language, "front matter "+k)
	}
	if v, k := fm.first("section", "kicker", "category", "categories"); v != "" {
		s.Section = v
		b.found("section label", v, "front matter "+k)
	}
}

// applyTop fills what the first lines gave and is not known yet; metadata
// from front matter or HTML tags wins over guesses from the text.
func (b *builder) applyTop(m topMeta, titleFrom string) {
	s := b.src
	if m.section != "" && s.Section == "" {
		s.Section = m.section
		b.found("section label", m.section, "line above the title")
	}
	if m.title != "" && s.Title == "" {
		s.Title = m.title
		b.found("title", m.title, titleFrom)
	}
	if m.subtitle != "" && s.Subtitle == "" {
		s.Subtitle = m.subtitle
		b.found("subtitle", m.subtitle, "line under the title")
	}
	if len(m.byline.authors) > 0 {
		if len(s.Authors) == 0 {
			s.Authors = m.byline.authors
			b.found("authors", authorList(m.byline.authors), "byline")
		} else {
			b.found("removed", `"`+m.bylineLine+`"`, "byline line")
		}
		if m.byline.publisher != "" && s.Publisher == "" {
			s.Publisher = m.byline.publisher
			b.found("publisher", s.Publisher, "byline")
		}
	}
	if d, from := m.published(); !d.IsZero() {
		what := ""
		if m.pub.date.IsZero() {
			what = "; this is the update date, the text gives no publication date"
		}
		if s.Published.IsZero() {
			s.Published = d
			b.found("published", d.String(), fmt.Sprintf(`from "%s"%s`, from, what))
		} else {
			b.found("removed", `"`+from+`"`, "date line")
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
