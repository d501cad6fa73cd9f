package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// composeLayout stacks the Compose tab, top to bottom: the fixed rows
// (title, the bottom line, the block toolbar) at their own heights, and
// three rows sharing the rest: the details (their form scrolled, at most
// detailsShare of the rest), the selected block's editor (scrolled, at
// most editorShare) and the block list, which takes what is left and
// keeps at least two rows.
//
// Its minimum counts the shared rows only at their floors, never at what
// their content would like: a Fyne window grows to its content's minimum
// and, with no window manager, one taller than the screen hid the block
// list and the footer (issue #14).
type composeLayout struct {
	fixedTop    []fyne.CanvasObject // above the details
	details     *widget.Accordion
	form        *capped             // the details' one item's content
	fixedMiddle []fyne.CanvasObject // between the details and the list
	blocks      *widget.List
	editor      *capped
}

const (
	detailsShare = 0.65 // of the height the shared rows have, for the open details
	editorShare  = 0.6  // for the block editor
)

// objects are the layout's rows in the order they are drawn.
func (l *composeLayout) objects() []fyne.CanvasObject {
	out := append([]fyne.CanvasObject{}, l.fixedTop...)
	out = append(out, l.details)
	out = append(out, l.fixedMiddle...)
	return append(out, l.blocks, l.editor.Container)
}

// blocksFloor is the least height of the block list: two rows.
func (l *composeLayout) blocksFloor() float32 {
	return 2 * l.blocks.MinSize().Height
}

// blocksWant is the height that shows every block's row.
func (l *composeLayout) blocksWant() float32 {
	n := 0
	if l.blocks.Length != nil {
		n = l.blocks.Length()
	}
	return float32(n) * (l.blocks.MinSize().Height + theme.Padding())
}

// fixedHeight is the rows' height that does not change with the window,
// with the padding between all rows.
func (l *composeLayout) fixedHeight() float32 {
	var h float32
	rows := 0
	for _, o := range append(append([]fyne.CanvasObject{}, l.fixedTop...), l.fixedMiddle...) {
		if o.Visible() {
			h += o.MinSize().Height
			rows++
		}
	}
	return h + float32(rows+2)*theme.Padding() // and the details, list and editor
}

func (l *composeLayout) MinSize([]fyne.CanvasObject) fyne.Size {
	var w float32
	for _, o := range l.objects() {
		if o.Visible() {
			w = max(w, o.MinSize().Width)
		}
	}
	h := l.fixedHeight() + l.details.MinSize().Height + l.blocksFloor() + l.editor.MinSize().Height
	return fyne.NewSize(w, h)
}

// detailsExtra is how much taller than its minimum the accordion would
// be to show the whole form.
func (l *composeLayout) detailsExtra() float32 {
	for _, it := range l.details.Items {
		if it.Open {
			return max(l.form.want()-l.form.MinSize().Height, 0)
		}
	}
	return 0
}

func (l *composeLayout) Layout(_ []fyne.CanvasObject, size fyne.Size) {
	shared := size.Height - l.fixedHeight()
	detailsH, editorH, blocksH := l.details.MinSize().Height, l.editor.MinSize().Height, l.blocksFloor()
	detailsWant, editorWant := detailsH+l.detailsExtra(), max(l.editor.want(), editorH)
	left := max(shared-detailsH-editorH-blocksH, 0)
	grow := func(h *float32, want, most float32) {
		add := max(min(left, want-*h, most-*h), 0)
		*h += add
		left -= add
	}
	// The details first, if open (the analyst asked to see them), then
	// the editor, each within its share; then the list's rows. What these
	// leave goes to the editor and the details beyond their shares, so
	// that nothing scrolls beside empty space; the list takes the rest.
	grow(&detailsH, detailsWant, detailsShare*shared)
	grow(&editorH, editorWant, editorShare*shared)
	grow(&blocksH, l.blocksWant(), shared)
	grow(&editorH, editorWant, shared)
	grow(&detailsH, detailsWant, shared)
	blocksH += left
	var y float32
	place := func(o fyne.CanvasObject, h float32) {
		if !o.Visible() {
			return
		}
		o.Move(fyne.NewPos(0, y))
		o.Resize(fyne.NewSize(size.Width, h))
		y += h + theme.Padding()
	}
	for _, o := range l.fixedTop {
		place(o, o.MinSize().Height)
	}
	place(l.details, detailsH)
	for _, o := range l.fixedMiddle {
		place(o, o.MinSize().Height)
	}
	place(l.blocks, blocksH)
	place(l.editor.Container, editorH)
}
