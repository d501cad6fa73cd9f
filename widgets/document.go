package widgets

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// DocKind is how a Document draws one of its items.
type DocKind int

// Document item kinds.
const (
	DocHeading  DocKind = iota // a section heading, large and bold
	DocBody                    // a paragraph of body text (commentary)
	DocQuote                   // an excerpt: a quote card with its source line
	DocJudgment                // a key judgment with its confidence
	DocLabel                   // a fixed label such as "Key judgments": not movable, not editable
	DocFigure                  // a figure excerpt: a card with its picture, then its caption line, source line and button
)

// DocItem is what a Document shows for one item.
type DocItem struct {
	Kind   DocKind
	Mark   string // the portion mark printed first, "(U) "; "" for none
	Number string // a heading's section number or a judgment's, "2"; "" for none
	Text   string // shown in full, wrapped
	Meta   string // the line under a quote ("Source, p. 4 · B2") or a judgment ("Moderate confidence")
	Tag    string // a warning shown with the item ("unmarked"); "" for none
	Action string // the label of the item's one button ("Show in source"); "" for none
	// Image is a figure's picture, drawn above its Text ("Figure 2: …"):
	// zero for none.
	Image DocImage
}

// DocImage is a picture an item shows, by key: the Document asks
// FigureImage for its bytes and decodes them off the UI goroutine, and
// lays the item out from the size given here before the picture is
// decoded, so that no height changes when it arrives.
type DocImage struct {
	Key           string // the picture's identity, e.g. its SHA-256: one key, one picture
	Width, Height int    // its size in pixels
	// Fraction is the most of the text width the picture takes, as in the
	// printed briefing, where a small figure is not blown up; 0 for all.
	Fraction float32
}

// Document shows a long list of items (a briefing's blocks) as one
// scrolling, wrapped document: every item in full, in its own look. A
// header object (the briefing's title and details) scrolls with it. An
// item is edited in place: Edit puts an editor object where the item was
// drawn, the other items staying in sight. Items are moved by dragging
// them; a "+" between items asks to insert one there.
//
// Only the items near the viewport have canvas objects, so a document of
// thousands of items opens and scrolls quickly (as Reader does for lines).
//
// Like every Fyne widget, a Document must be used on the UI goroutine.
type Document struct {
	widget.BaseWidget

	// OnTapped is called when item i is clicked (to start editing it),
	// unless OnTappedAt is set.
	OnTapped func(i int)
	// OnTappedAt is called when item i is clicked at pos, relative to the
	// item's top-left (where an editor put in its place has its own), so
	// that the caret can go where the click was.
	OnTappedAt func(i int, pos fyne.Position)
	// DropPoint, if set, is where a drag of item from to insertion point
	// at really lands (a section never splits another, a judgment stays
	// among the judgments), -1 for nowhere: the drop line is drawn there
	// and OnMove gets it. from is -1 for a drag from outside (DragOver).
	DropPoint func(from, at int) int
	// OnResized is called after a layout at a new width: an editor whose
	// height depends on its width fits itself again (then RefreshItem).
	OnResized func()
	// OnMove is called when item from is dragged and dropped at insertion
	// point to (0 before the first item … Count() after the last); never
	// called for a drop where the item already is.
	OnMove func(from, to int)
	// OnInsert is called when the "+" at insertion point at is tapped, with
	// the absolute position of the "+" (its bottom-left corner, where a
	// menu shown there does not cover it).
	OnInsert func(at int, pos fyne.Position)
	// OnAction is called when item i's Action button is tapped.
	OnAction func(i int)
	// DropOnto, if set, is asked of the item under a drag from outside
	// (DragOver) whether the drag may land on it rather than between
	// items: the label it returns ("Link as evidence") is drawn on the
	// item, outlined, instead of the drop line; "" lets the drag land
	// between items as usual. Called on every move of the drag.
	DropOnto func(i int) string
	// FigureImage gives the encoded picture (PNG, or any format the image
	// package reads) of an item's DocImage by its key, nil for none: it is
	// called on the UI goroutine, so it hands over bytes at hand, and the
	// Document decodes them in the background and keeps the last few.
	FigureImage func(key string) []byte
	// MarkTip, if set, gives the note shown under marked words while the
	// pointer rests on them (the finding on them); see SetMarks.
	MarkTip func(i int, m DocMark) string

	count func() int
	item  func(i int) DocItem

	header  fyne.CanvasObject
	editing int
	editor  fyne.CanvasObject
	drop    int // the insertion point drawn for a drag from outside; -1 for none
	dropOn  int // the item a drag from outside would land on (DropOnto); -1 for none
	onLabel string

	lay        docLayout
	scroll     *container.Scroll
	wheel      *docWheel // over the scroll: the mouse wheel's speed
	body       *docBody
	pendingTop int // item to bring to the top after the next layout; -1 for none

	drag   docDrag
	hover  int // the insertion point whose "+" the pointer is over; -1 for none
	images *docImages
	marks  map[int][]DocMark // words drawn marked, by item (SetMarks)
	tip    docTip            // the note over the mark the pointer rests on
}

