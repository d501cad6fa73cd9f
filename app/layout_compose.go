package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
)

// composeLayout puts the outline pane at the left of the document, which
// takes the rest. The title, details and bottom line are the document's
// header and scroll with it, so nothing here shares out the height: the
// document scrolls whatever the window's size.
//
// The outline takes a fifth of the width, at most outlineMost, and folds
// away where that would leave the document less than docLeast: at
// 800×600 the document keeps its width. Its minimum is the document's:
// a Fyne window grows to its content's minimum and, with no window
// manager, one larger than the screen hid the footer (issue #14).
type composeLayout struct {
	outline *outlinePane
	doc     fyne.CanvasObject
}

const (
	outlineMost = 240 // the outline pane's widest
	docLeast    = 560 // the document's least width beside the outline
)

func newComposeLayout(outline *outlinePane, doc fyne.CanvasObject) *fyne.Container {
	return container.New(&composeLayout{outline: outline, doc: doc}, outline, doc)
}

// outlineWidth is the outline's width in a tab width wide, 0 when folded.
func (l *composeLayout) outlineWidth(width float32) float32 {
	if !l.outline.open {
		return 0
	}
	w := min(width/5, outlineMost)
	if width-w-theme.Padding() < docLeast {
		return 0
	}
	return w
}

func (l *composeLayout) MinSize([]fyne.CanvasObject) fyne.Size {
	return l.doc.MinSize()
}

func (l *composeLayout) Layout(_ []fyne.CanvasObject, size fyne.Size) {
	w := l.outlineWidth(size.Width)
	x := float32(0)
	if w > 0 {
		l.outline.Show()
		l.outline.Move(fyne.NewPos(0, 0))
		l.outline.Resize(fyne.NewSize(w, size.Height))
		x = w + theme.Padding()
	} else {
		l.outline.Hide()
	}
	l.doc.Move(fyne.NewPos(x, 0))
	l.doc.Resize(fyne.NewSize(size.Width-x, size.Height))
}
