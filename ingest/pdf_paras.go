package ingest

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// pdfPara is a paragraph being assembled; marks record where in its text
// a page begins.
type pdfPara struct {
	text   string
	glyphs []pglyph // one per rune of text
	marks  []pageMark
	last   *pdfLine
}

type pageMark struct{ page, off int } // off in bytes of pdfPara.text

// vocab holds the words of a document, to decide whether a hyphen at a
// line end splits a word or joins a compound.
type vocab struct{ words, hyphenated map[string]bool }

func newVocab(d *pdfDoc) vocab {
	v := vocab{map[string]bool{}, map[string]bool{}}
	split := false // the previous line ended in a hyphen
	for _, p := range d.pages {
		for _, l := range p.lines {
			if l.drop {
				continue
			}
			toks := strings.Fields(l.text)
			for i, t := range toks {
				if i == 0 && split || i == len(toks)-1 && endsWithHyphen(t) {
					continue
				}
				w := strings.ToLower(strings.TrimFunc(t, func(r rune) bool { return !unicode.IsLetter(r) }))
				if strings.ContainsAny(w, "-‐") {
					v.hyphenated[strings.ReplaceAll(w, "‐", "-")] = true
				} else if w != "" {
					v.words[w] = true
				}
			}
			split = endsWithHyphen(l.text)
		}
	}
	return v
}

// Word starts that usually form hyphenated compounds ("self-regulation",
// "high-risk"), so a hyphen after them at a line end is kept.
var compoundFirst = set("self", "non", "cross", "high", "low", "well", "long", "short", "full", "half",
	"anti", "ex", "semi", "mid", "all", "near", "far", "large", "small", "top", "open", "ever", "tax",
	"cyber", "e", "x", "one", "two", "three", "four", "five", "ten", "first", "second", "third")

// joinLine appends a line to a paragraph's text and returns the offset at
// which the line's text starts. Hyphenation is undone only where the joined
// word is plausible; compounds keep their hyphen.
func (v vocab) joinLine(text, next string) (string, int) {
	if next == "" {
		return text, len(text)
	}
	lr, size := utf8.DecodeLastRuneInString(text)
	head := text[:len(text)-size]
	prev, _ := utf8.DecodeLastRuneInString(head)
	switch {
	case lr == '\u00AD':
		return head + next, len(head)
	case (lr == '-' || lr == '‐') && unicode.IsLetter(prev):
		w1, w2 := trailingWord(head), leadingWord(next)
		switch {
		case w2 == "and" || w2 == "or" || w2 == "to": // "pre- and post-war"
			return text + " " + next, len(text) + 1
		case v.unhyphenate(head[:len(head)-len(w1)], w1, w2):
			return head + next, len(head)
		}
		return text + next, len(text)
	case (lr == '—' || lr == '–' || lr == '/') && !unicode.IsSpace(prev):
		return text + next, len(text)
	}
	return text + " " + next, len(text) + 1
}

// join appends line l to the paragraph as joinLine does and keeps the
// glyphs in step: what joinLine kept of the paragraph, a made-up space if
// it put one, then the line's. It returns the offset joinLine does.
func (p *pdfPara) join(v vocab, l *pdfLine) int {
	text, off := v.joinLine(p.text, l.text)
	// The paragraph owns its glyphs (see paragraphsOf): append in place.
	switch kept := text[:off]; {
	case len(kept) == len(p.text):
	case len(kept) == len(p.text)+1:
		p.glyphs = append(p.glyphs, madeUp)
	default: // the line-end hyphen went
		p.glyphs = p.glyphs[:len(p.glyphs)-1]
	}
	p.text, p.glyphs = text, append(p.glyphs, l.glyphs...)
	return off
}

func (v vocab) unhyphenate(before, w1, w2 string) bool {
	r, _ := utf8.DecodeRuneInString(w2)
	if w1 == "" || w2 == "" || !unicode.IsLower(r) || strings.HasSuffix(before, "-") || strings.HasSuffix(before, "‐") {
		return false
	}
	l1, l2 := strings.ToLower(w1), strings.ToLower(w2)
	switch {
	case v.words[l1+l2]:
		return true
	case v.hyphenated[l1+"-"+l2], compoundFirst[l1]:
		return false
	case utf8.RuneCountInString(l1) >= 3 && utf8.RuneCountInString(l2) >= 3 && v.words[l1] && v.words[l2]:
		return false // two words in their own right: a compound such as "decision-making"
	}
	return true
}

