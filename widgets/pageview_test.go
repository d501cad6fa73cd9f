package widgets

import (
	"image"
	"image/color"
	"slices"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// pageViewer shows a page view of A4 pages in a test window of the given
// size, answering every OnNeed at once with a page image of the width
// asked, filled with a grey of its page number, and recording the asks.
type pageViewer struct {
	v    *PageView
	w    fyne.Window
	asks [][]int
	px   int // the width last asked for
}

func newPageViewer(t *testing.T, pages int, size fyne.Size) *pageViewer {
	t.Helper()
	dir := t.TempDir()
	for _, k := range []string{"XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_DATA_HOME"} {
		t.Setenv(k, dir+"/"+k)
	}
	test.NewTempApp(t)
	pv := &pageViewer{v: NewPageView()}
	pv.v.OnNeed = func(want []int, width int) {
		pv.asks = append(pv.asks, slices.Clone(want))
		pv.px = width
		for _, i := range want {
			pv.v.SetPage(i, greyPage(i, width), width)
		}
	}
	pv.w = test.NewWindow(pv.v)
	pv.w.SetPadded(false)
	pv.w.Resize(size)
	t.Cleanup(pv.w.Close)
	pv.v.SetPages(pages, 595.28, 841.89)
	return pv
}

func greyPage(i, width int) image.Image {
	img := image.NewRGBA(image.Rect(0, 0, width, width*1414/1000))
	for p := range len(img.Pix) / 4 {
		img.Pix[4*p], img.Pix[4*p+1], img.Pix[4*p+2], img.Pix[4*p+3] = uint8(i), uint8(i), uint8(i), 255
	}
	return img
}

// The pages in view and next to it hold images, asked for in view first;
// scrolling to the end drops the first pages' images and asks for the last.
func TestPageViewHoldsOnlyPagesNearTheView(t *testing.T) {
	pv := newPageViewer(t, 20, fyne.NewSize(600, 500))
	v := pv.v
	if len(pv.asks) == 0 || pv.asks[0][0] != 0 {
		t.Fatalf("asks %v, want page 1 first", pv.asks)
	}
	if held := v.Held(); !slices.Equal(held, []int{0, 1}) {
		t.Fatalf("held %v at the top, want pages 1-2 (one in view, one below)", held)
	}
	if got := v.Where(); got != "Page 1 of 20 · 95%" {
		t.Errorf("where %q", got)
	}
	v.ShowPage(19)
	held := v.Held()
	if len(held) == 0 || len(held) > 3 || held[len(held)-1] != 19 || held[0] < 17 {
		t.Fatalf("held %v at the end, want the last pages only", held)
	}
	if v.Near(0) || !v.Near(18) || !v.Near(19) {
		t.Errorf("near at the end: page 1 %v, 19 %v, 20 %v", v.Near(0), v.Near(18), v.Near(19))
	}
	if v.Page() != 19 || v.Where() != "Page 20 of 20 · 95%" {
		t.Errorf("page %d, where %q", v.Page(), v.Where())
	}
	if c := v.Image(19).At(0, 0).(color.RGBA); c.R != 19 {
		t.Errorf("page 20 shows the image of page %d", c.R+1)
	}
	// Back at the top, page 1 is asked for again: its image was dropped.
	n := len(pv.asks)
	v.ShowPage(0)
	if len(pv.asks) == n || pv.asks[n][0] != 0 {
		t.Errorf("asks after going back %v", pv.asks[n:])
	}
}

// The previous and next buttons step one page; they are off at the ends.
func TestPageViewNavigation(t *testing.T) {
	pv := newPageViewer(t, 5, fyne.NewSize(600, 500))
	v := pv.v
	if !v.prev.Disabled() || v.next.Disabled() {
		t.Fatal("at page 1, previous should be off and next on")
	}
	test.Tap(v.next)
	test.Tap(v.next)
	if v.Page() != 2 || v.Where() != "Page 3 of 5 · 95%" {
		t.Fatalf("after next twice: page %d, %q", v.Page(), v.Where())
	}
	test.Tap(v.prev)
	if v.Page() != 1 {
		t.Fatalf("after previous: page %d", v.Page())
	}
	v.ShowPage(4)
	if v.Page() != 4 || !v.next.Disabled() || v.prev.Disabled() {
		t.Errorf("at the last page: page %d, next off %v", v.Page(), v.next.Disabled())
	}
}

// Fit width follows the window; zooming leaves it, keeps the page in view
// and asks for the pages at the new width.
func TestPageViewZoomAndFitWidth(t *testing.T) {
	pv := newPageViewer(t, 10, fyne.NewSize(600, 500))
	v := pv.v
	sheet := func() float32 { return v.sheets[v.Page()].paper.Size().Width }
	if !v.Fitting() || sheet() != 600-2*pageGap {
		t.Fatalf("fitting %v, sheet %v wide, want the window less the margins", v.Fitting(), sheet())
	}
	if pv.px != 600 {
		t.Errorf("drawn %d px wide, want 600 (the sheet's 568 rounded up to 50)", pv.px)
	}
	pv.w.Resize(fyne.NewSize(800, 500))
	if sheet() != 800-2*pageGap || pv.px != 800 {
		t.Errorf("after a resize: sheet %v, drawn at %d px", sheet(), pv.px)
	}
	v.ShowPage(3)
	test.Tap(v.zoomIn)
	if v.Fitting() || v.Zoom() != 1.5 || v.Page() != 3 {
		t.Fatalf("zoom in: fitting %v, zoom %v, page %d", v.Fitting(), v.Zoom(), v.Page())
	}
	if w := sheet(); w != 893 || pv.px != 900 {
		t.Errorf("at 150%%: sheet %v wide, drawn at %d px", w, pv.px)
	}
	test.Tap(v.zoomOut)
	test.Tap(v.zoomOut)
	if v.Zoom() != 1 || v.Page() != 3 || v.Where() != "Page 4 of 10 · 100%" {
		t.Errorf("zoom out twice: zoom %v, %q", v.Zoom(), v.Where())
	}
	test.Tap(v.fitBtn)
	if !v.Fitting() || sheet() != 800-2*pageGap || v.Page() != 3 {
		t.Errorf("fit width: fitting %v, sheet %v, page %d", v.Fitting(), sheet(), v.Page())
	}
}

// Clear forgets every page (another document) and goes back to the top;
// an image for a page past the end is ignored; a message shows and hides.
func TestPageViewClearAndMessage(t *testing.T) {
	pv := newPageViewer(t, 8, fyne.NewSize(600, 500))
	v := pv.v
	v.ShowPage(5)
	v.Clear()
	if len(v.Held()) != 0 || v.Pages() != 0 || v.Where() != "No pages" || v.scroll.Offset.Y != 0 {
		t.Fatalf("after Clear: held %v, %d pages, %q, offset %v", v.Held(), v.Pages(), v.Where(), v.scroll.Offset.Y)
	}
	v.SetPage(2, greyPage(2, 100), 100)
	if len(v.Held()) != 0 {
		t.Error("an image was kept for a page the view does not have")
	}
	v.SetMessage("The PDF fonts cannot show 📉.", true)
	if v.Message() == "" || !v.message.Visible() {
		t.Error("the message is not shown")
	}
	// The pages move down to make room for it: nothing is drawn over the
	// toolbar or under the message.
	if bottom := v.message.Position().Y + v.message.Size().Height; v.scroll.Position().Y < bottom {
		t.Errorf("the pages start at %v, above the message's bottom at %v", v.scroll.Position().Y, bottom)
	}
	if v.message.Position().Y < v.bar.Size().Height {
		t.Errorf("the message at %v is over the toolbar (%v high)", v.message.Position().Y, v.bar.Size().Height)
	}
	v.SetMessage("1\n2\n3\n4\n5\n6\n7\n8", true)
	if got := v.Message(); got != "1\n2\n3\n4\n5\n… and 3 more lines." {
		t.Errorf("a long message shows %q", got)
	}
	v.SetMessage("", false)
	if v.Message() != "" {
		t.Error("the message stays")
	}
	// The same document laid out again keeps its images (no blank while
	// it is redrawn) and its place, and asks for the pages in view again.
	v.SetPages(8, 595.28, 841.89)
	v.ShowPage(4)
	n := len(pv.asks)
	before := v.Image(4)
	v.OnNeed = func(want []int, width int) { pv.asks = append(pv.asks, want) }
	v.SetPages(8, 595.28, 841.89)
	if v.Page() != 4 || v.Image(4) != before || len(pv.asks) == n || pv.asks[n][0] != 4 {
		t.Errorf("relaid out: page %d, image kept %v, asks %v", v.Page(), v.Image(4) == before, pv.asks[n:])
	}
}
