package ingest

import (
	"math"
	"sort"
	"strings"
	"unicode"

	"github.com/klippa-app/go-pdfium/responses"
)

// pdfChar is a character turned upright: x to the right, y downwards from
// the top of the page, in points.
type pdfChar struct {
	r                   rune
	x0, x1, top, bottom float64
	size                float64
	sup                 bool   // a raised mark, such as a footnote number
	g                   pglyph // where it is drawn, for the page map
}

// ligatures are the presentation forms that fonts draw as one glyph and
// PDFs often carry as one character: the text keeps their letters, so that
// find and search see "find", not "ﬁnd".
var ligatures = map[rune]string{'ﬀ': "ff", 'ﬁ': "fi", 'ﬂ': "fl", 'ﬃ': "ffi", 'ﬄ': "ffl", 'ﬅ': "ſt", 'ﬆ': "st"}

// shareOut gives each of the letters cs, drawn by one glyph whose box whole
// has, an equal part of that box along the line, in reading order.
func shareOut(cs []pdfChar, whole pdfChar, dx, dy float64) {
	n := len(cs)
	w := (whole.x1 - whole.x0) / float64(n)
	for i := range cs {
		cs[i].x0, cs[i].x1 = whole.x0+w*float64(i), whole.x0+w*float64(i+1)
		if whole.g.drawn() {
			cs[i].g.box = shareRect(whole.g.box, i, n, dx, dy)
		}
	}
}

// fragments builds the runs of characters that sit together on one line.
// Characters at an angle to the page's main direction (diagonal
// watermarks, rotated labels) are left out; a page whose text all runs at
// one angle, such as a landscape table, is turned upright first.
func (p *pdfPage) fragments(st *responses.GetPageTextStructured, page int) []*pdfLine {
	angles := map[float64]int{}
	for _, c := range st.Chars {
		if c.Text != "" && strings.TrimSpace(c.Text) != "" && !bad(c.Angle) {
			angles[math.Round(c.Angle*20)/20]++
		}
	}
	dom := mode(angles, 0)
	// PDFium measures a character's angle clockwise from the x axis of
	// page space (whose y runs up): turning by that angle makes it upright.
	sin, cos := math.Sincos(dom)
	turn := func(x, y float64) (float64, float64) { return x*cos - y*sin, x*sin + y*cos }
	// The page's corners, turned, give the upright page size and origin.
	minX, minY, maxX, maxY := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
	for _, c := range [][2]float64{{0, 0}, {p.width, 0}, {0, p.height}, {p.width, p.height}} {
		x, y := turn(c[0], c[1])
		minX, minY, maxX, maxY = math.Min(minX, x), math.Min(minY, y), math.Max(maxX, x), math.Max(maxY, y)
	}
	p.width, p.height = maxX-minX, maxY-minY
	// The direction in which upright text runs, on the rendered page: the
	// letters of one glyph share its box along it.
	dx, dy := p.frame.vec(math.Cos(dom), -math.Sin(dom))
	chars := make([]pdfChar, 0, len(st.Chars))
	group := -1 // where the run of characters sharing the last glyph's box starts
	var whole pdfChar
	var last responses.CharPosition
	for _, c := range st.Chars {
		r := []rune(c.Text + "\x00")[0]
		pos := c.PointPosition
		if strings.TrimSpace(c.Text) == "" || r == 0 {
			if r == '\r' || r == '\n' {
				chars = append(chars, pdfChar{r: '\n', g: madeUp})
			} else if r != 0 {
				chars = append(chars, pdfChar{r: ' ', g: madeUp})
			}
			group = -1
			continue
		}
		if bad(c.Angle) || math.Abs(angleDiff(c.Angle, dom)) > 0.05 || bad(pos.Left+pos.Right+pos.Top+pos.Bottom) {
			chars = append(chars, pdfChar{r: '\n', g: madeUp})
			group = -1
			continue
		}
		// PDFium reads a ligature whose font maps it to several letters as
		// that many characters with the glyph's box: they share it out.
		if group >= 0 && pos == last {
			chars = append(chars, whole)
			chars[len(chars)-1].r = r
			shareOut(chars[group:], whole, dx, dy)
			continue
		}
		ch := pdfChar{r: r, x0: math.Inf(1), top: math.Inf(1), x1: math.Inf(-1), bottom: math.Inf(-1), g: madeUp}
		for _, corner := range [][2]float64{{pos.Left, pos.Bottom}, {pos.Right, pos.Top}, {pos.Left, pos.Top}, {pos.Right, pos.Bottom}} {
			x, y := turn(corner[0], corner[1])
			x, y = x-minX, maxY-y
			ch.x0, ch.x1, ch.top, ch.bottom = math.Min(ch.x0, x), math.Max(ch.x1, x), math.Min(ch.top, y), math.Max(ch.bottom, y)
		}
		ch.size = (ch.bottom - ch.top) / 0.7 // a first guess; fragment measures better
		if p.framed {
			ch.g = pglyph{page: int32(page), box: p.frame.box(pos.Left, pos.Bottom, pos.Right, pos.Top)}
		}
		group, whole, last = len(chars), ch, pos
		// A ligature read as one character ("ﬁ") is written as its letters.
		if lig, ok := ligatures[r]; ok {
			for _, lr := range lig {
				ch.r = lr
				chars = append(chars, ch)
			}
			shareOut(chars[group:], whole, dx, dy)
			continue
		}
		chars = append(chars, ch)
	}
	composeAccents(chars)
	frags := runs(chars, page)
	// A run of short letters only ("a success") takes the page's usual size.
	var known []float64
	for _, f := range frags {
		if f.size > 0 {
			known = append(known, f.size)
		}
	}
	sort.Float64s(known)
	for _, f := range frags {
		switch {
		case f.size > 0:
		case len(known) > 0:
			f.size = known[len(known)/2]
		default:
			f.size = math.Round(math.Max((f.base-f.top)/0.5, 1)*2) / 2
		}
	}
	return frags
}

