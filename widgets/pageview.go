package widgets

import (
	"fmt"
	"image"
	"math"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// PageView shows the pages of a document (a briefing's PDF) as white sheets
// down a scrolling view, with a toolbar to go to the previous or next page,
// "Page X of Y", zoom out and in, and fit the width.
//
// It draws nothing itself: its owner says how many pages there are and
// their shape (SetPages), and hands it each page's image (SetPage) when
// asked through OnNeed. Only the pages in or near the viewport hold an
// image; a page scrolled far away drops its image and is asked for again
// when it comes back, so a long document costs the memory of a few pages.
//
// Like every Fyne widget, a PageView must be used on the UI goroutine.
type PageView struct {
	widget.BaseWidget

	// OnNeed asks for the pages (from 0, the most wanted first) drawn width
	// pixels wide; the owner answers with SetPage, from the UI goroutine,
	// whenever they are ready. It is not asked again for a page it was
	// asked for at that width until SetPages or Clear.
	OnNeed func(pages []int, width int)
	// Text is the document's text, the pages' text alternative, set by
	// the owner with the pages: what assistive tools and the app's probe
	// (which reads a widget's Text) can read of images.
	Text string

	count  int
	aspect float32 // a page's height over its width
	zoom   float32 // dp per point of page width, when not fitting the width
	fit    bool    // the pages fill the viewport's width
	pageW  float32 // a page's width in points, for the zoom's scale

	sheets    map[int]*sheet
	images    map[int]pageImage
	requested map[int]int // page → width asked for since SetPages

	scroll  *container.Scroll
	stack   *fyne.Container
	bar     *Toolbar
	prev    *widget.Button
	next    *widget.Button
	where   *widget.Label
	zoomOut *widget.Button
	zoomIn  *widget.Button
	fitBtn  *widget.Button
	message *widget.Label
	content *fyne.Container

	sizes    [][2]float32 // each page's size in points, nil when all are pageW × pageW·aspect
	sizesGen int          // counts changes of the sizes, for geom's cache
	geo      pageGeom

	// A source reader's additions (pageview_source.go); nil and empty for
	// the preview.
	reader *PageReader
	marks  []PageMark
	tool   PageTool
	read   *readingUI // the reader's controls and state, nil for the preview
}

// pageImage is a page's image and the width it was drawn at; stale once
// the document was laid out again, until the page is drawn anew.
type pageImage struct {
	img   image.Image
	width int
	stale bool
}

// pageGap is the space around and between the sheets; nearPages how many
// pages beyond those in view hold their images.
const (
	pageGap   = 16
	nearPages = 1
	// The zoom's bounds, as dp per point: at 1 a point of the page is
	// drawn one dp wide, near its printed size on a common screen.
	minZoom = 0.25
	maxZoom = 4
)

// maxMessageLines is how many lines of a message show above the pages.
const maxMessageLines = 6

// zoomSteps are the scales ZoomIn and ZoomOut step through.
var zoomSteps = []float32{0.25, 0.5, 0.75, 1, 1.25, 1.5, 2, 3, 4}

// NewPageView returns an empty page view, fitting the width.
func NewPageView() *PageView {
	v := &PageView{fit: true, zoom: 1, aspect: math.Sqrt2, pageW: 595,
		sheets: map[int]*sheet{}, images: map[int]pageImage{}, requested: map[int]int{}}
	v.stack = container.New(&pageStack{v: v})
	v.scroll = container.NewScroll(v.stack)
	v.scroll.OnScrolled = func(fyne.Position) { v.update() }
	v.prev = widget.NewButtonWithIcon("", theme.NavigateBackIcon(), func() { v.ShowPage(v.Page() - 1) })
	v.next = widget.NewButtonWithIcon("", theme.NavigateNextIcon(), func() { v.ShowPage(v.Page() + 1) })
	v.where = widget.NewLabel("")
	v.zoomOut = widget.NewButtonWithIcon("", theme.ZoomOutIcon(), v.ZoomOut)
	v.zoomIn = widget.NewButtonWithIcon("", theme.ZoomInIcon(), v.ZoomIn)
	v.fitBtn = widget.NewButtonWithIcon("Fit width", theme.ViewFullScreenIcon(), v.FitWidth)
	v.bar = NewToolbar()
	v.bar.Add(v.prev, "Previous page")
	v.bar.Add(v.next, "Next page")
	v.bar.AddSeparator()
	v.bar.Add(v.zoomOut, "Zoom out")
	v.bar.Add(v.zoomIn, "Zoom in")
	v.bar.Add(v.fitBtn, "")
	v.message = widget.NewLabel("")
	v.message.Wrapping = fyne.TextWrapWord
	v.message.Hide()
	top := container.NewVBox(container.NewBorder(nil, nil, nil, v.where, v.bar), v.message)
	v.content = container.NewBorder(top, nil, nil, nil, v.scroll)
	v.ExtendBaseWidget(v)
	v.showWhere()
	return v
}

// CreateRenderer is part of fyne.Widget.
func (v *PageView) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(v.content)
}

