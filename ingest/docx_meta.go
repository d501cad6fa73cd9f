package ingest

import (
	"path/filepath"
	"strings"
	"unicode/utf8"
)

// coreProps is docProps/core.xml; fields match any namespace prefix.
type coreProps struct {
	Title       string `xml:"title"`
	Subject     string `xml:"subject"`
	Creator     string `xml:"creator"`
	Description string `xml:"description"`
	Created     string `xml:"created"`
	Language    string `xml:"language"`
}

type appProps struct {
	Company string `xml:"Company"`
}

// Titles and authors that templates and Office installations leave in the
// properties: they say nothing about the document. junkAuthors also serves
// the PDF importer, whose author fields come from the same tools.
var (
	junkTitles = set("title", "document", "untitled", "untitled document", "word document", "template",
		"normal", "presentation", "powerpoint presentation", "slide 1", "draft", "doc", "docx")
	junkAuthors = set("user", "windows user", "microsoft office user", "office user", "administrator",
		"admin", "owner", "author", "unknown", "utilisateur", "benutzer", "usuario", "utente", "guest", "pc",
		"home", "default", "root", "test", "anonymous", "python-docx", "apache poi", "docx4j")
)

// usableTitle is the dc:title unless it is a template's leftover, such as
// "Microsoft Word - brief.doc", a file name or "Document".
func usableTitle(t, base string) string {
	t = oneLine(t)
	lt := strings.ToLower(t)
	switch ext := strings.ToLower(filepath.Ext(lt)); {
	case t == "" || junkTitles[lt] || strings.HasPrefix(lt, "microsoft word - ") || utf8.RuneCountInString(t) > maxTitleRunes:
		return ""
	case ext == ".doc" || ext == ".docx" || ext == ".dot" || ext == ".dotx" || strings.EqualFold(t, base):
		return ""
	}
	return t
}

// takeTitleBlock removes the title paragraph at i, with a section label
// just above it and a Subtitle-styled paragraph just below, unless nothing
// would remain: a document that is only a title keeps it as its text.
func (b *builder) takeTitleBlock(paras []docxPara, i int) []docxPara {
	s := b.src
	var subtitle, section string
	rest := paras[i+1:]
	if len(rest) > 0 && rest[0].style.kind == styleSubtitle {
		subtitle, rest = oneLine(rest[0].plain), rest[1:]
	}
	if i == 1 && isKickerLine(paras[0].plain) {
		section = oneLine(paras[0].plain)
	}
	out := append([]docxPara{}, paras[:i]...)
	if section != "" {
		out = out[1:]
	}
	if out = append(out, rest...); len(out) == 0 {
		return paras
	}
	if subtitle != "" && s.Subtitle == "" {
		s.Subtitle = subtitle
		b.found("subtitle", subtitle, "Subtitle style")
	}
	if section != "" && s.Section == "" {
		s.Section = section
		b.found("section label", section, "above the title")
	}
	return out
}

// styledTitle finds the paragraph shown as the title: a Title-styled one
// among the first three, or a first paragraph in Heading 1.
func styledTitle(paras []docxPara) (int, string) {
	for i := 0; i < len(paras) && i < 3; i++ {
		if p := paras[i]; p.style.kind == styleTitle && !p.table && titleLike(p.plain) {
			return i, "Title style"
		}
	}
	if len(paras) > 1 && paras[0].style.kind == styleHeading && paras[0].style.level == 1 && titleLike(paras[0].plain) {
		return 0, "Heading 1 style"
	}
	return -1, ""
}

// applyDOCXProps fills what the text itself did not give from the document
// properties, which are often left over from a template and so come last.
func (b *builder) applyDOCXProps(d *docxContent) {
	s := b.src
	if s.Subtitle == "" {
		for _, c := range [][2]string{{d.core.Description, "description"}, {d.core.Subject, "subject"}} {
			if v := oneLine(c[0]); v != "" && utf8.RuneCountInString(v) <= 200 && !sameText(v, s.Title) {
				s.Subtitle = v
				b.found("subtitle", v, "document properties, "+c[1])
				break
			}
		}
	}
	if len(s.Authors) == 0 && oneLine(d.core.Creator) != "" {
		var ignored []string
		for _, a := range splitAuthors(d.core.Creator) {
			if junkAuthors[strings.ToLower(a)] || !looksLikeName(a, 6) {
				ignored = append(ignored, a)
			} else {
				s.Authors = append(s.Authors, a)
			}
		}
		if len(s.Authors) > 0 {
			b.found("authors", authorList(s.Authors), "document properties")
		}
		if len(ignored) > 0 {
			b.found("ignored", `author property "`+strings.Join(ignored, "; ")+`"`,
				"it looks like a computer account, not a person's name")
		}
	}
	if s.Published.IsZero() {
		if dt, ok := ParseHumanDate(strings.TrimSpace(d.core.Created)); ok {
			s.Published = dt
			b.found("published", dt.String(), "the document's creation date in its properties; check it")
		}
	}
	if v := oneLine(d.company); v != "" && s.Publisher == "" && len([]rune(v)) <= 120 {
		s.Publisher = v
		b.found("publisher", v, "document properties, Company")
	}
	for _, c := range [][2]string{{d.core.Language, "document properties"}, {d.lang, "default language of its styles"}} {
		if v := normLang(c[0]); v != "" && s.Language == "" {
			s.Language = v
			b.found("language", v, c[1])
		}
	}
}
