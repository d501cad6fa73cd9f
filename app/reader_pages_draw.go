package app

import (
	"context"
	"errors"
	"fmt"
	"image"
	"slices"
	"time"

	"github.com/attache/attache/internal/pdfengine"
	"github.com/attache/attache/widgets"
)

// pageDrawer answers a PageView's OnNeed: it draws the pages asked for off
// the UI goroutine, one batch at a time, handing each page over as soon as
// it is drawn, and skips the pages scrolled away from since they were
// asked for (the view asks again when they come back). It is the one
// drawer of pages: of a PDF source in the reader, of the draft's layout in
// the composer's Preview. All fields are the UI goroutine's.
type pageDrawer struct {
	ui      *UI
	view    *widgets.PageView
	draw    drawFunc        // nil while there is nothing to draw
	onError func(err error) // told on the UI goroutine of a drawing that failed
	// before, when set, is asked before the pages asked for are drawn:
	// false leaves them (the Preview draws none while hidden, and Redraw
	// asks again when shown). It may say what the drawing waits for.
	before func() bool
	// onDrawn, when set, is told on the UI goroutine of each page shown.
	onDrawn func(page int)
	drawing bool               // a batch is being drawn
	queue   []pageDraw         // pages asked for, to draw next
	stop    context.CancelFunc // cancels the batch under way
	gen     int                // bumped by every new document: an older one's pages are not shown
}

// drawFunc draws pages (from 0) width pixels wide, handing each to got as
// it is drawn, stopping between pages once ctx is done.
type drawFunc func(ctx context.Context, pages []int, width int, got func(page int, img *image.RGBA)) error

// drawWait is how long drawing waits for the PDF engine while imports hold
// all its instances.
const drawWait = 30 * time.Second

// drawPDF is the drawFunc of a PDF held in data.
func drawPDF(data []byte) drawFunc {
	return func(ctx context.Context, pages []int, width int, got func(int, *image.RGBA)) error {
		err := pdfengine.DrawPages(ctx, data, drawWait, pages, width, got)
		if err != nil && ctx.Err() == nil {
			return fmt.Errorf("the pages could not be drawn: %w", err)
		}
		return err
	}
}

func newPageDrawer(ui *UI, view *widgets.PageView) *pageDrawer {
	d := &pageDrawer{ui: ui, view: view}
	view.OnNeed = d.need
	return d
}

// reset stops any drawing and draws with draw from now on (nil: nothing).
func (d *pageDrawer) reset(draw drawFunc) {
	if d.stop != nil {
		d.stop()
	}
	d.gen++
	d.draw, d.drawing, d.stop, d.queue = draw, false, nil, nil
}

// need queues the pages the view asks for and draws them.
func (d *pageDrawer) need(pages []int, width int) {
	if d.draw == nil || (d.before != nil && !d.before()) {
		return
	}
	// Pages asked for at another width (before a resize or a zoom) are
	// asked for again at this one.
	d.queue = slices.DeleteFunc(d.queue, func(p pageDraw) bool { return p.width != width })
	for _, i := range pages {
		d.queue = append(d.queue, pageDraw{i, width})
	}
	d.next()
}

func (d *pageDrawer) next() {
	if d.drawing || len(d.queue) == 0 || d.draw == nil {
		return
	}
	width := d.queue[0].width
	var pages []int
	for _, p := range d.queue {
		if d.view.Near(p.page) && !slices.Contains(pages, p.page) {
			pages = append(pages, p.page)
		}
	}
	d.queue = nil
	if len(pages) == 0 {
		return
	}
	d.drawing = true
	gen, draw := d.gen, d.draw
	ctx, cancel := context.WithCancel(d.ui.ctx)
	d.stop = cancel
	background(func() {
		err := draw(ctx, pages, width, func(i int, img *image.RGBA) {
			d.ui.do(func() {
				if d.gen == gen {
					d.view.SetPage(i, img, width)
					if d.onDrawn != nil {
						d.onDrawn(i)
					}
				}
			})
		})
		d.ui.do(func() {
			cancel()
			if d.gen != gen {
				return // another document's drawing is under way
			}
			d.drawing, d.stop = false, nil
			if err != nil && !errors.Is(err, context.Canceled) && d.onError != nil {
				d.onError(err)
			}
			d.next()
		})
	})
}
