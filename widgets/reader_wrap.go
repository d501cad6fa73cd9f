package widgets

import (
	"math"
	"sort"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// readerLine is one wrapped line: the rune range [start, end). A hard line
// (paragraph) ends before its '\n'; a soft-wrapped line keeps its trailing
// spaces, so the next line starts where it ends.
type readerLine struct{ start, end int }

// metrics are the theme-derived sizes a wrap depends on.
type metrics struct {
	textSize, lineH, pad, spaceW, minCol, maxCol, sig float32
	scale                                             float32 // device pixels per unit
}

type wrapState struct {
	metrics
	lines      []readerLine
	widths     []float32    // measured width of each line; < 0 until measured
	width      float32      // widget width of the current wrap
	colX, colW float32      // text column
	ascii      [128]float32 // advance widths of ASCII runes; 0 until measured
	adv        map[rune]float32
}

func (w *wrapState) lineTop(line int) float32 { return w.pad + float32(line)*w.lineH }

var textStyle = fyne.TextStyle{}

func (r *Reader) measure(s string) float32 {
	return fyne.MeasureText(s, r.wrap.textSize, textStyle).Width
}

// updateMetrics reads sizes from the theme; it reports whether they changed,
// in which case the word cache is dropped.
func (r *Reader) updateMetrics() bool {
	th := r.Theme()
	size := th.Size(theme.SizeNameText)
	// Lines and the column start on whole device pixels: a text texture
	// drawn at a fractional position is resampled, and some lines then
	// look lighter or blurred at 1x scale.
	px := r.pixelScale()
	m := metrics{textSize: size, pad: snapUp(th.Size(theme.SizeNameInnerPadding), px), scale: px}
	m.lineH = snapUp(fyne.MeasureText("M", size, textStyle).Height+th.Size(theme.SizeNameLineSpacing), px)
	// The signature notices a font change at the same size.
	m.sig = fyne.MeasureText("Mg’—ΩЖ", size, textStyle).Width
	sample := "the quick brown fox jumps over a lazy dog"
	m.maxCol = 75 * fyne.MeasureText(sample, size, textStyle).Width / float32(len(sample))
	m.minCol = 8 * fyne.MeasureText("M", size, textStyle).Width
	m.spaceW = fyne.MeasureText(" ", size, textStyle).Width
	if m == r.wrap.metrics && r.wrap.adv != nil {
		return false
	}
	r.wrap.metrics = m
	r.wrap.ascii = [128]float32{}
	r.wrap.adv = make(map[rune]float32, 256)
	return true
}

// pixelScale is the number of device pixels per Fyne unit where the reader
// is shown (1 before it is on a canvas).
func (r *Reader) pixelScale() float32 {
	if app := fyne.CurrentApp(); app != nil {
		if c := app.Driver().CanvasForObject(r); c != nil && c.Scale() > 0 {
			return c.Scale()
		}
	}
	return 1
}

// snapUp and snapDown round v up or down to a whole number of device
// pixels at scale px.
func snapUp(v, px float32) float32   { return float32(math.Ceil(float64(v*px))) / px }
func snapDown(v, px float32) float32 { return float32(math.Floor(float64(v*px))) / px }

// rewrap wraps the whole text for a widget of the given width.
func (r *Reader) rewrap(width float32) {
	w := &r.wrap
	w.width = width
	w.colW = max(min(w.maxCol, width-2*w.pad), w.minCol)
	w.colX = snapDown(max(w.pad, (width-w.colW)/2), w.scale)
	w.lines = w.lines[:0]
	start := 0
	for i := 0; i <= len(r.runes); i++ {
		if i == len(r.runes) || r.runes[i] == '\n' {
			r.wrapParagraph(start, i)
			start = i + 1
		}
	}
	w.widths = w.widths[:0]
	for range w.lines {
		w.widths = append(w.widths, -1)
	}
}

// wrapParagraph greedily fills lines with the words of runes[ps:pe].
func (r *Reader) wrapParagraph(ps, pe int) {
	w, rs := &r.wrap, r.runes
	lineStart, used, spaces, hasWord := ps, float32(0), float32(0), false
	for i := ps; i < pe; {
		if isBreakSpace(rs[i]) {
			spaces += w.spaceW
			i++
			continue
		}
		j := wordEnd(rs, i, pe)
		ww := r.wordWidth(rs[i:j])
		if hasWord && used+spaces+ww > w.colW {
			w.lines = append(w.lines, readerLine{lineStart, i})
			lineStart, used, spaces = i, 0, 0
		}
		if used+spaces+ww > w.colW {
			lineStart, used = r.breakWord(lineStart, i, j, used+spaces)
		} else {
			used += spaces + ww
		}
		spaces, hasWord, i = 0, true, j
	}
	w.lines = append(w.lines, readerLine{lineStart, pe})
}

// breakWord splits the word runes[i:j], which does not fit on the line that
// starts at lineStart and already holds lead units, into pieces that fit. It
// returns the start and used width of the line holding the last piece.
func (r *Reader) breakWord(lineStart, i, j int, lead float32) (int, float32) {
	w := &r.wrap
	used := lead
	for k := i; k < j; k++ {
		a := r.advance(r.runes[k])
		if used+a > w.colW && (k > lineStart) {
			w.lines = append(w.lines, readerLine{lineStart, k})
			lineStart, used = k, 0
		}
		used += a
	}
	return lineStart, used
}

// wordWidth estimates a word's width as the sum of its runes' advances.
// Measuring every word with fyne.MeasureText costs a text shaping each (about
// 0.1 ms), seconds for an article; the sum errs by kerning only, which in
// practice makes it a pixel or two wider than drawn, so lines still fit.
// Drawing and pointer mapping use exact measurements of the line.
func (r *Reader) wordWidth(word []rune) float32 {
	var sum float32
	for _, c := range word {
		sum += r.advance(c)
	}
	return sum
}

// advance is the width of one rune, measured once per theme text size.
func (r *Reader) advance(c rune) float32 {
	w := &r.wrap
	if c < 128 && w.ascii[c] > 0 {
		return w.ascii[c]
	}
	if v, ok := w.adv[c]; ok {
		return v
	}
	v := r.measure(displayString([]rune{c}))
	if c < 128 && v > 0 {
		w.ascii[c] = v
	} else {
		w.adv[c] = v
	}
	return v
}

// isBreakSpace reports whether a line may break at r (no-break spaces may not).
func isBreakSpace(r rune) bool {
	switch r {
	case '\u00a0', '\u2007', '\u202f', '\u2060', '\ufeff':
		return false
	}
	return unicode.IsSpace(r) || unicode.IsControl(r)
}

func isDash(r rune) bool { return r == '-' || r == '–' || r == '—' }

// wordEnd returns the end of the word starting at i: the next break space, or
// just after a dash inside the word.
func wordEnd(rs []rune, i, pe int) int {
	j := i
	for j < pe && !isBreakSpace(rs[j]) {
		j++
		if isDash(rs[j-1]) && j-1 > i && j < pe && !isBreakSpace(rs[j]) {
			break
		}
	}
	return j
}

// lineText is the text drawn for a line; control characters become spaces.
func (r *Reader) lineText(line int) string {
	l := r.wrap.lines[line]
	return displayString(r.runes[l.start:l.end])
}

func displayString(rs []rune) string {
	for _, c := range rs {
		if unicode.IsControl(c) {
			d := make([]rune, len(rs))
			for i, c := range rs {
				if unicode.IsControl(c) {
					c = ' '
				}
				d[i] = c
			}
			return string(d)
		}
	}
	return string(rs)
}

// prefixWidth is the width of the first k runes of a line.
func (r *Reader) prefixWidth(line, k int) float32 {
	l := r.wrap.lines[line]
	switch {
	case k <= 0:
		return 0
	case k >= l.end-l.start:
		if w := r.wrap.widths[line]; w >= 0 {
			return w
		}
		w := r.measure(r.lineText(line))
		r.wrap.widths[line] = w
		return w
	}
	return r.measure(displayString(r.runes[l.start : l.start+k]))
}

// lineOf returns the line holding the rune offset (the later line at a soft break).
func (r *Reader) lineOf(offset int) int {
	lines := r.wrap.lines
	k := sort.Search(len(lines), func(i int) bool { return lines[i].start > offset })
	return max(k-1, 0)
}

// lineAt returns the line at a y position in body coordinates.
func (r *Reader) lineAt(y float32) int {
	k := int(math.Floor(float64((y - r.wrap.pad) / r.wrap.lineH)))
	return max(0, min(k, len(r.wrap.lines)-1))
}

// offsetAt maps a position in body coordinates to the nearest rune boundary,
// by binary search over the measured prefixes of its line. With nearest
// false it returns the rune under the position instead.
func (r *Reader) offsetAt(p fyne.Position, nearest bool) int {
	if len(r.wrap.lines) == 0 {
		return 0
	}
	li := r.lineAt(p.Y)
	l := r.wrap.lines[li]
	x, n := p.X-r.wrap.colX, l.end-l.start
	k := sort.Search(n, func(k int) bool { return r.prefixWidth(li, k+1) > x })
	if nearest && k < n && x-r.prefixWidth(li, k) > r.prefixWidth(li, k+1)-x {
		k++
	}
	return l.start + k
}

// positionOf returns the top-left of the rune boundary at offset, in body coordinates.
func (r *Reader) positionOf(offset int) fyne.Position {
	if len(r.wrap.lines) == 0 {
		return fyne.NewPos(r.wrap.colX, r.wrap.pad)
	}
	li := r.lineOf(r.clamp(offset))
	x := r.prefixWidth(li, offset-r.wrap.lines[li].start)
	return fyne.NewPos(r.wrap.colX+x, r.wrap.lineTop(li))
}

func (r *Reader) contentHeight() float32 {
	if r.wrap.lines == nil {
		return 0
	}
	return 2*r.wrap.pad + float32(len(r.wrap.lines))*r.wrap.lineH
}

// topRune is the first rune of the line at the top of the viewport, or -1.
func (r *Reader) topRune() int {
	if len(r.wrap.lines) == 0 {
		return -1
	}
	return r.wrap.lines[r.lineAt(r.scroll.Offset.Y)].start
}
