package app

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"

	"github.com/attache/attache/domain"
)

// sideExcerpts is the side pane's Excerpts tab: the library's excerpts,
// searchable, each row dragged into the draft where it is dropped, or
// added after the block being edited by a double click or Enter.
type sideExcerpts struct {
	p        *sidePane
	content  fyne.CanvasObject
	search   *widget.Entry
	list     *excerptDragList
	status   *widget.Label
	excerpts []*domain.Excerpt
	concerns map[int64]*domain.SourceConcern // troubled sources, by ID: their excerpts are flagged
	selected int                             // the row selected, -1 for none
	loaded   bool                            // listed once: the library's changes reload it
	loads    int                             // generation of the newest load; older ones are dropped
}

func newSideExcerpts(p *sidePane) *sideExcerpts {
	x := &sideExcerpts{p: p, selected: -1}
	x.search = widget.NewEntry()
	x.search.SetPlaceHolder("Search excerpts; drag one into the draft")
	x.search.OnChanged = func(string) { x.reload() }
	x.search.OnSubmitted = func(string) { x.addRow(max(x.selected, 0), -1) }
	x.list = newExcerptDragList(x)
	x.status = widget.NewLabel("")
	x.status.Importance = widget.LowImportance
	x.status.Wrapping = fyne.TextWrapWord
	x.content = container.NewBorder(x.search, x.status, nil, nil, x.list)
	return x
}

// show lists the excerpts the first time the tab is shown.
func (x *sideExcerpts) show() {
	if !x.loaded {
		x.loaded = true
		x.reload()
	}
}

// refresh lists the excerpts again after the library changed, if they
// were listed.
func (x *sideExcerpts) refresh() {
	if x.loaded {
		x.reload()
	}
}

// reload lists the excerpts the search finds, off the UI goroutine.
func (x *sideExcerpts) reload() {
	x.loads++
	gen, q := x.loads, strings.TrimSpace(x.search.Text)
	background(func() {
		list, err := x.p.ui.lib.Excerpts(x.p.ui.ctx, domain.ExcerptFilter{Query: q, Limit: excerptListLimit})
		concerns := x.p.ui.loadConcerns()
		x.p.ui.do(func() {
			if gen != x.loads {
				return
			}
			if err != nil {
				x.status.SetText(domain.ErrorMessage(err))
				return
			}
			x.excerpts, x.concerns, x.selected = list, concerns, -1
			x.list.UnselectAll()
			x.list.Refresh()
			x.status.SetText(excerptsText(q, len(list)))
		})
	})
}

// excerptsText says how many excerpts the tab lists.
func excerptsText(q string, n int) string {
	switch {
	case q != "" && n == 0:
		return "No excerpt matches “" + q + "”."
	case n == 0:
		return "No excerpts yet: select a passage in the Source tab and drag it into the draft."
	}
	return plural(n, "excerpt") + ": drag one into the draft, or double-click to add it after the block being edited."
}

// addRow puts the excerpt on row i into the draft at block index at
// (after the block being edited for at < 0).
func (x *sideExcerpts) addRow(i, at int) {
	if i >= 0 && i < len(x.excerpts) {
		x.p.insertExisting(at, x.excerpts[i])
	}
}

// excerptDragList is the Excerpts tab's list: Enter adds the selected
// row to the draft.
type excerptDragList struct {
	widget.List
	x *sideExcerpts
}

func newExcerptDragList(x *sideExcerpts) *excerptDragList {
	l := &excerptDragList{x: x}
	l.Length = func() int { return len(x.excerpts) }
	l.CreateItem = func() fyne.CanvasObject { return newExcerptDragRow(x) }
	l.UpdateItem = func(i widget.ListItemID, o fyne.CanvasObject) {
		if i < len(x.excerpts) {
			o.(*excerptDragRow).set(i, x.excerpts[i])
		}
	}
	l.OnSelected = func(i widget.ListItemID) { x.selected = i }
	l.OnUnselected = func(widget.ListItemID) { x.selected = -1 }
	l.ExtendBaseWidget(l)
	return l
}

// TypedKey adds the selected row on Enter; Space, Up and Down move and
// select as in any list.
func (l *excerptDragList) TypedKey(ev *fyne.KeyEvent) {
	if isEnter(ev.Name) {
		l.x.addRow(l.x.selected, -1)
		return
	}
	l.List.TypedKey(ev)
}

// excerptDragRow is one excerpt in the Excerpts tab: its quote over its
// source and note. A drag carries it into the draft; a click selects it,
// a double click adds it after the block being edited.
type excerptDragRow struct {
	widget.BaseWidget
	x     *sideExcerpts
	row   widget.ListItemID
	quote *widget.Label
	line  *widget.Label
	at    fyne.Position // where the drag's pointer is, absolute
}

var (
	_ fyne.Draggable      = (*excerptDragRow)(nil)
	_ fyne.Tappable       = (*excerptDragRow)(nil)
	_ fyne.DoubleTappable = (*excerptDragRow)(nil)
	_ desktop.Cursorable  = (*excerptDragRow)(nil)
)

func newExcerptDragRow(x *sideExcerpts) *excerptDragRow {
	r := &excerptDragRow{x: x, quote: widget.NewLabel("quote"), line: widget.NewLabel("source")}
	r.quote.Truncation = fyne.TextTruncateEllipsis
	r.line.Truncation = fyne.TextTruncateEllipsis
	r.line.Importance = widget.LowImportance
	r.ExtendBaseWidget(r)
	return r
}

func (r *excerptDragRow) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewVBox(r.quote, r.line))
}

// set shows excerpt e on row i.
func (r *excerptDragRow) set(i widget.ListItemID, e *domain.Excerpt) {
	r.row = i
	r.quote.SetText(excerptHeadline(e, 160))
	line, imp := excerptLine(e), widget.LowImportance
	if flag := excerptFlag(r.x.concerns[e.SourceID], e.ID); flag != "" {
		line, imp = "⚠ "+flag+" · "+line, widget.WarningImportance
	}
	r.line.Importance = imp
	r.line.SetText(line)
}

// Tapped selects the row, as a list row does, and gives the list the
// keyboard (Enter adds it).
func (r *excerptDragRow) Tapped(*fyne.PointEvent) {
	r.x.list.Select(r.row)
	if c := fyne.CurrentApp().Driver().CanvasForObject(r); c != nil {
		c.Focus(r.x.list)
	}
}

func (r *excerptDragRow) DoubleTapped(*fyne.PointEvent) { r.x.addRow(r.row, -1) }

// Dragged shows where the excerpt would land while over the draft.
func (r *excerptDragRow) Dragged(ev *fyne.DragEvent) {
	r.at = fyne.CurrentApp().Driver().AbsolutePositionForObject(r).Add(ev.Position)
	r.x.p.dragOver(r.at)
}

// DragEnd inserts the excerpt where it was dropped on the draft; dropped
// anywhere else, nothing happens.
func (r *excerptDragRow) DragEnd() {
	if at, ok := r.x.p.dropAt(r.at); ok {
		r.x.addRow(r.row, at)
	}
}

// Cursor is a hand: the row can be picked up.
func (r *excerptDragRow) Cursor() desktop.Cursor { return desktop.PointerCursor }
