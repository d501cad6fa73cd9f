package widgets

import (
	"sort"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// docGeom is where an item's parts go, relative to the item's top-left.
type docGeom struct {
	card, rule          bool    // a tinted card; a rule at its left
	cardX               float32 // the card's left edge
	textX, textY, textW float32
	metaY, tagY, btnY   float32
	picPos              fyne.Position // a figure's picture
	picSize             fyne.Size     // zero for none
	h                   float32
}

// docEntry is one item as measured at a column width.
type docEntry struct {
	width float32 // the column width it was measured at; 0 to measure again
	it    DocItem
	text  string // the main text as drawn: number, mark and text
	lines []span
	meta  []span
	tag   []span
	g     docGeom
	btn   fyne.Size
}

// docLayout is the geometry of the whole document: the faces, the column,
// each item's height and where each item starts.
type docLayout struct {
	body, heading, meta, tag, label *docFace
	sig                             [3]float32 // the theme sizes the faces were made for

	px                           float32
	width                        float32 // the Document's width; 0 before the first layout
	colX, colW                   float32
	pad, inner, gap, plus, ruleW float32
	headerY, headerH             float32
	items                        []docEntry
	starts                       []float32 // starts[i] is item i's top; starts[n] is below the last gap
	height                       float32
	stale                        bool // every item is to be read and measured again
	btnSizes                     map[string]fyne.Size
	btnProbe                     *widget.Button
}

func (l *docLayout) ready() bool { return l.width > 0 }

// updateMetrics reads the theme's sizes; a change measures every item again.
func (l *docLayout) updateMetrics(th fyne.Theme, px float32) {
	text, sub, caption := th.Size(theme.SizeNameText), th.Size(theme.SizeNameSubHeadingText), th.Size(theme.SizeNameCaptionText)
	sig := [3]float32{text, sub, caption}
	if l.body != nil && sig == l.sig && px == l.px {
		return
	}
	l.sig, l.px, l.stale = sig, px, true
	spacing := th.Size(theme.SizeNameLineSpacing)
	l.body = newDocFace(text, spacing, px, fyne.TextStyle{})
	l.heading = newDocFace(sub, spacing, px, fyne.TextStyle{Bold: true})
	l.meta = newDocFace(caption, spacing, px, fyne.TextStyle{})
	l.tag = newDocFace(caption, spacing, px, fyne.TextStyle{Bold: true})
	l.label = newDocFace(caption, spacing, px, fyne.TextStyle{Bold: true})
	l.pad = snapUp(th.Size(theme.SizeNamePadding), px)
	l.inner = snapUp(th.Size(theme.SizeNameInnerPadding), px)
	l.gap = 2 * l.pad
	l.plus = snapUp(th.Size(theme.SizeNameInlineIcon), px)
	l.ruleW = snapUp(3, px)
	l.btnSizes = map[string]fyne.Size{}
}

// setWidth places the column for a Document of the given width: the left
// margin holds the "+" buttons.
func (l *docLayout) setWidth(width float32) {
	if width != l.width {
		l.stale = true
	}
	l.width = width
	l.colX = l.plus + 2*l.pad
	l.colW = max(width-l.colX-l.inner, 8*l.body.spaceW)
}

// itemTop is item i's top (i is clamped to the items).
func (l *docLayout) itemTop(i int) float32 {
	if len(l.items) == 0 {
		return 0
	}
	return l.starts[max(0, min(i, len(l.items)-1))]
}

// gapMid is the middle of the gap before item at (after the last for n).
func (l *docLayout) gapMid(at int) float32 { return l.starts[at] - l.gap/2 }

// restack recomputes where each item starts, from item i on.
func (l *docLayout) restack(from int) {
	n := len(l.items)
	l.starts = l.starts[:n+1]
	y := l.headerY + l.headerH + l.gap
	if from > 0 {
		y = l.starts[from-1] + l.items[from-1].g.h + l.gap
	}
	for i := from; i < n; i++ {
		l.starts[i] = y
		y += l.items[i].g.h + l.gap
	}
	l.starts[n] = y
	// Room below the last item for its "+" and to drop after it.
	l.height = y + 2*l.plus
}

// itemAt is the item at content height y, or -1 in a gap or outside.
func (l *docLayout) itemAt(y float32) int {
	n := len(l.items)
	k := sort.Search(n, func(i int) bool { return l.starts[i] > y }) - 1
	if k < 0 || y >= l.starts[k]+l.items[k].g.h {
		return -1
	}
	return k
}

// insertionAt is the insertion point nearest to content height y: before
// the first item whose middle is below y.
func (l *docLayout) insertionAt(y float32) int {
	n := len(l.items)
	return sort.Search(n, func(i int) bool { return l.starts[i]+l.items[i].g.h/2 > y })
}

// visible is the range [first, last) of items within margin of the view
// [top, top+h).
func (l *docLayout) visible(top, h, margin float32) (int, int) {
	n := len(l.items)
	if n == 0 || !l.ready() {
		return 0, 0
	}
	lo, hi := top-margin, top+h+margin
	first := sort.Search(n, func(i int) bool { return l.starts[i]+l.items[i].g.h > lo })
	last := sort.Search(n, func(i int) bool { return l.starts[i] >= hi })
	return first, max(first, last)
}

// buttonSize is the size of a button with the given label, measured once.
func (l *docLayout) buttonSize(label string) fyne.Size {
	if s, ok := l.btnSizes[label]; ok {
		return s
	}
	if l.btnProbe == nil {
		l.btnProbe = widget.NewButton("", nil)
	}
	l.btnProbe.SetText(label)
	s := l.btnProbe.MinSize()
	s.Height = snapUp(s.Height, l.px)
	l.btnSizes[label] = s
	return s
}

// mainText is the text an item shows: its number, its portion mark, its
// text (the order the exported briefing prints them in).
func mainText(it DocItem) string {
	switch it.Kind {
	case DocLabel:
		return strings.ToUpper(it.Text)
	case DocHeading:
		if it.Number != "" {
			return it.Number + ".  " + it.Mark + it.Text
		}
	case DocJudgment:
		if it.Number != "" {
			return it.Number + ". " + it.Mark + it.Text
		}
	}
	return it.Mark + it.Text
}

// faceOf is the face of an item's main text.
func (l *docLayout) faceOf(k DocKind) *docFace {
	switch k {
	case DocHeading:
		return l.heading
	case DocLabel:
		return l.label
	}
	return l.body
}

// measure wraps an item at the column width and places its parts.
func (l *docLayout) measure(e *docEntry, it DocItem) {
	e.it, e.width = it, l.colW
	e.text = mainText(it)
	quote := it.Kind == DocQuote || it.Kind == DocFigure
	g := docGeom{card: quote || it.Kind == DocJudgment, rule: quote}
	switch {
	case quote:
		g.cardX = l.inner
		g.textX = g.cardX + l.ruleW + l.inner
	case it.Kind == DocJudgment:
		g.textX = l.inner
	}
	g.textW = l.colW - g.textX
	if g.card {
		g.textW -= l.inner
	}
	if it.Kind != DocBody {
		g.textY = l.inner // room above a heading or label, and inside a card
	}
	if it.Kind == DocFigure {
		// The picture, centred, then the caption under it.
		size := l.pictureSize(it.Image, g.textW)
		g.picPos, g.picSize = fyne.NewPos(snapDown(g.textX+(g.textW-size.Width)/2, l.px), g.textY), size
		if size.Height > 0 {
			g.textY += size.Height + l.pad
		}
	}
	f := l.faceOf(it.Kind)
	e.lines = f.wrap(e.text, g.textW, e.lines[:0])
	y := g.textY + float32(len(e.lines))*f.lineH
	e.meta, e.tag = e.meta[:0], e.tag[:0]
	if it.Meta != "" {
		g.metaY = y + l.pad
		e.meta = l.meta.wrap(it.Meta, g.textW, e.meta)
		y = g.metaY + float32(len(e.meta))*l.meta.lineH
	}
	if it.Tag != "" {
		g.tagY = y + l.pad
		e.tag = l.tag.wrap(it.Tag, g.textW, e.tag)
		y = g.tagY + float32(len(e.tag))*l.tag.lineH
	}
	e.btn = fyne.Size{}
	if it.Action != "" {
		e.btn = l.buttonSize(it.Action)
		g.btnY = y + l.pad
		y = g.btnY + e.btn.Height
	}
	if g.card {
		y += l.inner
	}
	g.h = snapUp(y, l.px)
	e.g = g
}

// cardTextW is the width of the text in a quote's or figure's card.
func (l *docLayout) cardTextW() float32 { return l.colW - l.inner - l.ruleW - 2*l.inner }

// measureEditor gives the item being edited the editor's height.
func (l *docLayout) measureEditor(e *docEntry, it DocItem, editor fyne.CanvasObject) {
	e.it, e.width = it, l.colW
	e.text, e.lines, e.meta, e.tag = "", e.lines[:0], e.meta[:0], e.tag[:0]
	e.g = docGeom{h: snapUp(editor.MinSize().Height, l.px)}
}
