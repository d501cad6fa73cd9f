package export

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// WordprocessingML as strings. Word refuses a document whose properties
// stand out of the schema's sequence (LibreOffice forgives it), so every
// pPr and rPr is written by pPr.write and rPr.write, which keep that
// order, and never by hand.

// xmlText escapes s for element text and attribute values, dropping the
// characters XML 1.0 forbids (control characters other than tab and
// newline, unpaired surrogates, U+FFFE and U+FFFF) and nothing else.
func xmlText(s string) string {
	clean := true
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c == '&' || c == '<' || c == '>' || c == '"' || c >= 0x80 {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 16)
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		switch {
		case r == '&':
			b.WriteString("&amp;")
		case r == '<':
			b.WriteString("&lt;")
		case r == '>':
			b.WriteString("&gt;")
		case r == '"':
			b.WriteString("&quot;")
		case r == '\t' || r == '\n' || r == '\r':
			b.WriteRune(r)
		case !xmlChar(r) || (r == utf8.RuneError && n == 1):
			// forbidden in XML 1.0, or invalid UTF-8: dropped
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// xmlChar says whether XML 1.0 allows r.
func xmlChar(r rune) bool {
	return r == 0x9 || r == 0xA || r == 0xD || (r >= 0x20 && r <= 0xD7FF) ||
		(r >= 0xE000 && r <= 0xFFFD) || (r >= 0x10000 && r <= 0x10FFFF)
}

// attrs writes ` w:k="v"` pairs; keys are given with their prefix.
func attrs(b *strings.Builder, kv ...string) {
	for i := 0; i+1 < len(kv); i += 2 {
		b.WriteString(" " + kv[i] + `="` + xmlText(kv[i+1]) + `"`)
	}
}

// empty writes an empty element <name k="v"/>.
func empty(b *strings.Builder, name string, kv ...string) {
	b.WriteString("<" + name)
	attrs(b, kv...)
	b.WriteString("/>")
}

func itoa(n int) string { return strconv.Itoa(n) }

// unset marks an integer property that is not written.
const unset = -1 << 31

// pPr are paragraph properties, written in the schema's order (CT_PPr).
// Zero values are left out; integers use unset for "not given" where 0 is
// meaningful.
type pPr struct {
	style                          string
	keepNext, keepLines, pageBreak bool
	widowControl                   bool
	numID, ilvl                    int  // numID 0: no numbering
	numOff                         bool // numId 0: the style's numbering switched off
	border                         string
	shade                          string // fill colour, hex
	tabs                           string // w:tab elements
	before, after, line            int    // twips; unset for none
	left, right, hanging           int    // twips; 0 for none
	contextual                     bool
	jc                             string
	outline                        int // 0-based outline level; unset for none
}

// styled is a pPr with a style and nothing else set.
func styled(style string) pPr {
	return pPr{style: style, before: unset, after: unset, line: unset, outline: unset}
}

func (p pPr) write(b *strings.Builder) {
	var s strings.Builder
	if p.style != "" {
		empty(&s, "w:pStyle", "w:val", p.style)
	}
	boolElem(&s, "w:keepNext", p.keepNext)
	boolElem(&s, "w:keepLines", p.keepLines)
	boolElem(&s, "w:pageBreakBefore", p.pageBreak)
	boolElem(&s, "w:widowControl", p.widowControl)
	if p.numID > 0 {
		s.WriteString("<w:numPr>")
		empty(&s, "w:ilvl", "w:val", itoa(p.ilvl))
		empty(&s, "w:numId", "w:val", itoa(p.numID))
		s.WriteString("</w:numPr>")
	} else if p.numOff {
		s.WriteString(`<w:numPr><w:numId w:val="0"/></w:numPr>`)
	}
	if p.border != "" {
		s.WriteString("<w:pBdr>" + p.border + "</w:pBdr>")
	}
	if p.shade != "" {
		empty(&s, "w:shd", "w:val", "clear", "w:color", "auto", "w:fill", p.shade)
	}
	if p.tabs != "" {
		s.WriteString("<w:tabs>" + p.tabs + "</w:tabs>")
	}
	if p.before != unset || p.after != unset || p.line != unset {
		var kv []string
		if p.before != unset {
			kv = append(kv, "w:before", itoa(p.before))
		}
		if p.after != unset {
			kv = append(kv, "w:after", itoa(p.after))
		}
		if p.line != unset {
			kv = append(kv, "w:line", itoa(p.line), "w:lineRule", "auto")
		}
		empty(&s, "w:spacing", kv...)
	}
	if p.left != 0 || p.right != 0 || p.hanging != 0 {
		var kv []string
		if p.left != 0 {
			kv = append(kv, "w:left", itoa(p.left))
		}
		if p.right != 0 {
			kv = append(kv, "w:right", itoa(p.right))
		}
		if p.hanging != 0 {
			kv = append(kv, "w:hanging", itoa(p.hanging))
		}
		empty(&s, "w:ind", kv...)
	}
	boolElem(&s, "w:contextualSpacing", p.contextual)
	if p.jc != "" {
		empty(&s, "w:jc", "w:val", p.jc)
	}
	if p.outline != unset {
		empty(&s, "w:outlineLvl", "w:val", itoa(p.outline))
	}
	if s.Len() > 0 {
		b.WriteString("<w:pPr>" + s.String() + "</w:pPr>")
	}
}

// rPr are run properties, written in the schema's order (CT_RPr).
type rPr struct {
	style     string
	font      string
	bold      bool
	italic    bool
	caps      bool
	noProof   bool
	color     string // hex
	size      int    // half-points; 0 for none
	shade     string // fill colour, hex
	vertAlign string // "superscript"
}

func (r rPr) write(b *strings.Builder) {
	if r == (rPr{}) {
		return
	}
	b.WriteString("<w:rPr>")
	if r.style != "" {
		empty(b, "w:rStyle", "w:val", r.style)
	}
	if r.font != "" {
		empty(b, "w:rFonts", "w:ascii", r.font, "w:hAnsi", r.font, "w:cs", r.font)
	}
	boolElem(b, "w:b", r.bold)
	boolElem(b, "w:bCs", r.bold)
	boolElem(b, "w:i", r.italic)
	boolElem(b, "w:iCs", r.italic)
	boolElem(b, "w:caps", r.caps)
	boolElem(b, "w:noProof", r.noProof)
	if r.color != "" {
		empty(b, "w:color", "w:val", r.color)
	}
	if r.size > 0 {
		empty(b, "w:sz", "w:val", itoa(r.size))
		empty(b, "w:szCs", "w:val", itoa(r.size))
	}
	if r.shade != "" {
		empty(b, "w:shd", "w:val", "clear", "w:color", "auto", "w:fill", r.shade)
	}
	if r.vertAlign != "" {
		empty(b, "w:vertAlign", "w:val", r.vertAlign)
	}
	b.WriteString("</w:rPr>")
}

func boolElem(b *strings.Builder, name string, on bool) {
	if on {
		b.WriteString("<" + name + "/>")
	}
}

// run writes text as one run: spaces kept, "\n" as w:br, "\t" as w:tab.
func run(b *strings.Builder, r rPr, text string) {
	if text == "" {
		return
	}
	b.WriteString("<w:r>")
	r.write(b)
	text = strings.ReplaceAll(strings.ReplaceAll(text, "\r\n", "\n"), "\r", "\n")
	for i, line := range strings.Split(text, "\n") {
		if i > 0 {
			b.WriteString("<w:br/>")
		}
		for k, piece := range strings.Split(line, "\t") {
			if k > 0 {
				b.WriteString("<w:tab/>")
			}
			if piece = xmlText(piece); piece != "" {
				b.WriteString(`<w:t xml:space="preserve">` + piece + "</w:t>")
			}
		}
	}
	b.WriteString("</w:r>")
}

// hex is a colour as WordprocessingML writes it.
func hex(c rgb) string {
	const digits = "0123456789ABCDEF"
	out := make([]byte, 0, 6)
	for _, v := range []int{c.r, c.g, c.b} {
		out = append(out, digits[v>>4&15], digits[v&15])
	}
	return string(out)
}
