package app

import (
	"slices"
	"strings"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/attache/attache/domain"
	"github.com/attache/attache/widgets"
)

// Editing in place: clicking a block puts a blockEditor where the
// document drew it; the other blocks stay in sight.

// blockEditor edits one block: its text (not an excerpt's quote, which is
// the source's), and on one row below, its marking, a judgment's
// confidence and the delete button.
type blockEditor struct {
	c          *composer
	blk        *domain.Block // the block edited
	content    *fyne.Container
	text       *blockEntry
	confidence *widget.Select
	marking    *markingField // the briefing's scheme's marks
	remove     *widget.Button
	loading    bool
}

// newBlockEditor makes the editor for blk.
func newBlockEditor(c *composer, blk *domain.Block) *blockEditor {
	e := &blockEditor{c: c, blk: blk}
	e.text = newBlockEntry(c)
	e.text.OnChanged = func(s string) {
		e.change(true, func(b *domain.Block) { b.Text = s })
		e.fit()
	}
	e.confidence = widget.NewSelect(confidenceChoices, func(string) {
		if i := e.confidence.SelectedIndex(); i >= 0 {
			e.change(false, func(b *domain.Block) { b.Confidence = confidenceValues[i] })
		}
	})
	e.marking = newMarkingField(domain.SchemeOf(domain.SchemeNone), true)
	e.marking.OnChanged = func() {
		if m, err := e.marking.value(); err == nil { // otherwise the field says why
			e.change(false, func(b *domain.Block) { b.Marking = m })
		}
	}
	e.remove = widget.NewButtonWithIcon("", theme.DeleteIcon(), c.onRemove)
	e.content = container.NewVBox()
	e.show()
	return e
}

// show puts the block's fields in the editor.
func (e *blockEditor) show() {
	e.loading = true
	defer func() { e.loading = false }()
	blk := e.blk
	if s := e.c.d.b.SchemeDef(); s != nil {
		e.marking.setScheme(s)
		showAll([]fyne.CanvasObject{e.marking.box}, s.Marks() && !s.WholeDocument) // TLP marks no block
	}
	e.marking.set(blk.Marking)
	right := []fyne.CanvasObject{}
	var top fyne.CanvasObject
	switch blk.Type {
	case domain.BlockExcerpt:
		// The quote as the document shows it: the source's words, not
		// the analyst's to edit.
		it := e.c.docItem(e.c.blockItem(e.c.selected))
		quote := widget.NewLabel(it.Mark + it.Text)
		quote.Wrapping = fyne.TextWrapWord
		meta := widget.NewLabel(it.Meta)
		meta.Importance = widget.LowImportance
		meta.Wrapping = fyne.TextWrapWord
		top = container.NewVBox(quote, meta)
		if pic := e.picture(it); pic != nil {
			top = container.NewVBox(pic, quote, meta)
		}
		right = append(right, widget.NewButtonWithIcon("Show in source", theme.VisibilityIcon(), func() {
			if blk.Excerpt != nil {
				e.c.ui.briefings.showInSide(blk.Excerpt.SourceID, blk.Excerpt.ID)
			}
		}))
	case domain.BlockJudgment:
		e.confidence.SetSelectedIndex(max(slices.Index(confidenceValues, blk.Confidence), 0))
		right = append(right, container.New(minWidthLayout{choicesWidth(confidenceChoices)}, e.confidence)) // never cut to "Moderate c…"
		fallthrough
	default:
		e.text.TextStyle.Bold = blk.Type == domain.BlockHeading
		e.text.SetText(blk.Text)
		e.text.CursorRow, e.text.CursorColumn = lastPosition(blk.Text)
		top = e.text
	}
	right = append(right, e.remove)
	row := container.New(&rowOrStack{}, e.marking.box, container.NewHBox(right...))
	e.content.Objects = []fyne.CanvasObject{top, row}
	e.fit()
	if e.c.ui.lib.ReadOnly() { // nothing typed could be saved; "Show in source" only reads
		for _, w := range []fyne.Disableable{e.text, e.confidence, e.marking, e.remove} {
			w.Disable()
		}
	}
}

// picture is a figure's picture as the document draws it, for the editor
// put in its place: nil for a quote, or while the picture is not decoded
// (the document has it by then, having drawn the figure to be clicked).
func (e *blockEditor) picture(it widgets.DocItem) fyne.CanvasObject {
	if it.Kind != widgets.DocFigure {
		return nil
	}
	img := e.c.doc.Picture(it.Image.Key)
	if img == nil {
		return nil
	}
	pic := canvas.NewImageFromImage(img)
	pic.FillMode, pic.ScaleMode = canvas.ImageFillContain, canvas.ImageScaleSmooth
	pic.SetMinSize(e.c.doc.PictureSize(it.Image))
	return container.NewCenter(pic)
}

