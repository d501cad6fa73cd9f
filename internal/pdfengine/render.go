package pdfengine

import (
	"errors"
	"fmt"
	"image"
	"time"

	"github.com/klippa-app/go-pdfium"
	pdfiumerr "github.com/klippa-app/go-pdfium/errors"
	"github.com/klippa-app/go-pdfium/references"
	"github.com/klippa-app/go-pdfium/requests"
)

// Doc is a PDF open for drawing its pages, on an instance of its own. It is
// used by one goroutine at a time; Close gives the instance back.
type Doc struct {
	inst  pdfium.Pdfium
	mem   *Memory
	doc   references.FPDF_DOCUMENT
	pages int
}

// ErrProtected is Open's error for a PDF that needs a password.
var ErrProtected = errors.New("the PDF is protected by a password")

// Open opens a PDF held in data (which must not change while it is open),
// waiting up to wait for a free instance.
func Open(data []byte, wait time.Duration) (d *Doc, err error) {
	inst, mem, err := Instance(wait, false)
	if err != nil {
		return nil, err
	}
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("the PDF could not be opened: %v", r)
		}
		if err != nil {
			inst.Close()
			d = nil
		}
	}()
	doc, err := inst.OpenDocument(&requests.OpenDocument{File: &data})
	switch {
	case errors.Is(err, pdfiumerr.ErrPassword), errors.Is(err, pdfiumerr.ErrSecurity):
		return nil, ErrProtected
	case err != nil:
		return nil, fmt.Errorf("the PDF could not be opened: %w", err)
	}
	pc, err := inst.FPDF_GetPageCount(&requests.FPDF_GetPageCount{Document: doc.Document})
	if err != nil {
		inst.FPDF_CloseDocument(&requests.FPDF_CloseDocument{Document: doc.Document})
		return nil, fmt.Errorf("the PDF's pages could not be counted: %w", err)
	}
	return &Doc{inst: inst, mem: mem, doc: doc.Document, pages: pc.PageCount}, nil
}

// Pages is the document's page count.
func (d *Doc) Pages() int { return d.pages }

// Memory is the record of the instance's memory.
func (d *Doc) Memory() *Memory { return d.mem }

// PageSize is page i's size in points (from 0).
func (d *Doc) PageSize(i int) (w, h float64, err error) {
	if i < 0 || i >= d.pages {
		return 0, 0, fmt.Errorf("there is no page %d of %d", i+1, d.pages)
	}
	r, err := d.inst.GetPageSize(&requests.GetPageSize{Page: d.page(i)})
	if err != nil {
		return 0, 0, err
	}
	return r.Width, r.Height, nil
}

func (d *Doc) page(i int) requests.Page {
	return requests.Page{ByIndex: &requests.PageByIndex{Document: d.doc, Index: i}}
}

// Render draws page i (from 0) width pixels wide, its height in
// proportion, on white. The image is the caller's: it outlives the
// document.
func (d *Doc) Render(i, width int) (img *image.RGBA, err error) {
	if i < 0 || i >= d.pages {
		return nil, fmt.Errorf("there is no page %d of %d", i+1, d.pages)
	}
	if width <= 0 {
		return nil, fmt.Errorf("cannot draw a page %d pixels wide", width)
	}
	defer func() {
		if r := recover(); r != nil { // the engine ran out of memory, say
			img, err = nil, fmt.Errorf("page %d could not be drawn: %v", i+1, r)
		}
	}()
	r, err := d.inst.RenderPageInPixels(&requests.RenderPageInPixels{Page: d.page(i), Width: width})
	if err != nil {
		return nil, fmt.Errorf("page %d could not be drawn: %w", i+1, err)
	}
	defer r.Cleanup() // the pixels live in the engine's memory until then
	src, ok := r.Result.RenderedImage.(*image.RGBA)
	if !ok {
		return nil, fmt.Errorf("page %d was drawn as %T", i+1, r.Result.RenderedImage)
	}
	b := src.Bounds()
	out := image.NewRGBA(image.Rect(0, 0, b.Dx(), b.Dy()))
	for y := range b.Dy() {
		copy(out.Pix[y*out.Stride:(y+1)*out.Stride], src.Pix[src.PixOffset(b.Min.X, b.Min.Y+y):])
	}
	return out, nil
}

// Close closes the document and gives its instance back, freeing its
// memory.
func (d *Doc) Close() error {
	if d == nil || d.inst == nil {
		return nil
	}
	_, err := d.inst.FPDF_CloseDocument(&requests.FPDF_CloseDocument{Document: d.doc})
	err = errors.Join(err, d.inst.Close())
	d.inst = nil
	return err
}