// NewDocument returns a Document of count() items, item(i) giving each.
func NewDocument(count func() int, item func(i int) DocItem) *Document {
	d := &Document{count: count, item: item, editing: -1, drop: -1, dropOn: -1, pendingTop: -1, hover: -1}
	d.tip.item = -1
	d.drag.from = -1
	d.images = newDocImages(d)
	d.body = newDocBody(d)
	d.scroll = container.NewVScroll(d.body)
	d.wheel = newDocWheel(d)
	d.scroll.OnScrolled = func(fyne.Position) {
		d.hover = -1 // the pointer is over another gap now, if any; it says so when it moves
		d.updateVisible()
	}
	d.ExtendBaseWidget(d)
	return d
}

// CreateRenderer is a private method to Fyne which links this widget to its renderer.
func (d *Document) CreateRenderer() fyne.WidgetRenderer {
	d.ExtendBaseWidget(d)
	return &documentRenderer{d: d}
}

// SetHeader sets the object shown above the first item, scrolling with it.
func (d *Document) SetHeader(o fyne.CanvasObject) {
	d.header = o
	d.relayout()
}

// Refresh shows the items afresh (after items were added, removed or
// moved, or the theme changed): every item is read and measured again, and
// the header's and the editor's heights too.
func (d *Document) Refresh() {
	d.lay.stale = true
	d.BaseWidget.Refresh()
}

// RefreshItem shows item i afresh (after its text changed, or the editor
// of item i grew), keeping the item at the top of the view where it is.
func (d *Document) RefreshItem(i int) {
	if i < 0 || i >= len(d.lay.items) {
		return
	}
	d.lay.items[i].width = 0
	if r := d.body.rend; r != nil {
		r.forget(i)
	}
	d.relayout()
}

// Edit shows editor in place of item i, sized to editor's MinSize; i < 0
// ends editing and shows the item again. The editor stays the same object
// however far the document scrolls (it keeps the focus).
func (d *Document) Edit(i int, editor fyne.CanvasObject) {
	if i < 0 || editor == nil {
		i, editor = -1, nil
	}
	old := d.editing
	d.editing, d.editor = i, editor
	for _, k := range []int{old, i} {
		if k >= 0 && k < len(d.lay.items) {
			d.lay.items[k].width = 0
			if r := d.body.rend; r != nil {
				r.forget(k)
			}
		}
	}
	d.relayout()
}

// Editing is the item being edited, -1 for none.
func (d *Document) Editing() int { return d.editing }

// ScrollTo scrolls so that item i is at the top of the view (as far as
// the document's length allows).
func (d *Document) ScrollTo(i int) {
	if !d.lay.ready() || d.lay.stale {
		d.pendingTop = i
		return
	}
	d.scrollTo(d.lay.itemTop(i) - d.lay.gap)
}

