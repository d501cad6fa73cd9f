package widgets

import (
	"image/color"
	"sort"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/widget"
)

// layoutTo measures what is stale for a Document of the given size,
// keeping the item at the top of the view where it is, and redraws.
func (d *Document) layoutTo(size fyne.Size) {
	if size.Width <= 0 {
		return
	}
	l := &d.lay
	anchor, into := d.topAnchor()
	l.updateMetrics(d.Theme(), pixelScale(d))
	oldW := l.width
	l.setWidth(size.Width)
	l.headerY, l.headerH = l.pad, 0
	if d.header != nil {
		l.headerH = snapUp(d.header.MinSize().Height, l.px)
	}
	d.measureItems()
	l.restack(0)
	d.scroll.Resize(size)
	d.wheel.Resize(size)
	d.body.Resize(fyne.NewSize(size.Width, max(l.height, size.Height)))
	y := d.scroll.Offset.Y
	if anchor >= 0 && anchor < len(l.items) {
		y = l.starts[anchor] + min(into, l.items[anchor].g.h)
	}
	if d.pendingTop >= 0 {
		y = l.itemTop(d.pendingTop) - l.gap
		d.pendingTop = -1
	}
	d.scroll.Offset.Y = max(0, min(y, l.height-size.Height))
	d.scroll.Refresh() // lays out the body and updates it (docBodyRenderer.Refresh)
	if oldW != size.Width && d.OnResized != nil {
		d.OnResized() // the editor, just placed at the new width, fits itself again
	}
}

// topAnchor is the item at the top of the view and how far the view is
// scrolled into it; -1 when the view starts in the header (or before the
// first layout), which then stays where it is.
func (d *Document) topAnchor() (int, float32) {
	l := &d.lay
	n := len(l.items)
	y := d.scroll.Offset.Y
	if !l.ready() || n == 0 || y < l.headerY+l.headerH {
		return -1, 0
	}
	i := sort.Search(n, func(i int) bool { return l.starts[i]+l.items[i].g.h > y })
	if i == n {
		return -1, 0
	}
	return i, y - l.starts[i]
}

// measureItems reads and wraps the items that are new, changed or stale;
// the one being edited takes its editor's height, read every time (the
// editor grows as its text does).
func (d *Document) measureItems() {
	l := &d.lay
	n := max(d.count(), 0)
	if n < len(l.items) {
		clear(l.items[n:])
		l.items = l.items[:n]
	}
	for len(l.items) < n {
		l.items = append(l.items, docEntry{})
	}
	if cap(l.starts) < n+1 {
		l.starts = make([]float32, n+1)
	}
	l.starts = l.starts[:n+1]
	r := d.body.rend
	for i := range l.items {
		e := &l.items[i]
		switch {
		case i == d.editing && d.editor != nil:
			l.measureEditor(e, d.item(i), d.editor)
		case l.stale || e.width != l.colW:
			l.measure(e, d.item(i))
		default:
			continue
		}
		if r != nil && !l.stale {
			r.forget(i)
		}
	}
	if l.stale && r != nil {
		r.forgetAll()
		r.hoverPlus.Refresh() // the theme may have changed while they were hidden
		r.editPlus.Refresh()
	}
	l.stale = false
}

// updateVisible creates, reuses and places the objects of the items near
// the view after a scroll, an edit or a drag.
func (d *Document) updateVisible() {
	if r := d.body.rend; r != nil {
		r.update()
	}
}

// pixelScale is the number of device pixels per unit where o is shown.
func pixelScale(o fyne.CanvasObject) float32 {
	if app := fyne.CurrentApp(); app != nil {
		if c := app.Driver().CanvasForObject(o); c != nil && c.Scale() > 0 {
			return c.Scale()
		}
	}
	return 1
}

// docBody is the scrolled content: the whole document's height, drawing
// only the items near the view. It takes the taps, drags and hovering.
type docBody struct {
	widget.BaseWidget
	d    *Document
	rend *docBodyRenderer
}

