package domain

import (
	"math"
	"sort"
	"sync"
)

// TextMap says where on its pages each rune of a paged source's Text is
// drawn, so that the page view and the text view speak of the same thing:
// a selection made on a page becomes the rune offsets into Text that an
// excerpt keeps, and an excerpt's offsets become rectangles to highlight
// on its pages. The importer builds it from the PDF engine's character
// boxes while it builds Text; runes the importer made up (spaces between
// words, line and paragraph breaks) have no glyph.
//
// A TextMap is not copied once used (it keeps an index); use a pointer.
type TextMap struct {
	// Pages holds each page's size in points as drawn, in page order.
	Pages []PageSize
	// Glyphs holds the runes drawn on the pages, in ascending Offset
	// order, one per rune: a ligature's glyph ("ﬁ" read as "fi") gives each
	// of its letters a share of its box.
	Glyphs []Glyph

	once   sync.Once
	byPage [][]int // indexes into Glyphs, per page, in Offset order
}

// PageSize is a page's width and height in points.
type PageSize struct{ W, H float32 }

// Glyph is one rune of the text and where it is drawn.
type Glyph struct {
	Offset int32    // the rune's offset in the source's Text
	Page   int32    // from 0
	Box    PageRect // fractions of the page as drawn
}

// PageBox is a rectangle on one page (from 0).
type PageBox struct {
	Page int
	Rect PageRect
}

// Validate checks that the map fits a text of textLen runes: offsets in
// order and inside the text, pages known, boxes on their pages.
func (m *TextMap) Validate(textLen int) error {
	last := int32(-1)
	for i, g := range m.Glyphs {
		switch {
		case g.Offset <= last || int(g.Offset) >= textLen:
			return Errorf(EINVALID, "the page map's glyph %d is at offset %d, out of order or past the text's %d characters: import the PDF again", i, g.Offset, textLen)
		case g.Page < 0 || int(g.Page) >= len(m.Pages):
			return Errorf(EINVALID, "the page map's glyph %d is on page %d of %d: import the PDF again", i, g.Page+1, len(m.Pages))
		case g.Box.X0 < 0 || g.Box.Y0 < 0 || g.Box.X1 > 1 || g.Box.Y1 > 1 || g.Box.X1 < g.Box.X0 || g.Box.Y1 < g.Box.Y0:
			return Errorf(EINVALID, "the page map's glyph %d lies outside its page: import the PDF again", i)
		}
		last = g.Offset
	}
	return nil
}

func (m *TextMap) index() {
	m.once.Do(func() {
		m.byPage = make([][]int, len(m.Pages))
		for i, g := range m.Glyphs {
			if int(g.Page) < len(m.byPage) && g.Page >= 0 {
				m.byPage[g.Page] = append(m.byPage[g.Page], i)
			}
		}
	})
}

// first is the index of the first glyph at or after offset.
func (m *TextMap) first(offset int) int {
	return sort.Search(len(m.Glyphs), func(i int) bool { return int(m.Glyphs[i].Offset) >= offset })
}

// PageOf is the page (from 0) of the first glyph at or after offset, or
// of the last glyph when none follows; -1 for an empty map.
func (m *TextMap) PageOf(offset int) int {
	if len(m.Glyphs) == 0 {
		return -1
	}
	i := min(m.first(offset), len(m.Glyphs)-1)
	return int(m.Glyphs[i].Page)
}

// Rects gives the rectangles that cover the runes in [start, end): one per
// run of glyphs on one line of one page, for highlighting. Lines may run
// across the page or, on a page turned a quarter, down or up it.
func (m *TextMap) Rects(start, end int) []PageBox {
	var out []PageBox
	var last PageRect
	for i := m.first(start); i < len(m.Glyphs) && int(m.Glyphs[i].Offset) < end; i++ {
		g := m.Glyphs[i]
		if n := len(out); n > 0 && out[n-1].Page == int(g.Page) && sameLine(last, g.Box) {
			r := &out[n-1].Rect
			r.X0, r.Y0 = min(r.X0, g.Box.X0), min(r.Y0, g.Box.Y0)
			r.X1, r.Y1 = max(r.X1, g.Box.X1), max(r.Y1, g.Box.Y1)
		} else {
			out = append(out, PageBox{Page: int(g.Page), Rect: g.Box})
		}
		last = g.Box
	}
	return out
}

// sameLine says whether glyph b follows glyph a on one line: side by side
// and sharing more than half the smaller one's height (a line across the
// page), or one above the other sharing more than half its width (a line
// on a page turned a quarter), with no more than a few letters' gap.
func sameLine(a, b PageRect) bool {
	overlap := func(a0, a1, b0, b1 float32) float32 { return min(a1, b1) - max(a0, b0) }
	h := min(a.Y1-a.Y0, b.Y1-b.Y0)
	if overlap(a.Y0, a.Y1, b.Y0, b.Y1) > 0.5*h {
		return b.X0 >= a.X0 && b.X0-a.X1 < 3*max(h, a.X1-a.X0)
	}
	w := min(a.X1-a.X0, b.X1-b.X0)
	if overlap(a.X0, a.X1, b.X0, b.X1) > 0.5*w {
		gap := max(b.Y0-a.Y1, a.Y0-b.Y1)
		return gap < 3*max(w, a.Y1-a.Y0)
	}
	return false
}

// OffsetAt is the caret offset in Text for the point (x, y) on page: before
// the glyph under or nearest the point when the point is on its left
// half, after it otherwise. ok is false when the page has no text.
func (m *TextMap) OffsetAt(page int, x, y float32) (offset int, ok bool) {
	m.index()
	if page < 0 || page >= len(m.byPage) || len(m.byPage[page]) == 0 {
		return 0, false
	}
	best, bestD := -1, float32(math.MaxFloat32)
	for _, i := range m.byPage[page] {
		b := m.Glyphs[i].Box
		// Distance across lines counts far more than along one, so that a
		// point in a line's margin picks that line's end.
		dx := max(b.X0-x, 0, x-b.X1)
		dy := max(b.Y0-y, 0, y-b.Y1)
		if d := dx + 50*dy; d < bestD {
			best, bestD = i, d
		}
	}
	g := m.Glyphs[best]
	if x > (g.Box.X0+g.Box.X1)/2 {
		return int(g.Offset) + 1, true
	}
	return int(g.Offset), true
}

// Within gives the span of Text whose glyphs have their centre inside r on
// page: start is the first such rune, end one past the last. ok is false
// when no glyph lies inside (a chart with no text).
func (m *TextMap) Within(page int, r PageRect) (start, end int, ok bool) {
	m.index()
	if page < 0 || page >= len(m.byPage) {
		return 0, 0, false
	}
	start, end = math.MaxInt, -1
	for _, i := range m.byPage[page] {
		g := m.Glyphs[i]
		if r.Contains((g.Box.X0+g.Box.X1)/2, (g.Box.Y0+g.Box.Y1)/2) {
			start, end = min(start, int(g.Offset)), max(end, int(g.Offset)+1)
		}
	}
	return start, end, end >= 0
}

// PageStart is the offset of the first glyph on page (from 0), for a
// figure with no text in it; ok is false when the page has none.
func (m *TextMap) PageStart(page int) (offset int, ok bool) {
	m.index()
	if page < 0 || page >= len(m.byPage) || len(m.byPage[page]) == 0 {
		return 0, false
	}
	return int(m.Glyphs[m.byPage[page][0]].Offset), true
}
