package pdfengine

import (
	"bytes"
	"fmt"
	"image"
	"image/png"
	"math"
)

// PrintDPI is the resolution figures are cut at: what a printer prints, so
// a chart in an exported briefing is as sharp on paper as in its source.
const PrintDPI = 300

// maxCutPixels bounds the page drawn to cut a figure from (A0 at 300 dpi is
// 140 million pixels): the resolution is lowered to stay under it.
const maxCutPixels = 40_000_000

// Cut draws the rectangle x0,y0–x1,y1 of page i (from 0), given as
// fractions of the page as drawn, at dpi dots per inch (lower for a page
// too large to draw whole at it), and gives it as PNG with its size in
// pixels.
func (d *Doc) Cut(i int, x0, y0, x1, y1 float64, dpi int) (pngData []byte, w, h int, err error) {
	if x1 <= x0 || y1 <= y0 || x0 < 0 || y0 < 0 || x1 > 1 || y1 > 1 {
		return nil, 0, 0, fmt.Errorf("the rectangle on page %d is empty or outside the page", i+1)
	}
	wPt, hPt, err := d.PageSize(i)
	if err != nil {
		return nil, 0, 0, err
	}
	scale := float64(dpi) / 72
	if px := wPt * hPt * scale * scale; px > maxCutPixels {
		scale *= math.Sqrt(maxCutPixels / px)
	}
	page, err := d.Render(i, max(1, int(math.Round(wPt*scale))))
	if err != nil {
		return nil, 0, 0, err
	}
	b := page.Bounds()
	r := image.Rect(int(math.Floor(x0*float64(b.Dx()))), int(math.Floor(y0*float64(b.Dy()))),
		int(math.Ceil(x1*float64(b.Dx()))), int(math.Ceil(y1*float64(b.Dy())))).Intersect(b)
	if r.Empty() {
		return nil, 0, 0, fmt.Errorf("the rectangle on page %d is too small to draw", i+1)
	}
	var buf bytes.Buffer
	enc := png.Encoder{CompressionLevel: png.BestCompression}
	if err := enc.Encode(&buf, page.SubImage(r)); err != nil {
		return nil, 0, 0, err
	}
	return buf.Bytes(), r.Dx(), r.Dy(), nil
}
