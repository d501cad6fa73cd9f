package widgets

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Tooltips for the reader's tool buttons. Fyne has none, and a pop-up
// would take the pointer (the canvas sends every event to its top
// overlay), so the tip is drawn in a layer of the view itself, over the
// pages, where it takes no events: the button keeps its hover and the
// next click lands where it is aimed.

// tipDelay is how long the pointer rests on a button before its tip shows;
// tipAfter runs a function after it, on the UI goroutine (tests run it at
// once).
var (
	tipDelay = 600 * time.Millisecond
	tipAfter = func(d time.Duration, f func()) { time.AfterFunc(d, func() { fyne.Do(f) }) }
)

// tipLayer draws one tip at a time over the pages of a PageView.
type tipLayer struct {
	widget.BaseWidget
	v    *PageView
	bg   *canvas.Rectangle
	text *canvas.Text
	gen  int // counts tips asked for, so a late timer shows nothing
}

func newTipLayer(v *PageView) *tipLayer {
	l := &tipLayer{v: v, bg: canvas.NewRectangle(nil), text: canvas.NewText("", nil)}
	l.bg.CornerRadius = theme.InputRadiusSize()
	l.ExtendBaseWidget(l)
	l.hide()
	return l
}

func (l *tipLayer) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(&fyne.Container{Objects: []fyne.CanvasObject{l.bg, l.text}})
}

// show shows tip below b, kept within the view.
func (l *tipLayer) show(b fyne.CanvasObject, tip string) {
	d := fyne.CurrentApp().Driver()
	if d.CanvasForObject(b) == nil || d.CanvasForObject(l) == nil {
		return
	}
	th, variant := l.v.Theme(), fyne.CurrentApp().Settings().ThemeVariant()
	pad := th.Size(theme.SizeNamePadding)
	l.text.Text, l.text.TextSize = tip, th.Size(theme.SizeNameCaptionText)
	l.text.Color = th.Color(theme.ColorNameForeground, variant)
	l.bg.FillColor = th.Color(theme.ColorNameOverlayBackground, variant)
	l.bg.StrokeColor, l.bg.StrokeWidth = th.Color(theme.ColorNameInputBorder, variant), 1
	ts := l.text.MinSize()
	size := fyne.NewSize(ts.Width+2*pad, ts.Height+pad)
	origin := d.AbsolutePositionForObject(l)
	at := d.AbsolutePositionForObject(b).Subtract(origin).AddXY(0, b.Size().Height+pad/2)
	at.X = max(min(at.X, l.Size().Width-size.Width), 0)
	at.Y = max(at.Y, 0)
	l.bg.Move(at)
	l.bg.Resize(size)
	l.text.Move(at.AddXY(pad, pad/2))
	l.text.Resize(ts)
	l.bg.Show()
	l.text.Show()
	l.Refresh()
}

// hide hides the tip. The layer itself stays shown (empty): the GL driver
// did not draw it again when shown after being hidden.
func (l *tipLayer) hide() {
	l.bg.Hide()
	l.text.Hide()
	l.Refresh()
}

// Tip is the tip shown now, "" for none; for tests.
func (l *tipLayer) Tip() string {
	if !l.text.Visible() {
		return ""
	}
	return l.text.Text
}

// tipButton is a button whose tip shows while the pointer rests on it.
type tipButton struct {
	widget.Button
	tips *tipLayer
	tip  string
}

func newTipButton(tips *tipLayer, label string, icon fyne.Resource, tip string, tapped func()) *tipButton {
	b := &tipButton{tips: tips, tip: tip}
	b.Text, b.Icon, b.OnTapped = label, icon, tapped
	b.ExtendBaseWidget(b)
	return b
}

// MouseIn shows the tip once the pointer has rested for tipDelay.
func (b *tipButton) MouseIn(ev *desktop.MouseEvent) {
	b.Button.MouseIn(ev)
	b.tips.gen++
	gen := b.tips.gen
	tipAfter(tipDelay, func() {
		if b.tips.gen == gen {
			b.tips.show(b, b.tip)
		}
	})
}

// MouseOut hides the tip.
func (b *tipButton) MouseOut() {
	b.Button.MouseOut()
	b.hideTip()
}

// Tapped hides the tip: the analyst knows what the button does.
func (b *tipButton) Tapped(ev *fyne.PointEvent) {
	b.hideTip()
	b.Button.Tapped(ev)
}

func (b *tipButton) hideTip() {
	b.tips.gen++
	b.tips.hide()
}
