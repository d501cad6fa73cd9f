package ingest

import (
	"math"
	"sort"
	"strings"
	"unicode"
)

// joint is what lies between two neighbouring characters of a run: the gap
// between their glyphs in type sizes (em), whether PDFium put a space
// there, and what a footnote mark decides.
type joint struct {
	gap   float64
	space bool // PDFium read a space here (from the font's spacing)
	after bool // a raised mark ends here: the next word starts after a space
	onto  bool // a raised mark starts here: it belongs to the word before
}

// runs groups characters into line fragments: a new fragment starts at a
// line break, on another line, or across a gap as wide as a narrow column gutter;
// mergeRows joins again what is not a column gutter. Inside a fragment,
// word spaces are decided by wordSpaces once the whole run is known.
func runs(chars []pdfChar, page int) []*pdfLine {
	var out []*pdfLine
	var cur []pdfChar
	var joints []joint // joints[i] lies before cur[i+1]
	space := false
	flush := func() {
		if len(cur) > 0 {
			text, glyphs := wordSpaces(cur, joints)
			if l := fragment(cur, text, glyphs, page); strings.TrimSpace(l.text) != "" {
				out = append(out, l)
			}
		}
		cur, joints, space = cur[:0], joints[:0], false
	}
	floor := usualSize(chars)
	tallest, top, bottom := 0.0, 0.0, 0.0 // of the current run
	base := math.NaN()                    // the run's baseline, once a letter has shown it
	for i, c := range chars {
		switch {
		case c.r == '\n' && !markFollows(chars[i+1:], cur, base, math.Max(tallest, floor)):
			flush()
			continue
		case c.r == '\n':
			continue
		case c.r == ' ':
			space = len(cur) > 0
			continue
		}
		if n := len(cur); n > 0 {
			prev := &cur[n-1]
			em := math.Max(math.Max(tallest, c.size), floor)
			// Against the run's extent, not the last glyph: a quote mark and
			// the letter after it need not overlap.
			overlap := math.Min(bottom, c.bottom) - math.Max(top, c.top) + 0.1*em
			gap := c.x0 - prev.x1
			// A footnote mark is raised above the baseline: it belongs to the
			// word before it, and a word follows it after a space even where
			// the mark's box nearly touches it ("¹See the report").
			c.sup = raised(c, base, em)
			// Brackets around a raised number ("[10]", as Wikipedia sets its
			// citations) hang lower than the digits: they go with them.
			if c.sup && prev.r == '[' && !prev.sup && prev.bottom < base {
				prev.sup = true
				if n >= 2 {
					joints[n-2].onto = joints[n-2].gap < 0.5
				}
			}
			if c.r == ']' && prev.sup && c.bottom < base {
				c.sup = true
			}
			leaving := prev.sup && !c.sup || n == 1 && onBaseline(c) && raised(*prev, c.bottom, em)
			if leaving {
				prev.sup = true
			}
			if overlap < 0 || gap < -0.5*em || gap > 0.8*em && !(c.sup && gap < 1.2*em) {
				flush()
			} else {
				joints = append(joints, joint{gap: gap / em, space: space,
					after: leaving && unicode.IsLetter(c.r), onto: c.sup && !prev.sup && gap < 0.5*em})
			}
		}
		if len(cur) == 0 {
			tallest, top, bottom, base = 0, c.top, c.bottom, math.NaN()
		}
		if !c.sup {
			tallest = math.Max(tallest, c.size)
			if onBaseline(c) {
				base = c.bottom
			}
		}
		top, bottom = math.Min(top, c.top), math.Max(bottom, c.bottom)
		space = false
		cur = append(cur, c)
	}
	flush()
	return out
}

// markFollows says whether the characters after a line break PDFium
// reported go on the run cur as a raised note mark ("Thunderbird,[10]"):
// PDFium often starts a new line where the text rises.
func markFollows(next, cur []pdfChar, base, em float64) bool {
	if len(cur) == 0 || math.IsNaN(base) {
		return false
	}
	for _, c := range next {
		switch {
		case c.r == '\n' || c.r == ' ':
			continue
		case !unicode.IsDigit(c.r) && !strings.ContainsRune("[*†‡§¶", c.r):
			return false
		}
		gap := c.x0 - cur[len(cur)-1].x1
		return gap > -0.1*em && gap < 0.4*em && c.bottom < base-0.1*em && c.bottom > base-em
	}
	return false
}

// usualSize is the page's usual letter size: short glyphs (dashes, quotes)
// say little about the size of the type, so gaps are measured against the
// tallest letter of the run so far, or this.
func usualSize(chars []pdfChar) float64 {
	var hs []float64
	for _, c := range chars {
		if c.size > 0 {
			hs = append(hs, c.size)
		}
	}
	if len(hs) == 0 {
		return 1
	}
	sort.Float64s(hs)
	return hs[len(hs)/2]
}

// wordSpaces writes a run's text, a space at each word gap, and a glyph
// per rune. Word gaps are read from the glyph positions against the run's
// own letter spacing (the middle of its gaps), so text set with wide
// tracking ("E X E C U T I V E") is not cut into letters, nor ordinary text
// into syllables; where PDFium found a space (it measures gaps against the
// font's space width) that space is kept unless the letters are tracked
// and the gap is no wider than between letters.
func wordSpaces(cs []pdfChar, js []joint) (string, []pglyph) {
	// Tracking shows between letters; dot leaders and digits say nothing.
	var gaps []float64
	for i, j := range js {
		if unicode.IsLetter(cs[i].r) && unicode.IsLetter(cs[i+1].r) {
			gaps = append(gaps, j.gap)
		}
	}
	track := 0.0
	if len(gaps) >= 4 {
		sort.Float64s(gaps)
		track = max(gaps[len(gaps)/2], 0)
	}
	tracked := track > 0.15
	var b strings.Builder
	b.Grow(len(cs) + len(cs)/4)
	glyphs := make([]pglyph, 0, len(cs)+len(cs)/4)
	for i, c := range cs {
		if i > 0 {
			j := js[i-1]
			word := j.space && (!tracked || j.gap > track+0.15) || j.gap > max(0.35, track+0.25)
			if j.after || word && !j.onto {
				b.WriteByte(' ')
				glyphs = append(glyphs, madeUp)
			}
		}
		b.WriteRune(c.r)
		glyphs = append(glyphs, c.g)
	}
	return b.String(), glyphs
}