// SetPages says the document now has count pages, each widthPt by heightPt
// points. The images shown stay until their pages are drawn again (so an
// edit does not blank the view, and the scroll position is kept); every
// page in view is asked for anew.
func (v *PageView) SetPages(count int, widthPt, heightPt float64) {
	v.count = max(count, 0)
	if widthPt > 0 && heightPt > 0 {
		v.pageW, v.aspect = float32(widthPt), float32(heightPt/widthPt)
	}
	v.sizes = nil
	v.sizesGen++
	v.relaid()
}

// relaid keeps the images shown as stale (drawn again when asked) and asks
// for the pages in view, the pages having been laid out anew.
func (v *PageView) relaid() {
	for i, im := range v.images {
		if i >= v.count {
			delete(v.images, i)
		} else {
			im.stale = true
			v.images[i] = im
		}
	}
	clear(v.requested)
	v.sizeContent()
	v.update()
}

// sizeContent sizes the sheets' stack for the page count and zoom: the
// scroll clamps its offset to the stack's size, which it would otherwise
// only learn at its next layout.
func (v *PageView) sizeContent() {
	v.stack.Resize(v.stack.MinSize().Max(v.scroll.Size()))
	v.scroll.Refresh()
}

// Clear empties the view (another document is coming): no page of the
// last one is shown again, and the view goes back to the top.
func (v *PageView) Clear() {
	v.count, v.Text = 0, ""
	clear(v.images)
	clear(v.requested)
	v.scroll.Offset = fyne.Position{}
	v.sizeContent()
	v.update()
}

// Redraw asks again for the pages near the view that hold no image drawn
// at the current width since the last SetPages, forgetting what was asked
// (its owner did not draw while the view was hidden, say).
func (v *PageView) Redraw() {
	clear(v.requested)
	v.update()
}

// SetPage gives page i's image, drawn width pixels wide. An image for a
// page no longer near the view is not kept.
func (v *PageView) SetPage(i int, img image.Image, width int) {
	if !v.Near(i) || img == nil {
		delete(v.requested, i)
		return
	}
	v.images[i] = pageImage{img: img, width: width}
	v.update()
}

// SetMessage shows text above the pages (what is wrong with the document,
// what to do); "" hides it. With danger it is shown as an error. Past
// maxMessageLines lines it is cut, saying how many more there are, so
// that the pages keep most of the view.
func (v *PageView) SetMessage(text string, danger bool) {
	if lines := strings.Split(text, "\n"); len(lines) > maxMessageLines {
		more := len(lines) - maxMessageLines + 1
		text = strings.Join(lines[:maxMessageLines-1], "\n") + fmt.Sprintf("\n… and %d more lines.", more)
	}
	v.message.Importance = widget.MediumImportance
	if danger {
		v.message.Importance = widget.DangerImportance
	}
	v.message.SetText(text)
	if text == "" {
		v.message.Hide()
	} else {
		v.message.Show()
	}
	v.content.Refresh() // lays the toolbar, message and pages out again: the message's height changed
}

// Message is the text shown above the pages, "" for none.
func (v *PageView) Message() string {
	if !v.message.Visible() {
		return ""
	}
	return v.message.Text
}

// Pages is the page count.
func (v *PageView) Pages() int { return v.count }

// Held is the pages (from 0, in order) that hold an image now.
func (v *PageView) Held() []int {
	out := make([]int, 0, len(v.images))
	for i := range v.images {
		out = append(out, i)
	}
	slices.Sort(out)
	return out
}

// Near says whether page i is in or next to the view: a page its owner
// need not draw any more when it is not.
func (v *PageView) Near(i int) bool {
	first, last := v.visible()
	return i >= max(first-nearPages, 0) && i <= min(last+nearPages, v.count-1)
}

// Image is page i's image, nil when it holds none.
func (v *PageView) Image(i int) image.Image { return v.images[i].img }

// Page is the page (from 0) at the top of the view, the one "Page X of Y"
// names.
func (v *PageView) Page() int {
	if v.count == 0 {
		return 0
	}
	y := v.scroll.Offset.Y + v.scroll.Size().Height/3
	return v.pageAt(y)
}

