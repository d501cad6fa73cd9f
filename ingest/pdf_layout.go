package ingest

import (
	"math"
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// pdfStats are measured over the whole document: the body font size and
// the distance from one baseline to the next inside a paragraph of body text.
type pdfStats struct {
	body, pitch float64
	cols        [][]span // per page: left and right edges of the body text columns
}

type span struct{ x0, x1 float64 }

func measure(d *pdfDoc) pdfStats {
	sizes := map[float64]int{}
	for _, p := range d.pages {
		for _, l := range p.lines {
			if !l.drop {
				sizes[math.Round(l.size*2)/2] += len(l.text)
			}
		}
	}
	st := pdfStats{body: mode(sizes, 10), cols: make([][]span, len(d.pages))}
	dists := map[float64]int{}
	for i, p := range d.pages {
		var prev *pdfLine
		for _, l := range p.lines {
			if l.drop {
				continue
			}
			if near(l.size, st.body) {
				st.addToColumn(i, l)
				if prev != nil && near(prev.size, st.body) {
					if dd := l.base - prev.base; dd > 0 && dd < 3*st.body {
						dists[math.Round(dd*2)/2]++
					}
				}
			}
			prev = l
		}
	}
	st.pitch = mode(dists, 1.25*st.body)
	return st
}

// addToColumn widens the column whose left edge the line shares.
func (st pdfStats) addToColumn(page int, l *pdfLine) {
	for k, c := range st.cols[page] {
		if math.Abs(c.x0-l.x0) <= 0.5*st.body {
			st.cols[page][k].x1 = math.Max(c.x1, l.x1)
			return
		}
	}
	st.cols[page] = append(st.cols[page], span{l.x0, l.x1})
}

// fullLine says whether a body line reaches the right edge of its column,
// as a line broken in mid-sentence does.
func (st pdfStats) fullLine(l *pdfLine) bool {
	if !near(l.size, st.body) || l.page >= len(st.cols) {
		return false
	}
	for _, c := range st.cols[l.page] {
		if math.Abs(c.x0-l.x0) <= 0.5*st.body {
			return l.x1 >= c.x1-2*l.size
		}
	}
	return false
}

// shortLine says whether a line ends well short of its column's right edge,
// as the last line of a paragraph does.
func (st pdfStats) shortLine(l *pdfLine) bool {
	for _, c := range st.cols[l.page] {
		if math.Abs(c.x0-l.x0) <= 0.5*st.body {
			return l.x1 < c.x1-max(0.2*(c.x1-c.x0), 4*l.size)
		}
	}
	return false
}

// mode is the most common key, the smallest on ties; def when there is none.
func mode(m map[float64]int, def float64) float64 {
	best, n := def, 0
	for k, c := range m {
		if c > n || c == n && k < best {
			best, n = k, c
		}
	}
	return best
}

func near(a, b float64) bool { return math.Abs(a-b) <= 0.15*math.Max(a, b) }

// pitchFor scales the body line pitch to another font size.
func (st pdfStats) pitchFor(size float64) float64 { return st.pitch * math.Max(size, 1) / st.body }

// The top and bottom bands of a page where running heads and page numbers live.
const runningBand = 0.12

var romanNumeral = regexp.MustCompile(`^[ivxlc]+$`)

// runningKey is a line's text with digits (page numbers, years) masked so
// "Page 3 of 40" and "Page 4 of 40" compare equal.
func runningKey(s string) string {
	var b strings.Builder
	digit := false
	for _, r := range strings.ToLower(wsKey(s)) {
		if unicode.IsDigit(r) {
			if !digit {
				b.WriteByte('#')
			}
			digit = true
			continue
		}
		digit = false
		b.WriteRune(r)
	}
	k := b.String()
	if romanNumeral.MatchString(k) {
		return "#"
	}
	return k
}

// dropRunning marks the headers, footers and page numbers that repeat in
// the top or bottom band of many pages, and says what it removed.
func dropRunning(d *pdfDoc) []Finding {
	n := len(d.pages)
	if n < 2 {
		return nil
	}
	type hit struct {
		lines  []*pdfLine
		sample string
		header bool
	}
	hits := map[string]*hit{}
	var order []string
	for _, p := range d.pages {
		byTop := append([]*pdfLine(nil), p.lines...)
		sort.SliceStable(byTop, func(i, j int) bool { return byTop[i].top < byTop[j].top })
		seen := map[string]bool{}
		add := func(l *pdfLine, header bool) {
			k := runningKey(l.text)
			if header {
				k = "h" + k
			} else {
				k = "f" + k
			}
			if seen[k] {
				return
			}
			seen[k] = true
			if hits[k] == nil {
				hits[k] = &hit{sample: wsKey(l.text), header: header}
				order = append(order, k)
			}
			hits[k].lines = append(hits[k].lines, l)
		}
		for i := 0; i < len(byTop) && i < 3 && byTop[i].bottom <= runningBand*p.height; i++ {
			add(byTop[i], true)
		}
		for i := len(byTop) - 1; i >= 0 && i >= len(byTop)-3 && byTop[i].top >= (1-runningBand)*p.height; i-- {
			add(byTop[i], false)
		}
	}
	var notes []Finding
	for _, k := range order {
		h := hits[k]
		if len(h.lines) < 2 || len(h.lines)*5 < n*2 {
			continue
		}
		for _, l := range h.lines {
			l.drop = true
		}
		pages := plural(len(h.lines), "page", "pages")
		switch {
		case pageNumberKey(k[1:]):
			notes = append(notes, Finding{Field: "removed", Value: "page numbers", From: "on " + pages})
		case h.header:
			notes = append(notes, Finding{Field: "removed", Value: "running header “" + h.sample + "”", From: "on " + pages})
		default:
			notes = append(notes, Finding{Field: "removed", Value: "running footer “" + h.sample + "”", From: "on " + pages})
		}
	}
	return notes
}

// pageNumberKey accepts the masked forms of "12", "– 12 –", "Page 12 of 40".
func pageNumberKey(k string) bool {
	k = strings.NewReplacer("page", "", "of", "").Replace(k)
	return strings.Contains(k, "#") && !strings.ContainsFunc(k, unicode.IsLetter)
}

// leaders finds the dot leaders of a table of contents line.
var leaders = regexp.MustCompile(`(?:\. ?){4,}\s*\S{1,6}$|…{2,}|_{4,}`)

var listStart = regexp.MustCompile(`^(?:[•◦▪■●▸►‣⁃*·–—-]|\(?[0-9]{1,3}[.)]|\(?[a-z][.)]|\([A-Za-z]\)|\([ivx]{1,5}\))\s`)

// terminal says whether a line ends a sentence (or introduces a list).
func terminal(s string) bool {
	s = strings.TrimRight(s, " ”’\"')]»›*†‡0123456789")
	r := finalRune(s)
	return r == '.' || r == '!' || r == '?' || r == '…' || r == ':'
}

func startsLower(s string) bool {
	s = strings.TrimLeft(s, "([“‘\"'«‹")
	for _, r := range s {
		return unicode.IsLower(r)
	}
	return false
}

func finalRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}

