package ingest

import (
	"html"
	"regexp"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/attache/attache/domain"
)

// xmpMeta is what an XMP packet says about the document.
type xmpMeta struct {
	title    string
	creators []string
	language string
}

var (
	xmpPacket = regexp.MustCompile(`(?s)<x:xmpmeta.*?</x:xmpmeta>|<rdf:RDF.*?</rdf:RDF>`)
	xmpField  = func(name string) *regexp.Regexp {
		return regexp.MustCompile(`(?s)<dc:` + name + `\b[^>]*>(.*?)</dc:` + name + `>`)
	}
	xmpTitle    = xmpField("title")
	xmpCreator  = xmpField("creator")
	xmpLanguage = xmpField("language")
	xmpItem     = regexp.MustCompile(`(?s)<rdf:li\b[^>]*>(.*?)</rdf:li>`)
	xmlTag      = regexp.MustCompile(`<[^>]*>`)
)

// findXMP reads dc:title, dc:creator and dc:language from the last XMP
// packet that has them. Metadata streams are stored uncompressed by
// convention, so a plain search of the file finds them.
func findXMP(data []byte) xmpMeta {
	var m xmpMeta
	if len(data) > 64<<20 {
		return m
	}
	for _, p := range xmpPacket.FindAll(data, 64) {
		t, c := xmpTitle.FindSubmatch(p), xmpCreator.FindSubmatch(p)
		if t == nil && c == nil {
			continue
		}
		m = xmpMeta{}
		if t != nil {
			if items := xmpItems(t[1]); len(items) > 0 {
				m.title = items[0]
			}
		}
		if c != nil {
			m.creators = xmpItems(c[1])
		}
		if l := xmpLanguage.FindSubmatch(p); l != nil {
			if items := xmpItems(l[1]); len(items) > 0 {
				m.language = normLang(items[0])
			}
		}
	}
	return m
}

func xmpItems(b []byte) []string {
	var out []string
	items := xmpItem.FindAllSubmatch(b, 50)
	if items == nil {
		items = [][][]byte{{nil, b}}
	}
	for _, it := range items {
		s := oneLine(html.UnescapeString(xmlTag.ReplaceAllString(string(it[1]), "")))
		if s != "" && utf8.ValidString(s) {
			out = append(out, s)
		}
	}
	return out
}

// Titles that authoring tools write on their own.
var junkTitle = regexp.MustCompile(`(?i)^(?:untitled\S*|title|document\d*|presentation|powerpoint presentation|` +
	`slide \d+|print|draft|report|.*\.(?:docx?|pdf|indd|qxd|rtf|txt|odt|pptx?|xlsx?|tex|dvi|html?|ps))$`)

var toolPrefix = regexp.MustCompile(`(?i)^(?:microsoft (?:word|powerpoint|excel) - |untitled - )`)

// plausibleTitle refuses the file names and placeholders that authoring
// tools leave in the Title field.
func plausibleTitle(t, base string) bool {
	t = toolPrefix.ReplaceAllString(oneLine(t), "")
	n := utf8.RuneCountInString(t)
	return n >= 3 && n <= 300 && strings.ContainsFunc(t, unicode.IsLetter) && !junkTitle.MatchString(t) &&
		!strings.EqualFold(t, strings.TrimSuffix(base, ".pdf")) && !strings.EqualFold(t, base) &&
		!(strings.ContainsAny(t, "_\\") && !strings.Contains(t, " "))
}

func plausibleAuthors(names []string) []string {
	var out []string
	for _, a := range names {
		a = oneLine(a)
		if a == "" || len(a) > 100 || junkAuthors[strings.ToLower(a)] || strings.Contains(a, "@") ||
			!strings.ContainsFunc(a, unicode.IsLetter) || !strings.Contains(a, " ") && strings.ToLower(a) == a {
			continue
		}
		out = append(out, a)
	}
	return out
}

var lastFirst = regexp.MustCompile(`^\s*([\p{Lu}][\p{L}'’-]+),\s*([\p{Lu}][\p{L}.'’ -]*?)\s*$`)

// infoAuthors splits the Author field: "A; B", "A, B and C", and reads
// "Doe, Jane" as one name.
func infoAuthors(s string) []string {
	if m := lastFirst.FindStringSubmatch(s); m != nil && len(strings.Fields(m[2])) <= 2 {
		return []string{m[2] + " " + m[1]}
	}
	return splitAuthors(s)
}

var pdfDate = regexp.MustCompile(`^(?:D:)?(\d{4})-?(\d{2})-?(\d{2})`)

// parsePDFDate reads "D:20240511093000+01'00'" (or an ISO date) and refuses
// dates before PDF existed or in the future.
func parsePDFDate(s string, now time.Time) (domain.Date, bool) {
	m := pdfDate.FindStringSubmatch(strings.TrimSpace(s))
	if m == nil {
		return domain.Date{}, false
	}
	d, ok := makeDate(m[1], m[2], m[3])
	if !ok || d.Year < 1993 || d.Time().After(now.Add(24*time.Hour)) {
		return domain.Date{}, false
	}
	return d, true
}

// applyPDFInfo takes title, authors, subtitle, date and language from the
// document information dictionary and XMP. It returns the creation date,
// which a date printed on the first page overrides.
func (b *builder) applyPDFInfo(d *pdfDoc, base string) (created domain.Date) {
	s := b.src
	if t := d.info["Title"]; plausibleTitle(t, base) {
		s.Title = toolPrefix.ReplaceAllString(oneLine(t), "")
		b.found("title", s.Title, "document info")
	} else if t := d.xmp.title; plausibleTitle(t, base) {
		s.Title = oneLine(t)
		b.found("title", s.Title, "XMP metadata")
	}
	var authors []string
	for _, c := range d.xmp.creators {
		authors = append(authors, splitAuthors(c)...)
	}
	if a := plausibleAuthors(authors); len(a) > 0 {
		s.Authors = a
		b.found("authors", authorList(a), "XMP metadata")
	} else if a := plausibleAuthors(infoAuthors(d.info["Author"])); len(a) > 0 {
		s.Authors = a
		b.found("authors", authorList(a), "document info")
	}
	if sub := oneLine(d.info["Subject"]); sub != "" && utf8.RuneCountInString(sub) <= 200 && !sameText(sub, s.Title) {
		s.Subtitle = sub
		b.found("subtitle", sub, "document info subject")
	}
	if d.xmp.language != "" {
		s.Language = d.xmp.language
		b.found("language", s.Language, "XMP metadata")
	}
	created, _ = parsePDFDate(d.info["CreationDate"], time.Now())
	return created
}