func newDocBody(d *Document) *docBody {
	b := &docBody{d: d}
	b.ExtendBaseWidget(b)
	return b
}

// MinSize is the whole document's height and a narrow column.
func (b *docBody) MinSize() fyne.Size {
	l := &b.d.lay
	if l.body == nil {
		return fyne.Size{}
	}
	return fyne.NewSize(l.colX+8*l.body.spaceW, l.height)
}

func (b *docBody) CreateRenderer() fyne.WidgetRenderer {
	r := &docBodyRenderer{
		b:     b,
		views: map[int]*docView{},
		line:  canvas.NewRectangle(color.Transparent),
		dim:   canvas.NewRectangle(color.Transparent),
		ring:  canvas.NewRectangle(color.Transparent),
		pill:  canvas.NewRectangle(color.Transparent),
		says:  canvas.NewText("", color.Transparent),
	}
	r.hoverPlus = newDocPlus(b.d)
	r.editPlus = newDocPlus(b.d)
	b.rend = r
	r.update()
	return r
}

// docBodyRenderer keeps one docView per item near the view, reusing the
// views of items that scrolled away.
type docBodyRenderer struct {
	b       *docBody
	objects []fyne.CanvasObject
	views   map[int]*docView // by item index
	spare   []*docView

	line, dim           *canvas.Rectangle // the drop line; the veil over a dragged item
	ring, pill          *canvas.Rectangle // the outline of the item a drop lands on, and its label's ground
	says                *canvas.Text      // that label
	hoverPlus, editPlus *docPlus
}

func (r *docBodyRenderer) Layout(fyne.Size) { r.update() }

func (r *docBodyRenderer) MinSize() fyne.Size { return r.b.MinSize() }

func (r *docBodyRenderer) Refresh() { r.update() }

func (r *docBodyRenderer) Objects() []fyne.CanvasObject { return r.objects }

func (r *docBodyRenderer) Destroy() {
	if r.b.rend == r {
		r.b.rend = nil
	}
}

// forget drops item i's view, to be drawn afresh.
func (r *docBodyRenderer) forget(i int) {
	if v, ok := r.views[i]; ok {
		delete(r.views, i)
		r.spare = append(r.spare, v)
	}
}

func (r *docBodyRenderer) forgetAll() {
	for i := range r.views {
		r.forget(i)
	}
}

// update lists the objects to draw: the header, the items near the view,
// the editor (always: it holds the focus), the drag's veil and drop line,
// and the "+" buttons.
func (r *docBodyRenderer) update() {
	d := r.b.d
	l := &d.lay
	r.objects = r.objects[:0]
	if !l.ready() || l.body == nil {
		return
	}
	vpH := d.scroll.Size().Height
	first, last := l.visible(d.scroll.Offset.Y, vpH, max(vpH/2, 200))
	for i := range r.views {
		if i < first || i >= last || i == d.editing {
			r.forget(i)
		}
	}
	if d.header != nil {
		d.header.Move(fyne.NewPos(l.colX, l.headerY))
		d.header.Resize(fyne.NewSize(l.colW, l.headerH))
		r.objects = append(r.objects, d.header)
	}
	colors := docColorsFor(d)
	for i := first; i < last; i++ {
		if i == d.editing {
			continue
		}
		v, ok := r.views[i]
		if !ok {
			v = r.newView()
			v.fill(d, i, &l.items[i], colors)
			r.views[i] = v
		}
		v.c.Move(fyne.NewPos(l.colX, l.starts[i]))
		r.objects = append(r.objects, v.c)
	}
	if d.editor != nil && d.editing < len(l.items) {
		d.editor.Move(fyne.NewPos(l.colX, l.starts[d.editing]))
		d.editor.Resize(fyne.NewSize(l.colW, l.items[d.editing].g.h))
		r.objects = append(r.objects, d.editor)
	}
	r.addDragMarks(colors)
	r.addPluses()
	r.addTip()
	canvas.Refresh(r.line) // repaint: objects may have been added or removed
}

