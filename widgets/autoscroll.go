package widgets

import (
	"time"

	"fyne.io/fyne/v2"
)

// The Reader (a selection dragged past its edge) and the Document (an
// item or a passage dragged past its edge) scroll the same way: a ticker
// that steps while the pointer stays past a scrolling edge.

// autoScrollInterval is how often a drag past the top or bottom edge scrolls.
const autoScrollInterval = 40 * time.Millisecond

// startTicker calls step on the UI goroutine every autoScrollInterval
// until *stop is closed by stopTicker; while *stop is set it does nothing
// (a tick is under way, or a test stands in for it).
func startTicker(stop *chan struct{}, step func()) {
	if *stop != nil {
		return
	}
	ch := make(chan struct{})
	*stop = ch
	go func() {
		t := time.NewTicker(autoScrollInterval)
		defer t.Stop()
		for {
			select {
			case <-ch:
				return
			case <-t.C:
				fyne.Do(func() {
					if *stop == ch { // not stopped, nor started again, meanwhile
						step()
					}
				})
			}
		}
	}()
}

// stopTicker stops what startTicker started.
func stopTicker(stop *chan struct{}) {
	if *stop != nil {
		close(*stop)
		*stop = nil
	}
}

// pastEdge is how far y, a pointer's height in a view h high, is past the
// view's top (< 0) or bottom (> 0) scrolling edge, the band edge deep.
func pastEdge(y, h, edge float32) float32 {
	switch {
	case y < edge:
		return y - edge
	case y > h-edge:
		return y - (h - edge)
	}
	return 0
}