// continues decides whether line b carries on the paragraph that line a
// ends on the same page.
func (st pdfStats) continues(a, b *pdfLine) bool {
	if listStart.MatchString(b.text) || !near(a.size, b.size) || leaders.MatchString(a.text) || leaders.MatchString(b.text) {
		return false
	}
	runOn := !terminal(a.text) && startsLower(b.text)
	jump := b.top < a.top-0.5*a.height() || b.x0 >= a.x1 // next column
	dist := b.base - a.base
	pitch := st.pitchFor(math.Max(a.size, b.size))
	switch {
	case jump: // a column that ends in mid-sentence runs on in the next
		return runOn || !terminal(a.text) && st.fullLine(a)
	case runOn && dist <= 2.5*pitch:
		return true
	case dist > 1.3*pitch, terminal(a.text) && st.shortLine(a):
		return false
	}
	return b.x0-a.x0 <= 0.8*b.size // an indented line starts a paragraph
}

// continuesOnNextPage decides whether the first line b of a page carries on
// the paragraph that ends the previous page with line a.
func (st pdfStats) continuesOnNextPage(a, b *pdfLine) bool {
	if listStart.MatchString(b.text) || !near(a.size, b.size) || terminal(a.text) {
		return false
	}
	if startsLower(b.text) || endsWithHyphen(a.text) {
		return true
	}
	// A full last line without a full stop usually runs on.
	return st.fullLine(a)
}

func endsWithHyphen(s string) bool {
	r := finalRune(s)
	return r == '-' || r == '‐' || r == '\u00AD'
}
