package widgets

import (
	"math/rand/v2"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
)

// newTestReader shows a Reader alone in an unpadded test window of the given size.
func newTestReader(tb testing.TB, size fyne.Size) (*Reader, fyne.Window) {
	tb.Helper()
	dir := tb.TempDir()
	tb.Setenv("XDG_CONFIG_HOME", dir+"/config")
	tb.Setenv("XDG_CACHE_HOME", dir+"/cache")
	tb.Setenv("XDG_DATA_HOME", dir+"/data")
	test.NewTempApp(tb)
	r := NewReader()
	w := test.NewWindow(r)
	w.SetPadded(false)
	w.Resize(size)
	tb.Cleanup(w.Close)
	return r, w
}

// canvasPos is the canvas position of the boundary before rune i, halfway
// down its line, for a Reader that is the whole content of an unpadded window.
// (The test driver's AbsolutePositionForObject subtracts a simulated inset.)
func canvasPos(r *Reader, i int) fyne.Position {
	abs := r.Position().Add(r.scroll.Position()).Add(r.body.Position())
	return abs.Add(r.positionOf(i)).Add(fyne.NewPos(0, r.wrap.lineH/2))
}

// bodyPos is the same position in the body's own coordinates.
func bodyPos(r *Reader, i int) fyne.Position {
	return r.positionOf(i).Add(fyne.NewPos(0, r.wrap.lineH/2))
}

// dragRunes drags on the canvas from the boundary before rune i to that before rune j.
func dragRunes(c fyne.Canvas, r *Reader, i, j int) {
	from, to := canvasPos(r, i), canvasPos(r, j)
	test.Drag(c, to, to.X-from.X, to.Y-from.Y)
}

// runeIndex returns the rune offset of the nth (0-based) occurrence of phrase in text.
func runeIndex(tb testing.TB, text, phrase string, nth int) int {
	tb.Helper()
	from := 0
	for {
		i := strings.Index(text[from:], phrase)
		if i < 0 {
			tb.Fatalf("occurrence %d of %q not found", nth, phrase)
		}
		if nth == 0 {
			return len([]rune(text[:from+i]))
		}
		nth--
		from += i + len(phrase)
	}
}

// bodyObjects returns the body renderer's texts and rectangles of the given colour.
func bodyObjects(r *Reader, rectColor func(*canvas.Rectangle) bool) (texts []*canvas.Text, rects []*canvas.Rectangle) {
	for _, o := range test.WidgetRenderer(r.body).Objects() {
		switch o := o.(type) {
		case *canvas.Text:
			texts = append(texts, o)
		case *canvas.Rectangle:
			if rectColor(o) {
				rects = append(rects, o)
			}
		}
	}
	return texts, rects
}

var vocabulary = strings.Fields(`the committee said policy analysts report that
	government’s budget “reform” would — in principle — reduce deficits by 3\u00a0% over
	five years; however, critics don’t agree. Αθήνα Μόσχα Москва Берлин résumé naïve
	coöperation sanctions treaty ministers parliament council regulation framework
	implementation stakeholders consultation evidence assessment well-known cross-border`)

// article returns a deterministic text of about n words in paragraphs of 50–90
// words separated by a blank line. With unique, every word is made of random
// letters, so no measurement can come from a cache.
func article(n int, seed uint64, unique bool) string {
	rng := rand.New(rand.NewPCG(seed, 7))
	var b strings.Builder
	para := 0
	for i := 0; i < n; i++ {
		if para == 0 {
			if i > 0 {
				b.WriteString("\n\n")
			}
			para = 50 + rng.IntN(40)
		} else {
			b.WriteByte(' ')
		}
		if unique {
			for k := 3 + rng.IntN(8); k > 0; k-- {
				b.WriteRune(rune('a' + rng.IntN(26)))
			}
		} else {
			b.WriteString(strings.ReplaceAll(vocabulary[rng.IntN(len(vocabulary))], `\u00a0`, "\u00a0"))
		}
		para--
	}
	return b.String()
}
