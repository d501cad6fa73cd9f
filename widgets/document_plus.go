package widgets

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// docPlus is the small round "+" in the left margin that asks to insert
// an item at its gap.
type docPlus struct {
	widget.BaseWidget
	d  *Document
	at int
}

func newDocPlus(d *Document) *docPlus {
	p := &docPlus{d: d}
	p.ExtendBaseWidget(p)
	return p
}

// Tapped calls OnInsert with the position just under the "+".
func (p *docPlus) Tapped(*fyne.PointEvent) {
	if p.d.OnInsert == nil {
		return
	}
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(p)
	p.d.OnInsert(p.at, pos.Add(fyne.NewPos(0, p.Size().Height)))
}

// Cursor shows the pointing hand: the "+" is a button.
func (p *docPlus) Cursor() desktop.Cursor { return desktop.PointerCursor }

func (p *docPlus) CreateRenderer() fyne.WidgetRenderer {
	r := &docPlusRenderer{p: p, circle: canvas.NewCircle(color.Transparent), icon: canvas.NewImageFromResource(nil)}
	r.icon.FillMode = canvas.ImageFillContain
	r.Refresh()
	return r
}

type docPlusRenderer struct {
	p      *docPlus
	circle *canvas.Circle
	icon   *canvas.Image
}

func (r *docPlusRenderer) Layout(size fyne.Size) {
	r.circle.Resize(size)
	inset := size.Width / 6
	r.icon.Move(fyne.NewPos(inset, inset))
	r.icon.Resize(fyne.NewSize(size.Width-2*inset, size.Height-2*inset))
}

func (r *docPlusRenderer) MinSize() fyne.Size {
	s := r.p.Theme().Size(theme.SizeNameInlineIcon)
	return fyne.NewSize(s, s)
}

func (r *docPlusRenderer) Refresh() {
	th := r.p.Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	r.circle.FillColor = th.Color(theme.ColorNamePrimary, v)
	r.icon.Resource = theme.NewColoredResource(theme.ContentAddIcon(), theme.ColorNameForegroundOnPrimary)
	r.Layout(r.p.Size())
	r.circle.Refresh()
	r.icon.Refresh()
}

func (r *docPlusRenderer) Objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{r.circle, r.icon}
}

func (r *docPlusRenderer) Destroy() {}
