package domain

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
)

// FigureCaption is the limit on a figure excerpt's caption.
var FigureCaption = Field{"the figure caption", 1_000, "keep the caption to a sentence or two, and the rest in the note"}

// Figure is the picture part of a figure excerpt: a rectangle cut out of a
// page of a paged source (a chart, a table, a map) and kept as a PNG
// rendered at print resolution, so that a briefing prints it as the
// source does even if the source's file is later lost.
//
// A figure excerpt is an Excerpt whose Figure is set. Its Start and End are
// the span of the source's text that lies inside the rectangle (perhaps
// empty, Start == End, for a chart without text), and its Quote that span,
// so that search, the text view and the page view all find it.
type Figure struct {
	// Page is the page the rectangle is on, from 1.
	Page int
	// Rect is the rectangle as fractions of the page as drawn (upright,
	// with its /Rotate applied): X0 < X1 and Y0 < Y1, 0 at the top left
	// and 1 at the bottom right.
	Rect PageRect
	// PNG is the image; Width and Height its size in pixels. Only the reads
	// that draw figures fill it in (Library.Excerpt, Briefing, Bundle and
	// BundleWithoutTexts); listings and search leave it nil, so that a
	// list of many figures never loads their images.
	PNG           []byte
	Width, Height int
	// SHA256 is the hex SHA-256 of PNG, checked when a figure is stored
	// or imported.
	SHA256 string
	// Caption is what "Figure N: …" says under the figure in a briefing.
	Caption string
}

// PageRect is a rectangle on a page, as fractions of the page as drawn.
type PageRect struct{ X0, Y0, X1, Y1 float32 }

// Empty says whether the rectangle has no area.
func (r PageRect) Empty() bool { return r.X1 <= r.X0 || r.Y1 <= r.Y0 }

// Contains says whether the point (x, y) lies in the rectangle.
func (r PageRect) Contains(x, y float32) bool {
	return x >= r.X0 && x <= r.X1 && y >= r.Y0 && y <= r.Y1
}

// FigureSHA256 is the hex SHA-256 of a figure's PNG.
func FigureSHA256(png []byte) string {
	sum := sha256.Sum256(png)
	return hex.EncodeToString(sum[:])
}

// MinFigurePixels is the least width and height of a figure at print
// resolution (about 1/80 inch at 300 dpi): less is a slip of the mouse or a
// mistyped rectangle, not a chart.
const MinFigurePixels = 4

// MaxFigureBytes is the most a figure's PNG may take: an A4 page at 300
// dpi is about 8.7 million pixels, a few megabytes as PNG.
const MaxFigureBytes = 20 << 20

// Validate checks what the store and an imported briefing file need of a
// figure: a page, a rectangle inside it, an image that matches its hash,
// and a caption within its limit.
func (f *Figure) Validate() error {
	switch {
	case f.Page < 1:
		return Errorf(EINVALID, "the figure has no page: cut it out of a page of a PDF source")
	case f.Rect.Empty() || f.Rect.X0 < 0 || f.Rect.Y0 < 0 || f.Rect.X1 > 1 || f.Rect.Y1 > 1:
		return Errorf(EINVALID, "the figure's rectangle on page %d is empty or outside the page: drag a rectangle over the figure", f.Page)
	case len(f.PNG) == 0:
		return Errorf(EINVALID, "the figure on page %d has no image: cut it out again", f.Page)
	case len(f.PNG) > MaxFigureBytes:
		return Errorf(EINVALID, "the figure on page %d is %.1f MB, more than the %d MB a figure can hold: cut out a smaller rectangle",
			f.Page, float64(len(f.PNG))/(1<<20), MaxFigureBytes>>20)
	case f.SHA256 != FigureSHA256(f.PNG):
		return Errorf(EINVALID, "the figure on page %d does not match its SHA-256: the image was changed or damaged; cut it out again", f.Page)
	case f.Width < MinFigurePixels || f.Height < MinFigurePixels:
		return Errorf(EINVALID, "the figure on page %d is %d×%d pixels, too small to be a figure: drag a rectangle around the whole chart or table", f.Page, f.Width, f.Height)
	}
	return checkFields(FigureCaption.of(f.Caption))
}

// Label is how lists name a figure excerpt: "Figure, p. 4: caption".
func (f *Figure) Label() string {
	if f.Caption == "" {
		return fmt.Sprintf("Figure, p. %d", f.Page)
	}
	return fmt.Sprintf("Figure, p. %d: %s", f.Page, f.Caption)
}

// FigureSpan is the span of the source's text a figure on page (from 0)
// holds: the runes its page map draws inside r, or, for a chart with no
// text or a source without a map, an empty span where the page's text
// begins (by the map, else by the page breaks; the text's end past them).
func (s *Source) FigureSpan(page int, r PageRect) (start, end int) {
	if m := s.TextMap; m != nil {
		if start, end, ok := m.Within(page, r); ok {
			return start, end
		}
		for pg := page; pg < len(m.Pages); pg++ {
			if at, ok := m.PageStart(pg); ok {
				return at, at
			}
		}
	}
	switch {
	case page <= 0:
		return 0, 0
	case page-1 < len(s.Pages):
		return s.Pages[page-1], s.Pages[page-1]
	}
	n := len([]rune(s.Text))
	return n, n
}