func angleDiff(a, b float64) float64 {
	d := math.Mod(a-b, 2*math.Pi)
	if d > math.Pi {
		d -= 2 * math.Pi
	} else if d < -math.Pi {
		d += 2 * math.Pi
	}
	return d
}

// onBaseline says whether c stands on the baseline: a letter or digit
// without a descender.
func onBaseline(c pdfChar) bool {
	return (unicode.IsLetter(c.r) || unicode.IsDigit(c.r)) && !strings.ContainsRune("gjpqyQJ", c.r)
}

// raised says whether c is a note mark: a digit or reference symbol
// floating above the baseline base by more than a quarter of the type size
// em. (Quotes and apostrophes float too, but are no marks.)
func raised(c pdfChar, base, em float64) bool {
	return !math.IsNaN(base) && (unicode.IsDigit(c.r) || strings.ContainsRune("*†‡§¶", c.r)) &&
		c.bottom < base-0.25*em && c.bottom-c.top < 0.6*em
}

// fragment measures a run of characters: its box, its baseline (where
// capitals and ascenders stand) and its font size, estimated from
// the height of capitals, digits and ascenders, about 0.71 em in most
// fonts, since asking PDFium for every character's size costs twice the
// time of reading the page.
func fragment(cs []pdfChar, text string, glyphs []pglyph, page int) *pdfLine {
	l := &pdfLine{page: page, x0: cs[0].x0, x1: cs[0].x1, top: cs[0].top, bottom: cs[0].bottom}
	bottoms := make([]float64, len(cs))
	for i, c := range cs {
		l.x0, l.x1, l.top, l.bottom = math.Min(l.x0, c.x0), math.Max(l.x1, c.x1), math.Min(l.top, c.top), math.Max(l.bottom, c.bottom)
		bottoms[i] = c.bottom
	}
	l.text, l.glyphs = cleanPDFText(text, glyphs)
	var tall, feet []float64
	for _, c := range cs {
		if c.sup { // a footnote mark says nothing of the line's type
			continue
		}
		if strings.ContainsRune(tallGlyphs, c.r) || unicode.IsUpper(c.r) && c.r != 'Q' && c.r != 'J' || unicode.IsDigit(c.r) {
			tall = append(tall, c.bottom-c.top)
			feet = append(feet, c.bottom)
		}
	}
	if len(feet) == 0 {
		feet = bottoms
	}
	sort.Float64s(feet)
	l.base = feet[(len(feet)-1)/2] // the higher middle: descenders hang lower
	if len(tall) > 0 {             // else 0: unknown, filled in by mergeRows
		sort.Float64s(tall)
		l.size = math.Round(math.Max(tall[len(tall)/2]/0.71, 1)*2) / 2
	}
	return l
}

// Lower-case letters that reach the ascender line and sit on the baseline
// (capitals count too, except Q and J, which may hang below it).
const tallGlyphs = "bdhkl"
