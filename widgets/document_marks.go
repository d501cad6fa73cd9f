package widgets

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
)

// DocMark is a range of an item's Text drawn marked, as a checker's
// finding on those words: tinted, with a line under them.
type DocMark struct {
	Start, End int // in runes of DocItem.Text
}

// SetMarks sets the ranges drawn marked, by item index (nil: none). Marks
// change no item's height: only the views in sight are drawn again.
func (d *Document) SetMarks(marks map[int][]DocMark) {
	d.marks = marks
	if r := d.body.rend; r != nil {
		r.forgetAll()
	}
	d.updateVisible()
}

// Marks are the ranges drawn marked in item i.
func (d *Document) Marks(i int) []DocMark { return d.marks[i] }

// MarkAt is the mark of item i under pos, relative to the item's
// top-left, and whether there is one: for the caller to say what the
// finding on those words is.
func (d *Document) MarkAt(i int, pos fyne.Position) (DocMark, bool) {
	if i < 0 || i >= len(d.lay.items) {
		return DocMark{}, false
	}
	e := &d.lay.items[i]
	for _, m := range d.marks[i] {
		for _, r := range d.markRects(e, m) {
			if pos.X >= r.pos.X && pos.X < r.pos.X+r.size.Width && pos.Y >= r.pos.Y && pos.Y < r.pos.Y+r.size.Height {
				return m, true
			}
		}
	}
	return DocMark{}, false
}

// markRect is the part of a mark on one wrapped line, relative to the
// item's top-left.
type markRect struct {
	pos  fyne.Position
	size fyne.Size
}

// markRects are the rectangles of m's words in item e as wrapped: one per
// line the words are on.
func (d *Document) markRects(e *docEntry, m DocMark) []markRect {
	l := &d.lay
	f := l.faceOf(e.it.Kind)
	if f == nil || e.it.Kind == DocLabel || m.End <= m.Start {
		return nil
	}
	// The item's Text ends its main text (after its number and mark).
	off := len(e.text) - len(e.it.Text)
	if off < 0 {
		return nil
	}
	bs, be := off+runeOffset(e.it.Text, m.Start), off+runeOffset(e.it.Text, m.End)
	var out []markRect
	for k, ln := range e.lines {
		s, t := max(bs, ln.start), min(be, ln.end)
		if s >= t {
			continue
		}
		x0 := e.g.textX + f.width(e.text[ln.start:s])
		w := f.width(e.text[s:t])
		out = append(out, markRect{fyne.NewPos(x0, e.g.textY+float32(k)*f.lineH), fyne.NewSize(w, f.lineH)})
	}
	return out
}

// width sums the advances of s, as wrapping does.
func (f *docFace) width(s string) float32 {
	var w float32
	for _, c := range s {
		w += f.advance(c)
	}
	return w
}

// runeOffset is the byte offset of rune n of s, clamped to s.
func runeOffset(s string, n int) int {
	if n <= 0 {
		return 0
	}
	for i := range s {
		if n == 0 {
			return i
		}
		n--
	}
	return len(s)
}

// addMarks adds the tints and underlines of item e's marks, drawn under
// its text.
func (v *docView) addMarks(d *Document, e *docEntry, objs []fyne.CanvasObject) []fyne.CanvasObject {
	marks := d.marks[v.idx]
	if len(marks) == 0 {
		return objs
	}
	warn := d.Theme().Color(theme.ColorNameWarning, fyne.CurrentApp().Settings().ThemeVariant())
	tint := withAlpha(warn, 0x40)
	line := snapUp(2, d.lay.px)
	n := 0
	next := func() *canvas.Rectangle {
		if n == len(v.markObjs) {
			v.markObjs = append(v.markObjs, canvas.NewRectangle(color.Transparent))
		}
		n++
		return v.markObjs[n-1]
	}
	for _, m := range marks {
		for _, r := range d.markRects(e, m) {
			bg := next()
			bg.FillColor = tint
			bg.Move(r.pos)
			bg.Resize(r.size)
			under := next()
			under.FillColor = warn
			under.Move(fyne.NewPos(r.pos.X, r.pos.Y+r.size.Height-line))
			under.Resize(fyne.NewSize(r.size.Width, line))
			objs = append(objs, bg, under)
		}
	}
	for _, o := range v.markObjs[:n] {
		o.Refresh()
	}
	return objs
}
