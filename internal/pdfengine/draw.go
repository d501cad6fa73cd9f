package pdfengine

import (
	"context"
	"image"
	"time"
)

// DrawPages draws pages (from 0) of the PDF in data width pixels wide,
// handing each image to got as soon as it is drawn, waiting up to wait for
// an instance. It stops at the first error, or between pages once ctx is
// done. It is the one loop the composer's preview and the page reader
// draw pages with.
func DrawPages(ctx context.Context, data []byte, wait time.Duration, pages []int, width int, got func(page int, img *image.RGBA)) error {
	if len(pages) == 0 {
		return nil
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	doc, err := Open(data, wait)
	if err != nil {
		return err
	}
	defer doc.Close()
	for _, i := range pages {
		if err := ctx.Err(); err != nil {
			return err
		}
		img, err := doc.Render(i, width)
		if err != nil {
			return err
		}
		got(i, img)
	}
	return nil
}
