package app

import (
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/attache/attache/widgets"
)

// The outline pane lists the draft's headings, numbered, beside the
// document: a click scrolls the document to the heading, dragging a row
// moves its whole section.

// outlineEntry is one heading the outline lists.
type outlineEntry struct {
	text string // its number and text
	item int    // its item in the document
}

// outlinePane is the outline; open says whether the analyst wants it
// shown (composeLayout folds it away in a narrow window all the same).
type outlinePane struct {
	widget.BaseWidget
	c       *composer
	open    bool
	entries []outlineEntry
	rows    *fyne.Container // of outlineRow
	marker  *canvas.Rectangle
	empty   *widget.Label
	scroll  *container.Scroll
}

func newOutlinePane(c *composer) *outlinePane {
	p := &outlinePane{c: c, open: true, rows: container.NewVBox()}
	p.marker = canvas.NewRectangle(theme.Color(theme.ColorNamePrimary))
	p.marker.Hide()
	p.empty = widget.NewLabel("No headings yet")
	p.empty.Importance = widget.LowImportance
	p.empty.Wrapping = fyne.TextWrapWord
	p.scroll = container.NewVScroll(container.NewStack(p.rows, container.NewWithoutLayout(p.marker)))
	p.ExtendBaseWidget(p)
	return p
}

// CreateRenderer is a private method to Fyne which links this widget to its renderer.
func (p *outlinePane) CreateRenderer() fyne.WidgetRenderer {
	title := widget.NewLabelWithStyle("Outline", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	return widget.NewSimpleRenderer(container.NewBorder(container.NewVBox(title, p.empty), nil, nil, nil, p.scroll))
}

// toggle shows or hides the outline.
func (p *outlinePane) toggle() {
	p.open = !p.open
	if c := p.c.edit; c != nil {
		c.Refresh()
	}
}

// showOutline lists the headings of the document just built, if they
// changed.
func (c *composer) showOutline() {
	var entries []outlineEntry
	for i, it := range c.model.items {
		if it.Kind == widgets.DocHeading {
			entries = append(entries, outlineEntry{text: it.Number + "  " + it.Text, item: i})
		}
	}
	p := c.outline
	if slices.Equal(entries, p.entries) {
		return
	}
	if len(entries) == len(p.entries) { // a heading typed into: only its row changes
		for i, e := range entries {
			if e != p.entries[i] {
				p.rows.Objects[i].(*outlineRow).label.SetText(e.text)
			}
		}
		p.entries = entries
		return
	}
	p.entries = entries
	objs := make([]fyne.CanvasObject, len(entries))
	for i := range entries {
		objs[i] = newOutlineRow(p, i)
	}
	p.rows.Objects = objs
	p.rows.Refresh()
	showAll([]fyne.CanvasObject{p.empty}, len(entries) == 0)
}

// dropRow is the row a row dragged to y (in the rows' coordinates) lands
// before: 0 … len(rows).
func (p *outlinePane) dropRow(y float32) int {
	for i, o := range p.rows.Objects {
		if y < o.Position().Y+o.Size().Height/2 {
			return i
		}
	}
	return len(p.rows.Objects)
}

// showMarker draws the line where row at would land; at < 0 hides it.
func (p *outlinePane) showMarker(at int) {
	if at < 0 || len(p.rows.Objects) == 0 {
		p.marker.Hide()
		return
	}
	y := p.rows.MinSize().Height
	if at < len(p.rows.Objects) {
		y = p.rows.Objects[at].Position().Y
	}
	p.marker.Move(fyne.NewPos(0, max(y-2, 0)))
	p.marker.Resize(fyne.NewSize(p.rows.Size().Width, 2))
	p.marker.Show()
	p.marker.Refresh()
}

// moveSection moves the section of heading row from before heading row
// to (after the last section for len(rows)), as one undo step, as the
// document moves a heading dropped there (composer.docMove).
func (p *outlinePane) moveSection(from, to int) {
	if item, at, ok := p.dropItems(from, to); ok {
		p.c.onDocMove(item, at)
	}
}

// dropItems is the document's item of heading row from and its
// insertion point before heading row to (its end for len(rows)).
func (p *outlinePane) dropItems(from, to int) (item, at int, ok bool) {
	c := p.c
	if c.d == nil || c.model == nil || from < 0 || from >= len(p.entries) || to < 0 || to > len(p.entries) {
		return 0, 0, false
	}
	at = len(c.model.items)
	if to < len(p.entries) {
		at = p.entries[to].item
	}
	return p.entries[from].item, at, true
}

// showDrop draws where the section of heading row from dropped before
// row to lands, in the outline and in the document (nothing where it
// would not move); from < 0 hides both.
func (p *outlinePane) showDrop(from, to int) {
	at := -1
	if item, point, ok := p.dropItems(from, to); ok {
		at = p.c.dropPoint(item, point)
	}
	p.c.doc.ShowDrop(at)
	if at < 0 {
		p.showMarker(-1)
		return
	}
	p.showMarker(to)
}

// outlineRow is one heading in the outline: tapped, it scrolls the
// document there; dragged, it moves the section.
type outlineRow struct {
	widget.BaseWidget
	p     *outlinePane
	index int
	label *widget.Label
	dy    float32 // how far it has been dragged
	drag  bool
}

func newOutlineRow(p *outlinePane, index int) *outlineRow {
	r := &outlineRow{p: p, index: index, label: widget.NewLabel(p.entries[index].text)}
	r.label.Truncation = fyne.TextTruncateEllipsis
	r.ExtendBaseWidget(r)
	return r
}

// CreateRenderer is a private method to Fyne which links this widget to its renderer.
func (r *outlineRow) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(r.label)
}

// Tapped scrolls the document to the heading.
func (r *outlineRow) Tapped(*fyne.PointEvent) {
	r.p.c.doc.ScrollTo(r.p.entries[r.index].item)
}

// Dragged follows the drag, showing where the section would land.
func (r *outlineRow) Dragged(ev *fyne.DragEvent) {
	r.drag = true
	r.dy += ev.Dragged.DY
	r.p.showDrop(r.index, r.p.dropRow(r.center()))
}

// DragEnd moves the section where the row was dropped.
func (r *outlineRow) DragEnd() {
	if !r.drag {
		return
	}
	to := r.p.dropRow(r.center())
	r.drag, r.dy = false, 0
	r.p.showDrop(-1, 0)
	r.p.moveSection(r.index, to)
}

// center is the dragged row's middle in the rows' coordinates.
func (r *outlineRow) center() float32 {
	return r.Position().Y + r.Size().Height/2 + r.dy
}
