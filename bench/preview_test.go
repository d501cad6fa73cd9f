package bench

import (
	"context"
	"fmt"
	"image"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/attache/attache/domain"
	"github.com/attache/attache/export"
	"github.com/attache/attache/internal/pdfengine"
)

// The preview benchmarks: the composer's Preview lays the briefing out as
// its PDF and draws the pages in view. Targets (issue #15), on 2 cores with
// the engine's compiled code cached: lay out a 20-page briefing and draw
// its first page ≤ 500 ms; draw one page 1,600 px wide ≤ 150 ms.
const (
	previewPages = 20   // the briefing's length in pages
	previewWidth = 1600 // pixels, a page filling a wide window on a HiDPI screen
)

// previewEngine points the PDF engine's compiled-code cache into the
// benchmarks' scratch folder (never $HOME) and compiles it once, so that
// what is measured is the preview, not the first start.
var previewEngine = sync.OnceValue(func() error {
	dir, err := scratch()
	if err != nil {
		return err
	}
	if err := pdfengine.Close(); err != nil {
		return err
	}
	pdfengine.SetCacheDir(filepath.Join(dir, "wasm"))
	_, _, err = export.RenderPages(context.Background(), export.NewDocument(previewBundle(1)), "a4", []int{0}, 100)
	return err
})

// previewBundle is a briefing of sections of commentary and excerpts from
// generated articles, as long as it takes to fill pages pages of A4.
func previewBundle(pages int) *domain.Bundle {
	b := &domain.Briefing{ID: 1, Title: "Technology statecraft: options for the alliance", Summary: "A generated bottom line for the preview benchmark.",
		Status: domain.StatusDraft, IncludeNotes: true}
	b.Date, _ = domain.ParseDate("2026-01-01")
	bundle := &domain.Bundle{Briefing: b}
	for i := 0; ; i++ {
		a := Generate(seed, i)
		src := &domain.Source{ID: int64(i + 1), Title: a.Title, Authors: a.Authors, Publisher: a.Publisher, Published: a.Published,
			Text: a.Body(), Reliability: "B"}
		bundle.Sources = append(bundle.Sources, src)
		b.Blocks = append(b.Blocks, &domain.Block{Type: domain.BlockHeading, Text: a.Title})
		body := []rune(src.Text)
		for k, s := range a.Sentences() {
			if k >= 4 {
				break
			}
			b.Blocks = append(b.Blocks, &domain.Block{Type: domain.BlockCommentary, Text: strings.Join(a.Paragraphs[min(k, len(a.Paragraphs)-1)], " ")},
				&domain.Block{Type: domain.BlockExcerpt, Excerpt: &domain.Excerpt{ID: int64(i*10 + k + 1), SourceID: src.ID,
					Start: s.Start, End: s.End, Quote: string(body[s.Start:s.End])}})
		}
		if i%3 == 2 {
			if n, err := export.NewDocument(bundle).Pages("a4"); err != nil || n >= pages {
				return bundle
			}
		}
	}
}

func TestPreviewBundleIsTwentyPages(t *testing.T) {
	n, err := export.NewDocument(previewBundle(previewPages)).Pages("a4")
	if err != nil || n < previewPages || n > previewPages+4 {
		t.Fatalf("%d pages (%v), want about %d", n, err, previewPages)
	}
}

// BenchmarkPreviewFirstPage is what an edit costs before the analyst sees
// it: the layout of the whole briefing, its PDF, and the first page drawn.
func BenchmarkPreviewFirstPage(b *testing.B) {
	if err := previewEngine(); err != nil {
		b.Fatal(err)
	}
	bundle := previewBundle(previewPages)
	b.ResetTimer()
	for b.Loop() {
		p, imgs, err := export.RenderPages(context.Background(), export.NewDocument(bundle), "a4", []int{0}, previewWidth)
		if err != nil || len(imgs) != 1 || p.Pages < previewPages {
			b.Fatalf("%v, %d images", err, len(imgs))
		}
	}
}

// BenchmarkPreviewLayout is the layout and PDF alone, the part of the
// first page the pages drawn later do not repeat.
func BenchmarkPreviewLayout(b *testing.B) {
	bundle := previewBundle(previewPages)
	for b.Loop() {
		if _, err := export.NewDocument(bundle).Preview(context.Background(), "a4"); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkPreviewPage draws one page of a laid-out briefing 1,600 px wide,
// opening the PDF in the engine as the preview does for each batch of
// pages; the next page of the batch costs the draw-only figure.
func BenchmarkPreviewPage(b *testing.B) {
	if err := previewEngine(); err != nil {
		b.Fatal(err)
	}
	p, err := export.NewDocument(previewBundle(previewPages)).Preview(context.Background(), "a4")
	if err != nil {
		b.Fatal(err)
	}
	for _, batch := range []int{1, 4} {
		b.Run(fmt.Sprintf("batch-%d", batch), func(b *testing.B) {
			pages := make([]int, batch)
			for i := range pages {
				pages[i] = i + 3
			}
			for b.Loop() {
				drawn := 0
				if err := p.Draw(context.Background(), pages, previewWidth, func(int, *image.RGBA) { drawn++ }); err != nil || drawn != batch {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Milliseconds())/float64(b.N*batch), "ms/page")
		})
	}
}