func (r *docBodyRenderer) newView() *docView {
	if n := len(r.spare); n > 0 {
		v := r.spare[n-1]
		r.spare = r.spare[:n-1]
		return v
	}
	return newDocView(r.b.d)
}

// addDragMarks veils the item being dragged and draws the drop line at the
// insertion point of a drag, from inside or from outside.
func (r *docBodyRenderer) addDragMarks(c docColors) {
	d := r.b.d
	l := &d.lay
	if dr := &d.drag; dr.active && dr.from >= 0 && dr.from < len(l.items) {
		r.dim.FillColor = c.veil
		r.dim.Move(fyne.NewPos(l.colX, l.starts[dr.from]))
		r.dim.Resize(fyne.NewSize(l.colW, l.items[dr.from].g.h))
		r.objects = append(r.objects, r.dim)
	}
	at := d.drop
	if d.drag.active {
		at = d.drag.to
	}
	r.line.FillColor = color.Transparent
	if at >= 0 && at <= len(l.items) {
		th := snapUp(3, l.px)
		r.line.FillColor = c.drop
		r.line.CornerRadius = th / 2
		r.line.Move(fyne.NewPos(l.colX-l.pad, snapDown(l.gapMid(at)-th/2, l.px)))
		r.line.Resize(fyne.NewSize(l.colW+l.pad, th))
	}
	r.objects = append(r.objects, r.line)
	r.addDropOn(c)
}

// addDropOn outlines the item a drag from outside would land on and
// labels it with what the drop does, at its top right.
func (r *docBodyRenderer) addDropOn(c docColors) {
	d := r.b.d
	l := &d.lay
	i := d.dropOn
	if i < 0 || i >= len(l.items) || d.drag.active {
		return
	}
	th := snapUp(2, l.px)
	top := l.starts[i]
	r.ring.FillColor = color.Transparent
	r.ring.StrokeColor, r.ring.StrokeWidth, r.ring.CornerRadius = c.drop, th, l.pad
	r.ring.Move(fyne.NewPos(l.colX-th, top-th))
	r.ring.Resize(fyne.NewSize(l.colW+2*th, l.items[i].g.h+2*th))
	r.says.Text, r.says.Color = d.onLabel, c.onDrop
	r.says.TextSize, r.says.TextStyle = l.tag.size, fyne.TextStyle{Bold: true}
	size := r.says.MinSize()
	w := min(size.Width+2*l.inner, l.colW)
	r.pill.FillColor, r.pill.CornerRadius = c.drop, l.pad
	r.pill.Move(fyne.NewPos(l.colX+l.colW-w, top-size.Height/2-l.pad/2))
	r.pill.Resize(fyne.NewSize(w, size.Height+l.pad))
	r.says.Move(r.pill.Position().Add(fyne.NewPos(l.inner, l.pad/2)))
	r.says.Resize(size)
	r.says.Refresh()
	r.objects = append(r.objects, r.ring, r.pill, r.says)
}

// addPluses shows one "+": the one of the gap under the pointer, else the
// one after the item being edited; only wholly inside the view (a "+"
// half scrolled out would be drawn over what is above the document).
func (r *docBodyRenderer) addPluses() {
	d := r.b.d
	l := &d.lay
	p, at := r.hoverPlus, d.hover
	if at < 0 && d.editing >= 0 && d.editor != nil {
		p, at = r.editPlus, d.editing+1
	}
	if at < 0 || at > len(l.items) || d.drag.active {
		return
	}
	y := snapDown(l.gapMid(at)-l.plus/2, l.px)
	if top := d.scroll.Offset.Y; y < top || y+l.plus > top+d.scroll.Size().Height {
		return
	}
	p.at = at
	p.Move(fyne.NewPos(snapDown((l.colX-l.plus)/2, l.px), y))
	p.Resize(fyne.NewSize(l.plus, l.plus))
	r.objects = append(r.objects, p)
}
