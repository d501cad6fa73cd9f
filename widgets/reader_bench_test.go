package widgets

import (
	"testing"
	"time"

	"fyne.io/fyne/v2"
)

// BenchmarkReaderSetText10kWords sets a 10,000-word article on a Reader in a
// 1000×800 window, wrapping it and creating the visible lines (painting is
// the driver's). "warm" re-sets the same article; "unique-words" sets a fresh
// article of random words every time. TestReaderFirstArticleIsFast times the
// very first article, with nothing measured yet.
func BenchmarkReaderSetText10kWords(b *testing.B) {
	b.Run("warm", func(b *testing.B) {
		r, _ := newTestReader(b, fyne.NewSize(1000, 800))
		text := article(10000, 10, false)
		r.SetText(text)
		b.ResetTimer()
		for b.Loop() {
			r.SetText(text)
		}
	})
	b.Run("unique-words", func(b *testing.B) {
		r, _ := newTestReader(b, fyne.NewSize(1000, 800))
		texts := make([]string, 0, 64)
		seed := uint64(100)
		b.ResetTimer()
		for b.Loop() {
			b.StopTimer()
			if len(texts) == 0 {
				for range 16 {
					seed++
					texts = append(texts, article(10000, seed, true))
				}
			}
			text := texts[len(texts)-1]
			texts = texts[:len(texts)-1]
			b.StartTimer()
			r.SetText(text)
		}
	})
}

// BenchmarkReaderResize re-wraps a 10,000-word article between two widths.
func BenchmarkReaderResize(b *testing.B) {
	r, w := newTestReader(b, fyne.NewSize(1000, 800))
	r.SetText(article(10000, 11, false))
	r.ScrollToOffset(30000)
	widths := []float32{500, 1000, 650, 800}
	i := 0
	for b.Loop() {
		w.Resize(fyne.NewSize(widths[i%len(widths)], 800))
		i++
	}
}

// BenchmarkReaderScroll scrolls a 10,000-word article by a third of a page.
func BenchmarkReaderScroll(b *testing.B) {
	r, _ := newTestReader(b, fyne.NewSize(1000, 800))
	r.SetText(article(10000, 12, false))
	y := float32(0)
	for b.Loop() {
		y += 270
		if y > r.contentHeight()-800 {
			y = 0
		}
		r.scrollTo(y)
	}
}

// TestReaderFirstArticleIsFast checks the very first article in a fresh
// Reader (nothing measured yet) is shown well under half a second.
func TestReaderFirstArticleIsFast(t *testing.T) {
	r, _ := newTestReader(t, fyne.NewSize(1000, 800))
	text := article(10000, 13, true)
	start := time.Now()
	r.SetText(text)
	elapsed := time.Since(start)
	t.Logf("first 10,000-word article (unique words): %v, %d lines", elapsed, len(r.wrap.lines))
	if limit := 500 * time.Millisecond; elapsed > limit && !testing.Short() {
		t.Errorf("SetText took %v (limit %v; target well under 0.5 s)", elapsed, limit)
	}
}
