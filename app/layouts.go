package app

import (
	"fyne.io/fyne/v2"
)

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
