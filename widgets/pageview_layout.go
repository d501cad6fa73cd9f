package widgets

import (
	"image"
	"image/color"
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
)

// The page view's geometry: the sheets' size at the zoom, where each page
// sits down the scroll, which pages are in view, and the sheets drawn.

// sheet is one page on screen: a shadow, the paper and its image.
type sheet struct {
	shadow, paper *canvas.Rectangle
	img           *canvas.Image
}

// scale is the dp per point the sheets are drawn at.
func (v *PageView) scale() float32 {
	if !v.fit {
		return v.zoom
	}
	w := v.scroll.Size().Width - 2*pageGap
	if w <= 0 {
		return 1
	}
	return min(max(w/v.pageW, minZoom), maxZoom)
}

func (v *PageView) sheetSize() fyne.Size {
	w := float32(math.Round(float64(v.pageW * v.scale())))
	return fyne.NewSize(w, float32(math.Round(float64(w*v.aspect))))
}

// pitch is the distance from one sheet's top to the next's.
func (v *PageView) pitch() float32 { return v.sheetSize().Height + pageGap }

func (v *PageView) pageTop(i int) float32 { return pageGap + float32(i)*v.pitch() }

// visible is the range of pages [first, last] in view.
func (v *PageView) visible() (first, last int) {
	if v.count == 0 {
		return 0, -1
	}
	p := v.pitch()
	top, bottom := v.scroll.Offset.Y, v.scroll.Offset.Y+max(v.scroll.Size().Height, 1)
	// Page i spans [pageTop(i), pageTop(i+1)-pageGap): it is in view when
	// its bottom is below top and its top above bottom.
	first = min(max(int(top/p), 0), v.count-1)
	last = min(max(int(math.Ceil(float64((bottom-pageGap)/p)))-1, first), v.count-1)
	return first, last
}

// pixelWidth is the width in pixels to draw the pages at: the sheet's on
// the screen, rounded up to a step so that a window being resized does
// not ask for every page at every width.
func (v *PageView) pixelWidth() int {
	scale := float32(1)
	if c := fyne.CurrentApp().Driver().CanvasForObject(v); c != nil {
		scale = c.Scale()
	}
	px := int(math.Ceil(float64(v.sheetSize().Width*scale/pixelStep))) * pixelStep
	return min(max(px, pixelStep), maxPixelWidth)
}

const (
	pixelStep     = 50
	maxPixelWidth = 4000 // a page at 4 × 595 pt on a HiDPI screen: beyond, it is drawn scaled up
)

// newSheet is a blank page, its image to come.
func newSheet() *sheet {
	s := &sheet{shadow: canvas.NewRectangle(theme.Color(theme.ColorNameShadow)), paper: canvas.NewRectangle(paperWhite)}
	s.paper.StrokeColor = theme.Color(theme.ColorNameSeparator)
	s.paper.StrokeWidth = 1
	s.img = canvas.NewImageFromImage(nil)
	s.img.FillMode = canvas.ImageFillStretch
	s.img.ScaleMode = canvas.ImageScaleSmooth
	return s
}

// show puts img on the sheet (nil: a blank page until it is drawn).
func (s *sheet) show(img image.Image) {
	if s.img.Image != img {
		s.img.Image = img
		s.img.Refresh()
	}
	s.shadow.FillColor = theme.Color(theme.ColorNameShadow)
	s.paper.StrokeColor = theme.Color(theme.ColorNameSeparator)
}

// paperWhite is the paper's colour in either theme: the page as printed.
var paperWhite = color.NRGBA{R: 255, G: 255, B: 255, A: 255}

// pageStack lays the sheets of a PageView out down its scroll.
type pageStack struct {
	v     *PageView
	width float32 // the width of the last layout
}

func (l *pageStack) MinSize([]fyne.CanvasObject) fyne.Size {
	v := l.v
	s := v.sheetSize()
	if v.count == 0 {
		return fyne.Size{}
	}
	return fyne.NewSize(s.Width+2*pageGap, float32(v.count)*v.pitch()+pageGap)
}

func (l *pageStack) Layout(_ []fyne.CanvasObject, size fyne.Size) {
	v := l.v
	s := v.sheetSize()
	x := max((size.Width-s.Width)/2, pageGap)
	for i, sh := range v.sheets {
		pos := fyne.NewPos(x, v.pageTop(i))
		sh.shadow.Move(pos.AddXY(2, 3))
		sh.shadow.Resize(s)
		sh.paper.Move(pos)
		sh.paper.Resize(s)
		sh.img.Move(pos)
		sh.img.Resize(s)
	}
	if size.Width != l.width { // the window was resized: fitting the width, the pages' size follows
		l.width = size.Width
		v.update()
	}
}
