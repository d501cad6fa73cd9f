package bench

import (
	"bytes"
	"context"
	"runtime"
	"sync"
	"testing"
	"time"

	"github.com/attache/attache/export"
	"github.com/attache/attache/internal/pdfengine"
)

// The page view benchmarks (issue #16): a PDF source read as its pages.
// Targets, on 2 cores with the engine's compiled code cached: the first
// page visible ≤ 1 s after opening a 100-page report (open, its page size,
// page 1 drawn 1,600 px wide); each further page ≤ 150 ms at 1,600 px;
// memory bounded (only the pages near the viewport are kept as images).
const (
	reportPages = 100  // the report's length in pages
	readerWidth = 1600 // pixels, a page filling a wide window on a HiDPI screen
)

// report is a generated 100-page report as PDF: a long briefing of
// commentary and excerpts, exported as the analyst would export it.
var report = sync.OnceValues(func() ([]byte, error) {
	var buf bytes.Buffer
	if err := export.WritePDF(context.Background(), &buf, previewBundle(reportPages), export.PDFOptions{Paper: "a4"}); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
})

// readerFixture is the report and a warm engine (its compiled code cached
// and an instance started), so that what is measured is the page view's
// work, not the engine's first start.
func readerFixture(b *testing.B) []byte {
	b.Helper()
	if err := previewEngine(); err != nil {
		b.Fatal(err)
	}
	if err := pdfengine.Start(); err != nil {
		b.Fatal(err)
	}
	data, err := report()
	if err != nil {
		b.Fatal(err)
	}
	d, err := pdfengine.Open(data, time.Minute)
	if err != nil {
		b.Fatal(err)
	}
	if d.Pages() < reportPages {
		b.Fatalf("the report has %d pages, want %d", d.Pages(), reportPages)
	}
	d.Close()
	return data
}

// BenchmarkPagesFirstVisible is what opening a PDF source costs before its
// first page shows: the PDF opened in the engine, page 1's size (the
// sheets' shape) and page 1 drawn.
func BenchmarkPagesFirstVisible(b *testing.B) {
	data := readerFixture(b)
	b.ResetTimer()
	for b.Loop() {
		d, err := pdfengine.Open(data, time.Minute)
		if err != nil {
			b.Fatal(err)
		}
		if _, _, err := d.PageSize(0); err != nil {
			b.Fatal(err)
		}
		if _, err := d.Render(0, readerWidth); err != nil {
			b.Fatal(err)
		}
		d.Close()
	}
	b.ReportMetric(float64(b.Elapsed().Milliseconds())/float64(b.N), "ms/first-page")
}

// BenchmarkPagesFurther draws the further pages of an open report as the
// analyst scrolls, 1,600 px wide, and reports the Go heap while the three
// pages a view holds (the one in view and its neighbours) are kept.
func BenchmarkPagesFurther(b *testing.B) {
	data := readerFixture(b)
	d, err := pdfengine.Open(data, time.Minute)
	if err != nil {
		b.Fatal(err)
	}
	defer d.Close()
	var before runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	b.ResetTimer()
	held := make([]any, 3) // the pages near the viewport
	page := 1
	for b.Loop() {
		img, err := d.Render(page, readerWidth)
		if err != nil {
			b.Fatal(err)
		}
		held[page%3] = img
		page = page%(reportPages-1) + 1
	}
	b.StopTimer()
	b.ReportMetric(float64(b.Elapsed().Microseconds())/1000/float64(b.N), "ms/page")
	var after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&after)
	b.ReportMetric(float64(after.HeapAlloc)/(1<<20), "heap-MiB")
	b.ReportMetric(float64(int64(after.HeapAlloc)-int64(before.HeapAlloc))/(1<<20), "held-MiB")
	b.ReportMetric(float64(d.Memory().Peak())/(1<<20), "engine-peak-MiB")
	runtime.KeepAlive(held)
}