// lastPosition is the row and column of the end of s, for the caret.
func lastPosition(s string) (row, col int) {
	lines := strings.Split(s, "\n")
	return len(lines) - 1, len([]rune(lines[len(lines)-1]))
}

// fit gives the text field as many rows as its text takes wrapped at its
// width, so it grows with the text instead of scrolling.
func (e *blockEditor) fit() {
	rows := wrappedRows(&e.text.Entry, e.c.doc.Size().Width-3*theme.IconInlineSize(), 1)
	if rows == e.text.rows {
		return
	}
	e.text.rows = rows
	e.text.SetMinRowsVisible(rows)
	if c := e.c; c.editor == e && c.doc.Editing() >= 0 {
		c.doc.RefreshItem(c.doc.Editing())
	}
}

// wrappedRows is how many lines, at least least, the entry's text takes
// wrapped at its width once placed (else at width), less its insets.
func wrappedRows(e *widget.Entry, width float32, least int) int {
	if w := e.Size().Width; w > 0 {
		width = w
	}
	width -= 2*theme.InnerPadding() + 2*theme.InputBorderSize()
	rows := 0
	for _, line := range strings.Split(e.Text, "\n") {
		rows += wrapLines(line, width, e.TextStyle)
	}
	return max(rows, least)
}

// wrapLines is how many lines line takes wrapped at word boundaries at
// width, as the entry wraps it (a word longer than a line is broken).
func wrapLines(line string, width float32, style fyne.TextStyle) int {
	size := theme.TextSize()
	if width <= 0 || fyne.MeasureText(line, size, style).Width <= width {
		return 1
	}
	space := fyne.MeasureText(" ", size, style).Width
	lines, cur := 1, float32(0)
	for _, word := range strings.Split(line, " ") {
		w := fyne.MeasureText(word, size, style).Width
		switch {
		case cur == 0:
			cur = w
		case cur+space+w <= width:
			cur += space + w
		default:
			lines++
			cur = w
		}
		for cur > width { // a word longer than the line
			lines++
			cur -= width
		}
	}
	return lines
}

// fitSummary lets the bottom line grow with its text, as a block's field
// does, from three rows.
func (c *composer) fitSummary() {
	if rows := wrappedRows(&c.summary.Entry, c.doc.Size().Width-3*theme.IconInlineSize(), 3); rows != c.summaryRows {
		c.summaryRows = rows
		c.summary.SetMinRowsVisible(rows)
	}
}

// change edits the block as one undoable change; typing into its text
// (typing) makes one undo step of keystrokes close together.
func (e *blockEditor) change(typing bool, fn func(b *domain.Block)) {
	c := e.c
	i := c.selected
	// The block is found by its index: a save landing while typing goes
	// on merges the library's copy into the draft, whose blocks are then
	// new objects (draft.land).
	if e.loading || c.editor != e || c.selectedBlock() == nil {
		return
	}
	key := ""
	if typing {
		key = "block " + itoa(i)
	}
	c.d.editField(key, func(b *domain.Briefing) { fn(b.Blocks[i]) })
	c.updateStats()
}

// setScheme offers the marks of s, the briefing's scheme, in the editor.
func (e *blockEditor) setScheme(s *domain.Scheme) {
	if e.marking.scheme != s {
		e.loading = true
		e.marking.setScheme(s)
		e.loading = false
	}
	showAll([]fyne.CanvasObject{e.marking.box}, s.Marks() && !s.WholeDocument)
}

// editBlock starts editing block i in place, the caret at the end of its
// text.
func (c *composer) editBlock(i int) { c.editBlockAt(i, -1) }

// onDocTappedAt edits the block of item i, the caret where the click at
// pos (relative to the item) was: at the same letter of the text, which
// the editor wraps a little differently from the document.
func (c *composer) onDocTappedAt(i int, pos fyne.Position) {
	if b := c.itemBlock(i); b >= 0 {
		at, ok := c.doc.TextOffset(i, pos)
		if !ok {
			at = -1
		}
		c.editBlockAt(b, at)
	}
}

// editBlockAt starts editing block i in place, the caret at rune offset
// at of its text, or at its end for at < 0.
func (c *composer) editBlockAt(i, at int) {
	if c.d == nil || i < 0 || i >= len(c.d.b.Blocks) {
		return
	}
	if j := c.selected; j >= 0 && j != i && j < len(c.d.b.Blocks) && c.d.b.Blocks[j].Blank() {
		c.stopEditing() // which drops the blank block left
		if i > j {
			i--
		}
	}
	item := c.blockItem(i)
	if item < 0 {
		return
	}
	c.selected = i
	c.editor = newBlockEditor(c, c.d.b.Blocks[i])
	c.doc.Edit(item, c.editor.content)
	// Laid out at the document's width, a wrapped quote knows its height
	// only now: measured again, it takes it.
	c.doc.RefreshItem(item)
	if first, last := c.doc.VisibleRange(); item < first || item >= last {
		c.doc.ScrollTo(item) // out of sight (a block just added, or moved)
	}
	c.editor.fit()
	if c.d.b.Blocks[i].Type != domain.BlockExcerpt && c.ui.win != nil {
		c.ui.win.Canvas().Focus(c.editor.text)
	}
	c.editor.placeCaret(at)
}

