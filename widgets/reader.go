package widgets

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// Span is a half-open range [Start, End) of rune (code point) offsets.
type Span struct{ Start, End int }

// Highlight marks a stored excerpt in a Reader as a half-open rune range
// [Start, End). Active marks the excerpt currently selected in a list; it is
// drawn in a stronger colour.
type Highlight struct {
	Start, End int
	Active     bool
}

// Reader shows a long text (paragraphs separated by a blank line), lets the
// user select any span with the mouse or keyboard and reports selections as
// rune offsets into the text exactly as given. Stored excerpts are drawn as
// highlights. The Reader scrolls by itself and creates canvas objects only for
// the lines near the viewport, so a long article shows and re-wraps quickly.
//
// Like every Fyne widget, a Reader must be used on the UI goroutine: callers
// holding data from another goroutine hand it over with fyne.Do, e.g.
// fyne.Do(func() { reader.SetText(article) }).
type Reader struct {
	widget.BaseWidget

	// OnSelectionChanged is called with the new selection (start <= end, equal
	// when nothing is selected) after a change by Select, ClearSelection,
	// SetText, the keyboard, a tap, a double tap or at the end of a drag.
	OnSelectionChanged func(start, end int)
	// OnDoubleTapped, if set, is called after a double tap has selected the
	// word under the pointer, with the rune offset that was tapped.
	OnDoubleTapped func(offset int)
	// OnSecondaryTapped, if set, is called on a right click with the
	// absolute position of the pointer, e.g. to show a context menu there.
	OnSecondaryTapped func(pos fyne.Position)
	// OnDragOut and OnDropOut make the selection draggable (either one
	// being set turns this on): a drag that starts on the selected text
	// carries the passage out of the Reader instead of changing the
	// selection. OnDragOut is called as the pointer moves, with the
	// selected span and the pointer's absolute (canvas) position, e.g. to
	// show where the passage would land; OnDropOut once, where the button
	// was released. The selection is left as it was. A drag that starts
	// anywhere else selects, as without them.
	OnDragOut func(start, end int, abs fyne.Position)
	OnDropOut func(start, end int, abs fyne.Position)
	// OnShortcut, if set, is given the keyboard shortcuts the Reader does
	// not handle itself (Ctrl+Enter, say) while it has the focus.
	OnShortcut func(fyne.Shortcut)

	text   string
	runes  []rune
	folded []rune // case-folded runes for Find, built lazily

	highlights []Highlight

	anchor, caret      int // selection is [min, max) of these; caret moves
	reported           Span
	focused, shiftDown bool

	wrap          wrapState
	scroll        *container.Scroll
	body          *readerBody
	pendingScroll int // rune offset to bring into view after the next wrap; -1 for none

	drag dragState
}

// NewReader returns an empty Reader.
func NewReader() *Reader {
	r := &Reader{pendingScroll: -1}
	r.body = newReaderBody(r)
	r.scroll = container.NewVScroll(r.body)
	r.scroll.OnScrolled = func(fyne.Position) { r.updateVisible() }
	r.ExtendBaseWidget(r)
	return r
}

// CreateRenderer is a private method to Fyne which links this widget to its renderer.
func (r *Reader) CreateRenderer() fyne.WidgetRenderer {
	r.ExtendBaseWidget(r)
	return &readerRenderer{r: r}
}

// SetText replaces the text, clears the selection and scrolls to the top.
// Highlights are kept; call SetHighlights for the new text's excerpts.
// Call it on the UI goroutine (use fyne.Do from other goroutines).
func (r *Reader) SetText(text string) {
	r.text = text
	r.runes = []rune(text)
	r.folded = nil
	r.anchor, r.caret = 0, 0
	r.wrap.lines = nil
	r.pendingScroll = -1
	r.scroll.Offset = fyne.Position{}
	if r.Size().Width > 0 {
		r.layoutTo(r.Size(), true)
	}
	r.notify()
}

// Text returns the text shown.
func (r *Reader) Text() string { return r.text }

