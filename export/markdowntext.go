package export

// Markdown's text: paragraphs, lists and quotes, escaping, portion marks,
// citations and links, as writeMarkdown puts them (markdown.go).

import (
	"fmt"
	"regexp"
	"strings"
)

// mdListItem lays out paragraphs as one list item, later lines indented
// under the first so that every paragraph stays inside the item.
func mdListItem(marker string, paras [][]string) []string {
	indent := strings.Repeat(" ", len(marker))
	var out []string
	for i, p := range paras {
		if i > 0 {
			out = append(out, "")
		}
		for _, l := range p {
			out = append(out, indent+l)
		}
	}
	out[0] = marker + strings.TrimPrefix(out[0], indent)
	return out
}

// mdQuoteLines lays out paragraphs as one block quote.
func mdQuoteLines(paras [][]string) []string {
	var out []string
	for i, p := range paras {
		if i > 0 {
			out = append(out, ">")
		}
		for _, l := range p {
			out = append(out, "> "+l)
		}
	}
	return out
}

// mdNewlines makes every line end a \n; built once, as building it costs
// more than using it.
var mdNewlines = strings.NewReplacer("\r\n", "\n", "\r", "\n")

// mdParagraphs splits text at blank lines into paragraphs of escaped,
// trimmed lines; a single newline stays a line break of the source text.
func mdParagraphs(text string) [][]string {
	if strings.IndexByte(text, '\r') >= 0 {
		text = mdNewlines.Replace(text)
	}
	var paras [][]string
	var cur []string
	for _, l := range append(strings.Split(text, "\n"), "") {
		if l = strings.TrimSpace(l); l != "" {
			cur = append(cur, mdEscape(l))
		} else if cur != nil {
			paras, cur = append(paras, cur), nil
		}
	}
	return paras
}

var (
	mdSpecial = "\\`*_[]<"
	// mdMaybeEscaped marks the bytes of mdSpecial and &.
	mdMaybeEscaped = func() (t [256]bool) {
		for _, c := range []byte(mdSpecial + "&") {
			t[c] = true
		}
		return t
	}()
	mdEntity     = regexp.MustCompile(`^&(#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);`)
	mdListNumber = regexp.MustCompile(`^[0-9]{1,9}[.)]`)
	mdURI        = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\x00-\x20\x7f<>]*$`)
)

// mdMayEscape tells whether s has a byte mdEscape may escape: most lines
// have none and are copied as they are.
func mdMayEscape(s string) bool {
	for i := 0; i < len(s); i++ {
		if mdMaybeEscaped[s[i]] {
			return true
		}
	}
	return false
}

// mdEscape backslash-escapes the characters that Markdown would read as
// markup in a line of text, including what would start a heading, quote,
// list, table, fence or setext underline; typographic characters and other
// Unicode pass unchanged.
func mdEscape(s string) string {
	if mdMayEscape(s) {
		var b strings.Builder
		b.Grow(len(s) + len(s)/8)
		for i := 0; i < len(s); i++ {
			if c := s[i]; strings.IndexByte(mdSpecial, c) >= 0 || (c == '&' && mdEntity.MatchString(s[i:])) {
				b.WriteByte('\\')
			}
			b.WriteByte(s[i])
		}
		s = b.String()
	}
	if s != "" && s[0] >= '0' && s[0] <= '9' { // the regexp only for what may match
		if n := len(mdListNumber.FindString(s)); n > 0 {
			return s[:n-1] + `\` + s[n-1:]
		}
	}
	if s != "" && strings.IndexByte("#>-+=~|", s[0]) >= 0 {
		return `\` + s
	}
	return s
}

// mdPortion is a portion mark, "(U) ", escaped; "" for none.
func mdPortion(p string) string {
	if p = mdInline(p); p != "" {
		return p + " "
	}
	return ""
}

// mdInline is text for a single line: white space collapsed, escaped.
func mdInline(s string) string { return mdEscape(strings.Join(strings.Fields(s), " ")) }

// mdHeading is mdInline that also keeps a closing # from being dropped.
// A final # that mdEscape has already escaped (a heading of just "#") is
// left alone: escaping it again would show the backslash.
func mdHeading(s string) string {
	s = mdInline(s)
	if strings.HasSuffix(s, "#") && !mdEscaped(s, len(s)-1) {
		s = s[:len(s)-1] + `\#`
	}
	return s
}

// mdEscaped reports whether the byte at i follows an odd run of backslashes.
func mdEscaped(s string, i int) bool {
	n := 0
	for ; i > 0 && s[i-1] == '\\'; i-- {
		n++
	}
	return n%2 == 1
}

// mdCite escapes a citation and makes its URL an autolink.
func mdCite(text, url string) string {
	i := strings.LastIndex(text, url)
	if url == "" || i < 0 {
		return mdInline(text)
	}
	rest := strings.Join(strings.Fields(text[i+len(url):]), " ")
	lead := mdInline(text[:i])
	if lead != "" {
		lead += " "
	}
	return lead + mdLink(url) + mdEscape(rest)
}

// mdLink is an autolink to u, or u as text when it is not an http or https
// address: a javascript: or data: "URL" stored before such addresses were
// refused, or brought in some other way, must not become a link to click
// in the exported briefing. An autolink cannot hold spaces, ASCII control characters, < or >, and a
// line break in a URL would end the line and let the rest be read as
// Markdown, so those are percent-encoded first.
func mdLink(u string) string {
	var b strings.Builder
	for i := 0; i < len(u); i++ {
		if c := u[i]; c <= ' ' || c == 0x7f || c == '<' || c == '>' {
			fmt.Fprintf(&b, "%%%02X", c)
		} else {
			b.WriteByte(c)
		}
	}
	u = b.String()
	if l := strings.ToLower(u); !mdURI.MatchString(u) || !strings.HasPrefix(l, "http://") && !strings.HasPrefix(l, "https://") {
		return mdEscape(u)
	}
	return "<" + u + ">"
}
