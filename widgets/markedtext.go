package widgets

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// MarkedText shows a text field's words while it is not being edited,
// framed as an Entry is, with ranges marked as the Document marks a
// block's: tinted, with a line under them. An Entry cannot mark words
// (its wrapping is its own), so a field whose words a checker flagged
// (the composer's bottom line) shows this in its place until the
// analyst clicks into it; OnTapped then says where.
type MarkedText struct {
	widget.BaseWidget

	// OnTapped is called with the rune offset nearest the tap.
	OnTapped func(offset int)

	text  string
	marks []DocMark
	lines []span // the text wrapped at the last layout's width
	face  *docFace
}

// NewMarkedText makes an empty MarkedText.
func NewMarkedText() *MarkedText {
	m := &MarkedText{}
	m.ExtendBaseWidget(m)
	return m
}

// Set shows text with marks (rune ranges of text).
func (m *MarkedText) Set(text string, marks []DocMark) {
	m.text, m.marks = text, marks
	m.Refresh()
}

// Text is the text shown.
func (m *MarkedText) Text() string { return m.text }

// Marks are the ranges shown marked.
func (m *MarkedText) Marks() []DocMark { return m.marks }

// Tapped reports the offset of the character under the pointer.
func (m *MarkedText) Tapped(ev *fyne.PointEvent) {
	if m.OnTapped != nil {
		m.OnTapped(m.offsetAt(ev.Position))
	}
}

// markedInset is where the text starts in the frame, where an Entry
// without icons puts it (its rich text's inner padding, the border
// inset cancelling out): so the words do not move when the field takes
// their place.
func markedInset() fyne.Position {
	p := theme.InnerPadding()
	return fyne.NewPos(p, p)
}

// offsetAt is the rune offset of the text nearest pos.
func (m *MarkedText) offsetAt(pos fyne.Position) int {
	if m.face == nil || len(m.lines) == 0 {
		return 0
	}
	in := markedInset()
	k := min(max(int((pos.Y-in.Y)/m.face.lineH), 0), len(m.lines)-1)
	ln := m.lines[k]
	x, i := in.X, ln.start
	for _, c := range m.text[ln.start:ln.end] {
		a := m.face.advance(c)
		if x+a/2 > pos.X {
			break
		}
		x += a
		i += len(string(c))
	}
	return runeCount(m.text[:i])
}

func runeCount(s string) int {
	n := 0
	for range s {
		n++
	}
	return n
}

// CreateRenderer draws the frame, the marks under the text, and the text.
func (m *MarkedText) CreateRenderer() fyne.WidgetRenderer {
	r := &markedRenderer{m: m, frame: canvas.NewRectangle(color.Transparent)}
	r.update(m.Size())
	return r
}

type markedRenderer struct {
	m       *MarkedText
	frame   *canvas.Rectangle
	objects []fyne.CanvasObject
}

func (r *markedRenderer) Layout(size fyne.Size) { r.update(size) }
func (r *markedRenderer) Refresh()              { r.update(r.m.Size()); canvas.Refresh(r.m) }
func (r *markedRenderer) Destroy()              {}
func (r *markedRenderer) Objects() []fyne.CanvasObject {
	return r.objects
}

// MinSize is the text's height at the width last laid out, framed.
func (r *markedRenderer) MinSize() fyne.Size {
	in := markedInset()
	lines := max(len(r.m.lines), 1)
	h := float32(3 * theme.TextSize())
	if r.m.face != nil {
		h = float32(lines) * r.m.face.lineH
	}
	return fyne.NewSize(2*in.X, h+2*in.Y)
}

// update wraps the text at size and rebuilds what is drawn.
func (r *markedRenderer) update(size fyne.Size) {
	m := r.m
	th := m.Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	px := pixelScale(m)
	// An Entry's wrapped lines touch: line spacing only parts paragraphs,
	// which a bottom line seldom has.
	m.face = newDocFace(th.Size(theme.SizeNameText), 0, px, fyne.TextStyle{})
	in := markedInset()
	m.lines = m.face.wrap(m.text, max(size.Width-2*in.X, 1), m.lines[:0])

	b := th.Size(theme.SizeNameInputBorder)
	r.frame.FillColor = th.Color(theme.ColorNameInputBackground, v)
	r.frame.StrokeColor = th.Color(theme.ColorNameInputBorder, v)
	r.frame.StrokeWidth = b
	r.frame.CornerRadius = th.Size(theme.SizeNameInputRadius)
	r.frame.Move(fyne.NewSquareOffsetPos(b / 2))
	r.frame.Resize(fyne.NewSize(size.Width-b-.5, size.Height-b-.5))
	r.objects = append(r.objects[:0], r.frame)

	warn := th.Color(theme.ColorNameWarning, v)
	line := snapUp(2, px)
	for _, mk := range m.marks {
		for _, rc := range m.markRects(mk) {
			bg := canvas.NewRectangle(withAlpha(warn, 0x40))
			bg.Move(rc.pos)
			bg.Resize(rc.size)
			under := canvas.NewRectangle(warn)
			under.Move(fyne.NewPos(rc.pos.X, rc.pos.Y+rc.size.Height-line))
			under.Resize(fyne.NewSize(rc.size.Width, line))
			r.objects = append(r.objects, bg, under)
		}
	}
	fg := th.Color(theme.ColorNameForeground, v)
	for k, ln := range m.lines {
		t := canvas.NewText(displayString([]rune(m.text[ln.start:ln.end])), fg)
		t.TextSize = m.face.size
		t.Move(fyne.NewPos(in.X, in.Y+float32(k)*m.face.lineH))
		r.objects = append(r.objects, t)
	}
}

// markRects are mk's words as wrapped: a rectangle per line they are on.
func (m *MarkedText) markRects(mk DocMark) []markRect {
	if m.face == nil || mk.End <= mk.Start {
		return nil
	}
	in := markedInset()
	bs, be := runeOffset(m.text, mk.Start), runeOffset(m.text, mk.End)
	var out []markRect
	for k, ln := range m.lines {
		s, t := max(bs, ln.start), min(be, ln.end)
		if s >= t {
			continue
		}
		x := in.X + m.face.width(m.text[ln.start:s])
		out = append(out, markRect{fyne.NewPos(x, in.Y+float32(k)*m.face.lineH), fyne.NewSize(m.face.width(m.text[s:t]), m.face.lineH)})
	}
	return out
}
