package app

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// box is a stand-in of a given minimum height.
func box(h float32) *canvas.Rectangle {
	r := canvas.NewRectangle(nil)
	r.SetMinSize(fyne.NewSize(100, h))
	return r
}

// composeRows is a composeLayout of stand-ins: a 40-high head, details
// of form rows in all, a list of n 35-high rows and an editor of editor.
func composeRows(form float32, n int, editor float32) (*composeLayout, *fyne.Container) {
	l := &composeLayout{fixedTop: []fyne.CanvasObject{box(40)}, fixedMiddle: []fyne.CanvasObject{box(100)},
		form: newCapped(box(form), 35), editor: newCapped(box(editor), 70)}
	l.details = widget.NewAccordion(widget.NewAccordionItem("Details", l.form.Container))
	l.blocks = widget.NewList(func() int { return n }, func() fyne.CanvasObject { return box(35) }, func(widget.ListItemID, fyne.CanvasObject) {})
	return l, container.New(l, l.objects()...)
}

// The layout's minimum counts the details and the editor only up to their
// floors, whatever they hold; the room left is shared out: the open
// details and the editor within their shares, then the list's rows, then
// the editor and the details again, so none scrolls beside an empty list.
func TestComposeLayoutSharesTheRoom(t *testing.T) {
	test.NewTempApp(t)
	long, c := composeRows(2000, 1, 1000)
	long.details.Open(0)
	short, c2 := composeRows(50, 1, 50)
	short.details.Open(0)
	least := c.MinSize().Height
	if c2.MinSize().Height > least {
		t.Fatalf("the minimum with a long form and editor %v, with short ones %v", least, c2.MinSize().Height)
	}
	c.Resize(fyne.NewSize(500, 2*least))
	if long.details.Size().Height <= long.details.MinSize().Height || long.editor.Size().Height <= long.editor.MinSize().Height {
		t.Errorf("at twice its minimum the details are %v (min %v), the editor %v (min %v)", long.details.Size().Height,
			long.details.MinSize().Height, long.editor.Size().Height, long.editor.MinSize().Height)
	}

	// The details closed: the editor takes what the one-row list leaves.
	c.Resize(fyne.NewSize(500, 3*least))
	long.details.Close(0)
	c.Refresh()
	if got := long.blocks.Size().Height; got > long.blocksFloor()+tolerance {
		t.Errorf("the one-row list is %v high beside a scrolled editor %v high (the list's floor %v)", got,
			long.editor.Size().Height, long.blocksFloor())
	}

	// A short editor: the list takes the rest.
	many, c3 := composeRows(2000, 30, 100)
	c3.Resize(fyne.NewSize(500, 2*least))
	if many.editor.Size().Height < 100-tolerance || many.blocks.Size().Height < 2*least-c3.MinSize().Height {
		t.Errorf("with a short editor: editor %v, list %v", many.editor.Size().Height, many.blocks.Size().Height)
	}
}
