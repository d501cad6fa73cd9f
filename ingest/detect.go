package ingest

import (
	"bytes"
	"path/filepath"
	"regexp"
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

const accepted = "plain text (.txt), Markdown (.md), a saved web page (.html, .htm), a PDF (.pdf) or a Word document (.docx)"

var formatByExt = map[string]string{
	".txt": FormatText, ".text": FormatText,
	".md": FormatMarkdown, ".markdown": FormatMarkdown, ".mdown": FormatMarkdown,
	".mkd": FormatMarkdown, ".mkdn": FormatMarkdown,
	".html": FormatHTML, ".htm": FormatHTML, ".xhtml": FormatHTML, ".shtml": FormatHTML,
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

// detectFormat goes by the extension, then by the content for unknown or
// missing extensions.
func detectFormat(name, text string) (format, why string) {
	ext := strings.ToLower(filepath.Ext(name))
	if f, ok := formatByExt[ext]; ok {
		return f, "from the extension " + ext
	}
	head := strings.TrimLeftFunc(text[:min(len(text), 64<<10)], isInvisible)
	lower := strings.ToLower(head)
	switch {
	case strings.HasPrefix(lower, "<!doctype html"), strings.HasPrefix(lower, "<html"),
		strings.Contains(lower, "<body"), strings.Contains(lower, "<p>"), strings.Contains(lower, "<p "):
		return FormatHTML, "from the content (HTML tags)"
	case strings.HasPrefix(head, "---\n"), mdHeading.MatchString(head):
		return FormatMarkdown, "from the content (Markdown front matter or # headings)"
	}
	return FormatText, "from the content"
}
