package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
)

// cappedLayout lays out one scroll: as tall as its content asks, but no
// taller than most(), so a long form scrolls instead of pushing what
// follows it out of a small window.
type cappedLayout struct {
	scroll *container.Scroll
	most   func() float32
}

func (l cappedLayout) MinSize([]fyne.CanvasObject) fyne.Size {
	want := l.scroll.Content.MinSize()
	return fyne.NewSize(want.Width, min(want.Height, l.most()))
}

func (l cappedLayout) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objects {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
}

// cappedScroll scrolls content vertically, no taller than most().
func cappedScroll(content fyne.CanvasObject, most func() float32) *fyne.Container {
	s := container.NewVScroll(content)
	return container.New(cappedLayout{scroll: s, most: most}, s)
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