func trailingWord(s string) string {
	i := strings.LastIndexFunc(s, func(r rune) bool { return !unicode.IsLetter(r) })
	return s[i+1:]
}

func leadingWord(s string) string {
	if i := strings.IndexFunc(s, func(r rune) bool { return !unicode.IsLetter(r) }); i >= 0 {
		return s[:i]
	}
	return s
}

// paragraphsOf assembles the kept lines of every page into paragraphs,
// joining a paragraph that runs over a page break, and records where each
// page after the first starts.
func paragraphsOf(d *pdfDoc, st pdfStats, v vocab) []*pdfPara {
	var paras []*pdfPara
	var pending []int // pages whose first text has not come yet
	for pi, p := range d.pages {
		if pi > 0 {
			pending = append(pending, pi)
		}
		first := true
		for _, l := range p.lines {
			if l.drop {
				continue
			}
			var cur *pdfPara
			if n := len(paras); n > 0 {
				last := paras[n-1].last
				if first && st.continuesOnNextPage(last, l) || !first && st.continues(last, l) {
					cur = paras[n-1]
				}
			}
			off := 0
			if cur == nil {
				cur = &pdfPara{text: l.text, glyphs: append([]pglyph(nil), l.glyphs...)}
				paras = append(paras, cur)
			} else {
				off = cur.join(v, l)
			}
			cur.last = l
			for _, pg := range pending {
				cur.marks = append(cur.marks, pageMark{pg, off})
			}
			pending, first = pending[:0], false
		}
	}
	if len(pending) > 0 && len(paras) > 0 { // trailing pages without text
		last := paras[len(paras)-1]
		for _, pg := range pending {
			last.marks = append(last.marks, pageMark{pg, len(last.text)})
		}
	}
	return paras
}

// collapsePDFDuplicates drops a paragraph repeating the one before it; the
// page starts it held move to the start of the next paragraph.
func collapsePDFDuplicates(paras []*pdfPara) ([]*pdfPara, int) {
	var out []*pdfPara
	var carry []pageMark
	n := 0
	for _, p := range paras {
		if len(out) > 0 && wsKey(out[len(out)-1].text) == wsKey(p.text) {
			n++
			for _, m := range p.marks {
				carry = append(carry, pageMark{m.page, 0})
			}
			continue
		}
		p.marks = append(carry, p.marks...)
		carry = nil
		out = append(out, p)
	}
	if len(carry) > 0 && len(out) > 0 {
		last := out[len(out)-1]
		for _, m := range carry {
			last.marks = append(last.marks, pageMark{m.page, len(last.text)})
		}
	}
	return out, n
}

// assemble joins the paragraphs with one blank line, normalises to NFC and
// returns the rune offset at which each page after the first begins, and
// the glyph of each rune of the text.
func assemble(paras []*pdfPara, pages int) (string, []int, []pglyph) {
	var b strings.Builder
	n := 0
	for _, p := range paras {
		n += len(p.glyphs) + 2
	}
	glyphs := make([]pglyph, 0, n)
	byteOff := make([]int, max(pages-1, 0))
	for i := range byteOff {
		byteOff[i] = -1
	}
	for i, p := range paras {
		if i > 0 {
			b.WriteString("\n\n")
			glyphs = append(glyphs, madeUp, madeUp)
		}
		for _, m := range p.marks {
			if m.page >= 1 && m.page < pages {
				byteOff[m.page-1] = b.Len() + m.off
			}
		}
		b.WriteString(p.text)
		glyphs = append(glyphs, p.glyphs...)
	}
	raw := b.String()
	text, glyphs := nfcGlyphs(raw, glyphs)
	total := len(glyphs)
	out := make([]int, len(byteOff))
	prev, counted, at := 0, 0, 0 // runes in raw[:at]
	for i, off := range byteOff {
		r := total
		switch {
		case off < 0 || off >= len(raw):
		case text == raw && off >= at: // offsets rise page by page: count on from the last
			counted += utf8.RuneCountInString(raw[at:off])
			r, at = counted, off
		default: // normalisation changed the text: count in the normalised prefix
			r = utf8.RuneCountInString(norm.NFC.String(raw[:off]))
		}
		r = min(max(r, prev), total)
		out[i], prev = r, r
	}
	return text, out, glyphs
}
