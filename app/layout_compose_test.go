package app

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
)

// box is a stand-in of a given minimum height.
func box(h float32) *canvas.Rectangle {
	r := canvas.NewRectangle(nil)
	r.SetMinSize(fyne.NewSize(100, h))
	return r
}

// The outline takes a fifth of a wide tab, at most outlineMost, and folds
// away where the document would be left narrower than docLeast (800×600,
// where the briefings' list is beside it);
// the tab asks only for the document's minimum; a closed outline leaves
// the document the whole width.
func TestComposeLayoutFoldsTheOutline(t *testing.T) {
	test.NewTempApp(t)
	p := newOutlinePane(&composer{})
	doc := box(300)
	c := newComposeLayout(p, doc)
	if c.MinSize() != doc.MinSize() {
		t.Fatalf("the tab's minimum %v, the document's %v", c.MinSize(), doc.MinSize())
	}
	c.Resize(fyne.NewSize(600, 500)) // about the tab of an 800×600 window, beside the briefings
	if p.Visible() || doc.Size().Width != 600 {
		t.Errorf("at 600 wide: outline shown %v, document %v", p.Visible(), doc.Size())
	}
	c.Resize(fyne.NewSize(1260, 700))
	if !p.Visible() || p.Size().Width != outlineMost || doc.Position().X < outlineMost || doc.Size().Width < 1260-outlineMost-10 {
		t.Errorf("at 1260 wide: outline %v at %v, document %v at %v", p.Size(), p.Position(), doc.Size(), doc.Position())
	}
	c.Resize(fyne.NewSize(900, 700))
	if !p.Visible() || p.Size().Width != 180 || doc.Size().Width < docLeast {
		t.Errorf("at 900 wide: outline %v, document %v", p.Size(), doc.Size())
	}
	p.open = false
	c.Refresh()
	if p.Visible() || doc.Size().Width != 900 {
		t.Errorf("closed: outline shown %v, document %v", p.Visible(), doc.Size())
	}
}

// The document's header tells when its height changed on a layout (the
// details opened), so that the document measures it again; never on its
// first layout, nor when the height stayed.
func TestDocHeaderTellsItsNewHeight(t *testing.T) {
	test.NewTempApp(t)
	told := 0
	row := box(40)
	h := newDocHeader(func() { told++ }, func() {}, row, box(20))
	h.Resize(fyne.NewSize(300, 200))
	h.Refresh()
	if told != 0 {
		t.Fatalf("told %d times before any change", told)
	}
	row.SetMinSize(fyne.NewSize(100, 300))
	h.Refresh()
	h.Refresh()
	if told != 1 {
		t.Fatalf("told %d times of one change", told)
	}
}
