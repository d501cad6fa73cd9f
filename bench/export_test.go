package bench

import (
	"context"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/attache/attache/domain"
	"github.com/attache/attache/export"
	"github.com/attache/attache/store"
)

// The export benchmarks use a briefing of exportExcerpts excerpts of the
// search library, exportPerSource from each source, in sections of ten, each
// with three paragraphs of commentary: about 500 pages of PDF, like export's
// own BenchmarkPDF1000Excerpts.
const (
	exportExcerpts  = 1000
	exportPerSource = 5 // 1,000 excerpts cite 200 sources
)

// exportLibraryFile is the search library with the 1,000-excerpt briefing,
// which is briefing 1.
var exportLibraryFile = sync.OnceValues(func() (string, error) {
	base, err := searchLibraryFile()
	if err != nil {
		return "", err
	}
	return cached(fmt.Sprintf("export-%d", exportExcerpts), func(path string) error {
		if err := copyFile(path, base); err != nil {
			return err
		}
		return addBenchBriefing(context.Background(), path)
	})
})

var exportLibrary = openCopy(exportLibraryFile)

// addBenchBriefing adds the benchmark briefing to the library at path. The
// search library's source i has excerpts i*50+1 … i*50+50.
func addBenchBriefing(ctx context.Context, path string) error {
	st, err := store.Open(ctx, path)
	if err != nil {
		return err
	}
	b := benchBriefing(exportExcerpts)
	if err := st.CreateBriefing(ctx, b); err != nil {
		st.Close()
		return err
	}
	if b.ID != 1 {
		st.Close()
		return fmt.Errorf("the bench briefing is number %d, want 1", b.ID)
	}
	return st.Close()
}

// benchBriefing is a briefing of n excerpts, exportPerSource from each of
// the first n/exportPerSource sources. It is US-marked throughout, as an
// export needs once any portion is (the generated excerpts carry U, CUI or
// no mark): every block (U), so an excerpt is the higher of its own mark
// and U, under the overall marking CUI.
func benchBriefing(n int) *domain.Briefing {
	u := domain.MarkingUnclassified
	b := &domain.Briefing{Title: "Technology statecraft: a generated briefing", Summary: "A generated bottom line for the benchmark.",
		Author: "Bench Analyst", Status: domain.StatusFinal, Scheme: domain.SchemeUS, Classification: domain.MarkingCUI,
		TitleMarking: u, SummaryMarking: u, Authority: domain.Authority{ClassifiedBy: "Bench Agency"}}
	b.Date, _ = domain.ParseDate("2026-01-01")
	commentary := strings.Repeat(strings.Repeat("The analyst’s commentary sets the excerpt in context for the reader and weighs what it means. ", 4)+"\n\n", 3)
	for i := range n {
		if i%10 == 0 {
			b.Blocks = append(b.Blocks, &domain.Block{Type: domain.BlockHeading, Text: fmt.Sprintf("Section %d", i/10+1), Marking: u})
		}
		b.Blocks = append(b.Blocks, &domain.Block{Type: domain.BlockCommentary, Text: strings.TrimSpace(commentary), Marking: u})
		src, k := i/exportPerSource, i%exportPerSource
		b.Blocks = append(b.Blocks, &domain.Block{Type: domain.BlockExcerpt, ExcerptID: int64(src*excerptsPerSource + k*7 + 1),
			Marking: domain.MarkingCUI}) // at or above any excerpt's own mark, which the block may raise, never lower
	}
	return b
}

// BenchmarkBundle1000Excerpts loads the 1,000-excerpt briefing with the
// sources it cites, texts included, as the JSON export does first. Target
// p50 ≤ 20 ms.
func BenchmarkBundle1000Excerpts(b *testing.B) {
	heavy(b)
	st := mustLibrary(b, exportLibrary)
	runBundle(b, st.Bundle)
}

// BenchmarkBundle1000ExcerptsWithoutTexts is the same without the sources'
// texts, as the PDF and Markdown exports load it.
func BenchmarkBundle1000ExcerptsWithoutTexts(b *testing.B) {
	heavy(b)
	st := mustLibrary(b, exportLibrary)
	runBundle(b, st.BundleWithoutTexts)
}

func runBundle(b *testing.B, load func(context.Context, int64) (*domain.Bundle, error)) {
	ctx := context.Background()
	bundle, err := load(ctx, 1)
	if err != nil {
		b.Fatal(err)
	}
	if n := len(bundle.Sources); n != exportExcerpts/exportPerSource {
		b.Fatalf("the bundle has %d sources, want %d", n, exportExcerpts/exportPerSource)
	}
	lat := make([]time.Duration, 0, b.N)
	b.ReportAllocs()
	b.ResetTimer()
	c0 := cpuTime()
	for range b.N {
		t0 := time.Now()
		if _, err := load(ctx, 1); err != nil {
			b.Fatal(err)
		}
		lat = append(lat, time.Since(t0))
	}
	cpu := cpuTime() - c0
	b.StopTimer()
	reportPercentiles(b, lat)
	reportCPU(b, cpu)
}

// TestBenchBriefing checks the briefing recipe on a small library: the
// excerpt numbers it names exist and belong to the sources it means.
func TestBenchBriefing(t *testing.T) {
	const n = 20
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "library.db")
	if err := buildLibrary(ctx, path, 0, n/exportPerSource, excerptsPerSource, io.Discard); err != nil {
		t.Fatal(err)
	}
	st, err := store.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if err := st.CreateBriefing(ctx, benchBriefing(n)); err != nil {
		t.Fatal(err)
	}
	bundle, err := st.Bundle(ctx, 1)
	if err != nil {
		t.Fatal(err)
	}
	excerpts := 0
	for _, blk := range bundle.Briefing.Blocks {
		if blk.Excerpt != nil {
			if want := int64(excerpts/exportPerSource + 1); blk.Excerpt.SourceID != want {
				t.Fatalf("excerpt %d is of source %d, want %d", excerpts, blk.Excerpt.SourceID, want)
			}
			excerpts++
		}
	}
	if excerpts != n || len(bundle.Sources) != n/exportPerSource {
		t.Fatalf("%d excerpts from %d sources", excerpts, len(bundle.Sources))
	}
	// The export benchmarks write it: no check may refuse the recipe's
	// marks with the excerpts' own (the library's generated ones).
	recipe := benchBriefing(n)
	for i, blk := range bundle.Briefing.Blocks {
		recipe.Blocks[i].Excerpt = blk.Excerpt
	}
	if ps := export.NewDocument(&domain.Bundle{Briefing: recipe, Sources: bundle.Sources}).Refusals(); len(ps) > 0 {
		t.Fatalf("the bench briefing would not export: %+v", ps[0])
	}
}
