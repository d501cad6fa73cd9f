package widgets

import (
	"errors"
	"fmt"
	"image/color"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// The controls a source reader adds above the pages: the tool switch, Find
// with "N of M" and its previous and next buttons, and a page number to go
// to. The preview has none of them.

// readingUI is a reading PageView's controls and input state.
type readingUI struct {
	v        *PageView
	surface  *pageSurface
	textTool *tipButton
	figTool  *tipButton
	find     *findEntry
	found    *widget.Label
	findBox  *fyne.Container // laid out again as found changes width
	findPrev *tipButton
	findNext *tipButton
	gotoPage *gotoEntry
	ring     *canvas.Rectangle // shows the pages have the keyboard
	tips     *tipLayer

	byPage map[int][]int       // page → its marks' indices, in drawing order
	rects  []*canvas.Rectangle // the marks' objects, reused
	shown  []PageMark          // the marks the first len(shown) rects draw
	band   *canvas.Rectangle   // the figure tool's rubber band
	drag   pageDrag            // the drag under way
	hover  fyne.Position       // the pointer over the pages, for the cursor
}

func newReadingUI(v *PageView) *readingUI {
	r := &readingUI{v: v, byPage: map[int][]int{}}
	r.tips = newTipLayer(v)
	r.surface = newPageSurface(v)
	r.textTool = newTipButton(r.tips, "Text", theme.FileTextIcon(), "Text tool: drag across the page to select its text", func() { v.SetTool(ToolText) })
	r.figTool = newTipButton(r.tips, "Figure", theme.MediaPhotoIcon(), "Figure tool: drag a rectangle around a chart or table to excerpt it", func() { v.SetTool(ToolFigure) })
	r.find = newFindEntry(v)
	r.found = widget.NewLabel("")
	r.findPrev = newTipButton(r.tips, "", theme.MoveUpIcon(), "Previous match (Shift+Enter)", func() { r.find.search(-1) })
	r.findNext = newTipButton(r.tips, "", theme.MoveDownIcon(), "Next match (Enter)", func() { r.find.search(1) })
	r.findPrev.Disable()
	r.findNext.Disable()
	r.gotoPage = newGotoEntry(v)
	r.ring = canvas.NewRectangle(color.Transparent)
	r.ring.StrokeWidth = theme.InputBorderSize()
	r.ring.Hide()
	r.band = canvas.NewRectangle(nil)
	r.band.Hide()
	r.showTool(v.tool)

	tools := container.NewHBox(r.textTool, r.figTool)
	r.findBox = container.NewBorder(nil, nil, nil, container.NewHBox(r.found, r.findPrev, r.findNext), r.find)
	nav := container.NewBorder(nil, nil, r.gotoPage, v.where, v.bar)
	top := container.NewVBox(container.NewBorder(nil, nil, tools, nil, r.findBox), nav, v.message)
	ring := container.New(layout.NewCustomPaddedLayout(1, 1, 1, 1), r.ring) // the whole line inside the view
	pages := container.NewStack(v.scroll, ring, r.tips)
	v.content.Objects = []fyne.CanvasObject{pages, top}
	v.content.Layout = container.NewBorder(top, nil, nil, nil).Layout
	v.content.Refresh()
	return r
}

// showTool shows which tool is on: the switch's button for it stands out.
func (r *readingUI) showTool(t PageTool) {
	on, off := r.textTool, r.figTool
	if t == ToolFigure {
		on, off = off, on
	}
	on.Importance, off.Importance = widget.HighImportance, widget.MediumImportance
	on.Refresh()
	off.Refresh()
}

// setFound says which match of how many Find is on.
func (r *readingUI) setFound(current, total int) {
	text := ""
	switch {
	case strings.TrimSpace(r.find.Text) == "":
	case total == 0:
		text = "No matches"
	default:
		text = fmt.Sprintf("%d of %d", current, total)
	}
	if r.found.Text != text {
		r.found.SetText(text)
		r.findBox.Refresh()
	}
	if total > 0 {
		r.findPrev.Enable()
		r.findNext.Enable()
	} else {
		r.findPrev.Disable()
		r.findNext.Disable()
	}
}

// findEntry is Find's field: what is typed is searched at once, Enter goes
// to the next match and Shift+Enter to the previous one, Escape gives the
// keyboard back to the pages.
type findEntry struct {
	widget.Entry
	v     *PageView
	shift bool
}

func newFindEntry(v *PageView) *findEntry {
	e := &findEntry{v: v}
	e.ExtendBaseWidget(e)
	e.SetPlaceHolder("Find on the pages (Ctrl+F)")
	e.OnChanged = func(string) { e.search(0) }
	return e
}

func (e *findEntry) search(dir int) {
	if r := e.v.reader; r != nil && r.OnFind != nil {
		r.OnFind(strings.TrimSpace(e.Text), dir)
	}
}

// KeyDown notes Shift, for Shift+Enter.
func (e *findEntry) KeyDown(ev *fyne.KeyEvent) {
	if isShift(ev.Name) {
		e.shift = true
	}
	e.Entry.KeyDown(ev)
}

// KeyUp notes Shift's release.
func (e *findEntry) KeyUp(ev *fyne.KeyEvent) {
	if isShift(ev.Name) {
		e.shift = false
	}
	e.Entry.KeyUp(ev)
}

// FocusLost forgets Shift: its release may go elsewhere.
func (e *findEntry) FocusLost() {
	e.shift = false
	e.Entry.FocusLost()
}

// TypedKey goes to the next or previous match on Enter.
func (e *findEntry) TypedKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeyReturn, fyne.KeyEnter:
		if e.shift || shiftHeld() {
			e.search(-1)
		} else {
			e.search(1)
		}
	case fyne.KeyEscape:
		e.v.focusPages()
	default:
		e.Entry.TypedKey(ev)
	}
}

