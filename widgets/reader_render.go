package widgets

import (
	"image/color"
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// lineMargin is how many lines above and below the viewport keep their text
// objects, so that small scrolls need no new objects.
const lineMargin = 4

// layoutTo re-wraps when the width or the theme's sizes changed (keeping the
// rune at the top of the viewport in view), sizes the scroller and updates the
// visible lines. refresh also re-applies text and colours.
func (r *Reader) layoutTo(size fyne.Size, refresh bool) {
	if size.Width <= 0 {
		return
	}
	// The rune at the top and how far its line is scrolled past, in the old wrap.
	top, into := r.topRune(), r.scroll.Offset.Y
	if top >= 0 {
		into -= r.wrap.lineTop(r.lineAt(into))
	}
	changed := r.updateMetrics()
	rewrap := changed || r.wrap.lines == nil || r.wrap.width != size.Width
	if rewrap {
		into = min(into, r.wrap.lineH)
		r.rewrap(size.Width)
		r.scroll.Offset.Y = 0
		if top >= 0 {
			r.scroll.Offset.Y = max(0, r.wrap.lineTop(r.lineOf(top))+into)
		}
	}
	r.scroll.Resize(size)
	if !rewrap && !refresh {
		r.updateVisible()
		return
	}
	r.body.Resize(fyne.NewSize(size.Width, max(r.contentHeight(), size.Height)))
	if r.pendingScroll >= 0 {
		off := r.pendingScroll
		r.pendingScroll = -1
		r.scroll.Offset.Y = r.wrap.lineTop(r.lineOf(off)) - size.Height/3
	}
	r.scroll.Offset.Y = max(0, min(r.scroll.Offset.Y, r.contentHeight()-size.Height))
	r.scroll.Refresh() // lays out the body and refreshes it (bodyRenderer.Refresh)
}

// updateVisible creates and removes line objects after a scroll.
func (r *Reader) updateVisible() {
	if br := r.body.rend; br != nil {
		br.update(false)
	}
}

// redrawSelection redraws the selection and highlight rectangles.
func (r *Reader) redrawSelection() { r.updateVisible() }

// visibleLines returns the range of lines [first, last) in the viewport,
// widened by margin lines on each side.
func (r *Reader) visibleLines(margin int) (int, int) {
	n := len(r.wrap.lines)
	if n == 0 {
		return 0, 0
	}
	top, h := r.scroll.Offset.Y, r.scroll.Size().Height
	first := int(math.Floor(float64((top-r.wrap.pad)/r.wrap.lineH))) - margin
	last := int(math.Ceil(float64((top+h-r.wrap.pad)/r.wrap.lineH))) + margin
	return max(first, 0), min(last, n)
}

// readerBody is the scrolled content: the full text height, drawing only the
// lines near the viewport. It receives the pointer and keyboard events.
type readerBody struct {
	widget.BaseWidget
	r    *Reader
	rend *bodyRenderer
}

func newReaderBody(r *Reader) *readerBody {
	b := &readerBody{r: r}
	b.ExtendBaseWidget(b)
	return b
}

// MinSize is the height of all wrapped lines and a narrow minimum width.
func (b *readerBody) MinSize() fyne.Size {
	return fyne.NewSize(b.r.wrap.minCol+2*b.r.wrap.pad, b.r.contentHeight())
}

func (b *readerBody) CreateRenderer() fyne.WidgetRenderer {
	br := &bodyRenderer{b: b, texts: map[int]*canvas.Text{}, caret: canvas.NewRectangle(color.Transparent)}
	b.rend = br
	br.update(true)
	return br
}

type bodyRenderer struct {
	b       *readerBody
	objects []fyne.CanvasObject
	texts   map[int]*canvas.Text // by line index
	spare   []*canvas.Text
	rects   []*canvas.Rectangle
	caret   *canvas.Rectangle
}

func (br *bodyRenderer) Layout(fyne.Size) { br.update(false) }

func (br *bodyRenderer) MinSize() fyne.Size { return br.b.MinSize() }

func (br *bodyRenderer) Refresh() { br.update(true) }

func (br *bodyRenderer) Objects() []fyne.CanvasObject { return br.objects }

func (br *bodyRenderer) Destroy() {
	if br.b.rend == br {
		br.b.rend = nil
	}
}

// update keeps one canvas.Text per line near the viewport (reusing objects of
// lines that scrolled away), rebuilds the background rectangles of the
// visible lines and, with force, re-applies every line's text and colour.
func (br *bodyRenderer) update(force bool) {
	r := br.b.r
	th := r.Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	fg := th.Color(theme.ColorNameForeground, v)
	first, last := r.visibleLines(lineMargin)
	for li, t := range br.texts {
		if li < first || li >= last || force {
			delete(br.texts, li)
			br.spare = append(br.spare, t)
		}
	}
	br.objects = br.objects[:0]
	br.addBackgrounds(th, v)
	for li := first; li < last; li++ {
		t, ok := br.texts[li]
		if !ok {
			t = br.textFor(li, fg)
			br.texts[li] = t
		}
		br.objects = append(br.objects, t)
	}
	br.placeCaret(th, v)
	br.objects = append(br.objects, br.caret)
	canvas.Refresh(br.caret) // repaint: objects may have been added or removed
}

// textFor prepares a text object for a line, reusing a spare one if possible.
func (br *bodyRenderer) textFor(li int, fg color.Color) *canvas.Text {
	r := br.b.r
	var t *canvas.Text
	if n := len(br.spare); n > 0 {
		t, br.spare = br.spare[n-1], br.spare[:n-1]
	} else {
		t = &canvas.Text{}
	}
	t.Text, t.Color, t.TextSize, t.TextStyle = r.lineText(li), fg, r.wrap.textSize, textStyle
	t.Move(fyne.NewPos(r.wrap.colX, r.wrap.lineTop(li)))
	t.Resize(fyne.NewSize(r.wrap.colW, r.wrap.lineH))
	t.Refresh() // drop a texture left from the line it showed before
	return t
}

// addBackgrounds adds rectangles for the excerpt highlights (active ones on
// top) and the selection, for the lines in the viewport only.
func (br *bodyRenderer) addBackgrounds(th fyne.Theme, v fyne.ThemeVariant) {
	r := br.b.r
	first, last := r.visibleLines(0)
	if first >= last {
		return
	}
	used := 0
	lo, hi := r.wrap.lines[first].start, r.wrap.lines[last-1].end+1
	for _, active := range []bool{false, true} {
		c := r.highlightColor(active)
		for _, h := range r.highlights {
			if h.Active == active && h.Start < hi && h.End > lo {
				used = br.spanRects(used, first, last, h.Start, h.End, c)
			}
		}
	}
	if s, e := r.Selection(); s < e {
		used = br.spanRects(used, first, last, s, e, th.Color(theme.ColorNameSelection, v))
	}
	for _, rc := range br.rects[:used] {
		br.objects = append(br.objects, rc)
	}
}

// spanRects adds one rectangle per line in [first, last) that the span
// [s, e) covers. A span going on past a paragraph end also covers a
// space-wide newline mark, so selected blank lines show.
func (br *bodyRenderer) spanRects(used, first, last, s, e int, c color.Color) int {
	r := br.b.r
	w := &r.wrap
	for li := max(first, r.lineOf(s)); li < last; li++ {
		l := w.lines[li]
		if l.start >= e {
			break
		}
		a, b := max(s, l.start), min(e, l.end)
		x0, x1 := r.prefixWidth(li, a-l.start), r.prefixWidth(li, b-l.start)
		if e > l.end && s <= l.end && l.end < len(r.runes) && r.runes[l.end] == '\n' {
			x1 += w.spaceW
		}
		if x1 <= x0 {
			continue
		}
		x1 = min(x1, w.colW+w.spaceW)
		if used == len(br.rects) {
			br.rects = append(br.rects, canvas.NewRectangle(c))
		}
		rc := br.rects[used]
		rc.FillColor = c
		rc.Move(fyne.NewPos(w.colX+x0, w.lineTop(li)))
		rc.Resize(fyne.NewSize(x1-x0, w.lineH))
		used++
	}
	return used
}

// placeCaret shows a thin caret when focused with nothing selected.
func (br *bodyRenderer) placeCaret(th fyne.Theme, v fyne.ThemeVariant) {
	r := br.b.r
	s, e := r.Selection()
	if !r.focused || s != e || len(r.wrap.lines) == 0 {
		br.caret.FillColor = color.Transparent
		br.caret.Resize(fyne.NewSize(0, 0))
		return
	}
	br.caret.FillColor = th.Color(theme.ColorNamePrimary, v)
	br.caret.Move(r.positionOf(r.caret))
	br.caret.Resize(fyne.NewSize(th.Size(theme.SizeNameInputBorder), r.wrap.lineH))
}

// highlightColor marks excerpts like a highlighter pen: amber, translucent,
// stronger when active. It must differ from the selection colour (blue), or
// a new selection inside an excerpt cannot be told from the excerpt. It is
// not the theme's warning colour, which is darkened for readable warning
// text; on a dark background the pen is fainter, so light text stays
// readable on it.
func (r *Reader) highlightColor(active bool) color.Color {
	amber := color.NRGBA{R: 0xff, G: 0xb3, B: 0x00, A: 0xff}
	strong, faint := uint8(0x90), uint8(0x48)
	if isDark(r.Theme().Color(theme.ColorNameBackground, fyne.CurrentApp().Settings().ThemeVariant())) {
		strong, faint = 0x58, 0x30
	}
	if active {
		return withAlpha(amber, strong)
	}
	return withAlpha(amber, faint)
}

// isDark tells a dark background from a light one.
func isDark(c color.Color) bool {
	r, g, b, _ := c.RGBA()
	return 299*r+587*g+114*b < 500*0xffff
}

func withAlpha(c color.Color, a uint8) color.Color {
	cr, cg, cb, _ := c.RGBA()
	return color.NRGBA{R: uint8(cr >> 8), G: uint8(cg >> 8), B: uint8(cb >> 8), A: a}
}