// placeCaret puts the caret at rune offset at of the text (its end for
// at < 0), once the editor is laid out. The entry's rows are its wrapped
// lines: the end set as the last line's row and column would be the end
// of the first wrapped row. So the caret goes to the last row by a mouse
// press below it (as a click there would), then to the row holding at,
// found by the offsets the rows start at.
func (e *blockEditor) placeCaret(at int) {
	t := e.text
	if e.blk.Type == domain.BlockExcerpt || t.Size().Width <= 0 {
		return
	}
	t.MinSize() // makes its renderer, which a mouse press reads
	below := &desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: fyne.NewPos(t.Size().Width, 2*t.Size().Height+theme.TextSize())},
		Button: desktop.MouseButtonPrimary}
	t.MouseDown(below)
	t.MouseUp(below)
	if at < 0 || at >= utf8.RuneCountInString(t.Text) {
		return
	}
	rowStart := func(r int) int {
		t.CursorRow, t.CursorColumn = r, 0
		return t.CursorTextOffset()
	}
	lo, hi := 0, t.CursorRow // the last row holding at: rows start in order
	for lo < hi {
		if mid := (lo + hi + 1) / 2; rowStart(mid) <= at {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	t.CursorRow, t.CursorColumn = lo, at-rowStart(lo)
	t.Refresh()
}

// refitEditor fits the editor to the document's new width (the side pane
// opened or closed, the window resized): its text wraps into more or
// fewer rows, and the document measures it again.
func (c *composer) refitEditor() {
	if c.editor == nil || c.doc.Editing() < 0 {
		return
	}
	c.editor.fit()
	c.doc.RefreshItem(c.doc.Editing())
}

// reedit shows the editor again where the block being edited now is
// (after a move, an undo), or ends editing if it is gone.
func (c *composer) reedit() {
	if c.selectedBlock() == nil {
		c.stopEditing()
		return
	}
	c.editBlock(c.selected)
}

// stopEditing ends editing; the block shows as a document item again.
func (c *composer) stopEditing() {
	j := c.selected
	c.selected = -1
	c.editor = nil
	if c.doc.Editing() >= 0 {
		c.doc.Edit(-1, nil)
	}
	c.leaveBlank(j)
}

// rowOrStack lays out its two objects side by side, the second at the
// right, when the width it was last given holds both, and else the second
// under the first: a marking field with its caveats and the block's
// buttons share one row in a wide window and never overlap in a narrow
// one. (The document measures its editor again after laying it out.)
type rowOrStack struct{ width float32 }

func (l *rowOrStack) fits(objects []fyne.CanvasObject) bool {
	a, b := objects[0].MinSize(), objects[1].MinSize()
	return l.width == 0 || l.width >= a.Width+b.Width+theme.Padding()
}

func (l *rowOrStack) MinSize(objects []fyne.CanvasObject) fyne.Size {
	a, b := objects[0].MinSize(), objects[1].MinSize()
	if !objects[0].Visible() {
		a = fyne.Size{}
	}
	if l.fits(objects) {
		return fyne.NewSize(a.Width+b.Width+theme.Padding(), max(a.Height, b.Height))
	}
	return fyne.NewSize(max(a.Width, b.Width), a.Height+b.Height+theme.Padding())
}

func (l *rowOrStack) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	l.width = size.Width
	a, b := objects[0].MinSize(), objects[1].MinSize()
	if !objects[0].Visible() {
		a = fyne.Size{}
	}
	if l.fits(objects) {
		objects[0].Move(fyne.NewPos(0, 0))
		objects[0].Resize(fyne.NewSize(size.Width-b.Width-theme.Padding(), a.Height))
		objects[1].Move(fyne.NewPos(size.Width-b.Width, 0))
		objects[1].Resize(b)
		return
	}
	objects[0].Move(fyne.NewPos(0, 0))
	objects[0].Resize(fyne.NewSize(size.Width, a.Height))
	objects[1].Move(fyne.NewPos(size.Width-b.Width, a.Height+theme.Padding()))
	objects[1].Resize(b)
}

// stepHistory runs step (an undo or a redo) and goes on editing the
// block that was being edited, found by its ID wherever the step put it,
// or ends editing if the step took it out: the index edited before may
// now hold another block, and typing would go into it.
func (c *composer) stepHistory(step func() bool) {
	blk := c.selectedBlock()
	if !step() {
		return
	}
	c.selected = -1
	if blk != nil {
		c.selected = slices.IndexFunc(c.d.b.Blocks, func(b *domain.Block) bool { return b.ID == blk.ID })
	}
	if c.selected < 0 {
		c.stopEditing()
	}
	c.fill()
}
