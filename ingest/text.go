package ingest

import (
	"path/filepath"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// cleanInput makes decoded text uniform before anything looks at it: LF
// line ends, NFC, and no invisible control characters (which would otherwise
// count towards excerpt offsets without being seen).
func cleanInput(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	s = strings.TrimPrefix(s, "\uFEFF")
	s = strings.Map(func(r rune) rune {
		switch {
		case r == '\n' || r == '\t':
			return r
		case r == '\f' || r == '\v' || r == '\u2028' || r == '\u2029' || r == '\u0085':
			return '\n'
		case r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0):
			return -1
		}
		return r
	}, s)
	return norm.NFC.String(s)
}

// splitLines cuts text into lines without trailing spaces or tabs.
func splitLines(s string) []string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " \t")
	}
	return lines
}

// isBlank counts a line of no-break spaces as blank: web pages use them to
// fake empty paragraphs.
func isBlank(line string) bool { return strings.TrimSpace(line) == "" }

// paragraphs groups lines into paragraphs, keeping single line breaks inside
// a paragraph; blank lines separate paragraphs.
func paragraphs(lines []string) []string {
	var out []string
	var cur []string
	flush := func() {
		if len(cur) > 0 {
			out = append(out, strings.Join(cur, "\n"))
			cur = cur[:0]
		}
	}
	for _, l := range lines {
		if isBlank(l) {
			flush()
			continue
		}
		cur = append(cur, l)
	}
	flush()
	return out
}

// wsKey is a paragraph with its white space normalised, for comparisons.
func wsKey(s string) string { return strings.Join(strings.FieldsFunc(s, unicode.IsSpace), " ") }

// sameText compares two strings ignoring case and white space.
func sameText(a, b string) bool {
	if a == "" || b == "" || len(a) > 4*len(b)+64 || len(b) > 4*len(a)+64 {
		return false
	}
	return strings.EqualFold(wsKey(a), wsKey(b))
}

// sameWords reports whether wsKey(a) == wsKey(b) without building either:
// collapseDuplicates compares every paragraph with the one before, and
// building the keys was a tenth of the time of importing an article.
func sameWords(a, b string) bool {
	for {
		a, b = strings.TrimLeftFunc(a, unicode.IsSpace), strings.TrimLeftFunc(b, unicode.IsSpace)
		if a == "" || b == "" {
			return a == b
		}
		i, j := wordEnd(a), wordEnd(b)
		if a[:i] != b[:j] {
			return false
		}
		a, b = a[i:], b[j:]
	}
}

// wordEnd is where the first word of s (which starts with one) ends.
func wordEnd(s string) int {
	if i := strings.IndexFunc(s, unicode.IsSpace); i >= 0 {
		return i
	}
	return len(s)
}

// collapseDuplicates drops a paragraph identical to the one before it, the
// usual artifact of copying a web page whose lead is repeated for layout.
func collapseDuplicates(paras []string) ([]string, int) {
	out := paras[:0:0]
	n := 0
	for _, p := range paras {
		if len(out) > 0 && sameWords(out[len(out)-1], p) {
			n++
			continue
		}
		out = append(out, p)
	}
	return out, n
}

// oneLine squeezes metadata onto one line with single spaces, in NFC.
// Bytes that are not UTF-8 become U+FFFD: a title can come from a file
// name or an address, which are bytes in no particular encoding.
func oneLine(s string) string {
	return norm.NFC.String(wsKey(strings.ToValidUTF8(s, "\uFFFD")))
}

// prettyFileTitle turns "chip-export_controls.txt" into "Chip export controls".
func prettyFileTitle(base string) string {
	base = strings.TrimSuffix(base, filepath.Ext(base))
	s := oneLine(strings.NewReplacer("_", " ", "-", " ", "+", " ").Replace(base))
	if s == "" {
		return "Untitled"
	}
	if !strings.ContainsFunc(s, unicode.IsUpper) {
		rs := []rune(s)
		rs[0] = unicode.ToUpper(rs[0])
		s = string(rs)
	}
	return s
}
