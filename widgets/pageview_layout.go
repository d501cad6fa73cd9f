package widgets

import (
	"image"
	"image/color"
	"math"
	"sort"

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

// sheetOf is page i's sheet size on screen.
func (v *PageView) sheetOf(i int) fyne.Size {
	g := v.geom()
	if i < 0 || i >= len(g.sizes) {
		return fyne.Size{}
	}
	return g.sizes[i]
}

func (v *PageView) pageTop(i int) float32 {
	g := v.geom()
	if i < 0 || len(g.tops) == 0 {
		return pageGap
	}
	return g.tops[min(i, len(g.tops)-1)]
}

// pageAt is the page whose band, its sheet and half the gaps either side,
// holds y (a height down the pages), clamped to the document.
func (v *PageView) pageAt(y float32) int {
	g := v.geom()
	i := sort.Search(len(g.tops), func(i int) bool { return g.tops[i]-pageGap/2 > y }) - 1
	return min(max(i, 0), v.count-1)
}

// visible is the range of pages [first, last] in view.
func (v *PageView) visible() (first, last int) {
	if v.count == 0 {
		return 0, -1
	}
	g := v.geom()
	top, bottom := v.scroll.Offset.Y, v.scroll.Offset.Y+max(v.scroll.Size().Height, 1)
	// Page i spans [tops[i]-pageGap, tops[i+1]-pageGap): it is in view when
	// its bottom is below top and its top above bottom.
	first = sort.Search(v.count, func(i int) bool { return g.tops[i]-pageGap > top }) - 1
	first = min(max(first, 0), v.count-1)
	last = sort.Search(v.count, func(i int) bool { return g.tops[i] >= bottom }) - 1
	return first, min(max(last, first), v.count-1)
}

// pageGeom is where the sheets are: each page's sheet size and top, for
// the scale and view width it was worked out at.
type pageGeom struct {
	key   geomKey
	sizes []fyne.Size
	tops  []float32
	width float32 // the widest sheet's
	end   float32 // below the last sheet, its gap included
}

type geomKey struct {
	scale, room float32
	count, gen  int
}

// geom is the sheets' geometry, worked out again when the page sizes, the
// scale or (fitting the width) the view's width changed. Every page is
// drawn at one scale, so that type is the same size on every page; fitting
// the width, a page wider than the view (a landscape table) is drawn
// smaller to fit it.
func (v *PageView) geom() *pageGeom {
	room := float32(0)
	if v.fit {
		room = v.scroll.Size().Width - 2*pageGap
	}
	k := geomKey{scale: v.scale(), room: room, count: v.count, gen: v.sizesGen}
	g := &v.geo
	if g.key == k && len(g.sizes) == v.count {
		return g
	}
	g.key, g.sizes, g.tops, g.width = k, g.sizes[:0], g.tops[:0], 0
	y := float32(pageGap)
	for i := range v.count {
		pw, ph := v.pagePoints(i)
		s := k.scale
		if room > 0 && pw*s > room {
			s = max(room/pw, minZoom)
		}
		w := float32(math.Round(float64(pw * s)))
		sz := fyne.NewSize(w, float32(math.Round(float64(w*ph/pw))))
		g.sizes, g.tops = append(g.sizes, sz), append(g.tops, y)
		g.width = max(g.width, w)
		y += sz.Height + pageGap
	}
	g.end = y
	return g
}

// pagePoints is page i's size in points.
func (v *PageView) pagePoints(i int) (w, h float32) {
	if i < len(v.sizes) {
		return v.sizes[i][0], v.sizes[i][1]
	}
	return v.pageW, v.pageW * v.aspect
}

// sheetRect is page i's sheet in the pages' coordinates.
func (v *PageView) sheetRect(i int) (fyne.Position, fyne.Size) {
	s := v.sheetOf(i)
	x := max((v.stack.Size().Width-s.Width)/2, pageGap)
	return fyne.NewPos(x, v.pageTop(i)), s
}

// pixelWidth is the width in pixels to draw the pages at: the sheet's on
// the screen, rounded up to a step so that a window being resized does
// not ask for every page at every width.
func (v *PageView) pixelWidth(i int) int {
	scale := float32(1)
	if c := fyne.CurrentApp().Driver().CanvasForObject(v); c != nil {
		scale = c.Scale()
	}
	px := int(math.Ceil(float64(v.sheetOf(i).Width*scale/pixelStep))) * pixelStep
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
	if v.count == 0 {
		return fyne.Size{}
	}
	g := v.geom()
	return fyne.NewSize(g.width+2*pageGap, g.end)
}

func (l *pageStack) Layout(_ []fyne.CanvasObject, size fyne.Size) {
	v := l.v
	for i, sh := range v.sheets {
		s := v.sheetOf(i)
		pos := fyne.NewPos(max((size.Width-s.Width)/2, pageGap), v.pageTop(i))
		sh.shadow.Move(pos.AddXY(2, 3))
		sh.shadow.Resize(s)
		sh.paper.Move(pos)
		sh.paper.Resize(s)
		sh.img.Move(pos)
		sh.img.Resize(s)
	}
	v.placeReading(size)
	if size.Width != l.width { // the window was resized: fitting the width, the pages' size follows
		l.width = size.Width
		v.update()
	}
}