// SetHighlights replaces the excerpt highlights (rune spans; reversed spans
// are put in order, and spans are clamped to the text when drawn).
func (r *Reader) SetHighlights(h []Highlight) {
	r.highlights = append(r.highlights[:0:0], h...)
	for i, x := range r.highlights {
		if x.Start > x.End {
			r.highlights[i].Start, r.highlights[i].End = x.End, x.Start
		}
	}
	r.redrawSelection()
}

// Selection returns the selected rune span; start == end when nothing is selected.
func (r *Reader) Selection() (start, end int) {
	if r.anchor <= r.caret {
		return r.anchor, r.caret
	}
	return r.caret, r.anchor
}

// SelectedText returns the selected text.
func (r *Reader) SelectedText() string {
	s, e := r.Selection()
	return string(r.runes[s:e])
}

// Select selects the rune span [start, end), clamped to the text (the two may
// be given in either order) and calls OnSelectionChanged.
func (r *Reader) Select(start, end int) {
	r.anchor, r.caret = r.clamp(start), r.clamp(end)
	r.reported = Span{-1, -1} // always report
	r.redrawSelection()
	r.notify()
}

// ClearSelection removes the selection, leaving the caret at its start.
func (r *Reader) ClearSelection() {
	s, _ := r.Selection()
	r.anchor, r.caret = s, s
	r.redrawSelection()
	r.notify()
}

// ScrollToOffset scrolls so that the line holding the given rune is in view,
// about a third of the way down the viewport.
func (r *Reader) ScrollToOffset(offset int) {
	offset = r.clamp(offset)
	if r.wrap.lines == nil {
		r.pendingScroll = offset
		return
	}
	vp := r.scroll.Size().Height
	r.scrollTo(r.wrap.lineTop(r.lineOf(offset)) - vp/3)
}

// scrollTo sets the vertical scroll offset, clamped to the content.
func (r *Reader) scrollTo(y float32) {
	maxY := r.contentHeight() - r.scroll.Size().Height
	y = min(y, maxY)
	y = max(y, 0)
	r.scroll.ScrollToOffset(fyne.NewPos(0, y))
	r.updateVisible()
}

// ensureVisible scrolls the least needed to show the line holding offset.
func (r *Reader) ensureVisible(offset int) {
	if r.wrap.lines == nil {
		return
	}
	top := r.wrap.lineTop(r.lineOf(offset))
	vpTop, vpH := r.scroll.Offset.Y, r.scroll.Size().Height
	switch {
	case top < vpTop:
		r.scrollTo(top - r.wrap.pad)
	case top+r.wrap.lineH > vpTop+vpH:
		r.scrollTo(top + r.wrap.lineH + r.wrap.pad - vpH)
	}
}

// OffsetPosition returns the top-left of the boundary before the rune at
// offset, relative to the Reader's own top-left (taking the scroll into
// account), e.g. to place a pop-up next to the selection. Its line is
// r.LineHeight() tall. It is the zero position before the first layout.
func (r *Reader) OffsetPosition(offset int) fyne.Position {
	if r.wrap.lines == nil {
		return fyne.Position{}
	}
	return r.positionOf(offset).Subtract(r.scroll.Offset)
}

// LineHeight returns the height of one line of text.
func (r *Reader) LineHeight() float32 { return r.wrap.lineH }

func (r *Reader) clamp(offset int) int {
	return max(0, min(offset, len(r.runes)))
}

// notify calls OnSelectionChanged if the selection differs from the one last reported.
func (r *Reader) notify() {
	s, e := r.Selection()
	if (Span{s, e}) == r.reported {
		return
	}
	r.reported = Span{s, e}
	if f := r.OnSelectionChanged; f != nil {
		f(s, e)
	}
}

// readerRenderer lays out the Reader's own scroller.
type readerRenderer struct{ r *Reader }

func (rr *readerRenderer) Layout(size fyne.Size) { rr.r.layoutTo(size, false) }

func (rr *readerRenderer) MinSize() fyne.Size { return rr.r.scroll.MinSize() }

func (rr *readerRenderer) Refresh() { rr.r.layoutTo(rr.r.Size(), true) }

func (rr *readerRenderer) Objects() []fyne.CanvasObject { return []fyne.CanvasObject{rr.r.scroll} }

func (rr *readerRenderer) Destroy() { rr.r.stopAutoScroll() }
