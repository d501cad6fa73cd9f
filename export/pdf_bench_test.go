package export

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"strings"
	"testing"

	"github.com/attache/attache/domain"
	"github.com/attache/attache/interchange"
)

// benchBundle generates a briefing of n excerpts in sections of ten, fed
// through the JSON interchange format as a real import would be.
func benchBundle(tb testing.TB, n int) *domain.Bundle {
	tb.Helper()
	var sources []*domain.Source
	for s := 0; s < 20; s++ {
		var text strings.Builder
		for p := 0; p < 30; p++ {
			fmt.Fprintf(&text, "Paragraph %d of report %d: export controls on advanced chips shape the alliance’s “small yard” — and partners weigh costs, supply chains and the pace of substitution. ", p, s)
			text.WriteString("\n\n")
		}
		src := &domain.Source{ID: int64(s + 1), Title: fmt.Sprintf("Report %d on technology statecraft", s+1),
			Authors: []string{"Analyst Number" + fmt.Sprint(s)}, Publisher: "Institute", Text: text.String(), Reliability: "B"}
		src.Published, _ = domain.ParseDate("2025-01-15")
		sources = append(sources, src)
	}
	b := &domain.Briefing{Title: "Generated briefing", Summary: "A generated bottom line.", Status: domain.StatusFinal}
	b.Date, _ = domain.ParseDate("2026-01-01")
	for i := 0; i < n; i++ {
		if i%10 == 0 {
			b.Blocks = append(b.Blocks, &domain.Block{Type: domain.BlockHeading, Text: fmt.Sprintf("Section %d", i/10+1)})
		}
		// About half a page per excerpt with its commentary, as in a long
		// annotated briefing: 1,000 excerpts make about 500 pages.
		b.Blocks = append(b.Blocks, &domain.Block{Type: domain.BlockCommentary, Text: strings.Repeat(strings.Repeat("The analyst’s commentary sets the excerpt in context for the reader and weighs what it means. ", 4)+"\n\n", 3)})
		src := sources[i%len(sources)]
		p := i % 30
		quote := fmt.Sprintf("Paragraph %d of report %d: export controls on advanced chips shape the alliance’s “small yard” — and partners weigh costs, supply chains and the pace of substitution.", p, i%len(sources))
		b.Blocks = append(b.Blocks, &domain.Block{Type: domain.BlockExcerpt, Excerpt: &domain.Excerpt{SourceID: src.ID, Quote: quote, Note: "Why it matters."}})
	}
	var js bytes.Buffer
	for _, blk := range b.Blocks {
		if blk.Excerpt != nil {
			spans, err := domain.FindQuote(sources[blk.Excerpt.SourceID-1].Text, blk.Excerpt.Quote)
			if err != nil {
				tb.Fatal(err)
			}
			blk.Excerpt.Start, blk.Excerpt.End = spans[0].Start, spans[0].End
		}
	}
	if err := interchange.WriteJSON(&js, &domain.Bundle{Briefing: b, Sources: sources}); err != nil {
		tb.Fatal(err)
	}
	bundle, err := interchange.ReadJSON(&js)
	if err != nil {
		tb.Fatal(err)
	}
	// The overall marking, set after the round trip, which is there for
	// the text: with no portion marked it is the banner of every page.
	bundle.Briefing.Scheme, bundle.Briefing.Classification = domain.SchemeUS, domain.MarkingUnclassified
	return bundle
}

func benchmarkPDF(b *testing.B, n int) {
	bundle := benchBundle(b, n)
	b.ReportAllocs()
	b.ResetTimer()
	var size int
	for b.Loop() {
		var cw countingWriter
		if err := WritePDF(context.Background(), &cw, bundle, PDFOptions{}); err != nil {
			b.Fatal(err)
		}
		size = int(cw)
	}
	b.ReportMetric(float64(size)/1024, "KiB/pdf")
}

type countingWriter int

func (c *countingWriter) Write(p []byte) (int, error) {
	*c += countingWriter(len(p))
	return len(p), nil
}

var _ io.Writer = (*countingWriter)(nil)

func BenchmarkPDF10Excerpts(b *testing.B)   { benchmarkPDF(b, 10) }
func BenchmarkPDF1000Excerpts(b *testing.B) { benchmarkPDF(b, 1000) }

func TestBenchBundleRendersManyPages(t *testing.T) {
	if testing.Short() {
		t.Skip("slow")
	}
	var buf bytes.Buffer
	if err := WritePDF(context.Background(), &buf, benchBundle(t, 300), PDFOptions{}); err != nil {
		t.Fatal(err)
	}
	if n := pageCount(t, buf.Bytes()); n < 100 {
		t.Fatalf("300 excerpts gave only %d pages", n)
	}
}
