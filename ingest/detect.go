package ingest

import (
	"bytes"
	"context"
	"regexp"
	"slices"
	"strings"
	"unicode"

	"github.com/attache/attache/domain"
)

// Formats reported in Report.Format.
const (
	FormatText     = "text"
	FormatMarkdown = "markdown"
	FormatHTML     = "html"
)

// Format is one kind of file the importer reads, published once so that
// the file dialog's filter, the "accepted formats" message and format
// detection all come from the same list.
type Format struct {
	Name        string   // as in Report.Format
	Description string   // a few words for the analyst: "a saved web page"
	Extensions  []string // lower case with the dot; the first is the usual one
	MIMETypes   []string // what a web server sends for it

	// The import func: read takes the whole file (a PDF, a Word
	// package); a text format has body instead, given the text once it is
	// decoded and checked.
	read func(ctx context.Context, in input, data []byte) (*domain.Source, *Report, error)
	body func(b *builder, text string)
}

// formats is the registry, in the order the analyst is told about them.
var formats = []*Format{
	{Name: FormatText, Description: "plain text", Extensions: []string{".txt", ".text"},
		MIMETypes: []string{"text/plain"}, body: (*builder).importText},
	{Name: FormatMarkdown, Description: "Markdown", Extensions: []string{".md", ".markdown", ".mdown", ".mkd", ".mkdn"},
		MIMETypes: []string{"text/markdown", "text/x-markdown"}, body: (*builder).importMarkdown},
	{Name: FormatHTML, Description: "a saved web page", Extensions: []string{".html", ".htm", ".xhtml", ".shtml"},
		MIMETypes: []string{"text/html", "application/xhtml+xml"}, body: (*builder).importHTML},
	{Name: FormatPDF, Description: "a PDF", Extensions: []string{".pdf"},
		MIMETypes: []string{"application/pdf"}, read: importPDF},
	{Name: FormatDOCX, Description: "a Word document", Extensions: []string{".docx", ".docm", ".dotx", ".dotm"},
		MIMETypes: []string{docxMIME}, read: func(_ context.Context, in input, data []byte) (*domain.Source, *Report, error) {
			return importDOCX(in, data)
		}},
}

// Formats lists the formats the importer reads (copies: the registry
// itself cannot be changed from outside).
func Formats() []Format {
	out := make([]Format, len(formats))
	for i, f := range formats {
		out[i] = *f
		out[i].Extensions = slices.Clone(f.Extensions)
		out[i].MIMETypes = slices.Clone(f.MIMETypes)
	}
	return out
}

// Accepted names the formats with their usual extensions, for messages:
// "plain text (.txt), Markdown (.md), …, a PDF (.pdf) or a Word document (.docx)".
func Accepted() string {
	names := make([]string, len(formats))
	for i, f := range formats {
		names[i] = f.Description + " (" + f.Extensions[0] + ")"
	}
	return strings.Join(names[:len(names)-1], ", ") + " or " + names[len(names)-1]
}

var accepted = Accepted()

func formatByExt(ext string) *Format {
	for _, f := range formats {
		if slices.Contains(f.Extensions, ext) {
			return f
		}
	}
	return nil
}

func formatByMIME(mt string) *Format {
	for _, f := range formats {
		if slices.Contains(f.MIMETypes, mt) {
			return f
		}
	}
	return nil
}

func formatNamed(name string) *Format {
	for _, f := range formats {
		if f.Name == name {
			return f
		}
	}
	return nil
}

// is tells whether f is the format called name; a nil f is none.
func (f *Format) is(name string) bool { return f != nil && f.Name == name }

// stopped is the error of an import that ctx stopped, nil while it runs.
func stopped(ctx context.Context, label string) error {
	if ctx.Err() == nil {
		return nil
	}
	return domain.Errorf(domain.EINVALID, "the import of %s was stopped before it finished; nothing of it was imported", label)
}

// Document formats that look like files we read but are not: named so the
// analyst learns what to do instead of seeing a "binary" complaint.
var unsupportedMagic = []struct {
	magic, message string
}{
	{"PK\x03\x04", "%s is a ZIP package such as an .odt or .epub file (not a Word .docx). Importing those is not " +
		"supported yet; in your word processor use File › Save As to save it as plain text (.txt) " +
		"or a web page (.html) and import that file"},
	{"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", "%s is an old-style Word or Office file (.doc). Importing those is " +
		"not supported yet; save it as plain text (.txt) or a web page (.html) and import that file"},
	{`{\rtf`, "%s is a Rich Text (.rtf) file. RTF import is not supported yet; save it as plain text " +
		"(.txt) and import that file"},
}

// checkUnsupported refuses known binary document formats by their magic
// bytes, which must be tested before decoding mangles them.
func checkUnsupported(name string, data []byte) error {
	head := bytes.TrimLeft(data[:min(len(data), 1024)], "\xEF\xBB\xBF \t\r\n")
	for _, u := range unsupportedMagic {
		if bytes.HasPrefix(head, []byte(u.magic)) {
			return domain.Errorf(domain.EINVALID, u.message, name)
		}
	}
	return nil
}

func isInvisible(r rune) bool {
	return unicode.IsSpace(r) || r == '\uFEFF' || r == '\u200B' || r == '\u200C' || r == '\u200D' || r == '\u2060'
}

func checkEmpty(name, text string) error {
	if strings.TrimFunc(text, isInvisible) == "" {
		return domain.Errorf(domain.EINVALID,
			"%s is empty: it has no text to import; check you picked the right file and that it was saved", name)
	}
	return nil
}

// checkBinary refuses text with NUL bytes or many control characters, which
// no article contains but images, archives and executables do.
func checkBinary(name, text string) error {
	total, ctrl := 0, 0
	for _, r := range text { // a single NUL is enough: no text file has one
		total++
		switch {
		case r == 0:
			return domain.Errorf(domain.EINVALID, "%s looks like a binary file, not text: import %s", name, accepted)
		case r == '\uFFFD' || (r < 0x20 && r != '\n' && r != '\r' && r != '\t' && r != '\f') ||
			(r >= 0x7f && r < 0xa0):
			ctrl++
		}
	}
	if ctrl > 0 && ctrl*20 > total {
		return domain.Errorf(domain.EINVALID, "%s looks like a binary file, not text: import %s", name, accepted)
	}
	return nil
}

var mdHeading = regexp.MustCompile(`(?m)^#{1,6}[ \t]+\S`)

// textFormat is the declared format if it is a text one, else the one the
// content shows.
func textFormat(declared *Format, why, text string) (*Format, string) {
	if declared != nil && declared.body != nil {
		return declared, why
	}
	head := strings.TrimLeftFunc(text[:min(len(text), 64<<10)], isInvisible)
	lower := strings.ToLower(head)
	switch {
	case strings.HasPrefix(lower, "<!doctype html"), strings.HasPrefix(lower, "<html"),
		strings.Contains(lower, "<body"), strings.Contains(lower, "<p>"), strings.Contains(lower, "<p "):
		return formatNamed(FormatHTML), "from the content (HTML tags)"
	case strings.HasPrefix(head, "---\n"), mdHeading.MatchString(head):
		return formatNamed(FormatMarkdown), "from the content (Markdown front matter or # headings)"
	}
	return formatNamed(FormatText), "from the content"
}