// ShowPage scrolls page i (from 0) to the top of the view.
func (v *PageView) ShowPage(i int) {
	if v.count == 0 {
		return
	}
	i = min(max(i, 0), v.count-1)
	v.scroll.Offset.Y = v.pageTop(i) - pageGap
	v.scroll.Refresh() // clamps the offset to the content
	v.update()
}

// ZoomIn shows the pages larger, by one step.
func (v *PageView) ZoomIn() {
	z := v.scale()
	for _, s := range zoomSteps {
		if s > z*1.01 {
			v.setZoom(s)
			return
		}
	}
	v.setZoom(maxZoom)
}

// ZoomOut shows the pages smaller, by one step.
func (v *PageView) ZoomOut() {
	z := v.scale()
	for _, s := range slices.Backward(zoomSteps) {
		if s < z*0.99 {
			v.setZoom(s)
			return
		}
	}
	v.setZoom(minZoom)
}

// FitWidth shows the pages as wide as the view, following its width.
func (v *PageView) FitWidth() {
	page := v.Page()
	v.fit = true
	v.relayout(page)
}

// Fitting says whether the pages follow the view's width.
func (v *PageView) Fitting() bool { return v.fit }

// Zoom is the pages' scale, in dp per point (1: printed size).
func (v *PageView) Zoom() float32 { return v.scale() }

func (v *PageView) setZoom(z float32) {
	page := v.Page()
	v.fit, v.zoom = false, min(max(z, minZoom), maxZoom)
	v.relayout(page)
}

// relayout lays the sheets out at a new size, keeping page in view.
func (v *PageView) relayout(page int) {
	v.sizeContent()
	if v.count > 0 {
		v.scroll.Offset.Y = v.pageTop(page) - pageGap
		v.scroll.Refresh()
	}
	v.update()
}

// update places the sheets of the pages near the view, drops the images of
// the others, asks for the near pages not yet drawn at the right width,
// and shows where the view is.
func (v *PageView) update() {
	first, last := v.visible()
	lo, hi := max(first-nearPages, 0), min(last+nearPages, v.count-1)
	for i := range v.images {
		if i < lo || i > hi {
			delete(v.images, i)
		}
	}
	for i := range v.requested {
		if i < lo || i > hi {
			delete(v.requested, i) // asked for again when it comes back
		}
	}
	objs := make([]fyne.CanvasObject, 0, 3*(hi-lo+1))
	for i := range v.sheets {
		if i < lo || i > hi {
			delete(v.sheets, i)
		}
	}
	for i := lo; i <= hi; i++ {
		s := v.sheets[i]
		if s == nil {
			s = newSheet()
			v.sheets[i] = s
		}
		s.show(v.images[i].img)
		objs = append(objs, s.shadow, s.paper, s.img)
	}
	objs = v.readingObjects(objs, lo, hi)
	v.stack.Objects = objs
	v.stack.Refresh()
	v.showWhere()
	v.ask(first, last, lo, hi)
}

// ask asks for the pages in view, then those near it, that hold no image
// at the current width and were not yet asked for.
func (v *PageView) ask(first, last, lo, hi int) {
	if v.OnNeed == nil || v.count == 0 {
		return
	}
	var want []int
	add := func(i int) {
		px := v.pixelWidth(i)
		if im := v.images[i]; im.img != nil && im.width == px && !im.stale || v.requested[i] == px {
			return
		}
		want = append(want, i)
		v.requested[i] = px
	}
	for i := first; i <= last; i++ {
		add(i)
	}
	for i := lo; i <= hi; i++ {
		if i < first || i > last {
			add(i)
		}
	}
	// Pages of different sizes are drawn at different widths: one ask per
	// run of pages of one width, in the order wanted.
	for len(want) > 0 {
		px, n := v.requested[want[0]], 1
		for n < len(want) && v.requested[want[n]] == px {
			n++
		}
		v.OnNeed(want[:n:n], px)
		want = want[n:]
	}
}

func (v *PageView) showWhere() {
	v.prev.Disable()
	v.next.Disable()
	if v.count == 0 {
		v.where.SetText("No pages")
		return
	}
	p := v.Page()
	v.where.SetText(fmt.Sprintf("Page %d of %d · %d%%", p+1, v.count, int(math.Round(float64(v.scale()*100)))))
	if p > 0 {
		v.prev.Enable()
	}
	if p < v.count-1 {
		v.next.Enable()
	}
}

// Where is the text "Page X of Y · Z%", for tests.
func (v *PageView) Where() string { return v.where.Text }