// gotoEntry takes a page number to go to: Enter goes there and gives the
// keyboard back to the pages. A number past either end goes to that end
// and stays, its message saying how many pages there are; what is not a
// number stays, marked, to be corrected.
type gotoEntry struct {
	widget.Entry
	v *PageView
}

func newGotoEntry(v *PageView) *gotoEntry {
	e := &gotoEntry{v: v}
	e.ExtendBaseWidget(e)
	e.SetPlaceHolder("Page")
	e.Validator = func(s string) error {
		_, err := e.page(s)
		return err
	}
	e.OnSubmitted = func(s string) {
		i, err := e.page(s)
		if i < 0 || strings.TrimSpace(s) == "" {
			return
		}
		e.v.ShowPage(i)
		if err == nil {
			e.SetText("")
			e.v.focusPages()
		}
	}
	return e
}

// page is the page (from 0) typed, or what is wrong with it: past either
// end, the page at that end with the error; not a number, -1.
func (e *gotoEntry) page(s string) (int, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, nil
	}
	count := max(e.v.count, 1)
	n, err := strconv.Atoi(s)
	switch {
	case errors.Is(err, strconv.ErrRange) && strings.HasPrefix(s, "-"), err == nil && n < 1:
		return 0, fmt.Errorf("Page %s: pages are numbered from 1 to %d", s, count)
	case errors.Is(err, strconv.ErrRange), err == nil && n > count:
		return count - 1, fmt.Errorf("Page %s: this document has %s", s, pagesCount(count))
	case err != nil:
		return -1, fmt.Errorf("type a page number from 1 to %d", count)
	}
	return n - 1, nil
}

func pagesCount(n int) string {
	if n == 1 {
		return "1 page"
	}
	return strconv.Itoa(n) + " pages"
}

// MinSize is wide enough for a four-digit page number.
func (e *gotoEntry) MinSize() fyne.Size {
	m := e.Entry.MinSize()
	return fyne.NewSize(max(m.Width, 90), m.Height)
}

func isShift(k fyne.KeyName) bool {
	return k == "LeftShift" || k == "RightShift"
}

// focusPages gives the keyboard to the pages.
func (v *PageView) focusPages() {
	if v.read == nil {
		return
	}
	if c := fyne.CurrentApp().Driver().CanvasForObject(v.read.surface); c != nil {
		c.Focus(v.read.surface)
	}
}

// FocusFind gives the keyboard to Find, its text selected to be typed
// over: Ctrl+F in the pages, or the window's Find menu item while a source
// is read as its pages. It does nothing in the preview.
func (v *PageView) FocusFind() { v.focusFind() }

func (v *PageView) focusFind() {
	if v.read == nil {
		return
	}
	if c := fyne.CurrentApp().Driver().CanvasForObject(v.read.find); c != nil {
		c.Focus(v.read.find)
		v.read.find.TypedShortcut(&fyne.ShortcutSelectAll{})
	}
}
