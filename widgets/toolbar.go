package widgets

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Toolbar is a row of buttons (and check boxes) that fits any width: those
// that do not fit move, from the end, into a "more" (…) menu at the row's
// end, so no control is ever drawn over its neighbours or cut off. Its
// minimum width is that of the "more" button alone.
//
// Add items with Add, AddCheck and AddSeparator before it is shown. Items
// may be hidden (Hide) and disabled as usual: a hidden item takes no room
// and is not in the menu; a disabled one is greyed out in the menu too.
type Toolbar struct {
	widget.BaseWidget

	items []*toolbarItem
	more  *widget.Button
}

// toolbarItem is one control of a Toolbar with how it shows in the menu.
type toolbarItem struct {
	obj      fyne.CanvasObject
	label    string // in the "more" menu
	overflow bool   // laid out in the menu, not the row, at the last layout
}

// NewToolbar returns an empty toolbar.
func NewToolbar() *Toolbar {
	t := &Toolbar{}
	t.more = widget.NewButtonWithIcon("", theme.MoreHorizontalIcon(), t.showMore)
	t.more.Importance = widget.LowImportance
	t.ExtendBaseWidget(t)
	return t
}

// Add appends a button; label names it in the "more" menu (an icon-only
// button needs one; "" uses the button's text).
func (t *Toolbar) Add(b *widget.Button, label string) *widget.Button {
	if label == "" {
		label = b.Text
	}
	t.items = append(t.items, &toolbarItem{obj: b, label: label})
	return b
}

// AddCheck appends a check box; in the "more" menu it is an item with a
// check mark.
func (t *Toolbar) AddCheck(c *widget.Check) *widget.Check {
	t.items = append(t.items, &toolbarItem{obj: c, label: c.Text})
	return c
}

// AddSeparator appends a thin vertical line between groups of items.
func (t *Toolbar) AddSeparator() {
	t.items = append(t.items, &toolbarItem{obj: widget.NewSeparator()})
}

// Overflowing returns the items that are in the "more" menu at the
// current width, for tests and the menu itself.
func (t *Toolbar) Overflowing() []fyne.CanvasObject {
	var out []fyne.CanvasObject
	for _, it := range t.items {
		if it.overflow && !isSeparator(it.obj) && it.obj.Visible() {
			out = append(out, it.obj)
		}
	}
	return out
}

// MoreButton is the "more" (…) button, shown only when items overflow.
func (t *Toolbar) MoreButton() *widget.Button { return t.more }

// menu is the "more" menu: the items that do not fit.
func (t *Toolbar) menu() *fyne.Menu {
	var items []*fyne.MenuItem
	for _, it := range t.items {
		if !it.overflow || !it.obj.Visible() {
			continue
		}
		switch w := it.obj.(type) {
		case *widget.Button:
			m := fyne.NewMenuItem(it.label, w.OnTapped)
			m.Icon, m.Disabled = w.Icon, w.Disabled()
			items = append(items, m)
		case *widget.Check:
			m := fyne.NewMenuItem(it.label, func() { w.SetChecked(!w.Checked) })
			m.Checked, m.Disabled = w.Checked, w.Disabled()
			items = append(items, m)
		case *widget.Separator:
			if len(items) > 0 && !items[len(items)-1].IsSeparator {
				items = append(items, fyne.NewMenuItemSeparator())
			}
		}
	}
	if n := len(items); n > 0 && items[n-1].IsSeparator {
		items = items[:n-1]
	}
	return fyne.NewMenu("", items...)
}

func (t *Toolbar) showMore() {
	c := fyne.CurrentApp().Driver().CanvasForObject(t.more)
	if c == nil {
		return
	}
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(t.more)
	widget.ShowPopUpMenuAtPosition(t.menu(), c, pos.AddXY(0, t.more.Size().Height))
}

// CreateRenderer implements fyne.Widget.
func (t *Toolbar) CreateRenderer() fyne.WidgetRenderer {
	return &toolbarRenderer{t: t}
}

type toolbarRenderer struct{ t *Toolbar }

func (r *toolbarRenderer) Objects() []fyne.CanvasObject {
	// Items in the menu are left out, so they are neither drawn nor tapped.
	objs := make([]fyne.CanvasObject, 0, len(r.t.items)+1)
	for _, it := range r.t.items {
		if !it.overflow {
			objs = append(objs, it.obj)
		}
	}
	return append(objs, r.t.more)
}

// width is how much room an item takes in the row: a separator is a thin
// line with padding either side.
func itemWidth(o fyne.CanvasObject) float32 {
	if _, ok := o.(*widget.Separator); ok {
		return theme.SeparatorThicknessSize() + theme.Padding()
	}
	return o.MinSize().Width
}

