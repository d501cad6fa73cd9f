package widgets

import "fyne.io/fyne/v2"

// The page view as a reader of a source (a PDF report): marks over the
// pages (excerpts, the selection, Find's matches), a text tool that selects
// by dragging across the text and a figure tool that drags a rectangle,
// Find on the page, and the keys a reader expects. The preview of a
// briefing uses none of it.
//
// CONTRACT: the names below are the API between the widget (widgets/
// pageview*.go) and the app's reader (app/). Their bodies are filled in by
// the widget's owner; keep the signatures.

// PageMarkKind says what a mark over a page shows, and so its colour.
type PageMarkKind int

// The kinds of marks.
const (
	MarkExcerpt      PageMarkKind = iota // a passage kept as an excerpt
	MarkSelection                        // the analyst's selection
	MarkFound                            // a match of Find
	MarkFoundCurrent                     // the match Find is on
	MarkFigure                           // a figure excerpt's rectangle
)

// PageMark is a rectangle drawn over a page: Page from 0, the corners as
// fractions of the page as drawn (0 at the top left, 1 at the bottom
// right). ID is the owner's (an excerpt's number), given back by
// OnMarkTapped.
type PageMark struct {
	Page           int
	X0, Y0, X1, Y1 float32
	Kind           PageMarkKind
	ID             int64
}

// PagePoint is a point on a page: Page from 0, X and Y as fractions of it.
type PagePoint struct {
	Page int
	X, Y float32
}

// PageTool is what a drag on the pages does.
type PageTool int

// The tools.
const (
	ToolText   PageTool = iota // a drag selects text (OnSelect)
	ToolFigure                 // a drag draws a rectangle (OnFigure)
)

// PageReader holds the callbacks and state a source reader adds to a
// PageView; EnableReading sets them up and shows their controls (the tool
// switch, Find, go to page).
type PageReader struct {
	// OnSelect is told of a drag with the text tool: where it started and
	// where the pointer is, with done true at the release. A tap (a press
	// and release without moving) is a drag from a point to itself.
	OnSelect func(from, to PagePoint, done bool)
	// OnFigure is told of a rectangle dragged with the figure tool, on the
	// page where the drag started, clipped to that page.
	OnFigure func(page int, x0, y0, x1, y1 float32)
	// OnMarkTapped is told of a tap on an excerpt's or a figure's mark.
	OnMarkTapped func(m PageMark)
	// OnFind is told of Find's query as it is typed (dir 0) and of Enter
	// (dir 1) or Shift+Enter (dir -1) to go to the next or previous match.
	OnFind func(query string, dir int)
}

// EnableReading makes the view a source reader with r's callbacks: it
// shows the tool switch, the Find field and a page number field, and
// takes Page Up/Down, Home/End, Ctrl+F and zoom keys when focused.
func (v *PageView) EnableReading(r *PageReader) {
	v.reader = r
	if v.read == nil {
		v.read = newReadingUI(v)
		v.indexMarks() // marks set before
	}
	v.update()
}

// SetMarks replaces every mark over the pages.
func (v *PageView) SetMarks(marks []PageMark) {
	v.marks = marks
	v.indexMarks()
	v.update()
}

// Marks is the marks over the pages.
func (v *PageView) Marks() []PageMark { return v.marks }

// SetTool chooses what a drag does.
func (v *PageView) SetTool(t PageTool) {
	v.tool = t
	if v.read != nil {
		v.read.showTool(t)
	}
}

// Tool is what a drag does now.
func (v *PageView) Tool() PageTool { return v.tool }

// SetFindResult shows "current of total" beside the Find field (current
// from 1; 0 of 0 says nothing was found).
func (v *PageView) SetFindResult(current, total int) {
	if v.read != nil {
		v.read.setFound(current, total)
	}
}

// ShowPoint scrolls so that the point (a match, an excerpt) is in view,
// near the top third of the viewport.
func (v *PageView) ShowPoint(p PagePoint) {
	if v.count == 0 {
		return
	}
	i := min(max(p.Page, 0), v.count-1)
	pos, sz := v.sheetRect(i)
	view := v.scroll.Size()
	v.scroll.Offset.Y = pos.Y + p.Y*sz.Height - view.Height/3
	if x := pos.X + p.X*sz.Width; x < v.scroll.Offset.X || x > v.scroll.Offset.X+view.Width {
		v.scroll.Offset.X = x - view.Width/2 // zoomed in past the view's width: the point is off to a side
	}
	v.scrollTo(v.scroll.Offset)
}

// SetPageSizes gives each page's own size in points, for documents whose
// pages differ (a landscape table in a portrait report); SetPages gives
// them all one size.
func (v *PageView) SetPageSizes(sizes [][2]float64) {
	v.count = len(sizes)
	v.sizes = make([][2]float32, len(sizes))
	widths := map[float32]int{}
	for i, s := range sizes {
		w, h := float32(s[0]), float32(s[1])
		if w <= 0 || h <= 0 { // a broken page box: drawn as A4
			w, h = 595.28, 841.89
		}
		v.sizes[i] = [2]float32{w, h}
		widths[w]++
	}
	// The zoom's 100% and the fit are those of the most common width, the
	// body of the report; a wider page is drawn to fit the view.
	best := -1
	for _, s := range v.sizes {
		if n := widths[s[0]]; n > best {
			best, v.pageW, v.aspect = n, s[0], s[1]/s[0]
		}
	}
	v.sizesGen++
	v.relaid()
}

// scrollTo scrolls the pages to off, kept within them.
func (v *PageView) scrollTo(off fyne.Position) {
	content, view := v.stack.Size(), v.scroll.Size()
	v.scroll.Offset = fyne.NewPos(min(max(off.X, 0), max(content.Width-view.Width, 0)),
		min(max(off.Y, 0), max(content.Height-view.Height, 0)))
	v.scroll.Refresh()
	v.update()
}
