package domain

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// RuneSpan returns text[start:end] counted in runes, or an EINVALID error
// when the span does not lie inside the text.
func RuneSpan(text string, start, end int) (string, error) {
	n := utf8.RuneCountInString(text)
	if start < 0 || end > n || start >= end {
		return "", Errorf(EINVALID, "offsets %d–%d are outside the source text, which has %d characters: the start must be before the end and both within 0–%d", start, end, n, n)
	}
	b0, b1 := runeToByte(text, start, end)
	return text[b0:b1], nil
}

func runeToByte(text string, start, end int) (b0, b1 int) {
	b0, b1 = len(text), len(text)
	i := 0
	for b := range text {
		if i == start {
			b0 = b
		}
		if i == end {
			b1 = b
			break
		}
		i++
	}
	return b0, b1
}

// maxQuoteMatches bounds the work and the answer for a quote that is very
// common in the text, such as a single word.
const maxQuoteMatches = 100

// FindQuote locates a typed or pasted quote in text and returns the rune spans
// of its occurrences in text order (at most 100). Matching first tries the
// exact characters, then forgives differences in white space, straight vs
// curly quotes, dash styles (and spaces around dashes), "..." vs "…", and
// letter case. The spans always cover the text's own characters.
func FindQuote(text, quote string) ([]Span, error) {
	if strings.TrimSpace(quote) == "" {
		return nil, Errorf(EINVALID, "the quote is empty: give the words to find in the source")
	}
	if spans := exactMatches(text, quote); len(spans) > 0 {
		return spans, nil
	}
	nt := normalizeForMatch(text)
	nq := normalizeForMatch(quote)
	nq.trimSpace()
	if len(nq.runes) == 0 {
		return nil, Errorf(EINVALID, "the quote has no letters or digits to look for")
	}
	var spans []Span
	hay, needle := string(nt.runes), string(nq.runes)
	off := 0
	for len(spans) < maxQuoteMatches {
		i := strings.Index(hay[off:], needle)
		if i < 0 {
			break
		}
		k := utf8.RuneCountInString(hay[:off+i])
		last := k + len(nq.runes) - 1
		spans = append(spans, Span{Start: nt.from[k], End: nt.to[last]})
		off += i + len(string(nt.runes[k]))
	}
	if len(spans) == 0 {
		return nil, Errorf(EINVALID, "the source does not contain the quote %q: check the wording, or select the passage in the reader", truncate(quote, 60))
	}
	return spans, nil
}

func exactMatches(text, quote string) []Span {
	var spans []Span
	off, runeOff := 0, 0
	qn := utf8.RuneCountInString(quote)
	for len(spans) < maxQuoteMatches {
		i := strings.Index(text[off:], quote)
		if i < 0 {
			break
		}
		runeOff += utf8.RuneCountInString(text[off : off+i])
		spans = append(spans, Span{Start: runeOff, End: runeOff + qn})
		_, w := utf8.DecodeRuneInString(text[off+i:])
		off += i + w
		runeOff++
	}
	return spans
}

// matchText is a normalised copy of a text that remembers, for each of its
// runes, the original rune span it came from.
type matchText struct {
	runes    []rune
	from, to []int
}

func (m *matchText) add(r rune, from, to int) {
	m.runes = append(m.runes, r)
	m.from = append(m.from, from)
	m.to = append(m.to, to)
}

func (m *matchText) last() rune {
	if len(m.runes) == 0 {
		return 0
	}
	return m.runes[len(m.runes)-1]
}

func (m *matchText) dropLast() {
	n := len(m.runes) - 1
	m.runes, m.from, m.to = m.runes[:n], m.from[:n], m.to[:n]
}

func (m *matchText) trimSpace() {
	for len(m.runes) > 0 && m.last() == ' ' {
		m.dropLast()
	}
	for len(m.runes) > 0 && m.runes[0] == ' ' {
		m.runes, m.from, m.to = m.runes[1:], m.from[1:], m.to[1:]
	}
}

func normalizeForMatch(s string) *matchText {
	m := &matchText{}
	i := 0
	for _, r := range s {
		switch c := foldRune(r); {
		case c == ' ':
			if l := m.last(); l != ' ' && l != '-' {
				m.add(' ', i, i+1)
			}
		case c == '-':
			if m.last() == ' ' {
				m.dropLast()
			}
			if m.last() == '-' { // "--" typed for a dash
				m.to[len(m.to)-1] = i + 1
				break
			}
			m.add('-', i, i+1)
		case r == '…':
			for range 3 {
				m.add('.', i, i+1)
			}
		default:
			m.add(c, i, i+1)
		}
		i++
	}
	return m
}

// foldRune maps the characters people type differently to one form: white
// space to ' ', quotes to ' and ", dashes to '-', letters to lower case.
func foldRune(r rune) rune {
	switch r {
	case '‘', '’', '‚', '‛', '′', '`', '´':
		return '\''
	case '“', '”', '„', '‟', '″', '«', '»':
		return '"'
	case '‐', '‑', '‒', '–', '—', '―', '−':
		return '-'
	}
	if unicode.IsSpace(r) {
		return ' '
	}
	return unicode.ToLower(r)
}
