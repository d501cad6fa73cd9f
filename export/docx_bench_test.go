package export

import (
	"context"
	"testing"
)

// benchmarkDOCX writes benchBundle's briefing of n excerpts to DOCX
// through the registry, as the app and the CLI do, beside benchmarkPDF's
// figure for the same briefing (about 500 pages at 1,000 excerpts).
func benchmarkDOCX(b *testing.B, n int, notes string) {
	bundle := benchBundle(b, n)
	f, _ := Lookup("docx")
	b.ReportAllocs()
	b.ResetTimer()
	var size int
	for b.Loop() {
		var cw countingWriter
		if err := f.Write(context.Background(), &cw, bundle, Options{"notes": notes}); err != nil {
			b.Fatal(err)
		}
		size = int(cw)
	}
	b.ReportMetric(float64(size)/1024, "KiB/docx")
}

func BenchmarkDOCX10Excerpts(b *testing.B)   { benchmarkDOCX(b, 10, "footnotes") }
func BenchmarkDOCX1000Excerpts(b *testing.B) { benchmarkDOCX(b, 1000, "footnotes") }

// Endnotes gather all notes in one story: a writer that rescans it per
// note would show here and not above.
func BenchmarkDOCX1000ExcerptsEndnotes(b *testing.B) { benchmarkDOCX(b, 1000, "endnotes") }
