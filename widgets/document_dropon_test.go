package widgets

import (
	"slices"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// A drag from outside over an item DropOnto takes outlines the item with
// the label DropOnto gives, and draws no drop line; over an item it does
// not take, or a gap, the drop line shows as before; ShowDrop(-1) clears
// both.
func TestDocumentDragOverOntoAnItem(t *testing.T) {
	td := newTestDocument(t, bodyItems(6, 12), fyne.NewSize(600, 500))
	d := td.d
	d.DropOnto = func(i int) string {
		if i == 1 {
			return "Link as evidence"
		}
		return ""
	}
	r := test.WidgetRenderer(d.body).(*docBodyRenderer)
	abs := func(p fyne.Position) fyne.Position {
		return p.Add(fyne.CurrentApp().Driver().AbsolutePositionForObject(d))
	}
	d.DragOver(abs(itemCanvasPos(d, 1, 5)))
	if d.DropOn() != 1 || d.Drop() != -1 || d.ItemAt(abs(itemCanvasPos(d, 1, 5))) != 1 {
		t.Fatalf("over item 1: on %d, line %d", d.DropOn(), d.Drop())
	}
	if !slices.Contains(r.objects, fyne.CanvasObject(r.ring)) || r.says.Text != "Link as evidence" {
		t.Fatalf("item 1 is not outlined with its label (%q)", r.says.Text)
	}
	d.DragOver(abs(itemCanvasPos(d, 3, 5)))
	if d.DropOn() != -1 || d.Drop() < 0 || slices.Contains(r.objects, fyne.CanvasObject(r.ring)) {
		t.Fatalf("over item 3, which takes no drop: on %d, line %d", d.DropOn(), d.Drop())
	}
	d.DragOver(abs(itemCanvasPos(d, 1, 5)))
	d.ShowDrop(-1)
	if d.DropOn() != -1 || d.Drop() != -1 || slices.Contains(r.objects, fyne.CanvasObject(r.ring)) {
		t.Fatalf("after ShowDrop(-1): on %d, line %d", d.DropOn(), d.Drop())
	}
	if d.ItemAt(abs(gapCanvasPos(d, 2))) != -1 {
		t.Error("ItemAt names an item in a gap")
	}
}
