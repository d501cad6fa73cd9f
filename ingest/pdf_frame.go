package ingest

import (
	"github.com/klippa-app/go-pdfium"
	"github.com/klippa-app/go-pdfium/requests"

	"github.com/attache/attache/domain"
)

// pageFrame maps PDF page space (points, y upwards, before /Rotate) to the
// page as PDFium renders it: fractions of its width and height from the
// top-left corner, /Rotate and the crop box applied. The page map's boxes
// are in that frame, whatever frame the text is read in.
type pageFrame struct {
	a, b, c, d, e, f float64 // fx = a·x + c·y + e, fy = b·x + d·y + f
}

// frameScale is the device size asked of FPDF_PageToDevice, which answers
// in whole pixels: large enough that a pixel is a negligible fraction.
const frameScale = 1 << 22

// pageFrameOf asks PDFium where three points of page space land on the
// rendered page; the affine map through them is the page's frame. ok is
// false when PDFium cannot say.
func pageFrameOf(inst pdfium.Pdfium, page requests.Page) (pageFrame, bool) {
	const span = 100.0 // points between the probes
	var dev [3][2]float64
	for k, p := range [3][2]float64{{0, 0}, {span, 0}, {0, span}} {
		r, err := inst.FPDF_PageToDevice(&requests.FPDF_PageToDevice{Page: page, SizeX: frameScale, SizeY: frameScale,
			PageX: p[0], PageY: p[1]})
		if err != nil {
			return pageFrame{}, false
		}
		dev[k] = [2]float64{float64(r.DeviceX) / frameScale, float64(r.DeviceY) / frameScale}
	}
	return pageFrame{
		a: (dev[1][0] - dev[0][0]) / span, b: (dev[1][1] - dev[0][1]) / span,
		c: (dev[2][0] - dev[0][0]) / span, d: (dev[2][1] - dev[0][1]) / span,
		e: dev[0][0], f: dev[0][1],
	}, true
}

func (t pageFrame) at(x, y float64) (float64, float64) {
	return t.a*x + t.c*y + t.e, t.b*x + t.d*y + t.f
}

// vec maps a direction of page space.
func (t pageFrame) vec(x, y float64) (float64, float64) { return t.a*x + t.c*y, t.b*x + t.d*y }

// box maps a page-space box to the rendered page, kept on the page. The
// frame turns by quarter turns only (and mirrors y), so two opposite
// corners give the box.
func (t pageFrame) box(left, bottom, right, top float64) domain.PageRect {
	xa, ya := t.at(left, bottom)
	xb, yb := t.at(right, top)
	return domain.PageRect{X0: clamp01(min(xa, xb)), Y0: clamp01(min(ya, yb)), X1: clamp01(max(xa, xb)), Y1: clamp01(max(ya, yb))}
}

func clamp01(v float64) float32 { return float32(min(max(v, 0), 1)) }
