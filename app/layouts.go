package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
)

// capped is a vertical scroll that asks, as its minimum, for its
// content's height but no more than floor: whatever holds it decides how
// much more to give (up to want()), so a long form scrolls instead of
// growing the window past the screen. Its minimum never depends on the
// window's size: one that did grew the window, which then allowed a
// taller minimum, and so on (issue #14: 800×600 became 800×875).
type capped struct {
	*fyne.Container // the scroll, laid out by cappedLayout
	scroll          *container.Scroll
	floor           float32
}

func newCapped(content fyne.CanvasObject, floor float32) *capped {
	s := container.NewVScroll(content)
	c := &capped{scroll: s, floor: floor}
	c.Container = container.New(cappedLayout{c}, s)
	return c
}

// want is the height that shows the whole content.
func (c *capped) want() float32 { return c.scroll.Content.MinSize().Height }

type cappedLayout struct{ c *capped }

func (l cappedLayout) MinSize([]fyne.CanvasObject) fyne.Size {
	want := l.c.scroll.Content.MinSize()
	return fyne.NewSize(want.Width, min(want.Height, l.c.floor))
}

func (l cappedLayout) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objects {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
}

// minWidthLayout gives its objects at least width w, so a drop-down shows
// its longest choice rather than an ellipsis.
type minWidthLayout struct{ w float32 }

func (l minWidthLayout) MinSize(objects []fyne.CanvasObject) fyne.Size {
	var s fyne.Size
	for _, o := range objects {
		s = s.Max(o.MinSize())
	}
	return fyne.NewSize(max(s.Width, l.w), s.Height)
}

func (l minWidthLayout) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objects {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
}
