package widgets

import (
	"image/color"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
)

// The marks over the pages: only those on pages that have sheets (in or
// near the view) get objects, reused as the view scrolls, so a long report
// with a thousand excerpts costs the objects of the few pages shown.

// markOrder is the order marks are drawn in, bottom first: the selection
// and the current match stay visible over the excerpts they cross.
var markOrder = map[PageMarkKind]int{MarkExcerpt: 0, MarkFigure: 1, MarkFound: 2, MarkSelection: 3, MarkFoundCurrent: 4}

// indexMarks files the marks by page, in drawing order.
func (v *PageView) indexMarks() {
	if v.read == nil {
		return
	}
	clear(v.read.byPage)
	for i, m := range v.marks {
		v.read.byPage[m.Page] = append(v.read.byPage[m.Page], i)
	}
	for _, idx := range v.read.byPage {
		slices.SortStableFunc(idx, func(a, b int) int { return markOrder[v.marks[a].Kind] - markOrder[v.marks[b].Kind] })
	}
}

// readingObjects adds to the sheets' objects the marks on pages lo to hi,
// the rubber band and the surface that takes the pointer, on top.
func (v *PageView) readingObjects(objs []fyne.CanvasObject, lo, hi int) []fyne.CanvasObject {
	r := v.read
	if r == nil {
		return objs
	}
	r.shown = r.shown[:0]
	for p := lo; p <= hi; p++ {
		for _, i := range r.byPage[p] {
			m := v.marks[i]
			if len(r.shown) == len(r.rects) {
				r.rects = append(r.rects, canvas.NewRectangle(nil))
			}
			rc := r.rects[len(r.shown)]
			v.styleMark(rc, m.Kind)
			r.shown = append(r.shown, m)
			objs = append(objs, rc)
		}
	}
	v.styleBand()
	return append(objs, r.band, r.surface)
}

// placeReading places the marks shown, the band and the surface over the
// pages, size being the pages' whole extent.
func (v *PageView) placeReading(size fyne.Size) {
	r := v.read
	if r == nil {
		return
	}
	for k, m := range r.shown {
		pos, sz := v.sheetRect(m.Page)
		rc := r.rects[k]
		rc.Move(pos.AddXY(m.X0*sz.Width, m.Y0*sz.Height))
		rc.Resize(fyne.NewSize((m.X1-m.X0)*sz.Width, (m.Y1-m.Y0)*sz.Height))
	}
	v.placeBand()
	r.surface.Move(fyne.Position{})
	r.surface.Resize(size)
}

// The marks' colours are those of the theme as on a light background,
// whichever the theme: the paper is white in both.
func (v *PageView) paperColor(n fyne.ThemeColorName) color.Color {
	return v.Theme().Color(n, theme.VariantLight)
}

// excerptPen is the Reader's highlighter (see Reader.highlightColor), as
// on a light background: amber, translucent; a figure is outlined in the
// pen's ink.
var (
	penInk     = color.NRGBA{R: 0xff, G: 0xb3, B: 0x00, A: 0xff}
	excerptPen = withAlpha(penInk, 0x48)
)

// styleMark colours a mark's rectangle for its kind.
func (v *PageView) styleMark(rc *canvas.Rectangle, k PageMarkKind) {
	rc.StrokeWidth, rc.StrokeColor = 0, nil
	switch k {
	case MarkExcerpt:
		rc.FillColor = excerptPen
	case MarkSelection:
		rc.FillColor = v.paperColor(theme.ColorNameSelection)
	case MarkFound:
		rc.FillColor = withAlpha(v.paperColor(theme.ColorNameSuccess), 0x40)
	case MarkFoundCurrent:
		c := v.paperColor(theme.ColorNameSuccess)
		rc.FillColor, rc.StrokeColor, rc.StrokeWidth = withAlpha(c, 0x70), c, 2
	case MarkFigure:
		rc.FillColor, rc.StrokeColor, rc.StrokeWidth = withAlpha(penInk, 0x20), penInk, 2
	}
	// No Refresh: update refreshes the pages' container, and so the marks.
}

// styleBand colours the figure tool's rubber band: the selection's colour
// inside a line of the theme's primary colour.
func (v *PageView) styleBand() {
	b := v.read.band
	b.FillColor = v.paperColor(theme.ColorNameSelection)
	b.StrokeColor, b.StrokeWidth = v.paperColor(theme.ColorNamePrimary), 1.5
}

// placeBand shows the rubber band of a figure drag under way.
func (v *PageView) placeBand() {
	r := v.read
	d := &r.drag
	if !d.dragging || v.tool != ToolFigure {
		r.band.Hide()
		return
	}
	x0, y0, x1, y1 := d.rect()
	pos, sz := v.sheetRect(d.from.Page)
	r.band.Move(pos.AddXY(x0*sz.Width, y0*sz.Height))
	r.band.Resize(fyne.NewSize((x1-x0)*sz.Width, (y1-y0)*sz.Height))
	r.band.Show()
	r.band.Refresh()
}

// markAt is the excerpt's or figure's mark at p, the one drawn on top.
func (v *PageView) markAt(p PagePoint) (PageMark, bool) {
	if v.read == nil {
		return PageMark{}, false
	}
	idx := v.read.byPage[p.Page]
	for _, i := range slices.Backward(idx) {
		m := v.marks[i]
		if (m.Kind == MarkExcerpt || m.Kind == MarkFigure) && p.X >= m.X0 && p.X <= m.X1 && p.Y >= m.Y0 && p.Y <= m.Y1 {
			return m, true
		}
	}
	return PageMark{}, false
}

// ShownMarks is the marks that have objects now (on the pages near the
// view) with where each is drawn over the pages; for tests.
func (v *PageView) ShownMarks() ([]PageMark, []fyne.Position, []fyne.Size) {
	if v.read == nil {
		return nil, nil, nil
	}
	pos := make([]fyne.Position, len(v.read.shown))
	size := make([]fyne.Size, len(v.read.shown))
	for k := range v.read.shown {
		pos[k], size[k] = v.read.rects[k].Position(), v.read.rects[k].Size()
	}
	return slices.Clone(v.read.shown), pos, size
}
