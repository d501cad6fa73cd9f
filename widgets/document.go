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

	// OnTapped is called when item i is clicked (to start editing it).
	OnTapped func(i int)
	// OnMove is called when item from is dragged and dropped at insertion
	// point to (0 before the first item … Count() after the last); never
	// called for a drop where the item already is.
	OnMove func(from, to int)
	// OnInsert is called when the "+" at insertion point at is tapped, with
	// the absolute position of the "+" (to show a menu there).
	OnInsert func(at int, pos fyne.Position)
	// OnAction is called when item i's Action button is tapped.
	OnAction func(i int)

	count func() int
	item  func(i int) DocItem

	header  fyne.CanvasObject
	editing int
	editor  fyne.CanvasObject
	drop    int // the insertion point drawn for a drag from outside; -1 for none

	box    *fyne.Container
	scroll *container.Scroll
}

// NewDocument returns a Document of count() items, item(i) giving each.
func NewDocument(count func() int, item func(i int) DocItem) *Document {
	d := &Document{count: count, item: item, editing: -1, drop: -1}
	d.box = container.NewVBox()
	d.scroll = container.NewVScroll(d.box)
	d.ExtendBaseWidget(d)
	d.rebuild()
	return d
}

// CreateRenderer is a private method to Fyne which links this widget to its renderer.
func (d *Document) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(d.scroll)
}

// SetHeader sets the object shown above the first item, scrolling with it.
func (d *Document) SetHeader(o fyne.CanvasObject) {
	d.header = o
	d.rebuild()
}

// Refresh shows the items afresh (after items were added, removed or moved).
func (d *Document) Refresh() {
	d.rebuild()
	d.BaseWidget.Refresh()
}

// RefreshItem shows item i afresh (after its text changed).
func (d *Document) RefreshItem(int) { d.Refresh() }

// Edit shows editor in place of item i, sized to editor's MinSize; i < 0
// ends editing and shows the item again.
func (d *Document) Edit(i int, editor fyne.CanvasObject) {
	d.editing, d.editor = i, editor
	if i < 0 {
		d.editor = nil
	}
	d.Refresh()
}

// Editing is the item being edited, -1 for none.
func (d *Document) Editing() int { return d.editing }

// ScrollTo scrolls item i into view.
func (d *Document) ScrollTo(i int) {}

// IndexAt is the insertion point nearest to pos, an absolute position (a
// drop from outside the document); false when pos is outside it.
func (d *Document) IndexAt(pos fyne.Position) (int, bool) {
	return d.count(), false
}

// ShowDrop draws the insertion point at (a drag from outside hovering
// there); -1 hides it.
func (d *Document) ShowDrop(at int) { d.drop = at }

// rebuild is the simple, unvirtualised first version: one object per item.
func (d *Document) rebuild() {
	var objs []fyne.CanvasObject
	if d.header != nil {
		objs = append(objs, d.header)
	}
	for i := 0; i < d.count(); i++ {
		if i == d.editing && d.editor != nil {
			objs = append(objs, d.editor)
			continue
		}
		it := d.item(i)
		l := widget.NewLabel(it.Mark + it.Number + " " + it.Text + "\n" + it.Meta)
		l.Wrapping = fyne.TextWrapWord
		objs = append(objs, l)
	}
	d.box.Objects = objs
	d.box.Refresh()
}