// ScrollToTop scrolls to the start of the document (its header).
func (d *Document) ScrollToTop() { d.scrollTo(0) }

// ScrollToHeader scrolls so that the header's point y (from its top) is
// at the top of the view: a field low in a tall header (the composer's
// bottom line under its open details) comes into sight.
func (d *Document) ScrollToHeader(y float32) { d.scrollTo(max(y, 0)) }

// VisibleRange is the range [first, last) of items at least partly in the
// view; first == last when none is.
func (d *Document) VisibleRange() (first, last int) {
	return d.lay.visible(d.scroll.Offset.Y, d.scroll.Size().Height, 0)
}

// IndexAt is the insertion point nearest to pos, an absolute position (a
// drop from outside the document); false when pos is outside it.
func (d *Document) IndexAt(pos fyne.Position) (int, bool) {
	if !d.lay.ready() {
		return d.count(), false
	}
	rel := pos.Subtract(fyne.CurrentApp().Driver().AbsolutePositionForObject(d))
	size := d.Size()
	if rel.X < 0 || rel.Y < 0 || rel.X >= size.Width || rel.Y >= size.Height {
		return d.count(), false
	}
	return d.lay.insertionAt(rel.Y + d.scroll.Offset.Y), true
}

// ShowDrop draws the insertion point at (a drag from outside hovering
// there); -1 hides it, and the outline of an item it would land on
// (and ends DragOver's scrolling).
func (d *Document) ShowDrop(at int) {
	if at < 0 && !d.drag.active {
		d.stopAutoScroll()
	}
	if at == d.drop && d.dropOn < 0 {
		return
	}
	d.drop, d.dropOn, d.onLabel = at, -1, ""
	d.updateVisible()
}

// DropOn is the item a drag from outside would land on (see DropOnto),
// -1 for none.
func (d *Document) DropOn() int { return d.dropOn }

// ItemTop is where item i starts, from the top of the Document as
// scrolled (negative above the view); 0 before the first layout.
func (d *Document) ItemTop(i int) float32 {
	if !d.lay.ready() || i < 0 || i >= len(d.lay.items) {
		return 0
	}
	return d.lay.starts[i] - d.scroll.Offset.Y
}

// ItemAt is the item under pos, an absolute position; -1 in a gap, over
// the header or outside the document.
func (d *Document) ItemAt(pos fyne.Position) int {
	if !d.lay.ready() {
		return -1
	}
	rel := pos.Subtract(fyne.CurrentApp().Driver().AbsolutePositionForObject(d))
	size := d.Size()
	if rel.X < 0 || rel.Y < 0 || rel.X >= size.Width || rel.Y >= size.Height {
		return -1
	}
	return d.lay.itemAt(rel.Y + d.scroll.Offset.Y)
}

// Drop is the insertion point the drop line is drawn at for a drag from
// outside (ShowDrop, DragOver), -1 for none.
func (d *Document) Drop() int { return d.drop }

// scrollTo sets the vertical scroll offset, clamped to the content.
func (d *Document) scrollTo(y float32) {
	y = min(y, d.lay.height-d.scroll.Size().Height)
	d.scroll.ScrollToOffset(fyne.NewPos(0, max(y, 0)))
	d.updateVisible()
}

// relayout re-measures what is stale and redraws, if shown.
func (d *Document) relayout() {
	if d.lay.ready() {
		d.layoutTo(d.Size())
	}
}

// documentRenderer lays out the Document's own scroller.
type documentRenderer struct{ d *Document }

func (r *documentRenderer) Layout(size fyne.Size) { r.d.layoutTo(size) }

func (r *documentRenderer) MinSize() fyne.Size { return r.d.scroll.MinSize() }

func (r *documentRenderer) Refresh() {
	r.d.lay.stale = true
	r.d.layoutTo(r.d.Size())
}

func (r *documentRenderer) Objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{r.d.scroll, r.d.wheel}
}

func (r *documentRenderer) Destroy() { r.d.stopAutoScroll() }
