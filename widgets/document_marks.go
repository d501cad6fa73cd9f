package widgets

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
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
	d.tip.item = -1 // its words may be marked no longer; the pointer's next move says
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

// docTip is the note shown under marked words the pointer rests on: what
// the finding on them is (MarkTip).
type docTip struct {
	item  int // -1 for none
	mark  DocMark
	bg    *canvas.Rectangle
	label *widget.Label
}

// hoverMark shows the tip of the mark under p (body coordinates), if any.
func (d *Document) hoverMark(p fyne.Position, in bool) {
	t := &d.tip
	item, mark := -1, DocMark{}
	if in && d.MarkTip != nil && d.lay.ready() && !d.drag.active {
		if i := d.lay.itemAt(p.Y); i >= 0 && i != d.editing {
			if m, ok := d.MarkAt(i, fyne.NewPos(p.X-d.lay.colX, p.Y-d.lay.starts[i])); ok {
				item, mark = i, m
			}
		}
	}
	if item == t.item && mark == t.mark {
		return
	}
	t.item, t.mark = item, mark
	if item >= 0 {
		if t.label == nil {
			t.bg = canvas.NewRectangle(color.Transparent)
			t.label = widget.NewLabel("")
			t.label.Wrapping = fyne.TextWrapWord
		}
		t.label.SetText(d.MarkTip(item, mark))
	}
	d.updateVisible()
}

// TipShown is the text of the tip shown over a mark, "" for none.
func (d *Document) TipShown() string {
	if d.tip.item < 0 || d.tip.label == nil {
		return ""
	}
	return d.tip.label.Text
}

// addTip places the tip under its mark's first line.
func (r *docBodyRenderer) addTip() {
	d := r.b.d
	t := &d.tip
	l := &d.lay
	if t.item < 0 || t.item >= len(l.items) || t.label == nil || t.item == d.editing {
		return
	}
	rects := d.markRects(&l.items[t.item], t.mark)
	if len(rects) == 0 {
		return
	}
	first := rects[0]
	w := min(l.colW, 420)
	x := min(l.colX+first.pos.X, l.colX+l.colW-w)
	t.label.Resize(fyne.NewSize(w, 1))
	h := t.label.MinSize().Height
	y := l.starts[t.item] + first.pos.Y + first.size.Height + 2
	th := d.Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	t.bg.FillColor = th.Color(theme.ColorNameOverlayBackground, v)
	t.bg.StrokeColor = th.Color(theme.ColorNameWarning, v)
	t.bg.StrokeWidth = 1
	t.bg.CornerRadius = l.pad
	t.bg.Move(fyne.NewPos(x, y))
	t.bg.Resize(fyne.NewSize(w, h))
	t.label.Move(fyne.NewPos(x, y))
	t.label.Resize(fyne.NewSize(w, h))
	t.bg.Refresh()
	r.objects = append(r.objects, t.bg, t.label)
}