// Layout places the items that fit, in order, and moves the rest into the
// menu; a separator is never left at either end of the row.
func (r *toolbarRenderer) Layout(size fyne.Size) {
	t, pad := r.t, theme.Padding()
	total := float32(0)
	n := 0
	for _, it := range t.items {
		if it.obj.Visible() {
			total += itemWidth(it.obj)
			n++
		}
	}
	if n > 1 {
		total += pad * float32(n-1)
	}
	room := size.Width
	overflow := total > size.Width
	if overflow {
		room -= t.more.MinSize().Width + pad
	}
	x, full := float32(0), false
	var last *toolbarItem // the last item placed in the row
	for _, it := range t.items {
		it.overflow = false
		if !it.obj.Visible() {
			continue
		}
		w := itemWidth(it.obj)
		if full || x+w > room+0.5 {
			full, it.overflow = true, true
			continue
		}
		if isSeparator(it.obj) { // a thin line in the middle of its slot
			line := theme.SeparatorThicknessSize()
			it.obj.Move(fyne.NewPos(x+(w-line)/2, 2*pad))
			it.obj.Resize(fyne.NewSize(line, size.Height-4*pad))
		} else {
			h := it.obj.MinSize().Height
			it.obj.Move(fyne.NewPos(x, (size.Height-h)/2))
			it.obj.Resize(fyne.NewSize(w, h))
		}
		x += w + pad
		last = it
	}
	// A separator before the menu, or before nothing, separates nothing.
	if last != nil && isSeparator(last.obj) {
		last.overflow = true
	}
	if overflow {
		ms := t.more.MinSize()
		t.more.Move(fyne.NewPos(size.Width-ms.Width, (size.Height-ms.Height)/2))
		t.more.Resize(ms)
		t.more.Show()
	} else {
		t.more.Hide()
	}
}

func isSeparator(o fyne.CanvasObject) bool {
	_, ok := o.(*widget.Separator)
	return ok
}

// MinSize is the "more" button's width and the tallest item's height.
func (r *toolbarRenderer) MinSize() fyne.Size {
	h := r.t.more.MinSize().Height
	for _, it := range r.t.items {
		if it.obj.Visible() && !isSeparator(it.obj) {
			h = max(h, it.obj.MinSize().Height)
		}
	}
	return fyne.NewSize(r.t.more.MinSize().Width, h)
}

func (r *toolbarRenderer) Refresh() {
	r.Layout(r.t.Size())
	for _, o := range r.Objects() {
		o.Refresh()
	}
}

func (r *toolbarRenderer) Destroy() {}

// FullWidth is the width the toolbar needs to show every item in its row.
func (t *Toolbar) FullWidth() float32 {
	total, n := float32(0), 0
	for _, it := range t.items {
		if it.obj.Visible() {
			total += itemWidth(it.obj)
			n++
		}
	}
	if n > 1 {
		total += theme.Padding() * float32(n-1)
	}
	return total
}

// NewToolbarRow lays out field (a search box, say) beside bar: the bar
// gets the room to show all its items when the row has it, the field the
// rest but not less than fieldWidth (its placeholder readable) while the
// bar can shrink, and the bar overflows into its menu when the row is
// narrower than both.
func NewToolbarRow(field fyne.CanvasObject, fieldWidth float32, bar *Toolbar) *fyne.Container {
	return container.New(&toolbarRowLayout{field: field, width: fieldWidth, bar: bar}, field, bar)
}

type toolbarRowLayout struct {
	field fyne.CanvasObject
	width float32
	bar   *Toolbar
}

func (l *toolbarRowLayout) Layout(_ []fyne.CanvasObject, size fyne.Size) {
	pad := theme.Padding()
	fieldMin := max(l.field.MinSize().Width, l.width)
	barW := min(l.bar.FullWidth(), max(size.Width-fieldMin-pad, l.bar.MinSize().Width))
	fieldW := max(size.Width-barW-pad, 0)
	l.field.Move(fyne.NewPos(0, (size.Height-l.field.MinSize().Height)/2))
	l.field.Resize(fyne.NewSize(fieldW, l.field.MinSize().Height))
	l.bar.Move(fyne.NewPos(size.Width-barW, 0))
	l.bar.Resize(fyne.NewSize(barW, size.Height))
}

func (l *toolbarRowLayout) MinSize([]fyne.CanvasObject) fyne.Size {
	f, b := l.field.MinSize(), l.bar.MinSize()
	return fyne.NewSize(f.Width+theme.Padding()+b.Width, max(f.Height, b.Height))
}

// Items are the toolbar's controls in order, separators included.
func (t *Toolbar) Items() []fyne.CanvasObject {
	objs := make([]fyne.CanvasObject, len(t.items))
	for i, it := range t.items {
		objs[i] = it.obj
	}
	return objs
}
